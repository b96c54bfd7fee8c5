"""SLA writes: calendars, policies and settings; each incident's clocks; the jobs' work.

- Configuration writes go through servicedesk.configuration (409 on a taken name,
  deactivate what is referred to, every worker reloads the configuration).
- `incident_clocks` is the incidents planner (incidents.hooks): it keeps an
  incident's `sla` in the same atomic write as the change that moves its clocks.
- `mark_due` (the warning and breach job) and `auto_close` (the auto-close job)
  change incidents through incidents.public as the system, with the compare-and-set
  every incident write uses: two workers marking the same clock, or a mark racing a
  resolve, write once, and a target met first is never marked breached.
"""

from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo.errors import DuplicateKeyError, OperationFailure

from catalogue import public as catalogue
from directory import public as directory
from incidents import public as incidents
from servicedesk import configuration, orgcache
from servicedesk.errors import Conflict, DomainError, invalid
from servicedesk.jobs import should_stop
from servicedesk.tenancy.principal import Principal, system_principal
from servicedesk.timeutil import as_utc, isoformat, now
from sla import clocks, selectors
from sla.documents import (
    DEFAULT_AUTO_CLOSE_DAYS,
    BusinessCalendar,
    Conditions,
    SlaPolicy,
    SlaSettings,
    Targets,
)

NAMED = ("name_key",)
EVENTS = {clocks.WARNING: "incident.sla_warning", clocks.BREACH: "incident.sla_breached"}
RESPONDED = "responded"  # incidents' Change.facts of a public outbound conversation


# --- calendars ----------------------------------------------------------------------------


def _builtin_refused(calendar: BusinessCalendar) -> None:
    if calendar.builtin:
        raise Conflict(
            "The built-in 24x7 calendar cannot be changed or deleted.", code="builtin_calendar"
        )


def _calendar_changes(data: dict) -> dict:
    changes = configuration.changes_of(data)
    if "hours" in changes:  # stored as objects (see BusinessCalendar.hours)
        changes["hours"] = {
            day: [{"start": start, "end": end} for start, end in intervals]
            for day, intervals in changes["hours"].items()
        }
    if "holidays" in changes:
        changes["holidays"] = sorted({day.isoformat() for day in changes["holidays"]})
    return changes


def calendar_create(*, organization_id: ObjectId, data: dict) -> BusinessCalendar:
    selectors.builtin_calendar(organization_id=organization_id)  # its name is taken first
    calendar = BusinessCalendar(organization_id=organization_id, **_calendar_changes(data))
    return configuration.insert(calendar, kind="calendar", unique=NAMED)


def calendar_update(*, calendar: BusinessCalendar, data: dict) -> BusinessCalendar:
    _builtin_refused(calendar)
    return configuration.update(calendar, _calendar_changes(data), kind="calendar", unique=NAMED)


def calendar_delete(*, calendar: BusinessCalendar) -> bool:
    _builtin_refused(calendar)
    referenced = selectors.calendar_referenced(calendar=calendar)
    return configuration.delete_or_deactivate(calendar, referenced=referenced)


# --- policies ------------------------------------------------------------------------------


def _check_ids(field: str, given: list, known, what: str) -> None:
    for index, value in enumerate(given):
        if value not in known:
            raise invalid(f"{field}.{index}", f"No {what} with this id.", "unknown")


def _policy_changes(organization_id: ObjectId, data: dict, current: SlaPolicy | None) -> dict:
    changes = configuration.changes_of(data, skip=("conditions", "targets", "calendar_id"))
    choices = incidents.choices
    if "conditions" in data:
        conditions = data["conditions"]
        _check_ids(
            "conditions.priority_ids",
            conditions.get("priority_ids", []),
            choices.PRIORITIES.ids(),
            "priority",
        )
        _check_ids(
            "conditions.incident_type_ids",
            conditions.get("incident_type_ids", []),
            choices.INCIDENT_TYPES.ids(),
            "incident type",
        )
        _check_ids(
            "conditions.service_ids",
            conditions.get("service_ids", []),
            catalogue.catalogue_of(organization_id=organization_id).services,
            "service",
        )
        _check_ids(
            "conditions.support_group_ids",
            conditions.get("support_group_ids", []),
            directory.directory_of(organization_id=organization_id).groups,
            "support group",
        )
        changes["conditions"] = Conditions(
            **{
                key: list(dict.fromkeys(conditions.get(key, [])))
                for key in ("priority_ids", "incident_type_ids", "service_ids", "support_group_ids")
            }
        )
    if "targets" in data:
        targets = data["targets"]
        if targets.get("response_minutes") is None and targets.get("resolution_minutes") is None:
            raise invalid("targets", "Give a response or a resolution target.", "required")
        changes["targets"] = Targets(
            response_minutes=targets.get("response_minutes"),
            resolution_minutes=targets.get("resolution_minutes"),
        )
    if "pause_status_ids" in data:
        open_ids = {
            status.id for status in choices.STATUSES if status.state_id == choices.STATE_OPEN
        }
        for index, status_id in enumerate(data["pause_status_ids"]):
            if status_id not in choices.STATUSES.ids():
                raise invalid(f"pause_status_ids.{index}", "No status with this id.", "unknown")
            if status_id not in open_ids:
                raise invalid(
                    f"pause_status_ids.{index}",
                    "Only open statuses pause the clocks (Resolved stops them already).",
                    "not_open",
                )
        changes["pause_status_ids"] = list(dict.fromkeys(data["pause_status_ids"]))
    if "calendar_id" in data:
        changes["calendar_id"] = _calendar_ref(organization_id, data["calendar_id"], current)
    return changes


