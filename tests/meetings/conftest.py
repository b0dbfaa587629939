"""People and an expo with meeting settings, for the meetings tests."""

import pytest

from tests.factories.directory import region
from tests.factories.meetings import MeetingSettingsFactory, RepresentativeFactory
from tradebridge.meetings.domain.requests import accept_request, request_meeting


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
