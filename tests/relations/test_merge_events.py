"""A merge announces `incident.merged` (the target) and `incident.closed` (each source)."""

from tests.relations.helpers import create, merged, read
from tests.webhooks.helpers import deliveries, register


def test_a_merge_emits_merged_for_the_target_and_closed_for_each_source(tenant, settings):
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True
    client = tenant.writer
    target = create(client, "target")
    sources = [create(client, f"dup {n}") for n in (1, 2)]
    register(tenant.admin, "http://127.0.0.1:9/hook", events=["incident.merged", "incident.closed"])
    merged(client, target["display_id"], [s["display_id"] for s in sources])
    log = list(reversed(deliveries(tenant.admin)))
    assert [(d["event"], d["incident_id"]) for d in log] == [
        ("incident.closed", sources[0]["incident_id"]),
        ("incident.closed", sources[1]["incident_id"]),
        ("incident.merged", target["incident_id"]),
    ]
    closed = log[0]["payload"]["incident"]
    assert closed["close_info"]["merged_into"]["display_id"] == "INCI-1"
    announced = log[2]["payload"]
    assert announced["merged"] == [
        {"incident_id": s["incident_id"], "display_id": s["display_id"]} for s in sources
    ]
    assert announced["incident"]["is_merge_incident"] is True
    assert announced["incident"]["reference"] == read(client, "INCI-1")["reference"]


def test_the_merged_event_can_be_subscribed_to(tenant):
    response = tenant.admin.post(
        "/ux/sd/inci/webhook/",
        {"url": "https://8.8.8.8/hooks", "events": ["incident.merged"]},
        format="json",
    )
    assert response.status_code == 201, response.content
