"""What a worker keeps of an organization's configuration, and when it forgets it.

Configuration (agents, groups, the catalogue, picklists, ...) is read by most
writes but changes rarely. A worker keeps what it loaded for an organization
while its stamp holds:

- with rate limits on, the stamp is the request's rate-limit window and the
  organization's change count in it (`ratelimit.current_stamp`): a change,
  recorded with `changed()`, is counted in the window document that every
  request of the organization reads anyway, so every worker sees it on its next
  request, as with revoked keys;
- otherwise, one request: configuration is read at most once per request
  (`request_scope`, entered by the request middleware).

Outside a request (jobs, commands) nothing is kept: every call loads afresh.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from bson import ObjectId

from servicedesk import ratelimit

T = TypeVar("T")
MAX_KEPT = 10_000

_request: ContextVar[object | None] = ContextVar("orgcache_request", default=None)
# (topic, organization id) -> (stamp, value)
_kept: dict[tuple[str, ObjectId], tuple[object, object]] = {}


@contextmanager
def request_scope() -> Iterator[None]:
    """Within: what is loaded is kept at least until the scope ends (one request)."""
    token = _request.set(object())
    try:
        yield
    finally:
        _request.reset(token)


def kept(topic: str, organization_id: ObjectId, load: Callable[[], T]) -> T:
    """`load()`'s value for the organization, loaded once per stamp (see the module doc)."""
    stamp = ratelimit.current_stamp() or _request.get()
    if stamp is None:
        return load()
    key = (topic, organization_id)
    held = _kept.get(key)
    if held is not None and held[0] == stamp:
        return held[1]  # type: ignore[return-value]
    value = load()
    if len(_kept) >= MAX_KEPT:
        _kept.clear()
    _kept[key] = (stamp, value)
    return value


def changed(organization_id: ObjectId) -> None:
    """After a configuration change: this worker and every other load it again."""
    for key in [key for key in _kept if key[1] == organization_id]:
        _kept.pop(key, None)
    ratelimit.record_changed(organization_id=organization_id)


def clear() -> None:
    _kept.clear()
