"""Workflow actions on one incident: resolve, reopen, close, cancel, trash, restore.

Each is planned against the incident as read and committed with one
compare-and-set (see `common.commit`), so two agents acting on the same
incident at once get one success and one clear refusal, never two history
entries for one move.
"""

from incidents import choices, transitions
from incidents.documents import Incident
from incidents.services.common import Change, IncidentGone, commit, load
from incidents.services.events import incident_changed, incident_event
from servicedesk.api.exceptions import field_error
from servicedesk.tenancy.services import Principal
from servicedesk.timeutil import now


def _committed(principal: Principal, incident: Incident, plan) -> Incident:
    """Commit `plan` and announce the change to webhooks."""
    stored, change = commit(principal=principal, incident=incident, plan=plan)
    incident_changed(principal=principal, incident=stored, change=change)
    return stored


def status_change(change: Change, current: Incident, to_status_id: int, *, action: str) -> None:
    """Move the status (and the state that goes with it), recorded as `action`."""
    status = choices.STATUSES.by_id(to_status_id)
    state = choices.STATES.by_id(status.state_id)
    info = current.basic_info
    change.set.update(
        {
            "basic_info.status_id": status.id,
            "basic_info.status": status.name,
            "basic_info.state_id": state.id,
            "basic_info.state": state.name,
        }
    )
    change.record(
        action=action, field_name="basic_info.status_id", old=info.status_id, new=status.id
    )


def _resolution_type(value) -> choices.Choice:
    try:
        return choices.resolve_choice(
            choices.RESOLUTION_TYPES,
            id=value if isinstance(value, int) else None,
            name=value if isinstance(value, str) else None,
            field="resolution_type",
        )
    except choices.ChoiceError as exc:
        raise field_error("resolution_type", exc.message, code=exc.code) from None


def resolution_fields(resolution_type, closure_note: str, actor: str) -> dict:
    kind = _resolution_type(resolution_type)
    return {
        "basic_info.resolution_type": kind.name,
        "close_info.resolution_type": kind.name,
        "close_info.resolution_type_id": kind.id,
        "close_info.closure_note": closure_note,
        "close_info.resolved_at": now(),
        "close_info.resolved_by": actor,
    }


def reopen_fields(reason: str) -> dict:
    return {
        "close_info.last_reopen_reason": reason,
        "close_info.resolved_at": None,
        "close_info.resolved_by": "",
    }


def close_fields(closure_note: str, actor: str) -> dict:
    fields = {"close_info.closed_at": now(), "close_info.closed_by": actor}
    if closure_note:
        fields["close_info.closure_note"] = closure_note
    return fields


def cancel_fields(reason: str, actor: str) -> dict:
    return {
        "close_info.cancel_reason": reason,
        "close_info.closed_at": now(),
        "close_info.closed_by": actor,
    }


def incident_resolve(
    *, principal: Principal, incident: Incident, resolution_type, closure_note: str
) -> Incident:
    def plan(current: Incident) -> Change:
        transitions.check_transition(
            current.basic_info.status_id,
            choices.STATUS_RESOLVED,
            {"resolution_type": resolution_type, "closure_note": closure_note},
        )
        change = Change()
        change.set.update(resolution_fields(resolution_type, closure_note, principal.actor_id))
        status_change(change, current, choices.STATUS_RESOLVED, action="resolved")
        return change

    return _committed(principal, incident, plan)


def incident_reopen(*, principal: Principal, incident: Incident, reason: str) -> Incident:
    def plan(current: Incident) -> Change:
        if current.basic_info.status_id != choices.STATUS_RESOLVED:
            raise transitions.TransitionError(
                "invalid_transition",
                f"Only a Resolved incident can be reopened; this one is "
                f"{current.basic_info.status}.",
                field="incident_id",
            )
        transitions.check_transition(
            choices.STATUS_RESOLVED, choices.STATUS_IN_PROGRESS, {"reason": reason}
        )
        change = Change()
        change.set.update(reopen_fields(reason))
        change.inc["close_info.reopen_count"] = 1
        status_change(change, current, choices.STATUS_IN_PROGRESS, action="reopened")
        return change

    return _committed(principal, incident, plan)


def incident_close(*, principal: Principal, incident: Incident, closure_note: str = "") -> Incident:
    def plan(current: Incident) -> Change:
        transitions.check_transition(
            current.basic_info.status_id, choices.STATUS_CLOSED, {"closure_note": closure_note}
        )
        change = Change()
        change.set.update(close_fields(closure_note, principal.actor_id))
        status_change(change, current, choices.STATUS_CLOSED, action="closed")
        return change

    return _committed(principal, incident, plan)


def incident_cancel(*, principal: Principal, incident: Incident, reason: str) -> Incident:
    def plan(current: Incident) -> Change:
        transitions.check_transition(
            current.basic_info.status_id, choices.STATUS_CANCELLED, {"reason": reason}
        )
        change = Change()
        change.set.update(cancel_fields(reason, principal.actor_id))
        status_change(change, current, choices.STATUS_CANCELLED, action="cancelled")
        return change

    return _committed(principal, incident, plan)


def incident_close_or_cancel(
    *, principal: Principal, incident: Incident, closure_note: str = "", reason: str = ""
) -> Incident:
    """`close_inci_request/`: close a Resolved incident, or cancel an open one (reason needed)."""
    if transitions.is_open(incident.basic_info.status_id):
        return incident_cancel(principal=principal, incident=incident, reason=reason)
    return incident_close(principal=principal, incident=incident, closure_note=closure_note)


def incident_delete(*, principal: Principal, incident: Incident, permanent: bool = False) -> None:
    """Move to the trash (kept, restorable), or delete for good (admin keys)."""
    if permanent:
        result = Incident._get_collection().delete_one(
            {"_id": incident.id, "organization_id": principal.organization_id}
        )
        if result.deleted_count != 1:
            raise IncidentGone
        _purge_dependents(principal=principal, incident=incident)
        incident_event(principal=principal, incident=incident, event="incident.deleted")
        return

    def plan(current: Incident) -> Change:
        change = Change()
        change.set.update(
            {"is_deleted": True, "deleted_at": now(), "deleted_by_id": principal.actor_id}
        )
        change.record(action="deleted")
        return change

    stored, _ = commit(principal=principal, incident=incident, plan=plan)
    incident_event(principal=principal, incident=stored, event="incident.deleted")


def _purge_dependents(*, principal: Principal, incident: Incident) -> None:
    """A permanent delete takes the incident's conversations, files and feedback with it."""
    from attachments.services import attachments_purge
    from conversations.documents import Conversation
    from incidents.documents import Feedback

    scope = {"organization_id": principal.organization_id, "incident_id": incident.id}
    attachments_purge(**scope)
    Conversation.objects(**scope).delete()
    Feedback.objects(**scope).delete()


def incident_restore(*, principal: Principal, incident: Incident) -> Incident:
    def plan(current: Incident) -> Change:
        change = Change()
        change.set.update({"is_deleted": False, "deleted_at": None, "deleted_by_id": None})
        change.record(action="restored")
        return change

    stored, _ = commit(principal=principal, incident=incident, plan=plan, deleted=True)
    incident_event(principal=principal, incident=stored, event="incident.restored")
    return stored


__all__ = ["IncidentGone", "load"]
