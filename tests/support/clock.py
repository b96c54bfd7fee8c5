"""A clock the test moves by hand, so leases expire without waiting."""

from datetime import UTC, datetime, timedelta


class Clock:
    """Aware UTC datetimes at MongoDB's millisecond precision, like servicedesk.timeutil.now."""

    def __init__(self, start: datetime = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> datetime:
        self.moment += timedelta(seconds=seconds)
        return self.moment
