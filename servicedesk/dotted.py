"""Dotted paths (`a.b.c`) as MongoDB's `$set` reads them, applied to plain dicts."""

from collections.abc import Mapping
from typing import Any


def set_paths(document: dict, sets: Mapping[str, Any]) -> dict:
    """Apply `sets` ({"a.b": 1}) to `document` in place, as `$set` would (a missing or
    non-dict parent becomes a dict); returns `document`."""
    for path, value in sets.items():
        *parents, leaf = path.split(".")
        node = document
        for part in parents:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[leaf] = value
    return document
