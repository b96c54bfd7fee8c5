"""What other apps keep per incident, and how a permanent delete takes it along.

Apps that store things belonging to an incident (conversations, attachments)
register a purger at start-up (their AppConfig.ready, through
`incidents.public.on_incident_purged`); incidents never imports them.
"""

from collections.abc import Callable

from bson import ObjectId

Purger = Callable[..., object]
_PURGERS: dict[str, Purger] = {}


def on_incident_purged(name: str, purge: Purger) -> None:
    """Call `purge(organization_id=..., incident_id=...)` when an incident is deleted for good."""
    _PURGERS[name] = purge


def purge_dependents(*, organization_id: ObjectId, incident_id: ObjectId) -> None:
    for purge in _PURGERS.values():
        purge(organization_id=organization_id, incident_id=incident_id)
