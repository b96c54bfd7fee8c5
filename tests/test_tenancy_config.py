"""Another organization's configuration is out of reach on every route under `/ux/sd/org/`.

The companion of tests/test_tenancy_routes.py, in the same style (tests/support/tenancy.py),
for agents, groups, services, custom fields, templates, picklists and the priority
matrix. Each case:

1. sets up both organizations: the owner (other_tenant) has one object of each kind,
   referring to each other (a group with a member, a service routed to the group, a
   template naming them), a stored picklist and matrix; the attacker (tenant) has
   its own objects,
2. sends the request with the attacker's admin key: naming the owner's object in the
   path (404), or naming the owner's ids in a body (400 naming the field, worded as for
   an id no one has), or listing / reading / writing the attacker's own data (only its
   own, nothing of the owner's),
3. checks the owner sees exactly what it saw before (lists, objects, picklists, matrix,
   the stored documents),
4. sends the same request as the owner, which succeeds.

tests/test_tenancy_routes.py's coverage test counts these cases too.
"""

from dataclasses import dataclass

import pytest

from catalogue.documents import CustomField, Picklist, PriorityMatrix, Service, Template
from catalogue.public import catalogue_of
from directory.documents import Agent, Group
from sla.documents import BusinessCalendar, SlaPolicy, SlaSettings
from tests.support.config import ORG, agent, created, group
from tests.support.tenancy import SECRET, Case, no_leak, ok, params, refused_404, run_case

PREFIX = ORG.lstrip("/")
ITEM = "(?P<id>[0-9a-fA-F]{24})/"
PICKLIST = "picklists/(?P<name>resolution_types|hold_reasons|sources)/"
MATRIX = "priority-matrix/"
SLA_SETTINGS = "settings/"
PAGE = {"items_per_page": 100}
KINDS = ("agents", "groups", "services", "custom-fields", "templates", "calendars", "sla-policies")
DOCUMENTS = (
    Agent,
    Group,
    Service,
    CustomField,
    Template,
    Picklist,
    PriorityMatrix,
    BusinessCalendar,
    SlaPolicy,
    SlaSettings,
)


# --- the world -------------------------------------------------------------------------------


@dataclass
class World:
    attacker: object
    owner: object
    theirs: dict  # kind -> the owner's object
    mine: dict  # kind -> the attacker's object
    victim: dict  # no incident is named by these cases (tests.support.tenancy.run_case)


def populate(tenant, label: str) -> dict:
    admin = tenant.admin
    ada = agent(admin, f"{label} Ada", f"ada@{label}.example")
    network = group(admin, f"{label} Network", description=label, member_ids=[ada["id"]])
    service = created(
        admin,
        "services/",
        {
            "name": f"{label} Email",
            "classifications": [{"name": f"{label} Spam"}],
            "default_group_id": network["id"],
        },
    )
    field = created(
        admin,
        "custom-fields/",
        {"key": f"{label.lower()}_cc", "label": label, "type": "select", "options": [label]},
    )
    template = created(
        admin,
        "templates/",
        {
            "name": f"{label} VPN",
            "fields": {
                "summary": label,
                "support_group": network["id"],
                "assignee": ada["id"],
                "impact_service": service["id"],
                "custom_field_data": {field["key"]: label},
            },
        },
    )
    calendar = created(
        admin,
        "calendars/",
        {
            "name": f"{label} Office",
            "time_zone": "Europe/Berlin",
            "hours": {"monday": [["09:00", "17:00"]]},
            "holidays": ["2025-12-25"],
        },
    )
    policy = created(
        admin,
        "sla-policies/",
        {
            "name": f"{label} Standard",
            "calendar_id": calendar["id"],
            "conditions": {"support_group_ids": [network["id"]], "service_ids": [service["id"]]},
            "targets": {"response_minutes": 30, "resolution_minutes": 240},
        },
    )
    return {
        "agents": ada,
        "groups": network,
        "services": service,
        "custom-fields": field,
        "templates": template,
        "calendars": calendar,
        "sla-policies": policy,
    }


