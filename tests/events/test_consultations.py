import threading
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from tests.factories.accounts import UserFactory
from tests.factories.events import ExhibitorFactory
from tradebridge.events.domain.consultations import (
    add_daily_windows,
    book_consultation,
    cancel_booking,
    delete_window,
    free_slot_starts,
    slot_starts,
)
from tradebridge.events.domain.time_display import shown_time
from tradebridge.events.models import ConsultationBooking, ConsultationWindow


@pytest.fixture
def exhibitor(agency):
    return ExhibitorFactory(pavilion__event__owner=agency)


def _mornings(staff_user, exhibitor, first=date(2020, 11, 5), last=date(2020, 11, 10)):
    return add_daily_windows(
        staff_user, exhibitor, first, last, time(8), time(10), "America/Los_Angeles", 20
    )


@pytest.mark.django_db
def test_every_morning_pacific_time_is_the_next_midnight_in_shanghai(staff_user, exhibitor):
    windows = _mornings(staff_user, exhibitor)
    assert len(windows) == 6
    first = shown_time(windows[0].starts_at, "America/Los_Angeles", "Asia/Shanghai")
    assert (first.event_local.day, first.event_local.hour) == (5, 8)
    assert (first.viewer_local.day, first.viewer_local.hour) == (6, 0)
    assert first.day_shift_label == "+1 day"
    assert len(slot_starts(windows[0])) == 6


@pytest.mark.django_db
def test_local_hours_hold_across_the_end_of_daylight_saving(staff_user, exhibitor):
    # US clocks went back on 1 November 2020: 08:00 PDT is 15:00 UTC, 08:00 PST is 16:00 UTC.
    windows = _mornings(staff_user, exhibitor, date(2020, 10, 31), date(2020, 11, 2))
    assert [w.starts_at.astimezone(UTC).hour for w in windows] == [15, 16, 16]


@pytest.mark.django_db
def test_bad_windows_are_refused(staff_user, exhibitor, other_staff_user):
    with pytest.raises(ValidationError):
        add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 4),
                          time(8), time(10), "America/Los_Angeles")  # fmt: skip
    with pytest.raises(ValidationError):
        add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                          time(10), time(8), "America/Los_Angeles")  # fmt: skip
    with pytest.raises(ValidationError):
        add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                          time(8), time(10), "Pacific/Nowhere")  # fmt: skip
    with pytest.raises(PermissionDenied):
        _mornings(other_staff_user, exhibitor)


@pytest.mark.django_db
def test_booking_slots(staff_user, exhibitor):
    window = _mornings(staff_user, exhibitor)[0]
    first, second = slot_starts(window)[:2]
    visitor, other = UserFactory(timezone="Asia/Shanghai"), UserFactory()
    booking = book_consultation(visitor, window, first, "Export documents")
    assert free_slot_starts(window)[0] == second
    for user, moment in (
        (other, first),  # taken
        (other, first + timedelta(minutes=5)),  # not a slot
        (other, window.ends_at),  # after the window
        (other, datetime(2020, 11, 5, 15)),  # naive
        (visitor, first),  # the visitor's own slot again
    ):
        with pytest.raises(ValidationError) as error:
            book_consultation(user, window, moment)
        assert "starts_at" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        cancel_booking(other, booking)
    cancel_booking(visitor, booking)
    assert free_slot_starts(window)[0] == first


@pytest.mark.django_db(transaction=True)
def test_two_visitors_race_for_one_slot(agency):
    staff = UserFactory(role="agency_staff", organisation=agency)
    window = _mornings(staff, ExhibitorFactory(pavilion__event__owner=agency))[0]
    slot = slot_starts(window)[0]
    racers = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes = []

    def race(user):
        try:
            barrier.wait(timeout=10)
            book_consultation(user, window, slot)
            outcomes.append("booked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(user,)) for user in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["booked", "refused"]
    assert ConsultationBooking.objects.filter(window=window).count() == 1


@pytest.mark.django_db
def test_windows_may_not_overlap_the_exhibitors_hours(staff_user, exhibitor):
    _mornings(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 6))
    with pytest.raises(ValidationError) as error:
        _mornings(staff_user, exhibitor, date(2020, 11, 6), date(2020, 11, 8))
    assert "2020-11-06" in error.value.message_dict["first_day"][0]
    assert exhibitor.consultation_windows.count() == 2  # nothing of the refused days was kept
    assert len(_mornings(staff_user, exhibitor, date(2020, 11, 7), date(2020, 11, 8))) == 2


