"""`picklists/{name}/` and `priority-matrix/`: GET and PUT, defaults until stored.

Entries of a picklist never disappear (stored incidents refer to them by id): a PUT
that drops one is refused; deactivating it is the way.
"""

import pytest

from catalogue import selectors
from catalogue.documents import MAX_ENTRY_ID, MAX_PICKLIST_ENTRIES, NAME_MAX, Picklist
from catalogue.public import catalogue_of
from tests.support.config import ORG, refused

PICKLISTS = ("resolution_types", "hold_reasons", "sources")
MATRIX = ORG + "priority-matrix/"


def url(name):
    return f"{ORG}picklists/{name}/"


def defaults(name):
    return [
        {"id": e.id, "name": e.name, "active": e.active} for e in selectors.default_picklist(name)
    ]


def put(client, listname, entries, **body):
    return client.put(url(listname), {"entries": entries, **body}, format="json")


@pytest.mark.parametrize("name", PICKLISTS)
def test_a_list_never_stored_is_the_default(tenant, name):
    response = tenant.reader.get(url(name))
    assert response.status_code == 200
    assert response.json() == {"name": name, "entries": defaults(name)}
    assert response.json()["entries"], "incidents registers non-empty defaults"


@pytest.mark.parametrize("name", ["nope", "Sources", "priority"])
def test_an_unknown_list_is_404(tenant, name):
    refused(tenant.reader.get(url(name)), 404, "not_found")
    refused(tenant.admin.put(url(name), {"entries": []}, format="json"), 404, "not_found")


@pytest.mark.parametrize("name", PICKLISTS)
def test_put_adds_renames_and_deactivates(tenant, other_tenant, name):
    entries = defaults(name)
    entries[0] = {**entries[0], "name": "Renamed"}
    entries[1] = {**entries[1], "active": False}
    new = {"id": 99, "name": "Brand new", "active": True}
    response = put(tenant.admin, name, [*entries, {"id": 99, "name": "Brand new"}], name=name)
    assert response.status_code == 200, response.content
    assert response.json() == {"name": name, "entries": [*entries, new]}
    assert tenant.reader.get(url(name)).json() == response.json()
    stored = catalogue_of(organization_id=tenant.org.id).picklist(name)
    assert [(e.id, e.name, e.active) for e in stored][-1] == (99, "Brand new", True)
    assert other_tenant.reader.get(url(name)).json()["entries"] == defaults(name)


def test_an_entry_cannot_disappear(tenant):
    name = "resolution_types"
    entries = defaults(name)
    response = put(tenant.admin, name, entries[1:])
    error = refused(response, 400, "entry_removed", "entries")
    assert str(entries[0]["id"]) in error["detail"] and entries[0]["name"] in error["detail"]
    assert Picklist.objects.count() == 0
    # Stored, then dropped: refused the same way.
    assert put(tenant.admin, name, [*entries, {"id": 50, "name": "Extra"}]).status_code == 200
    error = refused(put(tenant.admin, name, entries), 400, "entry_removed", "entries")
    assert "50" in error["detail"] and "Extra" in error["detail"]


@pytest.mark.parametrize(
    ("change", "attr", "code"),
    [
        (lambda e: [*e, {"id": e[0]["id"], "name": "Other"}], "entries.{n}.id", "duplicate"),
        (lambda e: [*e, {"id": 90, "name": e[0]["name"].upper()}], "entries.{n}.name", "duplicate"),
        (lambda e: [*e, {"id": 0, "name": "Zero"}], "entries.{n}.id", "min_value"),
        (lambda e: [*e, {"id": MAX_ENTRY_ID + 1, "name": "Big"}], "entries.{n}.id", "max_value"),
        (lambda e: [*e, {"id": "9", "name": "Str"}], "entries.{n}.id", "invalid"),
        (lambda e: [*e, {"name": "No id"}], "entries.{n}.id", "required"),
        (
            lambda e: [*e, {"id": 90, "name": "n" * (NAME_MAX + 1)}],
            "entries.{n}.name",
            "max_length",
        ),
        (lambda e: [*e, {"id": 90, "name": " "}], "entries.{n}.name", "blank"),
        (lambda e: [*e, {"id": 90, "name": "A", "active": "no"}], "entries.{n}.active", "invalid"),
        (
            lambda e: [*e, {"id": 90, "name": "A", "colour": 1}],
            "entries.{n}.colour",
            "unknown_field",
        ),
    ],
)
def test_bad_entries_are_refused(tenant, change, attr, code):
    entries = change(defaults("sources"))
    response = put(tenant.admin, "sources", entries)
    refused(response, 400, code, attr.format(n=len(entries) - 1))
    assert tenant.reader.get(url("sources")).json()["entries"] == defaults("sources")


def test_entry_limits(tenant):
    entries = defaults("sources")
    longest = {"id": MAX_ENTRY_ID, "name": "n" * NAME_MAX, "active": True}
    assert put(tenant.admin, "sources", [*entries, longest]).json()["entries"][-1] == longest
    most = [*entries, longest]
    most += [{"id": 100 + n, "name": f"e{n}"} for n in range(MAX_PICKLIST_ENTRIES - len(most))]
    assert len(put(tenant.admin, "sources", most).json()["entries"]) == MAX_PICKLIST_ENTRIES
    too_many = [*most, {"id": 99_999, "name": "one more"}]
    refused(put(tenant.admin, "sources", too_many), 400, "max_length", "entries")


