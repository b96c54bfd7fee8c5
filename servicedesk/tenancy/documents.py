"""Organizations (tenants) and their API keys."""

import mongoengine as me

from servicedesk.timeutil import now

SCOPE_READ = "read"
SCOPE_WRITE = "write"
SCOPE_ADMIN = "admin"
SCOPE_MAIL = "mail"
SCOPE_CHOICES = [
    (SCOPE_MAIL, "Mail: only delivers inbound mail (POST mail/inbound/); reads nothing"),
    (SCOPE_READ, "Read: GET requests only"),
    (SCOPE_WRITE, "Write: read, create and change"),
    (SCOPE_ADMIN, "Admin: write, plus destructive and configuration operations"),
]
# Each scope includes the ones before it, except `mail`, which includes none: a mail key
# (an MTA's or an inbound-parse service's) may only deliver mail, which admin keys may too.
SCOPE_RANK = {SCOPE_MAIL: 0, SCOPE_READ: 1, SCOPE_WRITE: 2, SCOPE_ADMIN: 3}

SLUG_REGEX = r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"


class Organization(me.Document):
    slug = me.StringField(required=True, regex=SLUG_REGEX)
    name = me.StringField(required=True, max_length=200)
    created_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "organizations",
        "auto_create_index": False,
        "indexes": [{"fields": ["slug"], "unique": True, "name": "slug_unique"}],
    }

    def __str__(self) -> str:
        return self.slug


class ApiKey(me.Document):
    """An organization's key. Only a SHA-256 hash of the secret is stored.

    Keys carry at least 192 bits of randomness, so a fast hash is enough: there is
    nothing to brute-force, and a lookup by hash costs one indexed query.
    """

    organization_id = me.ObjectIdField(required=True)
    organization_slug = me.StringField(required=True)  # denormalized: no second query per request
    name = me.StringField(required=True, max_length=200)
    scope = me.StringField(required=True, choices=[choice for choice, _ in SCOPE_CHOICES])
    key_hash = me.StringField(required=True)
    # The first characters of the key, safe to show, to tell keys apart in listings.
    display_prefix = me.StringField(required=True)
    created_at = me.DateTimeField(required=True, default=now)
    last_used_at = me.DateTimeField(null=True)
    expires_at = me.DateTimeField(null=True)
    revoked_at = me.DateTimeField(null=True)
    # The agent this key acts for (directory's Agent id), or None: the key acts as itself.
    agent_id = me.ObjectIdField(null=True)

    meta = {
        "collection": "api_keys",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["key_hash"], "unique": True, "name": "key_hash_unique"},
            {"fields": ["organization_id", "created_at"], "name": "org_created"},
        ],
    }

    def __str__(self) -> str:
        return f"{self.display_prefix}… ({self.name})"
