from datetime import UTC, datetime

import pytest
from django.utils import translation

from tradebridge.events.domain.time_display import (
    NonexistentLocalTime,
    day_shift_label,
    local_to_utc,
    shown_span,
    shown_time,
)


def test_shanghai_morning_is_the_previous_evening_in_california():
    # 09:00 on 6 November 2020 in Shanghai (UTC+8) = 01:00 UTC = 17:00 PST on 5 November.
    moment = datetime(2020, 11, 6, 1, 0, tzinfo=UTC)
    shown = shown_time(moment, "Asia/Shanghai", "America/Los_Angeles")
    assert (shown.event_local.day, shown.event_local.hour) == (6, 9)
    assert (shown.viewer_local.day, shown.viewer_local.hour) == (5, 17)
    assert shown.day_shift == -1
    assert shown.day_shift_label == "\u22121 day"
    assert shown.viewer_zone_abbreviation == "PST"


def test_california_evening_is_the_next_morning_in_shanghai():
    moment = datetime(2020, 11, 6, 1, 0, tzinfo=UTC)
    shown = shown_time(moment, "America/Los_Angeles", "Asia/Shanghai")
    assert shown.day_shift == 1
    assert shown.day_shift_label == "+1 day"


def test_same_day_has_no_label_and_same_zone_is_not_repeated():
    moment = datetime(2015, 9, 22, 16, 0, tzinfo=UTC)
    shown = shown_time(moment, "America/Los_Angeles", "America/Los_Angeles")
    assert shown.day_shift == 0
    assert shown.day_shift_label == ""
    assert not shown.shows_viewer_time
    assert shown_time(moment, "America/Los_Angeles", "America/Chicago").shows_viewer_time


def test_us_daylight_saving_ends_between_sessions():
    # 2020-11-01 02:00 PDT → 01:00 PST. The same 09:00 local time is 16:00 UTC before the
    # change and 17:00 UTC after; Shanghai (no DST) sees 00:00 and 01:00 the next day.
    before = shown_time(
        datetime(2020, 10, 31, 16, 0, tzinfo=UTC), "America/Los_Angeles", "Asia/Shanghai"
    )
    after = shown_time(
        datetime(2020, 11, 2, 17, 0, tzinfo=UTC), "America/Los_Angeles", "Asia/Shanghai"
    )
    assert before.event_local.hour == after.event_local.hour == 9
    assert before.event_zone_abbreviation == "PDT"
    assert after.event_zone_abbreviation == "PST"
    assert (before.viewer_local.hour, after.viewer_local.hour) == (0, 1)
    assert before.day_shift == after.day_shift == 1


def test_us_daylight_saving_starts_on_a_night_that_loses_an_hour():
    # 2021-03-14: 01:59 PST is followed by 03:00 PDT; a 01:30–03:30 local span lasts one hour.
    span = shown_span(
        datetime(2021, 3, 14, 9, 30, tzinfo=UTC),
        datetime(2021, 3, 14, 10, 30, tzinfo=UTC),
        "America/Los_Angeles",
        "Europe/London",
    )
    assert (span.start.event_local.hour, span.start.event_local.minute) == (1, 30)
    assert (span.end.event_local.hour, span.end.event_local.minute) == (3, 30)
    assert span.end.event_zone_abbreviation == "PDT"
    assert span.start.viewer_local.hour == 9  # London is still on GMT


def test_viewer_zone_missing_or_invalid_shows_only_the_event_zone():
    moment = datetime(2020, 11, 6, 1, 0, tzinfo=UTC)
    for zone in (None, "", "Mars/Olympus_Mons"):
        shown = shown_time(moment, "Asia/Shanghai", zone)
        assert shown.viewer_local is None
        assert not shown.shows_viewer_time
        assert shown.day_shift == 0


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        shown_time(datetime(2020, 11, 6, 1, 0), "Asia/Shanghai", "UTC")


def test_labels_count_days():
    assert day_shift_label(2) == "+2 days"
    assert day_shift_label(-2) == "\u22122 days"


def test_labels_are_translatable():
    # The message ids go through gettext; with no catalogue entry the English text stays.
    with translation.override("zh-hans"):
        assert day_shift_label(1) != ""


def test_local_to_utc_handles_both_daylight_saving_changes():
    # Spring forward: 02:30 on 14 March 2021 does not exist in California.
    with pytest.raises(NonexistentLocalTime):
        local_to_utc(datetime(2021, 3, 14, 2, 30), "America/Los_Angeles")
    # Fall back: 01:30 on 1 November 2020 happens twice; the first (PDT) is taken.
    assert local_to_utc(datetime(2020, 11, 1, 1, 30), "America/Los_Angeles") == datetime(
        2020, 11, 1, 8, 30, tzinfo=UTC
    )
    assert local_to_utc(datetime(2020, 11, 6, 9, 0), "Asia/Shanghai") == datetime(
        2020, 11, 6, 1, 0, tzinfo=UTC
    )
    with pytest.raises(ValueError):
        local_to_utc(datetime(2020, 11, 6, 9, 0, tzinfo=UTC), "Asia/Shanghai")
