"""Incidents use their organization's configuration (issue 17): groups and agents,
automatic assignment, the service catalogue, custom fields, templates, picklists and
the priority matrix. Configuration is written here as documents, as the
configuration API stores it, and announced with `orgcache.changed` as it does."""

import threading
from collections import Counter

import pytest
from bson import ObjectId

from catalogue.documents import (
    Classification,
    CustomField,
    MatrixCell,
    Picklist,
    PicklistEntry,
    PriorityMatrix,
    Service,
    Template,
)
from directory.documents import Agent, Group
from incidents.documents import Incident
from servicedesk import orgcache

LIST = "/ux/sd/inci/incident/"


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


def changed(tenant):
    orgcache.changed(tenant.org.id)


def group(tenant, name, auto_assign="none", active=True) -> Group:
    made = Group(
        organization_id=tenant.org.id,
        name=name,
        name_key=key(name),
        auto_assign=auto_assign,
        active=active,
    ).save()
    changed(tenant)
    return made


def agent(tenant, name, *groups, active=True) -> Agent:
    made = Agent(
        organization_id=tenant.org.id,
        name=name,
        name_key=key(name),
        email=f"{name.lower().replace(' ', '.')}@example.com",
        active=active,
        group_ids=[g.id for g in groups],
    ).save()
    changed(tenant)
    return made


def ref(doc) -> dict:
    return {"id": str(doc.id), "name": doc.name}


def create(client, **fields):
    return client.post(LIST, {"summary": "s", **fields}, format="json")


def created(client, **fields) -> dict:
    response = create(client, **fields)
    assert response.status_code == 201, response.content
    return response.json()


def patch(client, incident, body):
    return client.patch(f"{LIST}{incident['incident_id']}/", body, format="json")


def error(response) -> tuple[int, str, str]:
    first = response.json()["errors"][0]
    return response.status_code, first["attr"], first["code"]


def history(incident) -> list:
    return Incident.objects.get(id=incident["incident_id"]).history


@pytest.fixture
def desk(tenant):
    network = group(tenant, "Network")
    ann = agent(tenant, "Ann Lee", network)
    bob = agent(tenant, "Bob Ray", network)
    carl = agent(tenant, "Carl Dee")
    return {"network": network, "ann": ann, "bob": bob, "carl": carl}


# --- groups and agents -----------------------------------------------------------------------


@pytest.mark.parametrize("by", ["id", "name", "email", "NAME IN CAPS"])
def test_an_assignee_is_found_by_id_name_or_email_and_shown_as_an_object(tenant, desk, by):
    ann = desk["ann"]
    value = {
        "id": str(ann.id),
        "name": "ann lee",
        "email": ann.email.upper(),
        "NAME IN CAPS": "ANN  LEE",
    }[by]
    body = created(tenant.writer, support_group="network", assignee=value)
    assignment = body["current_assignment_info"]
    assert assignment["assignee"] == ref(ann)
    assert assignment["support_group"] == ref(desk["network"])
    assert assignment["assigned_at"].endswith("Z")


def test_assigning_a_new_incident_makes_it_assigned_with_history(tenant, desk):
    body = created(tenant.writer, assignee="Ann Lee")
    assert (body["basic_info"]["status_id"], body["basic_info"]["status"]) == (2, "Assigned")
    actions = [(e.action, e.field) for e in history(body)]
    assert actions == [("created", ""), ("assigned", "current_assignment_info.assignee")]


def test_an_assignee_given_with_an_explicit_open_status_keeps_it(tenant, desk):
    body = created(tenant.writer, assignee="Ann Lee", status_id=3)
    assert body["basic_info"]["status"] == "In Progress"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("assignee", "Nobody", "unknown_agent"),
        ("assignee", "nobody@example.com", "unknown_agent"),
        ("assignee", "0" * 24, "unknown_agent"),
        ("support_group", "Nowhere", "unknown_group"),
        ("support_group", "0" * 24, "unknown_group"),
    ],
)
def test_unknown_entries_are_400_naming_the_field_and_write_nothing(
    tenant, desk, field, value, code
):
    response = create(tenant.writer, **{field: value})
    assert error(response) == (400, field, code)
    assert Incident.objects.count() == 0


