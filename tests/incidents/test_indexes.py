"""Every sort of the list has an index that gives its order (no blocking sort on MongoDB).

The list filters on (organization, deleted flag) and sorts by a key and then by
display_number. MongoDB reads a page in index order only when an index has the
equality fields first, then the sort fields in the sort's directions (or all of
them reversed); otherwise it sorts the whole organization in memory for every
page. mongomock does not plan queries, so the declared indexes are
checked here against the selector's sorts.
"""

import pytest

from incidents.documents import Incident
from incidents.selectors import INDEXED_SORTS, SORT_FIELDS, ordering

EQUALITY = [("organization_id", 1), ("is_deleted", 1)]


def declared_keys():
    return [spec["fields"] for spec in Incident._meta["index_specs"]]


def gives_order(index, sort) -> bool:
    """Whether `index` serves equality on EQUALITY then `sort`, forwards or backwards."""
    head, rest = index[: len(EQUALITY)], index[len(EQUALITY) :]
    if [name for name, _ in head] != [name for name, _ in EQUALITY]:
        return False
    if [name for name, _ in rest[: len(sort)]] != [name for name, _ in sort]:
        return False
    directions = [a * b for (_, a), (_, b) in zip(rest, sort, strict=False)]
    return len(set(directions)) == 1


@pytest.mark.parametrize("sort_key", sorted(SORT_FIELDS))
@pytest.mark.parametrize("direction", [1, -1])
def test_each_sort_of_the_list_is_served_by_an_index(sort_key, direction):
    field = SORT_FIELDS[sort_key]
    sort = [(field, direction)]
    if field != "display_number":
        sort.append(("display_number", direction))
    assert any(gives_order(index, sort) for index in declared_keys()), (sort_key, direction)


@pytest.mark.parametrize("filtered", ["basic_info.status_id", "basic_info.priority_id"])
def test_the_status_and_priority_filters_keep_the_default_order_indexed(filtered):
    wanted = [*EQUALITY, (filtered, 1), ("creation_time", -1), ("display_number", -1)]
    assert any(
        [name for name, _ in index] == [name for name, _ in wanted]
        and [d for _, d in index][3:] == [-1, -1]
        for index in declared_keys()
    )


@pytest.mark.parametrize("sort_key", sorted(SORT_FIELDS))
def test_the_sort_the_list_sends_is_the_one_checked(sort_key):
    from bson import ObjectId

    from incidents.selectors import incident_list
    from servicedesk.tenancy.services import Principal

    principal = Principal(
        key_id=ObjectId(), organization_id=ObjectId(), organization_slug="x", scope="read"
    )
    queryset = incident_list(principal=principal, filters={"sort_key": sort_key})
    field = SORT_FIELDS[sort_key]
    assert queryset._ordering[0] == (field, -1)
    assert queryset._ordering[-1] == ("display_number", -1)


@pytest.mark.parametrize("sort_key", INDEXED_SORTS)
def test_the_default_views_of_several_keys_are_served_by_an_index(sort_key):
    """The sorts of several keys that are default views (selectors.INDEXED_SORTS) read a
    page in index order, tie-breaker included."""
    sort = [
        (field.lstrip("+-"), -1 if field.startswith("-") else 1)
        for field in ordering(sort_key, None)
    ]
    assert sort[-1][0] == "display_number"
    assert any(gives_order(index, sort) for index in declared_keys()), sort


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        ({}, "org_sort_created"),
        ({"sort_key": "priority_id"}, "org_sort_priority"),
        ({"sort_key": "priority_id", "sort_order": "asc"}, "org_sort_priority"),
        ({"sort_key": "display_id", "sort_order": "asc"}, "org_number"),
        ({"status_id": 2}, "org_status_created"),
        ({"sort_key": "priority_id,-creation_time"}, "org_priority_created"),
        ({"status_id": [1, 2]}, None),  # $in: the server plans it
        ({"q": "vpn"}, None),  # a regex: likewise
        ({"tag": "vpn"}, None),  # no index of tag and the sort
    ],
)
def test_the_list_names_the_index_of_its_sort(filters, index):
    """DocumentDB's planner costs every (organization_id, is_deleted, ...) index alike and
    may sort the whole organization (RESULTS.md, "Scale on DocumentDB"): the list hints
    the index that gives its order, where one does."""
    from bson import ObjectId

    from incidents.selectors import incident_list
    from servicedesk.tenancy.services import Principal

    principal = Principal(
        key_id=ObjectId(), organization_id=ObjectId(), organization_slug="x", scope="read"
    )
    queryset = incident_list(principal=principal, filters=filters)
    assert (queryset._hint if queryset._hint != -1 else None) == index
