"""Bodies say what they mean: unknown top-level fields are refused, PUT/PATCH take the
create body's flat names, and errors name fields as the client sent them."""

import pytest

from conversations.documents import Conversation
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


def patch(client, incident, body):
    return client.patch(url(incident), body, format="json")


def stored(incident) -> Incident:
    return Incident.objects.get(id=incident["incident_id"])


def errors(response) -> list[tuple[str, str]]:
    return [(error["attr"], error["code"]) for error in response.json()["errors"]]


# --- unknown fields ---------------------------------------------------------------


def test_a_create_with_a_typo_is_refused_and_nothing_is_stored(tenant):
    response = tenant.writer.post(
        LIST, {"summary": "VPN down", "descripton": "typo"}, format="json"
    )
    assert response.status_code == 400
    assert errors(response) == [("descripton", "unknown_field")]
    assert Incident.objects.count() == 0


def test_each_unknown_field_is_an_error_of_its_own(tenant):
    response = tenant.writer.post(
        LIST, {"summary": "VPN down", "descripton": "x", "$set": {}, "prio": 1}, format="json"
    )
    assert response.status_code == 400
    assert sorted(errors(response)) == [
        ("$set", "unknown_field"),
        ("descripton", "unknown_field"),
        ("prio", "unknown_field"),
    ]


@pytest.mark.parametrize("method", ["put", "patch"])
def test_an_edit_with_an_unknown_field_writes_nothing(tenant, incident, method):
    body = tenant.reader.get(url(incident)).json() if method == "put" else {}
    body["summery"] = "typo"
    response = getattr(tenant.writer, method)(url(incident), body, format="json")
    assert response.status_code == 400
    assert errors(response) == [("summery", "unknown_field")]
    assert stored(incident).version == 1


def test_a_put_of_the_representation_is_not_refused(tenant, incident):
    """Read-only fields of the representation are known (and ignored), not unknown."""
    body = tenant.reader.get(url(incident)).json()
    response = tenant.writer.put(url(incident), body, format="json")
    assert response.status_code == 200, response.content


def test_a_conversation_with_an_unknown_field_is_refused(tenant, incident):
    body = {"incident_id": incident["incident_id"], "kind": "note", "body": "hi", "sender": "x"}
    response = tenant.writer.post("/ux/sd/inci/conversation/", body, format="json")
    assert response.status_code == 400
    assert errors(response) == [("sender", "unknown_field")]
    assert Conversation.objects.count() == 0


@pytest.mark.parametrize(
    ("route", "body"),
    [
        ("inci_resolve/", {"resolution_type": "Fixed", "closure_note": "done"}),
        ("inci_reopen/", {"reason": "again"}),
        ("close_inci_request/", {"reason": "dup"}),
        ("delete_incident/", {}),
        ("restore_incident/", {}),
        ("workflow_options_map/", {}),
        ("bulk_retry_api/", {}),
        ("save-rich-text/", {"field": "description", "html": "<p>x</p>"}),
        ("feedback/", {"rating": 5}),
        ("add-attachment/", {"files": [{"file_name": "a.txt", "content_base64": "YQ=="}]}),
    ],
)
def test_every_action_refuses_an_unknown_field(tenant, incident, route, body):
    key = "incident_ids" if route.startswith(("delete", "restore", "workflow", "bulk")) else None
    ref = {key: [incident["incident_id"]]} if key else {"incident_id": incident["incident_id"]}
    response = tenant.admin.post(f"{LIST}{route}", {**body, **ref, "notes": "x"}, format="json")
    assert response.status_code == 400, response.content
    assert errors(response) == [("notes", "unknown_field")]
    assert stored(incident).version == 1


def test_the_schema_says_request_bodies_are_closed(tenant):
    schema = tenant.reader.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    for name in (
        "IncidentCreateRequest",
        "PatchedIncidentUpdateInputRequest",
        "ResolveInputRequest",
    ):
        assert components[name]["additionalProperties"] is False, name
    # Free objects inside them stay open.
    assert components["IncidentCreateRequest"]["properties"]["custom_field_data"].get(
        "additionalProperties", True
    )


# --- flat names on PUT and PATCH ----------------------------------------------------