@pytest.mark.django_db
def test_a_time_the_clocks_skip_is_refused(staff_user, exhibitor):
    # US clocks jumped from 02:00 to 03:00 on 14 March 2021: 02:30 did not exist that day.
    with pytest.raises(ValidationError) as error:
        add_daily_windows(staff_user, exhibitor, date(2021, 3, 13), date(2021, 3, 15),
                          time(2, 30), time(4), "America/Los_Angeles")  # fmt: skip
    assert "2021-03-14" in error.value.message_dict["opens"][0]
    assert not exhibitor.consultation_windows.exists()
    windows = add_daily_windows(staff_user, exhibitor, date(2021, 3, 13), date(2021, 3, 15),
                                time(8), time(9), "America/Los_Angeles")  # fmt: skip
    assert [w.starts_at.hour for w in windows] == [16, 15, 15]  # PST, then PDT


@pytest.mark.django_db
@pytest.mark.parametrize(("slot", "field"), [(4, "slot_minutes"), (241, "slot_minutes"),
                                             (180, "slot_minutes")])  # fmt: skip
def test_slots_must_be_sensible_and_fit(staff_user, exhibitor, slot, field):
    with pytest.raises(ValidationError) as error:
        add_daily_windows(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5),
                          time(8), time(10), "America/Los_Angeles", slot)  # fmt: skip
    assert field in error.value.message_dict


@pytest.mark.django_db
def test_only_windows_nobody_booked_can_be_deleted(staff_user, exhibitor, other_staff_user):
    booked, free = _mornings(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 6))
    booking = book_consultation(UserFactory(), booked, slot_starts(booked)[0])
    with pytest.raises(ValidationError) as error:
        delete_window(staff_user, booked)
    assert "1 consultation is booked" in error.value.message_dict["window"][0]
    with pytest.raises(PermissionDenied):
        delete_window(other_staff_user, free)
    delete_window(staff_user, free)
    cancel_booking(staff_user, booking)
    delete_window(staff_user, booked)
    assert not exhibitor.consultation_windows.exists()


@pytest.mark.django_db
def test_visitors_are_told_when_organisers_cancel_in_their_language_and_zone(
    staff_user, exhibitor, mailoutbox, django_capture_on_commit_callbacks
):
    window = _mornings(staff_user, exhibitor, date(2020, 11, 5), date(2020, 11, 5))[0]
    visitor = UserFactory(language="zh-hans", timezone="Asia/Shanghai", email="mei@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        cancel_booking(staff_user, book_consultation(visitor, window, slot_starts(window)[0]))
    (mail,) = mailoutbox
    assert mail.to == ["mei@example.cn"]
    assert "2020-11-05 08:00 (America/Los_Angeles)" in mail.body
    assert "2020-11-06 00:00 (Asia/Shanghai)" in mail.body
    assert exhibitor.organisation.name_zh in mail.subject
    with django_capture_on_commit_callbacks(execute=True):
        cancel_booking(visitor, book_consultation(visitor, window, slot_starts(window)[0]))
    assert len(mailoutbox) == 1  # a visitor who cancels needs no mail about it


@pytest.mark.django_db(transaction=True)
def test_a_window_deleted_while_someone_books_it(agency):
    """Either the booking wins (and the window stays) or the deletion does (and the visitor is
    told); never a lost booking or a server error."""
    staff = UserFactory(role="agency_staff", organisation=agency)
    window = _mornings(staff, ExhibitorFactory(pavilion__event__owner=agency))[0]
    slot = slot_starts(window)[0]
    barrier = threading.Barrier(2)
    outcomes, surprises = {}, []

    def act(name, action):
        try:
            barrier.wait(timeout=10)
            action()
            outcomes[name] = "done"
        except ValidationError:
            outcomes[name] = "refused"
        except Exception as error:  # anything else is the failure this test looks for
            surprises.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("book", lambda: book_consultation(UserFactory(),
                                                                             window, slot))),
        threading.Thread(target=act, args=("delete", lambda: delete_window(staff, window))),
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert surprises == []
    assert outcomes in (
        {"book": "done", "delete": "refused"},
        {"book": "refused", "delete": "done"},
    )
    booked = ConsultationBooking.objects.filter(starts_at=slot).exists()
    assert booked == (outcomes["book"] == "done")
    assert booked == ConsultationWindow.objects.filter(pk=window.pk).exists()
