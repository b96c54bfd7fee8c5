"""Unit tests for incidents.choices (pure; no Django, no database)."""

import dataclasses
import json

import pytest

from incidents import choices
from incidents.choices import (
    HOLD_REASONS,
    IMPACTS,
    INCIDENT_TYPES,
    PRIORITIES,
    PRIORITY_MATRIX,
    RESOLUTION_TYPES,
    SOURCES,
    STATES,
    STATUSES,
    URGENCIES,
    Choice,
    ChoiceError,
    ChoiceTable,
    IncidentTypeChoice,
    StatusChoice,
    as_options,
    priority_for,
    resolve_choice,
)

# The contract (API.md), written out literally: a change to an id is a breaking change.
EXPECTED_TABLES = {
    "states": (STATES, [(1, "Open"), (2, "Resolved"), (3, "Closed")]),
    "urgencies": (URGENCIES, [(1, "High"), (2, "Medium"), (3, "Low")]),
    "impacts": (IMPACTS, [(1, "Enterprise"), (2, "Site"), (3, "Department"), (4, "User")]),
    "priorities": (
        PRIORITIES,
        [(1, "Critical"), (2, "High"), (3, "Medium"), (4, "Low"), (5, "Very Low")],
    ),
    "sources": (
        SOURCES,
        [
            (1, "Web"),
            (2, "Email"),
            (3, "Phone"),
            (4, "Chat"),
            (5, "API"),
            (6, "Walk-in"),
            (7, "Monitoring"),
        ],
    ),
    "resolution_types": (
        RESOLUTION_TYPES,
        [
            (1, "Fixed"),
            (2, "Workaround"),
            (3, "Duplicate"),
            (4, "Cannot Reproduce"),
            (5, "User Error"),
            (6, "Known Error"),
            (7, "No Action Required"),
        ],
    ),
    "hold_reasons": (
        HOLD_REASONS,
        [
            (1, "Awaiting Requester"),
            (2, "Awaiting Vendor"),
            (3, "Awaiting Change"),
            (4, "Scheduled"),
        ],
    ),
}

EXPECTED_STATUSES = [
    (1, "New", 1),
    (2, "Assigned", 1),
    (3, "In Progress", 1),
    (4, "On Hold", 1),
    (5, "Resolved", 2),
    (6, "Closed", 3),
    (7, "Cancelled", 3),
]

EXPECTED_INCIDENT_TYPES = [
    (1, "Incident", "inci"),
    (2, "Service Request", "sr"),
    (3, "Problem", "prb"),
]

# impact -> (High, Medium, Low) urgency, as in API.md.
EXPECTED_MATRIX = {
    "Enterprise": {"High": 1, "Medium": 2, "Low": 3},
    "Site": {"High": 2, "Medium": 3, "Low": 4},
    "Department": {"High": 3, "Medium": 4, "Low": 5},
    "User": {"High": 4, "Medium": 5, "Low": 5},
}
IMPACT_IDS = {"Enterprise": 1, "Site": 2, "Department": 3, "User": 4}
URGENCY_IDS = {"High": 1, "Medium": 2, "Low": 3}
MATRIX_CELLS = [
    (impact, urgency, priority)
    for impact, row in EXPECTED_MATRIX.items()
    for urgency, priority in row.items()
]

ALL_TABLES = [
    STATES,
    STATUSES,
    URGENCIES,
    IMPACTS,
    PRIORITIES,
    SOURCES,
    INCIDENT_TYPES,
    RESOLUTION_TYPES,
    HOLD_REASONS,
]


# --- the tables -------------------------------------------------------------------


@pytest.mark.parametrize("key", EXPECTED_TABLES)
def test_table_contents_in_order(key):
    table, expected = EXPECTED_TABLES[key]
    assert [(c.id, c.name) for c in table] == expected
    assert all(type(c) is Choice for c in table)


