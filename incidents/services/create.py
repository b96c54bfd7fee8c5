"""Creating an incident from the listing's flat body."""

import logging

from mongoengine.errors import NotUniqueError

from incidents import choices, hooks
from incidents.documents import (
    DESCRIPTION_MAX,
    SUMMARY_MAX,
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
from incidents.selectors import open_counts
from incidents.services import config as cfg
from incidents.services import events
from incidents.services.events import incident_event
from incidents.services.links import own_references
from incidents.services.requesters import owes_directory
from servicedesk import mongo
from servicedesk.errors import Conflict, invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

DEFAULT_STATUS = choices.STATUS_NEW
DEFAULT_URGENCY = choices.URGENCY_MEDIUM
DEFAULT_IMPACT = choices.IMPACT_USER
DEFAULT_SOURCE = 5  # API: the caller is an API key
DEFAULT_TYPE = 1  # Incident
MAX_NUMBER_DRAWS = 50

log = logging.getLogger(__name__)


def next_display_number(*, organization_id) -> int:
    """The organization's next incident number, from one `$inc` on its counter.

    The `$inc` is atomic on every supported server, so it never hands a number out
    twice. The unique index on `number_key` (organization, display_id) stays as the safety net
    (a counter lowered by hand, say): it refuses a second insert of a number and
    `incident_create` draws again, so no number is ever stored twice.
    """
    counter = mongo.update_by_id(
        Counter._get_collection(),
        f"{organization_id}:incident",
        {"$inc": {"seq": 1}},
        first={"seq": 1},
    )
    return counter["seq"]


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
    config: cfg.OrgConfig, *, impact_id: int, urgency_id: int, priority, field: str = "priority_id"
) -> choices.Choice:
    """The priority of the organization's matrix; a contradicting one sent is a 400."""
    expected = cfg.priority_for(config, impact_id, urgency_id)
    if priority is not None and priority.id != expected.id:
        raise invalid(
            field,
            f"Priority follows from impact x urgency: expected {expected.id} "
            f"({expected.name}), got {priority.id} ({priority.name}).",
            code="priority_mismatch",
        )
    return expected


def _source(config: cfg.OrgConfig, ref: dict | None) -> cfg.Entry:
    """The source the body names by id, name or both (they must agree); API by default."""
    ref = ref or {}
    by_id = cfg.picklist_choice(config, "sources", ref.get("id"), field="incident_source")
    by_name = cfg.picklist_choice(config, "sources", ref.get("name"), field="incident_source")
    if by_id is not None and by_name is not None and by_id.id != by_name.id:
        raise invalid(
            "incident_source",
            f"incident_source: source id {by_id.id} is {by_id.name!r}, not {ref['name'][:60]!r}.",
            code="mismatch",
        )
    found = by_id or by_name
    if found is None:
        default = choices.SOURCES.by_id(DEFAULT_SOURCE)
        return cfg.Entry(default.id, default.name)
    return found


def _catalogue_fields(config: cfg.OrgConfig, data: dict) -> tuple[dict, str | None]:
    """The basic_info fields of the service and classification, and the service's
    default group id. Without a catalogue, today's free text is kept."""
    given = {
        name: data.get(name, "")
        for name in (
            "catalogue",
            "impact_service",
            "impact_service_name",
            "service_classification",
            "service_classification_name",
        )
    }
    if not cfg.has_services(config):
        return given, None
    service = cfg.service_ref(
        config, given["impact_service"] or given["impact_service_name"], field="impact_service"
    )
    kind = cfg.classification_of(
        service,
        given["service_classification"] or given["service_classification_name"],
        field="service_classification",
    )
    return {
        "catalogue": given["catalogue"],
        "impact_service": service.id if service else "",
        "impact_service_name": service.name if service else "",
        "service_classification": str(kind.id) if kind else "",
        "service_classification_name": kind.name if kind else "",
    }, (service.default_group_id if service else None)


