"""A lease per job in MongoDB: one holder at a time runs a job, across processes and hosts.

Every time a job is taken, a new *term* document is inserted (`_id`
"<job>:<term>", the latest term + 1): the unique `_id` decides between
processes racing for the same term, and each term keeps the job's record as it
was (the previous term stays readable for operators). After the insert, only
the holder writes its term (renewals, the release). The latest term is free
for the next taker once it is released or once `expires_at` has passed: its
holder crashed or stalled.

A holder renews while a run continues (`renew`). A renewal that has not
completed MAX_CLOCK_SKEW before the current expiry counts as lost, so a taker
that finds the term expired by its own clock (which may differ by up to that
much) never runs alongside the old holder, as long as that holder stops when
it loses the lease (`servicedesk.jobs.should_stop`).

The term document also carries the job's record for operators (holder, last
start and finish, last error, counts), copied into each new term; older terms
are deleted as new ones are taken, keeping the previous one.
"""

import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from pymongo import DESCENDING
from pymongo.errors import DuplicateKeyError

from servicedesk.jobs.documents import JobLease
from servicedesk.timeutil import as_utc, isoformat, now

Clock = Callable[[], datetime]
MAX_CLOCK_SKEW = timedelta(seconds=1)
MAX_ERROR_LENGTH = 2000
CARRIED = (
    "last_started_at",
    "last_finished_at",
    "last_error",
    "last_error_at",
    "run_count",
    "error_count",
)


@dataclass
class Lease:
    """A term this process holds."""

    job: str
    term: int
    holder: str
    lease_seconds: float
    started_at: datetime
    expires_at: datetime

    @property
    def key(self) -> str:
        return _key(self.job, self.term)


@dataclass(frozen=True)
class Refusal:
    """Why a job could not be taken now.

    `held`: another holder has it (`holder`, until `expires_at` at the latest);
    `not_due`: it last started less than `every` ago (due at `due_at`);
    `lost`: another process took the same term first.
    """

    job: str
    reason: str
    holder: str | None = None
    expires_at: datetime | None = None
    due_at: datetime | None = None


def default_holder() -> str:
    """host:pid:thread of the caller, for operators reading the lease."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_native_id()}"


def acquire(
    job: str,
    *,
    lease_seconds: float,
    every: timedelta | None = None,
    holder: str | None = None,
    clock: Clock = now,
) -> Lease | Refusal:
    """Take the job's lease for a run starting now, or say why not.

    With `every`, a job that last started less than `every` ago is not due: the
    schedule is shared by every process through the lease record.
    """
    holder = holder or default_holder()
    moment = clock()
    latest = _latest(job)
    record = {field: None for field in CARRIED} | {"run_count": 0, "error_count": 0}
    term = 1
    if latest is not None:
        expires_at = as_utc(latest["expires_at"])
        if latest.get("released_at") is None and expires_at > moment:
            return Refusal(job, "held", holder=latest["holder"], expires_at=expires_at)
        started = latest.get("last_started_at")
        if every is not None and started is not None and as_utc(started) + every > moment:
            return Refusal(job, "not_due", due_at=as_utc(started) + every)
        record.update({field: latest.get(field, record[field]) for field in CARRIED})
        if latest.get("released_at") is None:  # its holder stopped renewing mid-run
            record["last_error"] = (
                f"lease of {latest['holder']} expired at {isoformat(expires_at)} during a run "
                f"started {isoformat(started)}; taken over by {holder}"
            )
            record["last_error_at"] = moment
            record["error_count"] = (record["error_count"] or 0) + 1
        term = latest["term"] + 1
    expires_at = moment + timedelta(seconds=lease_seconds)
    collection = JobLease._get_collection()
    try:
        collection.insert_one(
            {
                "_id": _key(job, term),
                "job": job,
                "term": term,
                "holder": holder,
                "acquired_at": moment,
                "expires_at": expires_at,
                "released_at": None,
                **record,
                "last_started_at": moment,
            }
        )
    except DuplicateKeyError:
        return Refusal(job, "lost")
    # A taker that read the latest term long ago may have inserted a term that was
    # deleted since, under newer ones: it is not the latest, so it is not the lease.
    top = _latest(job)
    if top is None or top["term"] != term:
        collection.delete_one({"_id": _key(job, term), "holder": holder})
        return Refusal(job, "lost")
    if term > 2:
        collection.delete_many({"job": job, "term": {"$lt": term - 1}})
    return Lease(job, term, holder, float(lease_seconds), moment, expires_at)


def renew(lease: Lease, *, clock: Clock = now) -> bool:
    """Extend the lease by its length from now; False when it is lost (stop running)."""
    moment = clock()
    if not in_time(lease, moment):
        return False
    expires_at = moment + timedelta(seconds=lease.lease_seconds)
    result = JobLease._get_collection().update_one(
        {"_id": lease.key, "holder": lease.holder, "released_at": None},
        {"$set": {"expires_at": expires_at}},
    )
    if result.matched_count != 1 or not in_time(lease, clock()):
        return False
    lease.expires_at = expires_at
    return True


def release(lease: Lease, *, error: str | None = None, clock: Clock = now) -> bool:
    """End the run: record it (and its error) and free the lease. False if it was not ours."""
    moment = clock()
    changes: dict = {"released_at": moment, "expires_at": moment, "last_finished_at": moment}
    counts = {"run_count": 1}
    if error is not None:
        changes |= {"last_error": error[:MAX_ERROR_LENGTH], "last_error_at": moment}
        counts["error_count"] = 1
    result = JobLease._get_collection().update_one(
        {"_id": lease.key, "holder": lease.holder, "released_at": None},
        {"$set": changes, "$inc": counts},
    )
    return result.matched_count == 1


def latest(job: str) -> dict | None:
    """The job's latest lease document (its record), for operators."""
    return _latest(job)


def _latest(job: str) -> dict | None:
    return JobLease._get_collection().find_one({"job": job}, sort=[("term", DESCENDING)])


def in_time(lease: Lease, moment: datetime) -> bool:
    """Whether the holder may still count on its lease at `moment`."""
    return moment < lease.expires_at - MAX_CLOCK_SKEW


def _key(job: str, term: int) -> str:
    return f"{job}:{term}"
