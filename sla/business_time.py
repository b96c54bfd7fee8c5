"""Business time over a calendar: add business time to an instant, count it between two.

Pure: no database, no Django. A `Calendar` is a time zone (IANA, through zoneinfo),
per weekday a list of local `[start, end)` intervals in minutes of the day (an
interval never crosses midnight; `end` may be 1440, "24:00"), and holiday dates.

What counts: a UTC instant is business time when its local wall time (in the
calendar's zone, at that instant's offset) falls in an interval of its local
weekday and its local date is no holiday. So a daylight-saving change counts as
the clock on the wall shows it: an hour skipped in spring is not worked, an hour
repeated in autumn is worked twice (tests/sla/test_business_time.py holds this
against a minute-stepping oracle).

Cost: a day is visited at most once, and a whole week without holidays and without
an offset change is jumped in one step, so adding a long target costs about one
step per week crossed plus one per irregular day, not one per minute.
"""

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

DAY = timedelta(days=1)
WEEK = timedelta(days=7)
MINUTES_PER_DAY = 24 * 60
# Around a local day (or week), the UTC window in which its offsets are looked for: the
# instants of a local date lie within 14 hours of its "UTC" midnights (offsets are
# between -12 and +14 hours), so one offset at both ends means none changes inside.
_PAD = timedelta(hours=14)
# Due times further than this are "never" (None): a calendar with one minute a week
# and a target of years would otherwise run past the year 9999.
HORIZON = timedelta(days=366 * 200)
ZERO = timedelta(0)

Interval = tuple[int, int]  # minutes of the local day, [start, end)


