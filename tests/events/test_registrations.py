import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from icalendar import Calendar

from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory
from tradebridge.directory.enums import Visibility
from tradebridge.events.domain.registrations import (
    cancel_registration,
    check_in,
    decide_registration,
    register,
)
from tradebridge.events.enums import AttendanceMode, EventStatus, RegistrationStatus

pytestmark = pytest.mark.django_db
IN_PERSON = AttendanceMode.IN_PERSON


def test_confirmed_until_full_then_waitlisted(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    first, second, third = (UserFactory() for _ in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [register(user, event, IN_PERSON).status for user in (first, second, third)]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    assert len(mail.outbox) == 3


def test_a_cancelled_seat_goes_to_the_first_on_the_waiting_list():
    event = EventFactory(capacity=1)
    holder = register(UserFactory(), event, IN_PERSON)
    waiting = register(UserFactory(), event, IN_PERSON)
    register(UserFactory(), event, IN_PERSON)
    cancel_registration(holder.user, holder)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert event.registrations.filter(status="waitlisted").count() == 1


def test_registering_again_after_cancelling_revives_the_same_row():
    event = EventFactory()
    registration = register(user := UserFactory(), event, IN_PERSON)
    cancel_registration(user, registration)
    again = register(user, event, IN_PERSON)
    assert again.pk == registration.pk and again.status == RegistrationStatus.CONFIRMED


def test_approval_holds_registrations_until_the_organiser_decides(staff_user, agency):
    event = EventFactory(owner=agency, requires_approval=True, capacity=1)
    one, two, three = (register(UserFactory(), event, IN_PERSON) for _ in range(3))
    assert {one.status, two.status, three.status} == {RegistrationStatus.PENDING}
    assert decide_registration(staff_user, one, approve=True).status == "confirmed"
    assert decide_registration(staff_user, two, approve=True).status == "waitlisted"
    assert decide_registration(staff_user, three, approve=False).status == "declined"
    with pytest.raises(ValidationError):
        decide_registration(staff_user, one, approve=False)


def test_only_the_organiser_decides(other_staff_user, representative, agency):
    registration = register(
        representative, EventFactory(owner=agency, requires_approval=True), IN_PERSON
    )
    for user in (other_staff_user, representative):
        with pytest.raises(PermissionDenied):
            decide_registration(user, registration, approve=True)


def test_the_organisers_questions_need_answers():
    event = EventFactory(questions=["Which sector?", "Which province interests you?"])
    user = UserFactory()
    for (answers,) in ([None], [["only one"]], [[1, 2]], ["not a list"], [["a", "x" * 2001]]):
        with pytest.raises(ValidationError) as error:
            register(user, event, IN_PERSON, answers)
        assert "answers" in error.value.message_dict
    assert register(user, event, IN_PERSON, [" Dairy ", "Sichuan"]).answers == ["Dairy", "Sichuan"]


def test_attendance_mode_must_be_one_the_event_offers():
    with pytest.raises(ValidationError) as error:
        register(UserFactory(), EventFactory(), AttendanceMode.ONLINE)
    assert "attendance_mode" in error.value.message_dict
    hybrid = EventFactory(attendance_mode=AttendanceMode.HYBRID)
    assert register(UserFactory(), hybrid, AttendanceMode.ONLINE).status == "confirmed"


def test_no_registration_for_drafts_closed_events_or_anonymous():
    with pytest.raises(PermissionDenied):
        register(UserFactory(), EventFactory(status=EventStatus.DRAFT), IN_PERSON)
    with pytest.raises(PermissionDenied):
        register(UserFactory(), EventFactory(visibility=Visibility.PRIVATE), IN_PERSON)
    with pytest.raises(PermissionDenied):
        register(AnonymousUser(), EventFactory(), IN_PERSON)
    with pytest.raises(ValidationError):
        register(UserFactory(), EventFactory(registration_open=False), IN_PERSON)


def test_twice_is_refused():
    event, user = EventFactory(), UserFactory()
    register(user, event, IN_PERSON)
    with pytest.raises(ValidationError):
        register(user, event, IN_PERSON)


def test_confirmation_mail_in_the_registrants_language_with_a_calendar(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(title_en="Seattle seminar", title_zh="西雅图研讨会")
    user = UserFactory(language="zh-hans", timezone="Asia/Shanghai")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(user, event, IN_PERSON)
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert "西雅图研讨会" in message.subject
    assert registration.check_in_code in message.body
    assert "Asia/Shanghai" in message.body  # the registrant's own time is shown too
    ((name, content, mimetype),) = message.attachments
    assert (name, mimetype) == ("event.ics", "text/calendar")
    calendar = Calendar.from_ical(content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["西雅图研讨会"]


def test_waitlisted_mail_has_no_calendar(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=0)
    with django_capture_on_commit_callbacks(execute=True):
        register(UserFactory(), event, IN_PERSON)
    assert mail.outbox[0].attachments == []


def test_check_in_by_code(staff_user, other_staff_user, agency):
    event = EventFactory(owner=agency, attendance_mode=AttendanceMode.HYBRID)
    registration = register(UserFactory(), event, IN_PERSON)
    online = register(UserFactory(), event, AttendanceMode.ONLINE)
    with pytest.raises(PermissionDenied):
        check_in(other_staff_user, event, registration.check_in_code)
    code = registration.check_in_code
    spaced = f" {code[:4].lower()}-{code[4:]} "
    assert check_in(staff_user, event, spaced).checked_in_at is not None
    for bad in (code, "NOPE", "", online.check_in_code):
        with pytest.raises(ValidationError) as error:
            check_in(staff_user, event, bad)
        assert "code" in error.value.message_dict


def test_a_code_from_another_event_does_not_work(staff_user, agency):
    registration = register(UserFactory(), EventFactory(owner=agency), IN_PERSON)
    with pytest.raises(ValidationError):
        check_in(staff_user, EventFactory(owner=agency), registration.check_in_code)
