"""`POST incident/merge/`: duplicates folded into one incident."""

import pytest
from bson import ObjectId

from conversations.documents import Conversation
from incidents.documents import Incident
from relations.documents import MergeClaim, MergeRecord
from tests.relations.helpers import (
    LIST,
    attach,
    attachments_of,
    conversations_of,
    create,
    error_code,
    history_actions,
    merge,
    merged,
    note,
    read,
    refs_of,
)

RESOLVE = {"resolution_type": "Fixed", "closure_note": "rebooted"}


@pytest.fixture
def desk(tenant):
    """A target and two sources, each source with a note and a file."""
    client = tenant.writer
    target = create(client, "VPN down for everyone", requester_email="boss@example.com")
    sources = [
        create(client, f"VPN down {n}", requester_email=f"user{n}@example.com") for n in (1, 2)
    ]
    for source in sources:
        note(client, source["incident_id"], f"note on {source['display_id']}")
        attach(client, source["incident_id"], f"{source['display_id']}.txt")
    return client, target, sources


def test_a_merge_closes_the_sources_as_duplicates_naming_the_target(desk):
    client, target, sources = desk
    body = merged(client, target["display_id"], [s["display_id"] for s in sources], note="Same")
    assert [r["incident_id"] for r in body["results"]] == ["INCI-2", "INCI-3"]
    assert all(r["ok"] for r in body["results"])
    for result, source in zip(body["results"], sources, strict=True):
        again = read(client, source["incident_id"])
        assert result["incident"] == again
        assert again["basic_info"]["status"] == "Closed"
        assert again["basic_info"]["state"] == "Closed"
        assert again["basic_info"]["resolution_type"] == "Duplicate"
        assert again["close_info"]["resolution_type"] == "Duplicate"
        assert again["close_info"]["merged_into"] == {
            "incident_id": target["incident_id"],
            "display_id": "INCI-1",
        }
        assert "Merged into INCI-1." in again["close_info"]["closure_note"]
        assert "Same" in again["close_info"]["closure_note"]
        assert "merged_into" in history_actions(client, source["incident_id"])


def test_the_target_shows_the_sources_references_watchers_and_a_public_note(desk):
    client, target, sources = desk
    body = merged(client, target["incident_id"], [s["incident_id"] for s in sources])
    shown = read(client, target["incident_id"])
    assert body["target"] == shown
    assert shown["is_merge_incident"] is True
    assert refs_of(shown, "merged") == [
        {
            "type": "merged",
            "incident_id": s["incident_id"],
            "display_id": s["display_id"],
            "summary": s["basic_info"]["summary"],
        }
        for s in sources
    ]
    assert shown["current_watcher"] == ["user1@example.com", "user2@example.com"]
    assert history_actions(client, target["incident_id"]).count("merged") >= 2
    thread = conversations_of(client, target["incident_id"])
    (record,) = [c for c in thread if c["merged_from"] is None]
    assert record["kind"] == "reply" and record["is_private"] is False
    assert "INCI-2, INCI-3" in record["body_text"]


