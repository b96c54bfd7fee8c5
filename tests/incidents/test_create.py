"""POST incident/: the listing's flat body in, the structured incident out."""

import copy

import pytest

from incidents.api.serializers import LISTING_CREATE_EXAMPLE
from incidents.documents import Incident, RequesterEntry
from tests.support.directory import directory_job

LIST = "/ux/sd/inci/incident/"


def create(client, body, status=201):
    response = client.post(LIST, body, format="json")
    assert response.status_code == status, response.content
    return response.json()


def assert_400(response, attr, code=None):
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    attrs = [error["attr"] for error in errors]
    assert any(a == attr or a.startswith(f"{attr}.") for a in attrs), errors
    if code:
        assert code in [error["code"] for error in errors]
    assert Incident.objects.count() == 0  # nothing written


def test_listing_example_verbatim(tenant):
    body = create(tenant.writer, LISTING_CREATE_EXAMPLE)
    basic = body["basic_info"]
    assert basic["summary"] == "VPN Issue"
    assert (basic["priority_id"], basic["priority"]) == (5, "Very Low")
    assert (basic["urgency_id"], basic["impact_id"]) == (3, 3)
    assert (basic["state"], basic["status"]) == ("Open", "New")
    assert basic["incident_type"] == {"id": 1, "name": "Incident", "prefix": "inci"}
    assert basic["impact_service_name"] == "service1"
    assert body["source_info"] == {"id": 1, "name": "Web"}
    assert body["requester"] == {
        "id": "",
        "name": "Test req",
        "email": "[email protected]",
        "phone": "7778889999",
    }
    assert body["display_id"] == "INCI-1"
    assert len(body["incident_id"]) == 24
    assert body["custom_field"] == []  # the example's [{}] means none
    assert body["creation_time"].endswith("Z") and len(body["creation_time"]) == 24
    assert body["created_by_id"].startswith("key:")
    stored = Incident.objects.get(id=body["incident_id"])
    assert stored.organization_id == tenant.org.id
    assert [entry.action for entry in stored.history] == ["created"]


def test_listing_response_has_every_field_of_the_listing(tenant):
    body = create(tenant.writer, {"summary": "x"})
    assert list(body) == [
        "incident_id", "display_id", "is_merge_incident", "is_archive", "unread_mail",
        "requester", "config", "reporter_info", "basic_info", "reference", "source_info",
        "template_info", "impacted_asset", "close_info", "current_watcher",
        "current_assignment_info", "custom_field", "tag", "kb", "custom_field_data",
        "creation_time", "created_by_id", "last_update_time", "updated_by_id", "location",
        "sla",  # the SLA clocks (sla/), null when no SLA policy applies
    ]  # fmt: skip


def test_defaults_when_only_summary_is_given(tenant):
    basic = create(tenant.writer, {"summary": "printer"})["basic_info"]
    assert (basic["status"], basic["state"]) == ("New", "Open")
    assert (basic["urgency"], basic["impact"], basic["priority"]) == ("Medium", "User", "Very Low")


@pytest.mark.parametrize(
    "fields",
    [
        {"urgency_id": 1},
        {"urgency": "High"},
        {"urgency": "high"},
        {"urgency_id": 1, "urgency": "High"},
    ],
)
def test_enumerations_by_id_name_or_both(tenant, fields):
    basic = create(tenant.writer, {"summary": "x", "impact_id": 1, **fields})["basic_info"]
    assert basic["urgency_id"] == 1 and basic["priority_id"] == 1


@pytest.mark.parametrize(
    ("impact_id", "urgency_id", "priority_id"),
    [(1, 1, 1), (1, 3, 3), (2, 2, 3), (3, 3, 5), (4, 1, 4), (4, 3, 5)],
)
def test_priority_follows_the_matrix(tenant, impact_id, urgency_id, priority_id):
    body = {"summary": "x", "impact_id": impact_id, "urgency_id": urgency_id}
    assert create(tenant.writer, body)["basic_info"]["priority_id"] == priority_id


def test_contradicting_priority_names_the_expected_value(tenant):
    response = tenant.writer.post(
        LIST, {"summary": "x", "impact_id": 3, "urgency_id": 3, "priority_id": 1}, format="json"
    )
    assert_400(response, "priority_id", "priority_mismatch")
    assert "expected 5" in response.json()["errors"][0]["detail"]


@pytest.mark.parametrize(
    ("fields", "attr", "code"),
    [
        ({"urgency_id": 1, "urgency": "Low"}, "urgency_id", "mismatch"),
        ({"urgency_id": 9}, "urgency_id", "unknown_id"),
        ({"urgency": "Whenever"}, "urgency_id", "unknown_name"),
        ({"status": "Closed"}, "status_id", "invalid_status"),
        ({"status_id": 5}, "status_id", "invalid_status"),
        ({"state_id": 2}, "state_id", "invalid_state"),
        ({"state_id": 3, "status_id": 1}, "state_id", "mismatch"),
        ({"incident_source": {"id": 1, "name": "Email"}}, "incident_source", "mismatch"),
        ({"incident_type": {"id": 1, "prefix": "sr"}}, "incident_type", "mismatch"),
        ({"incident_type": {"id": 77}}, "incident_type", "unknown_id"),
        ({"resolution_type": "Magic"}, "resolution_type", "unknown_name"),
        ({"status_id": 4}, "hold_config", "missing_field"),
    ],
)
def test_bad_enumerations_are_400_naming_the_field(tenant, fields, attr, code):
    assert_400(tenant.writer.post(LIST, {"summary": "x", **fields}, format="json"), attr, code)