def test_statuses_know_their_state():
    assert [(s.id, s.name, s.state_id) for s in STATUSES] == EXPECTED_STATUSES
    assert all(isinstance(s, StatusChoice) for s in STATUSES)
    assert {s.state_id for s in STATUSES} == set(STATES.ids())


def test_incident_types_have_prefixes():
    assert [(t.id, t.name, t.prefix) for t in INCIDENT_TYPES] == EXPECTED_INCIDENT_TYPES
    assert all(isinstance(t, IncidentTypeChoice) for t in INCIDENT_TYPES)


def test_named_constants_match_tables():
    assert STATES.by_id(choices.STATE_OPEN).name == "Open"
    assert STATES.by_id(choices.STATE_RESOLVED).name == "Resolved"
    assert STATES.by_id(choices.STATE_CLOSED).name == "Closed"
    named_statuses = {
        choices.STATUS_NEW: "New",
        choices.STATUS_ASSIGNED: "Assigned",
        choices.STATUS_IN_PROGRESS: "In Progress",
        choices.STATUS_ON_HOLD: "On Hold",
        choices.STATUS_RESOLVED: "Resolved",
        choices.STATUS_CLOSED: "Closed",
        choices.STATUS_CANCELLED: "Cancelled",
    }
    for status_id, name in named_statuses.items():
        assert STATUSES.by_id(status_id).name == name
    assert URGENCIES.by_id(choices.URGENCY_HIGH).name == "High"
    assert URGENCIES.by_id(choices.URGENCY_MEDIUM).name == "Medium"
    assert URGENCIES.by_id(choices.URGENCY_LOW).name == "Low"
    assert IMPACTS.by_id(choices.IMPACT_ENTERPRISE).name == "Enterprise"
    assert IMPACTS.by_id(choices.IMPACT_SITE).name == "Site"
    assert IMPACTS.by_id(choices.IMPACT_DEPARTMENT).name == "Department"
    assert IMPACTS.by_id(choices.IMPACT_USER).name == "User"


def test_awaiting_requester_is_distinguishable():
    assert HOLD_REASONS.by_id(choices.HOLD_AWAITING_REQUESTER).name == "Awaiting Requester"
    assert HOLD_REASONS.by_name("awaiting requester").id == choices.HOLD_AWAITING_REQUESTER
    others = [r for r in HOLD_REASONS if r.id != choices.HOLD_AWAITING_REQUESTER]
    assert len(others) == len(HOLD_REASONS) - 1


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.label)
def test_every_entry_found_by_id_and_name(table):
    for choice in table:
        assert table.by_id(choice.id) is choice
        assert table.by_name(choice.name) is choice
        assert table.by_name(choice.name.upper()) is choice
        assert table.by_name(choice.name.lower()) is choice
        assert table.by_name(f"  {choice.name.swapcase()} ") is choice
        assert choice.id in table
    assert table.ids() == tuple(c.id for c in table)
    assert table.names() == tuple(c.name for c in table)
    assert len(table) == len(list(table))


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.label)
def test_ids_are_positive_and_contiguous(table):
    assert table.ids() == tuple(range(1, len(table) + 1))


def test_by_name_tolerates_repeated_inner_spaces():
    assert STATUSES.by_name("in   progress").id == 3
    assert RESOLUTION_TYPES.by_name("No  Action\tRequired").id == 7


@pytest.mark.parametrize("bad", [0, 8, -1, True, False, "1", 1.0, None, [1]])
def test_by_id_unknown_raises_key_error(bad):
    with pytest.raises(KeyError):
        STATUSES.by_id(bad)
    assert bad not in STATUSES


@pytest.mark.parametrize("bad", ["", "Nope", "InProgress", "In-Progress", 1, None])
def test_by_name_unknown_raises_key_error(bad):
    with pytest.raises(KeyError):
        STATUSES.by_name(bad)


