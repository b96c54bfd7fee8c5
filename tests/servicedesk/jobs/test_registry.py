"""The registry: how a package declares a periodic job."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest

from servicedesk.jobs import UnknownJob, registry
from servicedesk.jobs.registry import DEFAULT_LEASE_SECONDS, Job, Registry

JOBS_PACKAGE = Path(__file__).resolve().parents[3] / "servicedesk" / "jobs"


def noop():
    pass


def test_register_with_seconds_or_a_timedelta():
    jobs = Registry()
    job = jobs.register("a.tick", every=30, run=noop)
    assert job == Job("a.tick", timedelta(seconds=30), noop, DEFAULT_LEASE_SECONDS)
    jobs.register("b.tick", every=timedelta(minutes=5), run=noop, lease_seconds=120)
    assert jobs.get("b.tick").every == timedelta(minutes=5)
    assert jobs.get("b.tick").lease_seconds == 120
    assert [job.name for job in jobs.all()] == ["a.tick", "b.tick"]


def test_register_as_a_decorator_keeps_the_function():
    jobs = Registry()

    @jobs.register("app.thing", every=0.5, lease_seconds=10)
    def thing():
        return "done"

    assert thing() == "done"
    assert jobs.get("app.thing").run is thing


def test_a_name_is_registered_once():
    jobs = Registry()
    jobs.register("app.thing", every=1, run=noop)
    jobs.register("app.thing", every=2, run=noop)  # a ready() run again: same function
    assert jobs.get("app.thing").every == timedelta(seconds=2)
    with pytest.raises(ValueError, match="already registered"):
        jobs.register("app.thing", every=1, run=lambda: None)


@pytest.mark.parametrize(
    ("name", "every", "lease_seconds", "error"),
    [
        ("App.Thing", 1, 60, ValueError),
        ("app thing", 1, 60, ValueError),
        ("", 1, 60, ValueError),
        ("app.thing", 0, 60, ValueError),
        ("app.thing", timedelta(seconds=-1), 60, ValueError),
        ("app.thing", "60", 60, TypeError),
        ("app.thing", 1, 2.9, ValueError),
    ],
)
def test_bad_registrations_are_refused(name, every, lease_seconds, error):
    jobs = Registry()
    with pytest.raises(error):
        jobs.register(name, every=every, run=noop, lease_seconds=lease_seconds)
    assert jobs.all() == []


def test_select_by_name_and_unknown_names():
    jobs = Registry()
    for name in ("a.one", "b.two", "c.three"):
        jobs.register(name, every=1, run=noop)
    assert [job.name for job in jobs.select()] == ["a.one", "b.two", "c.three"]
    assert [job.name for job in jobs.select(["c.three", "a.one"])] == ["a.one", "c.three"]
    with pytest.raises(UnknownJob, match=r"no job named nope; registered: a\.one, b\.two"):
        jobs.select(["a.one", "nope"])


def test_the_service_registers_deliveries_and_every_sweep():
    assert {job.name for job in registry.all()} >= {
        "webhooks.deliver",
        "ratelimit.sweep",
        "idempotency.sweep",
    }


def test_the_jobs_package_imports_no_app():
    """Apps register into servicedesk.jobs; it never imports them."""
    apps = (
        "incidents",
        "conversations",
        "attachments",
        "servicedesk.webhooks",
        "servicedesk.tenancy",
    )
    for path in JOBS_PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert not name.startswith(apps), f"{path.name} imports {name}"
