"""API key format, hashing and the `Authorization` header.

Generated keys look like `sdk_<43 url-safe characters>`: the `sdk_` prefix lets
secret scanners find leaked keys. Keys given to the bootstrap may have any form
of at least 32 characters of `[A-Za-z0-9_-]`.
"""

import hashlib
import hmac
import re
import secrets

KEY_PREFIX = "sdk_"
KEY_MIN_LENGTH = 32
KEY_MAX_LENGTH = 256
KEY_PATTERN = re.compile(rf"^[A-Za-z0-9_-]{{{KEY_MIN_LENGTH},{KEY_MAX_LENGTH}}}$")
DISPLAY_PREFIX_LENGTH = 10
SCHEMES = ("bearer", "api-key", "apikey")


class MalformedKey(ValueError):
    """The header carries something that cannot be an API key."""


def generate_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def hashes_match(stored: str, key: str) -> bool:
    return hmac.compare_digest(stored, hash_key(key))


def display_prefix(key: str) -> str:
    return key[:DISPLAY_PREFIX_LENGTH]


def is_valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))


def key_from_header(value: str) -> str:
    """`<key>`, `Bearer <key>` or `Api-Key <key>` to the key; MalformedKey otherwise."""
    parts = value.strip().split()
    if len(parts) == 2 and parts[0].lower() in SCHEMES:
        key = parts[1]
    elif len(parts) == 1:
        key = parts[0]
    else:
        raise MalformedKey("Use `Authorization: <key>`, `Bearer <key>` or `Api-Key <key>`.")
    if not is_valid_key(key):
        raise MalformedKey(
            f"An API key is {KEY_MIN_LENGTH} to {KEY_MAX_LENGTH} characters "
            "of A-Z, a-z, 0-9, _ and -."
        )
    return key
