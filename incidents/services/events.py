"""The incident events: their names, which change is which, and their payloads.

Incidents own their events; the webhooks package only delivers what it is given.
"""

from incidents import choices
from incidents.documents import Incident
from incidents.representation import incident_data
from incidents.services.common import Change
from servicedesk.tenancy.principal import Principal
from servicedesk.webhooks.services import emit

CREATED = "incident.created"
UPDATED = "incident.updated"
RESOLVED = "incident.resolved"
REOPENED = "incident.reopened"
CLOSED = "incident.closed"
DELETED = "incident.deleted"
RESTORED = "incident.restored"
ASSIGNED = "incident.assigned"
# Conversations announce theirs through `incident_event` too (conversation.created).
EVENTS = (CREATED, UPDATED, RESOLVED, REOPENED, CLOSED, DELETED, RESTORED, ASSIGNED)

STATUS_EVENTS = {
    choices.STATUS_RESOLVED: RESOLVED,
    choices.STATUS_CLOSED: CLOSED,
    choices.STATUS_CANCELLED: CLOSED,
}


def event_of(change: Change) -> str | None:
    """The event of a committed change: a status move to Resolved, Closed or Cancelled, or
    a reopen, names it; then a new assignee; other edits are updates."""
    if change.empty:
        return None
    for entry in change.history:
        if entry["field"] == "basic_info.status_id":
            if entry["action"] == "reopened":
                return REOPENED
            if entry["new"] in STATUS_EVENTS:
                return STATUS_EVENTS[entry["new"]]
    if any(
        entry["field"] == "current_assignment_info.assignee" and entry["new"]
        for entry in change.history
    ):
        return ASSIGNED
    return UPDATED


def incident_changed(*, principal: Principal, incident: Incident, change: Change) -> None:
    event = event_of(change)
    if event:
        incident_event(principal=principal, incident=incident, event=event)


def incident_event(
    *, principal: Principal, incident: Incident, event: str, extra: dict | None = None
) -> None:
    """Send `event` with the incident as it is now (and `extra` payload of the caller's)."""
    emit(
        principal=principal,
        event=event,
        payload={"incident": incident_data(incident), **(extra or {})},
        incident_id=incident.id,
    )
