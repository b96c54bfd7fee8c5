"""Sending: signed POSTs to a real local receiver, retries with backoff, and safe transport."""

import contextlib
import random
import socket
import threading
from datetime import datetime, timedelta

import pytest

from servicedesk.timeutil import now
from servicedesk.webhooks import services, transport
from tests.webhooks.helpers import (
    DELIVERIES,
    LIST,
    RESOLVE,
    WEBHOOKS,
    Reply,
    act,
    bounded,
    create_incident,
    deliveries,
    expected_signature,
    register,
    wait_for,
)

BIG = 10 * 1024 * 1024


@pytest.fixture
def hook(tenant, allow_private, receiver):
    created = register(tenant.admin, receiver.url)
    receiver.secret = created["secret"]  # the receiver checks every signature with it
    return created


def only_delivery(client):
    (delivery,) = deliveries(client)
    return delivery


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- one signed POST -------------------------------------------------------------------------


def test_a_delivery_is_posted_signed_and_logged_as_succeeded(tenant, hook, receiver):
    incident = create_incident(tenant.writer)
    pending = only_delivery(tenant.admin)

    assert services.deliver_due() == 1

    (hit,) = receiver.hits
    assert hit.path == "/hook"
    assert hit.headers["Content-Type"] == "application/json"
    assert hit.headers["X-Servicedesk-Event"] == "incident.created"
    assert hit.headers["X-Servicedesk-Delivery"] == pending["delivery_id"]
    assert hit.headers["X-Servicedesk-Signature"] == expected_signature(hook["secret"], hit.body)
    assert receiver.bad_signatures == 0
    assert hit.json == pending["payload"]
    assert hit.json["incident"]["incident_id"] == incident["incident_id"]

    delivered = only_delivery(tenant.admin)
    assert delivered["status"] == "succeeded"
    assert delivered["attempt_count"] == 1 and delivered["next_attempt_at"] is None
    (attempt,) = delivered["attempts"]
    assert attempt["response_status"] == 200 and attempt["error"] == ""
    assert attempt["response_body"] == '{"ok": true}'
    assert services.deliver_due() == 0
    assert len(receiver.hits) == 1


def test_the_signature_is_of_the_exact_body_with_this_endpoints_secret(tenant, hook, receiver):
    other = register(tenant.admin, receiver.url, ["incident.created"])
    create_incident(tenant.writer)
    assert services.deliver_due() == 2
    by_delivery = {hit.headers["X-Servicedesk-Delivery"]: hit for hit in receiver.hits}
    for delivery in deliveries(tenant.admin):
        hit = by_delivery[delivery["delivery_id"]]
        secret = hook["secret"] if delivery["webhook_id"] == hook["webhook_id"] else other["secret"]
        assert hit.headers["X-Servicedesk-Signature"] == expected_signature(secret, hit.body)
    # The receiver checked with the first endpoint's secret: the second one's call differs.
    assert receiver.bad_signatures == 1


def test_events_are_sent_in_order_with_their_names(tenant, hook, receiver):
    incident = create_incident(tenant.writer)
    act(tenant.writer, "inci_resolve", {"incident_id": incident["incident_id"], **RESOLVE})
    assert services.deliver_due() == 2
    assert [hit.headers["X-Servicedesk-Event"] for hit in receiver.hits] == [
        "incident.created",
        "incident.resolved",
    ]
    assert [hit.json["event"] for hit in receiver.hits] == [
        "incident.created",
        "incident.resolved",
    ]


# --- failures and retries --------------------------------------------------------------------


def test_a_non_2xx_answer_is_a_failed_attempt_retried_later(tenant, hook, receiver):
    receiver.replies = [Reply(status=500, body=b"boom")]
    create_incident(tenant.writer)
    assert services.deliver_due() == 1
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "pending" and delivery["attempt_count"] == 1
    (attempt,) = delivery["attempts"]
    assert (attempt["response_status"], attempt["response_body"]) == (500, "boom")
    assert "500" in attempt["error"]
    assert at(delivery["next_attempt_at"]) > at(attempt["at"])
    assert services.deliver_due() == 0  # not due yet
    assert len(receiver.hits) == 1


class Clock:
    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


class Midpoint(random.Random):
    """No jitter: always the middle of the range."""

    def uniform(self, a, b):
        return (a + b) / 2


class FakePost:
    def __init__(self, outcomes=None):
        self.calls = []
        self.outcomes = outcomes or []

    def __call__(self, url, body, headers):
        self.calls.append((url, body, headers))
        if len(self.calls) <= len(self.outcomes):
            return self.outcomes[len(self.calls) - 1]
        return transport.Outcome(ok=False, response_status=503, error="HTTP 503")


