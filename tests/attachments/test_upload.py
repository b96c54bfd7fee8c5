"""POST incident/add-attachment/: both forms, round trip, type detection, conversations."""

import hashlib
import random

import pytest
from bson import ObjectId

from attachments.documents import Attachment
from tests.attachments.helpers import (
    NOTHING,
    counts,
    create_conversation,
    create_incident,
    download_url,
    error_attrs,
    png_bytes,
    post_json,
    post_multipart,
    read_download,
    sha256,
)

TEXT = "Grüße aus dem Büro\nzweite Zeile\n".encode()
RANDOM = random.Random(1234).randbytes(4096)


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
def test_upload_round_trips_byte_for_byte(tenant, incident, post):
    iid = incident["incident_id"]
    data = RANDOM + png_bytes() + TEXT
    response = post(tenant.writer, iid, ("blob.bin", data))
    assert response.status_code == 201, response.content
    [meta] = response.json()
    assert meta["incident_id"] == iid
    assert meta["conversation_id"] is None
    assert meta["file_name"] == meta["original_name"] == "blob.bin"
    assert meta["size"] == len(data)
    assert meta["sha256"] == hashlib.sha256(data).hexdigest()
    assert meta["content_type"] == "application/octet-stream"
    assert meta["uploader_id"]
    assert meta["uploaded_at"].endswith("Z")
    assert ObjectId.is_valid(meta["attachment_id"])
    assert meta["download_url"].endswith(download_url(meta["attachment_id"]))
    assert meta["download_url"].startswith("http")

    downloaded = tenant.reader.get(download_url(meta["attachment_id"]))
    assert downloaded.status_code == 200
    body = read_download(downloaded)
    assert body == data
    assert hashlib.sha256(body).hexdigest() == meta["sha256"]
    assert counts()["attachments"] == 1
    assert counts()["files"] == 1


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
def test_several_files_in_one_request_are_all_stored_in_order(tenant, iid, post):
    files = [("a.txt", b"first\n"), ("b.png", png_bytes()), ("c.bin", RANDOM)]
    response = post(tenant.writer, iid, *files)
    assert response.status_code == 201, response.content
    body = response.json()
    assert [m["file_name"] for m in body] == ["a.txt", "b.png", "c.bin"]
    assert [m["sha256"] for m in body] == [sha256(data) for _, data in files]
    assert len({m["attachment_id"] for m in body}) == 3
    assert counts()["attachments"] == 3
    assert counts()["files"] == 3
    for meta, (_, data) in zip(body, files, strict=True):
        assert read_download(tenant.reader.get(download_url(meta["attachment_id"]))) == data


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
@pytest.mark.parametrize(
    ("data", "claimed", "detected"),
    [
        (png_bytes(), "application/octet-stream", "image/png"),
        (png_bytes(), "text/plain", "image/png"),
        (TEXT, "image/png", "text/plain"),
        (b"plain ascii text\n", "application/pdf", "text/plain"),
        (RANDOM, "image/png", "application/octet-stream"),
        (RANDOM, "text/plain", "application/octet-stream"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "image/png", "application/pdf"),
    ],
    ids=[
        "png-as-octet",
        "png-as-text",
        "text-as-png",
        "ascii-as-pdf",
        "random-as-png",
        "random-as-text",
        "pdf-as-png",
    ],
)
def test_content_type_is_detected_from_the_bytes_not_the_claim(
    tenant, iid, post, data, claimed, detected
):
    response = post(tenant.writer, iid, ("file", data, claimed))
    assert response.status_code == 201, response.content
    [meta] = response.json()
    assert meta["content_type"] == detected
    stored = Attachment.objects.get(id=meta["attachment_id"])
    assert stored.content_type == detected
    assert stored.claimed_content_type == claimed
    downloaded = tenant.reader.get(download_url(meta["attachment_id"]))
    assert downloaded["Content-Type"] == "application/octet-stream"  # detected: metadata
    assert downloaded["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "data",
    [b"\x80\x81\x82", b"\xff", b"hello\xff", b"\x00" * 64, b"\x00\x01\x02\x03binary\x00"],
    ids=["3-high-bytes", "1-byte", "text-then-ff", "nul-bytes", "controls"],
)
def test_short_binary_is_not_detected_as_text(tenant, iid, data):
    """A small file that is not valid UTF-8 text (or is NULs) is not text/plain."""
    response = post_multipart(tenant.writer, iid, ("f", data))
    assert response.status_code == 201, response.content
    assert response.json()[0]["content_type"] == "application/octet-stream"


def test_text_with_a_multibyte_character_across_the_sniffed_head_is_text(tenant, iid):
    data = b"a" * 8191 + "é".encode() + b" more text\n"
    response = post_multipart(tenant.writer, iid, ("long.txt", data))
    assert response.status_code == 201
    assert response.json()[0]["content_type"] == "text/plain"


