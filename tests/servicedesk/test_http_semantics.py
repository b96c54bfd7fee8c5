"""HTTP semantics integrators expect: Location, 304 on If-None-Match, 308 not 301."""

import base64

import pytest

API = "/ux/sd/inci/"


def test_a_create_answers_201_with_the_location_of_what_it_made(tenant):
    response = tenant.writer.post(f"{API}incident/", {"summary": "VPN"}, format="json")
    assert response.status_code == 201
    made = response.json()
    assert response["Location"] == f"http://testserver{API}incident/{made['incident_id']}/"
    assert tenant.reader.get(response["Location"]).json()["display_id"] == made["display_id"]


def _incident(tenant):
    return tenant.writer.post(f"{API}incident/", {"summary": "VPN"}, format="json").json()


def test_reads_answer_304_while_the_etag_is_current(tenant):
    incident = _incident(tenant)
    conversation = tenant.writer.post(
        f"{API}conversation/",
        {"incident_id": incident["incident_id"], "kind": "note", "body": "<p>x</p>"},
        format="json",
    ).json()
    upload = {
        "incident_id": incident["incident_id"],
        "files": [{"file_name": "a.txt", "content_base64": base64.b64encode(b"a").decode()}],
    }
    (attachment,) = tenant.writer.post(
        f"{API}incident/add-attachment/", upload, format="json"
    ).json()
    for url in (
        f"{API}incident/{incident['incident_id']}/",
        f"{API}conversation/{conversation['conversation_id']}/",
        f"{API}incident/attachment/{attachment['attachment_id']}/",
    ):
        first = tenant.reader.get(url)
        assert first.status_code == 200 and first["ETag"]
        again = tenant.reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again["ETag"] == first["ETag"] and again.content == b""
        assert tenant.reader.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200
    url = f"{API}incident/{incident['incident_id']}/"
    before = tenant.reader.get(url)["ETag"]
    tenant.writer.patch(url, {"tag": ["vpn"]}, format="json")
    changed = tenant.reader.get(url, HTTP_IF_NONE_MATCH=before)
    assert changed.status_code == 200 and changed["ETag"] != before


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_path_without_its_slash_is_308_never_301(tenant, method, settings):
    settings.DEBUG = True  # Django would refuse a POST here in DEBUG
    response = getattr(tenant.writer, method)(
        f"{API}incident", {"summary": "x"} if method == "post" else None, format="json"
    )
    assert response.status_code == 308
    assert response["Location"].endswith(f"{API}incident/")


def test_downloads_honour_one_byte_range(tenant):
    incident = _incident(tenant)
    content = b"0123456789"
    upload = {
        "incident_id": incident["incident_id"],
        "files": [{"file_name": "d.txt", "content_base64": base64.b64encode(content).decode()}],
    }
    (attachment,) = tenant.writer.post(
        f"{API}incident/add-attachment/", upload, format="json"
    ).json()
    url = f"{API}incident/attachment/{attachment['attachment_id']}/download/"
    whole = tenant.reader.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == content
    for header, status, body, content_range in (
        ("bytes=2-5", 206, b"2345", "bytes 2-5/10"),
        ("bytes=7-", 206, b"789", "bytes 7-9/10"),
        ("bytes=-3", 206, b"789", "bytes 7-9/10"),
        ("bytes=8-100", 206, b"89", "bytes 8-9/10"),
    ):
        part = tenant.reader.get(url, HTTP_RANGE=header)
        assert part.status_code == status, header
        assert b"".join(part.streaming_content) == body
        assert part["Content-Range"] == content_range
        assert part["Content-Length"] == str(len(body))
    refused = tenant.reader.get(url, HTTP_RANGE="bytes=10-")
    assert refused.status_code == 416
    assert refused["Content-Range"] == "bytes */10"
    assert refused.json()["errors"][0]["code"] == "range_not_satisfiable"
