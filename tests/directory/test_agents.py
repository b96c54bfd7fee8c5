"""`agents/`: emails, group membership, and the limits of both.

What every configuration resource shares (names, scopes, paging, delete) is in
tests/test_configuration.py.
"""

import pytest
from bson import ObjectId

from directory.documents import MAX_GROUPS_PER_AGENT, Agent, Group
from tests.support.config import ORG, agent, created, group, refused

AGENTS = ORG + "agents/"


def test_email_is_stored_lower_cased_and_unique_in_the_organization(tenant, other_tenant):
    ada = agent(tenant.admin, "Ada", " Ada@Example.COM ")
    assert ada["email"] == "ada@example.com"
    clash = {"name": "Other Ada", "email": "ADA@example.com"}
    refused(tenant.admin.post(AGENTS, clash, format="json"), 409, "email_taken")
    grace = agent(tenant.admin, "Grace")
    response = tenant.admin.patch(
        f"{AGENTS}{grace['id']}/", {"email": "ada@example.com"}, format="json"
    )
    refused(response, 409, "email_taken")
    agent(other_tenant.admin, "Ada", "ada@example.com")  # another organization may


def email_of_length(length: int) -> str:
    domain = "b" * 63 + "." + "c" * 63 + ".com"
    return "a" * (length - len(domain) - 1) + "@" + domain


@pytest.mark.parametrize(
    ("email", "code"),
    [
        (email_of_length(255), "max_length"),
        ("not-an-email", "invalid"),
        ("a@b", "invalid"),
        (7, "invalid"),
        ({"$ne": None}, "invalid"),
        ("", "blank"),
        (None, "null"),
    ],
)
def test_a_bad_email_is_refused(tenant, email, code):
    response = tenant.admin.post(AGENTS, {"name": "Ada", "email": email}, format="json")
    refused(response, 400, code, "email")


def test_an_email_may_be_254_characters(tenant):
    email = email_of_length(254)
    assert len(email) == 254
    assert agent(tenant.admin, "Ada", email)["email"] == email


def test_group_ids_name_active_groups_of_the_organization(tenant, other_tenant):
    network = group(tenant.admin, "Network")
    desk = group(tenant.admin, "Desk")
    ada = agent(tenant.admin, "Ada", group_ids=[network["id"], desk["id"], network["id"]])
    assert ada["group_ids"] == [network["id"], desk["id"]]  # repeats dropped
    assert Agent.objects.get(id=ada["id"]).group_ids == [
        ObjectId(network["id"]),
        ObjectId(desk["id"]),
    ]


@pytest.mark.parametrize("which", ["unknown", "foreign"])
def test_an_unknown_or_foreign_group_is_refused_alike(tenant, other_tenant, which):
    mine = group(tenant.admin, "Network")
    theirs = group(other_tenant.admin, "Network")
    other = {"unknown": str(ObjectId()), "foreign": theirs["id"]}[which]
    body = {"name": "Ada", "email": "ada@example.com", "group_ids": [mine["id"], other]}
    error = refused(tenant.admin.post(AGENTS, body, format="json"), 400, "unknown", "group_ids.1")
    assert error["detail"] == "No support group with this id."
    assert Agent.objects(organization_id=tenant.org.id).count() == 0


@pytest.mark.parametrize("value", ["nope", "0" * 23, "g" * 24, 7, None, {"$ne": None}])
def test_a_malformed_group_id_is_refused(tenant, value):
    body = {"name": "Ada", "email": "ada@example.com", "group_ids": [value]}
    response = tenant.admin.post(AGENTS, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == "group_ids.0"


def test_an_inactive_group_cannot_be_newly_chosen_but_may_stay(tenant):
    network = group(tenant.admin, "Network")
    ada = agent(tenant.admin, "Ada", group_ids=[network["id"]])
    tenant.admin.patch(f"{ORG}groups/{network['id']}/", {"active": False}, format="json")
    body = {"name": "Grace", "email": "grace@example.com", "group_ids": [network["id"]]}
    refused(tenant.admin.post(AGENTS, body, format="json"), 400, "inactive", "group_ids.0")
    kept = tenant.admin.patch(
        f"{AGENTS}{ada['id']}/", {"name": "Ada L.", "group_ids": [network["id"]]}, format="json"
    )
    assert kept.status_code == 200 and kept.json()["group_ids"] == [network["id"]]


def test_an_agent_is_in_at_most_100_groups(tenant):
    groups = [
        Group(organization_id=tenant.org.id, name=f"g{n}", name_key=f"g{n}")
        for n in range(MAX_GROUPS_PER_AGENT + 1)
    ]
    Group.objects.insert(groups)
    ids = [str(g.id) for g in groups]
    body = {"name": "Ada", "email": "ada@example.com", "group_ids": ids}
    refused(tenant.admin.post(AGENTS, body, format="json"), 400, "max_length", "group_ids")
    ada = created(tenant.admin, "agents/", {**body, "group_ids": ids[:MAX_GROUPS_PER_AGENT]})
    assert len(ada["group_ids"]) == MAX_GROUPS_PER_AGENT


def test_put_replaces_the_groups_and_patch_leaves_them(tenant):
    network, desk = group(tenant.admin, "Network"), group(tenant.admin, "Desk")
    ada = agent(tenant.admin, "Ada", group_ids=[network["id"]])
    url = f"{AGENTS}{ada['id']}/"
    patched = tenant.admin.patch(url, {"name": "Ada L."}, format="json").json()
    assert patched["group_ids"] == [network["id"]]
    body = {"name": "Ada L.", "email": "ada@example.com", "group_ids": [desk["id"]]}
    assert tenant.admin.put(url, body, format="json").json()["group_ids"] == [desk["id"]]
    body.pop("group_ids")
    assert tenant.admin.put(url, body, format="json").json()["group_ids"] == []


def test_a_group_lists_the_agents_naming_it(tenant):
    network = group(tenant.admin, "Network")
    zed = agent(tenant.admin, "Zed", group_ids=[network["id"]])
    ada = agent(tenant.admin, "ada", group_ids=[network["id"]])
    agent(tenant.admin, "Bob")
    shown = tenant.admin.get(f"{ORG}groups/{network['id']}/").json()
    assert shown["member_ids"] == [ada["id"], zed["id"]]  # by name


def test_deleting_an_agent_leaves_its_groups(tenant):
    network = group(tenant.admin, "Network")
    ada = agent(tenant.admin, "Ada", group_ids=[network["id"]])
    assert tenant.admin.delete(f"{AGENTS}{ada['id']}/").status_code == 204
    shown = tenant.admin.get(f"{ORG}groups/{network['id']}/").json()
    assert shown["member_ids"] == [] and shown["active"] is True