def test_on_hold_with_a_reason_is_accepted(tenant):
    body = {"summary": "x", "status_id": 4, "hold_config": {"reason": "Awaiting Vendor"}}
    assert create(tenant.writer, body)["basic_info"]["status"] == "On Hold"


def test_display_ids_use_the_type_prefix_and_one_counter(tenant):
    first = create(tenant.writer, {"summary": "a"})
    second = create(tenant.writer, {"summary": "b", "incident_type": {"name": "Service Request"}})
    assert (first["display_id"], second["display_id"]) == ("INCI-1", "SR-2")


def test_structured_fields(tenant):
    body = create(
        tenant.writer,
        {
            "summary": "x",
            "description": "<p>down</p>",
            "reporter_name": "Rita",
            "reporter_email": "Rita@Example.com",
            "watcher": "a@example.com, b@example.com, a@example.com",
            "support_group": "network",
            "assignee": "bob",
            "tag": ["vpn", " vpn ", "remote"],
            "assets": [{"name": "laptop-1"}, {"name": "router", "serial": "X1"}],
            "reference": {"ticket": "EXT-1"},
            "custom_field_data": {"floor": 3, "nested": {"ok": [1, 2]}},
            "location": {"site": "HQ"},
            "hold_config": {"note": "n"},
            "config": {"sla": "gold"},
            "is_first_call": True,
        },
    )
    assert body["reporter_info"] == {"name": "Rita", "email": "rita@example.com", "phone": ""}
    assert body["current_watcher"] == ["a@example.com", "b@example.com"]
    # A reference of an organization without agents: the name, kept as given (issue 17).
    assert body["current_assignment_info"]["assignee"] == {"id": None, "name": "bob"}
    assert body["current_assignment_info"]["support_group"] == {"id": None, "name": "network"}
    assert body["current_assignment_info"]["assigned_at"].endswith("Z")
    assert body["tag"] == ["vpn", "remote"]
    assert body["impacted_asset"] == [{"name": "laptop-1"}, {"name": "router", "serial": "X1"}]
    assert body["reference"] == [{"ticket": "EXT-1"}]
    assert body["custom_field_data"] == {"floor": 3, "nested": {"ok": [1, 2]}}
    assert body["config"]["general"] == {"sla": "gold"}
    assert body["basic_info"]["is_first_call"] is True


def test_requester_directory_is_kept_from_incidents(tenant):
    for _ in range(2):
        create(
            tenant.writer,
            {"summary": "x", "requester_email": "Ann@Example.com", "requester_name": "Ann"},
        )
    assert RequesterEntry.objects.count() == 0  # written by its job, within seconds
    assert directory_job() == 2
    entry = RequesterEntry.objects.get(organization_id=tenant.org.id)
    assert (entry.email, entry.name, entry.incident_count) == ("ann@example.com", "Ann", 2)


DEEP_10 = {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}}


