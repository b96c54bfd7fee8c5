"""The incident representation on the lean read path (see servicedesk.api.render).

`IncidentSerializer` stays the description of the representation (OpenAPI) and
the validator of edits; reading goes through `incident_data`, which a test
holds equal to `IncidentSerializer(incident).data`.
"""

import mongoengine as me

from incidents.api.serializers import IncidentSerializer
from incidents.documents import Incident
from servicedesk.api.render import renderer_for

_render = renderer_for(Incident, IncidentSerializer.Meta.fields, {"incident_id": "id"})

# What a read fetches: everything but the history and the internal marks.
PROJECTION = {
    "history": 0,
    "organization_id": 0,
    "display_number": 0,
    "is_deleted": 0,
    "deleted_at": 0,
    "deleted_by_id": 0,
}


# The stored fields the representation reads (mongoengine names), for `.only()`.
LIST_FIELDS = (
    *("id" if name == "incident_id" else name for name in IncidentSerializer.Meta.fields),
    "version",
)


def incident_data(incident: Incident | dict) -> dict:
    """The representation of a stored incident, from its document or its raw dict."""
    raw = incident.to_mongo() if isinstance(incident, me.Document) else incident
    return _render(raw)


def incidents_data(raws) -> list[dict]:
    return [_render(raw) for raw in raws]
