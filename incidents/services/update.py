"""PUT/PATCH of the incident representation: only what changed is written.

The request is compared with the incident as stored; each changed field
becomes one `$set` path and one history entry. Derived fields follow their
sources: the state follows the status, the priority follows impact x urgency,
`assigned_at` follows the assignee and support group. A status change obeys
the same workflow as the actions (a jump New -> Closed is refused).
"""

from incidents import choices, transitions
from incidents.documents import Incident, as_ref
from incidents.selectors import open_counts
from incidents.services import config as cfg
from incidents.services.common import Change, commit
from incidents.services.create import check_priority, hold_reason
from incidents.services.events import incident_changed
from incidents.services.links import own_references
from incidents.services.requesters import owe_directory
from servicedesk.errors import invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

# Sub-documents whose fields are compared one by one; other fields as a whole.
EMBEDDED = ("basic_info", "requester", "reporter_info", "config")
# Written only by the workflow, the create, or derived from other fields.
DERIVED_BASIC = {
    # Resolved against the organization's catalogue (_plan_catalogue).
    "impact_service",
    "impact_service_name",
    "service_classification",
    "service_classification_name",
    "resolution_type",
    "state",
    "state_id",
    "status",
    "status_id",
    "urgency",
    "urgency_id",
    "impact",
    "impact_id",
    "priority",
    "priority_id",
    "incident_type",
}
WHOLE = (
    "is_archive",
    "unread_mail",
    "reference",
    "template_info",
    "impacted_asset",
    "current_watcher",
    "custom_field",
    "tag",
    "kb",
    "location",
)
ASSIGNMENT = "current_assignment_info"


def _stored(value):
    """Compare mongo forms: embedded documents and lists of them as plain data."""
    return value.to_mongo().to_dict() if hasattr(value, "to_mongo") else value


def changed_enums(basic: dict, current) -> dict[str, choices.Choice]:
    """The enumerations the request names (by id, name or both) that differ from `current`."""
    chosen = choices.resolve_enums(basic, prefix="basic_info.")
    return {key: c for key, c in chosen.items() if c.id != getattr(current, f"{key}_id")}


def plan_update(
    current: Incident,
    data: dict,
    extra: dict,
    principal: Principal,
    config: cfg.OrgConfig,
    turns: dict | None = None,
) -> Change:
    """The change `data` asks of `current`. `turns`: round-robin turns taken by an
    earlier run of this plan (compare-and-set runs it again after a lost race)."""
    change = Change()
    basic = data.get("basic_info", {})
    chosen = changed_enums(basic, current.basic_info)

    for group in EMBEDDED:
        given = data.get(group)
        if not given:
            continue
        stored = getattr(current, group)
        for name, value in given.items():
            if group == "basic_info" and name in DERIVED_BASIC:
                continue
            change.put(f"{group}.{name}", _stored(getattr(stored, name)), value)
    for name in WHOLE:
        if name in data:
            value = data[name]
            if name == "reference":
                value = own_references(given=value, stored=_stored(current.reference))
            change.put(name, _stored(getattr(current, name)), value)

    _plan_catalogue(change, current, basic, config)
    _plan_custom_fields(change, current, data, config)
    _plan_priority(change, current, chosen, config)
    _plan_status(change, current, chosen, data, extra, principal.actor_id, config)
    _plan_assignment(change, current, data.get(ASSIGNMENT) or {}, principal, config, turns)
    if any(path.startswith(f"{ASSIGNMENT}.") for path in change.set):
        change.set[f"{ASSIGNMENT}.assigned_at"] = now()
    owe_directory(change, current.requester)  # paid by the directory job (requesters)
    return change


