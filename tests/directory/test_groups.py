"""`groups/`: members (stored on the agents), auto-assignment, description, delete.

What every configuration resource shares (names, scopes, paging, delete) is in
tests/test_configuration.py.
"""

import pytest
from bson import ObjectId

from directory.documents import DESCRIPTION_MAX, MAX_GROUPS_PER_AGENT, Agent, Group
from directory.public import directory_of
from tests.support.config import ORG, agent, group, refused

GROUPS = ORG + "groups/"


def stored_groups(agent_id: str) -> list[ObjectId]:
    return Agent.objects.get(id=agent_id).group_ids


def test_member_ids_are_written_to_the_agents(tenant):
    ada, bob, cy = (agent(tenant.admin, name) for name in ("Ada", "Bob", "Cy"))
    network = group(tenant.admin, "Network", member_ids=[bob["id"], ada["id"]])
    assert network["member_ids"] == [ada["id"], bob["id"]]  # by name
    gid = ObjectId(network["id"])
    assert gid in stored_groups(ada["id"]) and gid in stored_groups(bob["id"])

    url = f"{GROUPS}{network['id']}/"
    changed = tenant.admin.patch(url, {"member_ids": [cy["id"], ada["id"]]}, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["member_ids"] == [ada["id"], cy["id"]]
    assert stored_groups(bob["id"]) == []
    assert stored_groups(ada["id"]) == [gid] and stored_groups(cy["id"]) == [gid]
    listed = tenant.admin.get(f"{ORG}agents/").json()
    assert [a["group_ids"] for a in listed] == [[network["id"]], [], [network["id"]]]


def test_membership_keeps_the_agents_other_groups(tenant):
    desk = group(tenant.admin, "Desk")
    ada = agent(tenant.admin, "Ada", group_ids=[desk["id"]])
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    assert stored_groups(ada["id"]) == [ObjectId(desk["id"]), ObjectId(network["id"])]
    tenant.admin.patch(f"{GROUPS}{network['id']}/", {"member_ids": []}, format="json")
    assert stored_groups(ada["id"]) == [ObjectId(desk["id"])]


def test_put_without_member_ids_empties_the_group_and_patch_keeps_them(tenant):
    ada = agent(tenant.admin, "Ada")
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    url = f"{GROUPS}{network['id']}/"
    patched = tenant.admin.patch(url, {"description": "VPN"}, format="json").json()
    assert patched["member_ids"] == [ada["id"]]
    replaced = tenant.admin.put(url, {"name": "Network"}, format="json").json()
    assert replaced["member_ids"] == [] and replaced["description"] == ""
    assert replaced["auto_assign"] == "none"


@pytest.mark.parametrize("which", ["unknown", "foreign"])
def test_an_unknown_or_foreign_member_is_refused_alike(tenant, other_tenant, which):
    ada = agent(tenant.admin, "Ada")
    theirs = agent(other_tenant.admin, "Linus")
    other = {"unknown": str(ObjectId()), "foreign": theirs["id"]}[which]
    body = {"name": "Network", "member_ids": [ada["id"], other]}
    error = refused(tenant.admin.post(GROUPS, body, format="json"), 400, "unknown", "member_ids.1")
    assert error["detail"] == "No agent with this id."
    assert Group.objects(organization_id=tenant.org.id).count() == 0
    assert stored_groups(ada["id"]) == [] and stored_groups(theirs["id"]) == []


def test_an_inactive_agent_cannot_join_but_may_stay(tenant):
    ada = agent(tenant.admin, "Ada")
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    tenant.admin.patch(f"{ORG}agents/{ada['id']}/", {"active": False}, format="json")
    body = {"name": "Desk", "member_ids": [ada["id"]]}
    refused(tenant.admin.post(GROUPS, body, format="json"), 400, "inactive", "member_ids.0")
    url = f"{GROUPS}{network['id']}/"
    kept = tenant.admin.patch(url, {"member_ids": [ada["id"]]}, format="json")
    assert kept.status_code == 200 and kept.json()["member_ids"] == [ada["id"]]


def test_an_agent_in_100_groups_cannot_join_another(tenant):
    full = agent(tenant.admin, "Full")
    groups = [
        Group(organization_id=tenant.org.id, name=f"g{n}", name_key=f"g{n}")
        for n in range(MAX_GROUPS_PER_AGENT)
    ]
    Group.objects.insert(groups)
    Agent.objects(id=full["id"]).update_one(set__group_ids=[g.id for g in groups])
    ada = agent(tenant.admin, "Ada")
    body = {"name": "Network", "member_ids": [ada["id"], full["id"]]}
    refused(tenant.admin.post(GROUPS, body, format="json"), 400, "too_many_groups", "member_ids.1")
    # Already a member of one of them: no change, no refusal.
    url = f"{GROUPS}{groups[0].id}/"
    kept = tenant.admin.patch(url, {"member_ids": [full["id"], ada["id"]]}, format="json")
    assert kept.status_code == 200, kept.content


@pytest.mark.parametrize("value", ["none", "round_robin", "least_open"])
def test_auto_assign_takes_its_three_values(tenant, value):
    assert group(tenant.admin, "Network", auto_assign=value)["auto_assign"] == value
    assert directory_of(organization_id=tenant.org.id).group("Network").auto_assign == value


@pytest.mark.parametrize("value", ["random", "", None, 1, ["none"]])
def test_auto_assign_refuses_anything_else(tenant, value):
    response = tenant.admin.post(GROUPS, {"name": "N", "auto_assign": value}, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["attr"] == "auto_assign"


def test_description_is_limited(tenant):
    assert group(tenant.admin, "A", description="d" * DESCRIPTION_MAX)["description"]
    body = {"name": "B", "description": "d" * (DESCRIPTION_MAX + 1)}
    refused(tenant.admin.post(GROUPS, body, format="json"), 400, "max_length", "description")


def test_deleting_a_group_takes_it_off_its_members(tenant, referenced):
    ada = agent(tenant.admin, "Ada")
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    assert tenant.admin.delete(f"{GROUPS}{network['id']}/").status_code == 204
    assert stored_groups(ada["id"]) == []


def test_a_deactivated_group_keeps_its_members(tenant, referenced):
    ada = agent(tenant.admin, "Ada")
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    referenced.add(network["id"])
    assert tenant.admin.delete(f"{GROUPS}{network['id']}/").status_code == 204
    shown = tenant.admin.get(f"{GROUPS}{network['id']}/").json()
    assert shown["active"] is False and shown["member_ids"] == [ada["id"]]


def test_the_directory_incidents_read_shows_what_was_written(tenant):
    ada = agent(tenant.admin, "Ada")
    network = group(tenant.admin, "Network", member_ids=[ada["id"]])
    assert directory_of(organization_id=tenant.org.id).group("network").member_ids == (ada["id"],)
    tenant.admin.patch(f"{GROUPS}{network['id']}/", {"name": "Net"}, format="json")
    assert directory_of(organization_id=tenant.org.id).group("net").name == "Net"
