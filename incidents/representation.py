"""The incident representation on the lean read path (see servicedesk.representation).

`FIELDS` is the representation's shape (the listing's incident), shared with
`incidents.api.serializers.IncidentSerializer`, which describes it in the
OpenAPI schema and validates edits. Reading (and webhook payloads) go through
`incident_data`, which a test holds equal to `IncidentSerializer(incident).data`.
"""

import mongoengine as me

from incidents.documents import Incident
from servicedesk.representation import renderer_for

FIELDS = (
    "incident_id",
    "display_id",
    "is_merge_incident",
    "is_archive",
    "unread_mail",
    "requester",
    "config",
    "reporter_info",
    "basic_info",
    "reference",
    "source_info",
    "template_info",
    "impacted_asset",
    "close_info",
    "current_watcher",
    "current_assignment_info",
    "custom_field",
    "tag",
    "kb",
    "custom_field_data",
    "creation_time",
    "created_by_id",
    "last_update_time",
    "updated_by_id",
    "location",
    "sla",
)

_render = renderer_for(Incident, FIELDS, {"incident_id": "id"})

# What a read fetches: everything but the history and the internal marks.
PROJECTION = {
    "history": 0,
    "organization_id": 0,
    "display_number": 0,
    "is_deleted": 0,
    "deleted_at": 0,
    "deleted_by_id": 0,
    "directory_pending": 0,
}

# The stored fields the representation reads (mongoengine names), for `.only()`.
LIST_FIELDS = (*("id" if name == "incident_id" else name for name in FIELDS), "version")


def incident_data(incident: Incident | dict) -> dict:
    """The representation of a stored incident, from its document or its raw dict."""
    raw = incident.to_mongo() if isinstance(incident, me.Document) else incident
    return _render(raw)


def incidents_data(raws) -> list[dict]:
    return [_render(raw) for raw in raws]
