"""`GET incident/`: paging, Link and X-Total-Count, sorting, filters, and their refusals."""

from datetime import UTC, datetime

import pytest
from bson import ObjectId

from incidents.documents import Incident
from tests.support.spies import calls_to

LIST = "/ux/sd/inci/incident/"
BASE_URL = "http://testserver" + LIST


# --- helpers -----------------------------------------------------------------------


def create(client, summary="incident", **fields):
    response = client.post(LIST, {"summary": summary, **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def create_many(client, count, **fields):
    return [create(client, f"incident {n}", **fields) for n in range(1, count + 1)]


def store(incident, **values):
    """Set stored fields directly (times the API never lets a client choose)."""
    Incident._get_collection().update_one(
        {"_id": ObjectId(incident["incident_id"])}, {"$set": values}
    )


def at(hour, minute=0):
    return datetime(2025, 3, 1, hour, minute, tzinfo=UTC)


def listed(client, **query):
    response = client.get(LIST, query)
    assert response.status_code == 200, response.content
    return [item["display_id"] for item in response.json()]


def ids(*incidents):
    return [incident["display_id"] for incident in incidents]


def bad_params(response):
    """The parameters a 400 names."""
    assert response.status_code == 400, response.content
    return [error["attr"] for error in response.json()["errors"]]


def links(response):
    """`{rel: url}` of the Link header."""
    out = {}
    for part in response["Link"].split(", "):
        url, rel = part.split("; ")
        out[rel.removeprefix('rel="').removesuffix('"')] = url.strip("<>")
    return out


def page_url(page, size, **extra):
    from urllib.parse import urlencode

    return (
        BASE_URL + "?" + urlencode(sorted({"items_per_page": size, "page": page, **extra}.items()))
    )


# --- paging --------------------------------------------------------------------------


def test_default_page_is_twenty_newest_first(tenant):
    made = create_many(tenant.writer, 21)
    response = tenant.reader.get(LIST)
    assert response.status_code == 200
    assert [i["display_id"] for i in response.json()] == ids(*reversed(made[1:]))
    assert response["X-Total-Count"] == "21"
    assert listed(tenant.reader, page=2) == ids(made[0])


def test_body_is_a_plain_array_of_incidents(tenant):
    made = create(tenant.writer, "printer jam")
    body = tenant.reader.get(LIST).json()
    assert isinstance(body, list)
    assert body[0]["incident_id"] == made["incident_id"]
    assert body[0]["basic_info"]["summary"] == "printer jam"


def test_items_per_page_one_is_accepted(tenant):
    made = create_many(tenant.writer, 2)
    response = tenant.reader.get(LIST, {"items_per_page": 1})
    assert [i["display_id"] for i in response.json()] == ids(made[1])
    assert response["X-Total-Count"] == "2"


def test_items_per_page_hundred_is_accepted(tenant):
    create_many(tenant.writer, 101)
    response = tenant.reader.get(LIST, {"items_per_page": 100})
    assert response.status_code == 200
    assert len(response.json()) == 100
    assert response["X-Total-Count"] == "101"


@pytest.mark.parametrize("size", ["0", "101", "-1", "abc", "1.5", ""])
def test_items_per_page_out_of_range_is_400_naming_it(tenant, size):
    assert bad_params(tenant.reader.get(LIST, {"items_per_page": size})) == ["items_per_page"]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "", "1000001"])
def test_malformed_page_is_400_naming_it(tenant, page):
    assert bad_params(tenant.reader.get(LIST, {"page": page})) == ["page"]


def test_page_one_million_is_accepted(tenant):
    create(tenant.writer)
    response = tenant.reader.get(LIST, {"page": 1_000_000})
    assert response.status_code == 200
    assert response.json() == []
    assert response["X-Total-Count"] == "1"


