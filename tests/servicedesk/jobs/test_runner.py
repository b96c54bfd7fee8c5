"""The runner: due jobs run once under their lease; errors, outages and stops."""

import logging
import threading
import time
from datetime import timedelta

import pytest
from pymongo.errors import ServerSelectionTimeoutError

from servicedesk.jobs import lease as leases
from servicedesk.jobs import runner as runners
from servicedesk.jobs import should_stop
from servicedesk.jobs.registry import Job
from servicedesk.jobs.runner import Outcome, Runner
from servicedesk.timeutil import as_utc
from tests.support.clock import Clock

BOUND = 5.0  # seconds: the longest a test waits for another thread


def job(name, run, every=60, lease_seconds=30):
    return Job(name, timedelta(seconds=every), run, lease_seconds)


def wait_until(condition, timeout=BOUND):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


def expires_at(name):
    return as_utc(leases.latest(name)["expires_at"])


@pytest.fixture
def clock():
    return Clock()


def test_a_due_job_runs_once_and_then_is_not_due(clean_db, clock):
    runs = []
    runner = Runner([job("t.count", lambda: runs.append(clock()))], clock=clock, holder="me")
    assert runner.run_due() == [Outcome("t.count", "ran", "", clock() + timedelta(seconds=60))]
    clock.advance(30)
    (outcome,) = runner.run_due()
    assert outcome.status == "not_due" and outcome.retry_at == clock() + timedelta(seconds=30)
    assert len(runs) == 1
    record = leases.latest("t.count")
    assert record["run_count"] == 1 and record["holder"] == "me"
    assert record["released_at"] is not None


def test_a_failing_job_is_recorded_and_the_next_one_still_runs(clean_db, clock, caplog):
    def boom():
        raise ValueError("boom")

    ran = []
    runner = Runner([job("t.a", boom), job("t.b", lambda: ran.append(1))], clock=clock)
    first, second = runner.run_due()
    assert first.status == "failed" and first.detail == "ValueError: boom"
    assert second.status == "ran" and ran == [1]
    record = leases.latest("t.a")
    assert record["last_error"] == "ValueError: boom" and record["error_count"] == 1
    assert record["released_at"] is not None  # released, not left to expire
    assert "job t.a failed" in caplog.text


def test_a_job_held_elsewhere_is_left_alone(clean_db, clock):
    held = leases.acquire("t.held", lease_seconds=30, holder="other", clock=clock)
    ran = []
    (outcome,) = Runner([job("t.held", lambda: ran.append(1), every=2)], clock=clock).run_due()
    assert outcome == Outcome("t.held", "held", "by other", clock() + timedelta(seconds=2))
    assert ran == []
    assert leases.latest("t.held")["holder"] == held.holder


def test_a_database_outage_is_a_warning_and_a_retry(clean_db, clock, caplog, monkeypatch):
    def unavailable(*args, **kwargs):
        raise ServerSelectionTimeoutError("no server")

    runner = Runner([job("t.a", lambda: None), job("t.b", lambda: None)], clock=clock)
    with monkeypatch.context() as patch:
        patch.setattr(leases, "acquire", unavailable)
        outcomes = runner.run_due()
    assert [outcome.status for outcome in outcomes] == ["unavailable", "unavailable"]
    assert outcomes[0].retry_at == clock() + runners.UNAVAILABLE_RETRY
    warnings = [r for r in caplog.records if "database unavailable" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING  # once per outage
    assert [outcome.status for outcome in runner.run_due()] == ["ran", "ran"]
    assert "database available again" in caplog.text


def test_a_job_that_loses_the_database_is_recorded_as_failed(clean_db, clock):
    def job_body():
        raise ServerSelectionTimeoutError("no server")

    (outcome,) = Runner([job("t.db", job_body)], clock=clock).run_due()
    assert outcome.status == "failed" and outcome.detail.startswith("database unavailable")
    assert leases.latest("t.db")["last_error"].startswith("database unavailable: no server")


def test_should_stop_is_false_outside_a_run():
    assert should_stop() is False


def test_the_heartbeat_renews_the_lease_through_a_long_run(clean_db, clock):
    """Lease 3 s; the run lasts 4.5 s of the controlled clock; renewals keep it.

    The clock moves 0.75 s at a time: a renewal still in flight when it moves finishes
    0.75 s later by the clock, well inside the lease less the allowed skew. (A jump of a
    second or more would make such a renewal a late one, which counts as lost by design.)
    """
    seen = {}

    def long_run():
        for _ in range(6):
            clock.advance(0.75)
            wait_until(lambda: expires_at("t.long") == clock() + timedelta(seconds=3))
        seen["stop"] = should_stop()

    runner = Runner([job("t.long", long_run, lease_seconds=3)], clock=clock, heartbeat_seconds=0.01)
    (outcome,) = runner.run_due()
    assert outcome.status == "ran" and outcome.detail == ""
    assert seen == {"stop": False}
    record = leases.latest("t.long")
    assert record["run_count"] == 1 and record["last_error"] is None


def test_a_run_that_outlives_its_lease_is_told_to_stop(clean_db, clock, caplog):
    seen = {}

    def stalled_run():
        clock.advance(2.5)  # past the expiry less the allowed clock skew: no renewal counts
        wait_until(should_stop)
        seen["stop"] = True

    runner = Runner(
        [job("t.stall", stalled_run, lease_seconds=3)], clock=clock, heartbeat_seconds=0.01
    )
    (outcome,) = runner.run_due()
    assert seen == {"stop": True}
    assert outcome.status == "ran" and outcome.detail == "lease lost during the run"
    assert "its lease ran out during the run" in caplog.text


def test_run_forever_survives_errors_and_stops_promptly(clean_db):
    stop = threading.Event()
    counted = threading.Event()
    count = []

    def flaky():
        raise RuntimeError("flaky")

    def counter():
        count.append(1)
        if len(count) >= 3:
            counted.set()

    runner = Runner(
        [job("t.flaky", flaky, every=0.01), job("t.count", counter, every=0.01)], stop=stop
    )
    thread = threading.Thread(target=runner.run_forever)
    thread.start()
    try:
        assert counted.wait(BOUND)
    finally:
        stop.set()
        thread.join(BOUND)
    assert not thread.is_alive()
    assert leases.latest("t.flaky")["error_count"] >= 3
    assert leases.latest("t.flaky")["last_error"] == "RuntimeError: flaky"


def test_stop_ends_a_long_run_which_releases_its_lease(clean_db):
    stop = threading.Event()
    started = threading.Event()

    def long_run():
        started.set()
        while not should_stop():
            time.sleep(0.01)

    runner = Runner([job("t.long", long_run)], stop=stop)
    thread = threading.Thread(target=runner.run_forever)
    thread.start()
    try:
        assert started.wait(BOUND)
    finally:
        stop.set()
        thread.join(BOUND)
    assert not thread.is_alive()
    record = leases.latest("t.long")
    assert record["released_at"] is not None and record["run_count"] == 1


def test_in_process_runner_starts_once_and_stops(clean_db, settings):
    settings.SERVICEDESK_JOBS = "off"
    assert runners.start_in_process() is None
    settings.SERVICEDESK_JOBS = "inprocess"
    stop = runners.start_in_process()
    try:
        assert stop is not None
        assert runners.start_in_process() is None  # once per process
        (thread,) = [t for t in threading.enumerate() if t.name == "jobs"]
        wait_until(lambda: leases.latest("ratelimit.sweep") is not None)  # it runs the jobs
    finally:
        runners.stop_in_process()
    assert stop.is_set() and not thread.is_alive()
