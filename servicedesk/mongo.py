"""The MongoDB connection: a real server from MONGODB_URI, or the embedded store.

Connections are lazy (`connect=False`) so nothing touches the network before
gunicorn forks its workers (pymongo is not fork-safe), and every wait is bounded
by MONGODB_TIMEOUT_MS so an unreachable database fails a request fast.
"""

import functools
import threading
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import TypeVar

import mongoengine
import mongomock
import mongomock.collection
import mongomock.gridfs
from django.conf import settings
from pymongo import ReturnDocument, monitoring
from pymongo.client_session import ClientSession
from pymongo.errors import (
    ConfigurationError,
    ConnectionFailure,
    DuplicateKeyError,
    NetworkTimeout,
    OperationFailure,
    ServerSelectionTimeoutError,
)
from pymongo.uri_parser import parse_uri

from servicedesk import metrics
from servicedesk.errors import Conflict

T = TypeVar("T")
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
# How long a change to several documents waits for a transaction that holds its documents:
# longer than a server keeps one whose client died (DocumentDB's gateway drops it after
# TransactionTimeoutSecs, 30 s by default; MongoDB after transactionLifetimeLimitSeconds,
# 60 s), so a call resumed after a crash gets through.
TRANSACTION_WAIT_SECONDS = 65.0
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
    global _transactions
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


_transactions: bool | None = None


def transactions() -> bool:
    """Whether the server runs multi-document transactions (asked once per connection).

    The embedded store: no (mongomock has none). A real server: one empty transaction is
    tried; DocumentDB's gateway, MongoDB replica sets and sharded clusters commit it, a
    standalone MongoDB refuses it (IllegalOperation).
    """
    global _transactions
    if _transactions is None:
        _transactions = not is_embedded() and _try_a_transaction()
    return _transactions


def _try_a_transaction() -> bool:
    db = mongoengine.get_db()
    try:
        with db.client.start_session() as session, session.start_transaction():
            db["transactions_probe"].find_one({}, session=session)
    except (ConfigurationError, OperationFailure):
        return False
    return True


class Work:
    """The writes of one all-or-nothing change.

    `session` goes to every write of the change (None: there is no transaction, and each
    write lands on its own). What must happen only once they are all stored (events, the
    listeners of a change) is handed to `after_commit`: run at once without a
    transaction, after the commit with one, and not at all when it aborts.
    """

    def __init__(self, session: ClientSession | None = None):
        self.session = session
        self._after: list[Callable[[], object]] = []

    def after_commit(self, action: Callable[[], object]) -> None:
        if self.session is None:
            action()
        else:
            self._after.append(action)


def all_or_nothing(change: Callable[[Work], T], *, wait: float | None = None) -> T:
    """Run `change(work)` in one transaction where the server has them (`transactions()`),
    else as it is; returns what it returns.

    `change` runs again, each time with a fresh `Work`, after a write conflict: another
    transaction holds one of its documents (DocumentDB reports that without the
    TransientTransactionError label pymongo's `with_transaction` retries on), for
    instance one of a process that died mid-change, which the server drops after a
    while. Past `wait` seconds (default TRANSACTION_WAIT_SECONDS; 0: one attempt, for a
    job whose next run tries again) it is a 409 `busy`. Any other exception from
    `change` aborts the transaction, so none of its writes are kept, and is raised.
    """
    if not transactions():
        return change(Work())
    done: list[Work] = []

    def attempt(session: ClientSession) -> T:
        done[:] = [Work(session)]
        return change(done[0])

    client = mongoengine.get_db().client
    deadline = time.monotonic() + (TRANSACTION_WAIT_SECONDS if wait is None else wait)
    pause = 0.05
    while True:
        try:
            with client.start_session() as session:
                result = session.with_transaction(attempt)
            break
        except OperationFailure as exc:
            if not is_write_conflict(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise Conflict("Other changes hold these records; try again.", code="busy") from exc
        time.sleep(pause)
        pause = min(pause * 2, 1.0)
    for action in done[0]._after:
        action()
    return result


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