def test_page_past_the_end_is_an_empty_array(tenant):
    create_many(tenant.writer, 3)
    response = tenant.reader.get(LIST, {"items_per_page": 2, "page": 3})
    assert response.status_code == 200
    assert response.json() == []
    assert response["X-Total-Count"] == "3"


def test_empty_organization_lists_nothing(tenant):
    response = tenant.reader.get(LIST)
    assert response.status_code == 200
    assert response.json() == []
    assert response["X-Total-Count"] == "0"
    assert links(response) == {"first": page_url(1, 20), "last": page_url(1, 20)}


def test_total_count_counts_the_filtered_set_not_the_page(tenant):
    create_many(tenant.writer, 3, status_id=2, assignee="bob")
    create_many(tenant.writer, 2)
    response = tenant.reader.get(LIST, {"status_id": 2, "items_per_page": 1})
    assert response["X-Total-Count"] == "3"
    assert len(response.json()) == 1


@pytest.mark.parametrize(
    ("size", "page", "items", "total", "counted"),
    [
        (4, 1, 4, "5", True),  # a full page: more may follow, so it counts
        (5, 1, 5, "5", True),  # exactly full: it cannot know the page is the last
        (6, 1, 5, "5", False),  # one item short of a page: the last page, no count
        (2, 3, 1, "5", False),  # the last page, after others
        (5, 2, 0, "5", True),  # past the end: only a count knows the total
    ],
)
def test_the_last_page_gives_its_total_without_a_count_query(
    tenant, monkeypatch, size, page, items, total, counted
):
    create_many(tenant.writer, 5)
    counts = calls_to(monkeypatch, Incident, "count_documents")
    response = tenant.reader.get(LIST, {"items_per_page": size, "page": page})
    assert response.status_code == 200
    assert len(response.json()) == items
    assert response["X-Total-Count"] == total
    assert links(response)["last"] == page_url(-(-5 // size), size)
    assert len(counts) == (1 if counted else 0)


# --- Link header -----------------------------------------------------------------------


def test_link_on_a_middle_page_has_all_four_neighbours(tenant):
    create_many(tenant.writer, 5)
    response = tenant.reader.get(LIST, {"items_per_page": 2, "page": 2})
    assert links(response) == {
        "first": page_url(1, 2),
        "prev": page_url(1, 2),
        "next": page_url(3, 2),
        "last": page_url(3, 2),
    }


def test_link_on_the_first_page_has_no_prev(tenant):
    create_many(tenant.writer, 5)
    response = tenant.reader.get(LIST, {"items_per_page": 2})
    assert links(response) == {
        "first": page_url(1, 2),
        "next": page_url(2, 2),
        "last": page_url(3, 2),
    }


def test_link_on_the_last_page_has_no_next(tenant):
    create_many(tenant.writer, 5)
    response = tenant.reader.get(LIST, {"items_per_page": 2, "page": 3})
    assert links(response) == {
        "first": page_url(1, 2),
        "prev": page_url(2, 2),
        "last": page_url(3, 2),
    }


def test_link_on_a_single_page_has_first_and_last_only(tenant):
    create_many(tenant.writer, 2)
    response = tenant.reader.get(LIST)
    assert links(response) == {"first": page_url(1, 20), "last": page_url(1, 20)}


def test_link_past_the_end_points_back_to_the_last_page(tenant):
    create_many(tenant.writer, 3)
    response = tenant.reader.get(LIST, {"items_per_page": 2, "page": 7})
    assert links(response) == {
        "first": page_url(1, 2),
        "prev": page_url(2, 2),
        "last": page_url(2, 2),
    }


def test_link_keeps_the_filters_and_sort(tenant):
    create_many(tenant.writer, 3, assignee="bob")
    query = {"assignee": "bob", "sort_key": "summary", "sort_order": "asc"}
    response = tenant.reader.get(LIST, {**query, "items_per_page": 1, "page": 2})
    assert links(response) == {
        "first": page_url(1, 1, **query),
        "prev": page_url(1, 1, **query),
        "next": page_url(3, 1, **query),
        "last": page_url(3, 1, **query),
    }


def test_following_next_links_visits_every_incident_once(tenant):
    made = create_many(tenant.writer, 7)
    seen, url = [], LIST + "?items_per_page=3"
    while url:
        response = tenant.reader.get(url)
        seen += [i["display_id"] for i in response.json()]
        url = links(response).get("next")
    assert seen == ids(*reversed(made))


# --- sorting --------------------------------------------------------------------------

SORT_KEYS = [
    "creation_time",
    "last_update_time",
    "display_id",
    "priority_id",
    "urgency_id",
    "status_id",
    "state_id",
    "summary",
]


@pytest.fixture
def varied(tenant):
    """Four incidents whose order differs from key to key. Returns {display_id: key values}."""
    w = tenant.writer
    a = create(w, "charlie", urgency_id=3, impact_id=1, status_id=3, assignee="bob")
    b = create(w, "alpha", urgency_id=1, impact_id=4, status_id=2, assignee="ann")
    c = create(w, "delta", urgency_id=2, impact_id=1)
    d = create(w, "bravo", urgency_id=3, impact_id=4)
    resolved = w.post(
        LIST + "inci_resolve/",
        {"incident_id": b["incident_id"], "resolution_type": "Fixed", "closure_note": "Done."},
        format="json",
    )
    assert resolved.json()["results"][0]["ok"], resolved.content
    times = {
        a["display_id"]: (at(10, 1), at(11, 3)),
        b["display_id"]: (at(10, 4), at(11, 0)),
        c["display_id"]: (at(10, 3), at(11, 2)),
        d["display_id"]: (at(10, 2), at(11, 1)),
    }
    for incident in (a, b, c, d):
        created, updated = times[incident["display_id"]]
        store(incident, creation_time=created, last_update_time=updated)
    return {i["display_id"]: i for i in tenant.reader.get(LIST).json()}


def sort_value(incident, key):
    if key == "display_id":
        return int(incident["display_id"].split("-")[1])
    if key in ("creation_time", "last_update_time"):
        return incident[key]
    return incident["basic_info"][key]


def test_sort_fixture_orders_differ_between_keys(varied):
    orders = {
        key: tuple(
            sorted(
                varied,
                key=lambda d: (sort_value(varied[d], key), sort_value(varied[d], "display_id")),
            )
        )
        for key in SORT_KEYS
    }
    assert len(set(orders.values())) == len(SORT_KEYS)


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("key", SORT_KEYS)
def test_sort_key_and_order(tenant, varied, key, order):
    got = listed(tenant.reader, sort_key=key, sort_order=order)
    expected = sorted(
        varied,
        key=lambda d: (sort_value(varied[d], key), sort_value(varied[d], "display_id")),
        reverse=order == "desc",
    )
    assert got == expected


def test_sort_key_alone_is_descending(tenant, varied):
    assert listed(tenant.reader, sort_key="priority_id") == listed(
        tenant.reader, sort_key="priority_id", sort_order="desc"
    )


def test_sort_order_alone_sorts_by_creation_time(tenant, varied):
    assert listed(tenant.reader, sort_order="asc") == ["INCI-1", "INCI-4", "INCI-3", "INCI-2"]


def test_default_order_is_newest_created_first(tenant, varied):
    assert listed(tenant.reader) == ["INCI-2", "INCI-3", "INCI-4", "INCI-1"]


def test_equal_sort_values_break_ties_by_display_number(tenant, varied):
    # INCI-1, -3 and -4 are Open (1), INCI-2 is Resolved (2).
    assert listed(tenant.reader, sort_key="state_id", sort_order="asc") == [
        "INCI-1",
        "INCI-3",
        "INCI-4",
        "INCI-2",
    ]


def test_display_id_sorts_by_number_not_text(tenant):
    create_many(tenant.writer, 10)
    got = listed(tenant.reader, sort_key="display_id", sort_order="asc")
    assert got == [f"INCI-{n}" for n in range(1, 11)]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("sort_key", "organization_id"),
        ("sort_key", "history"),
        ("sort_key", "Summary"),
        ("sort_key", ""),
        ("sort_order", "ascending"),
        ("sort_order", "ASC"),
        ("sort_order", ""),
    ],
)
def test_unknown_sort_is_400_naming_the_parameter(tenant, name, value):
    assert bad_params(tenant.reader.get(LIST, {name: value})) == [name]


