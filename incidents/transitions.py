"""The incident workflow: which status may follow which, and what each move needs.

Pure functions over status ids (see ``choices.STATUSES``), no I/O. Services
call ``check_transition`` before their compare-and-set write; views use
``allowed_next`` to show the next statuses and what each one needs.

An unknown status id is a ``choices.ChoiceError`` (``field="status_id"``,
code ``unknown_id`` or ``invalid_type``), as ``resolve_choice`` would raise;
the workflow's own refusals are ``TransitionError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, cast

from .choices import (
    STATE_OPEN,
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
)


class TransitionError(Exception):
    """A status change the workflow refuses.

    ``code``: ``invalid_transition`` (not allowed from the current status;
    ``allowed`` holds the status ids that are), ``missing_field`` (``field``
    names the missing requirement) or ``same_status``.
    """

    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        allowed: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.allowed = allowed

    def __repr__(self) -> str:
        return (
            f"TransitionError(code={self.code!r}, field={self.field!r}, message={self.message!r})"
        )


@dataclass(frozen=True)
class Transition:
    to_status_id: int
    to_status: str
    to_state_id: int
    action: str
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

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
    return Transition(status.id, status.name, status.state_id, action, requires, **kw)


_MOVE = _to(STATUS_NEW, "move")
_ASSIGN = _to(STATUS_ASSIGNED, "assign")
_START = _to(STATUS_IN_PROGRESS, "start")
_HOLD = _to(STATUS_ON_HOLD, "hold", ("hold_reason",))
_RESOLVE = _to(STATUS_RESOLVED, "resolve", ("resolution_type", "closure_note"))
_CANCEL = _to(STATUS_CANCELLED, "cancel", ("reason",))
_REOPEN = _to(STATUS_IN_PROGRESS, "reopen", ("reason",))
_CLOSE = _to(STATUS_CLOSED, "close", optional=("closure_note",))

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
