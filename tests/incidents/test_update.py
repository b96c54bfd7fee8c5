"""PUT/PATCH incident/{id}/: only changes are written, If-Match, the workflow."""

import pytest

from incidents.documents import Incident

LIST = "/ux/sd/inci/incident/"


@pytest.fixture
def incident(tenant):
    response = tenant.writer.post(
        LIST,
        {"summary": "VPN down", "impact_id": 3, "urgency_id": 3, "tag": ["vpn"]},
        format="json",
    )
    assert response.status_code == 201
    return response.json()


def url(incident):
    return f"{LIST}{incident['display_id']}/"


def patch(client, incident, body, **headers):
    return client.patch(url(incident), body, format="json", **headers)


def stored(incident) -> Incident:
    return Incident.objects.get(id=incident["incident_id"])


def test_patch_changes_only_what_is_sent_and_records_history(tenant, incident):
    response = patch(tenant.writer, incident, {"basic_info": {"summary": "VPN flaky"}})
    assert response.status_code == 200
    body = response.json()
    assert body["basic_info"]["summary"] == "VPN flaky"
    assert body["tag"] == ["vpn"]
    assert response["ETag"] == '"2"'
    doc = stored(incident)
    entry = doc.history[-1]
    assert (entry.action, entry.field, entry.old, entry.new) == (
        "updated",
        "basic_info.summary",
        "VPN down",
        "VPN flaky",
    )
    assert entry.actor_id == body["updated_by_id"]


def test_patch_with_nothing_new_writes_nothing(tenant, incident):
    response = patch(tenant.writer, incident, {"basic_info": {"summary": "VPN down"}})
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert len(stored(incident).history) == 1


def test_read_only_fields_are_ignored(tenant, incident):
    response = patch(
        tenant.writer,
        incident,
        {
            "incident_id": "0" * 24,
            "display_id": "INCI-999",
            "creation_time": "2000-01-01T00:00:00.000Z",
            "created_by_id": "me",
            "close_info": {"reopen_count": 9},
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["display_id"] == incident["display_id"]
    assert body["creation_time"] == incident["creation_time"]
    assert body["close_info"]["reopen_count"] == 0


def test_if_match_current_succeeds_and_stale_is_412_with_nothing_written(tenant, incident):
    etag = tenant.reader.get(url(incident))["ETag"]
    assert patch(tenant.writer, incident, {"tag": ["a"]}, HTTP_IF_MATCH=etag).status_code == 200
    stale = patch(tenant.writer, incident, {"tag": ["b"]}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["errors"][0]["code"] == "precondition_failed"
    assert stored(incident).tag == ["a"]
    assert patch(tenant.writer, incident, {"tag": ["c"]}, HTTP_IF_MATCH='"abc"').status_code == 412


def test_edits_of_different_fields_from_the_same_read_both_survive(tenant, incident):
    first = patch(tenant.writer, incident, {"basic_info": {"summary": "new summary"}})
    second = patch(tenant.writer, incident, {"current_assignment_info": {"assignee": "bob"}})
    assert first.status_code == second.status_code == 200
    doc = stored(incident)
    assert doc.basic_info.summary == "new summary"
    assert doc.current_assignment_info.assignee == {"id": None, "name": "bob"}


def test_a_lost_race_is_replanned_on_the_fresh_incident(tenant, incident, monkeypatch):
    """Another writer commits between our read and our write: both changes are kept."""
    from incidents.services import common

    real_load = common.load
    calls = []

    def racing_plan_then_load(**kwargs):
        calls.append(1)
        return real_load(**kwargs)

    collection = Incident._get_collection()
    original = type(collection).find_one_and_update
    state = {"raced": False}

    # Patched on the class, so every collection's writes pass here (rate-limit windows
    # too): each goes to its own collection; only the incident's write is raced.
    def find_one_and_update(self, query, update, **kwargs):
        is_incident = self.name == collection.name and "version" in query
        if is_incident and not state["raced"]:
            state["raced"] = True
            collection.update_one(
                {"_id": query["_id"]},
                {"$set": {"tag": ["other"]}, "$inc": {"version": 1}},
            )
        return original(self, query, update, **kwargs)

    monkeypatch.setattr(common, "load", racing_plan_then_load)
    monkeypatch.setattr(type(collection), "find_one_and_update", find_one_and_update)
    response = patch(tenant.writer, incident, {"basic_info": {"summary": "mine"}})
    assert response.status_code == 200
    assert calls == [1]
    doc = stored(incident)
    assert (doc.basic_info.summary, doc.tag) == ("mine", ["other"])


def test_urgency_change_recomputes_priority(tenant, incident):
    body = patch(tenant.writer, incident, {"basic_info": {"urgency_id": 1}}).json()["basic_info"]
    assert (body["urgency"], body["priority_id"], body["priority"]) == ("High", 3, "Medium")


def test_priority_that_contradicts_the_matrix_is_400(tenant, incident):
    response = patch(tenant.writer, incident, {"basic_info": {"priority_id": 1}})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "basic_info.priority_id"
    assert "expected 5" in response.json()["errors"][0]["detail"]
    both = patch(
        tenant.writer, incident, {"basic_info": {"impact_id": 1, "urgency_id": 1, "priority_id": 1}}
    )
    assert both.status_code == 200


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"basic_info": {"status_id": 6}}, 409, "invalid_transition"),
        ({"basic_info": {"status": "Closed"}}, 409, "invalid_transition"),
        ({"basic_info": {"status_id": 4}}, 400, "required"),
        ({"basic_info": {"status_id": 5}}, 400, "required"),
        ({"basic_info": {"status_id": 7}}, 400, "required"),
        ({"basic_info": {"status_id": 3, "state_id": 2}}, 400, "mismatch"),
        ({"basic_info": {"status_id": 42}}, 400, "unknown_id"),
    ],
)
def test_status_changes_obey_the_workflow(tenant, incident, body, status, code):
    response = patch(tenant.writer, incident, body)
    assert response.status_code == status, response.content
    assert response.json()["errors"][0]["code"] == code
    assert stored(incident).version == 1


