"""What merges and relations share: how a refusal is kept and shown, and entries of
`reference[]`."""

from incidents import public as incidents
from servicedesk.errors import DomainError


def error_data(exc: DomainError, *, attr: str | None = None) -> dict:
    """A refusal as the API shows it per item: `{status, code, detail, attr}`."""
    return {
        "status": exc.status,
        "code": exc.api_code,
        "detail": exc.message,
        "attr": attr if attr is not None else exc.field,
    }


def entry(kind: str, incident, **extra) -> dict:
    """A `reference[]` entry naming `incident`."""
    return {
        "type": kind,
        "incident_id": str(incident.id),
        "display_id": incident.display_id,
        "summary": incident.basic_info.summary,
        **extra,
    }


def entries_of(incident, kind: str) -> list[dict]:
    return [item for item in incident.reference if item.get("type") == kind]


def names(incident, kind: str, other_id) -> bool:
    """Whether `incident` has an entry of `kind` naming the incident `other_id`."""
    return any(item.get("incident_id") == str(other_id) for item in entries_of(incident, kind))


__all__ = ["entries_of", "entry", "error_data", "incidents", "names"]
