"""Leases with a controlled clock: one holder at a time, renewal, release, takeover."""

import threading
from datetime import timedelta

import pytest

from servicedesk.jobs import lease as leases
from servicedesk.jobs.documents import JobLease
from servicedesk.jobs.lease import Lease, Refusal
from servicedesk.timeutil import as_utc
from tests.support.clock import Clock

JOB = "test.job"
LEASE = 30


@pytest.fixture
def clock():
    return Clock()


def take(clock, holder, *, every=None, job=JOB):
    return leases.acquire(job, lease_seconds=LEASE, every=every, holder=holder, clock=clock)


def record(job=JOB) -> dict:
    doc = leases.latest(job)
    return {
        key: as_utc(value) if key.endswith("_at") and value is not None else value
        for key, value in doc.items()
    }


def terms(job=JOB) -> list[int]:
    return sorted(doc["term"] for doc in JobLease._get_collection().find({"job": job}))


def test_acquire_records_the_holder_and_the_run(clean_db, clock):
    lease = take(clock, "a")
    assert isinstance(lease, Lease)
    assert lease.expires_at == clock() + timedelta(seconds=LEASE)
    stored = record()
    assert stored["holder"] == "a" and stored["term"] == 1
    assert stored["acquired_at"] == stored["last_started_at"] == clock()
    assert stored["expires_at"] == lease.expires_at
    assert stored["released_at"] is None and stored["last_finished_at"] is None
    assert stored["run_count"] == 0 and stored["last_error"] is None


def test_a_second_holder_is_refused_while_the_lease_holds(clean_db, clock):
    lease = take(clock, "a")
    clock.advance(LEASE - 0.001)
    assert take(clock, "b") == Refusal(JOB, "held", holder="a", expires_at=lease.expires_at)
    assert take(clock, "a") == Refusal(JOB, "held", holder="a", expires_at=lease.expires_at)
    assert terms() == [1]


def test_renewal_keeps_others_out_past_the_first_expiry(clean_db, clock):
    lease = take(clock, "a")
    clock.advance(LEASE / 3)
    assert leases.renew(lease, clock=clock) is True
    assert lease.expires_at == clock() + timedelta(seconds=LEASE)
    assert record()["expires_at"] == lease.expires_at
    clock.advance(LEASE - 1)  # past the first expiry, before the renewed one
    assert take(clock, "b") == Refusal(JOB, "held", holder="a", expires_at=lease.expires_at)


def test_a_renewal_too_close_to_the_expiry_is_refused(clean_db, clock):
    lease = take(clock, "a")
    expires_at = lease.expires_at
    clock.advance(LEASE - leases.MAX_CLOCK_SKEW.total_seconds())
    assert leases.renew(lease, clock=clock) is False
    assert record()["expires_at"] == expires_at  # nothing written


def test_release_frees_the_lease_and_records_the_run(clean_db, clock):
    lease = take(clock, "a")
    clock.advance(2)
    assert leases.release(lease, clock=clock) is True
    stored = record()
    assert stored["released_at"] == stored["last_finished_at"] == clock()
    assert stored["run_count"] == 1 and stored["error_count"] == 0
    assert leases.renew(lease, clock=clock) is False  # released: nothing to renew
    assert leases.release(lease, clock=clock) is False  # and nothing to release twice

    nxt = take(clock, "b")
    assert isinstance(nxt, Lease) and nxt.term == 2
    stored = record()
    assert stored["holder"] == "b" and stored["run_count"] == 1  # the record carries over
    assert stored["last_finished_at"] == clock() and stored["last_started_at"] == clock()


def test_a_job_is_not_due_until_every_has_passed_since_its_last_start(clean_db, clock):
    started = clock()
    lease = take(clock, "a", every=timedelta(minutes=1))
    clock.advance(5)
    leases.release(lease, clock=clock)
    due_at = started + timedelta(minutes=1)
    assert take(clock, "b", every=timedelta(minutes=1)) == Refusal(JOB, "not_due", due_at=due_at)
    clock.moment = due_at
    assert isinstance(take(clock, "b", every=timedelta(minutes=1)), Lease)


