"""Every declared index of every document, created or checked in one place.

Documents declare `auto_create_index: False`: indexes are made here (at start,
by `manage.py ensure_indexes`, by the deployment's init job), never as a side
effect of a first query, so `ensure_indexes --check` can see what is missing.
"""

from mongoengine.base import _document_registry
from mongoengine.document import includes_cls
from pymongo import IndexModel, UpdateOne

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
    A document may replace indexes of earlier versions (`retired_indexes`): where one of
    them is still there, the document's `unique_key` is filled in on what was stored
    before it (`backfill_unique_key`), the new indexes are made, then the retired ones
    dropped. That happens once, on the first start of the new version.
    """
    created, batches = [], {}
    upgrading = [(cls, retired) for _name, cls in documents() if (retired := _retired_present(cls))]
    for cls, _ in upgrading:
        backfill_unique_key(cls)
    for name, cls in documents():
        collection = cls._get_collection()
        _, models = batches.setdefault(collection.full_name, (collection, {}))
        for model in _index_models(cls):
            models.setdefault(model.document["name"], model)  # two documents, one collection
        created.append(name)
    for collection, models in batches.values():
        if not models:
            continue
        if is_embedded():  # mongomock's create_indexes keeps a key it cannot list back
            for model in models.values():
                options = {k: v for k, v in model.document.items() if k != "key"}
                collection.create_index(list(model.document["key"].items()), **options)
        else:
            collection.create_indexes(list(models.values()))
    for cls, retired in upgrading:
        for name in retired:
            cls._get_collection().drop_index(name)
    return created


def _retired_present(cls) -> set[str]:
    """Which of the indexes a document lists in `retired_indexes` the server still has."""
    retired = set(getattr(cls, "retired_indexes", ()))
    if not retired:
        return set()
    return retired & set(cls._get_collection().index_information())


def key_of(*values) -> str:
    """A compound identity as one string, for a one-field unique index.

    DocumentDB (v0.106) checks a unique index of several fields by scanning it, so an
    insert costs more the more the collection holds (benchmarks/RESULTS.md, "Scale on
    DocumentDB"); a unique index on one field costs the same at any size. A document
    whose identity is (organization, email), say, stores `key_of(organization, email)`
    in the field its `unique_key` names, with a unique index on that field.
    """
    return ":".join(str(value) for value in values)


class UniqueKeyed:
    """For a document with a `unique_key` (`(field, (source fields...))`): every save
    fills the field in from its sources (mongoengine calls `clean` when it validates).
    Raw upserts put `key_of(...)` in their `$setOnInsert` themselves."""

    unique_key: tuple[str, tuple[str, ...]]

    def clean(self) -> None:
        field, sources = self.unique_key
        setattr(self, field, key_of(*(getattr(self, name) for name in sources)))


def backfill_unique_key(cls, batch: int = 1000) -> int:
    """Fill the `unique_key` field (`unique_key = (field, (source fields...))`) of the
    documents stored without it; answers how many were filled."""
    spec = getattr(cls, "unique_key", None)
    if spec is None:
        return 0
    field, sources = spec
    target = cls._fields[field].db_field
    paths = [cls._fields[name].db_field for name in sources]
    collection = cls._get_collection()
    missing = {target: {"$exists": False}}
    filled, writes = 0, []  # (filter, update) pairs

    def write() -> int:
        if is_embedded():  # mongomock's bulk_write refuses pymongo 4's UpdateOne
            return sum(collection.update_one(*pair).modified_count for pair in writes)
        requests = [UpdateOne(*pair) for pair in writes]
        return collection.bulk_write(requests, ordered=False).modified_count

    for doc in collection.find(missing, dict.fromkeys(paths, 1)):
        if any(doc.get(path) is None for path in paths):
            continue
        key = key_of(*(doc[path] for path in paths))
        writes.append(({"_id": doc["_id"], **missing}, {"$set": {target: key}}))
        if len(writes) == batch:
            filled += write()
            writes = []
    if writes:
        filled += write()
    return filled


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
