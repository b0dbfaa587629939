"""Two people book the same slot or table at the same moment: exactly one wins.

Real transactions and two connections, on SQLite (a file test database, see settings.py) and
on PostgreSQL; the database's unique constraints on Occupancy decide, not the Python checks
made before the INSERT.
"""

import threading
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain import bookings
from tradebridge.meetings.domain.bookings import book_meeting
from tradebridge.meetings.domain.requests import accept_request, request_meeting
from tradebridge.meetings.enums import MeetingStatus
from tradebridge.meetings.models import Meeting, Occupancy

NOV_5_0900 = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)


def _accepted(event, requester=None, recipient=None):
    requester = requester or RepresentativeFactory()
    recipient = recipient or RepresentativeFactory()
    request = request_meeting(requester, recipient_organisation=recipient.organisation, event=event)
    return accept_request(recipient, request)


def _race(bookings):
    """Run ``book_meeting(user, request, NOV_5_0900)`` for each pair in its own thread, all
    released at once; returns (meetings booked, validation errors, other errors)."""
    barrier = threading.Barrier(len(bookings))
    booked, refused, failed = [], [], []

    def book(user, request):
        try:
            barrier.wait(timeout=10)
            booked.append(book_meeting(user, request, NOV_5_0900))
        except ValidationError as error:
            refused.append(error)
        except Exception as error:
            failed.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=pair) for pair in bookings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return booked, refused, failed


def _live():
    return Meeting.objects.exclude(status=MeetingStatus.CANCELLED)


@pytest.mark.django_db(transaction=True)
def test_two_pairs_and_the_last_table():
    event = MeetingSettingsFactory(tables=1).event
    first, second = _accepted(event), _accepted(event)
    booked, refused, failed = _race([(first.requester, first), (second.requester, second)])
    assert failed == []
    assert (len(booked), len(refused)) == (1, 1)
    assert _live().count() == 1
    assert Occupancy.objects.filter(table__isnull=False).count() == 6
    assert "table" in refused[0].messages[0]


@pytest.mark.django_db(transaction=True)
def test_both_sides_book_their_meeting_at_once():
    event = MeetingSettingsFactory().event
    request = _accepted(event)
    booked, refused, failed = _race(
        [(request.requester, request), (request.recipient_user, request)]
    )
    assert failed == []
    assert (len(booked), len(refused)) == (1, 1)
    assert _live().filter(request=request).count() == 1


@pytest.mark.django_db(transaction=True)
def test_one_person_booked_twice_at_once():
    event = MeetingSettingsFactory(tables=3).event
    busy = RepresentativeFactory()
    first, second = _accepted(event, requester=busy), _accepted(event, requester=busy)
    booked, refused, failed = _race([(busy, first), (second.recipient_user, second)])
    assert failed == []
    assert (len(booked), len(refused)) == (1, 1)
    assert Occupancy.objects.filter(user=busy).count() == 6


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("free", "winners"), [(2, 2), (1, 1)])
def test_two_pairs_take_the_free_tables_of_one_slot(free, winners, monkeypatch):
    """A third pair holds table 1; two more pairs book the same slot at once. With two tables
    free both get one (the one that finds its first choice taken tries the next, in a
    savepoint); with one free, exactly one wins and the other is told no table is left."""
    event = MeetingSettingsFactory(tables=free + 1).event
    holder = _accepted(event)
    book_meeting(holder.requester, holder, NOV_5_0900)
    first, second = _accepted(event), _accepted(event)
    if connection.vendor == "postgresql":
        # Both read the same free tables before either writes, so that both go for the same
        # first table and the database, not the Python check, tells the slower one. (SQLite
        # runs the two transactions one after the other: the second sees the first's table.)
        _meet_after(monkeypatch, bookings.TableBook, "free")
    booked, refused, failed = _race([(first.requester, first), (second.requester, second)])
    assert failed == []
    assert (len(booked), len(refused)) == (winners, 2 - winners)
    tables = [meeting.table.number for meeting in _live().select_related("table")]
    assert sorted(tables) == list(range(1, winners + 2))  # each meeting at its own table
    assert Occupancy.objects.filter(table__isnull=False).count() == 6 * (winners + 1)
    if refused:
        assert "table" in refused[0].messages[0]


def _meet_after(monkeypatch, owner, name):
    """Make two threads wait for each other once both have returned from ``owner.name``."""
    barrier = threading.Barrier(2)
    real = getattr(owner, name)

    def waiting(*args, **kwargs):
        result = real(*args, **kwargs)
        barrier.wait(timeout=10)
        return result

    monkeypatch.setattr(owner, name, waiting)
