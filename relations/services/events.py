"""The events of merges (the sources' `incident.closed` is the incidents app's own)."""

from incidents import public as incidents
from servicedesk.tenancy.principal import Principal

MERGED = "incident.merged"
EVENTS = (MERGED,)


def merged_event(*, principal: Principal, target, sources: list[dict]) -> None:
    """`incident.merged` about the target, naming the incidents merged into it."""
    incidents.incident_event(
        principal=principal, incident=target, event=MERGED, extra={"merged": sources}
    )
