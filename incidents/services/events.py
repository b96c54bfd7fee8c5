"""Which webhook event an incident change is (see servicedesk.webhooks)."""

from incidents import choices
from incidents.services.common import Change
from servicedesk.tenancy.services import Principal
from servicedesk.webhooks.services import emit

STATUS_EVENTS = {
    choices.STATUS_RESOLVED: "incident.resolved",
    choices.STATUS_CLOSED: "incident.closed",
    choices.STATUS_CANCELLED: "incident.closed",
}


def event_of(change: Change) -> str | None:
    """The event of a committed change: a status move names it, other edits are updates."""
    if change.empty:
        return None
    for entry in change.history:
        if entry["field"] == "basic_info.status_id":
            if entry["action"] == "reopened":
                return "incident.reopened"
            return STATUS_EVENTS.get(entry["new"], "incident.updated")
    return "incident.updated"


def incident_changed(*, principal: Principal, incident, change: Change) -> None:
    event = event_of(change)
    if event:
        emit(principal=principal, event=event, incident=incident)


def incident_event(*, principal: Principal, incident, event: str) -> None:
    emit(principal=principal, event=event, incident=incident)
