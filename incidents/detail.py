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


def register_detail_section(name: str, section: Section) -> None:
    _SECTIONS[name] = section


def detail_sections(*, request, principal, incident) -> dict[str, Any]:
    """Every registered section's keys, in registration order."""
    out: dict[str, Any] = {}
    for section in _SECTIONS.values():
        out.update(section(request=request, principal=principal, incident=incident))
    return out