# --- filters ----------------------------------------------------------------------------


def test_filter_state_id(tenant, varied):
    assert listed(tenant.reader, state_id=2) == ["INCI-2"]
    assert listed(tenant.reader, state_id="1,2", sort_order="asc") == [
        "INCI-1",
        "INCI-4",
        "INCI-3",
        "INCI-2",
    ]


def test_filter_status_id(tenant, varied):
    assert listed(tenant.reader, status_id=3) == ["INCI-1"]
    assert listed(tenant.reader, status_id=1) == ["INCI-3", "INCI-4"]


def test_filter_status_id_comma_list(tenant, varied):
    assert listed(tenant.reader, status_id="3,5") == ["INCI-2", "INCI-1"]
    assert listed(tenant.reader, status_id=" 5 , 3 ") == ["INCI-2", "INCI-1"]


def test_filter_status_id_matching_nothing_is_empty(tenant, varied):
    response = tenant.reader.get(LIST, {"status_id": 7})
    assert response.json() == []
    assert response["X-Total-Count"] == "0"


def test_filter_priority_id(tenant, varied):
    # Enterprise x Low -> 3 (INCI-1), Enterprise x Medium -> 2 (INCI-3),
    # User x High -> 4 (INCI-2), User x Low -> 5 (INCI-4).
    assert listed(tenant.reader, priority_id=3) == ["INCI-1"]
    assert listed(tenant.reader, priority_id="2,4") == ["INCI-2", "INCI-3"]