@pytest.fixture
def world(tenant, other_tenant):
    theirs = populate(other_tenant, SECRET)
    owner = other_tenant.admin
    entries = owner.get(f"{ORG}picklists/sources/").json()["entries"]
    stored = [*entries, {"id": 90, "name": f"{SECRET} source", "active": True}]
    assert (
        owner.put(f"{ORG}picklists/sources/", {"entries": stored}, format="json").status_code == 200
    )
    cells = owner.get(f"{ORG}{MATRIX}").json()["cells"]
    cells[-1]["priority_id"] = 1
    assert owner.put(f"{ORG}{MATRIX}", {"cells": cells}, format="json").status_code == 200
    settings = {"auto_close_days": 3}
    assert owner.patch(f"{ORG}{SLA_SETTINGS}", settings, format="json").status_code == 200
    return World(
        attacker=tenant,
        owner=other_tenant,
        theirs=theirs,
        mine=populate(tenant, "mine"),
        victim={},
    )


def item_url(w: World, kind: str) -> str:
    return f"{ORG}{kind}/{w.theirs[kind]['id']}/"


def snapshot(w: World) -> dict:
    """Everything the owner can see of its configuration, and its stored documents."""
    admin = w.owner.admin

    def seen(url, query=None):
        response = admin.get(url, query)
        return response.status_code, response.json()

    seen_items = {kind: seen(item_url(w, kind)) for kind in KINDS}
    seen_lists = {kind: seen(f"{ORG}{kind}/", PAGE) for kind in KINDS}
    picklists = {name: seen(f"{ORG}picklists/{name}/") for name in ("sources", "hold_reasons")}
    stored = {
        document.__name__: list(
            document._get_collection().find({"organization_id": w.owner.org.id}).sort("_id", 1)
        )
        for document in DOCUMENTS
    }
    return {
        "items": seen_items,
        "lists": seen_lists,
        "picklists": picklists,
        "matrix": seen(f"{ORG}{MATRIX}"),
        "sla_settings": seen(f"{ORG}{SLA_SETTINGS}"),
        "stored": stored,
        "catalogue": catalogue_of(organization_id=w.owner.org.id),
    }


# --- the answers -----------------------------------------------------------------------------


def own_items(response) -> list[str]:
    """The ids listed, less the built-in 24x7 calendar every organization has."""
    return [item["id"] for item in response.json() if not item.get("builtin")]


def only_mine(kind):
    def check(w, ref, response):
        assert response.status_code == 200, response.content
        assert own_items(response) == [w.mine[kind]["id"]]
        assert response["X-Total-Count"] == str(len(response.json()))
        no_leak(response)

    return check


def theirs_listed(kind):
    def check(w, ref, response):
        assert response.status_code == 200, response.content
        assert w.theirs[kind]["id"] in [item["id"] for item in response.json()]

    return check


def unknown(attr):
    """A 400 naming `attr`, worded as for an id that exists nowhere."""

    def check(w, ref, response):
        assert response.status_code == 400, response.content
        (error,) = response.json()["errors"]
        assert (error["attr"], error["code"]) == (attr, "unknown"), error
        assert error["detail"].startswith("No ") and "inactive" not in error["detail"]
        no_leak(response)

    return check


def not_leaked(status):
    def check(w, ref, response):
        assert response.status_code == status, response.content
        no_leak(response)

    return check


# --- bodies ------------------------------------------------------------------------------------


def new_body(kind: str, w: World) -> dict:
    """A create body naming the owner's objects where the resource takes ids."""
    theirs = w.theirs
    return {
        "agents": {
            "name": "New agent",
            "email": "new@example.com",
            "group_ids": [theirs["groups"]["id"]],
        },
        "groups": {"name": "New group", "member_ids": [theirs["agents"]["id"]]},
        "services": {"name": "New service", "default_group_id": theirs["groups"]["id"]},
        "custom-fields": {"key": "new_field", "label": "New", "type": "text"},
        "templates": {"name": "New template", "fields": {"support_group": theirs["groups"]["id"]}},
        "calendars": {"name": "New calendar", "time_zone": "UTC", "hours": {}},
        "sla-policies": {
            "name": "New policy",
            "calendar_id": theirs["calendars"]["id"],
            "targets": {"resolution_minutes": 60},
        },
    }[kind]


