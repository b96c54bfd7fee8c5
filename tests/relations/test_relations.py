"""`incident/{id}/relations/`: parent, child and related incidents, on both sides."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from bson import ObjectId
from rest_framework.test import APIClient

from incidents import public as incidents_public
from incidents.documents import Incident
from incidents.transitions import TransitionError
from tests.relations.helpers import (
    LIST,
    create,
    error_code,
    history_actions,
    read,
    refs_of,
    relate,
    related,
)
from tests.support.spies import calls_to

RESOLVE = {"resolution_type": "Workaround", "closure_note": "<p>Router replaced.</p>"}


def short(entries):
    return [(e["type"], e["display_id"]) for e in entries]


def test_a_parent_on_one_side_is_a_child_on_the_other(tenant):
    client = tenant.writer
    parent = create(client, "outage")
    child = create(client, "my VPN")
    shown = related(client, child["display_id"], "parent", parent["display_id"])
    assert shown["incident_id"] == child["incident_id"]
    (entry,) = shown["reference"]
    assert entry == {
        "type": "parent",
        "incident_id": parent["incident_id"],
        "display_id": "INCI-1",
        "summary": "outage",
        "status": "New",
    }
    (back,) = read(client, parent["incident_id"])["reference"]
    assert back == {
        "type": "child",
        "incident_id": child["incident_id"],
        "display_id": "INCI-2",
        "summary": "my VPN",
        "status": "New",
    }
    assert "relation_added" in history_actions(client, parent["incident_id"])
    assert "relation_added" in history_actions(client, child["incident_id"])


def test_child_is_the_other_way_round_and_adding_again_changes_nothing(tenant):
    client = tenant.writer
    parent, child = create(client, "outage"), create(client, "mine")
    shown = related(client, parent["display_id"], "child", child["incident_id"])
    assert short(shown["reference"]) == [("child", "INCI-2")]
    version = Incident.objects.get(id=parent["incident_id"]).version
    again = related(client, parent["display_id"], "child", child["display_id"])
    assert short(again["reference"]) == [("child", "INCI-2")]
    assert Incident.objects.get(id=parent["incident_id"]).version == version
    assert short(read(client, "INCI-2")["reference"]) == [("parent", "INCI-1")]


def test_related_shows_on_both_and_removing_takes_it_off_both(tenant):
    client = tenant.writer
    a, b = create(client, "a"), create(client, "b")
    related(client, "INCI-1", "related", "INCI-2")
    assert short(read(client, "INCI-1")["reference"]) == [("related", "INCI-2")]
    assert short(read(client, "INCI-2")["reference"]) == [("related", "INCI-1")]
    response = client.delete(f"{LIST}INCI-2/relations/{a['incident_id']}/")
    assert response.status_code == 204
    assert read(client, "INCI-1")["reference"] == []
    assert read(client, b["incident_id"])["reference"] == []
    again = client.delete(f"{LIST}INCI-2/relations/INCI-1/")
    assert again.status_code == 404
    assert "relation_removed" in history_actions(client, "INCI-1")


def test_removing_a_parent_relation_takes_both_sides(tenant):
    client = tenant.writer
    create(client, "p"), create(client, "c")
    related(client, "INCI-2", "parent", "INCI-1")
    assert client.delete(f"{LIST}INCI-1/relations/INCI-2/").status_code == 204
    assert read(client, "INCI-1")["reference"] == read(client, "INCI-2")["reference"] == []
    # ... and the child may have another parent now.
    create(client, "p2")
    related(client, "INCI-2", "parent", "INCI-3")


def test_at_most_one_parent(tenant):
    client = tenant.writer
    for name in ("p1", "p2", "c"):
        create(client, name)
    related(client, "INCI-3", "parent", "INCI-1")
    before = read(client, "INCI-2")
    response = relate(client, "INCI-3", "parent", "INCI-2")
    assert response.status_code == 409, response.content
    assert error_code(response) == "has_parent"
    response = relate(client, "INCI-2", "child", "INCI-3")
    assert response.status_code == 409, response.content
    assert error_code(response) == "has_parent"
    assert read(client, "INCI-2") == before
    assert short(read(client, "INCI-3")["reference"]) == [("parent", "INCI-1")]


def test_a_cycle_is_refused(tenant):
    client = tenant.writer
    for name in ("a", "b", "c"):
        create(client, name)
    related(client, "INCI-2", "parent", "INCI-1")  # 1 > 2
    related(client, "INCI-3", "parent", "INCI-2")  # 1 > 2 > 3
    before = [read(client, f"INCI-{n}") for n in (1, 2, 3)]
    for ref, kind, other in (("INCI-1", "parent", "INCI-3"), ("INCI-3", "child", "INCI-1")):
        response = relate(client, ref, kind, other)
        assert response.status_code == 400, response.content
        assert (error_code(response), response.json()["errors"][0]["attr"]) == (
            "cycle",
            "incident",
        )
    assert [read(client, f"INCI-{n}") for n in (1, 2, 3)] == before


def parents(client, count: int) -> dict[str, str | None]:
    """display id -> its parent's display id (None: no parent), of INCI-1..count."""
    out = {}
    for n in range(1, count + 1):
        up = [
            e["display_id"] for e in read(client, f"INCI-{n}")["reference"] if e["type"] == "parent"
        ]
        out[f"INCI-{n}"] = up[0] if up else None
    return out


