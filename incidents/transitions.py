"""The incident workflow: which status may follow which, what each move needs and writes.

Pure functions over status ids (see ``choices.STATUSES``), no I/O. The table
``TRANSITIONS`` is the one description of the workflow: every entry point
(the action routes, PUT/PATCH, a requester's reply) plans its move with
``plan_move``, which checks the move and returns the fields it writes; the
service persists them with one compare-and-set. Views use ``allowed_next`` to
show the next statuses and what each one needs.

An unknown status id is a ``choices.ChoiceError`` (``field="status_id"``,
code ``unknown_id`` or ``invalid_type``), as ``resolve_choice`` would raise;
the workflow's own refusals are ``TransitionError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, cast

from servicedesk.errors import DomainError

from .choices import (
    RESOLUTION_DUPLICATE,
    RESOLUTION_TYPES,
    STATE_OPEN,
    STATES,
    STATUS_ASSIGNED,
    STATUS_CANCELLED,
    STATUS_CLOSED,
    STATUS_IN_PROGRESS,
    STATUS_NEW,
    STATUS_ON_HOLD,
    STATUS_RESOLVED,
    STATUSES,
    ChoiceError,
    StatusChoice,
    resolve_choice,
)


class TransitionError(DomainError):
    """A status change the workflow refuses.

    ``code``: ``invalid_transition`` (not allowed from the current status;
    ``allowed`` holds the status ids that are), ``missing_field`` (``field``
    names the missing requirement) or ``same_status``. A missing requirement is
    a 400 naming that field (code ``required`` for clients); a move the current
    status forbids conflicts with the incident's state: 409.
    """

    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        allowed: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message, code=code, field=field)
        self.allowed = allowed

    @property
    def status(self) -> int:  # type: ignore[override]
        return 400 if self.code == "missing_field" else 409

    @property
    def api_code(self) -> str:
        return "required" if self.code == "missing_field" else self.code

    def __repr__(self) -> str:
        return (
            f"TransitionError(code={self.code!r}, field={self.field!r}, message={self.message!r})"
        )


# What a move writes besides the status: (provided, actor, moment) -> ($set, $inc).
Effect = Callable[[Mapping[str, Any], str, datetime], tuple[dict[str, Any], dict[str, int]]]


def _no_effect(provided: Mapping[str, Any], actor: str, moment: datetime):
    return {}, {}


def _resolution_type(value: Any):
    if hasattr(value, "id") and hasattr(value, "name"):
        return value  # already resolved, against the organization's own picklist
    return resolve_choice(
        RESOLUTION_TYPES,
        id=value if isinstance(value, int) else None,
        name=value if isinstance(value, str) else None,
        field="resolution_type",
    )


def _resolve(provided: Mapping[str, Any], actor: str, moment: datetime):
    kind = _resolution_type(provided.get("resolution_type"))
    return {
        "basic_info.resolution_type": kind.name,
        "close_info.resolution_type": kind.name,
        "close_info.resolution_type_id": kind.id,
        "close_info.closure_note": provided.get("closure_note"),
        "close_info.resolved_at": moment,
        "close_info.resolved_by": actor,
    }, {}


def _reopen(provided: Mapping[str, Any], actor: str, moment: datetime):
    return {
        "close_info.last_reopen_reason": provided.get("reason"),
        "close_info.resolved_at": None,
        "close_info.resolved_by": "",
    }, {"close_info.reopen_count": 1}


def _close(provided: Mapping[str, Any], actor: str, moment: datetime):
    fields = {"close_info.closed_at": moment, "close_info.closed_by": actor}
    if provided.get("closure_note"):
        fields["close_info.closure_note"] = provided["closure_note"]
    return fields, {}


def _cancel(provided: Mapping[str, Any], actor: str, moment: datetime):
    return {
        "close_info.cancel_reason": provided.get("reason"),
        "close_info.closed_at": moment,
        "close_info.closed_by": actor,
    }, {}


@dataclass(frozen=True)
class Transition:
    """One move of the table: where it goes, what it needs, what it writes.

    ``recorded_as`` is the history entry's action; ``writes`` the fields the move
    sets besides the status (resolution, reopen count, closing times, ...).
    """

    to_status_id: int
    to_status: str
    to_state_id: int
    action: str
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    recorded_as: str = ""
    writes: Effect = field(default=_no_effect, compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "to_status_id": self.to_status_id,
            "to_status": self.to_status,
            "to_state_id": self.to_state_id,
            "action": self.action,
            "requires": list(self.requires),
            "optional": list(self.optional),
        }


def _to(status_id: int, action: str, requires: tuple[str, ...] = (), **kw: Any) -> Transition:
    status = cast(StatusChoice, STATUSES.by_id(status_id))
    kw.setdefault("recorded_as", action)
    return Transition(status.id, status.name, status.state_id, action, requires, **kw)


_MOVE = _to(STATUS_NEW, "move")
_ASSIGN = _to(STATUS_ASSIGNED, "assign")
_START = _to(STATUS_IN_PROGRESS, "start")
_HOLD = _to(STATUS_ON_HOLD, "hold", ("hold_reason",))
_RESOLVE = _to(
    STATUS_RESOLVED,
    "resolve",
    ("resolution_type", "closure_note"),
    recorded_as="resolved",
    writes=_resolve,
)
_CANCEL = _to(STATUS_CANCELLED, "cancel", ("reason",), recorded_as="cancelled", writes=_cancel)
_REOPEN = _to(STATUS_IN_PROGRESS, "reopen", ("reason",), recorded_as="reopened", writes=_reopen)
_CLOSE = _to(
    STATUS_CLOSED, "close", optional=("closure_note",), recorded_as="closed", writes=_close
)


def _merge(provided: Mapping[str, Any], actor: str, moment: datetime):
    duplicate = RESOLUTION_TYPES.by_id(RESOLUTION_DUPLICATE)
    return {
        "basic_info.resolution_type": duplicate.name,
        "close_info.resolution_type": duplicate.name,
        "close_info.resolution_type_id": duplicate.id,
        "close_info.closure_note": provided.get("closure_note"),
        "close_info.resolved_at": moment,
        "close_info.resolved_by": actor,
        "close_info.closed_at": moment,
        "close_info.closed_by": actor,
        "close_info.merged_into": provided.get("merged_into"),
    }, {}


# Merging closes a duplicate from any status that is not final. Not a move a user picks
# (not in TRANSITIONS, not offered by `allowed_next`): only `plan_merge_close` plans it.
_MERGE = _to(
    STATUS_CLOSED,
    "merge",
    ("merged_into", "closure_note"),
    recorded_as="merged_into",
    writes=_merge,
)

# from status id -> the moves allowed from it, in status id order.
TRANSITIONS: Mapping[int, tuple[Transition, ...]] = MappingProxyType(
    {
        STATUS_NEW: (_ASSIGN, _START, _HOLD, _RESOLVE, _CANCEL),
        STATUS_ASSIGNED: (_MOVE, _START, _HOLD, _RESOLVE, _CANCEL),
        STATUS_IN_PROGRESS: (_MOVE, _ASSIGN, _HOLD, _RESOLVE, _CANCEL),
        STATUS_ON_HOLD: (_MOVE, _ASSIGN, _START, _RESOLVE, _CANCEL),
        STATUS_RESOLVED: (_REOPEN, _CLOSE),
        STATUS_CLOSED: (),
        STATUS_CANCELLED: (),
    }
)


def _status(status_id: int) -> StatusChoice:
    if isinstance(status_id, bool) or not isinstance(status_id, int):
        kind = "a boolean" if isinstance(status_id, bool) else type(status_id).__name__
        raise ChoiceError(
            "status_id", "invalid_type", f"status_id: expected an integer, got {kind}."
        )
    if status_id not in STATUSES:
        raise ChoiceError("status_id", "unknown_id", f"status_id: unknown status id {status_id}.")
    return cast(StatusChoice, STATUSES.by_id(status_id))


def state_for(status_id: int) -> int:
    return _status(status_id).state_id


def is_open(status_id: int) -> bool:
    return state_for(status_id) == STATE_OPEN


def is_final(status_id: int) -> bool:
    return not TRANSITIONS[_status(status_id).id]


def is_noop(from_status_id: int, to_status_id: int) -> bool:
    """True when a write "changes" the status to the one it has: skip the workflow.

    A PATCH or PUT that repeats the current status is not a status change;
    ``check_transition`` refuses it (``same_status``) so that callers decide
    explicitly, and the action routes can answer "already resolved".
    """
    _status(from_status_id)
    _status(to_status_id)
    return from_status_id == to_status_id


def allowed_next(status_id: int) -> list[Transition]:
    return list(TRANSITIONS[_status(status_id).id])


def is_blank(value: Any) -> bool:
    """Missing for a requirement: None, a blank string, or an empty list/tuple/set/dict.

    ``0`` and ``False`` are values; whether they are valid is for the field's own check.
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple | set | frozenset | dict) and not value


