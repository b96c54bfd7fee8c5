"""Unit tests for incidents.transitions: the workflow table, cell by cell."""

import dataclasses
from datetime import UTC, datetime

import pytest

from incidents.choices import STATUSES, ChoiceError
from incidents.transitions import (
    TRANSITIONS,
    Transition,
    TransitionError,
    allowed_next,
    check_transition,
    is_blank,
    is_final,
    is_noop,
    is_open,
    missing_requirements,
    plan_move,
    state_for,
)

NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED = range(1, 8)
ALL = [NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED]
NAMES = {
    NEW: "New",
    ASSIGNED: "Assigned",
    IN_PROGRESS: "In Progress",
    ON_HOLD: "On Hold",
    RESOLVED: "Resolved",
    CLOSED: "Closed",
    CANCELLED: "Cancelled",
}
STATE = {NEW: 1, ASSIGNED: 1, IN_PROGRESS: 1, ON_HOLD: 1, RESOLVED: 2, CLOSED: 3, CANCELLED: 3}

# The whole grid, written out: row = from, column = to.
#   "=" same status, "." refused, otherwise the action name.
#            New     Assigned  In Progress  On Hold  Resolved   Closed   Cancelled
GRID = {
    NEW: ("=", "assign", "start", "hold", "resolve", ".", "cancel"),
    ASSIGNED: ("move", "=", "start", "hold", "resolve", ".", "cancel"),
    IN_PROGRESS: ("move", "assign", "=", "hold", "resolve", ".", "cancel"),
    ON_HOLD: ("move", "assign", "start", "=", "resolve", ".", "cancel"),
    RESOLVED: (".", ".", "reopen", ".", "=", "close", "."),
    CLOSED: (".", ".", ".", ".", ".", "=", "."),
    CANCELLED: (".", ".", ".", ".", ".", ".", "="),
}
CELLS = [(f, t, GRID[f][t - 1]) for f in ALL for t in ALL]
ALLOWED_CELLS = [(f, t, a) for f, t, a in CELLS if a not in ("=", ".")]
REFUSED_CELLS = [(f, t) for f, t, a in CELLS if a == "."]

REQUIRES = {
    "assign": (),
    "start": (),
    "move": (),
    "hold": ("hold_reason",),
    "resolve": ("resolution_type", "closure_note"),
    "cancel": ("reason",),
    "reopen": ("reason",),
    "close": (),
}
OPTIONAL = {"close": ("closure_note",)}

# A body that satisfies every requirement of every move.
FULL = {"hold_reason": 1, "resolution_type": 1, "closure_note": "Fixed it.", "reason": "Why."}

REQUIREMENT_CASES = [(f, t, a, required) for f, t, a in ALLOWED_CELLS for required in REQUIRES[a]]

BLANKS = [None, "", "   ", "\n\t", [], {}, ()]


def test_grid_is_complete():
    assert len(CELLS) == 49
    assert len(ALLOWED_CELLS) == 22
    assert len(REFUSED_CELLS) == 20


@pytest.mark.parametrize(("from_id", "to_id", "action"), CELLS)
def test_grid_cell(from_id, to_id, action):
    if action == "=":
        with pytest.raises(TransitionError) as exc:
            check_transition(from_id, to_id, FULL)
        assert exc.value.code == "same_status"
        assert exc.value.field == "status_id"
        assert is_noop(from_id, to_id)
    elif action == ".":
        with pytest.raises(TransitionError) as exc:
            check_transition(from_id, to_id, FULL)
        assert exc.value.code == "invalid_transition"
        assert exc.value.field == "status_id"
        assert not is_noop(from_id, to_id)
        assert to_id not in [t.to_status_id for t in allowed_next(from_id)]
    else:
        transition = check_transition(from_id, to_id, FULL)
        assert transition.action == action
        assert transition.to_status_id == to_id
        assert transition.to_status == NAMES[to_id]
        assert transition.to_state_id == STATE[to_id]
        assert transition.requires == REQUIRES[action]
        assert transition.optional == OPTIONAL.get(action, ())
        assert transition in allowed_next(from_id)
        assert not is_noop(from_id, to_id)


@pytest.mark.parametrize("from_id", ALL)
def test_allowed_next_matches_grid_in_status_order(from_id):
    expected = [(t, GRID[from_id][t - 1]) for t in ALL if GRID[from_id][t - 1] not in "=."]
    assert [(t.to_status_id, t.action) for t in allowed_next(from_id)] == expected