def test_another_organizations_entries_are_unknown_and_worded_alike(tenant, other_tenant, desk):
    theirs_group = group(other_tenant, "Secret Ops")
    theirs = agent(other_tenant, "Eve Spy", theirs_group)
    for field, value, unknown in (
        ("assignee", str(theirs.id), "0" * 24),
        ("assignee", theirs.email, "nobody@example.com"),
        ("support_group", str(theirs_group.id), "0" * 24),
    ):
        foreign = create(tenant.writer, **{field: value})
        missing = create(tenant.writer, **{field: unknown})
        assert error(foreign) == error(missing)
        assert (
            foreign.json()["errors"][0]["detail"].replace(value, unknown)
            == (missing.json()["errors"][0]["detail"])
        )
    assert Incident.objects.count() == 0


def test_inactive_entries_cannot_be_newly_chosen(tenant, desk):
    agent(tenant, "Old Timer", desk["network"], active=False)
    group(tenant, "Closed Team", active=False)
    assert error(create(tenant.writer, assignee="Old Timer")) == (400, "assignee", "unknown_agent")
    assert error(create(tenant.writer, support_group="Closed Team")) == (
        400,
        "support_group",
        "unknown_group",
    )


def test_an_assignee_must_belong_to_the_group(tenant, desk):
    response = create(tenant.writer, support_group="Network", assignee="Carl Dee")
    assert error(response) == (400, "assignee", "not_a_member")
    assert Incident.objects.count() == 0


def test_without_a_directory_names_are_kept_as_name_only_references(tenant):
    body = created(tenant.writer, support_group="net", assignee="bob")
    assert body["current_assignment_info"]["support_group"] == {"id": None, "name": "net"}
    assert body["current_assignment_info"]["assignee"] == {"id": None, "name": "bob"}


def test_an_incident_stored_before_references_still_reads_lists_and_updates(tenant, desk):
    made = created(tenant.writer)
    Incident._get_collection().update_one(
        {"_id": ObjectId(made["incident_id"])},
        {"$set": {"current_assignment_info.assignee": "legacy bob"}},
    )
    read = tenant.reader.get(f"{LIST}{made['incident_id']}/").json()
    assert read["current_assignment_info"]["assignee"] == {"id": None, "name": "legacy bob"}
    listed = tenant.reader.get(LIST, {"assignee": "legacy bob"}).json()
    assert [i["incident_id"] for i in listed] == [made["incident_id"]]
    edited = patch(tenant.writer, made, {"basic_info": {"summary": "still fine"}})
    assert edited.status_code == 200
    assert edited.json()["current_assignment_info"]["assignee"] == {
        "id": None,
        "name": "legacy bob",
    }
    moved = patch(tenant.writer, made, {"current_assignment_info": {"assignee": "Ann Lee"}})
    assert moved.json()["current_assignment_info"]["assignee"] == ref(desk["ann"])


def test_a_patch_assigns_and_moves_a_new_incident_to_assigned(tenant, desk, settings):
    made = created(tenant.writer)
    assert made["basic_info"]["status"] == "New"
    response = patch(tenant.writer, made, {"current_assignment_info": {"assignee": "Bob Ray"}})
    assert response.status_code == 200
    body = response.json()
    assert body["current_assignment_info"]["assignee"] == ref(desk["bob"])
    assert body["basic_info"]["status"] == "Assigned"
    entries = [(e.action, e.field) for e in history(made)][-2:]
    assert entries == [
        ("updated", "current_assignment_info.assignee"),
        ("assign", "basic_info.status_id"),
    ]


def test_a_put_of_a_read_changes_nothing(tenant, desk):
    made = created(tenant.writer, support_group="Network", assignee="Ann Lee")
    read = tenant.reader.get(f"{LIST}{made['incident_id']}/").json()
    before = len(history(made))
    response = tenant.writer.put(f"{LIST}{made['incident_id']}/", read, format="json")
    assert response.status_code == 200, response.content
    assert len(history(made)) == before


