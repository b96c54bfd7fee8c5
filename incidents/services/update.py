"""PUT/PATCH of the incident representation: only what changed is written.

The request is compared with the incident as stored; each changed field
becomes one `$set` path and one history entry. Derived fields follow their
sources: the state follows the status, the priority follows impact x urgency,
`assigned_at` follows the assignee and support group. A status change obeys
the same workflow as the actions (a jump New -> Closed is refused).
"""

from incidents import choices, transitions
from incidents.documents import Incident
from incidents.services.common import Change, commit
from incidents.services.create import check_priority, hold_reason, requester_record
from incidents.services.events import incident_changed
from servicedesk.errors import invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

# Sub-documents whose fields are compared one by one; other fields as a whole.
EMBEDDED = ("basic_info", "requester", "reporter_info", "config", "current_assignment_info")
# Written only by the workflow, the create, or derived from other fields.
DERIVED_BASIC = {
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
    "custom_field_data",
    "location",
)


def _stored(value):
    """Compare mongo forms: embedded documents and lists of them as plain data."""
    return value.to_mongo().to_dict() if hasattr(value, "to_mongo") else value


def changed_enums(basic: dict, current) -> dict[str, choices.Choice]:
    """The enumerations the request names (by id, name or both) that differ from `current`."""
    chosen = choices.resolve_enums(basic, prefix="basic_info.")
    return {key: c for key, c in chosen.items() if c.id != getattr(current, f"{key}_id")}


def plan_update(current: Incident, data: dict, extra: dict, actor: str) -> Change:
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
            if group == "current_assignment_info" and name == "assigned_at":
                continue
            change.put(f"{group}.{name}", _stored(getattr(stored, name)), value)
    for name in WHOLE:
        if name in data:
            change.put(name, _stored(getattr(current, name)), data[name])

    _plan_priority(change, current, chosen)
    _plan_status(change, current, chosen, data, extra, actor)
    if any(path.startswith("current_assignment_info.") for path in change.set):
        change.set["current_assignment_info.assigned_at"] = now()
    return change


def _plan_priority(change: Change, current: Incident, chosen: dict) -> None:
    """Impact and urgency as asked; the priority follows them.

    A priority the request leaves as stored is recomputed; one it changes must
    agree with the matrix (400 naming the expected value otherwise).
    """
    info = current.basic_info
    impact = chosen.get("impact") or choices.IMPACTS.by_id(info.impact_id)
    urgency = chosen.get("urgency") or choices.URGENCIES.by_id(info.urgency_id)
    priority = check_priority(
        impact_id=impact.id,
        urgency_id=urgency.id,
        priority=chosen.get("priority"),
        field="basic_info.priority_id",
    )
    for key, choice in (("impact", impact), ("urgency", urgency), ("priority", priority)):
        change.put(f"basic_info.{key}_id", getattr(info, f"{key}_id"), choice.id)
        change.put(f"basic_info.{key}", getattr(info, key), choice.name)


def _plan_status(change: Change, current: Incident, chosen: dict, data: dict, extra: dict, actor):
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
        "resolution_type": data.get("basic_info", {}).get("resolution_type") or None,
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
    stored, change = commit(
        principal=principal,
        incident=incident,
        plan=lambda current: plan_update(current, data, extra, principal.actor_id),
        expected_version=expected_version,
    )
    if any(path.startswith("requester.") for path in change.set):
        requester_record(principal=principal, requester=stored.requester, moment=now())
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