def _calendar_ref(organization_id, calendar_id: str | None, current) -> ObjectId | None:
    if calendar_id is None:
        return None
    found = BusinessCalendar.objects(
        organization_id=organization_id, id=ObjectId(calendar_id)
    ).first()
    if found is None:
        raise invalid("calendar_id", "No calendar with this id.", "unknown")
    if not found.active and str(current.calendar_id if current else "") != calendar_id:
        raise invalid("calendar_id", "This calendar is inactive.", "inactive")
    return None if found.builtin else found.id


def policy_create(*, organization_id: ObjectId, data: dict) -> SlaPolicy:
    changes = _policy_changes(organization_id, data, None)
    policy = SlaPolicy(organization_id=organization_id, **changes)
    return configuration.insert(policy, kind="SLA policy", unique=NAMED)


def policy_update(*, policy: SlaPolicy, data: dict) -> SlaPolicy:
    changes = _policy_changes(policy.organization_id, data, policy)
    return configuration.update(policy, changes, kind="SLA policy", unique=NAMED)


def policy_delete(*, policy: SlaPolicy) -> bool:
    referenced = (
        incidents.Incident.objects(organization_id=policy.organization_id)
        .filter(__raw__={"sla.policy.id": str(policy.id)})
        .only("id")
        .first()
        is not None
    )
    return configuration.delete_or_deactivate(policy, referenced=referenced)


# --- settings ------------------------------------------------------------------------------


def settings_update(*, organization_id: ObjectId, data: dict) -> SlaSettings:
    values: dict[str, Any] = {**data, "updated_at": now()}
    defaults = {"auto_close_days": DEFAULT_AUTO_CLOSE_DAYS}
    update = {
        "$set": values,
        "$setOnInsert": {key: value for key, value in defaults.items() if key not in values},
    }
    collection = SlaSettings._get_collection()
    try:
        collection.update_one({"organization_id": organization_id}, update, upsert=True)
    except (DuplicateKeyError, OperationFailure) as exc:  # a concurrent first write won
        if not isinstance(exc, DuplicateKeyError) and "UNIQUE constraint failed" not in str(exc):
            raise
        collection.update_one({"organization_id": organization_id}, {"$set": values})
    orgcache.changed(organization_id)
    return selectors.settings_of(organization_id=organization_id)


# --- the clocks of each incident ----------------------------------------------------------


def _utc(value):
    """Stored clocks with every time aware UTC (stores differ in what they hand back)."""
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, dict):
        return {key: _utc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_utc(item) for item in value]
    return value


def _facts(raw: dict) -> dict:
    basic = raw.get("basic_info") or {}
    group = (raw.get("current_assignment_info") or {}).get("support_group")
    return {
        "priority_id": basic.get("priority_id"),
        "incident_type_id": (basic.get("incident_type") or {}).get("id"),
        "service_id": basic.get("impact_service") or None,
        "support_group_id": group.get("id") if isinstance(group, dict) else None,
    }


