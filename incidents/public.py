"""The incidents app as other apps may use it: the only module they import.

Reads are scoped to the caller's organization; an incident of another
organization, in the trash, or unknown is `IncidentGone` / `NotFound` (404).
"""

from incidents.choices import STATE_CLOSED, STATE_OPEN, STATE_RESOLVED
from incidents.detail import register_detail_section
from incidents.documents import Incident
from incidents.representation import incident_data
from incidents.selectors import incident_get, incidents_by_refs, trashed_incident_ids
from incidents.services.actions import incident_delete, incident_reopen
from incidents.services.activity import incident_conversation_added, incident_record_activity
from incidents.services.common import IncidentGone
from incidents.services.create import incident_create_from_mail
from incidents.services.dependents import on_incident_purged

__all__ = [
    "STATE_CLOSED",
    "STATE_OPEN",
    "STATE_RESOLVED",
    "Incident",
    "IncidentGone",
    "incident_conversation_added",
    "incident_create_from_mail",
    "incident_data",
    "incident_delete",
    "incident_get",
    "incident_record_activity",
    "incident_reopen",
    "incidents_by_refs",
    "on_incident_purged",
    "register_detail_section",
    "trashed_incident_ids",
]
