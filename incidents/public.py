"""The incidents app as other apps may use it: the only module they import.

Apps above add to every incident write through `register_change_planner`, hear of
each committed change through `register_change_listener` and render the field they
fill through `register_representation_section` (incidents.hooks). The selectors
`incidents_sla_due` and `incidents_resolved_before` read every organization: they are
for periodic jobs.

Reads are scoped to the caller's organization; an incident of another
organization, in the trash, or unknown is `IncidentGone` / `NotFound` (404).
"""

from incidents import choices
from incidents.choices import (
    MANAGED_REFERENCE_TYPES,
    REFERENCE_CHILD,
    REFERENCE_MERGED,
    REFERENCE_PARENT,
    REFERENCE_RELATED,
    STATE_CLOSED,
    STATE_OPEN,
    STATE_RESOLVED,
)
from incidents.detail import register_detail_section
from incidents.documents import Incident
from incidents.hooks import (
    register_change_listener,
    register_change_planner,
    register_representation_section,
)
from incidents.representation import incident_data
from incidents.selectors import (
    incident_get,
    incidents_by_refs,
    incidents_resolved_before,
    incidents_sla_due,
    trashed_incident_ids,
)
from incidents.services.actions import (
    incident_auto_close,
    incident_delete,
    incident_reopen,
    incident_resolve,
)
from incidents.services.activity import (
    incident_conversation_added,
    incident_record_activity,
    incident_system_change,
)
from incidents.services.common import Change, IncidentGone
from incidents.services.create import incident_create_from_mail
from incidents.services.dependents import on_incident_purged
from incidents.services.events import incident_event
from incidents.services.links import (
    incident_close_merged,
    incident_commit,
    register_resolve_follower,
)
from incidents.transitions import is_final, is_open

__all__ = [
    "MANAGED_REFERENCE_TYPES",
    "REFERENCE_CHILD",
    "REFERENCE_MERGED",
    "REFERENCE_PARENT",
    "REFERENCE_RELATED",
    "STATE_CLOSED",
    "STATE_OPEN",
    "STATE_RESOLVED",
    "Change",
    "Incident",
    "IncidentGone",
    "choices",
    "incident_auto_close",
    "incident_close_merged",
    "incident_commit",
    "incident_conversation_added",
    "incident_create_from_mail",
    "incident_data",
    "incident_delete",
    "incident_event",
    "incident_get",
    "incident_record_activity",
    "incident_reopen",
    "incident_resolve",
    "incident_system_change",
    "incidents_by_refs",
    "incidents_resolved_before",
    "incidents_sla_due",
    "is_final",
    "is_open",
    "on_incident_purged",
    "register_change_listener",
    "register_change_planner",
    "register_detail_section",
    "register_representation_section",
    "register_resolve_follower",
    "trashed_incident_ids",
]
