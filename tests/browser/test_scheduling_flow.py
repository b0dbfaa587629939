"""A buyer from Shanghai, in 中文, asks the Sacramento export center for a meeting at CIIE 2020;
the Californian exporter accepts in English; the Bay Area Council's organiser runs the
scheduler, watches its progress and publishes; both sides see the meeting in their own time
(09:00 in Shanghai is 17:00 the day before in California: the only hours that are daytime for
both) and download it as .ics."""

from itertools import combinations
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.directory import OrganisationFactory
from tests.factories.meetings import RepresentativeFactory
from tradebridge.accounts.enums import Role
from tradebridge.directory.demo.logins import DEMO_PASSWORD
from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.directory.models import Organisation, Region
from tradebridge.events.demo import CIIE_EN, SACRAMENTO
from tradebridge.events.models import Event
from tradebridge.meetings.domain.requests import accept_request, request_meeting
from tradebridge.meetings.enums import MeetingStatus, PlaceKind
from tradebridge.meetings.models import Meeting, MeetingRequest, ScheduleRun
from tradebridge.meetings.schedule_enums import RunStatus

SHANGHAI, PACIFIC = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/Los_Angeles")


@pytest.fixture(autouse=True)
def _scheduler_in_a_thread(settings):
    # The live server's database is the test database: a worker thread of this process sees
    # it, a separate process would not.
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "thread"


def _log_in(page, site, username, password=PASSWORD):
    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/")


def _new_page(browser, locale="en-US"):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale=locale, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def _other_requests(ciie, count=40):
    """A busy expo: other accepted on-site requests, so the scheduler has work to show."""
    people = [RepresentativeFactory() for _ in range(16)]
    for first, second in list(combinations(people, 2))[::3][:count]:
        request = request_meeting(
            first,
            recipient_organisation=second.organisation,
            event=ciie,
            place_kind=PlaceKind.TABLE,
        )
        accept_request(second, request)


def _download_ics(page, selector) -> icalendar.Calendar:
    with page.expect_download() as download:
        page.click(selector)
    return icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())


