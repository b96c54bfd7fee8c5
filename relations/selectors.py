"""Reads of relations, always within the caller's organization."""

from incidents import public as incidents
from servicedesk.tenancy.principal import Principal


def children_of(*, principal: Principal, parent_id, open_only: bool = False) -> list:
    """The live incidents whose `reference[]` names `parent_id` as their parent."""
    found = (
        incidents.Incident.objects(
            organization_id=principal.organization_id,
            is_deleted=False,
            parent_incident_id=parent_id,
        )
        .exclude("history")
        .order_by("display_number")
    )
    return [
        child for child in found if not open_only or incidents.is_open(child.basic_info.status_id)
    ]


def parent_id_of(incident):
    """The id (text) of the incident's parent, or None."""
    for item in incident.reference:
        if item.get("type") == incidents.REFERENCE_PARENT:
            return item.get("incident_id")
    return None


def incident_by_id(*, principal: Principal, incident_id: str):
    """The organization's live incident by id (text), or None."""
    return incidents.incidents_by_refs(principal=principal, refs=[incident_id]).get(incident_id)