def _same_ref(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.get("id") is not None or b.get("id") is not None:
        return a.get("id") == b.get("id")
    return a.get("name") == b.get("name")


def _plan_assignment(
    change: Change,
    current: Incident,
    given: dict,
    principal: Principal,
    config: cfg.OrgConfig,
    turns: dict | None,
) -> None:
    """The group and the assignee as asked. A new group that auto-assigns picks a member
    when the request names no one; one that does not keeps the assignee only if they
    belong to it. Assigning a New incident makes it Assigned."""
    info = current.current_assignment_info
    old_group, old_agent = as_ref(info.support_group), as_ref(info.assignee)
    group = old_group
    if "support_group" in given:
        group = cfg.group_ref(config, given["support_group"], field=f"{ASSIGNMENT}.support_group")
        if _same_ref(group, old_group):
            group = old_group
    agent = old_agent
    if "assignee" in given:
        agent = cfg.agent_ref(
            config, given["assignee"], field=f"{ASSIGNMENT}.assignee", group=group
        )
        if _same_ref(agent, old_agent):
            agent = old_agent
    elif group is not old_group:
        picked = cfg.auto_assignee(
            principal,
            config,
            group,
            lambda agent_ids: open_counts(principal=principal, agent_ids=agent_ids),
            turns,
        )
        if picked is not None:
            agent = picked
        elif not cfg.is_member(config, agent, group):
            agent = None
    if group is not old_group:
        change.put(f"{ASSIGNMENT}.support_group", old_group, group)
    if agent is old_agent:
        return
    change.put(f"{ASSIGNMENT}.assignee", old_agent, agent)
    moving = any(entry["field"] == "basic_info.status_id" for entry in change.history)
    if agent is not None and current.basic_info.status_id == choices.STATUS_NEW and not moving:
        change.move(
            transitions.plan_move(
                from_status_id=choices.STATUS_NEW,
                to_status_id=choices.STATUS_ASSIGNED,
                provided={},
                actor=principal.actor_id,
                moment=now(),
            )
        )


def _plan_catalogue(change: Change, current: Incident, basic: dict, config: cfg.OrgConfig):
    """Service, classification and resolution type as asked, checked against the
    organization's catalogue (free text where it has no services)."""
    info = current.basic_info
    names = (
        "impact_service",
        "impact_service_name",
        "service_classification",
        "service_classification_name",
    )
    if any(name in basic for name in names):
        if cfg.has_services(config):
            fields = _service_fields(current, basic, config)
        else:
            fields = {name: basic[name] for name in names if name in basic}
        for name, value in fields.items():
            change.put(f"basic_info.{name}", getattr(info, name), value)
    if "resolution_type" in basic:
        entry = cfg.picklist_choice(
            config,
            "resolution_types",
            basic["resolution_type"],
            field="basic_info.resolution_type",
        )
        change.put("basic_info.resolution_type", info.resolution_type, entry.name if entry else "")


def _service_fields(current: Incident, basic: dict, config: cfg.OrgConfig) -> dict:
    info = current.basic_info
    named = basic.get("impact_service", basic.get("impact_service_name"))
    if named is None:  # the classification alone changes, within the stored service
        named = info.impact_service
    service = cfg.service_ref(config, named, field="basic_info.impact_service")
    kind_ref = basic.get("service_classification", basic.get("service_classification_name"))
    if kind_ref is None and service is not None and service.id == info.impact_service:
        kind_ref = info.service_classification
    kind = cfg.classification_of(service, kind_ref, field="basic_info.service_classification")
    return {
        "impact_service": service.id if service else "",
        "impact_service_name": service.name if service else "",
        "service_classification": str(kind.id) if kind else "",
        "service_classification_name": kind.name if kind else "",
    }


def _plan_custom_fields(change: Change, current: Incident, data: dict, config: cfg.OrgConfig):
    if "custom_field_data" not in data:
        return
    values, listed = cfg.custom_fields(
        config, current.basic_info.incident_type.id, data["custom_field_data"]
    )
    change.put("custom_field_data", _stored(current.custom_field_data), values)
    if listed is not None:
        change.put("custom_field", _stored(current.custom_field), listed)


def _plan_priority(change: Change, current: Incident, chosen: dict, config) -> None:
    """Impact and urgency as asked; the priority follows them.

    A priority the request leaves as stored is recomputed; one it changes must
    agree with the matrix (400 naming the expected value otherwise).
    """
    info = current.basic_info
    impact = chosen.get("impact") or choices.IMPACTS.by_id(info.impact_id)
    urgency = chosen.get("urgency") or choices.URGENCIES.by_id(info.urgency_id)
    priority = check_priority(
        config,
        impact_id=impact.id,
        urgency_id=urgency.id,
        priority=chosen.get("priority"),
        field="basic_info.priority_id",
    )
    for key, choice in (("impact", impact), ("urgency", urgency), ("priority", priority)):
        change.put(f"basic_info.{key}_id", getattr(info, f"{key}_id"), choice.id)
        change.put(f"basic_info.{key}", getattr(info, key), choice.name)


def _plan_status(
    change: Change, current: Incident, chosen: dict, data: dict, extra: dict, actor, config
):
    status = chosen.get("status")
    state = chosen.get("state")
    target_state = status.state_id if status else current.basic_info.state_id
    if state is not None and state.id != target_state:
        raise invalid(
            "basic_info.state_id",
            "The state follows from the status; change the status instead.",
            code="mismatch",
        )
    if status is None:
        return
    hold_config = (data.get("config") or {}).get("hold_config", current.config.hold_config)
    provided = {
        "hold_reason": hold_reason(hold_config or {}),
        "resolution_type": cfg.picklist_choice(
            config,
            "resolution_types",
            data.get("basic_info", {}).get("resolution_type"),
            field="basic_info.resolution_type",
        ),
        "closure_note": extra.get("closure_note"),
        "reason": extra.get("reason"),
    }
    change.move(
        transitions.plan_move(
            from_status_id=current.basic_info.status_id,
            to_status_id=status.id,
            provided=provided,
            actor=actor,
            moment=now(),
        )
    )


def incident_update(
    *,
    principal: Principal,
    incident: Incident,
    data: dict,
    extra: dict | None = None,
    expected_version: int | None = None,
) -> Incident:
    """Apply a validated (partial) representation; `extra` carries workflow notes."""
    extra = extra or {}
    config = cfg.config_of(principal)
    turns: dict = {}  # a round-robin turn is taken once, however often the plan runs
    stored, change = commit(
        principal=principal,
        incident=incident,
        plan=lambda current: plan_update(current, data, extra, principal, config, turns),
        expected_version=expected_version,
    )
    incident_changed(principal=principal, incident=stored, change=change)
    return stored


def incident_rich_text_save(
    *, principal: Principal, incident: Incident, path: str, html: str
) -> Incident:
    """Store sanitized HTML in one rich-text field (`basic_info.description`, ...)."""
    group, name = path.split(".")

    def plan(current: Incident) -> Change:
        change = Change()
        change.put(path, getattr(getattr(current, group), name), html, action="rich_text_saved")
        return change

    stored, change = commit(principal=principal, incident=incident, plan=plan)
    incident_changed(principal=principal, incident=stored, change=change)
    return stored
