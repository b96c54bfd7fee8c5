"""The delivery job sends concurrently, a few per receiver, fairly across organizations, and
slows an endpoint that keeps failing without slowing the others (issue 14: one tenant's
receiver answering in 6 s delayed another tenant's delivery by 20 s)."""

import threading
import time
from datetime import timedelta

import pytest

from servicedesk.timeutil import now
from servicedesk.webhooks import dispatch, services
from servicedesk.webhooks.documents import Delivery, WebhookEndpoint
from tests.conftest import Tenant
from tests.webhooks.helpers import Receiver, Reply, bounded, create_incident, register, wait_for


@pytest.fixture
def receivers():
    made = []

    def make():
        made.append(Receiver())
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()


@pytest.fixture
def concurrent(settings, allow_private):
    settings.SERVICEDESK_WEBHOOK_CONCURRENCY = 4
    settings.SERVICEDESK_WEBHOOK_PER_RECEIVER = 2
    return settings


def test_deliveries_to_different_receivers_are_sent_at_once(tenant, concurrent, receivers):
    slow = [receivers() for _ in range(4)]
    for receiver in slow:
        receiver.replies = [Reply(hang=1.0)]
        register(tenant.admin, receiver.url, events=["incident.created"])
    create_incident(tenant.writer)

    started = time.monotonic()
    assert bounded(services.deliver_due) == 4

    assert time.monotonic() - started < 3  # four 1 s answers side by side, not one after another
    assert all(len(receiver.hits) == 1 for receiver in slow)


def test_a_receiver_gets_at_most_its_share_at_once(tenant, concurrent, receivers):
    receiver = receivers()
    receiver.replies = [Reply(hang=30)]
    # Two endpoints on one receiver (same scheme, host and port): they share the cap.
    register(tenant.admin, receiver.url + "/a", events=["incident.created"])
    register(tenant.admin, receiver.url + "/b", events=["incident.created"])
    for n in range(3):
        create_incident(tenant.writer, summary=f"incident {n}")
    thread = threading.Thread(target=services.deliver_due, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: len(receiver.hits) == 2)
        time.sleep(0.5)
        assert len(receiver.hits) == 2  # six due, two in flight
    finally:
        receiver.released.set()
        thread.join(30)
    assert not thread.is_alive()
    assert len(receiver.hits) == 6


def test_a_slow_receiver_does_not_delay_another_organizations_delivery(
    tenant, other_tenant, concurrent, receivers
):
    slow, fast = receivers(), receivers()
    slow.replies = [Reply(hang=3)]
    register(tenant.admin, slow.url, events=["incident.created"])
    register(other_tenant.admin, fast.url, events=["incident.created"])
    for n in range(8):
        create_incident(tenant.writer, summary=f"slow {n}")
    create_incident(other_tenant.writer, summary="the other organization")

    started = time.monotonic()
    thread = threading.Thread(target=services.deliver_due, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: len(fast.hits) == 1, tries=100)
        assert time.monotonic() - started < 2
        assert len(slow.hits) <= 2
    finally:
        slow.released.set()
        thread.join(30)
    assert not thread.is_alive()


def test_organizations_take_turns_for_the_free_slots(
    tenant, other_tenant, settings, allow_private, receivers
):
    settings.SERVICEDESK_WEBHOOK_CONCURRENCY = 1
    first, second = receivers(), receivers()
    register(tenant.admin, first.url, events=["incident.created"])
    register(other_tenant.admin, second.url, events=["incident.created"])
    order = []
    for receiver, name in ((first, "acme"), (second, "globex")):
        receiver.replies = [Reply(status=200)]
        receiver.name = name
    for n in range(5):
        create_incident(tenant.writer, summary=f"acme {n}")
    create_incident(other_tenant.writer, summary="globex 0")
    create_incident(other_tenant.writer, summary="globex 1")

    original = services.send

    def recording(delivery, **kwargs):
        order.append(str(delivery.organization_id))
        return original(delivery, **kwargs)

    services.send = recording
    try:
        assert services.deliver_due() == 7
    finally:
        services.send = original
    acme, globex = str(tenant.org.id), str(other_tenant.org.id)
    # Globex's two are not left until acme's five are done.
    assert sorted(order[:4]) == sorted([acme, acme, globex, globex])