def has_cycle(parent_of: dict[str, str | None]) -> bool:
    for start in parent_of:
        seen, current = set(), start
        while current is not None:
            if current in seen:
                return True
            seen.add(current)
            current = parent_of[current]
    return False


@pytest.mark.parametrize("size", [2, 3])
def test_links_made_at_once_never_close_a_cycle(tenant, size):
    """Each of `size` calls at once puts INCI-n under the next (the last under INCI-1):
    each alone is fine, all together a cycle. The links are made one at a time, so the
    last sees the others and is refused."""
    for n in range(1, size + 1):
        create(tenant.writer, f"incident {n}")
    calls = [(f"INCI-{n}", f"INCI-{n % size + 1}") for n in range(1, size + 1)]
    barrier = threading.Barrier(size)

    def run(call):
        worker = APIClient()
        worker.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        barrier.wait()
        return relate(worker, call[0], "parent", call[1])

    with ThreadPoolExecutor(size) as pool:
        responses = list(pool.map(run, calls))
    codes = sorted((r.status_code, r.status_code != 200 and error_code(r)) for r in responses)
    assert codes == [(200, False)] * (size - 1) + [(400, "cycle")], codes
    parent_of = parents(tenant.reader, size)
    assert not has_cycle(parent_of)
    assert sum(up is not None for up in parent_of.values()) == size - 1
    for child, parent in parent_of.items():  # both sides of each link, or neither
        children = (
            [
                e["display_id"]
                for e in read(tenant.reader, parent)["reference"]
                if e["type"] == "child"
            ]
            if parent
            else []
        )
        assert parent is None or child in children


def test_an_incident_cannot_be_related_to_itself(tenant):
    create(tenant.writer, "a")
    response = relate(tenant.writer, "INCI-1", "related", "INCI-1")
    assert response.status_code == 400
    assert error_code(response) == "same_incident"


def fill_children(parent_id, count):
    """`count` children on the parent's side, written directly (the API would take long)."""
    entries = [
        {"type": "child", "incident_id": str(ObjectId()), "display_id": f"X-{n}", "summary": "x"}
        for n in range(count)
    ]
    Incident._get_collection().update_one(
        {"_id": ObjectId(parent_id)}, {"$set": {"reference": entries}}
    )


