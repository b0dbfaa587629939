"""The meeting request form finds the organisation by name in any script instead of listing
every organisation: suggestions while typing (htmx), a "Find" button without JavaScript, the
organisation page's preselection, only organisations the user may see and never their own."""

import re

import pytest
from django.urls import reverse

from tests.factories.directory import AffiliationFactory, OrganisationFactory
from tradebridge.directory.enums import OrganisationKind, Visibility
from tradebridge.meetings.models import MeetingRequest

FORM = "web:meeting-request-create"
SUGGESTIONS = "web:meeting-organisation-suggestions"


@pytest.fixture
def xiaomi(db):
    return OrganisationFactory(name_en="Xiaomi", name_zh="小米")


def _offered(html: str) -> list[int]:
    """The organisations offered as choices, in order."""
    return [int(pk) for pk in re.findall(r'name="recipient_organisation" value="(\d+)"', html)]


def _checked(html: str) -> list[int]:
    return [
        int(pk) for pk in re.findall(r'name="recipient_organisation" value="(\d+)" checked', html)
    ]


def test_the_form_lists_no_organisation_until_one_is_looked_for(client, buyer):
    OrganisationFactory.create_batch(30, name_en="Almond Grower")
    client.force_login(buyer)
    html = client.get(reverse(FORM)).content.decode()
    assert '<select name="recipient_organisation"' not in html
    assert _offered(html) == []
    assert "Almond Grower" not in html
    assert 'name="organisation_query"' in html and 'name="find_organisation"' in html


@pytest.mark.parametrize("query", ["xiaomi", "Xiaomi", "小米", "xiao mi", "  XIAOMI "])
def test_suggestions_find_an_organisation_in_any_script(client, buyer, xiaomi, query):
    OrganisationFactory(name_en="Huawei", name_zh="华为")
    client.force_login(buyer)
    response = client.get(reverse(SUGGESTIONS), {"organisation_query": query})
    assert response.status_code == 200
    assert _offered(response.content.decode()) == [xiaomi.pk]


def test_suggestions_hold_only_organisations_the_user_may_meet(client, buyer, xiaomi, other_agency):
    buyer.organisation.name_en = "Xiaomi Trading"
    buyer.organisation.save()
    OrganisationFactory(name_en="Xiaomi Private", owner=other_agency, visibility=Visibility.PRIVATE)
    client.force_login(buyer)
    html = client.get(reverse(SUGGESTIONS), {"organisation_query": "xiaomi"}).content.decode()
    assert _offered(html) == [xiaomi.pk]
    nothing = client.get(reverse(SUGGESTIONS), {"organisation_query": "Private"})
    assert _offered(nothing.content.decode()) == []
    assert "No organisation you can meet matches" in nothing.content.decode()


def test_suggestions_are_few_and_keep_the_one_chosen(client, buyer, xiaomi):
    OrganisationFactory.create_batch(15, name_en="Almond Grower", kind=OrganisationKind.COMPANY)
    client.force_login(buyer)
    many = client.get(reverse(SUGGESTIONS), {"organisation_query": "almond"})
    assert len(_offered(many.content.decode())) == 10
    kept = client.get(
        reverse(SUGGESTIONS),
        {"organisation_query": "almond", "recipient_organisation": xiaomi.pk},
    ).content.decode()
    assert _offered(kept)[0] == xiaomi.pk and _checked(kept) == [xiaomi.pk]


def test_the_organisation_page_preselects_and_shows_its_people(client, buyer, xiaomi):
    person = AffiliationFactory(organisation=xiaomi, person__name_en="Lei Jun").person
    client.force_login(buyer)
    html = client.get(reverse(FORM), {"organisation": xiaomi.pk}).content.decode()
    assert _checked(html) == [xiaomi.pk]
    assert 'name="organisation_query" value="Xiaomi"' in html
    assert f'<option value="{person.pk}">' in html


def test_an_organisation_the_user_may_not_see_is_not_preselected(client, buyer, other_agency):
    hidden = OrganisationFactory(
        name_en="Secret Partner", owner=other_agency, visibility=Visibility.PRIVATE
    )
    client.force_login(buyer)
    html = client.get(reverse(FORM), {"organisation": hidden.pk}).content.decode()
    assert _offered(html) == [] and "Secret Partner" not in html
    own = client.get(reverse(FORM), {"organisation": buyer.organisation_id}).content.decode()
    assert _offered(own) == []


def test_without_javascript_find_comes_back_with_suggestions(client, buyer, xiaomi):
    client.force_login(buyer)
    response = client.post(
        reverse(FORM),
        {"organisation_query": "小米", "find_organisation": "1", "message": "想谈手机配件"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert _offered(html) == [xiaomi.pk] and _checked(html) == []
    assert "想谈手机配件" in html  # what was typed stays
    assert 'class="errorlist"' not in html
    assert not MeetingRequest.objects.exists()
    chosen = client.post(
        reverse(FORM),
        {"organisation_query": "小米", "recipient_organisation": xiaomi.pk, "priority": "must"},
    )
    assert chosen.status_code == 302
    assert MeetingRequest.objects.get().recipient_organisation == xiaomi


def test_choosing_an_organisation_brings_its_people_inline(client, buyer, xiaomi):
    person = AffiliationFactory(organisation=xiaomi, person__name_en="Lei Jun").person
    client.force_login(buyer)
    response = client.post(
        reverse(FORM),
        {"organisation_query": "xiaomi", "recipient_organisation": xiaomi.pk},
        headers={"X-Validate-Only": "1", "HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith('<div id="form-fields">')
    assert f'<option value="{person.pk}">' in html and _checked(html) == [xiaomi.pk]
    assert not MeetingRequest.objects.exists()


def test_a_missing_choice_names_the_field(client, buyer, xiaomi):
    client.force_login(buyer)
    response = client.post(reverse(FORM), {"organisation_query": "xiaomi", "priority": "must"})
    assert response.status_code == 422
    assert "Find the organisation and choose it." in response.content.decode()
    assert _offered(response.content.decode()) == [xiaomi.pk]
