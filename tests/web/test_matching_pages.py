"""The partners pages: profile form with inline validation, recommendations with reasons in the
reader's language, "not relevant" and one-click meeting requests through htmx."""

import pytest
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory
from tests.factories.events import EventFactory, ExhibitorFactory
from tests.factories.matchmaking import company_in, make_profile
from tradebridge.accounts.enums import Role
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode
from tradebridge.matchmaking.models import MatchProfile, PartnerFeedback
from tradebridge.meetings.models import MeetingRequest

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def buyer(db, encoder, company):
    make_profile(company, needs_zh="加州杏仁\n开心果", deal_types=["import"], targets=["US-CA"])
    return company


@pytest.fixture
def growers(db, encoder):
    """Three Californian exporters, best match first."""
    names = ["Almond Growers", "Pistachio Farms", "Nut Traders"]
    offers = ["California almonds", "Pistachios", "Mixed nuts and dried fruit"]
    out = []
    for name, offer in zip(names, offers, strict=True):
        organisation = company_in("US-CA", name_en=name, name_zh="")
        make_profile(organisation, offers_en=offer, deal_types=["export"])
        out.append(organisation)
    return out


def _page(client, organisation, **params):
    return client.get(reverse("web:partner-list", args=[organisation.pk]), params)


def test_partners_in_english_with_reasons_and_offers(client, representative, buyer, growers):
    client.force_login(representative)
    page = _page(client, buyer).content.decode()
    assert page.index("Almond Growers") < page.index("Nut Traders")
    assert "Your need 加州杏仁 matches their offer &#x27;California almonds&#x27;" in page
    assert "They offer" in page and "Request a meeting" in page and "Not relevant" in page


def test_partners_in_chinese(client, representative, buyer, growers):
    client.force_login(representative)
    client.cookies["django_language"] = "zh-hans"
    page = _page(client, buyer).content.decode()
    assert "您的需求“加州杏仁”与对方提供的“California almonds”相符" in page
    assert "对方位于您的目标地区加利福尼亚州" in page


def test_the_nav_offers_partners_to_those_who_have_some(client, representative, government_viewer):
    client.force_login(representative)
    assert reverse("web:partners") in client.get("/").content.decode()
    response = client.get(reverse("web:partners"))
    assert response["Location"] == reverse(
        "web:partner-list", args=[representative.organisation_id]
    )
    client.force_login(government_viewer)
    assert reverse("web:partners") not in client.get("/").content.decode()


def test_staff_see_the_organisations_their_agency_keeps(client, staff_user, buyer, growers):
    client.force_login(staff_user)
    page = client.get(reverse("web:partners")).content.decode()
    assert buyer.name in page and "Almond Growers" not in page


