"""`incident/bulk_retry_api/`: queue failed deliveries to be sent again; the job sends them.

The request itself never sends (issue 14: 100 copies of one id made 100 POSTs inside
the request, and eight such calls against a slow receiver held every thread).
"""

import threading
import time
from datetime import timedelta

import pytest
from bson import ObjectId

from servicedesk.timeutil import now
from servicedesk.webhooks import services
from servicedesk.webhooks.documents import Delivery, WebhookEndpoint
from tests.webhooks.helpers import (
    DELIVERIES,
    LIST,
    Reply,
    clients,
    create_incident,
    deliveries,
    register,
)

RETRY = f"{LIST}bulk_retry_api/"


@pytest.fixture
def hook(tenant, allow_private, receiver):
    created = register(tenant.admin, receiver.url)
    receiver.secret = created["secret"]  # the receiver answers 401 to a bad signature
    return created


def retry(client, **body):
    response = client.post(RETRY, body, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def only_delivery(client, **query):
    (delivery,) = deliveries(client, **query)
    return delivery


def test_a_failed_delivery_is_queued_then_sent_and_the_log_shows_success(
    tenant, hook, receiver, settings
):
    """The acceptance test: a real receiver that fails once, then verifies and accepts."""
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=503, body=b"down for maintenance"), Reply(status=200)]
    incident = create_incident(tenant.writer)

    assert services.deliver_due() == 1
    failed = only_delivery(tenant.admin)
    assert failed["status"] == "failed" and failed["attempt_count"] == 1
    assert failed["attempts"][0]["response_status"] == 503

    answer = retry(tenant.writer, delivery_ids=[failed["delivery_id"]])

    (result,) = answer["results"]
    queued_at = result.pop("next_attempt_at")
    assert answer == {
        "results": [
            {
                "delivery_id": failed["delivery_id"],
                "incident_id": incident["incident_id"],
                "ok": True,
                "queued": True,
                "status": "pending",
                "attempt_count": 1,
            }
        ],
        "queued": 1,
        "remaining": 0,
    }
    assert queued_at <= now().isoformat()[:23] + "Z"
    assert len(receiver.hits) == 1  # nothing was sent by the request

    assert services.deliver_due() == 1
    first, second = receiver.hits
    assert second.body == first.body  # the same event, the same signed body
    assert second.headers["X-Servicedesk-Delivery"] == failed["delivery_id"]
    assert receiver.bad_signatures == 0
    log = tenant.admin.get(f"{DELIVERIES}{failed['delivery_id']}/").json()
    assert log["status"] == "succeeded" and log["attempt_count"] == 2
    assert [a["response_status"] for a in log["attempts"]] == [503, 200]
    assert log["next_attempt_at"] is None


def test_the_request_sends_nothing_even_to_a_receiver_that_hangs(tenant, hook, receiver):
    receiver.replies = [Reply(status=500), Reply(hang=30)]
    create_incident(tenant.writer)
    services.deliver_due()
    delivery = only_delivery(tenant.admin)

    started = time.monotonic()
    answer = retry(tenant.writer, delivery_ids=[delivery["delivery_id"]] * 100)

    assert time.monotonic() - started < 5
    assert len(receiver.hits) == 1
    assert answer["queued"] == 1 and len(answer["results"]) == 1


def test_repeated_ids_count_once(tenant, hook, receiver, settings):
    """Issue 14: 100 copies of one delivery id made 100 POSTs and attempt_count 101."""
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=500), Reply(status=500)]
    incident = create_incident(tenant.writer)
    services.deliver_due()
    delivery = only_delivery(tenant.admin)

    answer = retry(
        tenant.writer,
        delivery_ids=[delivery["delivery_id"]] * 100,
        incident_ids=[incident["display_id"], incident["incident_id"]],
    )

    assert [r["delivery_id"] for r in answer["results"]] == [delivery["delivery_id"]]
    assert answer["queued"] == 1 and answer["remaining"] == 0
    assert services.deliver_due() == 1
    assert services.deliver_due() == 0
    assert len(receiver.hits) == 2
    log = only_delivery(tenant.admin)
    assert log["attempt_count"] == 2 and log["status"] == "failed"


