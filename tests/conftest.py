"""Project-wide fixtures: factories for each role, regions and sectors loaded once per test DB."""

import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories.accounts import UserFactory
from tests.factories.directory import OrganisationFactory, region
from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.accounts.enums import Role
from tradebridge.directory.enums import OrganisationKind
from tradebridge.matchmaking.domain.vectors import shared_encoder
from tradebridge.meetings.domain.requests import accept_request, request_meeting


def pytest_configure(config):
    from django.conf import settings

    # The real hasher is slow by design; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_sessionfinish(session, exitstatus):
    from django.conf import settings

    # The SQLite test database is a file (see settings.py): Django deletes it at the end of
    # the run, but not the write-ahead log and shared-memory files beside it.
    database = settings.DATABASES["default"]
    name = database.get("TEST", {}).get("NAME")
    if name and database["ENGINE"].endswith("sqlite3"):
        for suffix in ("-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_catalogues", verbosity=0)
    yield
    with django_db_blocker.unblock():
        _end_stray_postgres_sessions()


def _end_stray_postgres_sessions() -> None:
    """Close connections other threads left open, so the test database can be dropped.

    A thread that served a request (the live server, the race tests) may still hold a session
    when the run ends; PostgreSQL then refuses DROP DATABASE. The ones found are named on
    stderr so that their source can be closed properly.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, left(query, 120) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        stray = cursor.fetchall()
        for pid, state, query in stray:
            sys.stderr.write(f"closing a stray test-database session {pid} ({state}): {query}\n")
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    connection.close()


@pytest.fixture(scope="session")
def encoder():
    """The process-wide multilingual sentence encoder of matchmaking, warmed up once per test
    process (its model takes seconds to load); saving a matchmaking profile encodes with it."""
    enc = shared_encoder()
    enc.encode(["warm up"])
    return enc


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def agency(db):
    return OrganisationFactory(kind=OrganisationKind.AGENCY, name_en="Agency A", name_zh="甲机构")


@pytest.fixture
def other_agency(db):
    return OrganisationFactory(kind=OrganisationKind.AGENCY, name_en="Agency B", name_zh="乙机构")


@pytest.fixture
def company(db, agency):
    return OrganisationFactory(kind=OrganisationKind.COMPANY, owner=agency)


@pytest.fixture
def admin_user(db):
    return UserFactory(role=Role.PLATFORM_ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def staff_user(db, agency):
    return UserFactory(role=Role.AGENCY_STAFF, organisation=agency)


@pytest.fixture
def other_staff_user(db, other_agency):
    return UserFactory(role=Role.AGENCY_STAFF, organisation=other_agency)


@pytest.fixture
def representative(db, company):
    return UserFactory(role=Role.COMPANY_REPRESENTATIVE, organisation=company)


@pytest.fixture
def government_viewer(db):
    return UserFactory(role=Role.GOVERNMENT_VIEWER)


@pytest.fixture
def users(admin_user, staff_user, other_staff_user, representative, government_viewer):
    """One user per role, keyed as the permission matrices name them (None: anonymous)."""
    return {
        "anonymous": None,
        "admin": admin_user,
        "staff": staff_user,
        "other_staff": other_staff_user,
        "representative": representative,
        "viewer": government_viewer,
    }


# Meetings: a Shanghai buyer, a Californian exporter and a CIIE-like expo with meeting settings.
@pytest.fixture
def expo_settings(db):
    """CIIE-like: Shanghai, 5–6 November 2020, 3 tables, half-hour slots."""
    return MeetingSettingsFactory()


@pytest.fixture
def expo(expo_settings):
    return expo_settings.event


@pytest.fixture
def buyer(db):
    """A Shanghai buyer who reads Chinese."""
    user = RepresentativeFactory(
        language="zh-hans", timezone="Asia/Shanghai", first_name="Li", last_name="Wei"
    )
    user.organisation.home_region = region("CN-SH")
    user.organisation.save()
    return user


@pytest.fixture
def exporter(db):
    """A Californian exporter who reads English."""
    user = RepresentativeFactory(
        language="en", timezone="America/Los_Angeles", first_name="Ann", last_name="Lee"
    )
    user.organisation.home_region = region("US-CA")
    user.organisation.save()
    return user


@pytest.fixture
def accepted(buyer, exporter):
    """``accepted(event=…, place_kind=…)``: a request from the buyer, accepted by the exporter."""

    def make(event=None, requester=None, recipient=None, **fields):
        requester, recipient = requester or buyer, recipient or exporter
        request = request_meeting(
            requester, recipient_organisation=recipient.organisation, event=event, **fields
        )
        return accept_request(recipient, request)

    return make