def test_the_body_names_the_list_of_the_path_or_none(tenant):
    entries = defaults("sources")
    refused(put(tenant.admin, "sources", entries, name="hold_reasons"), 400, "mismatch", "name")
    refused(put(tenant.admin, "sources", entries, name="other"), 400, "invalid_choice", "name")
    refused(tenant.admin.put(url("sources"), {}, format="json"), 400, "required", "entries")
    assert put(tenant.admin, "sources", entries).status_code == 200


def test_picklist_scopes(tenant):
    entries = defaults("sources")
    assert tenant.reader.get(url("sources")).status_code == 200
    for client in (tenant.reader, tenant.writer):
        refused(put(client, "sources", entries), 403, "insufficient_scope")
    assert put(tenant.admin, "sources", entries).status_code == 200


def test_a_raced_put_is_checked_against_what_the_other_stored(tenant, monkeypatch):
    """Two PUTs read the same list; the second to write must not drop what the first added.

    The other PUT writes between this one's check and its write: the compare-and-set sees
    the version move and checks this PUT again on the fresh list, where an entry is
    missing.
    """
    from catalogue import services

    entries = defaults("sources")
    assert put(tenant.admin, "sources", entries).status_code == 200  # stored: version 1
    other = [*entries, {"id": 77, "name": "Added by the other", "active": True}]
    real = services._checked_entries
    raced = []

    def check_then_race(name, given, before):
        checked = real(name, given, before)
        if not raced:
            raced.append(True)
            Picklist.objects(organization_id=tenant.org.id).update_one(
                set__entries=other, inc__version=1
            )
        return checked

    monkeypatch.setattr(services, "_checked_entries", check_then_race)
    response = put(tenant.admin, "sources", [*entries, {"id": 78, "name": "Mine"}])
    error = refused(response, 400, "entry_removed", "entries")
    assert "77" in error["detail"]
    assert tenant.reader.get(url("sources")).json()["entries"] == other


# --- the priority matrix -----------------------------------------------------------------


def cells(matrix=None):
    matrix = matrix or selectors.default_matrix()
    return [
        {"impact_id": i, "urgency_id": u, "priority_id": p} for (i, u), p in sorted(matrix.items())
    ]


def test_a_matrix_never_stored_is_the_default(tenant):
    response = tenant.reader.get(MATRIX)
    assert response.status_code == 200
    assert response.json() == {"cells": cells()}
    assert len(response.json()["cells"]) == 12


def test_put_replaces_the_matrix(tenant, other_tenant):
    changed = {**selectors.default_matrix(), (4, 3): 4, (1, 3): 1}
    body = {"cells": list(reversed(cells(changed)))}
    response = tenant.admin.put(MATRIX, body, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {"cells": cells(changed)}  # sorted
    assert tenant.reader.get(MATRIX).json() == {"cells": cells(changed)}
    assert catalogue_of(organization_id=tenant.org.id).matrix == changed
    assert other_tenant.reader.get(MATRIX).json() == {"cells": cells()}
    again = {**changed, (4, 3): 5}
    assert tenant.admin.put(MATRIX, {"cells": cells(again)}, format="json").json() == {
        "cells": cells(again)
    }


@pytest.mark.parametrize(
    ("change", "attr", "code"),
    [
        (lambda c: c[1:], "cells", "incomplete"),
        (lambda c: [*c, c[0]], "cells.12", "duplicate"),
        (lambda c: [*c[:-1], {**c[-1], "impact_id": 5}], "cells.11.impact_id", "unknown"),
        (lambda c: [*c[:-1], {**c[-1], "urgency_id": 4}], "cells.11.urgency_id", "unknown"),
        (lambda c: [*c[:-1], {**c[-1], "priority_id": 6}], "cells.11.priority_id", "unknown"),
        (lambda c: [*c[:-1], {**c[-1], "priority_id": 0}], "cells.11.priority_id", "min_value"),
        (lambda c: [*c[:-1], {**c[-1], "priority_id": "1"}], "cells.11.priority_id", "invalid"),
        (
            lambda c: [*c[:-1], {"impact_id": 4, "urgency_id": 3}],
            "cells.11.priority_id",
            "required",
        ),
        (lambda c: [*c[:-1], {**c[-1], "x": 1}], "cells.11.x", "unknown_field"),
        (lambda c: [], "cells", "incomplete"),
    ],
)
def test_a_bad_matrix_is_refused(tenant, change, attr, code):
    response = tenant.admin.put(MATRIX, {"cells": change(cells())}, format="json")
    refused(response, 400, code, attr)
    assert tenant.reader.get(MATRIX).json() == {"cells": cells()}


def test_matrix_scopes(tenant):
    for client in (tenant.reader, tenant.writer):
        refused(client.put(MATRIX, {"cells": cells()}, format="json"), 403, "insufficient_scope")
    assert tenant.admin.put(MATRIX, {"cells": cells()}, format="json").status_code == 200


def test_no_key_is_401(anon):
    refused(anon.get(MATRIX), 401, "not_authenticated")
    refused(anon.get(url("sources")), 401, "not_authenticated")