@pytest.mark.parametrize(("from_id", "to_id"), REFUSED_CELLS)
def test_refusal_message_names_both_statuses_and_allowed(from_id, to_id):
    with pytest.raises(TransitionError) as exc:
        check_transition(from_id, to_id, FULL)
    err = exc.value
    assert NAMES[from_id] in err.message
    assert NAMES[to_id] in err.message
    allowed = [t for t in ALL if GRID[from_id][t - 1] not in "=."]
    assert err.allowed == tuple(allowed)
    for t in allowed:
        assert NAMES[t] in err.message
    if not allowed:
        assert "final" in err.message
    assert str(err) == err.message


@pytest.mark.parametrize(("from_id", "to_id", "action", "field"), REQUIREMENT_CASES)
def test_requirement_missing(from_id, to_id, action, field):
    provided = {k: v for k, v in FULL.items() if k != field}
    with pytest.raises(TransitionError) as exc:
        check_transition(from_id, to_id, provided)
    assert (exc.value.code, exc.value.field) == ("missing_field", field)
    assert field in exc.value.message
    assert NAMES[from_id] in exc.value.message
    assert NAMES[to_id] in exc.value.message


@pytest.mark.parametrize("blank", BLANKS, ids=repr)
@pytest.mark.parametrize(("from_id", "to_id", "action", "field"), REQUIREMENT_CASES)
def test_requirement_blank(from_id, to_id, action, field, blank):
    with pytest.raises(TransitionError) as exc:
        check_transition(from_id, to_id, {**FULL, field: blank})
    assert (exc.value.code, exc.value.field) == ("missing_field", field)


@pytest.mark.parametrize(("from_id", "to_id", "action", "field"), REQUIREMENT_CASES)
def test_requirement_present_alone_is_enough(from_id, to_id, action, field):
    provided = {name: FULL[name] for name in REQUIRES[action]}
    assert check_transition(from_id, to_id, provided).action == action


@pytest.mark.parametrize(
    ("from_id", "to_id", "action"), [c for c in ALLOWED_CELLS if not REQUIRES[c[2]]]
)
def test_moves_without_requirements_accept_empty_body(from_id, to_id, action):
    assert check_transition(from_id, to_id, {}).action == action


def test_close_with_or_without_closure_note():
    assert check_transition(RESOLVED, CLOSED, {}).action == "close"
    assert check_transition(RESOLVED, CLOSED, {"closure_note": ""}).action == "close"
    assert check_transition(RESOLVED, CLOSED, {"closure_note": "done"}).action == "close"


@pytest.mark.parametrize("from_id", [NEW, ASSIGNED, IN_PROGRESS, ON_HOLD])
def test_resolve_reports_first_missing_in_order(from_id):
    with pytest.raises(TransitionError) as exc:
        check_transition(from_id, RESOLVED, {})
    assert exc.value.field == "resolution_type"
    with pytest.raises(TransitionError) as exc:
        check_transition(from_id, RESOLVED, {"resolution_type": 1, "closure_note": " "})
    assert exc.value.field == "closure_note"


def test_missing_requirements_lists_all():
    resolve = check_transition(NEW, RESOLVED, FULL)
    assert missing_requirements(resolve, {}) == ("resolution_type", "closure_note")
    assert missing_requirements(resolve, {"closure_note": "x"}) == ("resolution_type",)
    assert missing_requirements(resolve, FULL) == ()
    close = check_transition(RESOLVED, CLOSED, {})
    assert missing_requirements(close, {}) == ()


def test_reopen_goes_to_in_progress_and_needs_reason():
    transition = check_transition(RESOLVED, IN_PROGRESS, {"reason": "Still broken"})
    assert (transition.action, transition.to_status_id, transition.to_state_id) == (
        "reopen",
        IN_PROGRESS,
        1,
    )
    with pytest.raises(TransitionError) as exc:
        check_transition(RESOLVED, IN_PROGRESS, {"hold_reason": 1})
    assert exc.value.field == "reason"


def test_extra_fields_are_ignored():
    assert check_transition(NEW, ASSIGNED, {"anything": "else", "reason": ""}).action == "assign"


def test_requirement_check_runs_after_the_transition_check():
    with pytest.raises(TransitionError) as exc:
        check_transition(CLOSED, ON_HOLD, {})
    assert exc.value.code == "invalid_transition"


@pytest.mark.parametrize("status_id", ALL)
def test_same_status_message(status_id):
    with pytest.raises(TransitionError) as exc:
        check_transition(status_id, status_id, FULL)
    assert exc.value.code == "same_status"
    assert NAMES[status_id] in exc.value.message
    assert exc.value.allowed == ()


# --- per-status helpers ---------------------------------------------------------------


@pytest.mark.parametrize("status_id", ALL)
def test_state_for(status_id):
    assert state_for(status_id) == STATE[status_id]
    assert state_for(status_id) == STATUSES.by_id(status_id).state_id