def run_attempts(tenant, clock, rng, post, attempts):
    """Send the one delivery `attempts` times, each exactly when it is due; the delays seen."""
    delays = []
    for _ in range(attempts):
        assert services.deliver_due(clock=clock, rng=rng, post=post) == 1
        delivery = only_delivery(tenant.admin)
        if delivery["next_attempt_at"] is None:
            break
        due = at(delivery["next_attempt_at"])
        delays.append((due - clock.moment).total_seconds())
        clock.moment = due - timedelta(milliseconds=1)
        assert services.deliver_due(clock=clock, rng=rng, post=post) == 0  # not yet
        clock.moment = due
    return delays


def test_backoff_doubles_per_attempt_and_the_last_failure_is_final(tenant, hook, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 5
    settings.SERVICEDESK_WEBHOOK_BACKOFF_SECONDS = 10
    settings.SERVICEDESK_WEBHOOK_BACKOFF_MAX_SECONDS = 10_000
    create_incident(tenant.writer)
    clock, post = Clock(now() + timedelta(seconds=1)), FakePost()

    delays = run_attempts(tenant, clock, Midpoint(), post, attempts=5)

    assert delays == [10, 20, 40, 80]
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "failed" and delivery["attempt_count"] == 5
    assert delivery["next_attempt_at"] is None
    assert [a["response_status"] for a in delivery["attempts"]] == [503] * 5
    assert len(post.calls) == 5
    clock.moment += timedelta(days=365)
    assert services.deliver_due(clock=clock, rng=Midpoint(), post=post) == 0
    assert len(post.calls) == 5
    assert deliveries(tenant.admin, status="failed")[0]["delivery_id"] == delivery["delivery_id"]


def test_backoff_jitter_stays_within_half_and_one_and_a_half_times(tenant, hook, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 8
    settings.SERVICEDESK_WEBHOOK_BACKOFF_SECONDS = 30
    settings.SERVICEDESK_WEBHOOK_BACKOFF_MAX_SECONDS = 10**7
    create_incident(tenant.writer)
    clock = Clock(now() + timedelta(seconds=1))

    delays = run_attempts(tenant, clock, random.Random(1234), FakePost(), attempts=8)

    assert len(delays) == 7
    for attempt, delay in enumerate(delays, start=1):
        nominal = 30 * 2 ** (attempt - 1)
        assert 0.5 * nominal - 0.001 <= delay <= 1.5 * nominal + 0.001, (attempt, delay)
    same_draws = random.Random(1234)
    expected = [30 * 2**n * same_draws.uniform(0.5, 1.5) for n in range(7)]
    assert delays == pytest.approx(expected, abs=0.002)
    assert len({round(d / (30 * 2**n), 3) for n, d in enumerate(delays)}) > 1  # it is jittered
    assert only_delivery(tenant.admin)["status"] == "failed"


def test_backoff_is_capped(tenant, hook, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 6
    settings.SERVICEDESK_WEBHOOK_BACKOFF_SECONDS = 10
    settings.SERVICEDESK_WEBHOOK_BACKOFF_MAX_SECONDS = 25
    create_incident(tenant.writer)
    delays = run_attempts(
        tenant, Clock(now() + timedelta(seconds=1)), Midpoint(), FakePost(), attempts=6
    )
    assert delays == [10, 20, 25, 25, 25]


def test_a_success_after_failures_ends_the_retries(tenant, hook, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 5
    create_incident(tenant.writer)
    post = FakePost(
        [
            transport.Outcome(ok=False, error="ConnectionRefusedError: refused"),
            transport.Outcome(ok=True, response_status=204),
        ]
    )
    clock = Clock(now() + timedelta(seconds=1))
    run_attempts(tenant, clock, Midpoint(), post, attempts=5)
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "succeeded" and delivery["attempt_count"] == 2
    assert [a["response_status"] for a in delivery["attempts"]] == [None, 204]
    assert delivery["attempts"][0]["error"] == "ConnectionRefusedError: refused"
    assert len(post.calls) == 2
    _, body, headers = post.calls[1]
    assert headers["X-Servicedesk-Signature"] == expected_signature(hook["secret"], body)


def test_one_attempt_allowed_fails_for_good_at_once(tenant, hook, settings, receiver):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=500)]
    create_incident(tenant.writer)
    assert services.deliver_due() == 1
    delivery = only_delivery(tenant.admin)
    assert (delivery["status"], delivery["next_attempt_at"]) == ("failed", None)


# --- the address is checked again when sending -----------------------------------------------


def test_a_private_address_is_refused_at_send_time_once_no_longer_allowed(
    tenant, hook, receiver, settings
):
    create_incident(tenant.writer)
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = False
    assert services.deliver_due() == 1
    assert receiver.hits == []
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "pending" and delivery["attempt_count"] == 1
    (attempt,) = delivery["attempts"]
    assert attempt["response_status"] is None
    # Refused, without saying what the name resolved to (that is for the server's log).
    assert attempt["error"] == "refused: The URL's address is not allowed."


def test_an_endpoint_deactivated_or_deleted_before_sending_fails_its_deliveries(
    tenant, hook, receiver, allow_private
):
    other = register(tenant.admin, receiver.url, ["incident.created"])
    create_incident(tenant.writer)
    patched = tenant.admin.patch(
        f"{WEBHOOKS}{hook['webhook_id']}/", {"active": False}, format="json"
    )
    assert patched.status_code == 200
    assert tenant.admin.delete(f"{WEBHOOKS}{other['webhook_id']}/").status_code == 204
    assert services.deliver_due() == 2
    assert receiver.hits == []
    for delivery in deliveries(tenant.admin):
        assert delivery["status"] == "failed"
        assert "deleted or deactivated" in delivery["attempts"][0]["error"]


def test_a_refused_connection_is_a_failed_attempt(tenant, allow_private):
    with socket_closed_port() as port:
        register(tenant.admin, f"http://127.0.0.1:{port}/hook")
        create_incident(tenant.writer)
        assert bounded(services.deliver_due) == 1
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "pending"
    assert "Connection" in delivery["attempts"][0]["error"]


@contextlib.contextmanager
def socket_closed_port():
    """A port on 127.0.0.1 that nothing listens on (bound, not listening)."""
    sock = socket.socket()
    try:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]
    finally:
        sock.close()


# --- receivers that misbehave cannot hold the sender -----------------------------------------


def test_a_redirect_is_not_followed(tenant, hook, receiver):
    receiver.replies = [
        Reply(status=302, body=b"", headers={"Location": receiver.url + "/elsewhere"}),
        Reply(status=200),
    ]
    create_incident(tenant.writer)
    assert bounded(services.deliver_due) == 1
    assert [hit.path for hit in receiver.hits] == ["/hook"]
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "pending"
    (attempt,) = delivery["attempts"]
    assert attempt["response_status"] == 302 and "redirect" in attempt["error"]


def test_a_receiver_that_hangs_is_a_failed_attempt(tenant, hook, receiver, settings):
    settings.SERVICEDESK_WEBHOOK_READ_TIMEOUT = 1
    receiver.replies = [Reply(hang=30), Reply(status=200)]
    create_incident(tenant.writer)
    assert bounded(services.deliver_due) == 1
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "pending" and delivery["attempt_count"] == 1
    (attempt,) = delivery["attempts"]
    assert attempt["response_status"] is None
    assert "timed out" in attempt["error"].lower() or "timeout" in attempt["error"].lower()


@pytest.mark.parametrize("drip_body", [False, True], ids=["headers", "body"])
def test_a_receiver_that_drips_its_answer_is_cut_off(tenant, hook, receiver, settings, drip_body):
    settings.SERVICEDESK_WEBHOOK_READ_TIMEOUT = 1
    settings.SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT = 2
    # 100 bytes, one every 0.2 s: no read waits long, the whole answer takes 20 s.
    receiver.replies = [Reply(drip=100, drip_body=drip_body)]
    create_incident(tenant.writer)
    assert bounded(services.deliver_due) == 1
    delivery = only_delivery(tenant.admin)
    (attempt,) = delivery["attempts"]
    assert delivery["status"] == "pending", attempt
    assert attempt["response_status"] is None
    assert "too long" in attempt["error"]
    # The sender hung up on the receiver before it could finish.
    assert wait_for(lambda: receiver.disconnected_early + receiver.drips_completed > 0)
    assert (receiver.disconnected_early, receiver.drips_completed) == (1, 0)


@pytest.mark.parametrize(("status", "outcome"), [(200, "succeeded"), (500, "pending")])
def test_a_huge_answer_is_read_in_part_and_kept_truncated(tenant, hook, receiver, status, outcome):
    receiver.replies = [Reply(status=status, body=b"x" * BIG)]
    create_incident(tenant.writer)
    assert bounded(services.deliver_due) == 1
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == outcome
    (attempt,) = delivery["attempts"]
    assert attempt["response_status"] == status
    assert attempt["response_body"] == "x" * 2000


def test_a_binary_answer_is_kept_as_text(tenant, hook, receiver):
    receiver.replies = [Reply(status=200, body=bytes(range(256)) * 20)]
    create_incident(tenant.writer)
    assert services.deliver_due() == 1
    (attempt,) = only_delivery(tenant.admin)["attempts"]
    assert 0 < len(attempt["response_body"]) <= 2000


# --- one sender per attempt ------------------------------------------------------------------


def test_concurrent_senders_never_send_the_same_attempt_twice(tenant, hook, receiver):
    for _ in range(6):
        create_incident(tenant.writer)
    barrier = threading.Barrier(4)
    sent = []

    def sender():
        barrier.wait(10)
        sent.append(services.deliver_due())

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)

    assert sum(sent) == 6
    ids = [hit.headers["X-Servicedesk-Delivery"] for hit in receiver.hits]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert {d["status"] for d in deliveries(tenant.admin)} == {"succeeded"}
    assert {d["attempt_count"] for d in deliveries(tenant.admin)} == {1}