def test_choices_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        STATUSES.by_id(1).name = "Renamed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        INCIDENT_TYPES.by_id(1).prefix = "x"


def test_table_cannot_be_mutated_through_lookups():
    with pytest.raises(TypeError):
        STATUSES._by_id[99] = Choice(99, "Hack")
    assert 99 not in STATUSES


def test_table_rejects_duplicate_ids():
    with pytest.raises(ValueError, match="duplicate id"):
        ChoiceTable("t", [Choice(1, "A"), Choice(1, "B")])


def test_table_rejects_names_equal_ignoring_case():
    with pytest.raises(ValueError, match="duplicate name"):
        ChoiceTable("t", [Choice(1, "On Hold"), Choice(2, "on  hold")])


@pytest.mark.parametrize("bad_id", [True, "1", 1.0])
def test_table_rejects_non_int_ids(bad_id):
    with pytest.raises(ValueError, match="id"):
        ChoiceTable("t", [Choice(bad_id, "A")])


def test_table_rejects_blank_names():
    with pytest.raises(ValueError, match="name"):
        ChoiceTable("t", [Choice(1, "  ")])


def test_table_repr_and_label():
    assert repr(STATUSES) == "ChoiceTable('status', 7 choices)"
    assert [t.label for t in ALL_TABLES] == [
        "state",
        "status",
        "urgency",
        "impact",
        "priority",
        "source",
        "incident_type",
        "resolution_type",
        "hold_reason",
    ]


def test_choice_as_dict():
    assert URGENCIES.by_id(1).as_dict() == {"id": 1, "name": "High"}
    assert STATUSES.by_id(4).as_dict() == {"id": 4, "name": "On Hold", "state_id": 1}
    assert INCIDENT_TYPES.by_id(2).as_dict() == {"id": 2, "name": "Service Request", "prefix": "sr"}


# --- priority matrix ----------------------------------------------------------------


@pytest.mark.parametrize(("impact", "urgency", "priority"), MATRIX_CELLS)
def test_priority_for_every_cell(impact, urgency, priority):
    impact_id, urgency_id = IMPACT_IDS[impact], URGENCY_IDS[urgency]
    assert priority_for(impact_id, urgency_id) == priority
    assert PRIORITY_MATRIX[impact_id, urgency_id] == priority
    assert IMPACTS.by_id(impact_id).name == impact
    assert URGENCIES.by_id(urgency_id).name == urgency


def test_priority_matrix_covers_exactly_all_pairs():
    assert len(MATRIX_CELLS) == 12
    assert set(PRIORITY_MATRIX) == {(i, u) for i in IMPACTS.ids() for u in URGENCIES.ids()}
    assert set(PRIORITY_MATRIX.values()) == set(PRIORITIES.ids())


def test_listing_example_department_low_is_very_low():
    assert PRIORITIES.by_id(priority_for(3, 3)).name == "Very Low"


def test_priority_matrix_is_read_only():
    with pytest.raises(TypeError):
        PRIORITY_MATRIX[1, 1] = 5


@pytest.mark.parametrize(
    ("impact_id", "urgency_id", "field", "code"),
    [
        (0, 1, "impact_id", "unknown_id"),
        (5, 1, "impact_id", "unknown_id"),
        (-1, 1, "impact_id", "unknown_id"),
        (1, 0, "urgency_id", "unknown_id"),
        (1, 4, "urgency_id", "unknown_id"),
        (True, 1, "impact_id", "invalid_type"),
        (1, False, "urgency_id", "invalid_type"),
        ("1", 1, "impact_id", "invalid_type"),
        (1, 1.0, "urgency_id", "invalid_type"),
        (None, 1, "impact_id", "invalid_type"),
        (1, None, "urgency_id", "invalid_type"),
        ([1], 1, "impact_id", "invalid_type"),
        (9, 9, "impact_id", "unknown_id"),
    ],
)
def test_priority_for_rejects_bad_ids(impact_id, urgency_id, field, code):
    with pytest.raises(ChoiceError) as exc:
        priority_for(impact_id, urgency_id)
    assert (exc.value.field, exc.value.code) == (field, code)
    assert exc.value.message == str(exc.value)