@pytest.mark.parametrize(
    ("status_id", "open_", "final"),
    [
        (NEW, True, False),
        (ASSIGNED, True, False),
        (IN_PROGRESS, True, False),
        (ON_HOLD, True, False),
        (RESOLVED, False, False),
        (CLOSED, False, True),
        (CANCELLED, False, True),
    ],
)
def test_is_open_and_is_final(status_id, open_, final):
    assert is_open(status_id) is open_
    assert is_final(status_id) is final
    assert (allowed_next(status_id) == []) is final


@pytest.mark.parametrize("from_id", ALL)
@pytest.mark.parametrize("to_id", ALL)
def test_is_noop(from_id, to_id):
    assert is_noop(from_id, to_id) is (from_id == to_id)


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (0, "unknown_id"),
        (8, "unknown_id"),
        (-1, "unknown_id"),
        (True, "invalid_type"),
        (False, "invalid_type"),
        ("1", "invalid_type"),
        (1.0, "invalid_type"),
        (None, "invalid_type"),
    ],
)
def test_unknown_or_wrong_type_status_is_choice_error(bad, code):
    calls = [
        lambda: state_for(bad),
        lambda: is_open(bad),
        lambda: is_final(bad),
        lambda: allowed_next(bad),
        lambda: is_noop(bad, NEW),
        lambda: is_noop(NEW, bad),
        lambda: check_transition(bad, NEW, FULL),
        lambda: check_transition(NEW, bad, FULL),
    ]
    for call in calls:
        with pytest.raises(ChoiceError) as exc:
            call()
        assert (exc.value.field, exc.value.code) == ("status_id", code)


# --- the table and its values -----------------------------------------------------------


def test_transitions_table_covers_every_status_and_is_read_only():
    assert sorted(TRANSITIONS) == ALL
    with pytest.raises(TypeError):
        TRANSITIONS[CLOSED] = ()


def test_allowed_next_returns_a_fresh_list():
    moves = allowed_next(NEW)
    moves.clear()
    assert len(allowed_next(NEW)) == 5


def test_transition_is_frozen():
    transition = allowed_next(NEW)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        transition.action = "other"


def test_transition_as_dict():
    hold = check_transition(NEW, ON_HOLD, FULL)
    assert hold.as_dict() == {
        "to_status_id": 4,
        "to_status": "On Hold",
        "to_state_id": 1,
        "action": "hold",
        "requires": ["hold_reason"],
        "optional": [],
    }
    close = check_transition(RESOLVED, CLOSED, {})
    assert close.as_dict()["optional"] == ["closure_note"]


def test_transition_constructor_fields():
    assert [f.name for f in dataclasses.fields(Transition)] == [
        "to_status_id",
        "to_status",
        "to_state_id",
        "action",
        "requires",
        "optional",
        "recorded_as",
        "writes",
    ]


@pytest.mark.parametrize("value", BLANKS, ids=repr)
def test_is_blank_true(value):
    assert is_blank(value)


@pytest.mark.parametrize("value", [0, False, 1, "x", " x ", [0], {"a": 1}, 0.0], ids=repr)
def test_is_blank_false(value):
    assert not is_blank(value)


def test_transition_error_attributes():
    err = TransitionError("missing_field", "reason is required", field="reason")
    assert (err.code, err.message, err.field, err.allowed, str(err)) == (
        "missing_field",
        "reason is required",
        "reason",
        (),
        "reason is required",
    )
    assert "missing_field" in repr(err)
    assert TransitionError("same_status", "x").field is None


# --- plan_move: what each move writes, from every entry point -----------------------

MOMENT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
FULL = {"hold_reason": "Scheduled", "resolution_type": "Fixed", "closure_note": "n", "reason": "r"}


def status_fields(status_id: int) -> dict:
    state_id = STATE[status_id]
    return {
        "basic_info.status_id": status_id,
        "basic_info.status": NAMES[status_id],
        "basic_info.state_id": state_id,
        "basic_info.state": {1: "Open", 2: "Resolved", 3: "Closed"}[state_id],
    }


@pytest.mark.parametrize(
    ("from_id", "to_id"),
    [(f, t) for f in ALL for t in ALL if GRID[f][t - 1] not in ("=", ".")],
)
def test_every_allowed_move_writes_its_status_and_state(from_id, to_id):
    move = plan_move(
        from_status_id=from_id, to_status_id=to_id, provided=FULL, actor="key:a", moment=MOMENT
    )
    assert move.transition.to_status_id == to_id
    assert move.from_status_id == from_id
    assert {k: v for k, v in move.set.items() if k.startswith("basic_info.st")} == (
        status_fields(to_id)
    )


