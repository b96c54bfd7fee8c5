"""One clock for the whole service: UTC, truncated to MongoDB's millisecond precision."""

from datetime import UTC, datetime


def now() -> datetime:
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def as_utc(moment: datetime) -> datetime:
    """Stored datetimes come back aware (tz_aware client); naive ones are UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def isoformat(moment: datetime | None) -> str | None:
    """`2025-08-31T16:08:45.429Z`, the format of the API listing."""
    if moment is None:
        return None
    return as_utc(moment).isoformat(timespec="milliseconds").replace("+00:00", "Z")
