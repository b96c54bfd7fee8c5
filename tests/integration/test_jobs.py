"""Two `manage.py run_jobs` processes on one database: a job never runs in both at once,
and when its holder is killed with SIGKILL the other takes over once the lease expires.

The job (tests/integration/probe.py) records each run's process and start and end
times; a run lasts longer than the lease, so only heartbeats keep it to one process.
"""

import itertools
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from tests.integration import probe
from tests.support.server import ROOT

TAKEOVER_SLACK = 6.0  # seconds past the lease: the survivor's next look, on a busy machine


def start_worker(env: dict[str, str], log) -> subprocess.Popen:
    full_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"MONGODB_URI", "MONGODB_DB", "SERVICEDESK_BOOTSTRAP_API_KEYS"}
    }
    full_env.update(env)
    return subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "manage.py", "run_jobs", "--only", probe.JOB],
        cwd=ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(find, *, timeout: float, what: str, logs):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {timeout} s\n{logs()}")


def test_one_process_at_a_time_and_takeover_after_sigkill(
    service_env, mongo_client, database, tmp_path
):
    env = {
        **service_env,
        "DJANGO_SETTINGS_MODULE": "tests.integration.jobs_settings",
        "LOG_FORMAT": "text",
    }
    db = mongo_client[database]
    runs, leases = db[probe.COLLECTION], db["job_leases"]
    paths = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    workers = {}
    for path in paths:
        with path.open("w") as log:
            worker = start_worker(env, log)
        workers[worker.pid] = worker

    def logs() -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text()}" for path in paths)

    try:
        wait_for(
            lambda: runs.count_documents({"finished": {"$ne": None}}) >= 2,
            timeout=40,
            what="two finished runs",
            logs=logs,
        )
        # Kill the holder early in a run, so that it dies holding the lease.
        running = wait_for(
            lambda: runs.find_one({"finished": None, "started": {"$gt": time.time() - 1}}),
            timeout=20,
            what="a run that just started",
            logs=logs,
        )
        victim = running["pid"]
        (survivor,) = set(workers) - {victim}
        os.kill(victim, signal.SIGKILL)
        killed_at = time.time()
        workers[victim].wait(10)

        taken = wait_for(
            lambda: runs.find_one({"pid": survivor, "started": {"$gt": killed_at}}),
            timeout=probe.LEASE_SECONDS + TAKEOVER_SLACK,
            what="the survivor's takeover",
            logs=logs,
        )
        assert taken["started"] - killed_at <= probe.LEASE_SECONDS + TAKEOVER_SLACK
        latest = leases.find_one({"job": probe.JOB}, sort=[("term", -1)])
        previous = leases.find_one({"_id": f"{probe.JOB}:{latest['term'] - 1}"})
        assert f":{survivor}:" in latest["holder"]
        assert f":{victim}:" in previous["holder"] and previous["released_at"] is None
        assert _utc(previous["expires_at"]) <= _utc(latest["acquired_at"])  # expired, then taken
        assert f"lease of {previous['holder']} expired" in latest["last_error"]

        wait_for(
            lambda: runs.find_one({"_id": taken["_id"], "finished": {"$ne": None}}),
            timeout=probe.RUN_SECONDS + 10,
            what="the survivor's run to finish",
            logs=logs,
        )
    finally:
        stopping_at = time.time()
        for worker in workers.values():
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers.values():
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(10)
    assert workers[survivor].returncode == 0, logs()  # a clean stop on SIGTERM
    assert time.time() - stopping_at < 3, "the run under way did not stop promptly"

    # Never two runs at once: each run ends before the next one starts.
    recorded = sorted(runs.find(), key=lambda run: run["started"])
    assert {run["pid"] for run in recorded} == {victim, survivor}
    for before, after in itertools.pairwise(recorded):
        end = before["finished"] or killed_at  # only the killed run has no end
        assert end <= after["started"], (before, after)
    # No run lost its lease on the way (it would have been told to stop early); only a
    # run under way at SIGTERM stops early.
    lost = [run for run in recorded if run.get("stopped") and run["finished"] < stopping_at]
    assert lost == [], lost


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
