"""`manage.py run_jobs` (--once, --only, --list), `run_deliveries`, and SERVICEDESK_JOBS."""

import io
import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command

from servicedesk.jobs import lease as leases
from servicedesk.jobs import registry
from servicedesk.ratelimit import RateWindow
from servicedesk.timeutil import now
from tests.support.server import ROOT

SERVICE_JOBS = [
    "idempotency.sweep",
    "incidents.requester_directory",
    "mail.send",
    "ratelimit.sweep",
    "relations.resume_merges",
    "sla.auto_close",
    "sla.mark_due",
    "webhooks.deliver",
]


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def ran() -> list[str]:
    return sorted(name for name in SERVICE_JOBS if leases.latest(name) is not None)


@pytest.fixture
def probe():
    """A test-only job in the service's registry, removed afterwards."""
    calls = []

    def record():
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("second call fails")

    registry.register("test.probe", every=3600, run=record)
    yield calls
    registry.unregister("test.probe")


def test_once_runs_every_due_job_once_and_exits(clean_db):
    RateWindow._get_collection().insert_one({"_id": "old", "window_end": 0})
    assert run("run_jobs", "--once") == [f"{name}: ran" for name in SERVICE_JOBS]
    assert ran() == SERVICE_JOBS
    assert RateWindow.objects.count() == 0  # swept
    lines = run("run_jobs", "--once", "--only", "ratelimit.sweep")
    assert len(lines) == 1 and lines[0].startswith("ratelimit.sweep: not due (due at ")


def test_only_names_the_jobs_to_run(clean_db):
    lines = run("run_jobs", "--once", "--only", "ratelimit.sweep", "--only", "idempotency.sweep")
    assert lines == ["idempotency.sweep: ran", "ratelimit.sweep: ran"]
    assert ran() == ["idempotency.sweep", "ratelimit.sweep"]


def test_only_an_unknown_job_is_an_error(clean_db):
    with pytest.raises(CommandError, match=r"no job named nope; registered: idempotency\.sweep"):
        run("run_jobs", "--once", "--only", "nope")
    assert ran() == []


def test_once_fails_when_a_job_fails_and_records_it(clean_db, probe):
    assert run("run_jobs", "--once", "--only", "test.probe") == ["test.probe: ran"]
    # Due again in an hour: make it due now.
    clean_db["job_leases"].update_many({}, {"$set": {"last_started_at": now() - timedelta(days=1)}})
    with pytest.raises(CommandError, match=r"failed: test\.probe"):
        run("run_jobs", "--once", "--only", "test.probe")
    record = leases.latest("test.probe")
    assert record["last_error"] == "RuntimeError: second call fails"
    assert record["run_count"] == 2 and record["error_count"] == 1


def test_list_prints_each_job_and_its_lease(clean_db):
    run("run_jobs", "--once", "--only", "ratelimit.sweep")
    listing = json.loads("\n".join(run("run_jobs", "--list")))
    by_name = {job["name"]: job for job in listing["jobs"]}
    assert sorted(by_name) == SERVICE_JOBS
    swept = by_name["ratelimit.sweep"]
    assert swept["run_count"] == 1 and swept["every_seconds"] == 60
    assert swept["last_finished_at"].endswith("Z") and swept["holder"].count(":") == 2
    assert by_name["webhooks.deliver"]["run_count"] is None  # never ran
    assert ran() == ["ratelimit.sweep"]  # listing runs nothing


def test_run_deliveries_is_run_jobs_under_its_former_name(clean_db):
    assert run("run_deliveries", "--once") == [f"{name}: ran" for name in SERVICE_JOBS]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "inprocess"),
        ({"SERVICEDESK_JOBS": "off"}, "off"),
        ({"SERVICEDESK_WEBHOOK_DISPATCHER": "off"}, "off"),
        ({"SERVICEDESK_WEBHOOK_DISPATCHER": "worker"}, "off"),  # as before: only inprocess is
        ({"SERVICEDESK_WEBHOOK_DISPATCHER": "off", "SERVICEDESK_JOBS": "inprocess"}, "inprocess"),
        ({"SERVICEDESK_JOBS": "sometimes"}, "ImproperlyConfigured"),
    ],
)
def test_serving_processes_run_jobs_as_configured(environ, expected):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SERVICEDESK_JOBS", "SERVICEDESK_WEBHOOK_DISPATCHER"}
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "try:\n"
            "    from servicedesk import settings; print(settings.SERVICEDESK_JOBS)\n"
            "except Exception as exc:\n"
            "    print(type(exc).__name__)",
        ],
        cwd=ROOT,
        env={**env, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == expected
