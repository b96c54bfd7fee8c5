"""The MongoDB connection: a real server from MONGODB_URI, or the embedded store.

Connections are lazy (`connect=False`) so nothing touches the network before
gunicorn forks its workers (pymongo is not fork-safe), and every wait is bounded
by MONGODB_TIMEOUT_MS so an unreachable database fails a request fast.
"""

import functools
import threading
from types import SimpleNamespace

import mongoengine
import mongomock
import mongomock.collection
import mongomock.gridfs
from django.conf import settings
from pymongo import ReturnDocument, monitoring
from pymongo.errors import (
    ConnectionFailure,
    DuplicateKeyError,
    NetworkTimeout,
    OperationFailure,
    ServerSelectionTimeoutError,
)
from pymongo.uri_parser import parse_uri

from servicedesk import metrics
from servicedesk.errors import Conflict

UNAVAILABLE_ERRORS = (ConnectionFailure, ServerSelectionTimeoutError, NetworkTimeout)

# mongomock runs one write (`find_one_and_update`, an update with `$inc`, ...) as
# several Python steps, so two threads of the embedded server could interleave
# inside it. MongoDB makes every single-document write atomic; this lock makes
# the embedded store do the same.
_EMBEDDED_WRITE_LOCK = threading.RLock()
_EMBEDDED_WRITES = (
    "insert_one",
    "insert_many",
    "update_one",
    "update_many",
    "replace_one",
    "delete_one",
    "delete_many",
    "find_one_and_update",
    "find_one_and_replace",
    "find_one_and_delete",
    "bulk_write",
)


class EmbeddedClient(mongomock.MongoClient):
    """mongomock's client with the `options.timeout` pymongo's GridFS reads (none: no limit)."""

    options = SimpleNamespace(timeout=None)


def database_name() -> str:
    if settings.MONGODB_DB:
        return settings.MONGODB_DB
    if settings.MONGODB_URI:
        name = parse_uri(settings.MONGODB_URI).get("database")
        if name:
            return name
    return settings.MONGODB_DEFAULT_DB


DUPLICATE_KEY = 11000
WRITE_CONFLICT = 112  # two transactions touched one document (DocumentDB: also a deadlock)
FIRST_WRITE_ATTEMPTS = 5


def error_code(exc: BaseException) -> int | None:
    """The server's error code of a failed command, also through mongoengine's wrapping
    (which raises its own error while handling pymongo's)."""
    for error in (exc, exc.__cause__, exc.__context__):
        if isinstance(error, OperationFailure):
            return error.code
    return None


def is_write_conflict(exc: BaseException) -> bool:
    """Whether a write lost a race the server resolved by aborting it (worth a retry)."""
    return error_code(exc) == WRITE_CONFLICT


def update_by_id(collection, doc_id, update: dict, *, first: dict) -> dict:
    """Apply `update` to the document `doc_id`, creating it as `first` when it is missing;
    returns the document as it is after.

    `first` is what `update` makes of a missing document. Not an upsert: two first
    upserts of one `_id` race on some servers (DocumentDB answers the loser with a write
    conflict, a deadlock or a duplicate key, depending on timing). An update that finds
    the document is atomic everywhere; an insert of a known document lands or clashes,
    and a clash means the document exists now, so the update is tried again.
    """
    for _ in range(FIRST_WRITE_ATTEMPTS):
        doc = collection.find_one_and_update(
            {"_id": doc_id}, update, return_document=ReturnDocument.AFTER
        )
        if doc is not None:
            return doc
        created = {"_id": doc_id, **first}
        try:
            collection.insert_one(dict(created))
        except DuplicateKeyError:
            continue
        except OperationFailure as exc:
            if not is_write_conflict(exc):
                raise
            continue
        return created
    raise Conflict("The server was busy with the same write; try again.", code="busy")


def is_embedded() -> bool:
    return not settings.MONGODB_URI


def connect(db_name: str | None = None) -> None:
    """(Re)connect mongoengine's default alias; safe to call more than once."""
    global _atomic_updates, _transactions
    _atomic_updates = None
    _transactions = None
    mongoengine.disconnect_all()
    name = db_name or database_name()
    if is_embedded():
        _make_embedded_writes_atomic()
        mongomock.gridfs.enable_gridfs_integration()
        mongoengine.connect(
            db=name,
            host="mongodb://localhost",
            mongo_client_class=EmbeddedClient,
            tz_aware=True,
            uuidRepresentation="standard",
        )
        return
    _count_failed_commands()
    timeout = settings.MONGODB_TIMEOUT_MS
    mongoengine.connect(
        db=name,
        host=settings.MONGODB_URI,
        connect=False,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=timeout,
        connectTimeoutMS=timeout,
        socketTimeoutMS=max(timeout * 5, 10_000),
        appname="servicedesk",
    )


class _FailedCommands(monitoring.CommandListener):
    """Counts every failed database command (servicedesk_database_errors_total)."""

    def started(self, event):
        pass

    def succeeded(self, event):
        pass

    def failed(self, event):
        failure = event.failure or {}
        error = failure.get("errtype") or failure.get("codeName") or "command_failed"
        metrics.DATABASE_ERRORS.labels(str(error)[:64]).inc()


_listening = False


def _count_failed_commands() -> None:
    """pymongo's listeners apply to the clients made after they are registered."""
    global _listening
    if not _listening:
        monitoring.register(_FailedCommands())
        _listening = True


_atomic_updates: bool | None = None


def atomic_updates() -> bool:
    """Whether one `findAndModify` is atomic on this server (asked once per process).

    MongoDB: yes. The embedded store: yes (see the write lock below). FerretDB 1.x:
    no, it reads then writes; code that needs one winner among racing writers then
    adds a unique-insert claim (servicedesk.claims).
    """
    global _atomic_updates
    if _atomic_updates is None:
        if is_embedded():
            _atomic_updates = True
        else:
            info = mongoengine.get_db().command("buildInfo")
            _atomic_updates = not any("ferretdb" in str(key).lower() for key in info)
    return _atomic_updates


_transactions: bool | None = None


def supports_transactions() -> bool:
    """Whether this server runs multi-document transactions (asked once per process).

    MongoDB: on a replica set or through mongos, not on a standalone server. DocumentDB's
    gateway answers as a mongos and commits and aborts them. The embedded store
    (mongomock) has none, and FerretDB accepts them without keeping their promise
    (1.x refuses them, 2.x ignores them): no.
    """
    global _transactions
    if _transactions is None:
        if is_embedded():
            _transactions = False
        else:
            db = mongoengine.get_db()
            hello = db.command("hello")
            replicated = bool(hello.get("setName")) or hello.get("msg") == "isdbgrid"
            info = db.command("buildInfo")
            ferretdb = any("ferretdb" in str(key).lower() for key in info)
            _transactions = replicated and not ferretdb
    return _transactions


def ping() -> None:
    """Raise one of UNAVAILABLE_ERRORS when the database does not answer in time."""
    mongoengine.get_db().command("ping")


def _make_embedded_writes_atomic() -> None:
    collection = mongomock.collection.Collection
    if getattr(collection, "_servicedesk_atomic", False):
        return
    for name in _EMBEDDED_WRITES:
        setattr(collection, name, _under_lock(getattr(collection, name)))
    collection._servicedesk_atomic = True


def _under_lock(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with _EMBEDDED_WRITE_LOCK:
            return method(*args, **kwargs)

    return wrapper