@pytest.mark.parametrize(
    "value",
    [{"$ne": None}, {"id": 5}, {}, {"name": "Ann Lee", "extra": 1}, 12, ["Ann Lee"], "x" * 255],
    ids=repr,
)
def test_a_malformed_reference_is_400(tenant, desk, value):
    made = created(tenant.writer)
    response = patch(tenant.writer, made, {"current_assignment_info": {"assignee": value}})
    assert error(response)[:2] == (400, "current_assignment_info.assignee")


def test_a_changed_group_that_does_not_auto_assign_drops_an_outsider(tenant, desk):
    made = created(tenant.writer, support_group="Network", assignee="Ann Lee")
    other = group(tenant, "Desktop")
    body = patch(tenant.writer, made, {"current_assignment_info": {"support_group": "Desktop"}})
    assignment = body.json()["current_assignment_info"]
    assert (assignment["support_group"], assignment["assignee"]) == (ref(other), None)


# --- automatic assignment --------------------------------------------------------------------


def test_round_robin_takes_members_in_turn_exactly_under_concurrency(tenant):
    team = group(tenant, "Round", auto_assign="round_robin")
    members = [agent(tenant, name, team) for name in ("Ann", "Bob", "Cid")]
    results = []
    start = threading.Barrier(6)

    def creates():
        start.wait(timeout=10)
        for _ in range(5):
            results.append(create(tenant.writer, support_group="Round"))

    threads = [threading.Thread(target=creates) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [201] * 30
    counts = Counter(r.json()["current_assignment_info"]["assignee"]["id"] for r in results)
    assert counts == {str(m.id): 10 for m in members}


def test_round_robin_skips_inactive_members(tenant):
    team = group(tenant, "Round", auto_assign="round_robin")
    ann = agent(tenant, "Ann", team)
    agent(tenant, "Bob", team, active=False)
    picked = {
        created(tenant.writer, support_group="Round")["current_assignment_info"]["assignee"]["id"]
        for _ in range(3)
    }
    assert picked == {str(ann.id)}


def test_least_open_picks_the_member_with_fewest_open_incidents(tenant):
    team = group(tenant, "Least", auto_assign="least_open")
    ann = agent(tenant, "Ann", team)
    bob = agent(tenant, "Bob", team)
    created(tenant.writer, support_group="Least", assignee="Ann")
    created(tenant.writer, support_group="Least", assignee="Ann")
    done = created(tenant.writer, support_group="Least", assignee="Bob")
    tenant.writer.post(
        f"{LIST}inci_resolve/",
        {"incident_id": done["incident_id"], "resolution_type": "Fixed", "closure_note": "ok"},
        format="json",
    )
    first = created(tenant.writer, support_group="Least")
    assert first["current_assignment_info"]["assignee"] == ref(bob)  # 0 open against 2
    second = created(tenant.writer, support_group="Least")
    assert second["current_assignment_info"]["assignee"] == ref(bob)  # 1 open against 2
    third = created(tenant.writer, support_group="Least")
    assert third["current_assignment_info"]["assignee"] == ref(ann)  # 2 each: name order


def test_a_group_change_auto_assigns_when_no_one_is_named(tenant, desk):
    team = group(tenant, "Round", auto_assign="round_robin")
    cid = agent(tenant, "Cid", team)
    made = created(tenant.writer, support_group="Network", assignee="Ann Lee")
    body = patch(tenant.writer, made, {"current_assignment_info": {"support_group": "Round"}})
    assert body.json()["current_assignment_info"]["assignee"] == ref(cid)


def test_a_group_change_that_loses_a_race_takes_one_turn(tenant, desk, monkeypatch):
    """Compare-and-set plans the PATCH again after another writer's commit; the
    round-robin turn the first plan took is the one used, not a second."""
    team = group(tenant, "Round", auto_assign="round_robin")
    ann, bob = agent(tenant, "Ann", team), agent(tenant, "Bob", team)
    made = created(tenant.writer, support_group="Network", assignee="Ann Lee")
    collection = Incident._get_collection()
    original = type(collection).find_one_and_update
    raced = []

    def racing(self, query, update, **kwargs):
        if not raced and self.name == collection.name and "version" in query:
            raced.append(1)  # another writer commits first, once
            collection.update_one({"_id": query["_id"]}, {"$inc": {"version": 1}})
        return original(self, query, update, **kwargs)

    monkeypatch.setattr(type(collection), "find_one_and_update", racing)
    body = patch(tenant.writer, made, {"current_assignment_info": {"support_group": "Round"}})
    monkeypatch.undo()
    assert raced == [1] and body.status_code == 200
    assert body.json()["current_assignment_info"]["assignee"] == ref(ann)  # turn 1
    following = created(tenant.writer, support_group="Round")  # turn 2, not 3
    assert following["current_assignment_info"]["assignee"] == ref(bob)


def test_an_auto_assigned_create_announces_the_assignment(tenant, desk, monkeypatch):
    from incidents.services import events

    sent = []
    monkeypatch.setattr(events, "emit", lambda **kwargs: sent.append(kwargs["event"]))
    created(tenant.writer, assignee="Ann Lee")
    made = created(tenant.writer)
    patch(tenant.writer, made, {"current_assignment_info": {"assignee": "Bob Ray"}})
    assert sent == [
        "incident.created",
        "incident.assigned",
        "incident.created",
        "incident.assigned",
    ]


# --- filters ---------------------------------------------------------------------------------


def test_filters_by_assignee_id_group_id_and_unassigned(tenant, desk):
    a = created(tenant.writer, support_group="Network", assignee="Ann Lee")
    b = created(tenant.writer, support_group="Network", assignee="Bob Ray")
    c = created(tenant.writer)

    def listed(**query):
        response = tenant.reader.get(LIST, query)
        assert response.status_code == 200, response.content
        return sorted(i["display_id"] for i in response.json())

    assert listed(assignee_id=str(desk["ann"].id)) == [a["display_id"]]
    assert listed(support_group_id=str(desk["network"].id)) == sorted(
        [a["display_id"], b["display_id"]]
    )
    assert listed(unassigned="true") == [c["display_id"]]
    assert listed(unassigned="false") == sorted([a["display_id"], b["display_id"]])
    assert listed(assignee="Bob Ray") == [b["display_id"]]
    bad = tenant.reader.get(LIST, {"assignee_id": "nope"})
    assert error(bad)[:2] == (400, "assignee_id")


# --- the catalogue ---------------------------------------------------------------------------


@pytest.fixture
def catalogue(tenant, desk):
    vpn = Service(
        organization_id=tenant.org.id,
        name="VPN",
        name_key="vpn",
        classifications=[Classification(id=1, name="Access"), Classification(id=2, name="Speed")],
        default_group_id=desk["network"].id,
    ).save()
    Service(organization_id=tenant.org.id, name="Retired", name_key="retired", active=False).save()
    changed(tenant)
    return {"vpn": vpn}


def test_services_and_classifications_by_id_or_name(tenant, catalogue):
    vpn = catalogue["vpn"]
    body = created(tenant.writer, impact_service=str(vpn.id), service_classification="Speed")
    info = body["basic_info"]
    assert (info["impact_service"], info["impact_service_name"]) == (str(vpn.id), "VPN")
    assert (info["service_classification"], info["service_classification_name"]) == ("2", "Speed")
    by_name = created(tenant.writer, impact_service_name="vpn", service_classification="1")
    assert by_name["basic_info"]["service_classification_name"] == "Access"


def test_a_service_routes_an_incident_created_without_a_group(tenant, catalogue, desk):
    body = created(tenant.writer, impact_service="VPN")
    assert body["current_assignment_info"]["support_group"] == ref(desk["network"])


@pytest.mark.parametrize(
    ("fields", "attr", "code"),
    [
        ({"impact_service": "Nope"}, "impact_service", "unknown_service"),
        ({"impact_service": "Retired"}, "impact_service", "unknown_service"),
        (
            {"impact_service": "VPN", "service_classification": "Nope"},
            "service_classification",
            "unknown_classification",
        ),
        ({"service_classification": "Access"}, "service_classification", "unknown_classification"),
    ],
)
def test_catalogue_refusals(tenant, catalogue, fields, attr, code):
    assert error(create(tenant.writer, **fields)) == (400, attr, code)


def test_without_a_catalogue_service_names_stay_free_text(tenant):
    body = created(tenant.writer, impact_service_name="service1")  # the listing's example
    assert body["basic_info"]["impact_service_name"] == "service1"


# --- custom fields ---------------------------------------------------------------------------


@pytest.fixture
def fields(tenant):
    for key_, kind, extra in (
        ("floor", "number", {}),
        ("site", "select", {"options": ["HQ", "Lab"], "required": True}),
        ("tools", "multiselect", {"options": ["a", "b", "c"]}),
        ("since", "date", {}),
        ("vip", "checkbox", {}),
        ("note", "text", {}),
        ("old", "text", {"active": False}),
        ("problem_only", "text", {"incident_type_ids": [3]}),
        ("cost-center", "text", {}),
    ):
        CustomField(
            organization_id=tenant.org.id, key=key_, label=key_.title(), type=kind, **extra
        ).save()
    changed(tenant)


def test_custom_field_data_is_checked_and_listed_with_its_definitions(tenant, fields):
    data = {"floor": 3, "site": "HQ", "tools": ["a", "c"], "since": "2026-01-31", "vip": True}
    body = created(tenant.writer, custom_field_data=data)
    assert body["custom_field_data"] == data
    listed = {f["key"]: f for f in body["custom_field"]}
    assert set(listed) == {"floor", "site", "tools", "since", "vip", "note", "cost-center"}
    assert listed["site"] == {
        "key": "site",
        "label": "Site",
        "type": "select",
        "required": True,
        "value": "HQ",
    }
    assert listed["note"]["value"] is None


@pytest.mark.parametrize(
    ("data", "attr", "code"),
    [
        ({"site": "HQ", "nope": 1}, "custom_field_data.nope", "unknown_field"),
        ({"site": "HQ", "old": "x"}, "custom_field_data.old", "unknown_field"),
        ({"site": "HQ", "problem_only": "x"}, "custom_field_data.problem_only", "unknown_field"),
        ({}, "custom_field_data.site", "required"),
        ({"site": "Mars"}, "custom_field_data.site", "invalid_choice"),
        ({"site": "HQ", "floor": "3"}, "custom_field_data.floor", "invalid"),
        ({"site": "HQ", "floor": True}, "custom_field_data.floor", "invalid"),
        ({"site": "HQ", "tools": ["a", "a"]}, "custom_field_data.tools", "invalid_choice"),
        ({"site": "HQ", "tools": [{"a": 1}]}, "custom_field_data.tools", "invalid_choice"),
        ({"site": "HQ", "since": "2026-02-30"}, "custom_field_data.since", "invalid"),
        ({"site": "HQ", "vip": "yes"}, "custom_field_data.vip", "invalid"),
        ({"site": "HQ", "note": "x" * 2001}, "custom_field_data.note", "invalid"),
    ],
)
def test_custom_field_refusals(tenant, fields, data, attr, code):
    assert error(create(tenant.writer, custom_field_data=data)) == (400, attr, code)
    assert Incident.objects.count() == 0


def test_a_text_custom_field_at_its_limit_is_kept(tenant, fields):
    body = created(tenant.writer, custom_field_data={"site": "Lab", "note": "x" * 2000})
    assert len(body["custom_field_data"]["note"]) == 2000


def test_a_problems_fields_apply_to_problems(tenant, fields):
    body = created(
        tenant.writer,
        incident_type={"id": 3},
        custom_field_data={"site": "HQ", "problem_only": "root cause"},
    )
    assert "problem_only" in {f["key"] for f in body["custom_field"]}


def test_custom_fields_on_patch_and_the_cf_filter(tenant, fields):
    a = created(tenant.writer, custom_field_data={"site": "HQ", "floor": 3, "tools": ["a"]})
    b = created(tenant.writer, custom_field_data={"site": "Lab", "floor": 4.5, "vip": True})
    edited = patch(tenant.writer, a, {"custom_field_data": {"site": "Lab", "floor": 3}})
    assert edited.status_code == 200
    assert {f["key"]: f["value"] for f in edited.json()["custom_field"]}["site"] == "Lab"
    assert error(patch(tenant.writer, a, {"custom_field_data": {"floor": 3}}))[1] == (
        "custom_field_data.site"
    )

    def listed(**query):
        response = tenant.reader.get(LIST, query)
        assert response.status_code == 200, response.content
        return [i["display_id"] for i in response.json()]

    assert listed(**{"cf.site": "Lab"}) == [b["display_id"], a["display_id"]]
    assert listed(**{"cf.floor": "3"}) == [a["display_id"]]
    assert listed(**{"cf.floor": "4.5"}) == [b["display_id"]]
    assert listed(**{"cf.vip": "true"}) == [b["display_id"]]
    c = created(tenant.writer, custom_field_data={"site": "HQ", "cost-center": "R&D"})
    assert listed(**{"cf.cost-center": "R&D"}) == [c["display_id"]]
    assert error(tenant.reader.get(LIST, {"cf.nope": "1"}))[:2] == (400, "cf.nope")
    assert error(tenant.reader.get(LIST, {"cf.floor": "many"}))[:2] == (400, "cf.floor")
    assert error(tenant.reader.get(LIST, {"cf.Bad-Key": "1"}))[:2] == (400, "cf.Bad-Key")


# --- templates -------------------------------------------------------------------------------


def test_a_template_fills_what_the_body_does_not_give(tenant, desk):
    template = Template(
        organization_id=tenant.org.id,
        name="VPN outage",
        name_key="vpn outage",
        fields={
            "summary": "VPN down",
            "description": "<p>Users cannot connect.</p>",
            "urgency_id": 1,
            "impact_id": 2,
            "support_group": "Network",
            "tag": ["vpn"],
        },
    ).save()
    changed(tenant)
    body = created(tenant.writer, template_id="vpn outage", summary="", urgency_id=3)
    assert body["basic_info"]["summary"] == "VPN down"
    assert body["basic_info"]["urgency_id"] == 3  # the body's own
    assert body["basic_info"]["impact_id"] == 2
    assert body["current_assignment_info"]["support_group"] == ref(desk["network"])
    assert body["tag"] == ["vpn"]
    assert body["template_info"] == {"id": str(template.id), "name": "VPN outage"}


def test_unknown_or_inactive_templates_are_400(tenant):
    Template(
        organization_id=tenant.org.id, name="Old", name_key="old", fields={}, active=False
    ).save()
    changed(tenant)
    for value in ("Nope", "Old", "0" * 24):
        assert error(create(tenant.writer, template_id=value)) == (
            400,
            "template_id",
            "unknown_template",
        )


# --- picklists and the matrix ----------------------------------------------------------------


def test_an_organizations_resolution_types_and_sources_are_its_own(tenant):
    Picklist(
        organization_id=tenant.org.id,
        name="resolution_types",
        entries=[
            PicklistEntry(id=1, name="Fixed", active=False),
            PicklistEntry(id=10, name="Replaced hardware"),
        ],
    ).save()
    Picklist(
        organization_id=tenant.org.id,
        name="sources",
        entries=[PicklistEntry(id=5, name="API"), PicklistEntry(id=20, name="Kiosk")],
    ).save()
    changed(tenant)
    made = created(tenant.writer, incident_source={"name": "kiosk"})
    assert made["source_info"] == {"id": 20, "name": "Kiosk"}
    assert error(create(tenant.writer, incident_source={"id": 1}))[:2] == (400, "incident_source")

    def resolve(kind):
        return tenant.writer.post(
            f"{LIST}inci_resolve/",
            {"incident_id": made["incident_id"], "resolution_type": kind, "closure_note": "n"},
            format="json",
        )

    refused = resolve("Fixed").json()["results"][0]
    assert (refused["ok"], refused["error"]["attr"]) == (False, "resolution_type")
    done = resolve("replaced hardware").json()["results"][0]
    assert done["ok"] is True
    assert done["incident"]["close_info"]["resolution_type_id"] == 10


def test_an_organizations_priority_matrix_decides_the_priority(tenant):
    cells = [
        MatrixCell(impact_id=i, urgency_id=u, priority_id=1)
        for i in range(1, 5)
        for u in range(1, 4)
    ]
    PriorityMatrix(organization_id=tenant.org.id, cells=cells).save()
    changed(tenant)
    body = created(tenant.writer, impact_id=4, urgency_id=3)
    assert (body["basic_info"]["priority_id"], body["basic_info"]["priority"]) == (1, "Critical")
    mismatch = create(tenant.writer, impact_id=4, urgency_id=3, priority_id=5)
    assert error(mismatch) == (400, "priority_id", "priority_mismatch")


def test_options_show_the_organizations_configuration(tenant, desk, catalogue):
    body = tenant.reader.get(f"{LIST}options/").json()
    assert [g["name"] for g in body["support_groups"]] == ["Network"]
    assert {a["name"] for a in body["agents"]} == {"Ann Lee", "Bob Ray", "Carl Dee"}
    assert {s["name"]: s["active"] for s in body["services"]} == {"VPN": True, "Retired": False}
    vpn = next(s for s in body["services"] if s["name"] == "VPN")
    assert vpn["classifications"] == [{"id": 1, "name": "Access"}, {"id": 2, "name": "Speed"}]
    assert vpn["default_group_id"] == str(desk["network"].id)


# --- deleting what incidents refer to --------------------------------------------------------

ORG = "/ux/sd/org/"


@pytest.mark.parametrize("kind", ["agents", "groups"])
def test_deleting_a_referenced_agent_or_group_deactivates_it_and_incidents_read_on(
    tenant, desk, kind
):
    made = created(tenant.writer, support_group="Network", assignee="Ann Lee")
    target = desk["ann"] if kind == "agents" else desk["network"]
    spare = desk["carl"] if kind == "agents" else group(tenant, "Spare")
    assert tenant.admin.delete(f"{ORG}{kind}/{target.id}/").status_code == 204
    assert tenant.admin.delete(f"{ORG}{kind}/{spare.id}/").status_code == 204
    assert tenant.admin.get(f"{ORG}{kind}/{target.id}/").json()["active"] is False
    assert tenant.admin.get(f"{ORG}{kind}/{spare.id}/").status_code == 404
    read = tenant.reader.get(f"{LIST}{made['incident_id']}/").json()
    assert read["current_assignment_info"]["assignee"] == ref(desk["ann"])
    field = "assignee" if kind == "agents" else "support_group"
    assert error(create(tenant.writer, **{field: target.name}))[:2] == (400, field)


def test_deleting_a_referenced_service_template_or_custom_field_deactivates_it(tenant, desk):
    service = Service(organization_id=tenant.org.id, name="VPN", name_key="vpn").save()
    template = Template(
        organization_id=tenant.org.id, name="T", name_key="t", fields={"tag": ["x"]}
    ).save()
    CustomField(organization_id=tenant.org.id, key="floor", label="Floor", type="number").save()
    changed(tenant)
    created(tenant.writer, impact_service="VPN", template_id="T", custom_field_data={"floor": 1})
    for path in (f"services/{service.id}/", f"templates/{template.id}/"):
        assert tenant.admin.delete(f"{ORG}{path}").status_code == 204
        assert tenant.admin.get(f"{ORG}{path}").json()["active"] is False
    fields_ = tenant.admin.get(f"{ORG}custom-fields/").json()
    (floor,) = fields_
    assert tenant.admin.delete(f"{ORG}custom-fields/{floor['id']}/").status_code == 204
    assert tenant.admin.get(f"{ORG}custom-fields/{floor['id']}/").json()["active"] is False
