"""The read helpers: workflow_status, workflow_options_map, impacted_asset,
requester_search, options, incident-data and history."""

from datetime import UTC, datetime, timedelta

import pytest

from incidents.documents import RequesterEntry
from servicedesk.tenancy.documents import ApiKey
from tests.support.directory import directory_job

LIST = "/ux/sd/inci/incident/"
WORKFLOW_STATUS = LIST + "workflow_status/"
OPTIONS_MAP = LIST + "workflow_options_map/"
ASSETS = LIST + "impacted_asset/"
SEARCH = LIST + "requester_search/"
OPTIONS = LIST + "options/"
UNKNOWN_ID = "0123456789abcdef01234567"


# --- helpers -----------------------------------------------------------------------


def create(client, summary="incident", **fields):
    response = client.post(LIST, {"summary": summary, **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def post(client, url, body):
    response = client.post(url, body, format="json")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def resolve(client, incident):
    body = {
        "incident_id": incident["incident_id"],
        "resolution_type": "Fixed",
        "closure_note": "Replaced the cable.",
    }
    (result,) = post(client, LIST + "inci_resolve/", body)
    assert result["ok"], result


def close(client, incident):
    (result,) = post(client, LIST + "close_inci_request/", {"incident_id": incident["incident_id"]})
    assert result["ok"], result


def patch(client, incident, body):
    response = client.patch(f"{LIST}{incident['incident_id']}/", body, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def trash(client, incident):
    assert client.delete(f"{LIST}{incident['incident_id']}/").status_code == 204


def bad_params(response):
    assert response.status_code == 400, response.content
    return [error["attr"] for error in response.json()["errors"]]


def not_found(response):
    assert response.status_code == 404, response.content
    assert response.json()["errors"][0]["code"] == "not_found"
    return True


def actor(tenant, scope):
    key = ApiKey.objects.get(organization_id=tenant.org.id, scope=scope)
    return f"key:{key.id}"


def moves(body):
    return [(move["to_status_id"], move["action"]) for move in body["allowed"]]


NEW_MOVES = [(2, "assign"), (3, "start"), (4, "hold"), (5, "resolve"), (7, "cancel")]


# --- workflow_status ---------------------------------------------------------------------


@pytest.mark.parametrize("by", ["incident_id", "display_id"])
def test_workflow_status_of_an_incident(tenant, by):
    made = create(tenant.writer, status_id=1)
    response = tenant.reader.get(WORKFLOW_STATUS, {"incident_id": made[by]})
    assert response.status_code == 200
    body = response.json()
    assert body["incident_id"] == made["incident_id"]
    assert (body["status_id"], body["status"], body["state_id"], body["state"]) == (
        1,
        "New",
        1,
        "Open",
    )
    assert moves(body) == NEW_MOVES


def test_workflow_status_says_what_each_move_needs(tenant):
    body = tenant.reader.get(WORKFLOW_STATUS, {"status_id": 1}).json()
    needs = {move["action"]: (move["requires"], move["optional"]) for move in body["allowed"]}
    assert needs == {
        "assign": ([], []),
        "start": ([], []),
        "hold": (["hold_reason"], []),
        "resolve": (["resolution_type", "closure_note"], []),
        "cancel": (["reason"], []),
    }
    hold = next(move for move in body["allowed"] if move["action"] == "hold")
    assert hold == {
        "to_status_id": 4,
        "to_status": "On Hold",
        "to_state_id": 1,
        "action": "hold",
        "requires": ["hold_reason"],
        "optional": [],
    }


def test_workflow_status_follows_the_incident(tenant):
    made = create(tenant.writer)
    resolve(tenant.writer, made)
    body = tenant.reader.get(WORKFLOW_STATUS, {"incident_id": made["incident_id"]}).json()
    assert (body["status_id"], body["state"]) == (5, "Resolved")
    assert moves(body) == [(3, "reopen"), (6, "close")]


def test_workflow_status_of_a_closed_incident_allows_nothing(tenant):
    made = create(tenant.writer)
    resolve(tenant.writer, made)
    close(tenant.writer, made)
    body = tenant.reader.get(WORKFLOW_STATUS, {"incident_id": made["display_id"]}).json()
    assert (body["status_id"], body["status"], body["state"]) == (6, "Closed", "Closed")
    assert body["allowed"] == []


@pytest.mark.parametrize(
    ("status_id", "name", "state", "expected"),
    [
        (1, "New", "Open", NEW_MOVES),
        (
            2,
            "Assigned",
            "Open",
            [(1, "move"), (3, "start"), (4, "hold"), (5, "resolve"), (7, "cancel")],
        ),
        (
            3,
            "In Progress",
            "Open",
            [(1, "move"), (2, "assign"), (4, "hold"), (5, "resolve"), (7, "cancel")],
        ),
        (
            4,
            "On Hold",
            "Open",
            [(1, "move"), (2, "assign"), (3, "start"), (5, "resolve"), (7, "cancel")],
        ),
        (5, "Resolved", "Resolved", [(3, "reopen"), (6, "close")]),
        (6, "Closed", "Closed", []),
        (7, "Cancelled", "Closed", []),
    ],
)
def test_workflow_status_of_a_status(tenant, status_id, name, state, expected):
    response = tenant.reader.get(WORKFLOW_STATUS, {"status_id": status_id})
    assert response.status_code == 200
    body = response.json()
    assert "incident_id" not in body
    assert (body["status_id"], body["status"], body["state"]) == (status_id, name, state)
    assert moves(body) == expected


def test_workflow_status_without_incident_or_status_is_new(tenant):
    """What the schema allows is answered: neither parameter is the status incidents
    start in (schemathesis found the 400 a schema-valid request refused)."""
    response = tenant.reader.get(WORKFLOW_STATUS)
    assert response.status_code == 200
    assert response.json() == tenant.reader.get(WORKFLOW_STATUS, {"status_id": 1}).json()


def test_workflow_status_blank_status_is_refused_like_on_the_list(tenant):
    assert bad_params(tenant.reader.get(WORKFLOW_STATUS, {"status_id": ""})) == ["status_id"]


def test_workflow_status_with_incident_and_its_status_is_the_incidents(tenant):
    made = create(tenant.writer)
    query = {"incident_id": made["incident_id"], "status_id": 1}
    response = tenant.reader.get(WORKFLOW_STATUS, query)
    assert response.status_code == 200
    assert (
        response.json()
        == tenant.reader.get(WORKFLOW_STATUS, {"incident_id": made["incident_id"]}).json()
    )


def test_workflow_status_with_a_status_the_incident_left_is_409(tenant):
    made = create(tenant.writer)
    query = {"incident_id": made["incident_id"], "status_id": 3}
    response = tenant.reader.get(WORKFLOW_STATUS, query)
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "status_changed"


@pytest.mark.parametrize("value", ["0", "8", "abc", "1.5", "-1", "99999999999999999999"])
def test_workflow_status_refuses_a_malformed_status_id(tenant, value):
    assert bad_params(tenant.reader.get(WORKFLOW_STATUS, {"status_id": value})) == ["status_id"]


@pytest.mark.parametrize("value", [UNKNOWN_ID, "INCI-99", "not an id", "x" * 64])
def test_workflow_status_of_an_unknown_incident_is_404(tenant, value):
    create(tenant.writer)
    assert not_found(tenant.reader.get(WORKFLOW_STATUS, {"incident_id": value}))


def test_workflow_status_incident_id_over_64_characters_is_400(tenant):
    assert bad_params(tenant.reader.get(WORKFLOW_STATUS, {"incident_id": "x" * 65})) == [
        "incident_id"
    ]


def test_workflow_status_of_a_deleted_incident_is_404(tenant):
    made = create(tenant.writer)
    trash(tenant.writer, made)
    assert not_found(tenant.reader.get(WORKFLOW_STATUS, {"incident_id": made["incident_id"]}))


# --- workflow_options_map ------------------------------------------------------------------


def test_options_map_keeps_the_order_and_reports_unknown_ids(tenant):
    new = create(tenant.writer)
    done = create(tenant.writer)
    resolve(tenant.writer, done)
    refs = [done["display_id"], UNKNOWN_ID, new["incident_id"], "garbage", "INCI-99"]
    results = post(tenant.reader, OPTIONS_MAP, {"incident_ids": refs})
    assert [r["incident_id"] for r in results] == refs
    assert [r["ok"] for r in results] == [True, False, True, False, False]
    assert results[0]["status_id"] == 5
    assert [(m["to_status_id"], m["action"]) for m in results[0]["allowed"]] == [
        (3, "reopen"),
        (6, "close"),
    ]
    assert results[2]["status_id"] == 1
    assert [(m["to_status_id"], m["action"]) for m in results[2]["allowed"]] == NEW_MOVES
    for failed in (results[1], results[3], results[4]):
        assert failed["error"]["status"] == 404
        assert failed["error"]["code"] == "not_found"
        assert "allowed" not in failed


def test_options_map_is_allowed_for_a_read_key(tenant):
    made = create(tenant.writer)
    response = tenant.reader.post(
        OPTIONS_MAP, {"incident_ids": [made["incident_id"]]}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["results"][0]["ok"] is True


def test_options_map_changes_nothing(tenant):
    made = create(tenant.writer)
    before = tenant.reader.get(f"{LIST}{made['incident_id']}/")
    post(tenant.reader, OPTIONS_MAP, {"incident_ids": [made["incident_id"]]})
    after = tenant.reader.get(f"{LIST}{made['incident_id']}/")
    assert after["ETag"] == before["ETag"]
    assert after.json() == before.json()


def test_options_map_takes_a_single_incident_id(tenant):
    made = create(tenant.writer)
    (result,) = post(tenant.reader, OPTIONS_MAP, {"incident_id": made["display_id"]})
    assert (result["incident_id"], result["ok"], result["status_id"]) == (
        made["display_id"],
        True,
        1,
    )


def test_options_map_answers_each_repeated_id(tenant):
    made = create(tenant.writer)
    refs = [made["incident_id"], made["display_id"], made["incident_id"]]
    results = post(tenant.reader, OPTIONS_MAP, {"incident_ids": refs})
    assert [(r["incident_id"], r["ok"]) for r in results] == [(ref, True) for ref in refs]


def test_options_map_of_a_closed_incident_is_empty(tenant):
    made = create(tenant.writer)
    resolve(tenant.writer, made)
    close(tenant.writer, made)
    (result,) = post(tenant.reader, OPTIONS_MAP, {"incident_ids": [made["incident_id"]]})
    assert (result["ok"], result["status_id"], result["allowed"]) == (True, 6, [])


def test_options_map_does_not_see_the_trash(tenant):
    made = create(tenant.writer)
    trash(tenant.writer, made)
    (result,) = post(tenant.reader, OPTIONS_MAP, {"incident_ids": [made["incident_id"]]})
    assert result["ok"] is False
    assert result["error"]["status"] == 404


def test_options_map_takes_five_hundred_ids(tenant):
    made = create(tenant.writer)
    refs = [made["incident_id"]] + [f"INCI-{n}" for n in range(1000, 1499)]
    results = post(tenant.reader, OPTIONS_MAP, {"incident_ids": refs})
    assert len(results) == 500
    assert results[0]["ok"] is True
    assert not any(r["ok"] for r in results[1:])


def test_options_map_refuses_five_hundred_and_one_ids(tenant):
    refs = [f"INCI-{n}" for n in range(1000, 1501)]
    response = tenant.reader.post(OPTIONS_MAP, {"incident_ids": refs}, format="json")
    assert bad_params(response) == ["incident_ids"]


@pytest.mark.parametrize(
    "body",
    [
        {"incident_ids": []},
        {"incident_ids": "INCI-1"},
        {"incident_ids": [1]},
        {"incident_ids": [{"$ne": ""}]},
        {"incident_id": {"$ne": ""}},
        {"incident_ids": ["x" * 65]},
    ],
)
def test_options_map_refuses_malformed_bodies(tenant, body):
    response = tenant.reader.post(OPTIONS_MAP, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"].split(".")[0] in ("incident_ids", "incident_id")


# --- impacted_asset -----------------------------------------------------------------------


@pytest.mark.parametrize("by", ["incident_id", "display_id"])
def test_impacted_asset_lists_the_incidents_assets(tenant, by):
    made = create(tenant.writer, assets=[{"name": "laptop-1", "serial": "S1"}, {"name": "r-7"}])
    response = tenant.reader.get(ASSETS, {"incident_id": made[by]})
    assert response.status_code == 200
    assert response.json() == [{"name": "laptop-1", "serial": "S1"}, {"name": "r-7"}]


def test_assets_are_objects_or_names_but_not_both_in_one_list(tenant):
    made = create(tenant.writer, assets=["laptop-1", "router-7"])
    assert made["impacted_asset"] == [{"name": "laptop-1"}, {"name": "router-7"}]
    response = tenant.writer.post(
        "/ux/sd/inci/incident/",
        {"summary": "x", "assets": [{"name": "laptop-1"}, "router-7"]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "assets"


def test_impacted_asset_of_an_incident_without_assets_is_empty(tenant):
    made = create(tenant.writer)
    assert tenant.reader.get(ASSETS, {"incident_id": made["incident_id"]}).json() == []


def test_impacted_asset_follows_an_edit(tenant):
    made = create(tenant.writer, assets=["laptop-1"])
    patch(tenant.writer, made, {"impacted_asset": [{"name": "laptop-2"}]})
    assert tenant.reader.get(ASSETS, {"incident_id": made["incident_id"]}).json() == [
        {"name": "laptop-2"}
    ]


def test_impacted_asset_needs_an_incident_id(tenant):
    assert bad_params(tenant.reader.get(ASSETS)) == ["incident_id"]


@pytest.mark.parametrize("value", [UNKNOWN_ID, "INCI-42", "nope", "x" * 64])
def test_impacted_asset_of_an_unknown_incident_is_404(tenant, value):
    assert not_found(tenant.reader.get(ASSETS, {"incident_id": value}))


def test_impacted_asset_incident_id_over_64_characters_is_400(tenant):
    assert bad_params(tenant.reader.get(ASSETS, {"incident_id": "x" * 65})) == ["incident_id"]


def test_impacted_asset_of_a_deleted_incident_is_404(tenant):
    made = create(tenant.writer, assets=["laptop-1"])
    trash(tenant.writer, made)
    assert not_found(tenant.reader.get(ASSETS, {"incident_id": made["incident_id"]}))


# --- requester_search ----------------------------------------------------------------------


def search(client, q, **query):
    directory_job()  # as the job does within seconds of each create and edit
    response = client.get(SEARCH, {"q": q, **query})
    assert response.status_code == 200, response.content
    return response.json()


def emails(found):
    return [entry["email"] for entry in found]


def requester(client, email, name="", phone="", **fields):
    return create(
        client,
        f"from {email}",
        requester_email=email,
        requester_name=name,
        requester_phone=phone,
        **fields,
    )


def test_search_directory_is_filled_from_creates(tenant):
    requester(tenant.writer, "Ann.Lee@Example.com", "Ann Lee", "+1 555 0100", requester_id="u-7")
    assert search(tenant.reader, "ann") == [
        {
            "email": "ann.lee@example.com",
            "name": "Ann Lee",
            "phone": "+1 555 0100",
            "requester_id": "u-7",
            "incident_count": 1,
        }
    ]


def test_search_counts_incidents_and_keeps_the_latest_details(tenant):
    requester(tenant.writer, "ann@example.com", "Ann", "111")
    requester(tenant.writer, "ANN@example.com", "Ann Lee", "222")
    (entry,) = search(tenant.reader, "ann@")
    assert (entry["name"], entry["phone"], entry["incident_count"]) == ("Ann Lee", "222", 2)


@pytest.mark.parametrize("q", ["lee", "LEE", "Example.COM", "555 01", "Ann L"])
def test_search_matches_name_email_or_phone_ignoring_case(tenant, q):
    requester(tenant.writer, "ann.lee@example.com", "Ann Lee", "+1 555 0100")
    assert emails(search(tenant.reader, q)) == ["ann.lee@example.com"]


def test_search_puts_exact_then_prefix_matches_first(tenant):
    # Contains "ann" only, with the most incidents: still after the better matches.
    for _ in range(3):
        requester(tenant.writer, "joann@example.com", "Joann")
    requester(tenant.writer, "anna@example.com", "Anna")  # prefix
    requester(tenant.writer, "x@example.com", "ANN")  # exact (name), whatever the case
    assert emails(search(tenant.reader, "ann")) == [
        "x@example.com",
        "anna@example.com",
        "joann@example.com",
    ]


def test_search_orders_equal_matches_by_incident_count(tenant):
    requester(tenant.writer, "bob1@example.com", "Bob One")
    for _ in range(2):
        requester(tenant.writer, "bob2@example.com", "Bob Two")
    assert emails(search(tenant.reader, "bob")) == ["bob2@example.com", "bob1@example.com"]


def test_search_finds_an_exact_match_among_many_partial_ones(tenant):
    # The exact match is the oldest entry; 200 newer entries contain the text.
    org = tenant.org.id
    start = datetime(2025, 1, 1, tzinfo=UTC)
    RequesterEntry(organization_id=org, email="ann@example.com", last_seen=start).save()
    RequesterEntry.objects.insert(
        [
            RequesterEntry(
                organization_id=org,
                email=f"x{n}ann@example.com",
                incident_count=5,
                last_seen=start + timedelta(minutes=n + 1),
            )
            for n in range(200)
        ]
    )
    found = search(tenant.reader, "ann@example.com", limit=3)
    assert emails(found)[0] == "ann@example.com"
    assert len(found) == 3


def test_search_ignores_placeholder_emails(tenant):
    requester(tenant.writer, "[email protected]", "Test req")
    assert search(tenant.reader, "req") == []


def test_search_does_not_see_other_organizations(tenant, other_tenant):
    requester(other_tenant.writer, "ann@example.com", "Ann")
    assert search(tenant.reader, "ann") == []
    assert emails(search(other_tenant.reader, "ann")) == ["ann@example.com"]


@pytest.mark.parametrize("q", [".*", "(", "[", "\\", "a+", "|", "^", "$", "?", "{1}"])
def test_search_regex_metacharacters_are_literal(tenant, q):
    requester(tenant.writer, "ann@example.com", "Ann")
    requester(tenant.writer, "odd@example.com", f"odd {q} name")
    assert emails(search(tenant.reader, q)) == ["odd@example.com"]


def test_search_dot_is_not_a_wildcard(tenant):
    requester(tenant.writer, "axb@example.com", "Axb")
    assert search(tenant.reader, "a.b") == []


def test_search_default_limit_is_ten(tenant):
    for n in range(11):
        requester(tenant.writer, f"user{n}@example.com")
    assert len(search(tenant.reader, "user")) == 10


@pytest.mark.parametrize("limit", [1, 50])
def test_search_limit_at_its_bounds_is_accepted(tenant, limit):
    org = tenant.org.id
    RequesterEntry.objects.insert(
        [RequesterEntry(organization_id=org, email=f"user{n}@example.com") for n in range(51)]
    )
    assert len(search(tenant.reader, "user", limit=limit)) == limit


@pytest.mark.parametrize("limit", ["0", "51", "-1", "abc", "1.5"])
def test_search_limit_out_of_range_is_400(tenant, limit):
    assert bad_params(tenant.reader.get(SEARCH, {"q": "a", "limit": limit})) == ["limit"]


def test_search_q_of_a_hundred_characters_is_accepted(tenant):
    assert search(tenant.reader, "x" * 100) == []


@pytest.mark.parametrize("q", ["x" * 101, "", "   "])
def test_search_q_empty_or_over_a_hundred_characters_is_400(tenant, q):
    assert bad_params(tenant.reader.get(SEARCH, {"q": q})) == ["q"]


def test_search_needs_q(tenant):
    assert bad_params(tenant.reader.get(SEARCH)) == ["q"]


def test_search_body_is_a_plain_array_without_paging_headers(tenant):
    requester(tenant.writer, "ann@example.com")
    response = tenant.reader.get(SEARCH, {"q": "ann"})
    assert isinstance(response.json(), list)
    assert "Link" not in response


def test_search_finds_a_requester_set_by_an_edit(tenant):
    made = create(tenant.writer)
    patch(tenant.writer, made, {"requester": {"email": "ann@example.com", "name": "Ann"}})
    assert emails(search(tenant.reader, "ann")) == ["ann@example.com"]


# --- query rules shared with the list -------------------------------------------------------

READ_QUERIES = {
    "workflow_status": (WORKFLOW_STATUS, "status_id=1&status_id=6"),
    "impacted_asset": (ASSETS, "incident_id=INCI-1&incident_id=INCI-2"),
    "requester_search": (SEARCH, "q=ann&q=bob"),
    "history": (LIST + "INCI-1/history/", "page=1&page=2"),
}


@pytest.mark.parametrize("route", sorted(READ_QUERIES))
def test_read_helpers_refuse_a_repeated_parameter(tenant, route):
    create(tenant.writer)
    url, query = READ_QUERIES[route]
    assert bad_params(tenant.reader.get(f"{url}?{query}")) == [query.split("=")[0]]


@pytest.mark.parametrize("route", sorted(READ_QUERIES))
def test_read_helpers_refuse_an_unknown_parameter(tenant, route):
    create(tenant.writer)
    url, query = READ_QUERIES[route]
    first = query.split("&")[0]
    assert bad_params(tenant.reader.get(f"{url}?{first}&limt=5")) == ["limt"]


# --- options ----------------------------------------------------------------------------


def test_options_has_every_list(tenant):
    response = tenant.reader.get(OPTIONS)
    assert response.status_code == 200
    assert set(response.json()) == {
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
        "support_groups",
        "agents",
        "services",
        "custom_fields",
        "templates",
        "tags",
    }


def test_options_lists_match_the_contract(tenant):
    body = tenant.reader.get(OPTIONS).json()
    assert body["states"] == [
        {"id": 1, "name": "Open"},
        {"id": 2, "name": "Resolved"},
        {"id": 3, "name": "Closed"},
    ]
    assert [(s["id"], s["name"], s["state_id"]) for s in body["statuses"]] == [
        (1, "New", 1),
        (2, "Assigned", 1),
        (3, "In Progress", 1),
        (4, "On Hold", 1),
        (5, "Resolved", 2),
        (6, "Closed", 3),
        (7, "Cancelled", 3),
    ]
    assert [u["name"] for u in body["urgencies"]] == ["High", "Medium", "Low"]
    assert [i["name"] for i in body["impacts"]] == ["Enterprise", "Site", "Department", "User"]
    assert [p["name"] for p in body["priorities"]] == [
        "Critical",
        "High",
        "Medium",
        "Low",
        "Very Low",
    ]
    for name in ("sources", "incident_types", "resolution_types", "hold_reasons"):
        assert body[name], name


def test_options_priority_matrix_is_the_contracts(tenant):
    body = tenant.reader.get(OPTIONS).json()
    matrix = {(c["impact_id"], c["urgency_id"]): c["priority_id"] for c in body["priority_matrix"]}
    assert matrix == {
        (1, 1): 1, (1, 2): 2, (1, 3): 3,
        (2, 1): 2, (2, 2): 3, (2, 3): 4,
        (3, 1): 3, (3, 2): 4, (3, 3): 5,
        (4, 1): 4, (4, 2): 5, (4, 3): 5,
    }  # fmt: skip


def test_options_of_an_empty_organization_has_no_groups_or_tags(tenant):
    body = tenant.reader.get(OPTIONS).json()
    assert (body["support_groups"], body["tags"]) == ([], [])
    assert (body["agents"], body["services"], body["custom_fields"], body["templates"]) == (
        [],
        [],
        [],
        [],
    )


def named(*names):
    """Groups named on incidents of an organization without a directory (issue 17)."""
    return [{"id": None, "name": name, "active": True, "auto_assign": "none"} for name in names]


def test_options_support_groups_and_tags_in_use_are_distinct_and_sorted(tenant):
    create(tenant.writer, "a", support_group="network", tag=["vpn", "remote"])
    create(tenant.writer, "b", support_group="desktop", tag=["vpn"])
    create(tenant.writer, "c")
    body = tenant.reader.get(OPTIONS).json()
    assert body["support_groups"] == named("desktop", "network")
    assert body["tags"] == ["remote", "vpn"]


def test_options_in_use_are_the_organizations_own(tenant, other_tenant):
    create(tenant.writer, "a", support_group="network", tag=["vpn"])
    create(other_tenant.writer, "b", support_group="secret-group", tag=["secret-tag"])
    body = tenant.reader.get(OPTIONS).json()
    assert body["support_groups"] == named("network")
    assert body["tags"] == ["vpn"]


def test_options_in_use_leave_out_deleted_incidents(tenant):
    create(tenant.writer, "a", support_group="network", tag=["vpn"])
    gone = create(tenant.writer, "b", support_group="old-group", tag=["old-tag"])
    trash(tenant.writer, gone)
    body = tenant.reader.get(OPTIONS).json()
    assert (body["support_groups"], body["tags"]) == (named("network"), ["vpn"])


def test_options_in_use_follow_edits(tenant):
    made = create(tenant.writer, "a", support_group="network", tag=["vpn"])
    patch(tenant.writer, made, {"current_assignment_info": {"support_group": "desk"}, "tag": []})
    body = tenant.reader.get(OPTIONS).json()
    assert (body["support_groups"], body["tags"]) == (named("desk"), [])


# --- incident-data ------------------------------------------------------------------------


def incident_data(client, ref):
    return client.get(f"{LIST}incident-data/{ref}/")


@pytest.mark.parametrize("by", ["incident_id", "display_id"])
def test_incident_data_has_incident_workflow_and_history(tenant, by):
    made = create(tenant.writer, "vpn down", assets=["laptop-1"])
    response = incident_data(tenant.reader, made[by])
    assert response.status_code == 200
    body = response.json()
    assert {"incident", "workflow", "recent_history"} <= set(body)
    assert body["incident"] == tenant.reader.get(f"{LIST}{made['incident_id']}/").json()
    assert (body["workflow"]["status_id"], body["workflow"]["status"]) == (1, "New")
    assert moves(body["workflow"]) == NEW_MOVES
    assert [(h["action"], h["actor_id"]) for h in body["recent_history"]] == [
        ("created", actor(tenant, "write"))
    ]


def test_incident_data_recent_history_is_newest_first(tenant):
    made = create(tenant.writer, "one")
    patch(tenant.writer, made, {"basic_info": {"summary": "two"}})
    resolve(tenant.writer, made)
    history = incident_data(tenant.reader, made["incident_id"]).json()["recent_history"]
    assert [h["action"] for h in history] == ["resolved", "updated", "created"]


def test_incident_data_workflow_follows_the_status(tenant):
    made = create(tenant.writer)
    resolve(tenant.writer, made)
    close(tenant.writer, made)
    workflow = incident_data(tenant.reader, made["display_id"]).json()["workflow"]
    assert (workflow["status_id"], workflow["allowed"]) == (6, [])


def rename(client, incident, times):
    for n in range(times):
        patch(client, incident, {"basic_info": {"summary": f"summary {n}"}})


def test_incident_data_shows_twenty_history_entries_at_the_limit(tenant):
    made = create(tenant.writer, "start")
    rename(tenant.writer, made, 19)  # created + 19 updates = 20 entries
    history = incident_data(tenant.reader, made["incident_id"]).json()["recent_history"]
    assert len(history) == 20
    assert history[-1]["action"] == "created"


def test_incident_data_shows_only_the_newest_twenty_past_the_limit(tenant):
    made = create(tenant.writer, "start")
    rename(tenant.writer, made, 20)  # 21 entries
    history = incident_data(tenant.reader, made["incident_id"]).json()["recent_history"]
    assert len(history) == 20
    assert history[0]["new"] == "summary 19"
    assert history[-1]["new"] == "summary 0"


@pytest.mark.parametrize("ref", [UNKNOWN_ID, "INCI-99", "nope"])
def test_incident_data_of_an_unknown_incident_is_404(tenant, ref):
    create(tenant.writer)
    assert not_found(incident_data(tenant.reader, ref))


def test_incident_data_of_a_deleted_incident_is_404(tenant):
    made = create(tenant.writer)
    trash(tenant.writer, made)
    assert not_found(incident_data(tenant.reader, made["incident_id"]))


# --- history --------------------------------------------------------------------------------


def history(client, incident, **query):
    return client.get(f"{LIST}{incident['incident_id']}/history/", query)


def test_history_records_create_update_and_resolve_newest_first(tenant):
    made = create(tenant.writer, "old summary", status_id=2, assignee="bob")
    patch(tenant.admin, made, {"basic_info": {"summary": "new summary"}})
    resolve(tenant.writer, made)
    response = history(tenant.reader, made)
    assert response.status_code == 200
    # Creating with an assignee records the assignment too (issue 17).
    assert response["X-Total-Count"] == "4"
    resolved, updated, assigned, created = response.json()
    assert (assigned["action"], assigned["field"], assigned["new"]) == (
        "assigned",
        "current_assignment_info.assignee",
        {"id": None, "name": "bob"},
    )
    assert (created["action"], created["actor_id"]) == ("created", actor(tenant, "write"))
    assert (updated["action"], updated["actor_id"], updated["field"]) == (
        "updated",
        actor(tenant, "admin"),
        "basic_info.summary",
    )
    assert (updated["old"], updated["new"]) == ("old summary", "new summary")
    assert (resolved["action"], resolved["actor_id"], resolved["field"]) == (
        "resolved",
        actor(tenant, "write"),
        "basic_info.status_id",
    )
    assert (resolved["old"], resolved["new"]) == (2, 5)


def test_history_entry_times_are_utc_milliseconds(tenant):
    made = create(tenant.writer)
    (entry,) = history(tenant.reader, made).json()
    assert entry["at"] == made["creation_time"]
    assert entry["at"].endswith("Z") and len(entry["at"]) == len("2025-08-31T16:08:45.429Z")


def test_history_records_each_changed_field_once(tenant):
    made = create(tenant.writer, "s", assignee="bob", support_group="net")
    patch(
        tenant.writer,
        made,
        {"current_assignment_info": {"assignee": "ann", "support_group": "net"}},
    )
    entries = history(tenant.reader, made).json()
    changed = [(e["field"], e["old"], e["new"]) for e in entries if e["action"] == "updated"]
    assert changed == [
        (
            "current_assignment_info.assignee",
            {"id": None, "name": "bob"},
            {"id": None, "name": "ann"},
        )
    ]


def test_history_is_paginated(tenant):
    made = create(tenant.writer, "start")
    rename(tenant.writer, made, 4)  # 5 entries, newest first: summary 3 .. 0, created
    response = history(tenant.reader, made, items_per_page=2, page=2)
    assert response.status_code == 200
    assert response["X-Total-Count"] == "5"
    assert [e["new"] for e in response.json()] == ["summary 1", "summary 0"]
    assert 'rel="next"' in response["Link"] and 'rel="prev"' in response["Link"]
    last = history(tenant.reader, made, items_per_page=2, page=3).json()
    assert [e["action"] for e in last] == ["created"]
    assert history(tenant.reader, made, items_per_page=2, page=4).json() == []


@pytest.mark.parametrize("size", [1, 100])
def test_history_page_size_at_its_bounds_is_accepted(tenant, size):
    made = create(tenant.writer)
    response = history(tenant.reader, made, items_per_page=size)
    assert response.status_code == 200
    assert len(response.json()) == 1


@pytest.mark.parametrize(
    ("name", "value"), [("items_per_page", 0), ("items_per_page", 101), ("page", 0)]
)
def test_history_refuses_out_of_range_paging(tenant, name, value):
    made = create(tenant.writer)
    assert bad_params(history(tenant.reader, made, **{name: value})) == [name]


def test_history_by_display_id(tenant):
    made = create(tenant.writer)
    response = tenant.reader.get(f"{LIST}{made['display_id']}/history/")
    assert response.status_code == 200
    assert [e["action"] for e in response.json()] == ["created"]


def test_history_of_a_deleted_incident_is_404(tenant):
    made = create(tenant.writer)
    trash(tenant.writer, made)
    assert not_found(history(tenant.reader, made))


def test_history_survives_delete_and_restore(tenant):
    made = create(tenant.writer)
    trash(tenant.writer, made)
    (result,) = post(
        tenant.writer, LIST + "restore_incident/", {"incident_id": made["incident_id"]}
    )
    assert result["ok"], result
    entries = history(tenant.reader, made).json()
    assert [e["action"] for e in entries] == ["restored", "deleted", "created"]