def test_an_endpoint_that_keeps_failing_waits_and_others_do_not(
    tenant, concurrent, settings, receivers
):
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = 30
    settings.SERVICEDESK_WEBHOOK_PER_RECEIVER = 1  # so the first failure is the only one
    broken, healthy = receivers(), receivers()
    broken.replies = [Reply(status=500)]
    broken_hook = register(tenant.admin, broken.url, events=["incident.created"])
    register(tenant.admin, healthy.url, events=["incident.created"])
    for n in range(4):
        create_incident(tenant.writer, summary=f"incident {n}")

    services.deliver_due()

    # One failure, then the endpoint waits: the others of its deliveries are not tried.
    assert len(broken.hits) == 1
    assert len(healthy.hits) == 4
    endpoint = WebhookEndpoint.objects.get(id=broken_hook["webhook_id"])
    assert endpoint.failure_streak == 1
    assert endpoint.paused_until > now() + timedelta(seconds=25)
    # Its deliveries are due, it is not: the next runs leave them alone.
    assert services.deliver_due() == 0
    assert Delivery.objects(endpoint_id=endpoint.id, attempt_count=0).count() == 3

    # Later (its pause over), a second failure doubles the wait; a success ends it.
    later = now() + timedelta(seconds=31)
    Delivery.objects(endpoint_id=endpoint.id).update(set__next_attempt_at=now())
    services.deliver_due(clock=lambda: later)
    endpoint.reload()
    assert endpoint.failure_streak == 2
    assert endpoint.paused_until > later + timedelta(seconds=55)
    broken.replies = [Reply(status=200)]
    much_later = later + timedelta(seconds=61)
    Delivery.objects(endpoint_id=endpoint.id).update(set__next_attempt_at=now())
    services.deliver_due(clock=lambda: much_later)
    endpoint.reload()
    assert endpoint.failure_streak == 0 and endpoint.paused_until is None


def test_endpoint_backoff_doubles_up_to_its_cap(settings):
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = 5
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_MAX_SECONDS = 300
    waits = [services.endpoint_backoff(streak).total_seconds() for streak in range(0, 9)]
    assert waits == [0, 5, 10, 20, 40, 80, 160, 300, 300]
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = 0
    assert services.endpoint_backoff(5) == timedelta(0)


def test_a_stopping_dispatcher_takes_nothing_new_and_waits_for_its_sends(
    tenant, concurrent, receivers
):
    receiver = receivers()
    receiver.replies = [Reply(hang=30)]
    register(tenant.admin, receiver.url, events=["incident.created"])
    for n in range(5):
        create_incident(tenant.writer, summary=f"incident {n}")
    stop = threading.Event()
    sent = []
    thread = threading.Thread(
        target=lambda: sent.append(dispatch.Dispatcher(should_stop=stop.is_set).run()),
        daemon=True,
    )
    thread.start()
    try:
        assert wait_for(lambda: len(receiver.hits) == 2)
        stop.set()
        receiver.released.set()
        thread.join(15)
        assert not thread.is_alive()
    finally:
        receiver.released.set()
    assert sent == [2]
    assert Delivery.objects(attempt_count=0).count() == 3


def test_deliveries_of_a_deleted_endpoint_fail_without_a_send(tenant, concurrent, receivers):
    receiver = receivers()
    hook = register(tenant.admin, receiver.url, events=["incident.created"])
    create_incident(tenant.writer)
    assert tenant.admin.delete(f"/ux/sd/inci/webhook/{hook['webhook_id']}/").status_code == 204

    assert services.deliver_due() == 1

    assert receiver.hits == []
    (delivery,) = Delivery.objects
    assert delivery.status == "failed"


def test_many_organizations_all_get_sent(clean_db, concurrent, receivers):
    receiver = receivers()
    tenants = [Tenant(f"org{n}") for n in range(5)]
    for each in tenants:
        register(each.admin, receiver.url + f"/{each.org.slug}", events=["incident.created"])
        create_incident(each.writer)
    assert services.deliver_due() == 5
    assert sorted(hit.path for hit in receiver.hits) == sorted(
        f"/hook/{each.org.slug}" for each in tenants
    )
