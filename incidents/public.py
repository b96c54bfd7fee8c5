"""The incidents app as other apps may use it: the only module they import.

Reads are scoped to the caller's organization; an incident of another
organization, in the trash, or unknown is `IncidentGone` / `NotFound` (404).
"""

from incidents.choices import (
    MANAGED_REFERENCE_TYPES,
    REFERENCE_CHILD,
    REFERENCE_MERGED,
    REFERENCE_PARENT,
    REFERENCE_RELATED,
)
from incidents.detail import register_detail_section
from incidents.documents import Incident
from incidents.representation import incident_data
from incidents.selectors import incident_get, incidents_by_refs, trashed_incident_ids
from incidents.services.actions import incident_resolve
from incidents.services.activity import incident_conversation_added, incident_record_activity
from incidents.services.common import Change, IncidentGone
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
    "Change",
    "Incident",
    "IncidentGone",
    "incident_close_merged",
    "incident_commit",
    "incident_conversation_added",
    "incident_data",
    "incident_event",
    "incident_get",
    "incident_record_activity",
    "incident_resolve",
    "incidents_by_refs",
    "is_final",
    "is_open",
    "on_incident_purged",
    "register_detail_section",
    "register_resolve_follower",
    "trashed_incident_ids",
]
