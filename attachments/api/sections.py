"""The attachments' part of `incident-data/{ref}/` (see incidents.detail)."""

from attachments.api.serializers import AttachmentSerializer
from attachments.selectors import attachments_of

SHOWN = 100


def incident_section(*, request, principal, incident) -> dict:
    """The incident's first attachments, with their download URLs."""
    found = attachments_of(organization_id=principal.organization_id, incident_id=incident.id)
    out = AttachmentSerializer(found[:SHOWN], many=True, context={"request": request})
    return {"attachments": out.data}


def section_fields() -> dict:
    """The schema of `incident_section`'s keys."""
    return {
        "attachments": AttachmentSerializer(
            many=True, help_text=f"The incident's first {SHOWN} attachments."
        )
    }
