"""A Californian exporter browses the CIIE 2020 California Pavilion in English; a visitor from
Shanghai, in Chinese, books one of the Sacramento export center's consultation slots and sees it
in Shanghai time (08:00 Pacific on 5 November is 00:00 on 6 November in Shanghai)."""

from pathlib import Path

from tests.factories.accounts import PASSWORD, UserFactory
from tradebridge.accounts.enums import Role
from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.directory.models import Organisation
from tradebridge.events.demo import CIIE_EN, PAVILION_EN, SACRAMENTO
from tradebridge.events.models import ConsultationBooking, Event, Pavilion

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _log_in(page, site, username):
    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/")


def test_pavilion_in_english_then_a_consultation_in_shanghai_time(site, browser, page, screenshot):
    load_demo([step for step in DEMO_STEPS if step.name not in {"regions", "sectors"}])
    pavilion = Pavilion.objects.get(name_en=PAVILION_EN)
    ciie = Event.objects.get(title_en=CIIE_EN)

    exporter = UserFactory(
        role=Role.COMPANY_REPRESENTATIVE,
        organisation=Organisation.objects.get(name_en="Fresno County"),
        timezone="America/Los_Angeles",
        language="en",
    )
    _log_in(page, site, exporter.username)
    page.click("nav.nav a[href='/events/']")
    page.click(f"a[href='/events/{ciie.pk}/']")
    page.wait_for_url(f"{site.url}/events/{ciie.pk}/")
    assert "Opening ceremony of the California Pavilion" in page.content()
    screenshot("events-1-ciie-en-pacific")
    page.click(f"a[href='/events/pavilions/{pavilion.pk}/']")
    page.wait_for_url(f"{site.url}/events/pavilions/{pavilion.pk}/")
    assert page.locator("h1").inner_text() == "California Pavilion"
    for name in ("MEBO Group", SACRAMENTO, "Port of Oakland"):
        assert name in page.content()
    screenshot("events-2-california-pavilion-en")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    visitor_page = context.new_page()
    visitor_page.set_default_timeout(15_000)
    visitor = UserFactory(timezone="Asia/Shanghai", language="zh-hans")
    _log_in(visitor_page, site, visitor.username)
    visitor_page.click(".lang-switch button[value='zh-hans']")
    visitor_page.wait_for_selector("html[lang='zh-Hans']")
    visitor_page.goto(f"{site.url}/events/pavilions/{pavilion.pk}/")
    assert visitor_page.locator("h1").inner_text() == "加州馆"
    first_slot = visitor_page.locator("button.slot").first
    assert first_slot.inner_text() == "00:00"  # Shanghai time of 08:00 Pacific
    first_slot.click()
    visitor_page.wait_for_selector("#my-consultations")
    booked = visitor_page.locator("#my-consultations").inner_text()
    assert "00:00 CST" in booked and "America/Los_Angeles" in booked
    visitor_page.screenshot(path=str(SCREENSHOTS / "events-3-booked-zh-shanghai.png"),
                            full_page=True)  # fmt: skip
    booking = ConsultationBooking.objects.get(user=visitor)
    assert booking.window.exhibitor.organisation.name_en == SACRAMENTO
    context.close()
