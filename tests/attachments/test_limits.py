"""Every upload limit at the limit and one past it: 413 with its code, and nothing stored.

The limits are set small with the `settings` fixture so the tests stay fast.
"""

import json

import pytest

from tests.attachments.helpers import (
    ADD,
    NOTHING,
    b64,
    counts,
    error_codes,
    post_json,
    post_multipart,
)

FORMS = pytest.mark.parametrize("post", [post_multipart, post_json], ids=["multipart", "json"])


def assert_413(response, code):
    assert response.status_code == 413, response.content
    body = response.json()
    assert body["type"] == "client_error"
    assert error_codes(response) == [code]
    assert body["errors"][0]["detail"]
    assert counts() == NOTHING


@pytest.fixture
def limits(settings):
    settings.SERVICEDESK_MAX_ATTACHMENT_BYTES = 100
    settings.SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST = 3
    settings.SERVICEDESK_MAX_UPLOAD_BYTES = 250
    return settings


@FORMS
def test_file_at_the_size_limit_is_stored(tenant, iid, limits, post):
    response = post(tenant.writer, iid, ("max.bin", b"x" * 100))
    assert response.status_code == 201, response.content
    assert response.json()[0]["size"] == 100


@FORMS
def test_file_one_byte_over_the_size_limit_is_413_file_too_large(tenant, iid, limits, post):
    response = post(tenant.writer, iid, ("ok.bin", b"x" * 10), ("big.bin", b"x" * 101))
    assert_413(response, "file_too_large")
    assert "big.bin" in response.json()["errors"][0]["detail"]


@FORMS
def test_files_at_the_count_limit_are_stored(tenant, iid, limits, post):
    response = post(tenant.writer, iid, *[(f"f{i}.txt", b"x") for i in range(3)])
    assert response.status_code == 201, response.content
    assert counts()["attachments"] == 3


@FORMS
def test_one_file_over_the_count_limit_is_413_too_many_files(tenant, iid, limits, post):
    response = post(tenant.writer, iid, *[(f"f{i}.txt", b"x") for i in range(4)])
    assert_413(response, "too_many_files")


@pytest.mark.parametrize("count", [10, 11])
def test_default_count_limit_of_ten_in_multipart(tenant, iid, count):
    """Also when Django's own file counter (DATA_UPLOAD_MAX_NUMBER_FILES) is what stops it."""
    response = post_multipart(tenant.writer, iid, *[(f"f{i}.txt", b"x") for i in range(count)])
    if count == 10:
        assert response.status_code == 201, response.content
        assert counts()["attachments"] == 10
    else:
        assert_413(response, "too_many_files")


@FORMS
def test_files_adding_up_to_the_request_limit_are_stored(tenant, iid, limits, post):
    response = post(tenant.writer, iid, ("a", b"a" * 100), ("b", b"b" * 100), ("c", b"c" * 50))
    assert response.status_code == 201, response.content
    assert sum(meta["size"] for meta in response.json()) == 250


@FORMS
def test_files_one_byte_over_the_request_limit_are_413_upload_too_large(tenant, iid, limits, post):
    response = post(tenant.writer, iid, ("a", b"a" * 100), ("b", b"b" * 100), ("c", b"c" * 51))
    assert_413(response, "upload_too_large")


def test_multipart_body_far_over_the_request_limit_is_refused_before_reading(tenant, iid, limits):
    response = post_multipart(tenant.writer, iid, ("huge.bin", b"x" * (2 * 1024 * 1024)))
    assert_413(response, "payload_too_large")


def json_body(iid: str, size: int) -> bytes:
    item = {"file_name": "f.bin", "content_base64": b64(b"x" * size)}
    return json.dumps({"incident_id": iid, "files": [item]}).encode()


def post_body(client, body: bytes):
    return client.generic("POST", ADD, body, content_type="application/json")


def test_base64_body_at_its_cap_is_stored(tenant, iid, settings):
    body = json_body(iid, 3000)
    settings.SERVICEDESK_MAX_BASE64_UPLOAD_BYTES = len(body)
    response = post_body(tenant.writer, body)
    assert response.status_code == 201, response.content
    assert counts()["attachments"] == 1


def test_base64_body_one_byte_over_its_cap_is_413_payload_too_large(tenant, iid, settings):
    body = json_body(iid, 3000)
    settings.SERVICEDESK_MAX_BASE64_UPLOAD_BYTES = len(body) - 1
    assert_413(post_body(tenant.writer, body), "payload_too_large")


def test_base64_cap_is_not_the_general_json_cap(tenant, iid, settings):
    """Uploads may be larger than other JSON bodies; other routes keep their own cap."""
    settings.SERVICEDESK_MAX_JSON_BODY_BYTES = 2048
    settings.SERVICEDESK_MAX_BASE64_UPLOAD_BYTES = 64 * 1024
    response = post_body(tenant.writer, json_body(iid, 8000))
    assert response.status_code == 201, response.content
    big_incident = tenant.writer.post(
        "/ux/sd/inci/incident/", {"summary": "x", "description": "y" * 4000}, format="json"
    )
    assert big_incident.status_code == 413


def test_limits_do_not_leak_between_requests(tenant, iid, limits):
    """After a refused request the next good one is stored normally."""
    assert post_multipart(tenant.writer, iid, ("big", b"x" * 101)).status_code == 413
    response = post_multipart(tenant.writer, iid, ("ok", b"x" * 100))
    assert response.status_code == 201
    assert counts() == {"attachments": 1, "files": 1, "chunks": 1}
