"""Keyset paging: the page after an item, found by its sort values, not by skipping.

A list sorted by keys k1..kn (the last one unique, such as `display_number`) continues
after an item with values v1..vn where, for some i, the item matches v1..v(i-1) and
lies beyond vi on ki. Each branch is an equality prefix plus one range, so an index on
the sort keys serves it and a page costs the same at any depth.

MongoDB orders null (and missing) before every other value: ascending lists put them
first, descending lists last. Range operators do not match null, so "beyond a value"
in a descending list also takes the nulls, and "beyond null" in an ascending one takes
every non-null. Non-null values of one key are assumed to be of one BSON type, as every
sort key of ours is.

A cursor is the sort and the values, as canonical extended JSON (dates and ids keep
their types) in URL-safe base64. It is opaque to clients and not signed: it carries no
authority (the organization and filters come from the request), so an edited one can
only move the position, and a malformed one is refused.
"""

import base64
import binascii
from collections.abc import Collection, Sequence
from datetime import datetime

from bson import ObjectId, json_util
from bson.errors import InvalidBSON

from servicedesk.errors import InvalidInput

Sort = list[tuple[str, int]]  # (stored path, 1 ascending | -1 descending)

MAX_CURSOR_LENGTH = 2048
_JSON_OPTIONS = json_util.CANONICAL_JSON_OPTIONS.with_options(tz_aware=True)


def value_at(document: dict, path: str):
    """The value at a dotted `path` of a raw document (None when absent)."""
    node = document
    for name in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(name)
    return node


def encode(sort: Sort, document: dict) -> str:
    """The cursor of the page after `document` in a list sorted by `sort`."""
    body = {"s": [[path, direction] for path, direction in sort]}
    body["v"] = [value_at(document, path) for path, _ in sort]
    raw = json_util.dumps(body, json_options=_JSON_OPTIONS, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, sort: Sort, *, field: str = "cursor") -> list:
    """The values a cursor holds; InvalidInput naming `field` when it is malformed or
    was made for another sort."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise InvalidInput(
            "This cursor is not one this list gave.", field=field, code="invalid_cursor"
        )
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        body = json_util.loads(raw.decode(), json_options=_JSON_OPTIONS)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, InvalidBSON):
        body = None
    values = body.get("v") if isinstance(body, dict) else None
    if not isinstance(values, list) or not all(_is_sort_value(value) for value in values):
        # Only values a sort key holds: an object (`{"$gt": ...}`) would be an operator.
        raise InvalidInput(
            "This cursor is not one this list gave.", field=field, code="invalid_cursor"
        )
    if body.get("s") != [[path, direction] for path, direction in sort] or len(body["v"]) != len(
        sort
    ):
        raise InvalidInput(
            "This cursor was made for another sort; keep `sort_key` and `sort_order` as "
            "they were when it was given, or start again without `cursor`.",
            field=field,
            code="cursor_mismatch",
        )
    return body["v"]


def _is_sort_value(value) -> bool:
    return value is None or isinstance(value, bool | int | float | str | datetime | ObjectId)


def after(sort: Sort, values: Sequence, *, never_null: Collection[str] = ()) -> dict:
    """The filter of the items after the one with `values` in a list sorted by `sort`.

    With several keys the branches are an `$or`, which a server may not turn into index
    bounds (DocumentDB then reads the index from the start of the list and filters: a page
    costs more the deeper it is). The first key's own range (`≥` ascending, `≤`
    descending) is added beside them where it is exact: ascending, or a key in
    `never_null` (a descending list puts nulls last, and a range does not match null)."""
    found = _branches(sort, values)
    (path, direction), value = sort[0], values[0]
    if len(sort) > 1 and value is not None and (direction == 1 or path in never_null):
        bound = {path: {"$gte" if direction == 1 else "$lte": value}}
        return {"$and": [bound, found]}
    return found


def _branches(sort: Sort, values: Sequence) -> dict:
    branches = []
    for index, ((path, direction), value) in enumerate(zip(sort, values, strict=True)):
        prefix = [_equal(p, v) for (p, _), v in zip(sort[:index], values[:index], strict=True)]
        for beyond in _beyond(path, direction, value):
            conditions = [*prefix, beyond]
            branches.append(conditions[0] if len(conditions) == 1 else {"$and": conditions})
    if not branches:
        return {"_id": {"$exists": False}}  # nothing comes after (never true)
    return branches[0] if len(branches) == 1 else {"$or": branches}


# Null and missing are one value to the sort. Written with $exists as well, because the
# embedded store (mongomock) reads a path under a null parent (`sla: null` for
# `sla.resolution.due_at`) as neither null nor missing; on MongoDB the forms are equal.
def _null(path: str) -> dict:
    return {"$or": [{path: None}, {path: {"$exists": False}}]}


def _not_null(path: str) -> dict:
    return {path: {"$exists": True, "$ne": None}}


def _equal(path: str, value) -> dict:
    return _null(path) if value is None else {path: value}


def _beyond(path: str, direction: int, value) -> list[dict]:
    if value is None:
        return [_not_null(path)] if direction == 1 else []
    if direction == 1:
        return [{path: {"$gt": value}}]
    return [{path: {"$lt": value}}, _null(path)]
