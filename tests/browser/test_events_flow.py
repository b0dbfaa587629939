"""A Californian exporter browses the CIIE 2020 California Pavilion in English; a visitor from
Shanghai, in Chinese, books one of the Sacramento export center's consultation slots and sees it
in Shanghai time (08:00 Pacific on 5 November is 00:00 on 6 November in Shanghai), with the
consultation's own video room. The Bay Area Council's organiser adds a product to the export
center's catalogue in the back office, and it shows on the public pavilion page."""

from pathlib import Path

from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.events import image_upload
from tradebridge.accounts.enums import Role
from tradebridge.directory.demo.logins import DEMO_PASSWORD
from tradebridge.directory.demo_scenario import DEMO_STEPS, load_demo
from tradebridge.directory.models import Organisation
from tradebridge.events.demo import CIIE_EN, PAVILION_EN, SACRAMENTO
from tradebridge.events.domain.rooms import consultation_room_url
from tradebridge.events.models import ConsultationBooking, Event, Exhibitor, Pavilion, Product

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _log_in(page, site, username, password=PASSWORD):
    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
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
    room_link = visitor_page.locator("#my-consultations a.room-link")
    assert room_link.get_attribute("href") == consultation_room_url(booking)
    context.close()


def test_the_organiser_adds_a_product_that_shows_on_the_pavilion_page(
    site, browser, page, screenshot, tmp_path
):
    load_demo([step for step in DEMO_STEPS if step.name not in {"regions", "sectors"}])
    pavilion = Pavilion.objects.get(name_en=PAVILION_EN)
    ciie = Event.objects.get(title_en=CIIE_EN)
    sacramento = Exhibitor.objects.get(pavilion=pavilion, organisation__name_en=SACRAMENTO)
    picture = tmp_path / "export-check.png"
    picture.write_bytes(image_upload(size=(240, 160)).read())

    _log_in(page, site, "bayarea", DEMO_PASSWORD)  # Bay Area Council China Office staff
    page.goto(f"{site.url}/events/{ciie.pk}/")
    page.click(f"a[href='/events/{ciie.pk}/manage/']")
    page.click(f"#pavilions a[href='/events/pavilions/{pavilion.pk}/manage/']")
    page.wait_for_url(f"{site.url}/events/pavilions/{pavilion.pk}/manage/")
    screenshot("events-4-pavilion-back-office")
    page.click(f"#exhibitor-{sacramento.pk} a[href='/events/exhibitors/{sacramento.pk}/manage/']")
    page.click(f"a[href='/events/exhibitors/{sacramento.pk}/products/new/']")
    new_product_url = f"/events/exhibitors/{sacramento.pk}/products/new/"

    # Every change posts the form for validation and swaps its fields in: let each answer
    # arrive before the next change, or it would put back an older value.
    def validated(action):
        with page.expect_response(lambda response: response.url.endswith(new_product_url)):
            action()
        page.wait_for_function("() => !document.querySelector('.htmx-request')")

    def type_in(selector, text):
        page.fill(selector, text)
        validated(lambda: page.press(selector, "Tab"))

    validated(lambda: page.set_input_files("#id_image", str(picture)))
    type_in("#id_title_en", "Export documentation check")
    type_in("#id_title_zh", "出口单证审核")
    type_in("#id_description_en", "We check your export papers before the goods leave.")
    type_in("#id_hs_codes", "49x")
    error = page.locator("#field-hs_codes .errorlist")
    assert "2, 4, 6 or 8 digits" in error.inner_text()
    screenshot("events-5-product-form-inline-error")
    type_in("#id_hs_codes", "4911.99")
    assert page.locator("#field-hs_codes .errorlist").count() == 0
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{site.url}/events/exhibitors/{sacramento.pk}/manage/")
    product = Product.objects.get(exhibitor=sacramento, title_en="Export documentation check")
    assert product.hs_codes == "491199"
    assert product.image, "the picture chosen before the inline validation was kept"
    assert "Export documentation check" in page.locator("#catalogue").inner_text()
    screenshot("events-6-exhibitor-back-office")

    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        visitor = context.new_page()
        visitor.goto(f"{site.url}/events/pavilions/{pavilion.pk}/")
        card = visitor.locator(f"#exhibitor-{sacramento.pk}")
        assert "Export documentation check" in card.inner_text()
        assert "HS 491199" in card.inner_text()
        image = card.locator(f"img[src='{product.image.url}']")
        assert image.evaluate("img => img.complete && img.naturalWidth") == 240
        card.scroll_into_view_if_needed()
        visitor.screenshot(path=str(SCREENSHOTS / "events-7-pavilion-new-product-en.png"),
                           full_page=True)  # fmt: skip
        visitor.click(".lang-switch button[value='zh-hans']")
        visitor.wait_for_selector("html[lang='zh-Hans']")
        assert "出口单证审核" in visitor.locator(f"#exhibitor-{sacramento.pk}").inner_text()
        visitor.screenshot(path=str(SCREENSHOTS / "events-8-pavilion-new-product-zh.png"),
                           full_page=True)  # fmt: skip
        context.close()
    finally:
        product.image.delete(save=False)  # the live server serves the real media directory
