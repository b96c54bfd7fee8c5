"""`templates/`: the shape of `fields`, and its references checked like an incident's.

What every configuration resource shares (names, scopes, paging, delete) is in
tests/test_configuration.py.
"""

import pytest
from bson import ObjectId

from catalogue.api.serializers import TemplateFields
from catalogue.documents import MAX_TAGS, SUMMARY_MAX, TAG_MAX, TEMPLATE_FIELDS
from catalogue.public import catalogue_of
from tests.support.config import ORG, agent, created, group, refused

TEMPLATES = ORG + "templates/"


def template(client, name="VPN", **fields):
    return created(client, "templates/", {"name": name, "fields": fields})


def post(tenant, **fields):
    return tenant.admin.post(TEMPLATES, {"name": "VPN", "fields": fields}, format="json")


@pytest.fixture
def config(tenant):
    """A group with one member, an agent outside it, a service with a classification and a
    select custom field."""
    ada = agent(tenant.admin, "Ada Lovelace", "ada@example.com")
    bob = agent(tenant.admin, "Bob")
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    email = created(
        tenant.admin, "services/", {"name": "Email", "classifications": [{"name": "Spam"}]}
    )
    cost = created(
        tenant.admin,
        "custom-fields/",
        {"key": "cost_center", "label": "Cost", "type": "select", "options": ["R&D"]},
    )
    return {"ada": ada, "bob": bob, "network": network, "email": email, "cost": cost}


def test_the_fields_are_those_of_the_catalogue():
    assert set(TemplateFields().fields) == set(TEMPLATE_FIELDS)


def test_every_field_is_kept_and_references_are_stored_by_id(tenant, config):
    made = template(
        tenant.admin,
        summary="VPN down",
        description="<p>Since <script>x()</script>Monday</p>",
        urgency_id=1,
        impact_id=4,
        incident_type="Service Request",
        support_group="network",
        assignee="ADA@example.com",
        impact_service="email",
        service_classification="spam",
        tag=["vpn", "remote"],
        custom_field_data={"cost_center": "R&D"},
    )
    assert made["fields"] == {
        "summary": "VPN down",
        "description": "<p>Since Monday</p>",
        "urgency_id": 1,
        "impact_id": 4,
        "incident_type": "Service Request",
        "support_group": config["network"]["id"],
        "assignee": config["ada"]["id"],
        "impact_service": config["email"]["id"],
        "service_classification": "1",
        "tag": ["vpn", "remote"],
        "custom_field_data": {"cost_center": "R&D"},
    }
    kept = catalogue_of(organization_id=tenant.org.id).template("vpn")
    assert dict(kept.fields) == made["fields"]


def test_empty_values_are_dropped(tenant):
    made = template(tenant.admin, summary="", tag=[], custom_field_data={}, support_group="")
    assert made["fields"] == {}


@pytest.mark.parametrize(
    ("fields", "attr", "code"),
    [
        ({"bogus": 1}, "fields.bogus", "unknown_field"),
        ({"$set": {"a": 1}}, "fields.$set", "unknown_field"),
        ({"summary": 7}, "fields.summary", "invalid"),
        ({"summary": "s" * (SUMMARY_MAX + 1)}, "fields.summary", "max_length"),
        ({"urgency_id": "1"}, "fields.urgency_id", "invalid"),
        ({"urgency_id": 1.5}, "fields.urgency_id", "invalid"),
        ({"impact_id": True}, "fields.impact_id", "invalid"),
        ({"urgency_id": 9}, "fields.urgency_id", "unknown"),
        ({"impact_id": 5}, "fields.impact_id", "unknown"),
        ({"tag": "vpn"}, "fields.tag", "not_a_list"),
        ({"tag": [7]}, "fields.tag.0", "invalid"),
        ({"tag": ["t" * (TAG_MAX + 1)]}, "fields.tag.0", "max_length"),
        ({"tag": [f"t{n}" for n in range(MAX_TAGS + 1)]}, "fields.tag", "max_length"),
        ({"custom_field_data": ["a"]}, "fields.custom_field_data", "not_an_object"),
        ({"custom_field_data": {"$gt": 1}}, "fields.custom_field_data", "invalid_key"),
        ({"incident_type": {"id": 1}}, "fields.incident_type", "invalid"),
        ({"support_group": 7}, "fields.support_group", "invalid"),
    ],
)
def test_the_shape_of_each_field_is_checked(tenant, fields, attr, code):
    refused(post(tenant, **fields), 400, code, attr)