def test_upload_by_display_id(tenant, incident):
    response = post_json(tenant.writer, incident["display_id"], ("x.txt", b"x"))
    assert response.status_code == 201
    assert response.json()[0]["incident_id"] == incident["incident_id"]


def test_uploader_is_the_calling_key(tenant, iid):
    incident = tenant.reader.get(f"/ux/sd/inci/incident/{iid}/").json()
    response = post_json(tenant.writer, iid, ("x.txt", b"x"))
    assert response.json()[0]["uploader_id"] == incident["created_by_id"]


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
def test_upload_to_a_conversation_and_list_by_conversation(tenant, iid, post):
    conversation = create_conversation(tenant.writer, iid)
    cid = conversation["conversation_id"]
    on_incident = post(tenant.writer, iid, ("incident.txt", b"on the incident"))
    on_conversation = post(tenant.writer, iid, ("conv.txt", b"on the conv"), conversation_id=cid)
    assert on_incident.status_code == 201
    assert on_conversation.status_code == 201, on_conversation.content
    assert on_conversation.json()[0]["conversation_id"] == cid

    everything = tenant.reader.get("/ux/sd/inci/incident/attachment/", {"incident_id": iid})
    assert [m["file_name"] for m in everything.json()] == ["incident.txt", "conv.txt"]
    only_conv = tenant.reader.get(
        "/ux/sd/inci/incident/attachment/", {"incident_id": iid, "conversation_id": cid}
    )
    assert only_conv.status_code == 200
    assert [m["file_name"] for m in only_conv.json()] == ["conv.txt"]
    assert only_conv["X-Total-Count"] == "1"


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
def test_conversation_of_another_incident_is_404_and_nothing_stored(tenant, iid, post):
    other = create_incident(tenant.writer, "another")
    conversation = create_conversation(tenant.writer, other["incident_id"])
    response = post(
        tenant.writer, iid, ("x.txt", b"x"), conversation_id=conversation["conversation_id"]
    )
    assert response.status_code == 404
    assert counts() == NOTHING


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
def test_unknown_conversation_is_404(tenant, iid, post):
    response = post(tenant.writer, iid, ("x.txt", b"x"), conversation_id="a" * 24)
    assert response.status_code == 404
    assert counts() == NOTHING


@pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])
@pytest.mark.parametrize("bad", ["z" * 24, "1234", "a" * 25, "$ne"])
def test_malformed_conversation_id_is_400_naming_it(tenant, iid, post, bad):
    response = post(tenant.writer, iid, ("x.txt", b"x"), conversation_id=bad)
    assert response.status_code == 400
    assert "conversation_id" in error_attrs(response)
    assert counts() == NOTHING


def test_missing_incident_id_is_400_naming_it(tenant):
    multipart = post_multipart(tenant.writer, None, ("x.txt", b"x"))
    json = tenant.writer.post(
        "/ux/sd/inci/incident/add-attachment/",
        {"files": [{"file_name": "x.txt", "content_base64": "eA=="}]},
        format="json",
    )
    for response in (multipart, json):
        assert response.status_code == 400, response.content
        assert error_attrs(response) == ["incident_id"]
    assert counts() == NOTHING


@pytest.mark.parametrize("ref", ["f" * 24, "INCI-999", "nonsense", "{'$ne': 1}"])
def test_unknown_incident_is_404_and_nothing_stored(tenant, incident, ref):
    response = post_json(tenant.writer, ref, ("x.txt", b"x"))
    assert response.status_code == 404
    assert counts() == NOTHING


def test_operator_injection_in_incident_id_is_400(tenant, incident):
    response = tenant.writer.post(
        "/ux/sd/inci/incident/add-attachment/",
        {"incident_id": {"$ne": None}, "files": [{"file_name": "x", "content_base64": "eA=="}]},
        format="json",
    )
    assert response.status_code == 400
    assert error_attrs(response) == ["incident_id"]
    assert counts() == NOTHING


def test_no_files_is_400(tenant, iid):
    multipart = post_multipart(tenant.writer, iid)
    json = post_json(tenant.writer, iid)
    for response in (multipart, json):
        assert response.status_code == 400, response.content
    assert error_attrs(multipart) == ["file"]
    assert error_attrs(json) == ["files"]
    assert counts() == NOTHING


def test_file_part_without_a_file_name_is_400(tenant, iid):
    """A `file` form field that is not a file (no filename in its part)."""
    response = tenant.writer.post(
        "/ux/sd/inci/incident/add-attachment/",
        {"incident_id": iid, "file": "just text"},
        format="multipart",
    )
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["file.0"]
    assert counts() == NOTHING