def test_shanghai_buyer_californian_exporter_organiser_schedules(site, browser):
    steps = {"regions", "sectors", "match profiles", "meeting schedule"}
    load_demo([step for step in DEMO_STEPS if step.name not in steps])
    ciie = Event.objects.get(title_en=CIIE_EN)
    sacramento = Organisation.objects.get(name_en=SACRAMENTO)
    _other_requests(ciie)
    buyer = UserFactory(
        role=Role.COMPANY_REPRESENTATIVE,
        organisation=OrganisationFactory(
            name_en="Shanghai Lingang Smart Equipment Trading",
            name_zh="上海临港智能装备贸易有限公司",
            home_region=Region.objects.get(code="CN-SH"),
        ),
        first_name="伟",
        last_name="李",
        timezone="Asia/Shanghai",
        language="en",
    )

    # The buyer switches to Chinese and asks for a meeting, online, must meet.
    context, page = _new_page(browser, "zh-CN")
    _log_in(page, site, buyer.username)
    page.click(".lang-switch button[value='zh-hans']")
    page.wait_for_selector("html[lang='zh-Hans']")
    page.goto(f"{site.url}/meetings/request/?organisation={sacramento.pk}&event={ciie.pk}")
    page.select_option("select[name=priority]", "must")
    page.select_option("select[name=place_kind]", "online")
    page.fill("textarea[name=message]", "我们希望在进博会期间在线了解加州的智能装备出口服务。")
    page.screenshot(path=str(SCREENSHOTS / "scheduling-1-request-zh.png"), full_page=True)
    page.click("form.card .actions button[type=submit]")
    page.wait_for_load_state("networkidle")
    request = MeetingRequest.objects.get(requester=buyer)
    assert request.recipient_organisation == sacramento and request.priority == "must"
    context.close()

    # The exporter, in English and Pacific time, accepts.
    context, page = _new_page(browser)
    _log_in(page, site, "sacramento-export", DEMO_PASSWORD)
    page.goto(f"{site.url}/meetings/")
    page.click(f"a[href='/meetings/requests/{request.pk}/']")
    card = page.locator(f"#request-{request.pk}")
    assert "Shanghai Lingang Smart Equipment Trading" in card.inner_text()
    card.locator("button:has-text('Accept')").first.click()
    page.wait_for_selector(".request-card .badge:has-text('Accepted')")  # swapped by htmx
    page.screenshot(path=str(SCREENSHOTS / "scheduling-2-accepted-en.png"), full_page=True)
    context.close()

    # The organiser runs the scheduler from the back office and watches it.
    context, page = _new_page(browser)
    _log_in(page, site, "bayarea", DEMO_PASSWORD)
    page.goto(f"{site.url}/events/{ciie.pk}/manage/")
    page.click(f"a[href='/events/{ciie.pk}/schedule/']")
    page.fill("input[name=time_limit]", "5")
    page.click("#scheduler button[type=submit]")
    page.wait_for_url(f"{site.url}/events/schedule-runs/*/")
    assert page.locator("#run-progress progress").count() == 1
    # The box refreshes itself every second: wait for the solver's first numbers.
    page.wait_for_selector("#run-progress dd:has-text('points')", timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "scheduling-3-run-progress-en.png"), full_page=True)
    page.wait_for_selector("#result", timeout=60_000)
    result = page.locator("#result").inner_text()
    assert "Scheduled" in result and "of at most" in result
    page.screenshot(path=str(SCREENSHOTS / "scheduling-4-run-result-en.png"), full_page=True)
    run = ScheduleRun.objects.get(event=ciie)
    assert run.status == RunStatus.FINISHED and run.bound >= run.objective > 0
    page.click("#result button[type=submit]")
    page.wait_for_url(f"{site.url}/events/{ciie.pk}/schedule/")
    assert "published" in page.locator(".messages").inner_text()
    page.screenshot(
        path=str(SCREENSHOTS / "scheduling-5-published-schedule-en.png"), full_page=True
    )
    page.goto(f"{site.url}/events/{ciie.pk}/schedule/table-plan/")
    page.screenshot(path=str(SCREENSHOTS / "scheduling-6-table-plan-en.png"), full_page=True)
    context.close()

    meeting = Meeting.objects.get(request=request)
    assert meeting.status == MeetingStatus.CONFIRMED
    # The only hours inside both sides' working hours: the Shanghai morning.
    assert meeting.starts_at.astimezone(SHANGHAI).hour == 9
    assert meeting.starts_at.astimezone(PACIFIC).hour == 17
    uid = f"meeting-{meeting.uid}@tradebridge.meetings"

    # The buyer reads the meeting in Shanghai time, in Chinese, and downloads it.
    context, page = _new_page(browser, "zh-CN")
    _log_in(page, site, buyer.username)
    page.click(".lang-switch button[value='zh-hans']")
    page.wait_for_selector("html[lang='zh-Hans']")
    page.goto(f"{site.url}/meetings/")
    page.click("a.agenda-link")
    local = meeting.starts_at.astimezone(SHANGHAI)
    agenda = page.locator("ol.agenda").inner_text()
    assert local.strftime("%H:%M") in agenda and sacramento.name_zh in agenda
    page.screenshot(path=str(SCREENSHOTS / "scheduling-7-agenda-zh-shanghai.png"), full_page=True)
    calendar = _download_ics(page, "a[href$='/agenda.ics']")
    (entry,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]) == uid]
    assert entry.decoded("dtstart") == meeting.starts_at
    assert entry["sequence"] == meeting.sequence
    context.close()

    # The exporter reads it in Pacific time, the day before.
    context, page = _new_page(browser)
    _log_in(page, site, "sacramento-export", DEMO_PASSWORD)
    page.goto(f"{site.url}/events/{ciie.pk}/agenda/")
    agenda = page.locator("ol.agenda").inner_text()
    pacific = meeting.starts_at.astimezone(PACIFIC)
    assert pacific.strftime("%H:%M") in agenda and "−1 day" in agenda
    page.screenshot(path=str(SCREENSHOTS / "scheduling-8-agenda-en-pacific.png"), full_page=True)
    calendar = _download_ics(page, "a[href$='/agenda.ics']")
    assert uid in {str(e["uid"]) for e in calendar.walk("VEVENT")}
    context.close()
