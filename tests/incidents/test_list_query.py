"""Query power: several sort keys, `fields=` on list and read, several values of a filter."""

import pytest

from incidents.representation import FIELDS
from incidents.selectors import MAX_SORT_KEYS, SORT_FIELDS, ordering
from tests.incidents.test_list import LIST, at, create, listed, store


@pytest.fixture
def queue(tenant):
    """Five incidents: priorities 3, 1, 3, 5, 1 created at 10:05, 10:01, 10:02, 10:04, 10:03."""
    w = tenant.writer
    made = [
        create(w, "a", impact_id=1, urgency_id=3),  # priority 3
        create(w, "b", impact_id=1, urgency_id=1),  # 1
        create(w, "c", impact_id=2, urgency_id=2),  # 3
        create(w, "d", impact_id=4, urgency_id=3),  # 5
        create(w, "e", impact_id=1, urgency_id=1),  # 1
    ]
    for incident, minute in zip(made, (5, 1, 2, 4, 3), strict=True):
        store(incident, creation_time=at(10, minute))
    return [incident["display_id"] for incident in made]


def bad(response, attr):
    assert response.status_code == 400, response.content
    assert [error["attr"] for error in response.json()["errors"]] == [attr]


# --- several sort keys ---------------------------------------------------------------


def test_several_sort_keys_each_with_its_direction(tenant, queue):
    a, b, c, d, e = queue
    assert listed(tenant.reader, sort_key="-priority_id,creation_time") == [d, c, a, b, e]
    assert listed(tenant.reader, sort_key="priority_id,-creation_time") == [e, b, a, c, d]


def test_unsigned_keys_of_several_are_ascending_unless_sort_order_says(tenant, queue):
    a, b, c, d, e = queue
    assert listed(tenant.reader, sort_key="priority_id,creation_time") == [b, e, c, a, d]
    assert listed(tenant.reader, sort_key="priority_id,creation_time", sort_order="desc") == [
        d,
        a,
        c,
        e,
        b,
    ]


def test_a_single_key_keeps_sort_order_and_its_descending_default(tenant, queue):
    assert listed(tenant.reader, sort_key="-priority_id") == listed(
        tenant.reader, sort_key="priority_id", sort_order="desc"
    )
    assert listed(tenant.reader, sort_key="creation_time") == listed(tenant.reader)


def test_a_key_given_again_changes_nothing(tenant, queue):
    assert listed(tenant.reader, sort_key="priority_id,creation_time,priority_id") == listed(
        tenant.reader, sort_key="priority_id,creation_time"
    )


def test_the_unique_tie_breaker_comes_last_in_the_last_keys_direction():
    assert ordering("-priority_id,creation_time", None) == [
        "-basic_info.priority_id",
        "+creation_time",
        "+display_number",
    ]
    assert ordering("priority_id,-creation_time", None)[-1] == "-display_number"
    assert ordering("display_id,priority_id", None) == [
        "+display_number",
        "+basic_info.priority_id",
    ]


def test_sort_keys_at_the_limit_and_one_past_it(tenant, queue):
    keys = sorted(SORT_FIELDS)
    at_limit = ",".join(keys[:MAX_SORT_KEYS])
    assert len(listed(tenant.reader, sort_key=at_limit)) == 5
    past = ",".join(keys[: MAX_SORT_KEYS + 1])
    bad(tenant.reader.get(LIST, {"sort_key": past}), "sort_key")


@pytest.mark.parametrize(
    "value", ["priority_id,nope", "-", "priority_id,", ",priority_id", "--priority_id", "+summary"]
)
def test_a_bad_sort_key_names_sort_key(tenant, value):
    bad(tenant.reader.get(LIST, {"sort_key": value}), "sort_key")


# --- fields= -------------------------------------------------------------------------


def test_fields_cuts_list_items_down_and_keeps_the_id(tenant, queue):
    response = tenant.reader.get(LIST, {"fields": "display_id,basic_info,tag"})
    assert response.status_code == 200
    items = response.json()
    assert len(items) == 5 and response["X-Total-Count"] == "5"
    for item in items:
        assert set(item) == {"incident_id", "display_id", "basic_info", "tag"}


def test_fields_cuts_a_read_down(tenant, queue):
    full = tenant.reader.get(f"{LIST}{queue[0]}/")
    response = tenant.reader.get(f"{LIST}{queue[0]}/", {"fields": "tag,requester"})
    assert response.status_code == 200
    assert response.json() == {
        "incident_id": full.json()["incident_id"],
        "tag": full.json()["tag"],
        "requester": full.json()["requester"],
    }
    assert response["ETag"] == full["ETag"]


def test_every_field_may_be_asked_for(tenant, queue):
    response = tenant.reader.get(f"{LIST}{queue[0]}/", {"fields": ",".join(FIELDS)})
    assert response.json() == tenant.reader.get(f"{LIST}{queue[0]}/").json()


@pytest.mark.parametrize("value", ["summary", "tag,nope", "", "tag,", "organization_id"])
def test_an_unknown_field_names_fields(tenant, queue, value):
    bad(tenant.reader.get(LIST, {"fields": value}), "fields")
    bad(tenant.reader.get(f"{LIST}{queue[0]}/", {"fields": value}), "fields")


def test_a_read_refuses_unknown_query_parameters(tenant, queue):
    bad(tenant.reader.get(f"{LIST}{queue[0]}/", {"feilds": "tag"}), "feilds")


# --- several values of a filter ------------------------------------------------------


def test_several_ids_match_any_of_them(tenant, queue):
    _a, b, _c, d, e = queue
    assert sorted(listed(tenant.reader, priority_id="1,5")) == sorted([b, d, e])
    assert sorted(listed(tenant.reader, priority_id="1,5", impact_id="4")) == [d]


def test_twenty_ids_and_one_past(tenant, queue):
    assert len(listed(tenant.reader, status_id=",".join(["1"] * 20))) == 5
    bad(tenant.reader.get(LIST, {"status_id": ",".join(["1"] * 21)}), "status_id")


@pytest.mark.parametrize("value", ["1,9", "1,,2", "1,x", "01", "1;2"])
def test_a_bad_element_names_the_filter(tenant, value):
    bad(tenant.reader.get(LIST, {"status_id": value}), "status_id")


# --- the schema says all of it -------------------------------------------------------


def test_the_schema_states_the_query_power(tenant):
    schema = tenant.reader.get("/api/schema/?format=json").json()
    listing = schema["paths"]["/ux/sd/inci/incident/"]["get"]
    params = {p["name"]: p["schema"] for p in listing["parameters"]}
    assert "-priority_id" in params["sort_key"]["example"]
    for key in SORT_FIELDS:
        assert key in params["sort_key"]["pattern"]
    assert "basic_info" in params["fields"]["pattern"]
    assert params["status_id"]["pattern"].count("7") == 2
    read = schema["paths"]["/ux/sd/inci/incident/{id}/"]["get"]
    assert "fields" in {p["name"] for p in read["parameters"]}
    assert schema["components"]["schemas"]["Incident"]["required"] == ["incident_id"]
