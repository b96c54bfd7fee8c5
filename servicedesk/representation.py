"""A lean read path: stored documents (raw dicts) straight to their representation.

DRF's generic serializers cost tens of microseconds per field; a page of 50
incidents is thousands of fields. For the hot read routes a renderer is
compiled once per document class from the mongoengine field declarations: it
reads the raw dict as pymongo returns it, fills declared defaults, and
converts the few types JSON lacks (ObjectId, datetime). The result is the same
representation the DocumentSerializer describes in the OpenAPI schema; a test
holds the two equal.
"""

from collections.abc import Callable
from typing import Any

import mongoengine as me

from servicedesk.timeutil import isoformat

Renderer = Callable[[dict], dict]


def _default_of(field: me.fields.BaseField):
    default = field.default
    return default() if callable(default) else default


def _converter(field: me.fields.BaseField) -> Callable[[Any], Any] | None:
    """How a stored value of `field` becomes JSON; None when it already is JSON.

    A field of our own may say how with a `to_representation(value)` method.
    """
    if hasattr(field, "to_representation"):
        return field.to_representation
    if isinstance(field, me.DateTimeField):
        return isoformat
    if isinstance(field, me.ObjectIdField):
        return lambda value: None if value is None else str(value)
    if isinstance(field, me.EmbeddedDocumentField):
        nested = renderer_for(field.document_type)
        return lambda value: None if value is None else nested(value)
    if isinstance(field, me.ListField) and isinstance(field.field, me.EmbeddedDocumentField):
        nested = renderer_for(field.field.document_type)
        return lambda values: [nested(value) for value in values or []]
    return None


def renderer_for(
    document: type, fields: tuple[str, ...] | None = None, renames: dict[str, str] | None = None
) -> Renderer:
    """A function raw-dict -> representation for `document`.

    `fields`: output names in order (default: every declared field); `renames`:
    output name -> document attribute (`{"incident_id": "id"}`).
    """
    renames = renames or {}
    plan = []
    for name in fields or document._fields_ordered:
        attribute = renames.get(name, name)
        field = document._fields[attribute]
        default = _default_of(field)
        if isinstance(default, me.EmbeddedDocument):
            default = default.to_mongo().to_dict()
        convert = _converter(field)
        plan.append((name, field.db_field, default, convert))

    def render(raw: dict) -> dict:
        out = {}
        for name, key, default, convert in plan:
            value = raw.get(key, default)
            if convert is not None and value is not None:
                value = convert(value)
            elif convert is not None and isinstance(default, dict | list):
                value = convert(default)
            out[name] = value
        return out

    return render