# --- resolve_choice -----------------------------------------------------------------


def _error(**kwargs):
    kwargs.setdefault("field", "status")
    with pytest.raises(ChoiceError) as exc:
        resolve_choice(STATUSES, **kwargs)
    assert exc.value.field == kwargs["field"]
    assert str(exc.value) == exc.value.message
    assert exc.value.message
    return exc.value


@pytest.mark.parametrize("status_id", [1, 2, 3, 4, 5, 6, 7])
def test_resolve_by_id(status_id):
    assert resolve_choice(STATUSES, id=status_id, field="status") is STATUSES.by_id(status_id)


@pytest.mark.parametrize(("name", "status_id"), [(n, i) for i, n, _ in EXPECTED_STATUSES])
def test_resolve_by_name(name, status_id):
    assert resolve_choice(STATUSES, name=name, field="status").id == status_id


@pytest.mark.parametrize(
    "name", ["in progress", "IN PROGRESS", "In progress", "  In Progress  ", "in  PROGRESS"]
)
def test_resolve_by_name_case_and_space_insensitive(name):
    assert resolve_choice(STATUSES, name=name, field="status").id == 3


@pytest.mark.parametrize(("status_id", "name", "_state"), EXPECTED_STATUSES)
def test_resolve_both_agreeing(status_id, name, _state):
    choice = resolve_choice(STATUSES, id=status_id, name=name.upper(), field="status")
    assert choice is STATUSES.by_id(status_id)


@pytest.mark.parametrize(("id_", "name"), [(1, "Assigned"), (7, "Closed"), ("5", "new")])
def test_resolve_both_disagreeing(id_, name):
    err = _error(id=id_, name=name)
    assert err.code == "mismatch"
    assert repr(name) in err.message


@pytest.mark.parametrize(("raw", "expected"), [("3", 3), (" 3 ", 3), ("7", 7), ("03", 3)])
def test_resolve_numeric_string_id_accepted(raw, expected):
    assert resolve_choice(STATUSES, id=raw, field="status").id == expected


@pytest.mark.parametrize("raw", [0, 8, -1, 10**30, "0", "8", "-1", "999999999999999999"])
def test_resolve_unknown_id(raw):
    err = _error(id=raw)
    assert err.code == "unknown_id"
    assert "1, 2, 3, 4, 5, 6, 7" in err.message


@pytest.mark.parametrize("raw", ["Nope", "InProgress", "in_progress", "1", "Open"])
def test_resolve_unknown_name(raw):
    err = _error(name=raw)
    assert err.code == "unknown_name"
    assert "In Progress" in err.message


def test_resolve_unknown_name_with_valid_id_is_unknown_name():
    assert _error(id=3, name="Nope").code == "unknown_name"


def test_resolve_unknown_id_with_valid_name_is_unknown_id():
    assert _error(id=99, name="New").code == "unknown_id"


@pytest.mark.parametrize(
    "raw",
    [
        True,
        False,
        1.0,
        3.5,
        float("nan"),
        "3.0",
        "1e2",
        "three",
        "٣",  # Arabic-Indic digit three: not an ASCII id
        "1" * 19,
        "1" * 5000,
        [1],
        {"$ne": 1},
        b"1",
    ],
)
def test_resolve_id_invalid_type(raw):
    assert _error(id=raw).code == "invalid_type"


@pytest.mark.parametrize("raw", [1, 1.0, True, ["New"], {"$ne": "New"}, b"New"])
def test_resolve_name_invalid_type(raw):
    assert _error(name=raw).code == "invalid_type"


def test_resolve_bool_error_message_says_boolean():
    assert "boolean" in _error(id=True).message