def test_a_crashed_holders_lease_expires_and_another_takes_over(clean_db, clock):
    crashed = take(clock, "a")
    clock.advance(LEASE)  # "a" never renews nor releases
    taken = take(clock, "b")
    assert isinstance(taken, Lease) and taken.term == 2
    stored = record()
    assert stored["holder"] == "b"
    assert stored["last_error"].startswith("lease of a expired at ")
    assert stored["last_error"].endswith("; taken over by b")
    assert stored["last_error_at"] == clock() and stored["error_count"] == 1
    # The old holder, should it come back, cannot renew; its release ends only its own,
    # superseded term, not b's.
    assert leases.renew(crashed, clock=clock) is False
    leases.release(crashed, clock=clock)
    assert take(clock, "c") == Refusal(JOB, "held", holder="b", expires_at=taken.expires_at)


def test_last_error_is_recorded_and_kept_after_a_later_success(clean_db, clock):
    leases.release(take(clock, "a"), error="ValueError: boom", clock=clock)
    stored = record()
    assert stored["last_error"] == "ValueError: boom" and stored["last_error_at"] == clock()
    assert stored["error_count"] == 1 and stored["run_count"] == 1
    failed_at = clock()
    clock.advance(10)
    leases.release(take(clock, "b"), clock=clock)
    stored = record()
    assert stored["last_error"] == "ValueError: boom" and stored["last_error_at"] == failed_at
    assert stored["last_finished_at"] == clock() and stored["run_count"] == 2


def test_a_long_error_is_cut(clean_db, clock):
    leases.release(take(clock, "a"), error="x" * 10_000, clock=clock)
    assert len(record()["last_error"]) == leases.MAX_ERROR_LENGTH


def test_old_terms_are_deleted_keeping_the_previous_one(clean_db, clock):
    for holder in "abcde":
        leases.release(take(clock, holder), clock=clock)
    assert terms() == [4, 5]
    assert record()["run_count"] == 5


def test_two_takers_of_the_same_term_one_wins_by_the_unique_insert(clean_db, clock, monkeypatch):
    """Of two takers that read the same latest term, the unique insert of the next one
    picks the winner."""
    leases.release(take(clock, "a"), clock=clock)
    seen = leases._latest(JOB)
    assert isinstance(take(clock, "b"), Lease)  # b takes term 2
    monkeypatch.setattr(leases, "_latest", lambda job: seen)  # c read term 1 before that
    assert take(clock, "c") == Refusal(JOB, "lost")
    monkeypatch.undo()
    assert record()["holder"] == "b" and terms() == [1, 2]


def test_a_taker_that_read_long_ago_does_not_hold_a_deleted_term(clean_db, clock, monkeypatch):
    leases.release(take(clock, "a"), clock=clock)
    seen = leases._latest(JOB)  # x reads term 1, then stalls while others run
    for holder in "bcd":
        leases.release(take(clock, holder), clock=clock)
    assert terms() == [3, 4]  # term 2 is gone: x's insert of it succeeds...
    calls = iter([seen])
    real = leases._latest
    monkeypatch.setattr(leases, "_latest", lambda job: next(calls, None) or real(job))
    assert take(clock, "x") == Refusal(JOB, "lost")  # ...but it is not the latest
    assert terms() == [3, 4]


def test_racing_threads_one_holder(clean_db, clock):
    start = threading.Barrier(8)
    results = []

    def racer(name):
        start.wait()
        results.append(take(clock, name))

    threads = [threading.Thread(target=racer, args=(f"t{n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    held = [result for result in results if isinstance(result, Lease)]
    assert len(held) == 1
    assert record()["holder"] == held[0].holder
