from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories.directory import PersonFactory
from tests.factories.events import SEATTLE_END, SEATTLE_START, EventFactory, SessionFactory
from tradebridge.directory.enums import Visibility
from tradebridge.events.domain import events as domain
from tradebridge.events.domain.rooms import room_name, video_room_url
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.enums import EventKind, EventStatus, HostRole, SessionKind, SpeakerRole

pytestmark = pytest.mark.django_db

EVENT_DATA = {
    "kind": EventKind.SEMINAR,
    "title_en": "Trade and Investment Cooperation Seminar",
    "title_zh": "中国省州经贸合作研讨会",
    "starts_at": SEATTLE_START,
    "ends_at": SEATTLE_END,
    "timezone": "America/Los_Angeles",
}


def test_staff_create_a_draft_owned_by_their_agency(staff_user, agency, company):
    event = domain.create_event(
        staff_user, EVENT_DATA, hosts=[(agency, HostRole.ORGANISER), (company, HostRole.SUPPORTER)]
    )
    assert event.owner == agency
    assert event.status == EventStatus.DRAFT
    assert [link.role for link in event.host_links.all()] == ["organiser", "supporter"]


@pytest.mark.parametrize("role", ["representative", "government_viewer"])
def test_other_roles_cannot_create_events(request, role):
    with pytest.raises(PermissionDenied):
        domain.create_event(request.getfixturevalue(role), EVENT_DATA)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_at": SEATTLE_START}, "ends_at"),
        ({"title_en": "", "title_zh": ""}, "title_en"),
        ({"timezone": "Pacific/Atlantis"}, "timezone"),
        ({"questions": [1, 2]}, "questions"),
        ({"languages": "en,xx"}, "languages"),
    ],
)
def test_bad_event_data_name_the_field(staff_user, change, field):
    with pytest.raises(ValidationError) as error:
        domain.create_event(staff_user, {**EVENT_DATA, **change})
    assert field in error.value.message_dict


def test_drafts_and_private_events_exist_only_for_their_agency(
    staff_user, other_staff_user, admin_user, representative, agency
):
    draft = EventFactory(owner=agency, status=EventStatus.DRAFT)
    private = EventFactory(owner=agency, visibility=Visibility.PRIVATE)
    public = EventFactory(owner=agency)
    assert set(visible_events(staff_user)) == {draft, private, public}
    assert set(visible_events(admin_user)) == {draft, private, public}
    assert set(visible_events(other_staff_user)) == {public}
    assert set(visible_events(representative)) == {public}
    assert not other_staff_user.has_perm("events.view_event", draft)
    assert not other_staff_user.has_perm("events.change_event", public)


def test_publishing_makes_a_draft_public(staff_user, other_staff_user, agency):
    event = domain.create_event(staff_user, EVENT_DATA)
    assert event not in visible_events(other_staff_user)
    domain.publish_event(staff_user, event)
    assert event in visible_events(other_staff_user)
    with pytest.raises(PermissionDenied):
        domain.publish_event(other_staff_user, event)


def test_sessions_with_speakers_and_a_moderator(staff_user, agency):
    event = EventFactory(owner=agency)
    shen, zhang = PersonFactory(name_en="Shen Boyang"), PersonFactory(name_en="Host")
    session = domain.add_session(
        staff_user,
        event,
        {
            "kind": SessionKind.PANEL,
            "title_en": "Internet + Commerce",
            "starts_at": SEATTLE_START,
            "ends_at": SEATTLE_END,
        },
        speakers=[(zhang, SpeakerRole.MODERATOR), (shen, SpeakerRole.SPEAKER)],
    )
    assert [(link.person.name_en, link.role) for link in session.speaker_links.all()] == [
        ("Host", "moderator"),
        ("Shen Boyang", "speaker"),
    ]


def test_a_session_must_lie_within_its_event(staff_user, agency):
    event = EventFactory(owner=agency)
    with pytest.raises(ValidationError) as error:
        domain.add_session(
            staff_user,
            event,
            {
                "kind": SessionKind.KEYNOTE,
                "title_en": "Too late",
                "starts_at": SEATTLE_END,
                "ends_at": datetime(2015, 9, 22, 20, tzinfo=UTC),
            },
        )
    assert "starts_at" in error.value.message_dict


def test_changing_a_session_raises_its_sequence_but_not_its_room(staff_user, agency):
    session = SessionFactory(event=EventFactory(owner=agency), is_online=True)
    token = session.room_token
    domain.update_session(staff_user, session, {"description_en": "More words"})
    assert session.sequence == 0  # calendars need no update for a description
    domain.update_session(staff_user, session, {"starts_at": datetime(2015, 9, 22, 17, tzinfo=UTC)})
    domain.update_session(staff_user, session, {"room": "Hall B"})
    session.refresh_from_db()
    assert session.sequence == 2
    assert session.room_token == token


def test_other_agencies_cannot_change_sessions(other_staff_user, agency):
    session = SessionFactory(event=EventFactory(owner=agency))
    with pytest.raises(PermissionDenied):
        domain.update_session(other_staff_user, session, {"room": "Hall C"})


def test_changing_the_event_time_raises_its_sequence(staff_user, agency):
    event = EventFactory(owner=agency)
    domain.update_event(staff_user, event, {"title_en": "Renamed"})
    assert event.sequence == 0
    domain.update_event(staff_user, event, {"ends_at": datetime(2015, 9, 22, 20, tzinfo=UTC)})
    assert event.sequence == 1


def test_online_sessions_get_a_stable_unguessable_room(settings):
    settings.TRADEBRIDGE_VIDEO_ROOM_URL = "https://video.example.org/{room}?lang=en"
    online = SessionFactory(is_online=True)
    other = SessionFactory(is_online=True, event=online.event)
    url = video_room_url(online)
    assert url == f"https://video.example.org/{room_name(online)}?lang=en"
    assert url == video_room_url(online.__class__.objects.get(pk=online.pk))
    assert room_name(online) != room_name(other)
    assert len(online.room_token) == 32
    assert video_room_url(SessionFactory(is_online=False)) == ""
