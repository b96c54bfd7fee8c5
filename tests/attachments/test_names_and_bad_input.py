"""File names, bad content and all-or-nothing: a request with any bad file stores nothing."""

import pytest

from attachments.documents import Attachment
from tests.attachments.helpers import (
    NOTHING,
    b64,
    counts,
    error_attrs,
    error_codes,
    png_bytes,
    post_json,
    post_multipart,
    post_raw,
    raw_multipart,
)

BAD_NAMES = {
    "parent": "../x",
    "deep-parent": "../../etc/passwd",
    "absolute": "/abs",
    "inner-slash": "a/b.txt",
    "backslash-parent": "..\\x",
    "windows-path": "C:\\Users\\me\\x.txt",
    "dotdot": "..",
    "dot": ".",
    "nul": "a\x00b.txt",
    "nul-extension": "evil.php\x00.png",
    "control": "a\x01b.txt",
    "unit-separator": "a\x1fb.txt",
    "delete": "a\x7fb.txt",
    "tab": "a\tb.txt",
    "c1-next-line": "a\x85b.txt",
    "c1-csi": "a\x9b31mb.txt",
    "line-separator": "a\u2028b.txt",
    "right-to-left-override": "invoice\u202egpj.exe",
    "bidi-isolate": "a\u2066b.txt",
    "256-chars": "n" * 252 + ".txt",
    "blank": "   ",
}
GOOD_NAMES = {
    "255-chars": "n" * 251 + ".txt",
    "255-non-ascii": "é" * 251 + ".txt",
    "unicode": "Grüße \u2013 報告書 (final).pdf",
    "dots-inside": "report.v2..final.txt",
    "quote": 'say "hi".txt',
    "percent": "100%22.txt",
    "leading-dot": ".env",
    "spaces": "my file.txt",
}


@pytest.mark.parametrize("name", BAD_NAMES.values(), ids=BAD_NAMES.keys())
def test_bad_name_in_json_is_400_naming_the_file_and_nothing_stored(tenant, iid, name):
    response = post_json(tenant.writer, iid, ("good.txt", b"good"), (name, b"data"))
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["files.1.file_name"]
    assert counts() == NOTHING


@pytest.mark.parametrize(
    "name",
    [n for n in BAD_NAMES.values() if n != "   "],
    ids=[k for k, n in BAD_NAMES.items() if n != "   "],
)
def test_bad_name_in_multipart_is_400_not_rewritten_and_nothing_stored(tenant, iid, name):
    """Sent as written (no client-side basename): the server refuses, it does not rewrite."""
    body = raw_multipart({"incident_id": iid}, [(b"good.txt", b"good"), (name.encode(), b"data")])
    response = post_raw(tenant.writer, body)
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["file"]
    assert error_codes(response) == ["invalid_file_name"]
    assert counts() == NOTHING


@pytest.mark.parametrize(
    "encoded",
    [b"..%2Fx", b"%2Fabs", b"a%00b.txt", b"..%5Cx"],
    ids=["parent", "absolute", "nul", "backslash"],
)
def test_bad_name_in_rfc2231_filename_star_is_refused(tenant, iid, encoded):
    body = raw_multipart({"incident_id": iid}, [(b"placeholder", b"data")])
    body = body.replace(b'filename="placeholder"', b"filename*=UTF-8''" + encoded)
    response = post_raw(tenant.writer, body)
    assert response.status_code == 400, response.content
    assert counts() == NOTHING


@pytest.mark.parametrize("name", GOOD_NAMES.values(), ids=GOOD_NAMES.keys())
def test_good_names_are_kept_as_given(tenant, iid, name):
    as_json = post_json(tenant.writer, iid, (name, b"data"))
    assert as_json.status_code == 201, as_json.content
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')  # RFC 7230 quoted-string
    body = raw_multipart({"incident_id": iid}, [(quoted.encode(), b"data")])
    as_multipart = post_raw(tenant.writer, body)
    assert as_multipart.status_code == 201, as_multipart.content
    for response in (as_json, as_multipart):
        [meta] = response.json()
        assert meta["file_name"] == meta["original_name"] == name
    assert counts()["attachments"] == 2


def test_name_of_exactly_255_is_accepted_and_256_refused(tenant, iid):
    assert post_json(tenant.writer, iid, ("a" * 255, b"x")).status_code == 201
    assert post_json(tenant.writer, iid, ("a" * 256, b"x")).status_code == 400
    ok = post_raw(tenant.writer, raw_multipart({"incident_id": iid}, [(b"b" * 255, b"x")]))
    assert ok.status_code == 201
    too_long = post_raw(tenant.writer, raw_multipart({"incident_id": iid}, [(b"b" * 256, b"x")]))
    assert too_long.status_code == 400
    assert sorted(a.file_name for a in Attachment.objects) == ["a" * 255, "b" * 255]


