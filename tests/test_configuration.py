"""What every configuration resource under `/ux/sd/org/` shares.

Agents, groups, services, custom fields and templates: create 201, read, PUT (omitted
optional fields take their defaults), PATCH (only what is given), DELETE 204 (which
deactivates what is referred to); lists paged like incidents and sorted by name; names
unique per organization case- and space-insensitively (409); read keys read, admin
keys write; every write makes every worker reload the organization's configuration.
"""

from dataclasses import dataclass, field

import pytest
from bson import ObjectId

from servicedesk import orgcache
from tests.support.config import ORG, created, refused

LONG = 200


@dataclass(frozen=True)
class Resource:
    path: str
    kind: str  # as the reference checks are asked
    name_field: str
    extra: dict = field(default_factory=dict)  # the rest of a valid body
    name_max: int = LONG
    by_key: bool = False  # custom fields: referred to by key, named by a slug

    def body(self, name: str, **fields) -> dict:
        return {self.name_field: name, **self.extra, **fields}

    def name(self, n: int | str) -> str:
        return f"item-{n}" if self.by_key else f"Item {n}"

    def ref(self, item: dict) -> str:
        return item["key"] if self.by_key else item["id"]


RESOURCES = [
    Resource("agents/", "agent", "name", {"email": "ada@example.com"}),
    Resource("groups/", "group", "name", {"auto_assign": "round_robin"}),
    Resource("services/", "service", "name", {"classifications": [{"name": "Outage"}]}),
    Resource("templates/", "template", "name", {"fields": {"summary": "VPN down"}}),
    Resource(
        "custom-fields/",
        "custom_field",
        "key",
        {"label": "Cost center", "type": "text"},
        name_max=64,
        by_key=True,
    ),
]
NAMED = [r for r in RESOURCES if not r.by_key]


def ids(resources):
    return [r.path.rstrip("/") for r in resources]


def body_for(resource: Resource, n: int) -> dict:
    """A valid body of the n-th object (agents need distinct emails)."""
    body = resource.body(resource.name(n))
    if "email" in body:
        body["email"] = f"agent{n}@example.com"
    return body


@pytest.fixture(params=RESOURCES, ids=ids(RESOURCES))
def resource(request) -> Resource:
    return request.param


@pytest.fixture(params=NAMED, ids=ids(NAMED))
def named(request) -> Resource:
    return request.param


def url(resource: Resource, item: dict | None = None) -> str:
    return ORG + resource.path + (f"{item['id']}/" if item else "")


# --- the representation and the methods --------------------------------------------------