def incident_clocks(
    *, principal: Principal, before: dict | None, after: dict, change, moment: datetime
) -> dict:
    """The incidents planner: `{"sla": clocks}` when a change moves them, else nothing."""
    organization_id = after.get("organization_id") or principal.organization_id
    config = selectors.sla_config(organization_id=organization_id)
    policy = config.policy_for(_facts(after))
    stored = _utc(after.get("sla"))
    if policy is None:
        return {} if stored is None else {"sla": None}
    choices = incidents.choices
    status_id = after["basic_info"]["status_id"]
    responded = change is not None and RESPONDED in change.facts
    if (
        stored is not None
        and stored.get("fingerprint") == policy.fingerprint
        and before is not None
        and before["basic_info"]["status_id"] == status_id
        and not (responded and stored.get("response") and not stored["response"]["met_at"])
    ):
        return {}
    state_id = after["basic_info"]["state_id"]
    facts = clocks.Facts(
        created_at=as_utc(after["creation_time"]),
        status_id=status_id,
        open=state_id == choices.STATE_OPEN,
        resolved=status_id == choices.STATUS_RESOLVED,
        final=state_id == choices.STATE_CLOSED,
        responded=responded,
    )
    sla, marks = clocks.plan(
        organization_id=organization_id,
        before=stored,
        facts=facts,
        policy=policy,
        calendar=config.calendar(policy.calendar_id),
        moment=moment,
    )
    for name in marks:
        if change is not None:
            change.record(
                action=clocks.BREACH, field_name=f"sla.{name}", new=isoformat(sla[name]["due_at"])
            )
    return {"sla": sla}


def render(value: dict) -> dict:
    """The `sla` of the incident representation (incidents.hooks section)."""
    sla = _utc(value)
    config = selectors.sla_config(organization_id=sla["organization_id"])
    out = clocks.view(sla, config.calendar(sla.get("calendar_id")), now())
    for name in clocks.CLOCKS:
        clock = out[name]
        if clock is not None:
            for key in ("due_at", "met_at"):
                clock[key] = isoformat(clock[key])
    return out


def announce(*, principal: Principal, incident, change) -> None:
    """The incidents listener: one event per warning or breach a committed change marked."""
    for entry in change.history:
        event = EVENTS.get(entry["action"])
        if event:
            clock = entry["field"].removeprefix("sla.")
            incidents.incident_event(
                principal=principal, incident=incident, event=event, extra={"sla_clock": clock}
            )


# --- the jobs ------------------------------------------------------------------------------


def _principals():
    found: dict[ObjectId, Principal] = {}

    def of(organization_id: ObjectId) -> Principal:
        if organization_id not in found:
            found[organization_id] = system_principal(organization_id=organization_id)
        return found[organization_id]

    return of


def mark_due(*, moment: datetime | None = None, limit: int = 500) -> int:
    """Mark every warning and breach due by `moment`; answers how many were marked."""
    moment = moment or now()
    principal_of = _principals()
    marked = 0
    for incident in incidents.incidents_sla_due(moment=moment, limit=limit):
        if should_stop():  # the runner is stopping, or the lease is lost: the next run goes on
            break
        done: list = []

        def plan(current, done=done):
            change = incidents.Change()
            stored = _utc(current.sla)
            done.clear()
            if not stored:
                return change
            updated, found = clocks.marks(stored, moment)
            done.extend(found)
            if not found:
                if updated["next_at"] != stored.get("next_at"):  # nothing left: stop scanning
                    change.set["sla.next_at"] = updated["next_at"]
                return change
            change.set["sla"] = updated
            for name, mark in found:
                at = updated[name]["due_at" if mark == clocks.BREACH else "warn_at"]
                change.record(action=mark, field_name=f"sla.{name}", new=isoformat(at))
            return change

        try:
            incidents.incident_system_change(
                principal=principal_of(incident.organization_id), incident=incident, plan=plan
            )
        except DomainError:  # deleted meanwhile, or too busy: the next run takes it
            continue
        marked += len(done)
    return marked


def _auto_close_groups() -> list[tuple[int, dict]]:
    """(days, organization filter) of every auto-close period in use."""
    stored: dict[int | None, list[ObjectId]] = {}
    for settings in SlaSettings.objects.only("organization_id", "auto_close_days"):
        stored.setdefault(settings.auto_close_days, []).append(settings.organization_id)
    groups = [(days, {"$in": ids}) for days, ids in stored.items() if days is not None]
    every_stored = [org for ids in stored.values() for org in ids]
    groups.append((DEFAULT_AUTO_CLOSE_DAYS, {"$nin": every_stored}))
    return groups


def auto_close(*, moment: datetime | None = None, limit: int = 500) -> int:
    """Close the incidents resolved `auto_close_days` ago and not reopened since."""
    moment = moment or now()
    principal_of = _principals()
    closed = 0
    for days, organizations in _auto_close_groups():
        cutoff = moment - timedelta(days=days)
        found = incidents.incidents_resolved_before(
            cutoff=cutoff, limit=limit, organization_id=organizations
        )
        for incident in found:
            if should_stop():
                return closed
            note = f"Closed automatically: resolved and not reopened for {days} days."
            try:
                stored = incidents.incident_auto_close(
                    principal=principal_of(incident.organization_id),
                    incident=incident,
                    resolved_before=cutoff,
                    note=note,
                )
            except DomainError:
                continue
            closed += stored is not None
    return closed