def _assignment(principal: Principal, config: cfg.OrgConfig, data: dict, default_group_id):
    """(group, assignee): as the body names them; the service's group when none is named;
    the group's automatic pick when no one is."""
    group = cfg.group_ref(config, data.get("support_group", ""), field="support_group")
    if group is None and default_group_id is not None:
        found = config.directory.groups.get(default_group_id)
        if found is not None and found.active:
            group = {"id": found.id, "name": found.name}
    assignee = cfg.agent_ref(config, data.get("assignee", ""), field="assignee", group=group)
    if assignee is None:
        assignee = cfg.auto_assignee(
            principal,
            config,
            group,
            lambda agent_ids: open_counts(principal=principal, agent_ids=agent_ids),
        )
    return group, assignee


def incident_create(*, principal: Principal, data: dict) -> Incident:
    """Store a new incident from the validated flat create body.

    Everything it names of the organization's configuration is checked and
    resolved (services.config). Someone assigned to a New incident makes it
    Assigned, as the workflow's `assign` move does.
    """
    config = cfg.config_of(principal)
    resolved = data["resolved"]
    status, state = _status_and_state(resolved, data)
    urgency = _pick(resolved, "urgency", choices.URGENCIES, DEFAULT_URGENCY)
    impact = _pick(resolved, "impact", choices.IMPACTS, DEFAULT_IMPACT)
    priority = check_priority(
        config, impact_id=impact.id, urgency_id=urgency.id, priority=resolved.get("priority")
    )
    source = _source(config, data.get("incident_source"))
    kind = _pick(resolved, "incident_type", choices.INCIDENT_TYPES, DEFAULT_TYPE)
    resolution = cfg.picklist_choice(
        config, "resolution_types", data.get("resolution_type"), field="resolution_type"
    )
    catalogue_fields, default_group_id = _catalogue_fields(config, data)
    custom_data, custom_list = cfg.custom_fields(config, kind.id, data.get("custom_field_data", {}))
    group, assignee = _assignment(principal, config, data, default_group_id)
    moment = now()
    actor = principal.actor_id
    history = [HistoryEntry(at=moment, actor_id=actor, action="created")]
    if assignee is not None:
        history.append(
            HistoryEntry(
                at=moment,
                actor_id=actor,
                action="assigned",
                field="current_assignment_info.assignee",
                new=assignee,
            )
        )
        if status.id == choices.STATUS_NEW:
            status = choices.STATUSES.by_id(choices.STATUS_ASSIGNED)

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
            resolution_type=resolution.name if resolution else "",
            is_first_call=data.get("is_first_call", False),
            **catalogue_fields,
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
            support_group=group,
            assignee=assignee,
            assigned_at=moment if (assignee or group) else None,
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
        reference=own_references(given=data.get("reference", []), stored=[]),
        template_info=data.get("template_info", {}),
        impacted_asset=data.get("assets", []),
        current_watcher=data.get("watcher", []),
        custom_field=custom_list if custom_list is not None else data.get("custom_field", []),
        custom_field_data=custom_data,
        location=data.get("location", {}),
        tag=data.get("tag", []),
        kb=data.get("kb", []),
        creation_time=moment,
        created_by_id=actor,
        last_update_time=moment,
        updated_by_id=actor,
        history=history,
    )
    planned = hooks.planned_sets(
        principal=principal,
        before=None,
        after=incident.to_mongo().to_dict(),
        change=None,
        moment=moment,
    )
    for name, value in planned.items():  # top-level fields of apps above (`sla`)
        setattr(incident, name, value)
    if owes_directory(incident.requester.email):  # paid by the directory job (requesters)
        incident.directory_pending = moment
    _insert_with_number(incident, prefix=kind.prefix.upper())
    incident_event(principal=principal, incident=incident, event=events.CREATED)
    if assignee is not None:
        incident_event(principal=principal, incident=incident, event=events.ASSIGNED)
    return incident


# Template fields that fill a body's blank field of the same name.
_TEMPLATE_TEXT = (
    "summary",
    "description",
    "support_group",
    "assignee",
    "impact_service",
    "service_classification",
)