def test_status_moves_through_patch(tenant, incident):
    moved = patch(tenant.writer, incident, {"basic_info": {"status": "In Progress"}}).json()
    assert moved["basic_info"]["status_id"] == 3
    held = patch(
        tenant.writer,
        incident,
        {"basic_info": {"status_id": 4}, "config": {"hold_config": {"reason": "Awaiting Vendor"}}},
    )
    assert held.status_code == 200 and held.json()["basic_info"]["status"] == "On Hold"
    resolved = patch(
        tenant.writer,
        incident,
        {"basic_info": {"status_id": 5, "resolution_type": "Fixed"}, "closure_note": "rebooted"},
    ).json()
    assert resolved["basic_info"]["state"] == "Resolved"
    assert resolved["close_info"]["closure_note"] == "rebooted"
    reopened = patch(
        tenant.writer, incident, {"basic_info": {"status_id": 3}, "reason": "back again"}
    ).json()
    assert reopened["close_info"]["reopen_count"] == 1
    assert reopened["close_info"]["last_reopen_reason"] == "back again"
    actions = [
        entry.action for entry in stored(incident).history if entry.field == "basic_info.status_id"
    ]
    # Moves with effects are recorded as the action routes record them (one workflow table).
    assert actions == ["start", "hold", "resolved", "reopened"]


def test_assignment_change_records_the_time(tenant, incident):
    body = patch(tenant.writer, incident, {"current_assignment_info": {"assignee": "bob"}}).json()
    assert body["current_assignment_info"]["assigned_at"].endswith("Z")
    fields = [entry.field for entry in stored(incident).history]
    assert "current_assignment_info.assignee" in fields


def test_put_with_the_representation_round_trips(tenant, incident):
    representation = tenant.reader.get(url(incident)).json()
    representation["basic_info"]["summary"] = "replaced"
    representation["tag"] = ["x", "y"]
    response = tenant.writer.put(url(incident), representation, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["basic_info"]["summary"] == "replaced"
    assert response.json()["tag"] == ["x", "y"]


def test_put_without_required_parts_is_400(tenant, incident):
    response = tenant.writer.put(url(incident), {"tag": []}, format="json")
    assert response.status_code == 400
    assert stored(incident).version == 1


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"basic_info": {"summary": {"$ne": ""}}}, "basic_info.summary"),
        ({"basic_info": {"summary": ""}}, "basic_info.summary"),
        ({"basic_info": {"urgency_id": "1; drop"}}, "basic_info.urgency_id"),
        ({"custom_field_data": {"$inc": {"x": 1}}}, "custom_field_data"),
        ({"location": {"a.b": 1}}, "location"),
        ({"tag": "vpn"}, "tag"),
        ({"is_archive": "true"}, "is_archive"),
        ({"requester": {"email": "not@valid"}}, "requester.email"),
    ],
)
def test_bad_edits_are_400_naming_the_field(tenant, incident, body, attr):
    response = patch(tenant.writer, incident, body)
    assert response.status_code == 400, response.content
    attrs = [error["attr"] for error in response.json()["errors"]]
    assert any(a == attr or a.startswith(f"{attr}.") for a in attrs), attrs
    assert stored(incident).version == 1


def test_malformed_and_unknown_ids_are_404(tenant, incident):
    for ref in ("nope", "0" * 24, "INCI-999", "x" * 300):
        assert patch(tenant.writer, {"display_id": ref}, {"tag": []}).status_code == 404


def test_delete_moves_to_trash_and_restore_brings_back(tenant, incident):
    assert tenant.writer.delete(url(incident)).status_code == 204
    assert tenant.reader.get(url(incident)).status_code == 404
    assert tenant.reader.get(LIST).json() == []
    doc = stored(incident)
    assert doc.is_deleted and doc.deleted_at is not None
    restored = tenant.writer.post(
        f"{LIST}restore_incident/", {"incident_ids": [incident["display_id"]]}, format="json"
    )
    assert restored.json()["results"][0]["ok"] is True
    assert tenant.reader.get(url(incident)).status_code == 200
    assert [e.action for e in stored(incident).history][-2:] == ["deleted", "restored"]