def test_filter_urgency_id(tenant, varied):
    assert listed(tenant.reader, urgency_id=3) == ["INCI-4", "INCI-1"]
    assert listed(tenant.reader, urgency_id="1,2") == ["INCI-2", "INCI-3"]


def test_filter_impact_id(tenant, varied):
    assert listed(tenant.reader, impact_id=4) == ["INCI-2", "INCI-4"]
    assert listed(tenant.reader, impact_id="1") == ["INCI-3", "INCI-1"]


def test_filter_assignee(tenant, varied):
    assert listed(tenant.reader, assignee="bob") == ["INCI-1"]
    assert listed(tenant.reader, assignee="bo") == []


def test_filter_support_group(tenant):
    net = create(tenant.writer, "a", support_group="net")
    create(tenant.writer, "b", support_group="network")
    create(tenant.writer, "c")
    assert listed(tenant.reader, support_group="net") == ids(net)


def test_filter_requester_email_ignores_case(tenant):
    ann = create(tenant.writer, "a", requester_email="Ann@Example.com")
    create(tenant.writer, "b", requester_email="bob@example.com")
    assert listed(tenant.reader, requester_email="ann@example.com") == ids(ann)
    assert listed(tenant.reader, requester_email="ANN@EXAMPLE.COM") == ids(ann)


def test_filter_requester_email_is_not_a_substring_match(tenant):
    create(tenant.writer, "a", requester_email="joann@example.com")
    assert listed(tenant.reader, requester_email="ann@example.com") == []


def test_filter_requester_email_placeholder_ignores_case(tenant):
    # Text without "@" is kept as written (a redacted placeholder); the filter still
    # matches it whatever the case.
    kept = create(tenant.writer, "a", requester_email="Helpdesk-Bot")
    assert kept["requester"]["email"] == "Helpdesk-Bot"
    assert listed(tenant.reader, requester_email="helpdesk-bot") == ids(kept)
    assert listed(tenant.reader, requester_email="Helpdesk-Bot") == ids(kept)


