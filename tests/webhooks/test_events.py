"""Every incident change is recorded as one delivery per subscribed, active endpoint."""

import pytest
from bson import ObjectId

from tests.support.spies import calls_to
from tests.webhooks.helpers import (
    CONVERSATIONS,
    DELIVERIES,
    LIST,
    RESOLVE,
    WEBHOOKS,
    act,
    create_incident,
    deliveries,
    register,
)

NOWHERE = "http://127.0.0.1:9/hook"  # never sent to: these tests only read the log


@pytest.fixture
def hook(tenant, allow_private):
    return register(tenant.admin, NOWHERE)


def events_of(client, incident=None):
    query = {"incident_id": incident["incident_id"]} if incident else {}
    return [d["event"] for d in reversed(deliveries(client, **query))]


def latest(client):
    return deliveries(client)[0]


def detail(client, incident):
    return client.get(f"{LIST}{incident['incident_id']}/").json()


def test_create_emits_incident_created_with_the_incident(tenant, hook):
    incident = create_incident(tenant.writer)
    (delivery,) = deliveries(tenant.admin)
    assert delivery["event"] == "incident.created"
    assert delivery["status"] == "pending" and delivery["attempt_count"] == 0
    assert delivery["webhook_id"] == hook["webhook_id"]
    assert delivery["incident_id"] == incident["incident_id"]
    payload = delivery["payload"]
    assert set(payload) == {"event_id", "event", "occurred_at", "organization", "incident"}
    assert payload["event"] == "incident.created" and payload["event_id"] == delivery["event_id"]
    assert payload["organization"] == "acme"
    assert payload["occurred_at"].endswith("Z")
    assert payload["incident"] == detail(tenant.reader, incident)