def missing_requirements(transition: Transition, provided: Mapping[str, Any]) -> tuple[str, ...]:
    """Every required field of ``transition`` that ``provided`` lacks, in order."""
    return tuple(name for name in transition.requires if is_blank(provided.get(name)))


def check_transition(
    from_status_id: int, to_status_id: int, provided: Mapping[str, Any]
) -> Transition:
    """The allowed ``Transition`` from one status to another, with its requirements met.

    Raises ``TransitionError``: ``same_status`` if the ids are equal (see
    ``is_noop``), ``invalid_transition`` if the workflow forbids the move,
    ``missing_field`` for the first blank requirement (``missing_requirements``
    lists them all). ``provided`` is the request's fields by name.
    """
    current, target = _status(from_status_id), _status(to_status_id)
    if current.id == target.id:
        raise TransitionError(
            "same_status", f"The incident is already {current.name}.", field="status_id"
        )
    moves = TRANSITIONS[current.id]
    transition = next((t for t in moves if t.to_status_id == target.id), None)
    if transition is None:
        allowed = tuple(t.to_status_id for t in moves)
        if moves:
            names = ", ".join(t.to_status for t in moves)
            message = f"Cannot move from {current.name} to {target.name}; allowed: {names}."
        else:
            message = (
                f"Cannot move from {current.name} to {target.name}; "
                f"{current.name} is final, no status change is allowed."
            )
        raise TransitionError("invalid_transition", message, field="status_id", allowed=allowed)
    missing = missing_requirements(transition, provided)
    if missing:
        raise TransitionError(
            "missing_field",
            f"{missing[0]} is required to move from {current.name} to {target.name}.",
            field=missing[0],
        )
    return transition


