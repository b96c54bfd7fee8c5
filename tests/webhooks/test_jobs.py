"""The `webhooks.deliver` job: the runner sends due deliveries, one process at a time."""

import threading

import pytest

from servicedesk.jobs import lease as leases
from servicedesk.jobs import registry
from servicedesk.jobs.runner import Runner
from tests.webhooks.helpers import Reply, create_incident, deliveries, register, wait_for

BOUND = 10.0


@pytest.fixture
def hook(tenant, allow_private, receiver):
    created = register(tenant.admin, receiver.url)
    receiver.secret = created["secret"]
    return created


def test_the_job_sends_every_due_delivery(tenant, hook, receiver):
    for n in range(3):
        create_incident(tenant.writer, summary=f"incident {n}")
    (outcome,) = Runner(registry.select(["webhooks.deliver"])).run_due()
    assert outcome.status == "ran"
    assert len(receiver.hits) == 3 and receiver.bad_signatures == 0
    assert {d["status"] for d in deliveries(tenant.admin)} == {"succeeded"}
    assert leases.latest("webhooks.deliver")["run_count"] == 1


def test_the_job_sends_nothing_while_another_process_holds_it(tenant, hook, receiver):
    create_incident(tenant.writer)
    elsewhere = leases.acquire("webhooks.deliver", lease_seconds=60, holder="host:1:1")
    (outcome,) = Runner(registry.select(["webhooks.deliver"])).run_due()
    assert outcome.status == "held" and outcome.detail == "by host:1:1"
    assert receiver.hits == []
    leases.release(elsewhere)


def test_a_stopping_runner_ends_the_job_between_deliveries(tenant, hook, receiver):
    receiver.replies = [Reply(hang=BOUND)]  # every answer waits until the receiver closes
    for n in range(3):
        create_incident(tenant.writer, summary=f"incident {n}")
    stop = threading.Event()
    runner = Runner(registry.select(["webhooks.deliver"]), stop=stop)
    thread = threading.Thread(target=runner.run_forever)
    thread.start()
    try:
        assert wait_for(lambda: len(receiver.hits) == 1)
        stop.set()  # during the first send
        receiver.released.set()  # the first answer comes now
        thread.join(BOUND)
        assert not thread.is_alive()
    finally:
        stop.set()
        receiver.released.set()
    assert len(receiver.hits) == 1  # the other two wait for the next run
    statuses = sorted(d["status"] for d in deliveries(tenant.admin))
    assert statuses == ["pending", "pending", "succeeded"]
    assert leases.latest("webhooks.deliver")["released_at"] is not None