@pytest.mark.parametrize("id_", [None, "", "   "])
@pytest.mark.parametrize("name", [None, "", "  "])
def test_resolve_neither_given_is_required(id_, name):
    assert _error(id=id_, name=name).code == "required"


@pytest.mark.parametrize(("id_", "name"), [(None, None), ("", ""), (None, " ")])
def test_resolve_neither_given_optional_returns_none(id_, name):
    assert resolve_choice(STATUSES, id=id_, name=name, field="status", required=False) is None


def test_resolve_blank_id_with_name_uses_name():
    assert resolve_choice(STATUSES, id="", name="On Hold", field="status").id == 4


def test_resolve_blank_name_with_id_uses_id():
    assert resolve_choice(STATUSES, id=4, name="", field="status").name == "On Hold"


def test_resolve_optional_still_validates_given_values():
    with pytest.raises(ChoiceError) as exc:
        resolve_choice(URGENCIES, id=9, field="urgency_id", required=False)
    assert exc.value.code == "unknown_id"


def test_resolve_error_names_given_field():
    with pytest.raises(ChoiceError) as exc:
        resolve_choice(IMPACTS, id=9, field="impact_id")
    assert exc.value.field == "impact_id"
    assert "impact_id" in exc.value.message


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.label)
def test_resolve_works_on_every_table(table):
    for choice in table:
        assert resolve_choice(table, id=choice.id, name=choice.name.lower(), field="x") is choice


def test_resolve_field_is_keyword_only_and_required():
    with pytest.raises(TypeError):
        resolve_choice(STATUSES, id=1)
    with pytest.raises(TypeError):
        resolve_choice(STATUSES, 1, "New", "status")


def test_choice_error_attributes_and_repr():
    err = ChoiceError("urgency", "unknown_id", "bad urgency")
    assert (err.field, err.code, err.message, str(err)) == (
        "urgency",
        "unknown_id",
        "bad urgency",
        "bad urgency",
    )
    assert isinstance(err, Exception)
    assert "unknown_id" in repr(err)


# --- as_options ---------------------------------------------------------------------


def test_as_options_keys():
    assert list(as_options()) == [
        "states",
        "statuses",
        "urgencies",
        "impacts",
        "priorities",
        "priority_matrix",
        "sources",
        "incident_types",
        "resolution_types",
        "hold_reasons",
    ]


@pytest.mark.parametrize("key", EXPECTED_TABLES)
def test_as_options_simple_lists(key):
    _table, expected = EXPECTED_TABLES[key]
    assert as_options()[key] == [{"id": i, "name": n} for i, n in expected]


def test_as_options_statuses_carry_state_id():
    assert as_options()["statuses"] == [
        {"id": i, "name": n, "state_id": s} for i, n, s in EXPECTED_STATUSES
    ]


def test_as_options_incident_types_carry_prefix():
    assert as_options()["incident_types"] == [
        {"id": i, "name": n, "prefix": p} for i, n, p in EXPECTED_INCIDENT_TYPES
    ]


def test_as_options_priority_matrix():
    matrix = as_options()["priority_matrix"]
    assert len(matrix) == 12
    assert all(set(cell) == {"impact_id", "urgency_id", "priority_id"} for cell in matrix)
    assert sorted((c["impact_id"], c["urgency_id"], c["priority_id"]) for c in matrix) == sorted(
        (IMPACT_IDS[i], URGENCY_IDS[u], p) for i, u, p in MATRIX_CELLS
    )


def test_as_options_is_json_ready():
    options = as_options()
    assert json.loads(json.dumps(options)) == options


def test_as_options_returns_fresh_copies():
    first = as_options()
    first["statuses"][0]["name"] = "Mutated"
    first["priority_matrix"].clear()
    second = as_options()
    assert second["statuses"][0]["name"] == "New"
    assert len(second["priority_matrix"]) == 12
    assert STATUSES.by_id(1).name == "New"