FOREIGN_ATTR = {
    "agents": "group_ids.0",
    "groups": "member_ids.0",
    "services": "default_group_id",
    "templates": "fields.support_group",
    "sla-policies": "calendar_id",
}
FOREIGN_TEMPLATE_FIELDS = {
    "assignee": "agents",
    "impact_service": "services",
}


def replace_body(kind: str, w: World) -> dict:
    """A PUT body for the owner's object, valid for the owner."""
    body = new_body(kind, w)
    if kind == "agents":
        body["email"] = w.theirs["agents"]["email"]
    if kind == "custom-fields":
        body["key"] = w.theirs["custom-fields"]["key"]
    return body


def created_mine(kind):
    """A create without foreign ids makes the attacker's own object, nothing of the owner's."""

    def check(w, ref, response):
        assert response.status_code == 201, response.content
        listed = own_items(w.attacker.admin.get(f"{ORG}{kind}/", PAGE))
        assert listed == sorted([w.mine[kind]["id"], response.json()["id"]], key=listed.index)
        no_leak(response)

    return check


def crud_cases(kind: str) -> list[Case]:
    collection, item = f"{PREFIX}{kind}/", f"{PREFIX}{kind}/{ITEM}"
    root = f"{ORG}{kind}/"
    cases = [
        Case(
            collection,
            "get",
            "list",
            lambda w, r, c: c.get(root, PAGE),
            only_mine(kind),
            theirs_listed(kind),
            by_ref=False,
        ),
        Case(
            item,
            "get",
            "read",
            lambda w, r, c: c.get(item_url(w, kind)),
            refused_404,
            ok(200),
            by_ref=False,
        ),
        Case(
            item,
            "put",
            "replace",
            lambda w, r, c: c.put(item_url(w, kind), replace_body(kind, w), format="json"),
            refused_404,
            ok(200),
            by_ref=False,
        ),
        Case(
            item,
            "patch",
            "deactivate",
            lambda w, r, c: c.patch(item_url(w, kind), {"active": False}, format="json"),
            refused_404,
            ok(200),
            by_ref=False,
        ),
        Case(
            item,
            "delete",
            "delete",
            lambda w, r, c: c.delete(item_url(w, kind)),
            refused_404,
            ok(204),
            by_ref=False,
        ),
    ]
    if kind in FOREIGN_ATTR:
        attr = FOREIGN_ATTR[kind]
        cases += [
            Case(
                collection,
                "post",
                "create naming their ids",
                lambda w, r, c: c.post(root, new_body(kind, w), format="json"),
                unknown(attr),
                ok(201),
                by_ref=False,
            ),
            Case(
                item,
                "patch",
                "my own, naming their ids",
                lambda w, r, c: c.patch(
                    f"{ORG}{kind}/{(w.mine if c is w.attacker.admin else w.theirs)[kind]['id']}/",
                    new_body(kind, w),
                    format="json",
                ),
                unknown(attr),
                ok(200),
                by_ref=False,
            ),
        ]
    else:
        cases.append(
            Case(
                collection,
                "post",
                "create",
                lambda w, r, c: c.post(root, new_body(kind, w), format="json"),
                created_mine(kind),
                ok(201),
                by_ref=False,
            )
        )
    return cases


def template_naming(field: str, by: str):
    """A template body naming the owner's `field` entry by id or by name."""

    def send(w, r, c):
        entry = w.theirs[FOREIGN_TEMPLATE_FIELDS[field]]
        body = {"name": f"by {field}", "fields": {field: entry[by]}}
        return c.post(f"{ORG}templates/", body, format="json")

    return send


