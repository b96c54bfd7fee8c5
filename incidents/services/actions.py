"""Workflow actions on one incident: resolve, reopen, close, cancel, trash, restore.

Each is planned against the incident as read and committed with one
compare-and-set (see `common.commit`), so two agents acting on the same
incident at once get one success and one clear refusal, never two history
entries for one move.
"""

from incidents import choices, transitions
from incidents.documents import Feedback, Incident
from incidents.services import config as cfg
from incidents.services.common import Change, IncidentGone, commit, load
from incidents.services.dependents import purge_dependents
from incidents.services.events import incident_changed, incident_event
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import as_utc, now


def _committed(principal: Principal, incident: Incident, plan) -> Incident:
    """Commit `plan` and announce the change to webhooks."""
    stored, change = commit(principal=principal, incident=incident, plan=plan)
    incident_changed(principal=principal, incident=stored, change=change)
    return stored


def incident_move(
    *, principal: Principal, incident: Incident, action: str, provided: dict
) -> Incident:
    """Resolve, reopen, close or cancel (`action`), as the workflow table says.

    `provided` holds what the move may need: `resolution_type`, `closure_note`,
    `reason`. Checked against the status the incident really has when written.
    """

    if provided.get("resolution_type") not in (None, ""):
        provided = {
            **provided,
            "resolution_type": cfg.picklist_ref(
                cfg.config_of(principal),
                "resolution_types",
                provided["resolution_type"],
                field="resolution_type",
            ),
        }

    def plan(current: Incident) -> Change:
        change = Change()
        change.move(
            transitions.plan_move(
                from_status_id=current.basic_info.status_id,
                action=action,
                provided=provided,
                actor=principal.actor_id,
                moment=now(),
            )
        )
        return change

    return _committed(principal, incident, plan)


def incident_resolve(
    *, principal: Principal, incident: Incident, resolution_type, closure_note: str
) -> Incident:
    provided = {"resolution_type": resolution_type, "closure_note": closure_note}
    return incident_move(
        principal=principal, incident=incident, action="resolve", provided=provided
    )


def incident_reopen(*, principal: Principal, incident: Incident, reason: str) -> Incident:
    provided = {"reason": reason}
    return incident_move(principal=principal, incident=incident, action="reopen", provided=provided)


def incident_close_or_cancel(
    *, principal: Principal, incident: Incident, closure_note: str = "", reason: str = ""
) -> Incident:
    """`close_inci_request/`: close a Resolved incident, or cancel an open one (reason needed)."""
    action = "cancel" if transitions.is_open(incident.basic_info.status_id) else "close"
    provided = {"closure_note": closure_note, "reason": reason}
    return incident_move(principal=principal, incident=incident, action=action, provided=provided)


def incident_auto_close(
    *, principal: Principal, incident: Incident, resolved_before, note: str
) -> Incident | None:
    """Close a Resolved incident that nobody reopened since `resolved_before` (the system's
    close: `principal` is the system). None when it no longer qualifies (reopened, resolved
    again later, closed by someone): checked against what is stored when written."""

    def plan(current: Incident) -> Change:
        change = Change()
        resolved_at = current.close_info.resolved_at
        if (
            current.basic_info.status_id != choices.STATUS_RESOLVED
            or resolved_at is None
            or as_utc(resolved_at) > resolved_before
        ):
            return change
        move = transitions.plan_move(
            from_status_id=current.basic_info.status_id,
            action="close",
            provided={"closure_note": note},
            actor=principal.actor_id,
            moment=now(),
        )
        change.move(move, action="auto_closed")
        return change

    stored, change = commit(principal=principal, incident=incident, plan=plan)
    if change.empty:
        return None
    incident_changed(principal=principal, incident=stored, change=change)
    return stored


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
    """A permanent delete takes the incident's feedback, conversations and files with it."""
    scope = {"organization_id": principal.organization_id, "incident_id": incident.id}
    Feedback.objects(**scope).delete()
    purge_dependents(**scope)


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
