"""Business-time arithmetic against a plain minute-stepping oracle (hypothesis).

The oracle walks UTC minute by minute and counts a minute when its local wall time
falls in an interval of its local weekday on a non-holiday date: the definition in
sla.business_time's docstring, written the slowest, plainest way.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla.business_time import ALWAYS, Calendar, add_business, business_between

MINUTE = timedelta(minutes=1)
# Zones with changes both ways (north and south), half-hour ones, one that moves at
# midnight, and one without daylight-saving time.
ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kolkata",
    "UTC",
)
# Instants around the changes of 2025 (and plain weeks), minute-aligned.
START = datetime(2025, 3, 1, tzinfo=UTC)
SPAN_MINUTES = 300 * 24 * 60


def is_business(calendar: Calendar, moment: datetime) -> bool:
    local = moment.astimezone(ZoneInfo(calendar.time_zone))
    if local.date() in calendar.holidays:
        return False
    minute = local.hour * 60 + local.minute
    return any(start <= minute < end for start, end in calendar.hours[local.weekday()])


def oracle_add(calendar: Calendar, start: datetime, minutes: int, limit: int) -> datetime | None:
    moment, counted = start, 0
    for _ in range(limit):
        if counted == minutes:
            return moment
        if is_business(calendar, moment):
            counted += 1
        moment += MINUTE
    return moment if counted == minutes else None


def oracle_between(calendar: Calendar, start: datetime, end: datetime) -> timedelta:
    counted, moment = 0, start
    while moment < end:
        counted += is_business(calendar, moment)
        moment += MINUTE
    return counted * MINUTE


@st.composite
def day_intervals(draw, *, max_intervals: int = 3):
    """Sorted, non-overlapping local intervals of one day (minutes), maybe none."""
    cuts = sorted(draw(st.sets(st.integers(0, 24 * 60), max_size=2 * max_intervals)))
    if len(cuts) % 2:
        cuts = cuts[:-1]
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


@st.composite
def calendars(draw, *, holidays: bool = True):
    zone = draw(st.sampled_from(ZONES))
    hours = {day: draw(day_intervals()) for day in range(7)}
    if not any(hours.values()):  # never due: covered by its own test
        start = draw(st.integers(0, 24 * 60 - 30))
        hours[draw(st.integers(0, 6))] = [(start, start + 30)]
    days = draw(st.lists(st.integers(0, 300), max_size=8)) if holidays else []
    return Calendar.build(
        time_zone=zone,
        hours=hours,
        holidays=[date(2025, 3, 1) + timedelta(days=n) for n in days],
    )


instants = st.integers(0, SPAN_MINUTES).map(lambda n: START + n * MINUTE)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(calendar=calendars(), start=instants, minutes=st.integers(0, 3000))
def test_add_business_matches_the_oracle(calendar, start, minutes):
    limit = 60 * 24 * 7 * 12
    expected = oracle_add(calendar, start, minutes, limit)
    if expected is None:  # beyond what the oracle walks: the answer is at least later
        found = add_business(calendar, start, minutes * MINUTE)
        assert found is None or found >= start + limit * MINUTE
        return
    assert add_business(calendar, start, minutes * MINUTE) == expected


@SETTINGS
@given(calendar=calendars(), start=instants, length=st.integers(0, 60 * 24 * 20))
def test_business_between_matches_the_oracle(calendar, start, length):
    end = start + length * MINUTE
    assert business_between(calendar, start, end) == oracle_between(calendar, start, end)


@SETTINGS
@given(calendar=calendars(), start=instants, minutes=st.integers(1, 200_000))
def test_between_inverts_add(calendar, start, minutes):
    due = add_business(calendar, start, minutes * MINUTE)
    if due is not None:
        assert business_between(calendar, start, due) == minutes * MINUTE


@settings(max_examples=40, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    weekday=st.integers(0, 6),
    minute=st.integers(0, 24 * 60 - 1),
    start=instants,
    minutes=st.integers(0, 4),
)
def test_a_single_minute_a_week(zone, weekday, minute, start, minutes):
    calendar = Calendar.build(time_zone=zone, hours={weekday: [(minute, minute + 1)]})
    expected = oracle_add(calendar, start, minutes, 60 * 24 * 7 * 6)
    assert add_business(calendar, start, minutes * MINUTE) == expected


@settings(max_examples=5, deadline=None)
@given(zone=st.sampled_from(ZONES), start=instants, extra=st.integers(0, 60 * 24 * 40))
def test_targets_longer_than_a_year_of_business_time(zone, start, extra):
    """Twelve business hours a day, every day: over a year of business time is two years
    of calendar time, walked by the oracle minute by minute."""
    calendar = Calendar.build(time_zone=zone, hours={day: [(360, 1080)] for day in range(7)})
    minutes = 365 * 24 * 60 + extra
    expected = oracle_add(calendar, start, minutes, 60 * 24 * 366 * 3)
    assert expected is not None
    assert add_business(calendar, start, minutes * MINUTE) == expected


def test_daylight_saving_changes_count_as_the_wall_clock_shows():
    # Berlin, 30 March 2025: 02:00 -> 03:00; a calendar open all night Saturday to Sunday.
    calendar = Calendar.build(time_zone="Europe/Berlin", hours={6: [(0, 24 * 60)]})
    sunday = datetime(2025, 3, 29, 23, 0, tzinfo=UTC)  # 00:00 local, Sunday
    assert business_between(calendar, sunday, sunday + timedelta(days=1)) == timedelta(hours=23)
    # 26 October 2025: 03:00 -> 02:00, the day has 25 hours.
    autumn = datetime(2025, 10, 25, 22, 0, tzinfo=UTC)
    assert business_between(calendar, autumn, autumn + timedelta(days=2)) == timedelta(hours=25)


def test_holidays_and_split_days():
    calendar = Calendar.build(
        time_zone="America/New_York",
        hours={0: [(540, 720), (780, 1020)]},  # Monday 9-12 and 13-17
        holidays=[date(2025, 6, 2)],
    )
    friday = datetime(2025, 5, 30, 12, 0, tzinfo=UTC)
    # 2 June is a holiday: the first business hour is Monday 9 June, 9:00 EDT (13:00 UTC).
    assert add_business(calendar, friday, timedelta(minutes=1)) == datetime(
        2025, 6, 9, 13, 1, tzinfo=UTC
    )
    # Three hours in the morning, then lunch, then one hour: 14:00 EDT.
    assert add_business(calendar, friday, timedelta(hours=4)) == datetime(
        2025, 6, 9, 18, 0, tzinfo=UTC
    )


def test_no_hours_at_all_is_never_due():
    calendar = Calendar.build(time_zone="UTC", hours={})
    assert add_business(calendar, START, timedelta(minutes=1)) is None
    assert business_between(calendar, START, START + timedelta(days=30)) == timedelta(0)


def test_always_is_wall_time():
    assert add_business(ALWAYS, START, timedelta(days=400)) == START + timedelta(days=400)


@pytest.mark.parametrize("bad", [[(10, 5)], [(0, 1441)], [(0, 10), (5, 20)]])
def test_bad_intervals_are_refused(bad):
    with pytest.raises(ValueError):
        Calendar.build(time_zone="UTC", hours={0: bad})