@pytest.mark.parametrize(
    ("fields", "attr"),
    [
        ({"summary": ""}, "summary"),
        ({"summary": None}, "summary"),
        ({"summary": {"$ne": None}}, "summary"),
        ({"summary": ["x"]}, "summary"),
        ({"summary": 5}, "summary"),
        ({"summary": "x" * 501}, "summary"),
        ({"description": {"$where": "1"}}, "description"),
        ({"urgency_id": "high"}, "urgency_id"),
        ({"urgency_id": True}, "urgency_id"),
        ({"urgency_id": 1.5}, "urgency_id"),
        ({"urgency_id": {"$gt": 0}}, "urgency_id"),
        ({"requester_email": "bob@"}, "requester_email"),
        ({"requester_phone": "call me"}, "requester_phone"),
        ({"tag": "vpn"}, "tag"),
        ({"tag": [{"$ne": 1}]}, "tag"),
        ({"tag": ["x" * 65]}, "tag"),
        ({"tag": [f"t{i}" for i in range(51)]}, "tag"),
        ({"custom_field_data": {"$where": "sleep(1)"}}, "custom_field_data"),
        ({"custom_field_data": {"a.b": 1}}, "custom_field_data"),
        ({"custom_field_data": {"ok": {"$gt": 1}}}, "custom_field_data"),
        ({"custom_field_data": {"__raw__": {"$x": 1}}}, "custom_field_data"),
        ({"custom_field_data": [1]}, "custom_field_data"),
        ({"custom_field_data": {"x": {"y": DEEP_10}}}, "custom_field_data"),
        ({"location": {"$set": {}}}, "location"),
        ({"escalation": {"a.b": True}}, "escalation"),
        ({"reference": [{"$x": 1}]}, "reference"),
        ({"reference": ["x"]}, "reference"),
        ({"assets": [{"k.k": 1}]}, "assets"),
        ({"watcher": [1]}, "watcher"),
        ({"incident_source": "Web"}, "incident_source"),
        ({"is_first_call": "yes"}, "is_first_call"),
        ({"attachment": {"file": "x"}}, "attachment"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_writes_nothing(tenant, fields, attr):
    body = {"summary": "ok", **fields}
    assert_400(tenant.writer.post(LIST, body, format="json"), attr)


def test_nesting_at_the_depth_limit_is_accepted(tenant):
    body = create(tenant.writer, {"summary": "x", "custom_field_data": {"x": DEEP_10}})
    assert body["custom_field_data"]["x"] == DEEP_10


def test_summary_at_its_limit_is_accepted(tenant):
    assert create(tenant.writer, {"summary": "x" * 500})["basic_info"]["summary"] == "x" * 500


def test_fifty_tags_are_accepted(tenant):
    assert (
        len(create(tenant.writer, {"summary": "x", "tag": [f"t{i}" for i in range(50)]})["tag"])
        == 50
    )


def test_body_must_be_an_object(tenant):
    response = tenant.writer.post(LIST, [LISTING_CREATE_EXAMPLE], format="json")
    assert response.status_code == 400
    assert Incident.objects.count() == 0


def test_listing_example_is_not_mutated_by_create(tenant):
    before = copy.deepcopy(LISTING_CREATE_EXAMPLE)
    create(tenant.writer, LISTING_CREATE_EXAMPLE)
    assert before == LISTING_CREATE_EXAMPLE


def test_free_form_json_keeps_arrays_inside_arrays(tenant):
    """Any JSON (safe keys, bounded depth): arrays directly inside arrays too, stored and
    read back as sent, through objects or not (every supported server stores them)."""
    approval = {
        "steps": [{"approvers": ["ann", "bob"]}, {"approvers": []}],
        "matrix": [[1, 2], [3]],
        "odd": [[], [False, None], [["deep"], {"x": [[1.5]]}]],
    }
    location = {"floors": [[1, 2], []], "path": [1, [2]]}
    response = tenant.writer.post(
        LIST,
        {"summary": "ok", "approval_config": approval, "location": location},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["config"]["approval_config"] == approval
    shown = tenant.writer.get(f"{LIST}{response.json()['incident_id']}/").json()
    assert shown["config"]["approval_config"] == approval
    assert shown["location"] == location


def failing_insert(monkeypatch, *, meanwhile=None):
    """The next insert of an incident fails as a lost database would (503); `meanwhile`
    runs first, as a create of another request between this one's draw and its insert."""
    from pymongo.errors import ServerSelectionTimeoutError

    real = Incident.save
    failed = []

    def save(self, *args, **kwargs):
        if failed:
            return real(self, *args, **kwargs)
        failed.append(self.display_id)
        if meanwhile is not None:
            meanwhile()
        raise ServerSelectionTimeoutError("injected: the insert never reached the server")

    monkeypatch.setattr(Incident, "save", save)
    return failed


def post_lost(client):
    client.raise_request_exception = False  # the 503 is the answer under test
    response = client.post(LIST, {"summary": "lost"}, format="json")
    client.raise_request_exception = True
    assert response.status_code == 503, response.content
    assert response["Retry-After"]


def test_a_create_whose_insert_fails_gives_its_number_back(tenant, monkeypatch):
    create(tenant.writer, {"summary": "first"})
    failed = failing_insert(monkeypatch)
    post_lost(tenant.writer)
    assert failed == ["INCI-2"]
    assert Incident.objects.count() == 1
    assert create(tenant.writer, {"summary": "next"})["display_id"] == "INCI-2"  # no gap


def test_a_number_is_not_given_back_once_another_was_drawn(tenant, monkeypatch):
    from incidents.services.create import next_display_number

    create(tenant.writer, {"summary": "first"})
    drawn = []
    failed = failing_insert(
        monkeypatch,
        meanwhile=lambda: drawn.append(next_display_number(organization_id=tenant.org.id)),
    )
    post_lost(tenant.writer)
    assert (failed, drawn) == (["INCI-2"], [3])
    # Giving 2 back would make the counter hand out 3 again: it stays a gap.
    assert create(tenant.writer, {"summary": "next"})["display_id"] == "INCI-4"


def test_a_counter_lowered_by_hand_never_stores_a_number_twice(tenant):
    """The unique `number_key` refuses the second INCI-1; the create draws again."""
    from incidents.documents import Counter

    create(tenant.writer, {"summary": "first"})
    create(tenant.writer, {"summary": "second"})
    Counter._get_collection().update_one({"_id": f"{tenant.org.id}:incident"}, {"$set": {"seq": 0}})
    assert create(tenant.writer, {"summary": "third"})["display_id"] == "INCI-3"
    stored = Incident._get_collection().find({}, {"display_id": 1, "number_key": 1})
    keys = sorted((doc["display_id"], doc["number_key"]) for doc in stored)
    assert keys == [(f"INCI-{n}", f"{tenant.org.id}:INCI-{n}") for n in (1, 2, 3)]