def test_create_read_list_replace_change_delete(tenant, resource):
    admin = tenant.admin
    item = created(admin, resource.path, body_for(resource, 1))
    assert set(item) >= {"id", "created_at", "updated_at", "active"}
    assert item["created_at"].endswith("Z") and len(item["created_at"]) == 24
    assert item["active"] is True
    assert admin.get(url(resource, item)).json() == item
    assert admin.get(url(resource)).json() == [item]

    changed = admin.patch(url(resource, item), {"active": False}, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["active"] is False
    assert changed.json()["updated_at"] >= item["updated_at"]
    # PUT replaces: the omitted `active` is back to its default.
    replaced = admin.put(url(resource, item), body_for(resource, 1), format="json")
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["active"] is True

    assert admin.delete(url(resource, item)).status_code == 204
    refused(admin.get(url(resource, item)), 404, "not_found")
    assert admin.get(url(resource)).json() == []


def test_read_keys_read_and_only_admin_keys_write(tenant, resource):
    item = created(tenant.admin, resource.path, body_for(resource, 1))
    for client in (tenant.reader, tenant.writer):
        assert client.get(url(resource)).status_code == 200
        assert client.get(url(resource, item)).status_code == 200
        writes = [
            client.post(url(resource), body_for(resource, 2), format="json"),
            client.put(url(resource, item), body_for(resource, 1), format="json"),
            client.patch(url(resource, item), {"active": False}, format="json"),
            client.delete(url(resource, item)),
        ]
        for response in writes:
            refused(response, 403, "insufficient_scope")
    assert tenant.admin.get(url(resource, item)).json() == item


def test_no_key_is_401(anon, resource):
    response = anon.get(url(resource))
    refused(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"]


def test_another_organizations_object_is_not_found(tenant, other_tenant, resource):
    theirs = created(other_tenant.admin, resource.path, body_for(resource, 1))
    admin = tenant.admin
    for response in (
        admin.get(url(resource, theirs)),
        admin.put(url(resource, theirs), body_for(resource, 2), format="json"),
        admin.patch(url(resource, theirs), {"active": False}, format="json"),
        admin.delete(url(resource, theirs)),
    ):
        refused(response, 404, "not_found")
    assert admin.get(url(resource)).json() == []
    assert other_tenant.admin.get(url(resource, theirs)).json() == theirs


@pytest.mark.parametrize("ref", ["0" * 24, "not-an-id", "6" * 25])
def test_unknown_or_malformed_ids_are_not_found(tenant, resource, ref):
    refused(tenant.admin.get(f"{url(resource)}{ref}/"), 404, "not_found")


# --- names ------------------------------------------------------------------------------------


def test_name_length_is_limited(tenant, resource):
    limit = resource.name_max
    longest = ("a" * limit) if resource.by_key else ("N" * limit)
    item = created(tenant.admin, resource.path, resource.body(longest))
    assert item[resource.name_field] == longest
    too_long = longest + "a"
    response = tenant.admin.post(url(resource), resource.body(too_long), format="json")
    refused(response, 400, "max_length", resource.name_field)
    response = tenant.admin.patch(url(resource, item), resource.body(too_long), format="json")
    refused(response, 400, "max_length", resource.name_field)


@pytest.mark.parametrize("value", ["", "   ", None, 7, ["x"], {"$ne": None}])
def test_a_name_must_be_a_non_blank_string(tenant, resource, value):
    response = tenant.admin.post(url(resource), resource.body(value), format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == resource.name_field


def test_a_name_is_required(tenant, resource):
    body = resource.body("x")
    del body[resource.name_field]
    refused(tenant.admin.post(url(resource), body, format="json"), 400, "required")


def contact(resource: Resource, name: str, email: str) -> dict:
    """A body named `name`, with a distinct email where the resource has one (agents);
    a body may hold only the resource's own fields."""
    return resource.body(name, **({"email": email} if "email" in resource.extra else {}))


def test_names_are_unique_ignoring_case_and_spaces(tenant, other_tenant, named):
    admin = tenant.admin
    first = created(admin, named.path, contact(named, "Service  Desk", "a@example.com"))
    assert first["name"] == "Service  Desk"
    for clash in ("service desk", " SERVICE DESK ", "Service\tDesk"):
        response = admin.post(url(named), contact(named, clash, "b@example.com"), format="json")
        refused(response, 409, "name_taken")
    second = created(admin, named.path, contact(named, "Service Desks", "c@example.com"))
    response = admin.patch(url(named, second), {"name": "SERVICE DESK"}, format="json")
    refused(response, 409, "name_taken")
    assert admin.get(url(named, second)).json()["name"] == "Service Desks"
    # Its own name, differently spelt, is no clash; another organization may use it.
    response = admin.patch(url(named, first), {"name": "service desk"}, format="json")
    assert response.status_code == 200 and response.json()["name"] == "service desk"
    created(other_tenant.admin, named.path, contact(named, "Service Desk", "a@example.com"))


def test_names_are_trimmed(tenant, named):
    item = created(tenant.admin, named.path, named.body("  Padded  "))
    assert item["name"] == "Padded"


# --- lists ------------------------------------------------------------------------------------


def test_lists_are_sorted_by_name_and_paged_like_incidents(tenant, resource):
    admin = tenant.admin
    names = ["b", "A", "c"] if not resource.by_key else ["b", "a", "c"]
    for n, name in enumerate(names):
        created(admin, resource.path, {**body_for(resource, n), resource.name_field: name})
    listed = admin.get(url(resource), {"items_per_page": 2})
    assert listed.status_code == 200
    assert [item[resource.name_field].lower() for item in listed.json()] == ["a", "b"]
    assert listed["X-Total-Count"] == "3"
    assert 'rel="next"' in listed["Link"] and "page=2" in listed["Link"]
    second = admin.get(url(resource), {"items_per_page": 2, "page": 2})
    assert [item[resource.name_field] for item in second.json()] == ["c"]
    assert second["X-Total-Count"] == "3"


@pytest.mark.parametrize(
    ("query", "attr"),
    [
        ({"items_per_page": 101}, "items_per_page"),
        ({"items_per_page": 0}, "items_per_page"),
        ({"page": 0}, "page"),
        ({"page": "x"}, "page"),
        ({"sort_key": "name"}, "sort_key"),
    ],
)
def test_bad_list_parameters_are_400(tenant, resource, query, attr):
    response = tenant.reader.get(url(resource), query)
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == attr


def test_a_list_shows_only_the_callers_organization(tenant, other_tenant, resource):
    mine = created(tenant.admin, resource.path, body_for(resource, 1))
    created(other_tenant.admin, resource.path, body_for(resource, 2))
    assert tenant.reader.get(url(resource)).json() == [mine]


# --- delete, or deactivate -------------------------------------------------------------------


def test_delete_of_what_nothing_refers_to_deletes(tenant, resource, referenced):
    item = created(tenant.admin, resource.path, body_for(resource, 1))
    assert tenant.admin.delete(url(resource, item)).status_code == 204
    refused(tenant.admin.get(url(resource, item)), 404, "not_found")
    assert (resource.kind, tenant.org.id, resource.ref(item)) in referenced.calls


def test_delete_of_what_incidents_refer_to_deactivates(tenant, resource, referenced):
    item = created(tenant.admin, resource.path, body_for(resource, 1))
    referenced.add(resource.ref(item))
    assert tenant.admin.delete(url(resource, item)).status_code == 204
    kept = tenant.admin.get(url(resource, item))
    assert kept.status_code == 200
    assert kept.json() == {**item, "active": False, "updated_at": kept.json()["updated_at"]}
    # Deleting it again changes nothing more; it stays readable, and listed.
    assert tenant.admin.delete(url(resource, item)).status_code == 204
    assert tenant.admin.get(url(resource)).json()[0]["active"] is False


# --- every worker hears of every write ------------------------------------------------------


@pytest.fixture
def changes(monkeypatch):
    """Organizations `servicedesk.orgcache.changed` was called for."""
    seen: list[ObjectId] = []
    real = orgcache.changed

    def spy(organization_id):
        seen.append(organization_id)
        real(organization_id)

    monkeypatch.setattr(orgcache, "changed", spy)
    return seen


def test_every_write_tells_every_worker(tenant, resource, changes):
    admin = tenant.admin
    item = created(admin, resource.path, body_for(resource, 1))
    assert changes and set(changes) == {tenant.org.id}
    for send in (
        lambda: admin.patch(url(resource, item), {"active": False}, format="json"),
        lambda: admin.put(url(resource, item), body_for(resource, 1), format="json"),
        lambda: admin.delete(url(resource, item)),
    ):
        changes.clear()
        assert send().status_code in (200, 204)
        assert changes and set(changes) == {tenant.org.id}
    changes.clear()
    admin.get(url(resource))
    assert changes == []


def test_a_refused_write_changes_nothing(tenant, resource, changes):
    item = created(tenant.admin, resource.path, body_for(resource, 1))
    changes.clear()
    response = tenant.admin.patch(url(resource, item), {resource.name_field: 7}, format="json")
    assert response.status_code == 400
    assert changes == []
    assert tenant.admin.get(url(resource, item)).json() == item