def test_a_delivery_gets_no_more_attempts_than_the_cap(tenant, hook, receiver, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    settings.SERVICEDESK_WEBHOOK_ATTEMPT_CAP = 3
    receiver.replies = [Reply(status=500)]
    create_incident(tenant.writer)
    services.deliver_due()
    delivery_id = only_delivery(tenant.admin)["delivery_id"]

    for _ in range(5):
        retry(tenant.writer, delivery_ids=[delivery_id])
        services.deliver_due()

    assert len(receiver.hits) == 3
    log = only_delivery(tenant.admin)
    assert log["attempt_count"] == 3 and log["status"] == "failed"
    (result,) = retry(tenant.writer, delivery_ids=[delivery_id])["results"]
    assert result["ok"] is False and result["queued"] is False
    assert result["error"]["status"] == 409 and result["error"]["code"] == "attempts_exhausted"
    assert result["attempt_count"] == 3


def test_retry_by_incident_queues_its_undelivered_deliveries(tenant, hook, receiver):
    receiver.replies = [Reply(status=500), Reply(status=500), Reply(status=200)]
    incident = create_incident(tenant.writer)
    other = create_incident(tenant.writer)
    assert services.deliver_due() == 2  # both fail, both wait for a retry

    answer = retry(tenant.writer, incident_ids=[incident["display_id"]])

    (result,) = answer["results"]
    assert result["ok"] is True and result["queued"] is True and result["status"] == "pending"
    assert result["incident_id"] == incident["incident_id"]
    assert services.deliver_due() == 1  # only the queued one is due now
    assert only_delivery(tenant.admin, incident_id=incident["incident_id"])["status"] == (
        "succeeded"
    )
    assert only_delivery(tenant.admin, incident_id=other["incident_id"])["status"] == "pending"


def test_a_retry_that_fails_again_is_failed_again(tenant, hook, receiver, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=500, body=b"still broken")]
    create_incident(tenant.writer)
    services.deliver_due()
    delivery = only_delivery(tenant.admin)

    (result,) = retry(tenant.writer, delivery_ids=[delivery["delivery_id"]])["results"]
    assert result["ok"] is True
    assert "response_status" not in result  # the receiver's answers are in the log (admin)
    services.deliver_due()

    log = only_delivery(tenant.admin)
    assert log["status"] == "failed" and log["attempt_count"] == 2
    assert log["attempts"][-1]["response_body"] == "still broken"


def test_an_already_delivered_one_is_a_409_result(tenant, hook, receiver):
    create_incident(tenant.writer)
    services.deliver_due()
    delivery = only_delivery(tenant.admin)
    assert delivery["status"] == "succeeded"

    (result,) = retry(tenant.writer, delivery_ids=[delivery["delivery_id"]])["results"]

    assert result["ok"] is False and result["status"] == "succeeded"
    assert result["error"]["status"] == 409
    assert len(receiver.hits) == 1
    # By incident there is nothing left to send.
    answer = retry(tenant.writer, incident_ids=["INCI-1"])
    assert answer == {"results": [], "queued": 0, "remaining": 0}


def test_a_queued_delivery_of_a_failing_endpoint_waits_for_its_backoff(
    tenant, hook, receiver, settings
):
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = 60
    receiver.replies = [Reply(status=500)]
    create_incident(tenant.writer)
    services.deliver_due()
    delivery = only_delivery(tenant.admin)
    paused = WebhookEndpoint.objects.get(id=hook["webhook_id"]).paused_until
    assert paused is not None and paused > now() + timedelta(seconds=50)

    (result,) = retry(tenant.writer, delivery_ids=[delivery["delivery_id"]])["results"]

    assert result["ok"] is True and result["next_attempt_at"] > now().isoformat()[:19]
    assert services.deliver_due() == 0  # it is due, its endpoint is not
    assert len(receiver.hits) == 1


@pytest.mark.parametrize("ref", [str(ObjectId()), "garbage", "0" * 24, "g" * 24, "1"])
def test_unknown_delivery_ids_are_404_results(tenant, hook, ref):
    (result,) = retry(tenant.writer, delivery_ids=[ref])["results"]
    assert result["ok"] is False and result["error"]["status"] == 404
    assert result["delivery_id"] == ref


@pytest.mark.parametrize("ref", ["INCI-404", str(ObjectId()), "garbage"])
def test_unknown_incident_ids_are_404_results(tenant, hook, ref):
    (result,) = retry(tenant.writer, incident_ids=[ref])["results"]
    assert result["ok"] is False and result["error"]["status"] == 404
    assert result["incident_id"] == ref


def test_another_organizations_deliveries_and_incidents_are_404_results(
    tenant, other_tenant, hook, receiver, settings
):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=500)]
    register(other_tenant.admin, receiver.url)
    theirs = create_incident(other_tenant.writer)
    services.deliver_due()
    (delivery,) = deliveries(other_tenant.admin)
    hits = len(receiver.hits)

    answer = retry(
        tenant.admin,
        delivery_ids=[delivery["delivery_id"]],
        incident_ids=[theirs["incident_id"], theirs["display_id"]],
    )

    assert [(r["ok"], r["error"]["status"]) for r in answer["results"]] == [(False, 404)] * 3
    assert len(receiver.hits) == hits
    assert deliveries(other_tenant.admin)[0]["attempt_count"] == 1
    assert "attempts" not in str(answer) and theirs["incident_id"] not in str(
        [r for r in answer["results"] if r["delivery_id"]]
    )