def test_filter_requester_email_finds_an_edited_address_whatever_its_case(tenant):
    made = create(tenant.writer, "a")
    response = tenant.writer.patch(
        f"{LIST}{made['incident_id']}/", {"requester": {"email": "Ann@Example.COM"}}, format="json"
    )
    assert response.status_code == 200, response.content
    assert listed(tenant.reader, requester_email="ann@example.com") == ids(made)


def test_filter_requester_email_with_regex_characters_is_literal(tenant):
    create(tenant.writer, "a", requester_email="ann@example.com")
    assert listed(tenant.reader, requester_email="ann@example.co.") == []
    assert listed(tenant.reader, requester_email=".*") == []


def test_filter_tag(tenant):
    vpn = create(tenant.writer, "a", tag=["vpn", "remote"])
    both = create(tenant.writer, "b", tag=["remote"])
    create(tenant.writer, "c", tag=["vpn-old"])
    assert listed(tenant.reader, tag="vpn") == ids(vpn)
    assert listed(tenant.reader, tag="remote") == ids(both, vpn)


def archive(client, incident):
    response = client.patch(
        f"{LIST}{incident['incident_id']}/", {"is_archive": True}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["is_archive"] is True


def test_filter_is_archive(tenant):
    old = create(tenant.writer, "old")
    current = create(tenant.writer, "current")
    archive(tenant.writer, old)
    assert listed(tenant.reader, is_archive="true") == ids(old)
    assert listed(tenant.reader, is_archive="false") == ids(current)


def test_archived_incidents_are_listed_without_the_filter(tenant):
    old = create(tenant.writer, "old")
    current = create(tenant.writer, "current")
    archive(tenant.writer, old)
    assert listed(tenant.reader) == ids(current, old)


@pytest.fixture
def timed(tenant):
    """Three incidents created at 09:00, 10:00, 11:00 and updated at 12:00, 13:00, 11:30."""
    made = create_many(tenant.writer, 3)
    for incident, created, updated in zip(
        made, (at(9), at(10), at(11)), (at(12), at(13), at(11, 30)), strict=True
    ):
        store(incident, creation_time=created, last_update_time=updated)
    return made


def test_filter_created_after_includes_the_instant(tenant, timed):
    assert listed(tenant.reader, created_after="2025-03-01T10:00:00Z") == ["INCI-3", "INCI-2"]
    assert listed(tenant.reader, created_after="2025-03-01T10:00:00.001Z") == ["INCI-3"]


def test_filter_created_before_excludes_the_instant(tenant, timed):
    assert listed(tenant.reader, created_before="2025-03-01T10:00:00Z") == ["INCI-1"]
    assert listed(tenant.reader, created_before="2025-03-01T10:00:00.001Z") == ["INCI-2", "INCI-1"]


def test_filter_created_range(tenant, timed):
    got = listed(
        tenant.reader, created_after="2025-03-01T09:30:00Z", created_before="2025-03-01T10:30:00Z"
    )
    assert got == ["INCI-2"]


def test_filter_created_after_honours_the_offset(tenant, timed):
    # 12:00+02:00 is 10:00Z
    assert listed(tenant.reader, created_after="2025-03-01T12:00:00+02:00") == ["INCI-3", "INCI-2"]


def test_filter_updated_after(tenant, timed):
    assert listed(tenant.reader, updated_after="2025-03-01T12:00:00Z") == ["INCI-2", "INCI-1"]


def test_filter_updated_before(tenant, timed):
    assert listed(tenant.reader, updated_before="2025-03-01T12:00:00Z") == ["INCI-3"]


def test_filters_combine(tenant):
    match = create(tenant.writer, "a", assignee="bob", tag=["vpn"], urgency_id=1)
    create(tenant.writer, "b", assignee="bob", tag=["vpn"], urgency_id=2)
    create(tenant.writer, "c", assignee="ann", tag=["vpn"], urgency_id=1)
    assert listed(tenant.reader, assignee="bob", tag="vpn", urgency_id=1) == ids(match)


# --- q ---------------------------------------------------------------------------------


def test_q_finds_text_in_the_summary(tenant):
    hit = create(tenant.writer, "VPN drops every hour")
    create(tenant.writer, "printer jam")
    assert listed(tenant.reader, q="vpn") == ids(hit)


def test_q_finds_text_in_the_description(tenant):
    hit = create(tenant.writer, "network", description="The VPN client crashes")
    create(tenant.writer, "other", description="nothing here")
    assert listed(tenant.reader, q="client CRASHES") == ids(hit)


def test_q_finds_the_display_id(tenant):
    made = create_many(tenant.writer, 12)
    assert listed(tenant.reader, q="inci-12") == ids(made[11])
    assert listed(tenant.reader, q="INCI-1", sort_order="asc") == ids(
        made[0], made[9], made[10], made[11]
    )


@pytest.mark.parametrize("q", [".*", "(", "[", "\\", "a+b", "x|y", "^c", "$", "?", "{2}", ")"])
def test_q_regex_metacharacters_are_literal(tenant, q):
    create(tenant.writer, "plain text")
    hit = create(tenant.writer, f"weird {q} text")
    response = tenant.reader.get(LIST, {"q": q})
    assert response.status_code == 200
    assert [i["display_id"] for i in response.json()] == ids(hit)


def test_q_dot_does_not_match_any_character(tenant):
    create(tenant.writer, "axb")
    assert listed(tenant.reader, q="a.b") == []


def test_q_two_hundred_characters_is_accepted(tenant):
    hit = create(tenant.writer, "x" * 200)
    assert listed(tenant.reader, q="x" * 200) == ids(hit)


def test_q_over_two_hundred_characters_is_400(tenant):
    assert bad_params(tenant.reader.get(LIST, {"q": "x" * 201})) == ["q"]


def test_q_blank_is_400(tenant):
    assert bad_params(tenant.reader.get(LIST, {"q": "   "})) == ["q"]


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("status_id", "abc"),
        ("status_id", "99"),
        ("status_id", "0"),
        ("status_id", "1,"),
        ("status_id", "1,99"),
        ("status_id", "-1"),
        ("status_id", ""),
        ("status_id", ",".join(["1"] * 21)),
        ("state_id", "4"),
        ("priority_id", "6"),
        ("urgency_id", "4"),
        ("impact_id", "5"),
        ("impact_id", "1.0"),
        ("is_archive", "maybe"),
        ("is_archive", "1"),
        ("is_archive", "yes"),
        ("is_archive", ""),
        ("created_after", "yesterday"),
        ("created_before", "2025-13-01"),
        ("updated_after", "1700000000"),
        ("updated_before", ""),
        ("assignee", "x" * 201),
        ("support_group", "x" * 201),
        ("tag", "x" * 65),
        ("requester_email", "x" * 255),
        ("assignee", "bob\x00"),
        ("deleted", "maybe"),
    ],
)
def test_malformed_filter_is_400_naming_it(tenant, name, value):
    assert bad_params(tenant.reader.get(LIST, {name: value})) == [name]


