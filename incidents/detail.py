"""`incident-data/{ref}/` shows every app's part of an incident in one call.

Apps whose data belongs to an incident (conversations, attachments) register a
section at start-up (their AppConfig.ready, through `incidents.public`): a
function `(request, principal, incident) -> {key: value}` whose keys join the
answer. Incidents never import them.
"""

from collections.abc import Callable
from typing import Any

Section = Callable[..., dict[str, Any]]
_SECTIONS: dict[str, Section] = {}
# Per section, a function answering the serializer fields of its keys (for the schema).
_FIELDS: dict[str, Callable[[], dict[str, Any]]] = {}


def register_detail_section(
    name: str, section: Section, fields: Callable[[], dict[str, Any]] | None = None
) -> None:
    """`fields()` answers `{key: serializer field}` of what `section` adds (the schema)."""
    _SECTIONS[name] = section
    if fields is not None:
        _FIELDS[name] = fields


def detail_fields() -> dict[str, Any]:
    """The serializer fields every registered section adds, for the OpenAPI schema."""
    out: dict[str, Any] = {}
    for fields in _FIELDS.values():
        out.update(fields())
    return out


def detail_sections(*, request, principal, incident) -> dict[str, Any]:
    """Every registered section's keys, in registration order."""
    out: dict[str, Any] = {}
    for section in _SECTIONS.values():
        out.update(section(request=request, principal=principal, incident=incident))
    return out