def test_results_of_several_follow_the_order_given(tenant, hook, receiver, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=500), Reply(status=500), Reply(status=200)]
    create_incident(tenant.writer)
    create_incident(tenant.writer)
    services.deliver_due()
    second, first = deliveries(tenant.admin)
    refs = [second["delivery_id"], "garbage", first["delivery_id"]]

    answer = retry(tenant.writer, delivery_ids=refs)

    assert [r["delivery_id"] for r in answer["results"]] == refs
    assert [r["ok"] for r in answer["results"]] == [True, False, True]


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"incident_ids": []}, "incident_ids"),
        ({"delivery_ids": []}, "delivery_ids"),
        ({"incident_ids": "INCI-1"}, "incident_ids"),
        ({"delivery_ids": [{"$ne": 1}]}, "delivery_ids"),
        ({"incident_ids": ["INCI-1"] * 501}, "incident_ids"),
        ({"delivery_ids": [str(ObjectId())] * 101}, "delivery_ids"),
    ],
)
def test_bad_input_is_400(tenant, body, attr):
    response = tenant.writer.post(RETRY, body, format="json")
    assert response.status_code == 400, response.content
    attrs = [error["attr"] for error in response.json()["errors"]]
    assert any(a == attr or a.startswith(f"{attr}.") for a in attrs), attrs


def test_limits_at_the_edge(tenant, hook):
    create_incident(tenant.writer)
    delivery = only_delivery(tenant.admin)
    at_limit = retry(tenant.writer, incident_ids=["INCI-404"] * 499 + ["INCI-1"])
    assert len(at_limit["results"]) == 500  # 499 unknown, and the one delivery of INCI-1
    unknown = retry(tenant.writer, delivery_ids=[str(ObjectId()) for _ in range(99)])
    assert len(unknown["results"]) == 99
    with_real = retry(
        tenant.writer, delivery_ids=[str(ObjectId()) for _ in range(99)] + [delivery["delivery_id"]]
    )
    assert len(with_real["results"]) == 100


def test_at_most_100_are_queued_per_call_and_the_rest_is_counted(tenant, allow_private):
    register(tenant.admin, "http://127.0.0.1:9/a")
    register(tenant.admin, "http://127.0.0.1:9/b")
    register(tenant.admin, "http://127.0.0.1:9/c")
    refs = [create_incident(tenant.writer)["display_id"] for _ in range(34)]  # 102 deliveries

    answer = retry(tenant.writer, incident_ids=refs)

    assert len(answer["results"]) == 100 and answer["remaining"] == 2
    assert answer["queued"] == 100
    assert {(r["ok"], r["queued"], r["status"]) for r in answer["results"]} == {
        (True, True, "pending")
    }
    assert len({r["delivery_id"] for r in answer["results"]}) == 100
    logged = deliveries(tenant.admin, items_per_page=100) + deliveries(
        tenant.admin, items_per_page=100, page=2
    )
    assert sorted(d["attempt_count"] for d in logged) == [0] * 102  # nothing was sent


def test_a_read_key_cannot_retry(tenant, hook):
    create_incident(tenant.writer)
    delivery = only_delivery(tenant.admin)
    response = tenant.reader.post(RETRY, {"delivery_ids": [delivery["delivery_id"]]}, format="json")
    assert response.status_code == 403
    assert only_delivery(tenant.admin)["attempt_count"] == 0


def test_unknown_incidents_keep_their_place_among_the_results(tenant, hook, receiver):
    create_incident(tenant.writer)
    delivery = only_delivery(tenant.admin)

    answer = retry(tenant.writer, incident_ids=["INCI-404", "INCI-1", "INCI-405"])

    assert [(r["incident_id"], r["delivery_id"], r["ok"]) for r in answer["results"]] == [
        ("INCI-404", None, False),
        (delivery["incident_id"], delivery["delivery_id"], True),
        ("INCI-405", None, False),
    ]


def test_two_retries_at_once_send_the_delivery_once(tenant, hook, receiver, settings):
    settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = 1
    receiver.replies = [Reply(status=500), Reply(status=200)]
    create_incident(tenant.writer)
    services.deliver_due()
    delivery = only_delivery(tenant.admin)
    barrier = threading.Barrier(2)
    answers = []

    def send(client):
        barrier.wait(10)
        answers.append(retry(client, delivery_ids=[delivery["delivery_id"]]))

    threads = [threading.Thread(target=send, args=(c,)) for c in clients(tenant, "write", 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert [answer["results"][0]["ok"] for answer in answers] == [True, True]
    assert services.deliver_due() == 1
    assert len(receiver.hits) == 2  # the first attempt, and one retry
    assert only_delivery(tenant.admin)["attempt_count"] == 2


def test_a_delivery_being_sent_is_queued_and_its_attempt_is_not_repeated(tenant, hook, receiver):
    receiver.replies = [Reply(status=500)]
    create_incident(tenant.writer)
    delivery = only_delivery(tenant.admin)
    held = services.claim(query={"_id": ObjectId(delivery["delivery_id"])})
    assert held is not None  # another sender has it in flight

    (result,) = retry(tenant.writer, delivery_ids=[delivery["delivery_id"]])["results"]

    assert result["ok"] is True
    assert services.deliver_due() == 0  # that attempt is the other sender's to make
    assert receiver.hits == []
    assert Delivery.objects.get(id=delivery["delivery_id"]).attempt_count == 0