def test_enumeration_list_of_twenty_ids_is_accepted(tenant):
    made = create(tenant.writer, "a")
    assert listed(tenant.reader, status_id=",".join(["1"] * 20)) == ids(made)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("assignee", "x" * 200),
        ("support_group", "x" * 200),
        ("tag", "x" * 64),
        ("requester_email", "x" * 254),
    ],
)
def test_text_filters_at_their_limit_are_accepted(tenant, name, value):
    assert listed(tenant.reader, **{name: value}) == []


@pytest.mark.parametrize("name", ["status", "foo", "page_size", "limit", "incident_id"])
def test_unknown_query_parameter_is_400_naming_it(tenant, name):
    assert bad_params(tenant.reader.get(LIST, {name: "1"})) == [name]


@pytest.mark.parametrize(
    "query",
    [
        "status_id=1&status_id=2",
        "q=a&q=b",
        "page=1&page=2",
        "items_per_page=5&items_per_page=5",
        "sort_key=summary&sort_key=summary",
    ],
)
def test_repeated_query_parameter_is_400_naming_it(tenant, query):
    assert bad_params(tenant.reader.get(f"{LIST}?{query}")) == [query.split("=")[0]]


def test_injection_shaped_values_are_plain_text(tenant):
    create(tenant.writer, "a", assignee="bob")
    response = tenant.reader.get(LIST + '?assignee={"$ne": ""}')
    assert response.status_code == 200
    assert response.json() == []
    response = tenant.reader.get(LIST + "?assignee[$ne]=x")
    assert bad_params(response) == ["assignee[$ne]"]