def incident_template_fill(*, principal: Principal, body: dict) -> dict:
    """The create body with its template's fields wherever the body gives none.

    `template_id` names an active template of the organization (by id or name); the
    incident records it in `template_info`. A blank value ("", null, [] or {}) counts
    as not given, as in the listing's example; `custom_field_data` is merged, the
    body's keys winning.
    """
    if not isinstance(body, dict):
        return body  # not an object: the body's own validation says so
    ref = body.get("template_id")
    if ref is None or ref == "":
        return body
    if not isinstance(ref, str) or len(ref) > 200:
        raise invalid("template_id", "Expected a template's id or name.")
    template = cfg.config_of(principal).catalogue.template(ref)
    if template is None or not template.active:
        raise invalid(
            "template_id",
            f"No active template {ref[:60]!r} in this organization.",
            "unknown_template",
        )
    filled = dict(body)
    for key, value in template.fields.items():
        given = body.get(key)
        if key == "custom_field_data":
            filled[key] = {**value, **(given if isinstance(given, dict) else {})}
        elif key in ("urgency_id", "impact_id"):
            named = body.get(key.removesuffix("_id"))
            if given in (None, "") and named in (None, ""):
                filled[key] = value
        elif key == "incident_type":
            if not given:
                filled[key] = {"id": value} if isinstance(value, int) else {"name": value}
        elif given in (None, "", [], {}):
            filled[key] = value
    filled["template_info"] = {"id": template.id, "name": template.name}
    return filled


def give_back_display_number(*, organization_id, number: int) -> bool:
    """Undo the draw of `number` if it is still the last one drawn (a conditional `$inc`
    of -1); answers whether it was given back. When another create drew a number since,
    `number` stays a gap: giving it back then would hand out a number twice."""
    result = Counter._get_collection().update_one(
        {"_id": f"{organization_id}:incident", "seq": number}, {"$inc": {"seq": -1}}
    )
    return result.modified_count == 1


def _insert_with_number(incident: Incident, *, prefix: str) -> None:
    """Draw a number, then insert: two round trips, no transaction.

    A transaction around them would add a third (its commit) to every create. Instead,
    an insert that fails after its draw gives the number back when no other was drawn
    since (`give_back_display_number`), so a failed create leaves no gap; a process
    that dies between the draw and the insert leaves one (the number is never used),
    and the unique index on `number_key` (organization, display_id) makes any other outcome
    harmless.
    """
    for _ in range(MAX_NUMBER_DRAWS):
        number = next_display_number(organization_id=incident.organization_id)
        incident.display_number = number
        incident.display_id = f"{prefix}-{number}"
        try:
            incident.save(force_insert=True)
            return
        except NotUniqueError:
            incident.id = None  # drawn twice (see next_display_number): draw again
        except BaseException:
            incident.id = None
            _give_back_quietly(incident.organization_id, number)
            raise
    raise Conflict("Could not allocate an incident number; try again.", code="busy")


def _give_back_quietly(organization_id, number: int) -> None:
    """Give the number back, best effort: the insert's own error is what the caller sees
    (the database may be the thing that failed)."""
    try:
        give_back_display_number(organization_id=organization_id, number=number)
    except Exception:  # a gap is harmless (see _insert_with_number)
        log.warning("incident number %s of %s not given back", number, organization_id)


def incident_create_from_mail(
    *,
    principal: Principal,
    summary: str,
    description: str,
    requester_name: str,
    requester_email: str,
    reference: list[dict] | None = None,
) -> Incident:
    """A new incident from an inbound mail: source Email, the sender as requester.

    The requester's name comes from the organization's requester directory when the
    mail gives none (an address alone in `From`).
    """
    if not requester_name and "@" in requester_email:
        known = RequesterEntry.objects(
            organization_id=principal.organization_id, email=requester_email
        ).first()
        if known is not None:
            requester_name = known.name or ""
    data = {
        "resolved": {},
        "summary": summary[:SUMMARY_MAX],
        "description": description[:DESCRIPTION_MAX],
        "incident_source": {"id": choices.SOURCE_EMAIL},
        "requester_name": requester_name[:200],
        "requester_email": requester_email[:254],
        "reference": reference or [],
    }
    return incident_create(principal=principal, data=data)
