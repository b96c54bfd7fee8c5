"""Every declared index of every document, created or checked in one place.

Documents declare `auto_create_index: False`: indexes are made here (at start,
by `manage.py ensure_indexes`, by the deployment's init job), never as a side
effect of a first query, so `ensure_indexes --check` can see what is missing.
"""

from mongoengine.base import _document_registry


def documents():
    """All concrete (non-abstract, non-embedded) documents, by name."""
    found = []
    for name, cls in sorted(_document_registry.items()):
        meta = getattr(cls, "_meta", {})
        if meta.get("abstract") or getattr(cls, "_is_document", False) is False:
            continue
        if not hasattr(cls, "ensure_indexes"):
            continue
        found.append((name, cls))
    return found


def ensure_indexes() -> list[str]:
    created = []
    for name, cls in documents():
        cls.ensure_indexes()
        created.append(name)
    return created


def index_drift() -> list[str]:
    """Declared indexes missing on the server, as `Document: index spec` lines."""
    problems = []
    for name, cls in documents():
        info = cls.compare_indexes()
        for spec in info.get("missing", []):
            if spec == [("_id", 1)]:  # every collection has it once it exists
                continue
            problems.append(f"{name}: missing {spec}")
    return problems
