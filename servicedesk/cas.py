"""Compare-and-set: the one way a versioned document is changed.

A change is planned against the document as read (`plan(current)` returns a
MongoDB update, or None when there is nothing to do), then written with one
`find_one_and_update` whose filter carries the version that was read, and
which steps the version. One `findAndModify` is atomic on every supported
server (the embedded store makes it so with its write lock, servicedesk.mongo),
so exactly one of several writers of the same version wins.

If someone else wrote in between, nothing is written: with an expected version
(`If-Match`) the caller gets 412; otherwise the document is read again and the
same request is planned again on the fresh state, so concurrent edits of
different fields both survive and every rule is checked against what is
really stored. Every versioned document (incidents, conversations, ...) goes
through `commit`.
"""

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from pymongo import ReturnDocument
from pymongo.client_session import ClientSession
from pymongo.collection import Collection

from servicedesk.errors import Conflict, PreconditionFailed

MAX_ATTEMPTS = 8


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
    session: ClientSession | None = None,
) -> tuple[dict | None, T]:
    """Apply `plan` atomically; returns (the stored document as raw dict, or None, the
    state it was planned on).

    `scope` selects the document (its id and organization, and any state that must
    hold); `load()` reads it again after a lost race and raises the caller's "gone"
    error when it no longer exists. None as the raw document means `plan` found
    nothing to do. `session`: the write is part of that session's transaction
    (servicedesk.mongo.all_or_nothing).
    """
    for _ in range(MAX_ATTEMPTS):
        if expected_version is not None and current.version != expected_version:
            raise PreconditionFailed()
        update = plan(current)
        if update is None:
            return None, current
        update.setdefault("$set", {})["version"] = current.version + 1
        raw = collection.find_one_and_update(
            {**scope, "version": current.version},
            update,
            return_document=ReturnDocument.AFTER,
            session=session,
        )
        if raw is not None:
            return raw, current
        current = load()
    raise Conflict(busy_message, code="busy")
