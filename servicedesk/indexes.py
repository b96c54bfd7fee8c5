"""Every declared index of every document, created or checked in one place.

Documents declare `auto_create_index: False`: indexes are made here (at start,
by `manage.py ensure_indexes`, by the deployment's init job), never as a side
effect of a first query, so `ensure_indexes --check` can see what is missing.
"""

from mongoengine.base import _document_registry
from mongoengine.document import includes_cls
from pymongo import IndexModel

from servicedesk.mongo import is_embedded


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


def _index_models(cls) -> list[IndexModel]:
    """The document's declared indexes as mongoengine's `ensure_indexes` would make them."""
    index_opts = cls._meta.get("index_opts") or {}
    background = cls._meta.get("index_background", False)
    models, cls_indexed = [], False
    for spec in cls._meta.get("index_specs") or []:
        spec = dict(spec)
        fields = spec.pop("fields")
        cls_indexed = cls_indexed or includes_cls(fields)
        opts = {**index_opts, **spec}
        opts.pop("cls", None)  # not an index option (SERVER-769)
        if background:
            opts["background"] = True
        models.append(IndexModel(fields, **opts))
    if cls._meta.get("index_cls", True) and cls._meta.get("allow_inheritance") and not cls_indexed:
        opts = {key: value for key, value in index_opts.items() if key != "cls"}
        models.append(IndexModel([("_cls", 1)], **opts))
    return models


def ensure_indexes() -> list[str]:
    """Create every declared index that is missing: one `createIndexes` per collection.

    One command with all of a collection's indexes rather than one per index (as
    mongoengine's `Document.ensure_indexes` sends): on a new collection DocumentDB then
    builds them all inline, while an index added to an existing collection goes through
    its build queue, which it polls every second or two (a fresh database took a minute
    one index at a time, about a second this way). Indexes that exist cost nothing.
    Indexes a document lists in `retired_indexes` (replaced since) are dropped first.
    """
    created, batches = [], {}
    for name, cls in documents():
        collection = cls._get_collection()
        _, models = batches.setdefault(collection.full_name, (collection, {}))
        for model in _index_models(cls):
            models.setdefault(model.document["name"], model)  # two documents, one collection
        created.append(name)
    for _name, cls in documents():
        _drop_retired(cls)
    for collection, models in batches.values():
        if not models:
            continue
        if is_embedded():  # mongomock's create_indexes keeps a key it cannot list back
            for model in models.values():
                options = {k: v for k, v in model.document.items() if k != "key"}
                collection.create_index(list(model.document["key"].items()), **options)
        else:
            collection.create_indexes(list(models.values()))
    return created


def _drop_retired(cls) -> None:
    """Drop the indexes a document lists in `retired_indexes` (replaced in a later
    version) where they exist."""
    retired = set(getattr(cls, "retired_indexes", ()))
    if not retired:
        return
    collection = cls._get_collection()
    for name in retired & set(collection.index_information()):
        collection.drop_index(name)


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
