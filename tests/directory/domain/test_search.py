import pytest

from tests.factories.directory import OrganisationFactory
from tradebridge.directory.domain.search import (
    OrganisationFilters,
    filter_organisations,
    matching,
)
from tradebridge.directory.models import Organisation, Region, Sector


@pytest.fixture
def xiaomi(db):
    return OrganisationFactory(
        name_en="Xiaomi", name_zh="小米", home_region=Region.objects.get(code="CN-BJ")
    )


@pytest.mark.parametrize("query", ["Xiaomi", "xiaomi", "xiao mi", "XIAO MI", "小米", "小 米"])
def test_xiaomi_is_found_across_scripts(xiaomi, query):
    assert list(matching(Organisation.objects.all(), query)) == [xiaomi]


@pytest.mark.parametrize("query", ["加州", "加利福尼亚", "California", "jiazhou", "US-CA"])
def test_california_is_found_by_its_names(db, query):
    assert "US-CA" in [r.code for r in matching(Region.objects.all(), query)]


@pytest.mark.parametrize("query", ["廣東", "广东", "Guangdong", "guang dong"])
def test_guangdong_is_found_in_traditional_and_simplified(db, query):
    assert "CN-GD" in [r.code for r in matching(Region.objects.all(), query)]


def test_exact_name_ranks_before_partial(db):
    partial = OrganisationFactory(name_en="Dairy Farmers of Xiaomi County", name_zh="")
    exact = OrganisationFactory(name_en="Xiaomi", name_zh="小米")
    assert list(matching(Organisation.objects.all(), "xiaomi")) == [exact, partial]


def test_no_match_is_empty(xiaomi):
    assert list(matching(Organisation.objects.all(), "Boeing")) == []


def test_filters_by_country_region_kind_and_sector(db):
    dairy = Sector.objects.get(code="dairy")
    agriculture = Sector.objects.get(code="agriculture-food")
    yili = OrganisationFactory(name_en="Yili", home_region=Region.objects.get(code="CN-NM"))
    yili.sectors.add(dairy)
    fresno = OrganisationFactory(
        name_en="Fresno dairy", home_region=Region.objects.get(code="US-CA")
    )
    fresno.sectors.add(dairy)
    queryset = Organisation.objects.all()
    assert set(filter_organisations(queryset, OrganisationFilters(country="CN"))) == {yili}
    china = Region.objects.get(code="CN")
    assert set(filter_organisations(queryset, OrganisationFilters(region=china))) == {yili}
    by_parent_sector = filter_organisations(queryset, OrganisationFilters(sector=agriculture))
    assert set(by_parent_sector) == {yili, fresno}
    assert set(filter_organisations(queryset, OrganisationFilters(kind="agency"))) == set()
