"""Writes and checks on organizations and API keys."""

import contextlib
import dataclasses
import logging
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from bson import ObjectId
from django.conf import settings
from mongoengine.errors import NotUniqueError
from pymongo.errors import DuplicateKeyError

from servicedesk import ratelimit
from servicedesk.tenancy import keycache, keys
from servicedesk.tenancy.documents import (
    SCOPE_RANK,
    SCOPE_WRITE,
    SLUG_REGEX,
    ApiKey,
    Organization,
)
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import as_utc, now

log = logging.getLogger(__name__)


class TenancyError(Exception):
    """A refused organization or key operation; `code` is stable, `message` is for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class AuthError(TenancyError):
    """Why a request carries no usable key (401)."""


def org_create(*, slug: str, name: str | None = None) -> Organization:
    org = Organization(slug=slug, name=name or slug)
    org.validate()
    try:
        org.save(force_insert=True)
    except NotUniqueError:
        raise TenancyError("org_exists", f"Organization {slug!r} already exists.") from None
    return org


def org_ensure(*, slug: str, name: str | None = None) -> Organization:
    """The organization with this slug, created if missing (safe under concurrent start-ups)."""
    Organization(slug=slug, name=name or slug).validate()
    with contextlib.suppress(NotUniqueError, DuplicateKeyError):  # another process won
        Organization.objects(slug=slug).update_one(
            set_on_insert__name=name or slug, set_on_insert__created_at=now(), upsert=True
        )
    return Organization.objects.get(slug=slug)


def org_get(*, slug: str) -> Organization:
    org = Organization.objects(slug=slug).first()
    if org is None:
        raise TenancyError("org_not_found", f"No organization {slug!r}.")
    return org


# (organization id, email) -> the id of the organization's active agent with that email,
# or None. Plugged in by the directory app (tenancy knows nothing of agents).
AgentLookup = Callable[[ObjectId, str], ObjectId | None]
_agent_lookups: list[AgentLookup] = []


def register_agent_lookup(lookup: AgentLookup) -> None:
    """How `--agent EMAIL` finds the agent a key acts for (directory's AppConfig.ready)."""
    if lookup not in _agent_lookups:
        _agent_lookups.append(lookup)


def agent_for(*, org: Organization, email: str) -> ObjectId:
    """The id of the organization's active agent with this email, or TenancyError."""
    for lookup in _agent_lookups:
        agent_id = lookup(org.id, email)
        if agent_id is not None:
            return agent_id
    raise TenancyError(
        "unknown_agent",
        f"Organization {org.slug!r} has no active agent with the email {email!r}.",
    )


def api_key_create(
    *,
    org: Organization,
    name: str,
    scope: str = SCOPE_WRITE,
    expires_at: datetime | None = None,
    key: str | None = None,
    agent_id: ObjectId | None = None,
) -> tuple[ApiKey, str]:
    """Register a key; returns the document and the key itself, which is not kept.

    `agent_id`: the agent the key acts for (see `agent_for`), whose name its writes bear.
    """
    if scope not in SCOPE_RANK:
        raise TenancyError("invalid_scope", f"Scope must be one of {', '.join(SCOPE_RANK)}.")
    key = key or keys.generate_key()
    if not keys.is_valid_key(key):
        raise TenancyError(
            "weak_key",
            f"A key needs {keys.KEY_MIN_LENGTH} to {keys.KEY_MAX_LENGTH} characters "
            "of A-Z, a-z, 0-9, _ and -.",
        )
    doc = ApiKey(
        organization_id=org.id,
        organization_slug=org.slug,
        name=name,
        scope=scope,
        key_hash=keys.hash_key(key),
        display_prefix=keys.display_prefix(key),
        expires_at=expires_at,
        agent_id=agent_id,
    )
    doc.validate()
    try:
        doc.save(force_insert=True)
    except NotUniqueError:
        raise TenancyError("key_exists", "This key is already registered.") from None
    return doc, key


def api_key_get(*, key_id: str) -> ApiKey:
    if not ObjectId.is_valid(key_id):
        raise TenancyError("key_not_found", f"No API key {key_id!r}.")
    doc = ApiKey.objects(id=key_id).first()
    if doc is None:
        raise TenancyError("key_not_found", f"No API key {key_id!r}.")
    return doc


def api_key_revoke(*, key: ApiKey) -> ApiKey:
    """Revoke at once, in every worker: workers that keep the key (tenancy.keycache) learn
    it from the rate-limit window their next request reads, so it is listed there first."""
    ratelimit.record_revoked(organization_id=key.organization_id, key_id=key.id)
    ApiKey.objects(id=key.id, revoked_at=None).update_one(set__revoked_at=now())
    keycache.drop(key.id)
    key.reload()
    return key


def api_keys_revoke_for_agent(*, organization_id: ObjectId, agent_id: ObjectId) -> int:
    """Revoke every live key that acts for this agent (the directory calls it when the
    agent is deactivated or deleted): a key must not keep writing in the name of someone
    who left. Revoked at once in every worker, as `api_key_revoke`. Reactivating the agent
    does not bring the keys back; new ones are made for them. How many were revoked."""
    live = ApiKey.objects(organization_id=organization_id, agent_id=agent_id, revoked_at=None)
    revoked = 0
    for key in live:
        api_key_revoke(key=key)
        revoked += 1
    return revoked


def api_key_rotate(*, key: ApiKey, name: str | None = None) -> tuple[ApiKey, str]:
    """A new key with the same organization, scope, expiry and agent; the old one is
    revoked."""
    if key.revoked_at is not None:
        raise TenancyError("key_revoked", "A revoked key cannot be rotated.")
    org = Organization.objects.get(id=key.organization_id)
    new_doc, secret = api_key_create(
        org=org,
        name=name or key.name,
        scope=key.scope,
        expires_at=key.expires_at,
        agent_id=key.agent_id,
    )
    api_key_revoke(key=key)
    return new_doc, secret


def _refuse_if_unusable(revoked_at: datetime | None, expires_at: datetime | None) -> None:
    if revoked_at is not None:
        raise AuthError("revoked_api_key", "This API key has been revoked.")
    if expires_at is not None and as_utc(expires_at) <= now():
        raise AuthError("expired_api_key", "This API key has expired.")


def api_key_authenticate(*, key: str, remember: bool = False) -> Principal:
    """The caller behind a presented key, or AuthError saying why there is none.

    `remember`: answer from, and add to, this worker's cache (tenancy.keycache); the
    caller must then check the key against its rate-limit window (RateLimitMiddleware).
    """
    digest = keys.hash_key(key)
    if remember and (entry := keycache.get(digest)) is not None:
        try:
            _refuse_if_unusable(None, entry.expires_at)
        except AuthError:
            keycache.drop(entry.principal.key_id)
            raise
        return dataclasses.replace(entry.principal, looked_up=False)
    doc = ApiKey.objects(key_hash=digest).only(
        "id", "organization_id", "organization_slug", "scope", "key_hash",
        "expires_at", "revoked_at", "last_used_at", "agent_id",
    ).first()  # fmt: skip
    if doc is None or not keys.hashes_match(doc.key_hash, key):
        raise AuthError("unknown_api_key", "This API key is not known.")
    _refuse_if_unusable(doc.revoked_at, doc.expires_at)
    moment = now()
    touch_after = timedelta(seconds=settings.SERVICEDESK_KEY_TOUCH_SECONDS)
    if doc.last_used_at is None or moment - as_utc(doc.last_used_at) >= touch_after:
        ApiKey.objects(id=doc.id).update_one(set__last_used_at=moment)
    principal = Principal(
        key_id=doc.id,
        organization_id=doc.organization_id,
        organization_slug=doc.organization_slug,
        scope=doc.scope,
        agent_id=doc.agent_id,
    )
    if remember:
        keycache.put(digest, keycache.Entry(principal, doc.expires_at, window=None))
    return principal


def api_key_recheck(*, principal: Principal) -> None:
    """AuthError if the key behind a remembered caller has since been revoked or expired."""
    doc = ApiKey.objects(id=principal.key_id).only("revoked_at", "expires_at").first()
    if doc is None:
        raise AuthError("unknown_api_key", "This API key is not known.")
    _refuse_if_unusable(doc.revoked_at, doc.expires_at)


def parse_bootstrap(spec: str) -> list[tuple[str, str, str]]:
    """`org_slug:scope:key,...` to triples; TenancyError on anything weak or malformed."""
    entries = []
    for raw in (part.strip() for part in spec.split(",")):
        if not raw:
            continue
        pieces = raw.split(":")
        if len(pieces) != 3:
            raise TenancyError("bad_bootstrap", "Each entry must be org_slug:scope:key.")
        slug, scope, key = (piece.strip() for piece in pieces)
        if not re.match(SLUG_REGEX, slug):
            raise TenancyError(
                "bad_bootstrap", f"{slug!r} is not a slug (lowercase letters, digits and -)."
            )
        if scope not in SCOPE_RANK:
            known = ", ".join(SCOPE_RANK)
            raise TenancyError(
                "bad_bootstrap", f"Scope {scope!r} for {slug!r} is not one of {known}."
            )
        if not keys.is_valid_key(key):
            raise TenancyError(
                "bad_bootstrap",
                f"The key for {slug!r} is too weak: use {keys.KEY_MIN_LENGTH} to "
                f"{keys.KEY_MAX_LENGTH} characters of A-Z, a-z, 0-9, _ and -.",
            )
        entries.append((slug, scope, key))
    return entries


def bootstrap(*, spec: str) -> list[ApiKey]:
    """Make sure each organization of the spec exists and each key is registered."""
    registered = []
    for slug, scope, key in parse_bootstrap(spec):
        org = org_ensure(slug=slug)
        existing = ApiKey.objects(key_hash=keys.hash_key(key)).first()
        if existing is not None:
            if existing.organization_id != org.id:
                raise TenancyError("bad_bootstrap", f"A key for {slug!r} belongs to another org.")
            registered.append(existing)
            continue
        try:
            doc, _ = api_key_create(org=org, name=f"bootstrap {scope}", scope=scope, key=key)
        except TenancyError as exc:
            if exc.code != "key_exists":  # another worker registered it first
                raise
            doc = ApiKey.objects.get(key_hash=keys.hash_key(key))
        registered.append(doc)
    return registered
