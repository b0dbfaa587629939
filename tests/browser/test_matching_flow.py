"""A Chinese buyer switches to 中文, writes in Chinese what it seeks, and finds a Californian
exporter whose offer is written in English, with the reasons in Chinese; "不相关" hides it."""

from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.directory import OrganisationFactory, region
from tradebridge.accounts.enums import Role
from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.matchmaking.domain.index_cache import using_index
from tradebridge.matchmaking.models import MatchProfile, PartnerFeedback


def test_a_chinese_buyer_finds_a_californian_exporter(site, page, screenshot, encoder):
    load_demo([step for step in DEMO_STEPS if step.name not in {"regions", "sectors"}])
    with using_index():
        pass  # build the index (and load the dictionaries) before the browser waits on it
    buyer = OrganisationFactory(
        name_en="Shanghai Fine Foods Import Co.",
        name_zh="上海优品食品进口有限公司",
        home_region=region("CN-SH"),
    )
    user = UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=buyer, language="en")

    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    page.click(".lang-switch button[value='zh-hans']")
    page.wait_for_selector("html[lang='zh-Hans']")

    page.click("nav.nav a[href='/partners/']")
    page.wait_for_url(f"{site.url}/organisations/{buyer.pk}/partners/")
    assert "尚未填写供需信息" in page.content()
    page.click(f"main a[href='/organisations/{buyer.pk}/profile/']")

    # Every change posts the form for validation and swaps its fields: let each answer arrive
    # and be swapped in before the next change, or it would put back an older value.
    def validated(action):
        with page.expect_response(lambda r: r.url.endswith("/profile/")):
            action()
        page.wait_for_function("() => !document.querySelector('.htmx-request')")

    page.fill("#id_need_hs_codes", "080")  # three digits: inline validation says so
    validated(lambda: page.press("#id_need_hs_codes", "Tab"))
    assert "不是有效的HS编码" in page.locator("#field-need_hs_codes").inner_text()
    page.fill("#id_need_hs_codes", "0802")
    validated(lambda: page.press("#id_need_hs_codes", "Tab"))
    page.fill("#id_needs_zh", "加州杏仁\n开心果")
    validated(lambda: page.press("#id_needs_zh", "Tab"))
    validated(lambda: page.check("input[name='deal_types'][value='import']"))
    validated(lambda: page.select_option("#id_target_regions", value=str(region("US-CA").pk)))
    assert page.locator("#field-need_hs_codes .errorlist").count() == 0
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/organisations/{buyer.pk}/partners/")
    assert MatchProfile.objects.get(organisation=buyer).needs_zh == "加州杏仁\n开心果"

    first = page.locator("article.partner").first
    assert "弗雷斯诺县" in first.locator("h2").inner_text()  # Fresno County
    reasons = first.locator("ul.reasons").inner_text()
    assert "您的需求“加州杏仁”与对方提供的“California almonds”相符" in reasons
    assert "您的进口意向与对方的出口意向互补" in reasons
    assert "对方位于您的目标地区加利福尼亚州" in reasons
    assert "California almonds" in first.locator("dl.facts").inner_text()
    screenshot("matching-1-buyer-zh-recommendations")

    fresno_card = f"#{first.get_attribute('id')}"
    first.locator("button[value='not_relevant']").click()
    page.wait_for_selector(fresno_card, state="detached")
    assert "弗雷斯诺县" in page.locator("#dismissed-partners").inner_text()
    assert PartnerFeedback.objects.get(organisation=buyer).mark == "not_relevant"
    screenshot("matching-2-not-relevant-zh")
