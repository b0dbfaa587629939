"""Two people ask for the last seat at the same moment: exactly one gets it.

Runs with real transactions and two connections, on SQLite (a file test database, see
settings.py) and on PostgreSQL (SELECT … FOR UPDATE on the event row).
"""

import threading

import pytest
from django.db import connection

from tests.factories.accounts import UserFactory
from tests.factories.events import EventFactory
from tradebridge.events.domain.registrations import register
from tradebridge.events.enums import AttendanceMode, RegistrationStatus


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_seat():
    event = EventFactory(capacity=3)
    for _ in range(2):
        register(UserFactory(), event, AttendanceMode.IN_PERSON)
    racers = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(len(racers))
    results, errors = [], []

    def race(user):
        try:
            barrier.wait(timeout=10)
            results.append(register(user, event, AttendanceMode.IN_PERSON).status)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(user,)) for user in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 3
