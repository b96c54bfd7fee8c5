"""Attachments follow their incident (detail page, trash, restore, permanent delete),
and another organization's attachments and incidents do not exist for the caller."""

import pytest

from attachments.documents import Attachment
from tests.attachments.helpers import (
    INCIDENTS,
    LIST,
    counts,
    create_conversation,
    create_incident,
    detail_url,
    download_url,
    png_bytes,
    post_json,
    post_multipart,
    read_download,
)


def incident_data(client, ref):
    return client.get(f"{INCIDENTS}incident-data/{ref}/")


def attach(client, iid, *files, **fields) -> list[dict]:
    response = post_json(client, iid, *files, **fields)
    assert response.status_code == 201, response.content
    return response.json()


def trash(client, iid):
    assert client.delete(f"{INCIDENTS}{iid}/").status_code == 204


def restore(client, iid):
    response = client.post(f"{INCIDENTS}restore_incident/", {"incident_ids": [iid]}, format="json")
    assert response.status_code == 200, response.content
    assert [r["ok"] for r in response.json()["results"]] == [True]


def delete_for_good(client, iid):
    return client.post(
        f"{INCIDENTS}delete_incident/", {"incident_ids": [iid], "permanent": True}, format="json"
    )


# --- the incident's detail page and lifecycle -----------------------------------------


def test_incident_data_lists_the_attachments(tenant, iid):
    conversation = create_conversation(tenant.writer, iid)
    first = attach(tenant.writer, iid, ("a.txt", b"a"))
    second = attach(
        tenant.writer, iid, ("b.png", png_bytes()), conversation_id=conversation["conversation_id"]
    )
    other = create_incident(tenant.writer, "other")
    attach(tenant.writer, other["incident_id"], ("elsewhere.txt", b"x"))

    response = incident_data(tenant.reader, iid)
    assert response.status_code == 200
    assert response.json()["attachments"] == first + second


def test_trashed_incident_keeps_its_attachments_out_of_reach_until_restored(tenant, iid):
    conversation = create_conversation(tenant.writer, iid)
    [meta] = attach(tenant.writer, iid, ("a.png", png_bytes()))
    attach(tenant.writer, iid, ("c.txt", b"c"), conversation_id=conversation["conversation_id"])
    before = counts()
    aid = meta["attachment_id"]

    trash(tenant.writer, iid)
    assert counts() == before
    assert tenant.reader.get(LIST, {"incident_id": iid}).status_code == 404
    assert tenant.reader.get(detail_url(aid)).status_code == 404
    assert tenant.reader.get(download_url(aid)).status_code == 404
    assert tenant.writer.delete(detail_url(aid)).status_code == 404
    assert post_json(tenant.writer, iid, ("new.txt", b"n")).status_code == 404
    assert post_multipart(tenant.writer, iid, ("new.txt", b"n")).status_code == 404
    assert incident_data(tenant.reader, iid).status_code == 404
    assert counts() == before

    restore(tenant.writer, iid)
    listed = tenant.reader.get(LIST, {"incident_id": iid})
    assert listed.status_code == 200
    assert [m["file_name"] for m in listed.json()] == ["a.png", "c.txt"]
    assert tenant.reader.get(detail_url(aid)).json() == meta
    assert read_download(tenant.reader.get(download_url(aid))) == png_bytes()
    assert len(incident_data(tenant.reader, iid).json()["attachments"]) == 2


@pytest.mark.parametrize("trashed_first", [False, True], ids=["live", "from-trash"])
def test_permanent_delete_removes_attachments_and_their_bytes(tenant, iid, trashed_first):
    conversation = create_conversation(tenant.writer, iid)
    gone = attach(tenant.writer, iid, ("a.png", png_bytes()), ("b.txt", b"b"))
    gone += attach(
        tenant.writer, iid, ("c.txt", b"c"), conversation_id=conversation["conversation_id"]
    )
    other = create_incident(tenant.writer, "other")
    [kept] = attach(tenant.writer, other["incident_id"], ("kept.txt", b"kept"))
    if trashed_first:
        trash(tenant.writer, iid)

    response = delete_for_good(tenant.admin, iid)
    assert response.status_code == 200, response.content
    assert [r["ok"] for r in response.json()["results"]] == [True]

    assert counts() == {"attachments": 1, "files": 1, "chunks": 1}
    assert str(Attachment.objects.get().id) == kept["attachment_id"]
    for meta in gone:
        assert tenant.reader.get(detail_url(meta["attachment_id"])).status_code == 404
        assert tenant.reader.get(download_url(meta["attachment_id"])).status_code == 404
    assert read_download(tenant.reader.get(download_url(kept["attachment_id"]))) == b"kept"


