"""A Shanghai buyer asks for a meeting in 中文; a Californian exporter accepts in English and
books a slot; both see the meeting in their own time. Screenshots in test-artifacts/."""

from zoneinfo import ZoneInfo

from tests.browser.conftest import SCREENSHOTS
from tests.factories.accounts import PASSWORD
from tests.factories.directory import AffiliationFactory, OrganisationFactory, region
from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.models import Meeting, MeetingRequest


def _log_in(page, site, user):
    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/")


def test_request_accept_book_across_the_pacific(site, browser, page, screenshot):
    expo = MeetingSettingsFactory(event__title_en="CIIE 2020", event__title_zh="第三届进博会").event
    buyer = RepresentativeFactory(
        language="zh-hans", timezone="Asia/Shanghai", organisation__name_zh="上海智能设备进口公司"
    )
    exporter = RepresentativeFactory(
        timezone="America/Los_Angeles",
        organisation__name_en="Central Valley Almond Growers",
        organisation__name_zh="中央谷地杏仁种植者",
        organisation__home_region=region("US-CA"),
    )

    _log_in(page, site, buyer)
    page.click(".lang-switch button[value='zh-hans']")
    page.wait_for_selector("html[lang='zh-Hans']")
    page.goto(f"{site.url}/organisations/{exporter.organisation_id}/")
    page.click("text=申请会谈")
    page.select_option("#id_event", str(expo.pk))
    page.fill("#id_message", "我们希望进口加州杏仁，能否在进博会期间线上洽谈？")
    page.select_option("#id_priority", "must")
    page.select_option("#id_place_kind", "online")
    screenshot("meetings-1-request-zh")
    page.click("text=发送请求")
    page.wait_for_selector(".request-card")
    assert "已申请" in page.locator(".request-card").inner_text()
    screenshot("meetings-2-requested-zh")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    theirs = context.new_page()
    theirs.set_default_timeout(15_000)
    _log_in(theirs, site, exporter)
    theirs.click("nav >> text=Meetings")
    theirs.locator("a.result-title").first.click()
    theirs.click(".request-card button:has-text('Accept')")
    theirs.wait_for_selector(".request-card .badge:has-text('Accepted')")  # swapped by htmx
    theirs.click("text=Book a time")
    first_slot = theirs.locator("ul.list li").first.inner_text()
    assert "PST" in first_slot and "CST" in first_slot and "−1 day" in first_slot
    theirs.screenshot(path=str(SCREENSHOTS / "meetings-3-book-en.png"), full_page=True)
    theirs.locator("button[name=starts_at]").first.click()
    theirs.wait_for_selector(".request-card dt:has-text('When and where')")
    assert "Join the video room" in theirs.content()
    theirs.screenshot(path=str(SCREENSHOTS / "meetings-4-booked-en.png"), full_page=True)
    context.close()

    meeting = Meeting.objects.get()
    page.goto(f"{site.url}/meetings/")
    mine = page.locator("#my-meetings").inner_text()
    assert meeting.starts_at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M") in mine
    screenshot("meetings-5-inbox-zh")


def test_finding_the_organisation_to_meet_by_its_chinese_name(site, page, screenshot):
    """The request form lists no organisations: typing 小米 brings Xiaomi, choosing it brings
    its people, and the request goes to the person chosen."""
    buyer = RepresentativeFactory(organisation__name_en="Fresno Almond Exporters")
    xiaomi = RepresentativeFactory(
        organisation__name_en="Xiaomi", organisation__name_zh="小米", first_name="Lei"
    ).organisation
    lin = AffiliationFactory(
        organisation=xiaomi, person__name_en="Lin Bin", person__name_zh="林斌"
    ).person
    OrganisationFactory(name_en="Xiaopeng Motors", name_zh="小鹏汽车")
    _log_in(page, site, buyer)
    page.goto(f"{site.url}/meetings/request/")
    page.locator("#id_recipient_organisation").press_sequentially("小米", delay=50)
    choice = page.locator(f"input[name=recipient_organisation][value='{xiaomi.pk}']")
    choice.wait_for()
    assert page.locator("input[name=recipient_organisation]").count() == 1
    choice.check()
    page.wait_for_selector("#id_recipient_person")  # its people, fetched by htmx
    page.select_option("#id_recipient_person", str(lin.pk))
    screenshot("meetings-6-find-organisation-en")
    page.click("text=Send the request")
    page.wait_for_selector(".request-card")
    request = MeetingRequest.objects.get(requester=buyer)
    assert request.recipient_organisation == xiaomi
    assert request.recipient_person == lin
