"""servicedesk.keyset: the page after an item, by its sort values, on any store."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from servicedesk import keyset
from servicedesk.errors import InvalidInput

SORTS = [
    [("a", 1), ("n", 1)],
    [("a", -1), ("n", -1)],
    [("a", 1), ("b", -1), ("n", 1)],
    [("a", -1), ("b", 1), ("n", -1)],
    [("when", -1), ("n", -1)],
    [("nested.k", 1), ("n", -1)],
]


@pytest.fixture
def collection(clean_db):
    return clean_db["keyset_items"]


def fill(collection, rng, count):
    start = datetime(2026, 3, 29, tzinfo=UTC)
    docs = []
    for n in range(1, count + 1):
        doc = {"n": n}
        for name, choices in (("a", [None, 1, 2, 3]), ("b", [None, "x", "y"])):
            value = rng.choice(choices)
            if value is not None or rng.random() < 0.5:
                doc[name] = value  # None stored, or the field missing: both sort as null
        doc["when"] = start + timedelta(minutes=rng.choice([0, 1, 2]))
        k = rng.choice([None, 5, 6])
        doc["nested"] = {"k": k} if k is not None else rng.choice([{"k": None}, {}, None])
        docs.append(doc)
    collection.insert_many(docs)


def walk(collection, sort, size, never_null=()):
    """Every item, a page of `size` at a time, each page found from the previous cursor."""
    seen, cursor = [], None
    for _ in range(collection.count_documents({}) + 2):
        query = (
            {}
            if cursor is None
            else keyset.after(sort, keyset.decode(cursor, sort), never_null=never_null)
        )
        page = list(collection.find(query).sort(sort).limit(size + 1))
        seen += [doc["n"] for doc in page[:size]]
        if len(page) <= size:
            return seen
        cursor = keyset.encode(sort, page[size - 1])
    raise AssertionError(f"the walk does not end: {seen}")


@pytest.mark.parametrize("sort", SORTS, ids=lambda s: ",".join(f"{p}{d:+d}" for p, d in s))
def test_walking_by_cursor_meets_every_item_once_in_sort_order(collection, sort):
    rng = random.Random(20261201)
    fill(collection, rng, 60)
    expected = [doc["n"] for doc in collection.find().sort(sort)]
    for size in (1, 2, 7, 60, 61):
        assert walk(collection, sort, size) == expected


def test_a_key_that_is_never_null_is_bounded_by_range_and_the_walk_is_the_same(collection):
    sort = [("when", -1), ("n", -1)]
    fill(collection, random.Random(7), 60)  # every item has `when`
    expected = [doc["n"] for doc in collection.find().sort(sort)]
    for size in (1, 7, 60):
        assert walk(collection, sort, size, never_null={"when"}) == expected


def test_the_first_key_is_bounded_where_the_bound_is_exact():
    moment = datetime(2026, 12, 1, tzinfo=UTC)
    descending = [("when", -1), ("n", -1)]
    bounded = keyset.after(descending, [moment, 5], never_null={"when"})
    assert bounded["$and"][0] == {"when": {"$lte": moment}}
    assert bounded["$and"][1] == keyset.after(descending, [moment, 5])
    # a descending key that may be null: the nulls come after every value, so no range
    assert "$and" not in keyset.after(descending, [moment, 5])
    # ascending: nulls come first, so the range is exact whatever the key holds
    assert keyset.after([("a", 1), ("n", 1)], [2, 5])["$and"][0] == {"a": {"$gte": 2}}
    # nothing to bound after a null, nor with a single key
    assert "$and" not in keyset.after([("a", 1), ("n", 1)], [None, 5])
    assert "$and" not in keyset.after([("n", -1)], [5], never_null={"n"})


def test_a_cursor_keeps_dates_and_their_zone(collection):
    sort = [("when", -1), ("n", -1)]
    moment = datetime(2026, 10, 25, 1, 30, 15, 123000, tzinfo=UTC)
    values = keyset.decode(keyset.encode(sort, {"when": moment, "n": 7}), sort)
    assert values == [moment, 7] and values[0].tzinfo is not None


def test_a_cursor_is_url_safe_and_opaque():
    cursor = keyset.encode([("s", 1), ("n", 1)], {"s": "a/b+c?&=é", "n": 1})
    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@pytest.mark.parametrize(
    "cursor",
    ["", "!!!", "e30", "bm90IGpzb24", "W10", "x" * (keyset.MAX_CURSOR_LENGTH + 1)],
    ids=["empty", "not-base64", "empty-object", "not-json", "a-list", "too-long"],
)
def test_a_malformed_cursor_is_refused_naming_the_field(cursor):
    with pytest.raises(InvalidInput) as raised:
        keyset.decode(cursor, [("a", 1), ("n", 1)], field="cursor")
    assert raised.value.field == "cursor" and raised.value.code == "invalid_cursor"


@pytest.mark.parametrize("value", [{"$gt": ""}, {"$regex": "."}, [1], {"a": 1}])
def test_a_cursor_holding_an_object_or_list_is_refused_before_any_query(value):
    import base64

    from bson import json_util

    raw = json_util.dumps({"s": [["a", 1], ["n", 1]], "v": [value, 1]})
    cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    with pytest.raises(InvalidInput) as raised:
        keyset.decode(cursor, [("a", 1), ("n", 1)])
    assert raised.value.code == "invalid_cursor"


def test_a_cursor_of_another_sort_is_refused():
    cursor = keyset.encode([("a", 1), ("n", 1)], {"a": 1, "n": 1})
    with pytest.raises(InvalidInput) as raised:
        keyset.decode(cursor, [("a", -1), ("n", -1)])
    assert raised.value.code == "cursor_mismatch"


def test_a_cursor_at_the_length_limit_is_read():
    sort = [("s", 1), ("n", 1)]
    cursor = keyset.encode(sort, {"s": "", "n": 1})
    padding = keyset.MAX_CURSOR_LENGTH - len(cursor)
    long_value = "x" * (padding * 3 // 4 - 4)
    cursor = keyset.encode(sort, {"s": long_value, "n": 1})
    assert len(cursor) <= keyset.MAX_CURSOR_LENGTH
    assert keyset.decode(cursor, sort) == [long_value, 1]