# --- the trash --------------------------------------------------------------------------


def trash(client, incident):
    response = client.delete(f"{LIST}{incident['incident_id']}/")
    assert response.status_code == 204, response.content


def test_deleted_incidents_are_not_listed(tenant):
    kept, gone = create_many(tenant.writer, 2)
    trash(tenant.writer, gone)
    response = tenant.reader.get(LIST)
    assert [i["display_id"] for i in response.json()] == ids(kept)
    assert response["X-Total-Count"] == "1"


def test_deleted_incidents_are_not_found_by_any_filter(tenant):
    gone = create(tenant.writer, "vpn", assignee="bob", tag=["vpn"])
    trash(tenant.writer, gone)
    for query in ({"q": "vpn"}, {"assignee": "bob"}, {"tag": "vpn"}, {"status_id": 1}):
        assert listed(tenant.reader, **query) == []


def test_deleted_true_lists_the_trash_for_admin_keys(tenant):
    kept, gone = create_many(tenant.writer, 2)
    trash(tenant.writer, gone)
    response = tenant.admin.get(LIST, {"deleted": "true"})
    assert response.status_code == 200
    assert [i["display_id"] for i in response.json()] == ids(gone)
    assert response["X-Total-Count"] == "1"
    assert listed(tenant.admin, deleted="false") == ids(kept)


def test_trash_listing_takes_filters(tenant):
    vpn, other = create(tenant.writer, "vpn"), create(tenant.writer, "printer")
    trash(tenant.writer, vpn)
    trash(tenant.writer, other)
    assert listed(tenant.admin, deleted="true", q="vpn") == ids(vpn)


@pytest.mark.parametrize("scope", ["writer", "reader"])
def test_deleted_true_needs_an_admin_key(tenant, scope):
    gone = create(tenant.writer, "secret")
    trash(tenant.writer, gone)
    response = getattr(tenant, scope).get(LIST, {"deleted": "true"})
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "insufficient_scope"
    assert "secret" not in response.content.decode()


def test_deleted_false_is_allowed_for_any_key(tenant):
    made = create(tenant.writer, "a")
    assert listed(tenant.reader, deleted="false") == ids(made)


# --- tenancy ------------------------------------------------------------------------------


def test_other_organizations_incidents_are_never_listed(tenant, other_tenant):
    mine = create(tenant.writer, "vpn mine", tag=["vpn"])
    theirs = create(other_tenant.writer, "vpn theirs", tag=["vpn"])
    trash(other_tenant.writer, create(other_tenant.writer, "vpn trashed"))
    assert listed(tenant.reader, q="vpn") == ids(mine)
    assert listed(tenant.reader, tag="vpn") == ids(mine)
    assert listed(tenant.admin, deleted="true") == []
    assert listed(other_tenant.reader, q="vpn") == ids(theirs)


def test_unauthenticated_list_is_401(anon):
    response = anon.get(LIST)
    assert response.status_code == 401
