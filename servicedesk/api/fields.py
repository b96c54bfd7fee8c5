"""Serializer fields for free-form JSON that is safe to store in MongoDB.

User dictionaries (`custom_field_data`, `location`, the config objects, ...) are
stored as sub-documents, so their keys must not start with `$` or contain `.`
(MongoDB operators and paths), nor start with `_` (mongoengine reads a stored `_cls`
or `_ref` as a document reference, and `__raw__` as a raw query), and their depth is
bounded.
"""

from typing import Any

from django.core.validators import EmailValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from servicedesk.richtext import sanitize

MAX_DEPTH = 10
MAX_KEY_LENGTH = 128
MAX_STRING_LENGTH = 10_000


def check_json(value: Any, path: str = "", depth: int = 1) -> None:
    """Raise ValidationError naming the offending path; `path` is relative to the field.

    `depth` counts containers: an object holding an object holding a number is 2 deep.
    """
    if isinstance(value, dict | list) and depth > MAX_DEPTH:
        raise serializers.ValidationError(
            f"{path or 'value'}: nested deeper than {MAX_DEPTH} levels.", code="too_deep"
        )
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str) or not key:
                raise serializers.ValidationError(f"{where}: keys must be non-empty strings.")
            if key.startswith(("$", "_")) or "." in key or "\x00" in key:
                raise serializers.ValidationError(
                    f"Key {key[:40]!r} is not allowed: keys may not start with '$' or '_' or "
                    "contain '.' or NUL.",
                    code="invalid_key",
                )
            if len(key) > MAX_KEY_LENGTH:
                raise serializers.ValidationError(
                    f"Key {key[:40]!r}... is longer than {MAX_KEY_LENGTH} characters.",
                    code="invalid_key",
                )
            check_json(item, where, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            where = f"{path}.{index}" if path else str(index)
            check_json(item, where, depth + 1)
    elif isinstance(value, str):
        if len(value) > MAX_STRING_LENGTH:
            raise serializers.ValidationError(
                f"{path or 'value'}: strings are limited to {MAX_STRING_LENGTH} characters.",
                code="max_length",
            )
    elif value is not None and not isinstance(value, bool | int | float):
        raise serializers.ValidationError(f"{path or 'value'}: not a JSON value.")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
        raise serializers.ValidationError(f"{path or 'value'}: integer out of 64-bit range.")


@extend_schema_field({"type": "object", "additionalProperties": True})
class JSONObjectField(serializers.JSONField):
    """A JSON object with MongoDB-safe keys and bounded depth."""

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError("Expected a JSON object.", code="not_an_object")
        check_json(data)
        return data


class JSONObjectListField(serializers.JSONField):
    """A list of JSON objects (each checked like JSONObjectField); empty objects are dropped.

    A single object is taken as a list of it (the listing sends `{}` for "none"); its
    OpenAPI schema, which says so for requests, is in servicedesk.api.schema.
    """

    # Item types a request may send besides objects (see AssetListField).
    other_request_items: tuple[dict, ...] = ()

    def __init__(self, *args, max_items: int = 200, **kwargs):
        self.max_items = max_items
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, dict):  # the listing's create body sends `{}` for "none"
            data = [data]
        if not isinstance(data, list):
            raise serializers.ValidationError("Expected a list of objects.", code="not_a_list")
        if len(data) > self.max_items:
            raise serializers.ValidationError(f"At most {self.max_items} items.", code="max_length")
        for index, item in enumerate(data):
            if not isinstance(item, dict):
                raise serializers.ValidationError(
                    f"Item {index} is not an object.", code="not_an_object"
                )
        check_json(data)
        return [item for item in data if item]


# An email address as the schema states it: what Django's EmailValidator takes, in ASCII
# (a dot-atom local part; a domain of labels, the last of two or more letters).
_ATOM = "[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+"
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_BODY = rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}"
EMAIL_PATTERN = f"^{EMAIL_BODY}$"