def picklist_put(w, r, c):
    mine = c.get(f"{ORG}picklists/sources/").json()["entries"]
    body = {"entries": [*mine, {"id": 95, "name": "Walk-up", "active": True}]}
    return c.put(f"{ORG}picklists/sources/", body, format="json")


def own_picklist(w, ref, response):
    """The attacker reads (or wrote) its own list: the defaults, never the owner's entry."""
    assert response.status_code == 200, response.content
    assert 90 not in [entry["id"] for entry in response.json()["entries"]]
    no_leak(response)


def owners_picklist(w, ref, response):
    assert response.status_code == 200, response.content
    assert 90 in [entry["id"] for entry in response.json()["entries"]]


def matrix_put(w, r, c):
    cells = c.get(f"{ORG}{MATRIX}").json()["cells"]
    cells[0]["priority_id"] = 5
    return c.put(f"{ORG}{MATRIX}", {"cells": cells}, format="json")


def own_matrix(w, ref, response):
    assert response.status_code == 200, response.content
    assert response.json()["cells"][-1]["priority_id"] != 1  # the owner's change


def policy_naming(what: str):
    """A policy body naming one of the owner's groups or services in its conditions."""

    def send(w, r, c):
        kind = {"support_group_ids": "groups", "service_ids": "services"}[what]
        body = {
            "name": f"by {what}",
            "targets": {"resolution_minutes": 60},
            "conditions": {what: [w.theirs[kind]["id"]]},
        }
        return c.post(f"{ORG}sla-policies/", body, format="json")

    return send


def own_settings(w, ref, response):
    """The attacker reads (or wrote) its own SLA settings, never the owner's 3 days."""
    assert response.status_code == 200, response.content
    assert response.json()["auto_close_days"] in (7, 9)
    no_leak(response)


CASES = [
    *(case for kind in KINDS for case in crud_cases(kind)),
    *(
        Case(
            f"{PREFIX}templates/",
            "post",
            f"create naming their {field} by {by}",
            template_naming(field, by),
            unknown(f"fields.{field}"),
            ok(201),
            by_ref=False,
        )
        for field in FOREIGN_TEMPLATE_FIELDS
        for by in ("id", "name")
    ),
    Case(
        f"{PREFIX}{PICKLIST}",
        "get",
        "read",
        lambda w, r, c: c.get(f"{ORG}picklists/sources/"),
        own_picklist,
        owners_picklist,
        by_ref=False,
    ),
    Case(
        f"{PREFIX}{PICKLIST}",
        "put",
        "replace",
        picklist_put,
        own_picklist,
        owners_picklist,
        by_ref=False,
    ),
    Case(
        f"{PREFIX}{MATRIX}",
        "get",
        "read",
        lambda w, r, c: c.get(f"{ORG}{MATRIX}"),
        own_matrix,
        ok(200),
        by_ref=False,
    ),
    Case(f"{PREFIX}{MATRIX}", "put", "replace", matrix_put, own_matrix, ok(200), by_ref=False),
    *(
        Case(
            f"{PREFIX}sla-policies/",
            "post",
            f"create naming their {what}",
            policy_naming(what),
            unknown(f"conditions.{what}.0"),
            ok(201),
            by_ref=False,
        )
        for what in ("support_group_ids", "service_ids")
    ),
    Case(
        f"{PREFIX}{SLA_SETTINGS}",
        "get",
        "read",
        lambda w, r, c: c.get(f"{ORG}{SLA_SETTINGS}"),
        own_settings,
        ok(200),
        by_ref=False,
    ),
    Case(
        f"{PREFIX}{SLA_SETTINGS}",
        "patch",
        "change",
        lambda w, r, c: c.patch(f"{ORG}{SLA_SETTINGS}", {"auto_close_days": 9}, format="json"),
        own_settings,
        ok(200),
        by_ref=False,
    ),
]

PARAMS = params(CASES)


@pytest.mark.parametrize(("case", "form"), PARAMS)
def test_foreign_configuration_is_out_of_reach(world, case, form):
    run_case(world, case, form, snapshot)
