"""Keys a worker has authenticated, kept for one rate-limit window.

Every API request already sends one command for its rate limit: the
`findAndModify` on its organization's window document (servicedesk.ratelimit).
With this cache it sends no other for authentication, except the first time a
process sees a key in a window:

- An entry holds the caller a key stood for and the window in which the
  database last said the key was good. In a later window the key is looked up
  again before the request goes on.
- Revocation takes effect at once in every worker: `api_key_revoke` lists the
  key in its organization's window documents (the current one and its
  neighbours, for clocks a little apart), and every request reads that list back
  from its rate-limit increment. A request whose window lists its key is
  refused as revoked, and the entry is dropped.
- Expiry is checked on every request against the expiry the lookup read.
- With rate limiting off (SERVICEDESK_RATE_LIMIT_PER_KEY=0) there is no window
  document to carry revocations, so nothing is kept and every request looks its
  key up (ratelimit.workers_keep).

A key changed in the database by hand (not through the service or the
management commands) is seen by a worker in its next window at the latest.
"""

import threading
from dataclasses import dataclass
from datetime import datetime

from bson import ObjectId

MAX_ENTRIES = 10_000  # distinct keys per worker; past it the cache starts over


@dataclass(frozen=True)
class Entry:
    principal: object  # tenancy.services.Principal
    expires_at: datetime | None
    window: str | None  # the window the key was last confirmed in; None: not yet


_lock = threading.Lock()
_by_digest: dict[str, Entry] = {}
_digest_of: dict[ObjectId, str] = {}


def get(digest: str) -> Entry | None:
    return _by_digest.get(digest)


def put(digest: str, entry: Entry) -> None:
    with _lock:
        if len(_by_digest) >= MAX_ENTRIES and digest not in _by_digest:
            _by_digest.clear()
            _digest_of.clear()
        _by_digest[digest] = entry
        _digest_of[entry.principal.key_id] = digest


def confirmed_in(key_id: ObjectId, window: str) -> bool:
    """Whether the key has an entry, confirmed in `window`."""
    digest = _digest_of.get(key_id)
    entry = _by_digest.get(digest) if digest else None
    return entry is not None and entry.window == window


def confirm(key_id: ObjectId, window: str) -> None:
    with _lock:
        digest = _digest_of.get(key_id)
        entry = _by_digest.get(digest) if digest else None
        if entry is not None:
            _by_digest[digest] = Entry(entry.principal, entry.expires_at, window)


def drop(key_id: ObjectId) -> None:
    with _lock:
        digest = _digest_of.pop(key_id, None)
        if digest is not None:
            _by_digest.pop(digest, None)


def clear() -> None:
    with _lock:
        _by_digest.clear()
        _digest_of.clear()
