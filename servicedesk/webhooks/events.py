"""The events endpoints may subscribe to, named by the apps that own them.

Each app registers its event names at start-up (its AppConfig.ready) with
`register_events`; the webhooks package validates subscriptions against them
and delivers the payloads the apps build (`services.emit`). `CATALOGUE` is one
list object for the whole process, so the endpoint document's choices and the
schema's `WebhookEventEnum` (settings) see every registration.
"""

from collections.abc import Callable

from bson import ObjectId

CATALOGUE: list[str] = []
# How the delivery log's `incident_id` filter finds an incident by reference (an id
# or a display id); registered by the app that owns incidents.
_subject_lookups: list[Callable[..., ObjectId | None]] = []


def register_events(*names: str) -> None:
    for name in names:
        if name not in CATALOGUE:
            CATALOGUE.append(name)


def known() -> tuple[str, ...]:
    return tuple(CATALOGUE)


def register_subject_lookup(lookup: Callable[..., ObjectId | None]) -> None:
    """`lookup(principal=..., ref=...)`: the id deliveries are filed under, or None."""
    _subject_lookups[:] = [lookup]


def subject_id(*, principal, ref: str) -> ObjectId | None:
    """The id of the caller's subject (incident) named by `ref`, trash included; None if none.

    A 24-hex ref names an id even when nothing has it any more (deleted for good:
    its deliveries, `incident.deleted` last, are still logged).
    """
    for lookup in _subject_lookups:
        found = lookup(principal=principal, ref=ref)
        if found is not None:
            return found
    return ObjectId(ref) if len(ref) == 24 and ObjectId.is_valid(ref) else None