class StrictCharField(serializers.CharField):
    """A CharField that refuses numbers, booleans and objects instead of stringifying them.

    The schema (servicedesk.api.schema) says what it refuses: NUL characters, and text that
    is only white space when blank is not allowed; `schema_pattern` replaces that pattern.
    """

    schema_pattern: str | None = None

    def __init__(self, *args, schema_pattern: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if schema_pattern:
            self.schema_pattern = schema_pattern

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("Not a valid string.", code="invalid")
        if "\x00" in data:
            raise serializers.ValidationError("NUL characters are not allowed.", code="invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: no booleans, no floats (DRF takes 2.0), no strings (DRF takes "2")."""

    def to_internal_value(self, data):
        if isinstance(data, bool | float | str):
            raise serializers.ValidationError("A valid integer is required.", code="invalid")
        return super().to_internal_value(data)


_KNOWN_ID_FIELDS: dict[tuple[int, ...], type] = {}


def known_id_field(ids, **kwargs) -> StrictIntegerField:
    """An integer the service checks against a fixed table (priorities, statuses, types),
    whose ids run from 1 up: the schema states the range (an enum would be a component per
    field, and several tables share their ids), the service keeps its own message (`unknown`)
    for an id past it."""
    ids = tuple(sorted(ids))
    if not ids or ids != tuple(range(ids[0], ids[-1] + 1)):
        raise RuntimeError(f"known_id_field needs consecutive ids, not {ids}")
    if ids not in _KNOWN_ID_FIELDS:
        schema = {"type": "integer", "minimum": ids[0], "maximum": ids[-1]}
        _KNOWN_ID_FIELDS[ids] = extend_schema_field(schema)(
            type("KnownIdField", (StrictIntegerField,), {})
        )
    return _KNOWN_ID_FIELDS[ids](**kwargs)


class StrictBooleanField(serializers.BooleanField):
    """Only JSON true/false: no "true", 1 or "yes"."""

    TRUE_VALUES = {True}
    FALSE_VALUES = {False}
    NULL_VALUES = set()

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            raise serializers.ValidationError("Must be true or false.", code="invalid")
        return super().to_internal_value(data)


class RichTextField(StrictCharField):
    """HTML that is sanitized on the way in (see servicedesk.richtext)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        cleaned = sanitize(super().to_internal_value(data))
        if not cleaned and not self.allow_blank:
            raise serializers.ValidationError(
                "Nothing is left after removing unsafe HTML.", code="blank"
            )
        return cleaned


class ConfigRefField(serializers.Field):
    """A reference to configuration (an agent, a group, ...): sent as text, shown as an object.

    In: the id, the name (or, for agents, the email) as text; an object
    `{"id": ...}` or `{"name": ...}` as a read gave it; "" or null for none. Out:
    `{"id": "<hex>" or null, "name": "..."}` or null. The service resolves the text
    against the organization's configuration.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, dict):  # a reference as a read shows it: its id, else its name
            texts = [v for v in (data.get("id"), data.get("name")) if isinstance(v, str) and v]
            if set(data) - {"id", "name"} or not texts:
                raise serializers.ValidationError(
                    'Expected text (an id, a name or an email), or {"id": ...} / {"name": ...}.'
                )
            data = texts[0]
        if data is None:
            return ""
        if not isinstance(data, str):
            raise serializers.ValidationError("Expected an id, a name or an email (text).")
        data = data.strip()
        if len(data) > 254:
            raise serializers.ValidationError("At most 254 characters.", code="max_length")
        return data

    def to_representation(self, value):
        if isinstance(value, str):
            return {"id": None, "name": value} if value else None
        return value or None


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^[0-9a-fA-F]{24}$",
        "minLength": 24,
        "maxLength": 24,
        "example": "66d3f0c2a4b1e2d3c4b5a697",
    }
)
class ObjectIdStringField(StrictCharField):
    """An object id as 24 hex digits, lower-cased; anything else is a 400 naming the field."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if len(value) != 24 or any(c not in "0123456789abcdefABCDEF" for c in value):
            raise serializers.ValidationError("Not a valid id (24 hex digits).", code="invalid")
        return value.lower()


def _valid_email(value: str) -> None:
    # Django's EmailValidator, called through a function: drf-spectacular would add
    # `format: email` for the validator itself, which checkers read as RFC 5321 (a local
    # part of at most 64), stricter than the service; the pattern states the rule.
    EmailValidator(message="Enter a valid email address.")(value)


class StrictEmailField(StrictCharField):
    """An email address (a string only), lower-cased."""

    schema_pattern = EMAIL_PATTERN

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)
        self.validators.append(_valid_email)

    def to_internal_value(self, data):
        return super().to_internal_value(data).lower()
