"""Attachment references of conversations, checked by the app that keeps attachments.

Attachments sit above conversations (a file may belong to a conversation), so
conversations do not import them: the attachments app registers its lookup at
start-up (`register_attachment_lookup`, through conversations.public).
"""

from collections.abc import Callable

from bson import ObjectId

Lookup = Callable[..., set[str]]
_lookups: list[Lookup] = []


def register_attachment_lookup(lookup: Lookup) -> None:
    """`lookup(organization_id=..., incident_id=..., refs=[...])`: the refs that exist."""
    _lookups[:] = [lookup]


def attachment_ids_on(*, organization_id: ObjectId, incident_id: ObjectId, refs: list[str]) -> set:
    """Which of `refs` are attachments of the incident (none without an attachments app)."""
    if not _lookups or not refs:
        return set()
    return _lookups[0](organization_id=organization_id, incident_id=incident_id, refs=refs)
