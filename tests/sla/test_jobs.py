"""The warning and breach job and the auto-close job, under a frozen, moved clock."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from incidents import selectors as incident_selectors
from incidents.documents import Incident
from incidents.services import events as incident_events
from servicedesk.jobs import registry
from sla import services
from tests.support.config import ORG, created

API = "/ux/sd/inci/incident/"
T0 = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)
RESOLVE = {"resolution_type": "Fixed", "closure_note": "rebooted"}


@pytest.fixture
def clock():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


@pytest.fixture
def sent(monkeypatch):
    """Every event handed to webhooks: (event, display id, extra payload keys)."""
    found = []

    def emit(*, principal, event, payload, incident_id=None):
        found.append((event, payload["incident"]["display_id"], payload.get("sla_clock")))

    monkeypatch.setattr(incident_events, "emit", emit)
    return found


def at(clock, **delta):
    clock.move_to(T0 + timedelta(**delta))


def setup(tenant, **targets):
    body = {"name": "Standard", "targets": targets or {"resolution_minutes": 100}}
    created(tenant.admin, "sla-policies/", body)


def create(tenant):
    response = tenant.writer.post(API, {"summary": "s"}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def history(incident, action):
    stored = Incident.objects.get(id=incident["incident_id"])
    return [entry for entry in stored.history if entry.action == action]


def resolve(client, incident):
    body = {"incident_id": incident["incident_id"], **RESOLVE}
    response = client.post(f"{API}inci_resolve/", body, format="json")
    assert response.json()["results"][0]["ok"], response.content


def test_the_jobs_are_registered():
    assert registry.get("sla.mark_due").every <= timedelta(seconds=60)
    assert registry.get("sla.auto_close").every <= timedelta(hours=1)


def test_warning_then_breach_each_marked_once_with_history_and_event(tenant, clock, sent):
    setup(tenant)
    incident = create(tenant)
    at(clock, minutes=79)
    assert services.mark_due() == 0
    at(clock, minutes=80)  # 80 % of 100 minutes
    assert services.mark_due() == 1
    assert services.mark_due() == 0
    sla = tenant.reader.get(f"{API}{incident['incident_id']}/").json()["sla"]["resolution"]
    assert (sla["warned"], sla["breached"]) == (True, False)
    (entry,) = history(incident, "sla_warning")
    assert (entry.actor_id, entry.field) == ("system", "sla.resolution")
    at(clock, minutes=100)
    assert services.mark_due() == 1
    assert services.mark_due() == 0
    sla = tenant.reader.get(f"{API}{incident['incident_id']}/").json()["sla"]["resolution"]
    assert (sla["warned"], sla["breached"]) == (True, True)
    assert len(history(incident, "sla_breached")) == 1
    marks = [item for item in sent if item[0].startswith("incident.sla")]
    assert marks == [
        ("incident.sla_warning", incident["display_id"], "resolution"),
        ("incident.sla_breached", incident["display_id"], "resolution"),
    ]
    # Nothing is left to mark: the scan no longer finds it.
    assert Incident.objects.get(id=incident["incident_id"]).sla["next_at"] is None


def test_a_job_that_was_down_marks_warning_and_breach_at_once(tenant, clock, sent):
    setup(tenant, response_minutes=10, resolution_minutes=100)
    incident = create(tenant)
    at(clock, hours=5)
    assert services.mark_due() == 4
    names = sorted(event for event, *_ in sent if event.startswith("incident.sla"))
    assert names == ["incident.sla_breached"] * 2 + ["incident.sla_warning"] * 2
    assert len(history(incident, "sla_breached")) == 2


def test_several_workers_mark_each_clock_once(tenant, clock, sent):
    setup(tenant)
    incidents = [create(tenant) for _ in range(5)]
    at(clock, minutes=101)
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda _: services.mark_due(), range(4)))
    assert sum(counts) == 10  # 5 warnings, 5 breaches, whoever marked them
    for incident in incidents:
        assert len(history(incident, "sla_breached")) == 1
        assert len(history(incident, "sla_warning")) == 1
    assert len([e for e, *_ in sent if e == "incident.sla_breached"]) == 5


def test_a_met_target_is_never_marked_breached(tenant, clock, sent):
    setup(tenant)
    incident = create(tenant)
    at(clock, minutes=99)
    resolve(tenant.writer, incident)
    at(clock, minutes=200)
    assert services.mark_due() == 0
    sla = tenant.reader.get(f"{API}{incident['incident_id']}/").json()["sla"]["resolution"]
    assert sla["breached"] is False
    assert history(incident, "sla_breached") == []


def test_a_resolve_that_wins_the_race_with_the_breach_job_is_not_breached(
    tenant, clock, sent, monkeypatch
):
    """The job read the incident as due; a resolve lands before its write: the write is
    planned again on the resolved incident, which has nothing left to mark."""
    setup(tenant)
    incident = create(tenant)
    at(clock, minutes=101)
    read = incident_selectors.incidents_sla_due

    def read_then_resolve(**kwargs):
        found = read(**kwargs)
        resolve(tenant.writer, incident)
        return found

    monkeypatch.setattr(services.incidents, "incidents_sla_due", read_then_resolve)
    services.mark_due()
    sla = tenant.reader.get(f"{API}{incident['incident_id']}/").json()["sla"]["resolution"]
    assert sla["met_at"] is not None
    # Resolved after its due time: missed, marked once (at resolve), never by the job.
    assert len(history(incident, "sla_breached")) == 1
    assert history(incident, "sla_breached")[0].actor_id != "system"


def test_the_breach_scan_reads_only_due_incidents_by_its_index(tenant, clock, monkeypatch):
    setup(tenant)
    create(tenant)
    seen = []
    collection = Incident._get_collection()
    original = collection.find  # the instance's: another test's spy may have left one there

    def spy(*args, **kwargs):
        seen.append(args[0] if args else kwargs.get("filter"))
        return original(*args, **kwargs)

    monkeypatch.setattr(collection, "find", spy)
    at(clock, minutes=30)
    services.mark_due()
    moment = T0 + timedelta(minutes=30)
    assert seen[0] == {"sla.next_at": {"$lte": moment}}
    indexes = {spec["name"]: spec for spec in Incident._meta["index_specs"]}
    assert indexes["sla_next_at"]["fields"] == [("sla.next_at", 1)]
    assert indexes["sla_next_at"]["sparse"] is True


def test_a_paused_clock_is_not_marked(tenant, clock):
    setup(tenant)
    incident = create(tenant)
    hold = {"basic_info": {"status_id": 4}, "config": {"hold_config": {"hold_reason_id": 2}}}
    at(clock, minutes=10)
    response = tenant.writer.patch(f"{API}{incident['incident_id']}/", hold, format="json")
    assert response.status_code == 200, response.content
    at(clock, hours=10)
    assert services.mark_due() == 0


# --- auto-close ---------------------------------------------------------------------------


def test_a_resolved_incident_is_closed_by_the_system_after_the_days(tenant, clock, sent):
    incident = create(tenant)
    resolve(tenant.writer, incident)
    at(clock, days=7, seconds=-1)
    assert services.auto_close() == 0
    at(clock, days=7)
    assert services.auto_close() == 1
    stored = Incident.objects.get(id=incident["incident_id"])
    assert stored.basic_info.status == "Closed"
    assert stored.close_info.closed_by == "system"
    (entry,) = [e for e in stored.history if e.action == "auto_closed"]
    assert entry.actor_id == "system"
    assert ("incident.closed", incident["display_id"], None) in sent
    assert services.auto_close() == 0


def test_auto_close_follows_each_organizations_setting(tenant, other_tenant, clock):
    tenant.admin.patch(f"{ORG}settings/", {"auto_close_days": 2}, format="json")
    other_tenant.admin.patch(f"{ORG}settings/", {"auto_close_days": None}, format="json")
    mine, theirs = create(tenant), create(other_tenant)
    resolve(tenant.writer, mine)
    resolve(other_tenant.writer, theirs)
    at(clock, days=30)
    assert services.auto_close() == 1
    assert Incident.objects.get(id=mine["incident_id"]).basic_info.status == "Closed"
    assert Incident.objects.get(id=theirs["incident_id"]).basic_info.status == "Resolved"


def test_a_reopened_and_resolved_again_incident_counts_from_its_last_resolve(tenant, clock):
    incident = create(tenant)
    resolve(tenant.writer, incident)
    at(clock, days=6)
    body = {"incident_id": incident["incident_id"], "reason": "back"}
    assert tenant.writer.post(f"{API}inci_reopen/", body, format="json").status_code == 200
    resolve(tenant.writer, incident)
    at(clock, days=8)
    assert services.auto_close() == 0
    at(clock, days=13)
    assert services.auto_close() == 1