@pytest.mark.parametrize(
    "content",
    ["not base64!", "eA", "eA=", "====", "eA==\n", "e A==", "-_-_", "\u00e9A=="],
    ids=[
        "punctuation",
        "no-padding",
        "short-padding",
        "only-padding",
        "newline",
        "space",
        "urlsafe",
        "non-ascii",
    ],
)
def test_invalid_base64_is_400_naming_it_and_nothing_stored(tenant, iid, content):
    response = post_json(
        tenant.writer,
        iid,
        ("good.txt", b"good"),
        {"file_name": "bad.txt", "content_base64": content},
    )
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["files.1.content_base64"]
    assert counts() == NOTHING


@pytest.mark.parametrize("content", [None, 12, ["eA=="], {"$ne": ""}])
def test_content_base64_of_the_wrong_type_is_400(tenant, iid, content):
    response = post_json(tenant.writer, iid, {"file_name": "x.txt", "content_base64": content})
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["files.0.content_base64"]
    assert counts() == NOTHING


@pytest.mark.parametrize(
    "files",
    [None, "eA==", {"file_name": "x", "content_base64": "eA=="}, [None], ["eA=="]],
    ids=["null", "string", "object", "null-item", "string-item"],
)
def test_files_of_the_wrong_shape_is_400(tenant, iid, files):
    response = tenant.writer.post(
        "/ux/sd/inci/incident/add-attachment/",
        {"incident_id": iid, "files": files},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert all(attr.startswith("files") for attr in error_attrs(response))
    assert counts() == NOTHING


def test_empty_file_in_multipart_is_400_and_nothing_stored(tenant, iid):
    response = post_multipart(tenant.writer, iid, ("good.txt", b"good"), ("empty.txt", b""))
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["file.1"]
    assert error_codes(response) == ["empty_file"]
    assert counts() == NOTHING


def test_empty_file_in_json_is_400_and_nothing_stored(tenant, iid):
    response = post_json(
        tenant.writer,
        iid,
        ("good.txt", b"good"),
        {"file_name": "empty.txt", "content_base64": ""},
    )
    assert response.status_code == 400, response.content
    assert error_attrs(response) == ["files.1.content_base64"]
    assert counts() == NOTHING


def test_all_or_nothing_with_a_bad_file_last_of_many(tenant, iid):
    """Good files before the bad one are not stored either (json and multipart)."""
    good = [(f"good{i}.png", png_bytes()) for i in range(3)]
    as_json = post_json(tenant.writer, iid, *good, ("../bad", b"x"))
    assert as_json.status_code == 400
    as_multipart = post_multipart(tenant.writer, iid, *good, ("empty", b""))
    assert as_multipart.status_code == 400
    assert counts() == NOTHING


def test_a_failure_while_storing_removes_what_was_already_stored(tenant, iid, monkeypatch):
    """The database fails after two of three files are in GridFS: none are kept."""
    from attachments import files as files_module

    real_store = files_module.store
    calls = []

    def failing_store(source, **kwargs):
        calls.append(kwargs["file_name"])
        if len(calls) == 3:
            from pymongo.errors import AutoReconnect

            raise AutoReconnect("connection lost")
        return real_store(source, **kwargs)

    monkeypatch.setattr(files_module, "store", failing_store)
    tenant.writer.raise_request_exception = False  # the 503 is logged as an error
    response = post_json(tenant.writer, iid, ("a", b"a"), ("b", b"b"), ("c", b"c"))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert calls == ["a", "b", "c"]
    assert counts() == NOTHING


def test_a_failure_recording_history_removes_the_stored_files(tenant, iid, monkeypatch):
    from attachments import services

    def failing_record(*args, **kwargs):
        from pymongo.errors import AutoReconnect

        raise AutoReconnect("connection lost")

    monkeypatch.setattr(services, "_record", failing_record)
    tenant.writer.raise_request_exception = False  # the 503 is logged as an error
    response = post_multipart(tenant.writer, iid, ("a", b"a"), ("b", png_bytes()))
    assert response.status_code == 503
    assert counts() == NOTHING


def test_content_type_field_of_the_wrong_type_is_400(tenant, iid):
    response = post_json(
        tenant.writer,
        iid,
        {"file_name": "x.txt", "content_base64": b64(b"x"), "content_type": {"$ne": 1}},
    )
    assert response.status_code == 400
    assert error_attrs(response) == ["files.0.content_type"]
    assert counts() == NOTHING
