"""Download headers and conditional GET, delete, read keys, and a 20 MiB round trip."""

import hashlib
import random
import re
import tempfile
from urllib.parse import unquote

import pytest

from attachments.documents import Attachment
from tests.attachments.helpers import (
    LIST,
    NOTHING,
    counts,
    detail_url,
    download_url,
    png_bytes,
    post_json,
    post_multipart,
    read_download,
    sha256,
)

MIB = 1024 * 1024
FILENAME = re.compile(r'(?:^|;\s*)filename="([^"\\]*)"')
FILENAME_STAR = re.compile(r"(?:^|;\s*)filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+)(?:;|$)")


def disposition(response) -> tuple[str, str, str]:
    """(type, ascii filename, decoded filename*) of Content-Disposition."""
    value = response["Content-Disposition"]
    assert value.isascii()
    kind = value.split(";", 1)[0]
    fallback = FILENAME.search(value)
    star = FILENAME_STAR.search(value)
    assert fallback and star, value
    return kind, fallback.group(1), unquote(star.group(1), encoding="utf-8", errors="strict")


def upload_one(client, iid, name, data) -> dict:
    response = post_json(client, iid, (name, data))
    assert response.status_code == 201, response.content
    return response.json()[0]


def test_download_headers(tenant, iid, uploaded):
    response = tenant.reader.get(download_url(uploaded["attachment_id"]))
    assert response.status_code == 200
    body = read_download(response)
    assert body == b"hello attachments\n"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Length"] == str(len(body))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{sha256(body)}"'
    assert disposition(response) == ("attachment", "notes.txt", "notes.txt")


def test_head_gives_the_download_headers(tenant, uploaded):
    url = download_url(uploaded["attachment_id"])
    head = tenant.reader.head(url)
    assert head.status_code == 200
    for name in ("Content-Type", "Content-Length", "Content-Disposition", "ETag"):
        assert head[name] == tenant.reader.get(url)[name]
    assert head["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name",
    [
        "Grüße \u2013 報告書 (final).pdf",
        "報告書.txt",
        'a "quoted"; name, with odd=chars\'s.txt',
        "100% sure.txt",
        "émoji 😀.png",
        "..hidden",
    ],
    ids=["mixed", "cjk-only", "quotes-semicolons", "percent", "emoji", "leading-dots"],
)
def test_download_of_a_non_ascii_or_odd_name(tenant, iid, name):
    if name.startswith(".."):
        name = "é..hidden"  # "..x" is refused at upload; dots inside are fine
    meta = upload_one(tenant.writer, iid, name, png_bytes())
    response = tenant.reader.get(download_url(meta["attachment_id"]))
    assert response.status_code == 200
    kind, fallback, exact = disposition(response)
    assert kind == "attachment"
    assert exact == name
    assert fallback.isascii()
    assert fallback.strip()
    assert not re.search(r'["\\/;\x00-\x1f\x7f]', fallback)
    assert not fallback.startswith(".")


def test_ascii_fallback_keeps_what_it_can(tenant, iid):
    meta = upload_one(tenant.writer, iid, "Résumé final.pdf", b"%PDF-1.4\n")
    response = tenant.reader.get(download_url(meta["attachment_id"]))
    assert disposition(response) == ("attachment", "Resume final.pdf", "Résumé final.pdf")


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ("報告書.txt", "download.txt"),
        ("😀", "download"),
        ('say "hi"; ok.txt', "say _hi_ ok.txt"),
        (".env", "env"),
        ("archive.tar.gz", "archive.tar.gz"),
    ],
)
def test_ascii_fallback_of_names_with_little_ascii(tenant, iid, name, fallback):
    meta = upload_one(tenant.writer, iid, name, b"data")
    response = tenant.reader.get(download_url(meta["attachment_id"]))
    assert disposition(response) == ("attachment", fallback, name)


def test_if_none_match_with_the_etag_is_304_without_a_body(tenant, uploaded):
    url = download_url(uploaded["attachment_id"])
    etag = tenant.reader.get(url)["ETag"]
    assert etag == f'"{uploaded["sha256"]}"'
    response = tenant.reader.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


