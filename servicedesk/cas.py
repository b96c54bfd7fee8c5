"""Compare-and-set: the one way a versioned document is changed.

A change is planned against the document as read (`plan(current)` returns a
MongoDB update, or None when there is nothing to do), then written with one
`find_one_and_update` whose filter carries the version that was read, and
which steps the version. On servers where that is not atomic (FerretDB 1.x) a
unique-insert claim on the version step decides first (servicedesk.claims).

If someone else wrote in between, nothing is written: with an expected version
(`If-Match`) the caller gets 412; otherwise the document is read again and the
same request is planned again on the fresh state, so concurrent edits of
different fields both survive and every rule is checked against what is
really stored. Every versioned document (incidents, conversations, ...) goes
through `commit`.
"""

import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from pymongo import ReturnDocument
from pymongo.collection import Collection

from servicedesk import claims, mongo
from servicedesk.errors import Conflict, PreconditionFailed

MAX_ATTEMPTS = 8
CLAIM_WAIT_SECONDS = 0.005  # after a lost claim; at most 0.18 s over all attempts


class Versioned(Protocol):
    id: Any
    version: int


T = TypeVar("T", bound=Versioned)


def commit(
    *,
    collection: Collection,
    scope: dict,
    current: T,
    plan: Callable[[T], dict | None],
    load: Callable[[], T],
    expected_version: int | None = None,
    busy_message: str = "The resource is being changed by others; try again.",
) -> tuple[dict | None, T]:
    """Apply `plan` atomically; returns (the stored document as raw dict, or None, the
    state it was planned on).

    `scope` selects the document (its id and organization, and any state that must
    hold); `load()` reads it again after a lost race and raises the caller's "gone"
    error when it no longer exists. None as the raw document means `plan` found
    nothing to do.
    """
    for attempt in range(MAX_ATTEMPTS):
        if expected_version is not None and current.version != expected_version:
            raise PreconditionFailed()
        update = plan(current)
        if update is None:
            return None, current
        update.setdefault("$set", {})["version"] = current.version + 1
        step = f"{collection.name}:{current.id}:v{current.version + 1}"
        # One writer per version step: atomic findAndModify decides on MongoDB; where
        # it is read-then-write (FerretDB 1.x) a unique-insert claim decides first.
        if mongo.atomic_updates() or claims.take(step):
            raw = collection.find_one_and_update(
                {**scope, "version": current.version},
                update,
                # (No projection: FerretDB 1.x does not support one on findAndModify.)
                return_document=ReturnDocument.AFTER,
            )
            if raw is not None:
                return raw, current
        else:
            # Another writer holds this step's claim and has not written yet: reading again
            # at once would find the same version and lose again without anyone having
            # won. Give the holder a moment (a few ms, growing), so each loss is a win
            # of another writer's, as with an atomic findAndModify.
            time.sleep(CLAIM_WAIT_SECONDS * (attempt + 1))
        current = load()
    raise Conflict(busy_message, code="busy")