def test_not_relevant_removes_the_partner_and_shows_the_next(
    client, representative, buyer, growers
):
    client.force_login(representative)
    top = _page(client, buyer)
    assert "Almond Growers" in top.content.decode()
    url = reverse("web:partner-feedback", args=[buyer.pk, growers[0].pk])
    response = client.post(url, {"mark": "not_relevant"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="partner-list"' in html
    assert f'id="partner-{growers[0].pk}"' not in html
    assert f'id="partner-{growers[1].pk}"' in html and f'id="partner-{growers[2].pk}"' in html
    assert "Hidden partners" in html
    mark = PartnerFeedback.objects.get(organisation=buyer, partner=growers[0])
    assert (mark.mark, mark.created_by) == ("not_relevant", representative)

    undo = reverse("web:partner-feedback-clear", args=[buyer.pk, growers[0].pk])
    assert f'id="partner-{growers[0].pk}"' in client.post(undo, **HTMX).content.decode()


def test_request_a_meeting_in_one_click(client, representative, buyer, growers):
    client.force_login(representative)
    url = reverse("web:partner-meeting", args=[buyer.pk, growers[0].pk])
    html = client.post(url, **HTMX).content.decode()
    assert "Meeting requested with Almond Growers" in html
    assert f'id="partner-{growers[0].pk}"' not in html and "Meetings requested" in html
    request = MeetingRequest.objects.get()
    assert (request.requester_organisation, request.recipient_organisation) == (buyer, growers[0])
    # Asking again while the first waits is refused with a clear message.
    again = client.post(url, **HTMX)
    assert again.status_code == 422
    assert "still waiting for an answer" in again.content.decode()
    assert MeetingRequest.objects.count() == 1


def test_staff_clicking_meeting_note_a_lead(client, staff_user, buyer, growers):
    client.force_login(staff_user)
    response = client.post(reverse("web:partner-meeting", args=[buyer.pk, growers[1].pk]))
    assert response.status_code == 302
    assert PartnerFeedback.objects.get(partner=growers[1]).mark == "meeting_requested"
    assert not MeetingRequest.objects.exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [({"mark": "bogus"}, 422), ({}, 422), ({"mark": "not_relevant", "event": "x"}, 404)],
)
def test_bad_feedback_is_refused(client, representative, buyer, growers, data, status):
    client.force_login(representative)
    url = reverse("web:partner-feedback", args=[buyer.pk, growers[0].pk])
    assert client.post(url, data).status_code == status
    assert not PartnerFeedback.objects.exists()


def test_feedback_on_oneself_or_an_unknown_partner(client, representative, buyer):
    client.force_login(representative)
    own = client.post(
        reverse("web:partner-feedback", args=[buyer.pk, buyer.pk]), {"mark": "competitor"}
    )
    assert own.status_code == 422 and "its own partner" in own.content.decode()
    missing = client.post(
        reverse("web:partner-feedback", args=[buyer.pk, 999999]), {"mark": "competitor"}
    )
    assert missing.status_code == 404


def test_an_event_filter_limits_the_list(client, representative, buyer, growers):
    expo = EventFactory()
    register(representative, expo, AttendanceMode.IN_PERSON)
    ExhibitorFactory(pavilion__event=expo, organisation=growers[2])
    client.force_login(representative)
    page = _page(client, buyer).content.decode()
    assert expo.title_en in page  # offered in the event filter
    page = _page(client, buyer, event=expo.pk).content.decode()
    assert "Nut Traders" in page and "Almond Growers" not in page
    assert _page(client, buyer, event=EventFactory().pk).status_code == 404
    assert _page(client, buyer, event="abc").status_code == 404


def test_a_page_without_profile_invites_to_write_one(client, representative):
    client.force_login(representative)
    page = _page(client, representative.organisation).content.decode()
    assert "No profile yet" in page
    assert reverse("web:match-profile-edit", args=[representative.organisation_id]) in page


def test_profile_form_validates_inline_then_saves(client, representative, encoder):
    client.force_login(representative)
    url = reverse("web:match-profile-edit", args=[representative.organisation_id])
    assert "What you seek (Chinese)" in client.get(url).content.decode()
    check = client.post(
        url,
        {"needs_zh": "杏仁", "need_hs_codes": "08x2"},
        HTTP_X_VALIDATE_ONLY="1",
        HTTP_HX_TRIGGER_NAME="need_hs_codes",
        **HTMX,
    )
    assert check.status_code == 200 and "Not an HS code: 08x2" in check.content.decode()
    assert not MatchProfile.objects.exists()
    bad = client.post(url, {"needs_zh": "杏仁", "need_hs_codes": "08x2"})
    assert bad.status_code == 422 and "Not an HS code" in bad.content.decode()
    empty = client.post(url, {})
    assert (
        empty.status_code == 422 and "Say what you offer or what you seek" in empty.content.decode()
    )
    saved = client.post(
        url, {"needs_zh": "杏仁", "need_hs_codes": "0802.12", "deal_types": ["import"]}
    )
    assert saved.status_code == 302
    profile = MatchProfile.objects.get(organisation=representative.organisation)
    assert (profile.needs_zh, profile.need_hs_codes, profile.deal_types) == (
        "杏仁",
        "080212",
        "import",
    )


def test_event_organisers_see_who_has_no_good_match(client, staff_user, agency, buyer, growers):
    expo = EventFactory(owner=agency)
    lonely = make_profile(offers_en="Steel pipes", deal_types=["export"]).organisation
    silent = OrganisationFactory(name_en="Silent Partner")
    for organisation in (buyer, growers[0], lonely, silent):
        ExhibitorFactory(pavilion__event=expo, organisation=organisation)
    client.force_login(staff_user)
    assert (
        reverse("web:event-matches", args=[expo.pk])
        in client.get(reverse("web:event-manage", args=[expo.pk])).content.decode()
    )
    page = client.get(reverse("web:event-matches", args=[expo.pk])).content.decode()
    assert "2 of 4 participating organisations have a good match" in page
    assert lonely.name in page and "Silent Partner" in page and "No profile yet" in page
    assert page.split("<tbody>")[1].count("<tr>") == 2  # the matched two are not listed


def test_the_partners_page_does_not_grow_queries_with_matches(
    client, representative, buyer, growers, django_assert_max_num_queries
):
    client.force_login(representative)
    _page(client, buyer)
    for n in range(10):
        make_profile(offers_en=f"Almonds lot {n}", deal_types=["export"])
    with django_assert_max_num_queries(25):
        response = _page(client, buyer)
    assert response.content.decode().count('class="card partner"') == 10


def test_other_representatives_may_not_look(client, buyer, growers):
    other = UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=growers[0])
    client.force_login(other)
    assert _page(client, buyer).status_code == 403
    assert _page(client, growers[0]).status_code == 200