@pytest.mark.parametrize(
    "header",
    ['"{sha}"', 'W/"{sha}"', '"other", "{sha}"', '"other",W/"{sha}"', "*"],
    ids=["exact", "weak", "list", "list-weak", "star"],
)
def test_if_none_match_forms_that_match_are_304(tenant, uploaded, header):
    """RFC 9110 13.1.2: a list of entity tags, weak comparison, and `*`."""
    value = header.format(sha=uploaded["sha256"])
    response = tenant.reader.get(download_url(uploaded["attachment_id"]), HTTP_IF_NONE_MATCH=value)
    assert response.status_code == 304, value


@pytest.mark.parametrize("header", ['"other"', '"{sha}x"', "{sha}", '""'])
def test_if_none_match_that_does_not_match_downloads(tenant, uploaded, header):
    value = header.format(sha=uploaded["sha256"])
    response = tenant.reader.get(download_url(uploaded["attachment_id"]), HTTP_IF_NONE_MATCH=value)
    assert response.status_code == 200
    assert read_download(response) == b"hello attachments\n"


def test_metadata_of_one_attachment(tenant, uploaded):
    response = tenant.reader.get(detail_url(uploaded["attachment_id"]))
    assert response.status_code == 200
    assert response.json() == uploaded


def test_delete_removes_the_metadata_and_the_gridfs_bytes(tenant, iid, uploaded):
    keep = upload_one(tenant.writer, iid, "keep.png", png_bytes())
    before = counts()
    assert before == {"attachments": 2, "files": 2, "chunks": 2}
    response = tenant.writer.delete(detail_url(uploaded["attachment_id"]))
    assert response.status_code == 204
    assert response.content == b""
    assert counts() == {"attachments": 1, "files": 1, "chunks": 1}
    assert Attachment.objects.get().id.__str__() == keep["attachment_id"]

    for url in (detail_url(uploaded["attachment_id"]), download_url(uploaded["attachment_id"])):
        assert tenant.reader.get(url).status_code == 404
    assert tenant.writer.delete(detail_url(uploaded["attachment_id"])).status_code == 404
    listed = tenant.reader.get(LIST, {"incident_id": iid})
    assert [m["attachment_id"] for m in listed.json()] == [keep["attachment_id"]]
    assert read_download(tenant.reader.get(download_url(keep["attachment_id"]))) == png_bytes()


def test_delete_of_a_multi_chunk_file_removes_every_chunk(tenant, iid):
    data = random.Random(7).randbytes(3 * MIB + 5)
    meta = upload_one(tenant.writer, iid, "big.bin", data)
    assert counts()["chunks"] > 10
    assert tenant.writer.delete(detail_url(meta["attachment_id"])).status_code == 204
    assert counts() == NOTHING


def test_delete_is_recorded_in_the_incident_history(tenant, iid, uploaded):
    assert tenant.writer.delete(detail_url(uploaded["attachment_id"])).status_code == 204
    history = tenant.reader.get(f"/ux/sd/inci/incident/incident-data/{iid}/").json()
    actions = [entry.get("action") for entry in history["recent_history"]]
    assert "attachment_deleted" in actions
    assert "attachments_added" in actions


@pytest.mark.parametrize("bad", ["0" * 24, "zz" + "0" * 22, "1234", "0" * 25])
def test_unknown_or_malformed_attachment_id_is_404(tenant, uploaded, bad):
    for response in (
        tenant.reader.get(f"{LIST}{bad}/"),
        tenant.reader.get(f"{LIST}{bad}/download/"),
        tenant.writer.delete(f"{LIST}{bad}/"),
    ):
        assert response.status_code == 404
    assert counts()["attachments"] == 1