def test_permanent_delete_needs_an_admin_key_and_keeps_everything_otherwise(tenant, iid):
    attach(tenant.writer, iid, ("a.png", png_bytes()))
    before = counts()
    response = delete_for_good(tenant.writer, iid)
    assert response.status_code == 403
    assert counts() == before


# --- another organization ---------------------------------------------------------------


@pytest.fixture
def theirs(other_tenant):
    """The other organization's incident INCI-1 with one attachment on a conversation."""
    incident = create_incident(other_tenant.writer, "theirs")
    conversation = create_conversation(other_tenant.writer, incident["incident_id"])
    [meta] = attach(
        other_tenant.writer,
        incident["incident_id"],
        ("secret.png", png_bytes()),
        conversation_id=conversation["conversation_id"],
    )
    return {"incident": incident, "conversation": conversation, "attachment": meta}


def test_another_orgs_attachment_is_404_on_metadata_download_and_delete(tenant, theirs):
    aid = theirs["attachment"]["attachment_id"]
    before = counts()
    for client in (tenant.reader, tenant.writer, tenant.admin):
        for response in (
            client.get(detail_url(aid)),
            client.get(download_url(aid)),
            client.get(download_url(aid), HTTP_IF_NONE_MATCH=theirs["attachment"]["sha256"]),
            client.get(download_url(aid), HTTP_IF_NONE_MATCH=f'"{theirs["attachment"]["sha256"]}"'),
        ):
            assert response.status_code == 404
            assert not getattr(response, "streaming", False)
            assert b"secret" not in response.content
    # A read key is refused for its scope, as it is for an id that does not exist at all.
    assert tenant.reader.delete(detail_url(aid)).status_code == 403
    assert tenant.reader.delete(detail_url("0" * 24)).status_code == 403
    assert tenant.writer.delete(detail_url(aid)).status_code == 404
    assert tenant.admin.delete(detail_url(aid)).status_code == 404
    assert counts() == before


def test_another_orgs_incident_cannot_be_uploaded_to_or_listed(tenant, other_tenant, theirs):
    their_id = theirs["incident"]["incident_id"]
    before = counts()
    for ref in (their_id, theirs["incident"]["display_id"]):
        assert post_json(tenant.writer, ref, ("x.txt", b"x")).status_code == 404
        assert post_multipart(tenant.writer, ref, ("x.txt", b"x")).status_code == 404
        assert tenant.reader.get(LIST, {"incident_id": ref}).status_code == 404
        assert incident_data(tenant.reader, ref).status_code == 404
    assert counts() == before
    listed = other_tenant.reader.get(LIST, {"incident_id": their_id})
    assert [m["attachment_id"] for m in listed.json()] == [theirs["attachment"]["attachment_id"]]


def test_another_orgs_conversation_cannot_be_uploaded_to(tenant, iid, theirs):
    before = counts()
    cid = theirs["conversation"]["conversation_id"]
    assert post_json(tenant.writer, iid, ("x.txt", b"x"), conversation_id=cid).status_code == 404
    response = post_multipart(tenant.writer, iid, ("x.txt", b"x"), conversation_id=cid)
    assert response.status_code == 404
    assert counts() == before
    listed = tenant.reader.get(LIST, {"incident_id": iid, "conversation_id": cid})
    assert listed.status_code in (200, 404)
    if listed.status_code == 200:
        assert listed.json() == []


def test_same_display_id_resolves_to_the_callers_own_incident(tenant, other_tenant, theirs):
    mine = create_incident(tenant.writer, "mine")
    assert mine["display_id"] == theirs["incident"]["display_id"] == "INCI-1"
    [meta] = attach(tenant.writer, "INCI-1", ("mine.txt", b"mine"))
    assert meta["incident_id"] == mine["incident_id"]
    theirs_listed = other_tenant.reader.get(LIST, {"incident_id": "INCI-1"}).json()
    assert [m["file_name"] for m in theirs_listed] == ["secret.png"]
    mine_listed = tenant.reader.get(LIST, {"incident_id": "INCI-1"}).json()
    assert [m["file_name"] for m in mine_listed] == ["mine.txt"]


def test_permanent_delete_of_my_incident_leaves_theirs(tenant, iid, other_tenant, theirs):
    attach(tenant.writer, iid, ("mine.txt", b"mine"))
    assert delete_for_good(tenant.admin, iid).status_code == 200
    assert counts() == {"attachments": 1, "files": 1, "chunks": 1}
    aid = theirs["attachment"]["attachment_id"]
    assert read_download(other_tenant.reader.get(download_url(aid))) == png_bytes()