@dataclass(frozen=True)
class Calendar:
    """`hours[weekday]` (Monday 0): sorted, non-overlapping local intervals in minutes."""

    time_zone: str
    hours: tuple[tuple[Interval, ...], ...]
    holidays: tuple[date, ...] = ()
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def build(
        cls, *, time_zone: str, hours: dict[int, Iterable[Interval]], holidays: Iterable[date] = ()
    ) -> "Calendar":
        days = tuple(tuple(sorted(hours.get(day, ()))) for day in range(7))
        for intervals in days:
            for start, end in intervals:
                if not 0 <= start < end <= MINUTES_PER_DAY:
                    raise ValueError(f"bad interval {(start, end)}")
            for (_, end), (start, _) in pairwise(intervals):
                if start < end:
                    raise ValueError("intervals overlap")
        return cls(time_zone=time_zone, hours=days, holidays=tuple(sorted(set(holidays))))

    @property
    def zone(self) -> ZoneInfo:
        zone = self._cache.get("zone")
        if zone is None:
            zone = self._cache["zone"] = ZoneInfo(self.time_zone)
        return zone

    @property
    def week_length(self) -> timedelta:
        """Business time in a week without holidays or offset changes."""
        length = self._cache.get("week")
        if length is None:
            minutes = sum(end - start for intervals in self.hours for start, end in intervals)
            length = self._cache["week"] = timedelta(minutes=minutes)
        return length

    def _offset(self, moment: datetime) -> timedelta:
        zone = self._cache.get("zone") or self.zone
        return moment.astimezone(zone).utcoffset()  # type: ignore[return-value]

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def is_holiday(self, day: date) -> bool:
        index = bisect_left(self.holidays, day)
        return index < len(self.holidays) and self.holidays[index] == day

    def _holiday_in(self, first: date, last: date) -> bool:
        index = bisect_left(self.holidays, first)
        return index < len(self.holidays) and self.holidays[index] <= last

    def _transition(self, low: datetime, high: datetime) -> datetime:
        """The first instant in (low, high] whose offset differs from low's (one exists)."""
        before = self._offset(low)
        while high - low > timedelta(seconds=1):
            middle = low + (high - low) / 2
            middle = middle.replace(microsecond=0)
            if middle <= low:
                middle = low + timedelta(seconds=1)
            if self._offset(middle) == before:
                low = middle
            else:
                high = middle
        return high

    def _spans(self, day: date) -> list[tuple[datetime, datetime, timedelta]]:
        """The UTC spans `(from, to, offset)` whose instants have local date `day`."""
        base = datetime.combine(day, time(), tzinfo=UTC)
        steady = self._week_offset(day - timedelta(days=day.weekday()))
        if steady is not None:
            return [(base - steady, base + DAY - steady, steady)]
        low, high = base - _PAD, base + DAY + _PAD
        before, after = self._offset(low), self._offset(high)
        if before == after:
            return [(base - before, base + DAY - before, before)]
        change = self._transition(low, high)
        spans = []
        start, end = base - before, min(base + DAY - before, change)
        if start < end:
            spans.append((start, end, before))
        start, end = max(base - after, change), base + DAY - after
        if start < end:
            spans.append((start, end, after))
        return spans

    def day_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The business intervals (UTC, sorted) of a local date."""
        cache = self._cache.setdefault("days", {})
        found = cache.get(day)
        if found is not None:
            return found
        found = []
        intervals = self.hours[day.weekday()]
        if intervals and not self.is_holiday(day):
            base = datetime.combine(day, time(), tzinfo=UTC)
            for span_from, span_to, offset in self._spans(day):
                for start, end in intervals:
                    low = max(base + timedelta(minutes=start) - offset, span_from)
                    high = min(base + timedelta(minutes=end) - offset, span_to)
                    if low < high:
                        found.append((low, high))
            found.sort()
        if len(cache) > 4096:
            cache.clear()
        cache[day] = found
        return found

    def _week_offset(self, monday: date) -> timedelta | None:
        """The offset of every instant of the local week from `monday`, when it has one."""
        cache = self._cache.setdefault("weeks", {})
        if monday in cache:
            return cache[monday]
        base = datetime.combine(monday, time(), tzinfo=UTC)
        offset = self._offset(base - _PAD)
        steady = offset if self._offset(base + WEEK + _PAD) == offset else None
        if len(cache) > 4096:
            cache.clear()
        cache[monday] = steady
        return steady

    def _regular_week(self, first: date) -> tuple[datetime, timedelta] | None:
        """For a week from `first` (a Monday) without offset change: its first UTC instant
        and its business time (`week_length` less its holidays' hours); else None."""
        offset = self._week_offset(first)
        if offset is None:
            return None
        length = self.week_length
        index = bisect_left(self.holidays, first)
        while index < len(self.holidays) and self.holidays[index] <= first + timedelta(days=6):
            weekday = self.holidays[index].weekday()
            length -= timedelta(minutes=sum(end - start for start, end in self.hours[weekday]))
            index += 1
        return datetime.combine(first, time(), tzinfo=UTC) - offset, length


def add_business(calendar: Calendar, start: datetime, amount: timedelta) -> datetime | None:
    """The instant at which `amount` of business time has passed since `start` (UTC).

    `amount` <= 0 answers `start`. None when that lies beyond `HORIZON` (a calendar
    without hours, or one minute a week and a target of years).
    """
    start = start.astimezone(UTC)
    if amount <= ZERO:
        return start
    week = calendar.week_length
    if week <= ZERO:
        return None
    remaining = amount
    day = calendar.local_date(start) - DAY  # a zone may move midnight back over a date
    last = calendar.local_date(start) + HORIZON
    while day <= last:
        if remaining > week and day.weekday() == 0:  # weeks from Monday: one try a week
            regular = calendar._regular_week(day)
            if regular is not None and regular[0] >= start and remaining > regular[1]:
                remaining -= regular[1]
                day += WEEK
                continue
        for low, high in calendar.day_intervals(day):
            if high <= start:
                continue
            low = max(low, start)
            if remaining <= high - low:
                return low + remaining
            remaining -= high - low
        day += DAY
    return None


def business_between(calendar: Calendar, start: datetime, end: datetime) -> timedelta:
    """The business time in [start, end) (zero when end <= start)."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return ZERO
    total = ZERO
    day = calendar.local_date(start) - DAY
    last = calendar.local_date(end) + DAY
    while day <= last:
        if day.weekday() == 0 and day + WEEK <= last - DAY:
            regular = calendar._regular_week(day)
            if regular is not None and regular[0] >= start and regular[0] + WEEK <= end:
                total += regular[1]
                day += WEEK
                continue
        for low, high in calendar.day_intervals(day):
            low, high = max(low, start), min(high, end)
            if low < high:
                total += high - low
        day += DAY
    return total


ALWAYS = Calendar.build(time_zone="UTC", hours={day: [(0, MINUTES_PER_DAY)] for day in range(7)})