def test_read_key_cannot_upload_or_delete_but_can_list_and_download(tenant, iid, uploaded):
    for post in (post_multipart, post_json):
        response = post(tenant.reader, iid, ("x.txt", b"x"))
        assert response.status_code == 403, response.content
    assert tenant.reader.delete(detail_url(uploaded["attachment_id"])).status_code == 403
    assert counts() == {"attachments": 1, "files": 1, "chunks": 1}

    listed = tenant.reader.get(LIST, {"incident_id": iid})
    assert listed.status_code == 200
    assert [m["attachment_id"] for m in listed.json()] == [uploaded["attachment_id"]]
    downloaded = tenant.reader.get(download_url(uploaded["attachment_id"]))
    assert read_download(downloaded) == b"hello attachments\n"


def test_no_key_is_401_on_every_route(anon, tenant, uploaded):
    aid = uploaded["attachment_id"]
    for response in (
        anon.post("/ux/sd/inci/incident/add-attachment/", {}, format="json"),
        anon.get(LIST, {"incident_id": uploaded["incident_id"]}),
        anon.get(detail_url(aid)),
        anon.get(download_url(aid)),
        anon.delete(detail_url(aid)),
    ):
        assert response.status_code == 401
        assert response["WWW-Authenticate"]
    assert counts()["attachments"] == 1


def test_list_is_paged_with_a_total(tenant, iid):
    response = post_json(tenant.writer, iid, *[(f"f{i}.txt", b"x") for i in range(5)])
    assert response.status_code == 201
    first = tenant.reader.get(LIST, {"incident_id": iid, "items_per_page": 2})
    assert first.status_code == 200
    assert first["X-Total-Count"] == "5"
    assert [m["file_name"] for m in first.json()] == ["f0.txt", "f1.txt"]
    last = tenant.reader.get(LIST, {"incident_id": iid, "items_per_page": 2, "page": 3})
    assert [m["file_name"] for m in last.json()] == ["f4.txt"]
    assert tenant.reader.get(LIST, {"incident_id": iid, "items_per_page": 0}).status_code == 400


def test_list_needs_an_incident_id(tenant, uploaded):
    response = tenant.reader.get(LIST)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "incident_id"


def test_list_with_a_malformed_conversation_id_is_400(tenant, iid, uploaded):
    response = tenant.reader.get(LIST, {"incident_id": iid, "conversation_id": "nothex"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "conversation_id"


def test_20_mib_file_uploads_and_streams_back_intact(tenant, iid):
    size = 20 * MIB
    original = hashlib.sha256()
    rng = random.Random(20)
    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        for _ in range(20):
            block = rng.randbytes(MIB)
            original.update(block)
            handle.write(block)
        handle.flush()
        handle.seek(0)
        response = tenant.writer.post(
            "/ux/sd/inci/incident/add-attachment/",
            {"incident_id": iid, "file": handle},
            format="multipart",
        )
    assert response.status_code == 201, response.content
    [meta] = response.json()
    assert meta["size"] == size
    assert meta["sha256"] == original.hexdigest()
    assert meta["content_type"] == "application/octet-stream"

    downloaded = tenant.reader.get(download_url(meta["attachment_id"]))
    assert downloaded.status_code == 200
    assert downloaded.streaming
    assert downloaded["Content-Length"] == str(size)
    received = hashlib.sha256()
    total = chunks = 0
    for chunk in downloaded.streaming_content:
        assert len(chunk) <= MIB
        received.update(chunk)
        total += len(chunk)
        chunks += 1
    assert total == size
    assert chunks >= 20
    assert received.hexdigest() == original.hexdigest()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.html", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
        (
            "drawing.svg",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
            b"<script>alert(1)</script></svg>",
        ),
    ],
)
def test_html_and_svg_downloads_are_sandboxed(tenant, iid, name, data):
    """Issue 14: a browser that renders the file anyway runs no script, on no origin."""
    attachment = upload_one(tenant.writer, iid, name, data)
    response = tenant.reader.get(download_url(attachment["attachment_id"]))
    assert response.status_code == 200
    assert read_download(response) == data
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert disposition(response)[0] == "attachment"
