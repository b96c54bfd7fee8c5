"""What happens beside an incident (conversations, files) and how it shows on the incident.

Other apps call these through `incidents.public`; each is one compare-and-set of
the incident, like every other incident change.
"""

from collections.abc import Callable

from incidents import choices, transitions
from incidents.documents import Incident
from incidents.services.common import Change, commit
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now


def awaiting_requester(incident: Incident) -> bool:
    """On Hold because the desk waits for the requester (reason id 1 or its name)."""
    if incident.basic_info.status_id != choices.STATUS_ON_HOLD:
        return False
    hold = incident.config.hold_config or {}
    wanted = choices.HOLD_REASONS.by_id(choices.HOLD_AWAITING_REQUESTER)
    reason = hold.get("hold_reason_id", hold.get("reason", hold.get("hold_reason")))
    if isinstance(reason, str) and reason.strip().isdecimal():
        reason = int(reason)  # an id sent as a string, as the listing sends ids
    if isinstance(reason, int) and not isinstance(reason, bool):
        return reason == wanted.id
    return isinstance(reason, str) and reason.strip().casefold() == wanted.name.casefold()


def incident_record_activity(
    *, principal: Principal, incident: Incident, action: str, field_name: str, new
) -> Incident:
    """A history entry on the incident for something done beside it; nothing else changes."""

    def plan(current: Incident) -> Change:
        change = Change()
        change.record(action=action, field_name=field_name, new=new)
        return change

    return commit(principal=principal, incident=incident, plan=plan)[0]


def incident_conversation_added(
    *,
    principal: Principal,
    incident: Incident,
    conversation_id: str,
    inbound: bool,
    reply: bool,
    responded: bool = False,
) -> Incident:
    """A new message on the incident: inbound ones set `unread_mail` and bring an incident
    On Hold awaiting the requester back to In Progress; an outbound reply clears it.
    `responded`: a public answer to the requester (the SLA's first response)."""

    def plan(current: Incident) -> Change:
        change = Change()
        if responded:
            change.facts.add("responded")
        change.record(action="conversation_added", field_name="conversation", new=conversation_id)
        if inbound:
            change.put("unread_mail", current.unread_mail, True)
            if awaiting_requester(current):
                move = transitions.plan_move(
                    from_status_id=current.basic_info.status_id,
                    to_status_id=choices.STATUS_IN_PROGRESS,
                    provided={},
                    actor=principal.actor_id,
                    moment=now(),
                )
                change.move(move, action="requester_replied")
        elif reply:
            change.put("unread_mail", current.unread_mail, False)
        return change

    return commit(principal=principal, incident=incident, plan=plan)[0]


def incident_system_change(
    *, principal: Principal, incident: Incident, plan: Callable[[Incident], Change]
) -> tuple[Incident, Change]:
    """A change an app above plans itself (the SLA's warnings and breaches), committed like
    every other: `plan(current)` answers the Change (empty: nothing to do)."""
    return commit(principal=principal, incident=incident, plan=plan)