def test_conversations_and_files_show_on_the_target_marked_with_their_origin(desk):
    client, target, sources = desk
    merged(client, target["display_id"], [s["display_id"] for s in sources])
    moved = [c for c in conversations_of(client, target["incident_id"]) if c["merged_from"]]
    assert [(c["body_text"], c["merged_from"]["display_id"]) for c in moved] == [
        ("note on INCI-2", "INCI-2"),
        ("note on INCI-3", "INCI-3"),
    ]
    assert all(c["incident_id"] == target["incident_id"] for c in moved)
    files = attachments_of(client, target["incident_id"])
    assert [(f["file_name"], f["merged_from"]["incident_id"]) for f in files] == [
        ("INCI-2.txt", sources[0]["incident_id"]),
        ("INCI-3.txt", sources[1]["incident_id"]),
    ]
    download = client.get(files[0]["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"hello INCI-2.txt"
    for source in sources:
        assert conversations_of(client, source["incident_id"]) == []
        assert attachments_of(client, source["incident_id"]) == []
    data = client.get(f"{LIST}incident-data/{target['incident_id']}/").json()
    assert data["conversation_count"] == 3  # two moved, and the merge's note
    assert len(data["attachments"]) == 2


def test_an_origin_survives_a_second_merge(tenant):
    client = tenant.writer
    first, second, third = (create(client, name) for name in ("a", "b", "c"))
    note(client, third["incident_id"], "written on c")
    merged(client, second["display_id"], [third["display_id"]])
    merged(client, first["display_id"], [second["display_id"]])
    (moved,) = [
        c
        for c in conversations_of(client, first["incident_id"])
        if c["body_text"] == "written on c"
    ]
    assert moved["merged_from"]["display_id"] == "INCI-3"


def test_each_source_is_refused_on_its_own_with_a_clear_code(tenant, other_tenant):
    client = tenant.writer
    target = create(client, "target")
    good = create(client, "good")
    closed = create(client, "closed")
    client.post(
        LIST + "inci_resolve/", {"incident_id": closed["incident_id"], **RESOLVE}, format="json"
    )
    client.post(LIST + "close_inci_request/", {"incident_id": closed["incident_id"]}, format="json")
    assert read(client, closed["incident_id"])["basic_info"]["status"] == "Closed"
    trashed = create(client, "trashed")
    assert client.delete(f"{LIST}{trashed['incident_id']}/").status_code == 204
    elsewhere = create(client, "elsewhere")
    taken = create(client, "taken")
    merged(client, elsewhere["display_id"], [taken["display_id"]])
    foreign = create(other_tenant.writer, "foreign secret")
    refs = [
        good["display_id"],
        target["display_id"],
        closed["incident_id"],
        trashed["display_id"],
        taken["display_id"],  # merged into "elsewhere"
        foreign["incident_id"],
        "INCI-999",
        "not-an-id",
        good["incident_id"],  # the same incident again
    ]
    before = {i.id: i.version for i in Incident.objects}
    body = merged(client, target["display_id"], refs)
    outcome = [(r["ok"], r.get("error", {}).get("code")) for r in body["results"]]
    assert outcome == [
        (True, None),
        (False, "same_as_target"),
        (False, "source_closed"),
        (False, "source_deleted"),
        (False, "already_merged"),
        (False, "not_found"),
        (False, "not_found"),
        (False, "not_found"),
        (False, "duplicate"),
    ]
    assert [r["incident_id"] for r in body["results"]] == refs
    statuses = [r.get("error", {}).get("status") for r in body["results"]]
    assert statuses == [None, 400, 409, 409, 409, 404, 404, 404, 400]
    assert [r.get("error", {}).get("attr") for r in body["results"]][1:] == [
        f"sources.{n}" for n in range(1, 9)
    ]
    assert "secret" not in str(body["results"][5])
    changed = {i.id for i in Incident.objects if before.get(i.id) != i.version}
    assert changed == {ObjectId(target["incident_id"]), ObjectId(good["incident_id"])}
    assert refs_of(body["target"], "merged")[0]["display_id"] == good["display_id"]


@pytest.mark.parametrize("end", ["closed", "cancelled", "trashed"])
def test_a_closed_or_deleted_target_refuses_the_whole_call(tenant, end):
    client = tenant.writer
    target = create(client, "target")
    source = create(client, "source")
    ref = target["incident_id"]
    if end == "closed":
        client.post(LIST + "inci_resolve/", {"incident_id": ref, **RESOLVE}, format="json")
        client.post(LIST + "close_inci_request/", {"incident_id": ref}, format="json")
    elif end == "cancelled":
        client.post(
            LIST + "close_inci_request/", {"incident_id": ref, "reason": "dup"}, format="json"
        )
    else:
        client.delete(f"{LIST}{ref}/")
    before = list(Incident._get_collection().find({}, {"history": 0}))
    response = merge(client, ref, [source["incident_id"]])
    assert response.status_code == 409, response.content
    assert error_code(response) == ("target_deleted" if end == "trashed" else "target_closed")
    assert list(Incident._get_collection().find({}, {"history": 0})) == before
    assert MergeRecord.objects.count() == 0 and MergeClaim.objects.count() == 0


def test_an_unknown_or_foreign_target_is_404(tenant, other_tenant):
    client = tenant.writer
    source = create(client, "source")
    foreign = create(other_tenant.writer, "foreign")
    for ref in ("INCI-99", foreign["incident_id"], "0" * 24):
        response = merge(client, ref, [source["incident_id"]])
        assert response.status_code == 404, response.content
        assert error_code(response) == "not_found"
    assert read(client, source["incident_id"])["basic_info"]["status"] == "New"


def test_at_most_100_sources(tenant):
    client = tenant.writer
    target = create(client, "target")
    refs = [create(client, f"dup {n}")["display_id"] for n in range(101)]
    response = merge(client, target["display_id"], refs)
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == "sources"
    assert MergeRecord.objects.count() == 0
    body = merged(client, target["display_id"], refs[:100])
    assert sum(r["ok"] for r in body["results"]) == 100
    assert len(refs_of(read(client, target["display_id"]), "merged")) == 100
    assert read(client, refs[100])["basic_info"]["status"] == "New"


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"sources": ["INCI-2"]}, "target"),
        ({"target": "INCI-1"}, "sources"),
        ({"target": "INCI-1", "sources": []}, "sources"),
        ({"target": "INCI-1", "sources": "INCI-2"}, "sources"),
        ({"target": "INCI-1", "sources": [2]}, "sources.0"),
        ({"target": {"$ne": None}, "sources": ["INCI-2"]}, "target"),
        ({"target": "INCI-1", "sources": ["INCI-2"], "note": "x" * 10_001}, "note"),
    ],
)
def test_a_malformed_body_is_400_naming_the_field(tenant, body, attr):
    create(tenant.writer, "target")
    create(tenant.writer, "source")
    response = tenant.writer.post(LIST + "merge/", body, format="json")
    assert response.status_code == 400, response.content
    assert attr in [e["attr"] for e in response.json()["errors"]]
    assert Incident.objects(is_merge_incident=True).count() == 0


