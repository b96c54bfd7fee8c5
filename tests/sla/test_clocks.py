"""The SLA clocks on incidents, as an API user sees them, under a frozen, moved clock."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from incidents.documents import Incident
from tests.support.config import ORG, created

API = "/ux/sd/inci/incident/"
T0 = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)  # a Monday
RESOLVE = {"resolution_type": "Fixed", "closure_note": "rebooted"}
HOLD = {"basic_info": {"status_id": 4}, "config": {"hold_config": {"hold_reason_id": 2}}}


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture
def clock():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


def at(clock, **delta) -> datetime:
    moment = T0 + timedelta(**delta)
    clock.move_to(moment)
    return moment


def policy(tenant, name="Standard", **fields) -> dict:
    body = {"name": name, "targets": {"response_minutes": 60, "resolution_minutes": 240}}
    return created(tenant.admin, "sla-policies/", {**body, **fields})


def create(tenant, **fields) -> dict:
    response = tenant.writer.post(API, {"summary": "VPN down", **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def read(tenant, incident) -> dict:
    response = tenant.reader.get(f"{API}{incident['incident_id']}/")
    assert response.status_code == 200, response.content
    return response.json()["sla"]


def patch(tenant, incident, body) -> dict:
    response = tenant.writer.patch(f"{API}{incident['incident_id']}/", body, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def act(tenant, name, incident, **body):
    response = tenant.writer.post(
        f"{API}{name}/", {"incident_id": incident["incident_id"], **body}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["results"][0]["ok"], response.content


def reply(tenant, incident, kind="reply", **fields):
    body = {
        "incident_id": incident["incident_id"],
        "kind": kind,
        "direction": "outbound",
        "body": "<p>On it</p>",
        **fields,
    }
    response = tenant.writer.post("/ux/sd/inci/conversation/", body, format="json")
    assert response.status_code == 201, response.content


def test_no_policy_no_clocks(tenant, clock):
    assert create(tenant)["sla"] is None


def test_a_new_incident_gets_both_clocks(tenant, clock):
    chosen = policy(tenant)
    sla = create(tenant)["sla"]
    assert sla["policy"] == {"id": chosen["id"], "name": "Standard"}
    assert sla["response"] == {
        "target_minutes": 60,
        "due_at": iso(T0 + timedelta(hours=1)),
        "met_at": None,
        "breached": False,
        "paused": False,
        "remaining_seconds": 3600,
        "warned": False,
    }
    assert sla["resolution"]["due_at"] == iso(T0 + timedelta(hours=4))
    assert sla["resolution"]["remaining_seconds"] == 4 * 3600


def test_remaining_time_counts_down_and_goes_negative(tenant, clock):
    policy(tenant)
    incident = create(tenant)
    at(clock, minutes=45)
    assert read(tenant, incident)["response"]["remaining_seconds"] == 15 * 60
    at(clock, minutes=70)
    assert read(tenant, incident)["response"]["remaining_seconds"] == -10 * 60


def test_on_hold_pauses_both_clocks_and_the_due_time_moves(tenant, clock):
    policy(tenant)
    incident = create(tenant)
    at(clock, minutes=30)
    patch(tenant, incident, HOLD)
    at(clock, hours=3)
    sla = read(tenant, incident)
    assert sla["response"]["paused"] is True and sla["response"]["due_at"] is None
    assert sla["response"]["remaining_seconds"] == 30 * 60  # frozen while paused
    assert sla["resolution"]["remaining_seconds"] == 210 * 60
    at(clock, hours=3, minutes=30)
    patch(tenant, incident, {"basic_info": {"status_id": 3}})
    sla = read(tenant, incident)
    # Three hours on hold: the due times move by three hours.
    assert sla["response"]["due_at"] == iso(T0 + timedelta(hours=4))
    assert sla["resolution"]["due_at"] == iso(T0 + timedelta(hours=7))
    assert sla["response"]["paused"] is False


def test_the_first_public_reply_stops_the_response_clock(tenant, clock):
    policy(tenant)
    incident = create(tenant, requester_email="ann@example.com")
    at(clock, minutes=10)
    note = {
        "incident_id": incident["incident_id"],
        "kind": "note",
        "direction": "outbound",
        "body": "<p>internal</p>",
    }
    assert tenant.writer.post("/ux/sd/inci/conversation/", note, format="json").status_code == 201
    assert read(tenant, incident)["response"]["met_at"] is None  # a note answers no one
    at(clock, minutes=20)
    reply(tenant, incident)
    at(clock, minutes=50)
    reply(tenant, incident)  # a second reply changes nothing
    sla = read(tenant, incident)
    assert sla["response"]["met_at"] == iso(T0 + timedelta(minutes=20))
    assert sla["response"]["remaining_seconds"] == 40 * 60
    assert sla["response"]["breached"] is False
    assert sla["resolution"]["met_at"] is None


def test_a_forward_to_the_requester_is_a_response_one_to_others_is_not(tenant, clock):
    policy(tenant)
    incident = create(tenant, requester_email="ann@example.com")
    reply(tenant, incident, kind="forward", to=["vendor@example.com"])
    assert read(tenant, incident)["response"]["met_at"] is None
    at(clock, minutes=5)
    reply(tenant, incident, kind="forward", to=["vendor@example.com"], cc=["Ann@example.com"])
    assert read(tenant, incident)["response"]["met_at"] == iso(T0 + timedelta(minutes=5))


def test_resolve_stops_both_clocks_and_a_reopen_resumes_with_the_time_spent(tenant, clock):
    policy(tenant)
    incident = create(tenant)
    at(clock, hours=1, minutes=30)  # the response target was missed
    act(tenant, "inci_resolve", incident, **RESOLVE)
    sla = read(tenant, incident)
    assert sla["response"]["met_at"] == iso(T0 + timedelta(minutes=90))
    assert sla["response"]["breached"] is True  # met late
    assert sla["resolution"]["met_at"] == iso(T0 + timedelta(minutes=90))
    assert sla["resolution"]["breached"] is False
    assert sla["resolution"]["remaining_seconds"] == 150 * 60
    at(clock, hours=5, minutes=30)
    act(tenant, "inci_reopen", incident, reason="still down")
    sla = read(tenant, incident)
    assert sla["resolution"]["met_at"] is None
    # Four hours resolved do not count: due at 4 h + 4 h.
    assert sla["resolution"]["due_at"] == iso(T0 + timedelta(hours=8))
    assert sla["resolution"]["remaining_seconds"] == 150 * 60
    assert sla["response"]["met_at"] == iso(T0 + timedelta(minutes=90))  # stays met
    stored = Incident.objects.get(id=incident["incident_id"])
    actions = [entry.action for entry in stored.history]
    assert actions.count("sla_breached") == 1  # the late response, marked at resolve


def test_a_change_of_priority_chooses_the_policy_again_from_creation(tenant, clock):
    policy(tenant, "Standard", order=2)
    urgent = policy(
        tenant,
        "Critical",
        order=1,
        conditions={"priority_ids": [1]},
        targets={"response_minutes": 15, "resolution_minutes": 60},
    )
    incident = create(tenant, impact_id=4, urgency_id=3)
    assert read(tenant, incident)["policy"]["name"] == "Standard"
    at(clock, minutes=30)
    patch(tenant, incident, HOLD)
    at(clock, minutes=40)
    patch(tenant, incident, {"basic_info": {"status_id": 3}})
    patch(tenant, incident, {"basic_info": {"impact_id": 1, "urgency_id": 1}})
    sla = read(tenant, incident)
    assert sla["policy"] == {"id": urgent["id"], "name": "Critical"}
    # From creation, less the ten minutes on hold.
    assert sla["resolution"]["due_at"] == iso(T0 + timedelta(minutes=70))
    assert sla["response"]["due_at"] == iso(T0 + timedelta(minutes=25))


def test_no_matching_policy_any_more_removes_the_clocks(tenant, clock):
    only = policy(tenant, conditions={"priority_ids": [5]})
    incident = create(tenant, impact_id=4, urgency_id=3)
    assert read(tenant, incident)["policy"]["id"] == only["id"]
    patch(tenant, incident, {"basic_info": {"urgency_id": 1}})
    assert read(tenant, incident) is None


def test_targets_count_in_the_calendars_business_hours(tenant, clock):
    office = created(
        tenant.admin,
        "calendars/",
        {
            "name": "Berlin",
            "time_zone": "Europe/Berlin",
            "hours": {
                day: [["09:00", "17:00"]]
                for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
            },
            "holidays": ["2025-06-09"],  # Whit Monday
        },
    )
    policy(
        tenant,
        calendar_id=office["id"],
        targets={"response_minutes": 120, "resolution_minutes": 8 * 60},
    )
    friday = datetime(2025, 6, 6, 14, 0, tzinfo=UTC)  # 16:00 in Berlin
    clock.move_to(friday)
    sla = create(tenant)["sla"]
    # One hour on Friday, the holiday Monday skipped, one hour on Tuesday: 10:00 CEST.
    assert sla["response"]["due_at"] == "2025-06-10T08:00:00.000Z"
    assert sla["resolution"]["due_at"] == "2025-06-10T14:00:00.000Z"  # 16:00 CEST
    clock.move_to(datetime(2025, 6, 7, 12, 0, tzinfo=UTC))  # Saturday: no time passes
    assert read_first(tenant)["response"]["remaining_seconds"] == 3600


def read_first(tenant) -> dict:
    return tenant.reader.get(API).json()[0]["sla"]


def test_list_filters_and_sort_by_sla(tenant, clock):
    policy(tenant, "Slow", conditions={"priority_ids": [5]}, targets={"resolution_minutes": 600})
    policy(tenant, "Fast", order=1, targets={"resolution_minutes": 60})
    slow = create(tenant, impact_id=4, urgency_id=3)
    fast = create(tenant, impact_id=1, urgency_id=1)
    plain = create(tenant, impact_id=4, urgency_id=3, summary="paused")
    patch(tenant, plain, HOLD)

    def ids(query):
        response = tenant.reader.get(API, query)
        assert response.status_code == 200, response.content
        return [item["display_id"] for item in response.json()]

    due = {"sla_due_before": iso(T0 + timedelta(hours=2))}
    assert ids(due) == [fast["display_id"]]
    ordered = ids({"sort_key": "sla_resolution_due", "sort_order": "asc"})
    assert ordered == [plain["display_id"], fast["display_id"], slow["display_id"]]
    assert ids({"sla_breached": "true"}) == []
    assert len(ids({"sla_breached": "false"})) == 3
    at(clock, hours=1, minutes=1)
    from sla.services import mark_due

    assert mark_due() == 2  # the fast one's warning and breach
    assert ids({"sla_breached": "true"}) == [fast["display_id"]]


@pytest.mark.parametrize(
    ("query", "attr"),
    [
        ({"sla_breached": "yes"}, "sla_breached"),
        ({"sla_due_before": "tomorrow"}, "sla_due_before"),
        ({"sort_key": "sla_due"}, "sort_key"),
    ],
)
def test_bad_sla_list_parameters_are_refused(tenant, query, attr):
    response = tenant.reader.get(API, query)
    assert response.status_code == 400, response.content
    assert attr in [error["attr"] for error in response.json()["errors"]]


def test_the_list_indexes_serve_the_sla_filters_and_sort():
    indexes = {spec["name"]: spec["fields"] for spec in Incident._meta["index_specs"]}
    assert indexes["org_sla_breached_created"][:3] == [
        ("organization_id", 1),
        ("is_deleted", 1),
        ("sla.breached", 1),
    ]
    assert indexes["org_sla_due"][:3] == [
        ("organization_id", 1),
        ("is_deleted", 1),
        ("sla.due_at", 1),
    ]
    assert indexes["org_sort_sla_resolution_due"] == [
        ("organization_id", 1),
        ("is_deleted", 1),
        ("sla.resolution.due_at", -1),
        ("display_number", -1),
    ]


def test_cancelling_stops_the_clocks_without_a_verdict(tenant, clock):
    policy(tenant)
    incident = create(tenant)
    at(clock, hours=2)
    act(tenant, "close_inci_request", incident, reason="duplicate")
    at(clock, hours=9)
    sla = read(tenant, incident)
    assert sla["resolution"]["met_at"] is None and sla["resolution"]["breached"] is False
    assert sla["resolution"]["remaining_seconds"] == 2 * 3600  # frozen when cancelled
    from sla.services import mark_due

    assert mark_due() == 0


def test_a_policy_incidents_used_is_deactivated_not_deleted(tenant, clock):
    used, unused = policy(tenant, "Used"), policy(tenant, "Unused", order=5)
    create(tenant)
    assert tenant.admin.delete(f"{ORG}sla-policies/{used['id']}/").status_code == 204
    assert tenant.reader.get(f"{ORG}sla-policies/{used['id']}/").json()["active"] is False
    assert tenant.admin.delete(f"{ORG}sla-policies/{unused['id']}/").status_code == 204
    assert tenant.reader.get(f"{ORG}sla-policies/{unused['id']}/").status_code == 404
    # The incident keeps its clocks until its next change, which finds no policy.
    assert read_first(tenant)["policy"]["name"] == "Used"


def test_an_inactive_policy_does_not_apply(tenant, clock):
    policy(tenant, active=False)
    assert create(tenant)["sla"] is None