def test_patch_emits_updated_with_the_representation_after_the_change(tenant, hook):
    incident = create_incident(tenant.writer)
    response = tenant.writer.patch(
        f"{LIST}{incident['incident_id']}/",
        {"basic_info": {"summary": "Printer fixed?"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    delivery = latest(tenant.admin)
    assert delivery["event"] == "incident.updated"
    assert delivery["payload"]["incident"]["basic_info"]["summary"] == "Printer fixed?"
    assert delivery["payload"]["incident"] == detail(tenant.reader, incident)


def test_put_emits_updated(tenant, hook):
    incident = create_incident(tenant.writer)
    body = detail(tenant.reader, incident)
    body["basic_info"]["summary"] = "replaced"
    response = tenant.writer.put(f"{LIST}{incident['incident_id']}/", body, format="json")
    assert response.status_code == 200, response.content
    delivery = latest(tenant.admin)
    assert delivery["event"] == "incident.updated"
    assert delivery["payload"]["incident"]["basic_info"]["summary"] == "replaced"


def test_a_patch_that_changes_nothing_emits_nothing(tenant, hook):
    incident = create_incident(tenant.writer, summary="same")
    response = tenant.writer.patch(
        f"{LIST}{incident['incident_id']}/", {"basic_info": {"summary": "same"}}, format="json"
    )
    assert response.status_code == 200, response.content
    assert events_of(tenant.admin) == ["incident.created"]


def patch(client, incident, body):
    response = client.patch(f"{LIST}{incident['incident_id']}/", body, format="json")
    assert response.status_code == 200, response.content


def test_patch_status_moves_name_their_event(tenant, hook):
    incident = create_incident(tenant.writer)
    patch(tenant.writer, incident, {"basic_info": {"status_id": 3}})
    patch(
        tenant.writer,
        incident,
        {"basic_info": {"status_id": 5, "resolution_type": "Fixed"}, "closure_note": "done"},
    )
    patch(tenant.writer, incident, {"basic_info": {"status_id": 3}, "reason": "back"})
    patch(
        tenant.writer,
        incident,
        {"basic_info": {"status_id": 5, "resolution_type": "Fixed"}, "closure_note": "done"},
    )
    patch(tenant.writer, incident, {"basic_info": {"status_id": 6}})
    other = create_incident(tenant.writer)
    patch(tenant.writer, other, {"basic_info": {"status_id": 7}, "reason": "dup"})
    assert events_of(tenant.admin, incident) == [
        "incident.created",
        "incident.updated",
        "incident.resolved",
        "incident.reopened",
        "incident.resolved",
        "incident.closed",
    ]
    assert events_of(tenant.admin, other) == ["incident.created", "incident.closed"]


def test_workflow_actions_emit_their_events(tenant, hook):
    incident = create_incident(tenant.writer)
    ref = incident["incident_id"]
    act(tenant.writer, "inci_resolve", {"incident_id": ref, **RESOLVE})
    act(tenant.writer, "inci_reopen", {"incident_id": ref, "reason": "again"})
    act(tenant.writer, "inci_resolve", {"incident_id": ref, **RESOLVE})
    act(tenant.writer, "close_inci_request", {"incident_id": ref})
    cancelled = create_incident(tenant.writer)
    act(
        tenant.writer,
        "close_inci_request",
        {"incident_id": cancelled["incident_id"], "reason": "x"},
    )
    assert events_of(tenant.admin, incident) == [
        "incident.created",
        "incident.resolved",
        "incident.reopened",
        "incident.resolved",
        "incident.closed",
    ]
    assert events_of(tenant.admin, cancelled) == ["incident.created", "incident.closed"]
    closed = latest(tenant.admin)["payload"]["incident"]
    assert closed["basic_info"]["status"] == "Cancelled"


def test_delete_and_restore_emit_their_events(tenant, hook):
    first, second, third = (create_incident(tenant.writer) for _ in range(3))
    assert tenant.writer.delete(f"{LIST}{first['incident_id']}/").status_code == 204
    act(tenant.writer, "delete_incident", {"incident_id": second["incident_id"]})
    act(tenant.writer, "restore_incident", {"incident_id": second["incident_id"]})
    act(tenant.admin, "delete_incident", {"incident_id": third["incident_id"], "permanent": True})
    assert events_of(tenant.admin, first) == ["incident.created", "incident.deleted"]
    assert events_of(tenant.admin, second) == [
        "incident.created",
        "incident.deleted",
        "incident.restored",
    ]
    restored = latest_of(tenant.admin, "incident.restored")
    assert restored["payload"]["incident"] == detail(tenant.reader, second)
    permanent = latest_of(tenant.admin, "incident.deleted")
    assert permanent["incident_id"] == third["incident_id"]
    assert permanent["payload"]["incident"]["incident_id"] == third["incident_id"]
    # Deleted for good, its deliveries are still found by its id.
    assert events_of(tenant.admin, third) == ["incident.created", "incident.deleted"]


def latest_of(client, event):
    return deliveries(client, event=event)[0]


def test_a_conversation_emits_conversation_created(tenant, hook):
    incident = create_incident(tenant.writer, requester_email="r@example.com")
    response = tenant.writer.post(
        CONVERSATIONS,
        {"incident_id": incident["incident_id"], "kind": "note", "body": "<p>hello</p>"},
        format="json",
    )
    assert response.status_code == 201, response.content
    delivery = latest(tenant.admin)
    assert delivery["event"] == "conversation.created"
    payload = delivery["payload"]
    assert payload["conversation"]["conversation_id"] == response.json()["conversation_id"]
    assert payload["incident"]["incident_id"] == incident["incident_id"]
    assert set(payload) == {
        "event_id",
        "event",
        "occurred_at",
        "organization",
        "incident",
        "conversation",
    }


def test_only_subscribed_active_endpoints_of_the_organization_get_deliveries(
    tenant, other_tenant, allow_private
):
    created_only = register(tenant.admin, NOWHERE, ["incident.created"])
    resolved_only = register(tenant.admin, NOWHERE, ["incident.resolved"])
    inactive = register(tenant.admin, NOWHERE, ["incident.created"], active=False)
    theirs = register(other_tenant.admin, NOWHERE, ["incident.created"])
    incident = create_incident(tenant.writer)
    (delivery,) = deliveries(tenant.admin)
    assert delivery["webhook_id"] == created_only["webhook_id"]
    act(tenant.writer, "inci_resolve", {"incident_id": incident["incident_id"], **RESOLVE})
    hooks = {d["webhook_id"] for d in deliveries(tenant.admin)}
    assert hooks == {created_only["webhook_id"], resolved_only["webhook_id"]}
    assert inactive["webhook_id"] not in hooks and theirs["webhook_id"] not in hooks
    assert deliveries(other_tenant.admin) == []


def test_deactivating_or_deleting_an_endpoint_stops_new_deliveries(tenant, hook):
    create_incident(tenant.writer)
    url = f"{WEBHOOKS}{hook['webhook_id']}/"
    assert tenant.admin.patch(url, {"active": False}, format="json").status_code == 200
    create_incident(tenant.writer)
    assert tenant.admin.patch(url, {"active": True}, format="json").status_code == 200
    create_incident(tenant.writer)
    assert tenant.admin.delete(url).status_code == 204
    create_incident(tenant.writer)
    assert [d["payload"]["incident"]["display_id"] for d in deliveries(tenant.admin)] == [
        "INCI-3",
        "INCI-1",
    ]


def test_each_subscribed_endpoint_gets_one_delivery_of_the_same_event(tenant, allow_private):
    first = register(tenant.admin, NOWHERE)
    second = register(tenant.admin, NOWHERE, ["incident.created"])
    create_incident(tenant.writer)
    found = deliveries(tenant.admin)
    assert sorted(d["webhook_id"] for d in found) == sorted(
        [first["webhook_id"], second["webhook_id"]]
    )
    assert len({d["event_id"] for d in found}) == 1
    assert len({d["delivery_id"] for d in found}) == 2


def test_delivery_log_filters(tenant, hook):
    first, second = create_incident(tenant.writer), create_incident(tenant.writer)
    act(tenant.writer, "inci_resolve", {"incident_id": second["incident_id"], **RESOLVE})
    assert len(deliveries(tenant.admin)) == 3
    by_incident = deliveries(tenant.admin, incident_id=second["display_id"])
    assert [d["event"] for d in by_incident] == ["incident.resolved", "incident.created"]
    by_id = deliveries(tenant.admin, incident_id=first["incident_id"])
    assert [d["incident_id"] for d in by_id] == [first["incident_id"]]
    assert [d["event"] for d in deliveries(tenant.admin, event="incident.resolved")] == [
        "incident.resolved"
    ]
    assert len(deliveries(tenant.admin, status="pending")) == 3
    assert deliveries(tenant.admin, status="succeeded") == []
    one = by_incident[0]
    read = tenant.admin.get(f"{DELIVERIES}{one['delivery_id']}/")
    assert read.status_code == 200 and read.json() == one


@pytest.mark.parametrize(
    "query", [{"status": "lost"}, {"event": "incident.exploded"}, {"bogus": "1"}]
)
def test_delivery_log_bad_filters_are_400(tenant, query):
    assert tenant.admin.get(DELIVERIES, query).status_code == 400


def test_another_organizations_deliveries_are_out_of_reach(tenant, other_tenant, allow_private):
    register(other_tenant.admin, NOWHERE)
    theirs = create_incident(other_tenant.writer)
    (delivery,) = deliveries(other_tenant.admin)
    assert deliveries(tenant.admin) == []
    assert tenant.admin.get(f"{DELIVERIES}{delivery['delivery_id']}/").status_code == 404
    by_id = tenant.admin.get(DELIVERIES, {"incident_id": theirs["incident_id"]})
    assert by_id.status_code == 200 and by_id.json() == []
    by_display_id = tenant.admin.get(DELIVERIES, {"incident_id": theirs["display_id"]})
    assert by_display_id.status_code == 404
    assert tenant.admin.get(DELIVERIES, {"incident_id": "garbage"}).status_code == 404
    assert tenant.admin.get(f"{DELIVERIES}{ObjectId()}/").status_code == 404


def test_an_event_without_endpoints_records_nothing(tenant):
    create_incident(tenant.writer)
    assert deliveries(tenant.admin) == []


@pytest.fixture
def endpoint_reads(monkeypatch):
    """Queries sent to the webhook_endpoints collection."""
    from servicedesk.webhooks.documents import WebhookEndpoint

    return calls_to(monkeypatch, WebhookEndpoint)


@pytest.mark.parametrize("limits", ["on", "off"])
def test_a_bulk_action_reads_the_endpoints_once_and_emits_for_each_incident(
    tenant, other_tenant, allow_private, monkeypatch, limits
):
    from servicedesk.webhooks import services
    from servicedesk.webhooks.documents import WebhookEndpoint

    if limits == "off":
        allow_private.SERVICEDESK_RATE_LIMIT_PER_KEY = 0
    resolved_only = register(tenant.admin, NOWHERE, ["incident.resolved"])
    register(tenant.admin, NOWHERE, ["incident.created"])
    inactive = register(tenant.admin, NOWHERE, ["incident.resolved"], active=False)
    theirs = register(other_tenant.admin, NOWHERE, ["incident.resolved"])
    incidents = [create_incident(tenant.writer) for _ in range(3)]
    services._kept.clear()  # as a worker that has not seen the organization in this window
    with monkeypatch.context() as spying:
        reads = calls_to(spying, WebhookEndpoint)
        response = tenant.writer.post(
            f"{LIST}inci_resolve/",
            {"incident_ids": [i["incident_id"] for i in incidents], **RESOLVE},
            format="json",
        )

    assert response.status_code == 200
    assert [r["ok"] for r in response.json()["results"]] == [True, True, True]
    assert len(reads) == 1
    resolved = [d for d in deliveries(tenant.admin) if d["event"] == "incident.resolved"]
    assert sorted(d["incident_id"] for d in resolved) == sorted(i["incident_id"] for i in incidents)
    assert {d["webhook_id"] for d in resolved} == {resolved_only["webhook_id"]}
    assert inactive["webhook_id"] not in {d["webhook_id"] for d in deliveries(tenant.admin)}
    assert theirs["webhook_id"] not in {d["webhook_id"] for d in resolved}
    assert deliveries(other_tenant.admin) == []
    # A single request after the bulk call reads them afresh.
    url = f"{WEBHOOKS}{resolved_only['webhook_id']}/"
    assert tenant.admin.patch(url, {"active": False}, format="json").status_code == 200
    extra = create_incident(tenant.writer)
    act(tenant.writer, "inci_resolve", {"incident_id": extra["incident_id"], **RESOLVE})
    assert [d for d in deliveries(tenant.admin) if d["event"] == "incident.resolved"] == resolved


def test_a_worker_reads_the_endpoints_once_a_window(tenant, hook, endpoint_reads, monkeypatch):
    from servicedesk import ratelimit

    monkeypatch.setattr(ratelimit.RateLimitMiddleware, "clock", staticmethod(lambda: 10.0))
    for _ in range(3):
        create_incident(tenant.writer)
    assert len(endpoint_reads) == 1
    monkeypatch.setattr(ratelimit.RateLimitMiddleware, "clock", staticmethod(lambda: 100.0))
    create_incident(tenant.writer)  # the next window
    assert len(endpoint_reads) == 2
    assert len(deliveries(tenant.admin)) == 4


@pytest.mark.parametrize("change", ["create", "deactivate", "delete"])
def test_an_endpoint_change_in_another_worker_is_seen_by_the_next_request(
    tenant, allow_private, change, monkeypatch
):
    from servicedesk.webhooks import services

    first = register(tenant.admin, NOWHERE, ["incident.created"])
    create_incident(tenant.writer)  # this worker now keeps the endpoints
    kept = dict(services._kept)
    url = f"{WEBHOOKS}{first['webhook_id']}/"
    if change == "create":
        second = register(tenant.admin, NOWHERE, ["incident.created"])
        expected = {first["webhook_id"], second["webhook_id"]}
    elif change == "deactivate":
        assert tenant.admin.patch(url, {"active": False}, format="json").status_code == 200
        expected = set()
    else:
        assert tenant.admin.delete(url).status_code == 204
        expected = set()
    services._kept.update(kept)  # as a worker that did not make the change
    incident = create_incident(tenant.writer)
    found = deliveries(tenant.admin, incident_id=incident["incident_id"])
    assert {d["webhook_id"] for d in found} == expected
