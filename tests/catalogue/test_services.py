"""`services/`: classifications and their ids, the default group, limits.

What every configuration resource shares (names, scopes, paging, delete) is in
tests/test_configuration.py.
"""

import pytest
from bson import ObjectId

from catalogue.documents import DESCRIPTION_MAX, MAX_CLASSIFICATIONS, MAX_ENTRY_ID
from catalogue.public import catalogue_of
from tests.support.config import ORG, created, group, refused

SERVICES = ORG + "services/"


def service(client, name="Email", **fields):
    return created(client, "services/", {"name": name, **fields})


def classes(item):
    return [(c["id"], c["name"]) for c in item["classifications"]]


def test_classification_ids_are_given_when_left_out(tenant):
    email = service(tenant.admin, classifications=[{"name": "Full"}, {"name": "Spam"}])
    assert classes(email) == [(1, "Full"), (2, "Spam")]
    mixed = service(
        tenant.admin, "Chat", classifications=[{"name": "A"}, {"id": 7, "name": "B"}, {"name": "C"}]
    )
    assert classes(mixed) == [(8, "A"), (7, "B"), (9, "C")]


def test_a_classification_keeps_its_id_and_a_removed_id_never_returns(tenant):
    email = service(tenant.admin, classifications=[{"name": "Full"}, {"name": "Spam"}])
    url = f"{SERVICES}{email['id']}/"
    # Sent again without ids (as a form would): the stored ones keep theirs, by name.
    body = {"classifications": [{"name": "spam"}, {"name": "Quota"}]}
    changed = tenant.admin.patch(url, body, format="json").json()
    assert classes(changed) == [(2, "spam"), (3, "Quota")]
    # Full (1) was removed; 3 is the highest handed out: a new one gets 4, even after
    # Quota is removed too.
    body = {"classifications": [{"name": "spam"}, {"name": "Bounce"}]}
    assert classes(tenant.admin.patch(url, body, format="json").json()) == [
        (2, "spam"),
        (4, "Bounce"),
    ]


@pytest.mark.parametrize(
    ("classifications", "attr", "code"),
    [
        ([{"id": 3, "name": "A"}, {"id": 3, "name": "B"}], "classifications.1.id", "duplicate"),
        ([{"name": "Full"}, {"name": " FULL "}], "classifications.1.name", "duplicate"),
        ([{"id": 0, "name": "A"}], "classifications.0.id", "min_value"),
        ([{"id": MAX_ENTRY_ID + 1, "name": "A"}], "classifications.0.id", "max_value"),
        ([{"id": "1", "name": "A"}], "classifications.0.id", "invalid"),
        ([{"name": "n" * 201}], "classifications.0.name", "max_length"),
        ([{"name": ""}], "classifications.0.name", "blank"),
        ([{"id": 1}], "classifications.0.name", "required"),
        ([{"name": "A", "colour": "red"}], "classifications.0.colour", "unknown_field"),
        (["Full"], "classifications.0.non_field_errors", "invalid"),
        ({"name": "A"}, "classifications", "not_a_list"),
    ],
)
def test_bad_classifications_are_refused(tenant, classifications, attr, code):
    body = {"name": "Email", "classifications": classifications}
    refused(tenant.admin.post(SERVICES, body, format="json"), 400, code, attr)


def test_a_patch_sends_each_classification_whole(tenant):
    """A PATCH is partial, the classifications it sends are not (a name-less one was a 500)."""
    item = service(tenant.admin, classifications=[{"name": "Full"}])
    response = tenant.admin.patch(
        f"{SERVICES}{item['id']}/", {"classifications": [{"id": 1}]}, format="json"
    )
    refused(response, 400, "required")
    assert response.json()["errors"][0]["attr"] == "classifications.0.name"
    assert classes(tenant.admin.get(f"{SERVICES}{item['id']}/").json()) == [(1, "Full")]


def test_classification_limits(tenant):
    most = [{"name": f"c{n}"} for n in range(MAX_CLASSIFICATIONS)]
    email = service(tenant.admin, classifications=[{"id": MAX_ENTRY_ID, "name": "n" * 200}])
    assert classes(email) == [(MAX_ENTRY_ID, "n" * 200)]
    assert len(service(tenant.admin, "Chat", classifications=most)["classifications"]) == 200
    body = {"name": "Web", "classifications": [*most, {"name": "one more"}]}
    refused(tenant.admin.post(SERVICES, body, format="json"), 400, "max_length", "classifications")


def test_description_is_limited(tenant):
    assert service(tenant.admin, description="d" * DESCRIPTION_MAX)["description"]
    body = {"name": "Chat", "description": "d" * (DESCRIPTION_MAX + 1)}
    refused(tenant.admin.post(SERVICES, body, format="json"), 400, "max_length", "description")


def test_the_default_group_is_an_active_group_of_the_organization(tenant, other_tenant):
    network = group(tenant.admin, "Network")
    email = service(tenant.admin, default_group_id=network["id"].upper())
    assert email["default_group_id"] == network["id"]
    assert (
        catalogue_of(organization_id=tenant.org.id).service("email").default_group_id
        == (network["id"])
    )
    for other in (str(ObjectId()), group(other_tenant.admin, "Network")["id"]):
        body = {"name": "Chat", "default_group_id": other}
        error = refused(
            tenant.admin.post(SERVICES, body, format="json"), 400, "unknown", "default_group_id"
        )
        assert error["detail"] == "No support group with this id."
    url = f"{SERVICES}{email['id']}/"
    assert (
        tenant.admin.patch(url, {"default_group_id": None}, format="json").json()[
            "default_group_id"
        ]
        is None
    )


def test_an_inactive_group_cannot_become_a_default_but_may_stay_one(tenant):
    network = group(tenant.admin, "Network")
    email = service(tenant.admin, default_group_id=network["id"])
    tenant.admin.patch(f"{ORG}groups/{network['id']}/", {"active": False}, format="json")
    body = {"name": "Chat", "default_group_id": network["id"]}
    refused(tenant.admin.post(SERVICES, body, format="json"), 400, "inactive", "default_group_id")
    kept = tenant.admin.put(
        f"{SERVICES}{email['id']}/",
        {"name": "Email", "default_group_id": network["id"]},
        format="json",
    )
    assert kept.status_code == 200, kept.content


@pytest.mark.parametrize("value", ["nope", 7, {"$ne": None}, ["x"]])
def test_a_malformed_default_group_is_refused(tenant, value):
    body = {"name": "Email", "default_group_id": value}
    response = tenant.admin.post(SERVICES, body, format="json")
    assert (
        response.status_code == 400 and response.json()["errors"][0]["attr"] == "default_group_id"
    )


def test_a_group_that_is_a_services_default_is_deactivated_not_deleted(tenant, referenced):
    network = group(tenant.admin, "Network")
    email = service(tenant.admin, default_group_id=network["id"])
    assert tenant.admin.delete(f"{ORG}groups/{network['id']}/").status_code == 204
    assert tenant.admin.get(f"{ORG}groups/{network['id']}/").json()["active"] is False
    # Once no service names it, it goes.
    tenant.admin.patch(f"{SERVICES}{email['id']}/", {"default_group_id": None}, format="json")
    assert tenant.admin.delete(f"{ORG}groups/{network['id']}/").status_code == 204
    refused(tenant.admin.get(f"{ORG}groups/{network['id']}/"), 404, "not_found")