def test_at_most_1000_children_at_the_limit_and_one_past(tenant):
    client = tenant.writer
    parent = create(client, "outage")
    last, extra = create(client, "the 1000th"), create(client, "the 1001st")
    fill_children(parent["incident_id"], 999)
    shown = related(client, parent["display_id"], "child", last["display_id"])
    assert len(refs_of(shown, "child")) == 1000
    response = relate(client, parent["display_id"], "child", extra["display_id"])
    assert response.status_code == 409, response.content
    assert error_code(response) == "too_many_children"
    response = relate(client, extra["display_id"], "parent", parent["display_id"])
    assert error_code(response) == "too_many_children"
    assert read(client, extra["incident_id"])["reference"] == []
    assert len(refs_of(read(client, parent["incident_id"]), "child")) == 1000
    # A PUT of the representation with its 1,000 children still goes through.
    body = read(client, parent["incident_id"])
    body["basic_info"]["summary"] = "outage, still"
    assert client.put(f"{LIST}{parent['incident_id']}/", body, format="json").status_code == 200


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"incident": "INCI-2"}, "type"),
        ({"type": "sibling", "incident": "INCI-2"}, "type"),
        ({"type": "parent"}, "incident"),
        ({"type": "parent", "incident": 2}, "incident"),
        ({"type": "parent", "incident": {"$ne": None}}, "incident"),
        ({"type": "parent", "incident": "x" * 65}, "incident"),
    ],
)
def test_a_malformed_relation_is_400_naming_the_field(tenant, body, attr):
    create(tenant.writer, "a"), create(tenant.writer, "b")
    response = tenant.writer.post(f"{LIST}INCI-1/relations/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == attr
    assert read(tenant.writer, "INCI-1")["reference"] == []


def test_unknown_incidents_are_404(tenant):
    create(tenant.writer, "a")
    assert relate(tenant.writer, "INCI-1", "parent", "INCI-9").status_code == 404
    assert relate(tenant.writer, "INCI-9", "parent", "INCI-1").status_code == 404
    assert tenant.writer.delete(f"{LIST}INCI-1/relations/INCI-9/").status_code == 404
    assert tenant.writer.delete(f"{LIST}INCI-9/relations/INCI-1/").status_code == 404


def test_a_read_key_cannot_relate(tenant):
    create(tenant.writer, "a"), create(tenant.writer, "b")
    assert relate(tenant.reader, "INCI-1", "related", "INCI-2").status_code == 403
    related(tenant.writer, "INCI-1", "related", "INCI-2")
    assert tenant.reader.delete(f"{LIST}INCI-1/relations/INCI-2/").status_code == 403


def test_resolving_a_parent_resolves_its_open_children_and_reports_each(tenant):
    client = tenant.writer
    parent = create(client, "outage")
    children = [create(client, f"child {n}") for n in range(3)]
    done = create(client, "already resolved")
    for child in [*children, done]:
        related(client, child["display_id"], "parent", parent["display_id"])
    client.post(
        LIST + "inci_resolve/",
        {"incident_id": done["incident_id"], "resolution_type": "Fixed", "closure_note": "x"},
        format="json",
    )
    response = client.post(
        LIST + "inci_resolve/", {"incident_id": "INCI-1", **RESOLVE}, format="json"
    )
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["ok"] is True
    assert result["children"] == [
        {
            "incident_id": c["incident_id"],
            "display_id": c["display_id"],
            "ok": True,
            "status": "Resolved",
        }
        for c in children
    ]
    for child in children:
        shown = read(client, child["incident_id"])
        assert shown["basic_info"]["status"] == "Resolved"
        assert shown["close_info"]["resolution_type"] == "Workaround"
        assert "INCI-1" in shown["close_info"]["closure_note"]
    assert read(client, done["incident_id"])["close_info"]["resolution_type"] == "Fixed"
    statuses = {e["display_id"]: e["status"] for e in refs_of(read(client, "INCI-1"), "child")}
    assert statuses == {
        "INCI-2": "Resolved",
        "INCI-3": "Resolved",
        "INCI-4": "Resolved",
        "INCI-5": "New",
    }  # the last as linked: it was not resolved with it
    assert result["incident"] == read(client, "INCI-1")


def test_a_child_that_cannot_move_is_reported_not_skipped(tenant, monkeypatch):
    client = tenant.writer
    create(client, "outage")
    stuck, fine = create(client, "stuck"), create(client, "fine")
    for child in (stuck, fine):
        related(client, child["display_id"], "parent", "INCI-1")
    real = incidents_public.incident_resolve

    def resolve(*, incident, **kwargs):
        if str(incident.id) == stuck["incident_id"]:
            raise TransitionError(
                "missing_field", "closure_code is required to resolve.", field="closure_code"
            )
        return real(incident=incident, **kwargs)

    monkeypatch.setattr(incidents_public, "incident_resolve", resolve)
    response = client.post(
        LIST + "inci_resolve/", {"incident_id": "INCI-1", **RESOLVE}, format="json"
    )
    (result,) = response.json()["results"]
    assert result["ok"] is True
    first, second = result["children"]
    assert (first["display_id"], first["ok"], first["status"]) == ("INCI-2", False, "New")
    assert first["error"] == {
        "status": 400,
        "code": "required",
        "detail": "closure_code is required to resolve.",
        "attr": "closure_code",
    }
    assert (second["display_id"], second["ok"], second["status"]) == ("INCI-3", True, "Resolved")
    assert read(client, stuck["incident_id"])["basic_info"]["status"] == "New"


def test_an_incident_without_children_resolves_as_before(tenant):
    create(tenant.writer, "alone")
    response = tenant.writer.post(
        LIST + "inci_resolve/", {"incident_id": "INCI-1", **RESOLVE}, format="json"
    )
    (result,) = response.json()["results"]
    assert result["ok"] is True and "children" not in result


def children_queries(monkeypatch) -> list:
    """The filters of the finds on the incidents collection that look for children."""
    finds = calls_to(monkeypatch, Incident, "find")
    return lambda: [args[0] for args in finds if args and "parent_incident_id" in args[0]]


def test_resolving_an_incident_without_child_entries_sends_no_children_query(tenant, monkeypatch):
    client = tenant.writer
    create(client, "alone"), create(client, "a child of another"), create(client, "parent")
    related(client, "INCI-2", "parent", "INCI-3")  # a parent and a related incident elsewhere
    related(client, "INCI-1", "related", "INCI-2")
    create(client, "an open child")
    related(client, "INCI-4", "parent", "INCI-3")
    queries = children_queries(monkeypatch)
    response = client.post(
        LIST + "inci_resolve/",
        {"incident_ids": ["INCI-1", "INCI-2"], **RESOLVE},
        format="json",
    )
    assert [r["ok"] for r in response.json()["results"]] == [True, True]
    assert queries() == []
    # A parent still looks for its children, and resolves them.
    response = client.post(
        LIST + "inci_resolve/", {"incident_id": "INCI-3", **RESOLVE}, format="json"
    )
    (result,) = response.json()["results"]
    assert [(c["display_id"], c["status"]) for c in result["children"]] == [
        ("INCI-4", "Resolved")
    ]  # INCI-2 was resolved already
    assert len(queries()) == 1


def test_a_relation_removed_from_the_child_leaves_the_parent_entry_until_the_child_is_free(
    tenant, monkeypatch
):
    """The child's side is dropped first, whichever side the call names: a removal that
    stops half-way never leaves a child that its parent does not list (and so would not
    resolve)."""
    from relations.services import links

    client = tenant.writer
    create(client, "parent"), create(client, "child")
    related(client, "INCI-2", "parent", "INCI-1")
    real, written = links._commit, []

    def first_only(principal, incident, plan):
        if written:
            raise RuntimeError("the process died here")
        written.append(incident.display_id)
        return real(principal, incident, plan)

    monkeypatch.setattr(links, "_commit", first_only)
    with pytest.raises(RuntimeError):
        client.delete(f"{LIST}INCI-2/relations/INCI-1/")  # named from the child
    monkeypatch.setattr(links, "_commit", real)
    assert written == ["INCI-2"]
    assert refs_of(read(client, "INCI-2"), "parent") == []
    assert short(refs_of(read(client, "INCI-1"), "child")) == [("child", "INCI-2")]
    written.clear()
    monkeypatch.setattr(links, "_commit", first_only)
    create(client, "child 2")
    monkeypatch.setattr(links, "_commit", real)
    related(client, "INCI-3", "parent", "INCI-1")
    monkeypatch.setattr(links, "_commit", first_only)
    with pytest.raises(RuntimeError):
        client.delete(f"{LIST}INCI-1/relations/INCI-3/")  # named from the parent
    assert written == ["INCI-3"]


def test_list_filters_parent_and_has_children(tenant, other_tenant):
    client = tenant.writer
    for name in ("p1", "p2", "a", "b", "c", "loner"):
        create(client, name)
    related(client, "INCI-3", "parent", "INCI-1")
    related(client, "INCI-4", "parent", "INCI-1")
    related(client, "INCI-5", "parent", "INCI-2")
    related(client, "INCI-6", "related", "INCI-1")

    def listed(**query):
        response = client.get(LIST, query)
        assert response.status_code == 200, response.content
        return sorted(i["display_id"] for i in response.json())

    assert listed(parent="INCI-1") == ["INCI-3", "INCI-4"]
    assert listed(parent=read(client, "INCI-2")["incident_id"]) == ["INCI-5"]
    assert listed(parent="INCI-3") == []
    assert listed(parent="INCI-99") == []
    assert listed(has_children="true") == ["INCI-1", "INCI-2"]
    assert listed(has_children="false") == ["INCI-3", "INCI-4", "INCI-5", "INCI-6"]
    assert listed(has_children="true", parent="INCI-1") == []
    # Another organization's INCI-1 has no children of ours, nor we of it.
    create(other_tenant.writer, "theirs")
    assert other_tenant.writer.get(LIST, {"parent": "INCI-1"}).json() == []
    assert other_tenant.writer.get(LIST, {"has_children": "true"}).json() == []
    for bad in ({"has_children": "yes"}, {"parent": "x" * 65}):
        response = client.get(LIST, bad)
        assert response.status_code == 400, response.content
        assert response.json()["errors"][0]["attr"] == next(iter(bad))


def test_at_most_100_related_at_the_limit_and_one_past(tenant):
    client = tenant.writer
    hub = create(client, "hub")
    last, extra = create(client, "the 100th"), create(client, "the 101st")
    entries = [
        {"type": "related", "incident_id": str(ObjectId()), "display_id": f"X-{n}", "summary": "x"}
        for n in range(99)
    ]
    Incident._get_collection().update_one(
        {"_id": ObjectId(hub["incident_id"])}, {"$set": {"reference": entries}}
    )
    assert len(refs_of(related(client, "INCI-1", "related", "INCI-2"), "related")) == 100
    response = relate(client, "INCI-3", "related", "INCI-1")
    assert response.status_code == 409, response.content
    assert error_code(response) == "too_many_related"
    # The side written first is undone: the 101st has no relation either.
    assert read(client, extra["incident_id"])["reference"] == []
    assert short(read(client, last["incident_id"])["reference"]) == [("related", "INCI-1")]