def test_fields_must_be_an_object(tenant):
    response = tenant.admin.post(TEMPLATES, {"name": "VPN", "fields": ["summary"]}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"].startswith("fields")


def test_limits_at_the_edge_are_taken(tenant):
    made = template(
        tenant.admin,
        summary="s" * SUMMARY_MAX,
        tag=["t" * TAG_MAX, *(f"t{n}" for n in range(MAX_TAGS - 1))],
    )
    assert len(made["fields"]["summary"]) == SUMMARY_MAX and len(made["fields"]["tag"]) == MAX_TAGS


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("support_group", "Nobody", "unknown"),
        ("support_group", str(ObjectId()), "unknown"),
        ("assignee", "nobody@example.com", "unknown"),
        ("impact_service", "Nothing", "unknown"),
    ],
)
def test_unknown_references_are_refused(tenant, config, field, value, code):
    refused(post(tenant, **{field: value}), 400, code, f"fields.{field}")


def test_another_organizations_entries_are_unknown(tenant, other_tenant, config):
    theirs = {
        "support_group": group(other_tenant.admin, "Theirs")["id"],
        "assignee": agent(other_tenant.admin, "Linus")["id"],
        "impact_service": created(other_tenant.admin, "services/", {"name": "Theirs"})["id"],
    }
    for field, value in theirs.items():
        error = refused(post(tenant, **{field: value}), 400, "unknown", f"fields.{field}")
        assert "No " in error["detail"] and "inactive" not in error["detail"]


def test_the_assignee_must_be_in_the_support_group(tenant, config):
    refused(
        post(tenant, support_group="Network", assignee="Bob"),
        400,
        "not_a_member",
        "fields.assignee",
    )
    assert template(tenant.admin, assignee="Bob")["fields"]["assignee"] == config["bob"]["id"]


def test_a_classification_needs_its_service(tenant, config):
    refused(
        post(tenant, service_classification="Spam"),
        400,
        "required",
        "fields.service_classification",
    )
    refused(
        post(tenant, impact_service="Email", service_classification="Ham"),
        400,
        "unknown",
        "fields.service_classification",
    )


def test_custom_field_data_names_active_fields(tenant, config):
    refused(
        post(tenant, custom_field_data={"nope": 1}), 400, "unknown", "fields.custom_field_data.nope"
    )
    url = f"{ORG}custom-fields/{config['cost']['id']}/"
    tenant.admin.patch(url, {"active": False}, format="json")
    refused(
        post(tenant, custom_field_data={"cost_center": "R&D"}),
        400,
        "unknown",
        "fields.custom_field_data.cost_center",
    )


def test_inactive_entries_cannot_be_newly_chosen_but_may_stay(tenant, config):
    made = template(tenant.admin, support_group="Network", assignee="Ada Lovelace")
    for path, item in (("groups/", config["network"]), ("agents/", config["ada"])):
        tenant.admin.patch(f"{ORG}{path}{item['id']}/", {"active": False}, format="json")
    refused(post(tenant, support_group="Network"), 400, "inactive", "fields.support_group")
    refused(post(tenant, assignee="ada@example.com"), 400, "inactive", "fields.assignee")
    url = f"{TEMPLATES}{made['id']}/"
    kept = tenant.admin.patch(url, {"fields": made["fields"]}, format="json")
    assert kept.status_code == 200, kept.content


def test_patch_replaces_the_whole_fields_object(tenant):
    made = template(tenant.admin, summary="VPN down", urgency_id=1)
    url = f"{TEMPLATES}{made['id']}/"
    changed = tenant.admin.patch(url, {"fields": {"urgency_id": 2}}, format="json").json()
    assert changed["fields"] == {"urgency_id": 2}
    assert tenant.admin.patch(url, {"name": "VPN 2"}, format="json").json()["fields"] == {
        "urgency_id": 2
    }


@pytest.mark.parametrize(
    ("path", "key", "field"),
    [("groups/", "network", "support_group"), ("agents/", "ada", "assignee")],
)
def test_what_a_template_names_is_deactivated_not_deleted(
    tenant, config, referenced, path, key, field
):
    template(tenant.admin, **{field: config[key]["id"]})
    url = f"{ORG}{path}{config[key]['id']}/"
    assert tenant.admin.delete(url).status_code == 204
    assert tenant.admin.get(url).json()["active"] is False


def test_a_service_a_template_names_is_deactivated_not_deleted(tenant, config, referenced):
    template(tenant.admin, impact_service="Email")
    url = f"{ORG}services/{config['email']['id']}/"
    assert tenant.admin.delete(url).status_code == 204
    assert tenant.admin.get(url).json()["active"] is False