def test_a_note_at_its_limit_is_taken(tenant):
    target, source = create(tenant.writer, "t"), create(tenant.writer, "s")
    body = merged(tenant.writer, target["display_id"], [source["display_id"]], note="n" * 10_000)
    assert body["results"][0]["ok"] is True


def test_a_read_key_cannot_merge(tenant):
    target, source = create(tenant.writer, "t"), create(tenant.writer, "s")
    response = merge(tenant.reader, target["display_id"], [source["display_id"]])
    assert response.status_code == 403
    assert read(tenant.reader, source["display_id"])["basic_info"]["status"] == "New"


def test_the_same_call_again_answers_the_same_and_writes_nothing(desk):
    client, target, sources = desk
    refs = [s["display_id"] for s in sources]
    first = merged(client, target["display_id"], refs)
    before = list(Incident._get_collection().find({}))
    count = Conversation.objects.count()
    second = merged(client, target["display_id"], refs)
    assert second == first
    assert list(Incident._get_collection().find({})) == before
    assert Conversation.objects.count() == count


def test_a_put_or_patch_keeps_the_merge_references(desk):
    client, target, sources = desk
    merged(client, target["display_id"], [sources[0]["display_id"]])
    ref = target["incident_id"]
    patched = client.patch(f"{LIST}{ref}/", {"reference": [{"ticket": "EXT-1"}]}, format="json")
    assert patched.status_code == 200, patched.content
    kinds = [item.get("type") for item in patched.json()["reference"]]
    assert kinds == ["merged", None]
    forged = {"type": "merged", "incident_id": sources[1]["incident_id"]}
    shown = read(client, ref)
    response = client.put(f"{LIST}{ref}/", {**shown, "reference": [forged]}, format="json")
    assert response.status_code == 200, response.content
    assert refs_of(response.json(), "merged") == refs_of(shown, "merged")
    assert [item for item in response.json()["reference"] if "type" not in item] == []


def test_own_references_at_the_limit_and_one_past(tenant):
    client = tenant.writer
    incident = create(client, "x")
    url = f"{LIST}{incident['incident_id']}/"
    ok = client.patch(url, {"reference": [{"n": n} for n in range(200)]}, format="json")
    assert ok.status_code == 200, ok.content
    over = client.patch(url, {"reference": [{"n": n} for n in range(201)]}, format="json")
    assert over.status_code == 400, over.content
    assert over.json()["errors"][0]["attr"] == "reference"
    assert len(read(client, incident["incident_id"])["reference"]) == 200