def test_resolve_writes_the_resolution_and_who_and_when():
    move = plan_move(
        from_status_id=IN_PROGRESS, action="resolve", provided=FULL, actor="key:a", moment=MOMENT
    )
    assert move.recorded_as == "resolved"
    assert move.set == {
        **status_fields(RESOLVED),
        "basic_info.resolution_type": "Fixed",
        "close_info.resolution_type": "Fixed",
        "close_info.resolution_type_id": 1,
        "close_info.closure_note": "n",
        "close_info.resolved_at": MOMENT,
        "close_info.resolved_by": "key:a",
    }
    assert move.inc == {}


@pytest.mark.parametrize("value", [1, "fixed", " Fixed "])
def test_resolution_type_by_id_or_name(value):
    provided = {**FULL, "resolution_type": value}
    move = plan_move(
        from_status_id=NEW, action="resolve", provided=provided, actor="a", moment=MOMENT
    )
    assert move.set["close_info.resolution_type_id"] == 1


@pytest.mark.parametrize("value", ["Nope", 99, 1.0])
def test_unknown_resolution_type_is_a_choice_error_naming_the_field(value):
    with pytest.raises(ChoiceError) as exc:
        plan_move(
            from_status_id=NEW,
            action="resolve",
            provided={**FULL, "resolution_type": value},
            actor="a",
            moment=MOMENT,
        )
    assert exc.value.field == "resolution_type"


def test_reopen_counts_and_clears_the_resolution():
    move = plan_move(
        from_status_id=RESOLVED, action="reopen", provided=FULL, actor="a", moment=MOMENT
    )
    assert move.recorded_as == "reopened"
    assert move.inc == {"close_info.reopen_count": 1}
    assert move.set["close_info.last_reopen_reason"] == "r"
    assert move.set["close_info.resolved_at"] is None
    assert move.set["close_info.resolved_by"] == ""
    assert move.set["basic_info.status_id"] == IN_PROGRESS


def test_a_move_to_in_progress_from_resolved_is_a_reopen_whatever_names_it():
    by_status = plan_move(
        from_status_id=RESOLVED, to_status_id=IN_PROGRESS, provided=FULL, actor="a", moment=MOMENT
    )
    assert by_status.transition.action == "reopen"
    assert by_status.inc == {"close_info.reopen_count": 1}


@pytest.mark.parametrize("from_id", [NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, CLOSED, CANCELLED])
def test_reopen_of_anything_but_resolved_is_refused_naming_the_incident(from_id):
    with pytest.raises(TransitionError) as exc:
        plan_move(from_status_id=from_id, action="reopen", provided=FULL, actor="a", moment=MOMENT)
    assert (exc.value.code, exc.value.field, exc.value.status) == (
        "invalid_transition",
        "incident_id",
        409,
    )
    assert NAMES[from_id] in exc.value.message


def test_close_keeps_a_closure_note_only_when_given():
    plain = plan_move(
        from_status_id=RESOLVED, action="close", provided={}, actor="a", moment=MOMENT
    )
    assert plain.set == {
        **status_fields(CLOSED),
        "close_info.closed_at": MOMENT,
        "close_info.closed_by": "a",
    }
    noted = plan_move(
        from_status_id=RESOLVED,
        action="close",
        provided={"closure_note": "done"},
        actor="a",
        moment=MOMENT,
    )
    assert noted.set["close_info.closure_note"] == "done"
    assert noted.recorded_as == "closed"


def test_cancel_records_the_reason_and_who_closed_it():
    move = plan_move(from_status_id=NEW, action="cancel", provided=FULL, actor="a", moment=MOMENT)
    assert move.recorded_as == "cancelled"
    assert move.set["close_info.cancel_reason"] == "r"
    assert (move.set["close_info.closed_at"], move.set["close_info.closed_by"]) == (MOMENT, "a")


@pytest.mark.parametrize(
    ("action", "field"), [("resolve", "resolution_type"), ("cancel", "reason")]
)
def test_a_missing_requirement_is_a_400_named_required_for_clients(action, field):
    with pytest.raises(TransitionError) as exc:
        plan_move(from_status_id=NEW, action=action, provided={}, actor="a", moment=MOMENT)
    assert (exc.value.status, exc.value.code, exc.value.api_code, exc.value.field) == (
        400,
        "missing_field",
        "required",
        field,
    )


def test_a_move_the_status_forbids_is_a_409():
    with pytest.raises(TransitionError) as exc:
        plan_move(from_status_id=CLOSED, action="resolve", provided=FULL, actor="a", moment=MOMENT)
    assert (exc.value.status, exc.value.api_code) == (409, "invalid_transition")


def test_plan_move_needs_a_target():
    with pytest.raises(ValueError, match="to_status_id or action"):
        plan_move(from_status_id=NEW, provided={}, actor="a", moment=MOMENT)
