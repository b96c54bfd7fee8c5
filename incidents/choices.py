"""Enumerations of the incident API: small frozen tables with stable integer ids.

Pure (the standard library and ``servicedesk.errors``), so documents,
serializers, filters, the schema and the workflow (``transitions.py``) can all
share it. Ids are part of the public
contract (they are stored and sent by clients): never renumber an entry.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from servicedesk.errors import InvalidInput, InvalidInputs


class ChoiceError(InvalidInput):
    """An enumerated value that cannot be accepted (400 naming its field).

    ``code`` is one of ``unknown_id``, ``unknown_name``, ``mismatch``,
    ``invalid_type`` or ``required``; ``field`` is the request field it belongs to.
    """

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(message, code=code, field=field)

    def __repr__(self) -> str:
        return f"ChoiceError(field={self.field!r}, code={self.code!r}, message={self.message!r})"


@dataclass(frozen=True)
class Choice:
    id: int
    name: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class StatusChoice(Choice):
    state_id: int


@dataclass(frozen=True)
class IncidentTypeChoice(Choice):
    prefix: str


def normalize_name(name: str) -> str:
    """Case-insensitive, whitespace-tolerant form of a display name."""
    return " ".join(name.split()).casefold()


class ChoiceTable:
    """An immutable, ordered list of choices, looked up by id or by name."""

    def __init__(self, label: str, choices: Iterable[Choice]) -> None:
        self.label = label
        self._choices = tuple(choices)
        by_id: dict[int, Choice] = {}
        by_name: dict[str, Choice] = {}
        for choice in self._choices:
            key = normalize_name(choice.name)
            if type(choice.id) is not int or choice.id in by_id:
                raise ValueError(f"{label}: bad or duplicate id {choice.id!r}")
            if not key or key in by_name:
                raise ValueError(f"{label}: bad or duplicate name {choice.name!r}")
            by_id[choice.id] = by_name[key] = choice
        self._by_id = MappingProxyType(by_id)
        self._by_name = MappingProxyType(by_name)

    def by_id(self, id: int) -> Choice:
        """The choice with this id; ``KeyError`` if none (a bool is never an id)."""
        if id not in self:
            raise KeyError(id)
        return self._by_id[id]

    def by_name(self, name: str) -> Choice:
        """The choice with this name, case-insensitively; ``KeyError`` if none."""
        if not isinstance(name, str) or normalize_name(name) not in self._by_name:
            raise KeyError(name)
        return self._by_name[normalize_name(name)]

    def ids(self) -> tuple[int, ...]:
        return tuple(self._by_id)

    def names(self) -> tuple[str, ...]:
        return tuple(choice.name for choice in self._choices)

    def as_list(self) -> list[dict[str, Any]]:
        return [choice.as_dict() for choice in self._choices]

    def __iter__(self) -> Iterator[Choice]:
        return iter(self._choices)

    def __len__(self) -> int:
        return len(self._choices)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, int) and not isinstance(id, bool) and id in self._by_id

    def __repr__(self) -> str:
        return f"ChoiceTable({self.label!r}, {len(self)} choices)"

    def __copy__(self) -> ChoiceTable:
        return self  # immutable: serializer fields holding a table are deep-copied per request

    def __deepcopy__(self, memo: dict) -> ChoiceTable:
        return self


# Ids named where code needs them; the tables below are the source of truth.
STATE_OPEN, STATE_RESOLVED, STATE_CLOSED = 1, 2, 3
(
    STATUS_NEW,
    STATUS_ASSIGNED,
    STATUS_IN_PROGRESS,
    STATUS_ON_HOLD,
    STATUS_RESOLVED,
    STATUS_CLOSED,
    STATUS_CANCELLED,
) = range(1, 8)
URGENCY_HIGH, URGENCY_MEDIUM, URGENCY_LOW = 1, 2, 3
IMPACT_ENTERPRISE, IMPACT_SITE, IMPACT_DEPARTMENT, IMPACT_USER = 1, 2, 3, 4
# An incident on hold for this reason goes back to In Progress when the requester replies.
HOLD_AWAITING_REQUESTER = 1

STATES = ChoiceTable(
    "state",
    [
        Choice(STATE_OPEN, "Open"),
        Choice(STATE_RESOLVED, "Resolved"),
        Choice(STATE_CLOSED, "Closed"),
    ],
)

STATUSES = ChoiceTable(
    "status",
    [
        StatusChoice(STATUS_NEW, "New", STATE_OPEN),
        StatusChoice(STATUS_ASSIGNED, "Assigned", STATE_OPEN),
        StatusChoice(STATUS_IN_PROGRESS, "In Progress", STATE_OPEN),
        StatusChoice(STATUS_ON_HOLD, "On Hold", STATE_OPEN),
        StatusChoice(STATUS_RESOLVED, "Resolved", STATE_RESOLVED),
        StatusChoice(STATUS_CLOSED, "Closed", STATE_CLOSED),
        StatusChoice(STATUS_CANCELLED, "Cancelled", STATE_CLOSED),
    ],
)

URGENCIES = ChoiceTable(
    "urgency",
    [Choice(URGENCY_HIGH, "High"), Choice(URGENCY_MEDIUM, "Medium"), Choice(URGENCY_LOW, "Low")],
)

IMPACTS = ChoiceTable(
    "impact",
    [
        Choice(IMPACT_ENTERPRISE, "Enterprise"),
        Choice(IMPACT_SITE, "Site"),
        Choice(IMPACT_DEPARTMENT, "Department"),
        Choice(IMPACT_USER, "User"),
    ],
)

PRIORITIES = ChoiceTable(
    "priority",
    [
        Choice(1, "Critical"),
        Choice(2, "High"),
        Choice(3, "Medium"),
        Choice(4, "Low"),
        Choice(5, "Very Low"),
    ],
)

SOURCE_EMAIL = 2
SOURCES = ChoiceTable(
    "source",
    [
        Choice(1, "Web"),
        Choice(2, "Email"),
        Choice(3, "Phone"),
        Choice(4, "Chat"),
        Choice(5, "API"),
        Choice(6, "Walk-in"),
        Choice(7, "Monitoring"),
    ],
)

INCIDENT_TYPES = ChoiceTable(
    "incident_type",
    [
        IncidentTypeChoice(1, "Incident", "inci"),
        IncidentTypeChoice(2, "Service Request", "sr"),
        IncidentTypeChoice(3, "Problem", "prb"),
    ],
)

RESOLUTION_TYPES = ChoiceTable(
    "resolution_type",
    [
        Choice(1, "Fixed"),
        Choice(2, "Workaround"),
        Choice(3, "Duplicate"),
        Choice(4, "Cannot Reproduce"),
        Choice(5, "User Error"),
        Choice(6, "Known Error"),
        Choice(7, "No Action Required"),
    ],
)

HOLD_REASONS = ChoiceTable(
    "hold_reason",
    [
        Choice(HOLD_AWAITING_REQUESTER, "Awaiting Requester"),
        Choice(2, "Awaiting Vendor"),
        Choice(3, "Awaiting Change"),
        Choice(4, "Scheduled"),
    ],
)

# (impact_id, urgency_id) -> priority_id; rows are impacts, columns High/Medium/Low urgency.
PRIORITY_MATRIX: MappingProxyType[tuple[int, int], int] = MappingProxyType(
    {
        (impact_id, urgency_id): priority_id
        for impact_id, row in (
            (IMPACT_ENTERPRISE, (1, 2, 3)),
            (IMPACT_SITE, (2, 3, 4)),
            (IMPACT_DEPARTMENT, (3, 4, 5)),
            (IMPACT_USER, (4, 5, 5)),
        )
        for urgency_id, priority_id in zip(
            (URGENCY_HIGH, URGENCY_MEDIUM, URGENCY_LOW), row, strict=True
        )
    }
)


# Bounded: int() refuses strings past 4300 digits, and no id comes near 18.
_INT_STRING = re.compile(r"-?[0-9]{1,18}")


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _invalid_id(field: str, value: Any) -> ChoiceError:
    kind = "a boolean" if isinstance(value, bool) else type(value).__name__
    return ChoiceError(field, "invalid_type", f"{field}: expected an integer id, got {kind}.")


def _coerce_id(value: Any, field: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INT_STRING.fullmatch(value.strip()):
        return int(value.strip())
    raise _invalid_id(field, value)


def priority_for(impact_id: int, urgency_id: int) -> int:
    """The priority id for an impact and an urgency; ``ChoiceError`` on an unknown id."""
    for field, table, value in (
        ("impact_id", IMPACTS, impact_id),
        ("urgency_id", URGENCIES, urgency_id),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _invalid_id(field, value)
        if value not in table:
            raise ChoiceError(field, "unknown_id", f"{field}: unknown {table.label} id {value}.")
    return PRIORITY_MATRIX[impact_id, urgency_id]


def resolve_choice(
    table: ChoiceTable,
    *,
    id: Any = None,
    name: Any = None,
    field: str,
    required: bool = True,
) -> Choice | None:
    """Resolve a value sent by id, by name, or by both (which must then agree).

    ``None`` and blank strings count as "not given" (the listing's example body
    sends ``""`` for unset values). An id is an ``int`` or a string of ASCII
    digits such as ``"3"`` (query strings and form fields arrive as text);
    booleans, floats (even ``3.0``) and anything else are ``invalid_type``.
    Names match case-insensitively, ignoring surrounding and repeated spaces.
    With neither given: ``ChoiceError(code="required")``, or ``None`` when
    ``required`` is false. Every error carries ``field``.
    """
    has_id, has_name = not _is_blank(id), not _is_blank(name)
    if has_name and not isinstance(name, str):
        raise ChoiceError(
            field, "invalid_type", f"{field}: expected a name (string), got {type(name).__name__}."
        )
    by_id = by_name = None
    if has_id:
        id = _coerce_id(id, field)
        if id not in table:
            raise ChoiceError(
                field,
                "unknown_id",
                f"{field}: unknown {table.label} id {id}; expected one of "
                f"{', '.join(map(str, table.ids()))}.",
            )
        by_id = table.by_id(id)
    if has_name:
        try:
            by_name = table.by_name(name)
        except KeyError:
            raise ChoiceError(
                field,
                "unknown_name",
                f"{field}: unknown {table.label} {name[:60]!r}; expected one of "
                f"{', '.join(table.names())}.",
            ) from None
    if by_id is not None and by_name is not None and by_id.id != by_name.id:
        raise ChoiceError(
            field,
            "mismatch",
            f"{field}: {table.label} id {by_id.id} is {by_id.name!r}, not {name[:60]!r}.",
        )
    choice = by_id or by_name
    if choice is None and required:
        raise ChoiceError(field, "required", f"{field}: a {table.label} id or name is required.")
    return choice


# The enumerations a body names by `<key>_id`, by `<key>` or both, with their tables.
NAMED_ENUMS: tuple[tuple[str, ChoiceTable], ...] = (
    ("state", STATES),
    ("status", STATUSES),
    ("urgency", URGENCIES),
    ("impact", IMPACTS),
    ("priority", PRIORITIES),
)


def resolve_enums(values: Mapping[str, Any], *, prefix: str = "") -> dict[str, Choice]:
    """Every enumeration of ``NAMED_ENUMS`` that ``values`` names, as choices by key.

    The one place where ids and names of the incident's enumerations are read:
    ``{"status_id": 5}`` and ``{"status": "resolved"}`` both give
    ``{"status": <Resolved>}``. Every problem is reported at once
    (``InvalidInputs`` of ``ChoiceError``), each naming ``<prefix><key>_id``.
    """
    chosen: dict[str, Choice] = {}
    problems: list[ChoiceError] = []
    for key, table in NAMED_ENUMS:
        try:
            choice = resolve_choice(
                table,
                id=values.get(f"{key}_id"),
                name=values.get(key),
                field=f"{prefix}{key}_id",
                required=False,
            )
        except ChoiceError as exc:
            problems.append(exc)
            continue
        if choice is not None:
            chosen[key] = choice
    if problems:
        raise InvalidInputs(problems)
    return chosen


def as_options() -> dict[str, list[dict[str, Any]]]:
    """Every option list, JSON-ready; a fresh copy on each call."""
    return {
        "states": STATES.as_list(),
        "statuses": STATUSES.as_list(),
        "urgencies": URGENCIES.as_list(),
        "impacts": IMPACTS.as_list(),
        "priorities": PRIORITIES.as_list(),
        "priority_matrix": [
            {"impact_id": impact_id, "urgency_id": urgency_id, "priority_id": priority_id}
            for (impact_id, urgency_id), priority_id in PRIORITY_MATRIX.items()
        ],
        "sources": SOURCES.as_list(),
        "incident_types": INCIDENT_TYPES.as_list(),
        "resolution_types": RESOLUTION_TYPES.as_list(),
        "hold_reasons": HOLD_REASONS.as_list(),
    }


# The tables each organization may replace with its own (catalogue picklists), by name.
PICKLIST_TABLES: dict[str, ChoiceTable] = {
    "resolution_types": RESOLUTION_TYPES,
    "hold_reasons": HOLD_REASONS,
    "sources": SOURCES,
}


# `reference[]` entries written by merges and relations (the relations app). They are the
# server's: create, PUT and PATCH keep them as stored and change only the other entries.
REFERENCE_MERGED, REFERENCE_PARENT, REFERENCE_CHILD, REFERENCE_RELATED = (
    "merged",
    "parent",
    "child",
    "related",
)
MANAGED_REFERENCE_TYPES = (REFERENCE_MERGED, REFERENCE_PARENT, REFERENCE_CHILD, REFERENCE_RELATED)
# The entries a client keeps in `reference[]` besides the managed ones.
MAX_OWN_REFERENCES = 200
# The resolution a merged (duplicate) incident is closed with (RESOLUTION_TYPES).
RESOLUTION_DUPLICATE = 3


def is_managed_reference(entry) -> bool:
    return isinstance(entry, dict) and entry.get("type") in MANAGED_REFERENCE_TYPES


# What `reference[]` may hold in all: 1,000 children, a parent, related and merged
# incidents, and the client's own entries.
MAX_REFERENCES = 5_000