def test_patch_takes_the_create_bodys_flat_names(tenant, incident):
    response = patch(
        tenant.writer,
        incident,
        {"summary": "VPN flaky", "urgency_id": 1, "requester_email": "[email protected]"},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["basic_info"]["summary"] == "VPN flaky"
    assert (body["basic_info"]["urgency_id"], body["basic_info"]["priority_id"]) == (1, 3)
    assert body["requester"]["email"] == "[email protected]"
    assert stored(incident).basic_info.summary == "VPN flaky"


def test_hold_reason_puts_it_on_hold_and_keeps_the_rest_of_hold_config(tenant, incident):
    patch(tenant.writer, incident, {"config": {"hold_config": {"until": "monday"}}})
    response = patch(tenant.writer, incident, {"status_id": 4, "hold_reason": "Awaiting Vendor"})
    assert response.status_code == 200, response.content
    assert response.json()["basic_info"]["status"] == "On Hold"
    assert response.json()["config"]["hold_config"] == {
        "until": "monday",
        "reason": "Awaiting Vendor",
    }


def test_put_takes_flat_names_too(tenant, incident):
    body = tenant.reader.get(url(incident)).json()
    body["summary"] = "replaced"
    body["basic_info"].pop("summary")
    response = tenant.writer.put(url(incident), body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["basic_info"]["summary"] == "replaced"


def test_both_forms_with_different_values_are_refused(tenant, incident):
    response = patch(tenant.writer, incident, {"summary": "a", "basic_info": {"summary": "b"}})
    assert response.status_code == 400
    assert errors(response) == [("summary", "mismatch")]
    assert stored(incident).version == 1


def test_both_forms_with_the_same_value_are_one_change(tenant, incident):
    response = patch(
        tenant.writer, incident, {"summary": "same", "basic_info": {"summary": "same"}}
    )
    assert response.status_code == 200
    assert response.json()["basic_info"]["summary"] == "same"


# --- errors name the field as the client sent it -------------------------------------


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"status_id": 4}, "hold_reason"),
        ({"basic_info": {"status_id": 4}}, "config.hold_config.reason"),
        ({"status_id": 5, "closure_note": "done"}, "resolution_type"),
        ({"basic_info": {"status_id": 5}, "closure_note": "done"}, "basic_info.resolution_type"),
        ({"priority_id": 1}, "priority_id"),
        ({"basic_info": {"priority_id": 1}}, "basic_info.priority_id"),
        ({"summary": ""}, "summary"),
        ({"summary": "x" * 1000}, "summary"),
        ({"status_id": 42}, "status_id"),
        ({"hold_reason": 7}, "hold_reason"),
    ],
)
def test_an_error_names_the_field_as_the_client_sent_it(tenant, incident, body, attr):
    response = patch(tenant.writer, incident, body)
    assert response.status_code == 400, response.content
    assert [error["attr"] for error in response.json()["errors"]] == [attr]
    assert stored(incident).version == 1


# --- which incidents an action names ----------------------------------------------


def test_incident_id_and_incident_ids_together_name_each_incident_once(tenant, incident):
    other = tenant.writer.post(LIST, {"summary": "other"}, format="json").json()
    body = {
        "incident_id": incident["display_id"],
        "incident_ids": [other["incident_id"], incident["display_id"]],
        "reason": "duplicate",
    }
    response = tenant.writer.post(f"{LIST}close_inci_request/", body, format="json")
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [r["incident_id"] for r in results] == [incident["display_id"], other["incident_id"]]
    assert all(r["ok"] for r in results)


@pytest.mark.parametrize(
    "route", ["close_inci_request/", "workflow_options_map/", "bulk_retry_api/"]
)
def test_an_action_naming_no_incident_has_no_results(tenant, incident, route):
    body = {"reason": "x"} if route.startswith("close") else {}
    response = tenant.writer.post(f"{LIST}{route}", body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["results"] == []
    assert stored(incident).version == 1


def test_an_empty_list_of_incidents_is_still_refused(tenant):
    response = tenant.writer.post(f"{LIST}delete_incident/", {"incident_ids": []}, format="json")
    assert response.status_code == 400
    assert errors(response) == [("incident_ids", "min_length")]


@pytest.mark.parametrize("route", ["close_inci_request/", "delete_incident/", "bulk_retry_api/"])
def test_an_action_without_a_body_is_refused(tenant, incident, route):
    response = tenant.admin.post(f"{LIST}{route}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "required"
    assert stored(incident).version == 1
