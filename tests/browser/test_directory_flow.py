from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.directory import OrganisationFactory
from tradebridge.accounts.enums import Role
from tradebridge.directory.enums import OrganisationKind
from tradebridge.directory.models import Region, Sector


def test_login_switch_to_chinese_search_xiaomi(site, page, screenshot):
    agency = OrganisationFactory(
        kind=OrganisationKind.AGENCY, name_en="Washington State Department of Commerce",
        name_zh="华盛顿州商务厅", home_region=Region.objects.get(code="US-WA"),
    )  # fmt: skip
    user = UserFactory(role=Role.AGENCY_STAFF, organisation=agency, username="wa-commerce")
    xiaomi = OrganisationFactory(
        name_en="Xiaomi", name_zh="小米", home_region=Region.objects.get(code="CN-BJ"),
        description_en="Smartphone maker.", description_zh="智能手机制造商。",
    )  # fmt: skip
    xiaomi.sectors.add(Sector.objects.get(code="mobile-internet"))

    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    screenshot("directory-1-home-en")

    page.click(".lang-switch button[value='zh-hans']")
    page.wait_for_selector("html[lang='zh-Hans']")
    assert page.locator(".nav").inner_text().count("机构") >= 1

    page.goto(f"{site.url}/search/")
    page.fill("#search-q", "小米")
    page.keyboard.press("Enter")
    result = page.locator("#search-results a.result-title", has_text="小米")
    result.first.wait_for()
    screenshot("directory-2-search-xiaomi-zh")
    result.first.click()
    page.wait_for_url(f"{site.url}/organisations/{xiaomi.pk}/")
    assert page.locator("h1").inner_text() == "小米"
    assert "Xiaomi" in page.content()
    assert "智能手机制造商" in page.content()
    screenshot("directory-3-xiaomi-zh")
