"""API keys that act for an agent: `create_api_key --agent EMAIL`.

Tenancy knows nothing of agents: the directory app plugs its lookup in
(`register_agent_lookup`), and the key carries the agent's id from then on, through
authentication and the worker's key cache, into every `actor_id` it writes.
"""

import pytest
from bson import ObjectId
from django.core.management import CommandError

from servicedesk.tenancy import services
from servicedesk.tenancy.documents import ApiKey
from servicedesk.tenancy.principal import Principal
from tests.servicedesk.test_commands import client, run

AGENTS = "/ux/sd/org/agents/"
INCIDENTS = "/ux/sd/inci/incident/"


def agent(tenant, name, email, **fields):
    response = tenant.admin.post(AGENTS, {"name": name, "email": email, **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_the_directory_plugs_its_lookup_into_tenancy():
    from directory.selectors import active_agent_id

    assert active_agent_id in services._agent_lookups


def test_a_key_created_for_an_agent_writes_in_the_agents_name(tenant):
    grace = agent(tenant, "Grace Hopper", "grace@example.com")
    created = run("create_api_key", "acme", "--agent", " Grace@Example.com ", "--scope", "write")
    assert created["agent_id"] == grace["id"]
    assert ApiKey.objects.get(id=created["id"]).agent_id == ObjectId(grace["id"])

    response = client(created["key"]).post(INCIDENTS, {"summary": "VPN"}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["created_by_id"] == f"agent:{grace['id']}"
    assert body["updated_by_id"] == f"agent:{grace['id']}"


def test_a_key_without_an_agent_still_writes_as_the_key(tenant):
    created = run("create_api_key", "acme", "--scope", "write")
    assert created["agent_id"] is None
    body = client(created["key"]).post(INCIDENTS, {"summary": "VPN"}, format="json").json()
    assert body["created_by_id"] == f"key:{created['id']}"


@pytest.mark.parametrize("email", ["nobody@example.com", "ada@example.com", "linus@example.com"])
def test_an_unknown_inactive_or_foreign_agent_is_refused(tenant, other_tenant, email):
    agent(tenant, "Ada", "ada@example.com", active=False)
    agent(other_tenant, "Linus", "linus@example.com")
    keys_before = ApiKey.objects.count()
    with pytest.raises(CommandError, match=f"no active agent with the email '{email}'"):
        run("create_api_key", "acme", "--agent", email)
    assert ApiKey.objects.count() == keys_before


def test_the_agent_is_carried_through_authentication_and_the_key_cache(tenant):
    grace = agent(tenant, "Grace Hopper", "grace@example.com")
    _, key = services.api_key_create(org=tenant.org, name="grace", agent_id=ObjectId(grace["id"]))
    looked_up = services.api_key_authenticate(key=key, remember=True)
    assert looked_up.agent_id == ObjectId(grace["id"]) and looked_up.looked_up
    kept = services.api_key_authenticate(key=key, remember=True)
    assert not kept.looked_up
    assert kept.agent_id == ObjectId(grace["id"])
    assert kept.actor_id == f"agent:{grace['id']}"


def test_a_rotated_key_acts_for_the_same_agent(tenant):
    grace = agent(tenant, "Grace Hopper", "grace@example.com")
    created = run("create_api_key", "acme", "--agent", "grace@example.com")
    rotated = run("rotate_api_key", created["id"])
    assert rotated["agent_id"] == grace["id"]


def test_actor_id_names_the_agent_when_there_is_one():
    key_id, agent_id, org_id = ObjectId(), ObjectId(), ObjectId()
    by_key = Principal(key_id=key_id, organization_id=org_id, organization_slug="a", scope="read")
    assert by_key.agent_id is None
    assert by_key.actor_id == f"key:{key_id}"
    by_agent = Principal(
        key_id=key_id,
        organization_id=org_id,
        organization_slug="a",
        scope="read",
        agent_id=agent_id,
    )
    assert by_agent.actor_id == f"agent:{agent_id}"


def _agent_key(tenant, email):
    return run("create_api_key", "acme", "--agent", email, "--scope", "write")


@pytest.mark.parametrize("how", ["deactivate", "delete"])
def test_keys_acting_for_an_agent_are_revoked_when_the_agent_leaves(tenant, other_tenant, how):
    grace = agent(tenant, "Grace Hopper", "grace@example.com")
    agent(tenant, "Ada", "ada@example.com")
    graces, adas = _agent_key(tenant, "grace@example.com"), _agent_key(tenant, "ada@example.com")
    plain = run("create_api_key", "acme", "--scope", "write")
    agent(other_tenant, "Grace Elsewhere", "grace@example.com")
    theirs = run("create_api_key", "globex", "--agent", "grace@example.com", "--scope", "write")
    for created in (graces, adas, plain, theirs):  # every key works, and is kept by the worker
        assert client(created["key"]).get(INCIDENTS).status_code == 200

    if how == "deactivate":
        response = tenant.admin.patch(f"{AGENTS}{grace['id']}/", {"active": False}, format="json")
    else:
        response = tenant.admin.delete(f"{AGENTS}{grace['id']}/")
    assert response.status_code in (200, 204), response.content

    refused = client(graces["key"]).get(INCIDENTS)
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["code"] == "revoked_api_key"
    assert ApiKey.objects.get(id=graces["id"]).revoked_at is not None
    for created in (adas, plain, theirs):  # other agents, keys of no agent, other orgs
        assert client(created["key"]).get(INCIDENTS).status_code == 200
        assert ApiKey.objects.get(id=created["id"]).revoked_at is None


def test_reactivating_an_agent_does_not_bring_its_keys_back(tenant):
    grace = agent(tenant, "Grace Hopper", "grace@example.com")
    graces = _agent_key(tenant, "grace@example.com")
    path = f"{AGENTS}{grace['id']}/"
    assert tenant.admin.patch(path, {"active": False}, format="json").status_code == 200
    assert tenant.admin.patch(path, {"active": True}, format="json").status_code == 200
    assert client(graces["key"]).get(INCIDENTS).status_code == 401
    fresh = _agent_key(tenant, "grace@example.com")
    assert (
        client(fresh["key"]).post(INCIDENTS, {"summary": "VPN"}, format="json").status_code == 201
    )


def test_an_agent_edit_that_keeps_it_active_revokes_nothing(tenant):
    grace = agent(tenant, "Grace Hopper", "grace@example.com")
    graces = _agent_key(tenant, "grace@example.com")
    changed = tenant.admin.patch(
        f"{AGENTS}{grace['id']}/", {"name": "Rear Admiral Hopper"}, format="json"
    )
    assert changed.status_code == 200
    assert client(graces["key"]).get(INCIDENTS).status_code == 200
