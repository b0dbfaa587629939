"""Every change to a published meeting is mailed to both participants in their own language
and zone, with an .ics whose UID stays and whose SEQUENCE rises; tentative proposals, which
participants never saw, are not."""

from datetime import UTC, datetime

import icalendar

from tradebridge.meetings.domain.bookings import book_meeting, reschedule_meeting
from tradebridge.meetings.domain.requests import cancel_request
from tradebridge.meetings.domain.schedule_runs import start_run
from tradebridge.meetings.models import Meeting

NOV_5_0900 = datetime(2020, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
NOV_5_0930 = datetime(2020, 11, 5, 1, 30, tzinfo=UTC)


def _entry(message):
    name, content, kind = message.attachments[0]
    assert kind == "text/calendar" and name.endswith(".ics")
    (entry,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return entry


def test_book_move_cancel(accepted, expo, buyer, exporter, sent):
    request = accepted(event=expo)
    meeting, mails = sent(lambda: book_meeting(buyer, request, NOV_5_0900))
    assert set(mails) == {buyer.email, exporter.email}
    chinese, english = mails[buyer.email], mails[exporter.email]
    assert english.subject.startswith("Meeting scheduled: ")
    assert chinese.subject.startswith("会谈已安排：")
    assert "09:00" in chinese.body  # Shanghai time
    assert "17:00" in english.body and "−1 day" in english.body  # the day before in California
    uid = f"meeting-{meeting.uid}@tradebridge.meetings"
    assert str(_entry(english)["uid"]) == uid and _entry(english)["sequence"] == 0

    moved, mails = sent(lambda: reschedule_meeting(exporter, request, NOV_5_0930))
    assert mails[exporter.email].subject.startswith("Meeting moved: ")
    assert mails[buyer.email].subject.startswith("会谈时间已变更：")
    entry = _entry(mails[exporter.email])
    assert (str(entry["uid"]), entry["sequence"]) == (uid, moved.sequence)
    assert moved.sequence == 1 and entry.decoded("dtstart") == NOV_5_0930

    _request, mails = sent(lambda: cancel_request(buyer, request))
    entry = _entry(mails[exporter.email])
    assert mails[exporter.email].subject.startswith("Meeting cancelled: ")
    assert (str(entry["uid"]), entry["sequence"], str(entry["status"])) == (uid, 2, "CANCELLED")


def test_tentative_proposals_are_not_announced(
    accepted, expo, buyer, exporter, staff_user, settings, sent
):
    settings.TRADEBRIDGE_SCHEDULER_RUNNER = "inline"
    expo.owner = staff_user.organisation
    expo.save()
    request = accepted(event=expo)
    _run, mails = sent(lambda: start_run(staff_user, expo, time_limit=5))
    assert Meeting.objects.get(request=request).status == "tentative"
    assert mails == {}
    # The request's cancellation is news to the other side; its unseen proposal is not.
    _request, mails = sent(lambda: cancel_request(buyer, request))
    assert set(mails) == {exporter.email}
    assert mails[exporter.email].subject.startswith("Meeting request cancelled: ")
    assert mails[exporter.email].attachments == []
