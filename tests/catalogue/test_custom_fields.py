"""`custom-fields/`: keys, types and options, incident types.

What every configuration resource shares (keys here stand for names; scopes, paging,
delete) is in tests/test_configuration.py.
"""

import pytest

from catalogue.documents import KEY_MAX, MAX_OPTIONS, NAME_MAX
from catalogue.public import catalogue_of
from tests.support.config import ORG, created, refused

FIELDS = ORG + "custom-fields/"


def field(client, key="cost_center", **fields):
    body = {"key": key, "label": "Cost center", "type": "text", **fields}
    return created(client, "custom-fields/", body)


def post(tenant, **fields):
    body = {"key": "cost_center", "label": "Cost center", "type": "text", **fields}
    return tenant.admin.post(FIELDS, body, format="json")


@pytest.mark.parametrize("key", ["a", "cost_center", "cost-center-2", "x" * KEY_MAX])
def test_a_key_is_a_slug(tenant, key):
    assert field(tenant.admin, key)["key"] == key


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("Cost", "invalid"),
        ("2cost", "invalid"),
        ("_cost", "invalid"),
        ("cost center", "invalid"),
        ("cost.center", "invalid"),
        ("$cost", "invalid"),
        ("x" * (KEY_MAX + 1), "max_length"),
        ("", "blank"),
        (7, "invalid"),
    ],
)
def test_a_key_that_is_not_a_slug_is_refused(tenant, key, code):
    refused(post(tenant, key=key), 400, code, "key")


def test_keys_are_unique_and_never_change(tenant, other_tenant):
    cost = field(tenant.admin)
    refused(post(tenant), 409, "key_taken")
    field(other_tenant.admin)  # another organization may
    url = f"{FIELDS}{cost['id']}/"
    refused(tenant.admin.patch(url, {"key": "cost"}, format="json"), 409, "immutable", "key")
    body = {"key": "cost", "label": "Cost", "type": "text"}
    refused(tenant.admin.put(url, body, format="json"), 409, "immutable", "key")
    body["key"] = "cost_center"
    assert tenant.admin.put(url, body, format="json").json()["label"] == "Cost"


def test_label_is_limited(tenant):
    assert field(tenant.admin, label="l" * NAME_MAX)["label"] == "l" * NAME_MAX
    refused(post(tenant, key="b", label="l" * (NAME_MAX + 1)), 400, "max_length", "label")
    refused(post(tenant, key="c", label=""), 400, "blank", "label")


@pytest.mark.parametrize("kind", ["text", "number", "date", "checkbox"])
def test_types_without_options(tenant, kind):
    assert field(tenant.admin, type=kind)["options"] == []
    refused(post(tenant, key="b", type=kind, options=["a"]), 400, "not_allowed", "options")


@pytest.mark.parametrize("kind", ["select", "multiselect"])
def test_select_types_need_unique_options(tenant, kind):
    chosen = field(tenant.admin, type=kind, options=["R&D", "Sales"])
    assert chosen["options"] == ["R&D", "Sales"]
    assert catalogue_of(organization_id=tenant.org.id).field("cost_center").options == (
        "R&D",
        "Sales",
    )
    refused(post(tenant, key="b", type=kind), 400, "required", "options")
    refused(post(tenant, key="b", type=kind, options=[]), 400, "required", "options")
    refused(post(tenant, key="b", type=kind, options=["a", " A"]), 400, "duplicate", "options.1")
    refused(post(tenant, key="b", type=kind, options=["a", ""]), 400, "blank", "options.1")


def test_option_limits(tenant):
    most = [f"o{n}" for n in range(MAX_OPTIONS)]
    assert len(field(tenant.admin, type="select", options=most)["options"]) == MAX_OPTIONS
    refused(
        post(tenant, key="b", type="select", options=[*most, "x"]), 400, "max_length", "options"
    )
    longest = field(tenant.admin, key="c", type="select", options=["o" * NAME_MAX])
    assert longest["options"] == ["o" * NAME_MAX]
    too_long = ["o" * (NAME_MAX + 1)]
    refused(post(tenant, key="d", type="select", options=too_long), 400, "max_length", "options.0")


def test_changing_the_type_is_checked_against_the_options_kept(tenant):
    chosen = field(tenant.admin, type="select", options=["a"])
    url = f"{FIELDS}{chosen['id']}/"
    refused(tenant.admin.patch(url, {"type": "text"}, format="json"), 400, "not_allowed", "options")
    changed = tenant.admin.patch(url, {"type": "text", "options": []}, format="json")
    assert changed.status_code == 200 and changed.json()["type"] == "text"
    refused(tenant.admin.patch(url, {"type": "select"}, format="json"), 400, "required", "options")


@pytest.mark.parametrize("kind", ["textarea", "", None, 1])
def test_an_unknown_type_is_refused(tenant, kind):
    response = post(tenant, type=kind)
    assert response.status_code == 400 and response.json()["errors"][0]["attr"] == "type"


def test_incident_type_ids_are_known_ones(tenant):
    chosen = field(tenant.admin, incident_type_ids=[3, 1, 3])
    assert chosen["incident_type_ids"] == [3, 1]
    definition = catalogue_of(organization_id=tenant.org.id).field("cost_center")
    assert definition.applies_to(1) and not definition.applies_to(2)
    assert field(tenant.admin, key="b")["incident_type_ids"] == []  # every type
    refused(post(tenant, key="c", incident_type_ids=[1, 4]), 400, "unknown", "incident_type_ids.1")
    refused(post(tenant, key="c", incident_type_ids=[0]), 400, "min_value", "incident_type_ids.0")
    refused(post(tenant, key="c", incident_type_ids=["1"]), 400, "invalid", "incident_type_ids.0")


def test_required_is_a_boolean(tenant):
    assert field(tenant.admin, required=True)["required"] is True
    refused(post(tenant, key="b", required="yes"), 400, "invalid", "required")


def test_the_list_is_sorted_by_key(tenant):
    for key in ("b", "c", "a"):
        field(tenant.admin, key)
    assert [f["key"] for f in tenant.reader.get(FIELDS).json()] == ["a", "b", "c"]


def test_a_field_a_template_fills_is_deactivated_not_deleted(tenant, referenced):
    cost = field(tenant.admin)
    body = {"name": "VPN", "fields": {"custom_field_data": {"cost_center": "42"}}}
    created(tenant.admin, "templates/", body)
    assert tenant.admin.delete(f"{FIELDS}{cost['id']}/").status_code == 204
    assert tenant.admin.get(f"{FIELDS}{cost['id']}/").json()["active"] is False
    assert referenced.calls == []  # the template's reference decided it