def test_concurrent_claims_of_one_delivery_give_it_to_one(tenant, hook):
    create_incident(tenant.writer)
    delivery = only_delivery(tenant.admin)
    from bson import ObjectId

    query = {"_id": ObjectId(delivery["delivery_id"])}
    barrier = threading.Barrier(8)
    taken = []

    def claimer():
        barrier.wait(10)
        taken.append(services.claim(query=query))

    threads = [threading.Thread(target=claimer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(taken) == 8
    assert len([t for t in taken if t is not None]) == 1


def test_the_delivery_log_shows_attempts_newest_last(tenant, hook, receiver):
    receiver.replies = [Reply(status=500, body=b"first"), Reply(status=200, body=b"second")]
    incident = create_incident(tenant.writer)
    assert services.deliver_due() == 1
    delivery = only_delivery(tenant.admin)
    future = at(delivery["next_attempt_at"]) + timedelta(seconds=1)
    assert services.deliver_due(clock=lambda: future) == 1
    read = tenant.admin.get(f"{DELIVERIES}{delivery['delivery_id']}/").json()
    assert [a["response_body"] for a in read["attempts"]] == ["first", "second"]
    assert read["status"] == "succeeded"
    assert read["incident_id"] == incident["incident_id"]
    assert tenant.admin.get(f"{LIST}{incident['incident_id']}/").status_code == 200


def test_a_url_with_non_ascii_characters_is_sent_percent_encoded(tenant, allow_private, receiver):
    created = register(tenant.admin, receiver.url + "/café?team=sécurité&x=%41")
    receiver.secret = created["secret"]
    create_incident(tenant.writer)
    assert services.deliver_due() == 1
    (hit,) = receiver.hits
    assert hit.path == "/hook/caf%C3%A9?team=s%C3%A9curit%C3%A9&x=%41"
    assert only_delivery(tenant.admin)["status"] == "succeeded"


def test_a_post_that_cannot_be_put_on_the_wire_is_a_failed_attempt(tenant, allow_private, receiver):
    """Whatever goes wrong in one send is that attempt's failure, never the sender's crash."""
    register(tenant.admin, receiver.url)
    create_incident(tenant.writer)
    create_incident(tenant.writer)
    first, second = deliveries(tenant.admin)

    def post(url, body, headers):
        # A header value http.client refuses (it raises ValueError), for the first one only.
        if headers["X-Servicedesk-Delivery"] == first["delivery_id"]:
            headers = {**headers, "X-Bad": "line\r\nbreak"}
        return transport.post(url, body, headers)

    assert services.deliver_due(post=post) == 2
    by_id = {d["delivery_id"]: d for d in deliveries(tenant.admin)}
    assert by_id[first["delivery_id"]]["status"] == "pending"
    assert "ValueError" in by_id[first["delivery_id"]]["attempts"][0]["error"]
    assert by_id[second["delivery_id"]]["status"] == "succeeded"
    assert [hit.headers["X-Servicedesk-Delivery"] for hit in receiver.hits] == [
        second["delivery_id"]
    ]


def test_calls_are_also_signed_per_standard_webhooks(tenant, hook, receiver):
    from standardwebhooks.webhooks import Webhook, WebhookVerificationError

    create_incident(tenant.writer)
    pending = only_delivery(tenant.admin)
    assert services.deliver_due() == 1
    (hit,) = receiver.hits
    headers = {name.lower(): value for name, value in hit.headers.items()}
    assert headers["webhook-id"] == pending["delivery_id"]
    verified = Webhook(hook["secret"].encode()).verify(hit.body, headers)
    assert verified == hit.json
    # A replay of the same call signed long ago, or a changed body, is refused.
    stale = {**headers, "webhook-timestamp": str(int(headers["webhook-timestamp"]) - 3600)}
    with pytest.raises(WebhookVerificationError):
        Webhook(hook["secret"].encode()).verify(hit.body, stale)
    with pytest.raises(WebhookVerificationError):
        Webhook(hook["secret"].encode()).verify(hit.body + b" ", headers)
    # A retry keeps the message id, so receivers can deduplicate.
    assert headers["webhook-id"] == hit.headers["X-Servicedesk-Delivery"]
