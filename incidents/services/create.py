"""Creating an incident from the listing's flat body."""

from mongoengine.errors import NotUniqueError
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from incidents import choices
from incidents.documents import (
    AssignmentInfo,
    BasicInfo,
    CloseInfo,
    Config,
    Counter,
    HistoryEntry,
    Incident,
    IncidentTypeInfo,
    ReporterInfo,
    Requester,
    RequesterEntry,
    SourceInfo,
)
from incidents.services.events import incident_event
from servicedesk.errors import Conflict, invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

DEFAULT_STATUS = choices.STATUS_NEW
DEFAULT_URGENCY = choices.URGENCY_MEDIUM
DEFAULT_IMPACT = choices.IMPACT_USER
DEFAULT_SOURCE = 5  # API: the caller is an API key
DEFAULT_TYPE = 1  # Incident
MAX_NUMBER_DRAWS = 50


def next_display_number(*, organization_id) -> int:
    """The organization's next incident number, from one `$inc` on its counter.

    On MongoDB the `$inc` alone never hands a number out twice. FerretDB 1.x
    runs it as read-then-write, so there two creates may draw the same number;
    the unique index on (organization, display_id) then refuses the second
    insert and `incident_create` draws again. Either way no number is stored twice.
    """
    counters = Counter._get_collection()
    for _ in range(3):
        try:
            doc = counters.find_one_and_update(
                {"_id": f"{organization_id}:incident"},
                {"$inc": {"seq": 1}},
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
            return doc["seq"]
        except DuplicateKeyError:  # two first-ever upserts raced; the counter exists now
            continue
    raise Conflict("Could not allocate an incident number; try again.", code="busy")


def _pick(resolved: dict, key: str, table, default_id: int):
    return resolved.get(key) or table.by_id(default_id)


def _status_and_state(resolved: dict, data: dict):
    status = resolved.get("status")
    state = resolved.get("state")
    if status is None:
        if state is not None and state.id != choices.STATE_OPEN:
            raise invalid("state_id", "A new incident is Open.", code="invalid_state")
        status = choices.STATUSES.by_id(DEFAULT_STATUS)
    if status.state_id != choices.STATE_OPEN:
        raise invalid(
            "status_id",
            f"A new incident starts in an open status (New, Assigned, In Progress, On Hold), "
            f"not {status.name!r}; resolve or close it afterwards.",
            code="invalid_status",
        )
    if state is not None and state.id != status.state_id:
        raise invalid(
            "state_id",
            f"Status {status.name!r} belongs to state "
            f"{choices.STATES.by_id(status.state_id).name!r}, not {state.name!r}.",
            code="mismatch",
        )
    if status.id == choices.STATUS_ON_HOLD and not hold_reason(data.get("hold_config") or {}):
        raise invalid(
            "hold_config",
            "On Hold needs a hold reason: hold_config.reason (or hold_config.hold_reason_id).",
            code="missing_field",
        )
    return status, choices.STATES.by_id(status.state_id)


def hold_reason(hold_config: dict):
    return (
        hold_config.get("reason")
        or hold_config.get("hold_reason_id")
        or hold_config.get("hold_reason")
    )


def check_priority(
    *, impact_id: int, urgency_id: int, priority, field: str = "priority_id"
) -> choices.Choice:
    """The priority of the matrix; a contradicting one sent by the client is a 400."""
    expected = choices.PRIORITIES.by_id(choices.priority_for(impact_id, urgency_id))
    if priority is not None and priority.id != expected.id:
        raise invalid(
            field,
            f"Priority follows from impact x urgency: expected {expected.id} "
            f"({expected.name}), got {priority.id} ({priority.name}).",
            code="priority_mismatch",
        )
    return expected


def incident_create(*, principal: Principal, data: dict) -> Incident:
    """Store a new incident from the validated flat create body."""
    resolved = data["resolved"]
    status, state = _status_and_state(resolved, data)
    urgency = _pick(resolved, "urgency", choices.URGENCIES, DEFAULT_URGENCY)
    impact = _pick(resolved, "impact", choices.IMPACTS, DEFAULT_IMPACT)
    priority = check_priority(
        impact_id=impact.id, urgency_id=urgency.id, priority=resolved.get("priority")
    )
    source = _pick(resolved, "incident_source", choices.SOURCES, DEFAULT_SOURCE)
    kind = _pick(resolved, "incident_type", choices.INCIDENT_TYPES, DEFAULT_TYPE)
    moment = now()
    actor = principal.actor_id
    assignee = data.get("assignee", "")
    support_group = data.get("support_group", "")

    incident = Incident(
        organization_id=principal.organization_id,
        basic_info=BasicInfo(
            summary=data["summary"],
            description=data.get("description", ""),
            state=state.name,
            state_id=state.id,
            status=status.name,
            status_id=status.id,
            urgency=urgency.name,
            urgency_id=urgency.id,
            impact=impact.name,
            impact_id=impact.id,
            priority=priority.name,
            priority_id=priority.id,
            incident_type=IncidentTypeInfo(id=kind.id, name=kind.name, prefix=kind.prefix),
            catalogue=data.get("catalogue", ""),
            impact_service=data.get("impact_service", ""),
            impact_service_name=data.get("impact_service_name", ""),
            service_classification=data.get("service_classification", ""),
            service_classification_name=data.get("service_classification_name", ""),
            resolution_type=data.get("resolution_type", ""),
            is_first_call=data.get("is_first_call", False),
        ),
        requester=Requester(
            id=data.get("requester_id", ""),
            name=data.get("requester_name", ""),
            email=data.get("requester_email", ""),
            phone=data.get("requester_phone", ""),
        ),
        reporter_info=ReporterInfo(
            name=data.get("reporter_name", ""),
            email=data.get("reporter_email", ""),
            phone=data.get("reporter_phone", ""),
        ),
        source_info=SourceInfo(id=source.id, name=source.name),
        current_assignment_info=AssignmentInfo(
            support_group=support_group,
            assignee=assignee,
            assigned_at=moment if (assignee or support_group) else None,
        ),
        close_info=CloseInfo(),
        config=Config(
            hold_config=data.get("hold_config", {}),
            escalation=data.get("escalation", {}),
            approval_config=data.get("approval_config", {}),
            lock_config=data.get("lock_config", {}),
            field_service_config=data.get("field_service_config", {}),
            api_link=data.get("api_link", {}),
            general=data.get("config", {}),
        ),
        reference=data.get("reference", []),
        template_info=data.get("template_info", {}),
        impacted_asset=data.get("assets", []),
        current_watcher=data.get("watcher", []),
        custom_field=data.get("custom_field", []),
        custom_field_data=data.get("custom_field_data", {}),
        location=data.get("location", {}),
        tag=data.get("tag", []),
        kb=data.get("kb", []),
        creation_time=moment,
        created_by_id=actor,
        last_update_time=moment,
        updated_by_id=actor,
        history=[HistoryEntry(at=moment, actor_id=actor, action="created")],
    )
    _insert_with_number(incident, prefix=kind.prefix.upper())
    requester_record(principal=principal, requester=incident.requester, moment=moment)
    incident_event(principal=principal, incident=incident, event="incident.created")
    return incident


def _insert_with_number(incident: Incident, *, prefix: str) -> None:
    for _ in range(MAX_NUMBER_DRAWS):
        number = next_display_number(organization_id=incident.organization_id)
        incident.display_number = number
        incident.display_id = f"{prefix}-{number}"
        try:
            incident.save(force_insert=True)
            return
        except NotUniqueError:
            incident.id = None  # drawn twice (see next_display_number): draw again
    raise Conflict("Could not allocate an incident number; try again.", code="busy")


def requester_record(*, principal: Principal, requester: Requester, moment) -> None:
    """Keep the organization's requester directory up to date (one upsert, by email)."""
    if "@" not in requester.email:  # none given, or a placeholder that is no address
        return
    RequesterEntry.objects(
        organization_id=principal.organization_id, email=requester.email
    ).update_one(
        set__name=requester.name,
        set__phone=requester.phone,
        set__requester_id=requester.id,
        set__last_seen=moment,
        inc__incident_count=1,
        upsert=True,
    )