# The action routes name a move rather than a status.
_BY_ACTION = {t.action: t for t in (_RESOLVE, _REOPEN, _CLOSE, _CANCEL)}


@dataclass(frozen=True)
class Move:
    """A checked move and everything it writes: the ``$set`` and ``$inc`` of one update."""

    transition: Transition
    from_status_id: int
    set: dict[str, Any]
    inc: dict[str, int]

    @property
    def recorded_as(self) -> str:
        return self.transition.recorded_as


def plan_move(
    *,
    from_status_id: int,
    provided: Mapping[str, Any],
    actor: str,
    moment: datetime,
    to_status_id: int | None = None,
    action: str | None = None,
) -> Move:
    """Check a move (to a status, or by its action's name) and plan what it writes.

    ``provided`` holds the request's values by requirement name (``hold_reason``,
    ``resolution_type``, ``closure_note``, ``reason``). Raises ``TransitionError``
    as ``check_transition`` does (an action that the current status does not offer
    is ``invalid_transition``), and ``ChoiceError`` for an unknown resolution type.
    """
    if action is not None:
        wanted = _BY_ACTION[action]
        offered = wanted in TRANSITIONS[_status(from_status_id).id]
        if not offered and action == "reopen":
            current = _status(from_status_id)
            raise TransitionError(
                "invalid_transition",
                f"Only a Resolved incident can be reopened; this one is {current.name}.",
                field="incident_id",
            )
        to_status_id = wanted.to_status_id
    if to_status_id is None:
        raise ValueError("plan_move needs to_status_id or action")
    transition = check_transition(from_status_id, to_status_id, provided)
    sets, inc = transition.writes(provided, actor, moment)
    state = STATES.by_id(transition.to_state_id)
    sets = {
        **sets,
        "basic_info.status_id": transition.to_status_id,
        "basic_info.status": transition.to_status,
        "basic_info.state_id": state.id,
        "basic_info.state": state.name,
    }
    return Move(transition, from_status_id, sets, inc)


def plan_merge_close(
    *, from_status_id: int, merged_into: dict, closure_note: str, actor: str, moment: datetime
) -> Move:
    """Close an incident as a Duplicate of the one it is merged into (`merged_into`:
    `{incident_id, display_id}`). Allowed from every status that is not final; a Closed or
    Cancelled incident is ``invalid_transition`` (409)."""
    current = _status(from_status_id)
    if not TRANSITIONS[current.id]:
        raise TransitionError(
            "invalid_transition",
            f"A {current.name} incident cannot be merged.",
            field="incident_id",
        )
    provided = {"merged_into": merged_into, "closure_note": closure_note}
    missing = missing_requirements(_MERGE, provided)
    if missing:
        raise TransitionError("missing_field", f"{missing[0]} is required.", field=missing[0])
    sets, inc = _MERGE.writes(provided, actor, moment)
    state = STATES.by_id(_MERGE.to_state_id)
    sets = {
        **sets,
        "basic_info.status_id": _MERGE.to_status_id,
        "basic_info.status": _MERGE.to_status,
        "basic_info.state_id": state.id,
        "basic_info.state": state.name,
    }
    return Move(_MERGE, from_status_id, sets, inc)
