"""Cross-cutting HTTP behaviour: error shape, body limits, request ids, CORS, headers."""

import json

import pytest

from servicedesk.logs import JsonFormatter

LIST = "/ux/sd/inci/incident/"


def test_malformed_json_is_400_in_the_error_shape(tenant):
    response = tenant.writer.generic("POST", LIST, "{not json", content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "client_error"
    assert body["errors"][0]["code"] == "parse_error"


def test_body_at_the_limit_is_read_and_one_past_is_413(tenant, settings):
    settings.SERVICEDESK_MAX_JSON_BODY_BYTES = limit = 4096
    padding = "x" * (limit - len(json.dumps({"summary": "s", "description": ""})))
    at_limit = json.dumps({"summary": "s", "description": padding})
    assert len(at_limit) == limit
    response = tenant.writer.generic("POST", LIST, at_limit, content_type="application/json")
    assert response.status_code == 201
    over = json.dumps({"summary": "s", "description": padding + "x"})
    response = tenant.writer.generic("POST", LIST, over, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "payload_too_large"


def test_unknown_route_is_json_404(tenant):
    response = tenant.reader.get("/ux/sd/inci/nope/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["code"] == "not_found"


def test_wrong_method_is_405_in_the_error_shape(tenant):
    response = tenant.writer.delete(LIST)
    assert response.status_code == 405
    assert response.json()["errors"][0]["code"] == "method_not_allowed"


def test_unsupported_media_type_is_415(tenant):
    response = tenant.writer.generic("POST", LIST, "summary=x", content_type="text/plain")
    assert response.status_code == 415


def test_request_id_is_echoed_or_made(tenant):
    response = tenant.reader.get(LIST, HTTP_X_REQUEST_ID="abc-123")
    assert response["X-Request-ID"] == "abc-123"
    made = tenant.reader.get(LIST, HTTP_X_REQUEST_ID="bad id with spaces\n")["X-Request-ID"]
    assert made != "bad id with spaces\n" and len(made) == 32


def test_security_headers(anon):
    response = anon.get("/healthz")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_cors_preflight_and_exposed_headers(tenant, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://desk.example.com"]
    preflight = tenant.reader.options(
        LIST,
        HTTP_ORIGIN="https://desk.example.com",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://desk.example.com"
    assert "authorization" in preflight["Access-Control-Allow-Headers"]
    response = tenant.reader.get(LIST, HTTP_ORIGIN="https://desk.example.com")
    exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"x-total-count", "link", "etag", "x-request-id"} <= exposed
    foreign = tenant.reader.get(LIST, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in foreign


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes(anon, clean_db, path):
    response = anon.get(path)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_logs_are_json_with_the_request_id(tenant, caplog):
    caplog.set_level("INFO", logger="servicedesk.request")
    tenant.reader.get(LIST, HTTP_X_REQUEST_ID="trace-me-42")
    lines = [JsonFormatter().format(record) for record in caplog.records]
    entry = json.loads(lines[-1])
    assert entry["request_id"] == "trace-me-42"
    assert entry["path"] == LIST and entry["status"] == 200
    assert tenant.keys["read"] not in "".join(lines)


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics"])
def test_probes_refuse_other_methods_in_the_error_shape(anon, path):
    response = anon.post(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["errors"][0]["code"] == "method_not_allowed"


def _nested(depth: int) -> str:
    """A create body whose custom_field_data nests objects `depth` levels in all."""
    inner = "1"
    for _ in range(depth - 1):  # the body itself is the first level
        inner = '{"a": ' + inner + "}"
    return '{"summary": "deep", "custom_field_data": ' + inner + "}"


def test_json_nesting_at_the_limit_is_read_and_one_past_is_400(tenant, settings):
    """Issue 14: ~950 levels raised RecursionError (a 500) on every JSON route."""
    settings.SERVICEDESK_MAX_JSON_DEPTH = 8  # (custom_field_data itself allows 10 inside)
    at_limit = tenant.writer.generic("POST", LIST, _nested(8), content_type="application/json")
    assert at_limit.status_code == 201, at_limit.content
    over = tenant.writer.generic("POST", LIST, _nested(9), content_type="application/json")
    assert over.status_code == 400
    (error,) = over.json()["errors"]
    assert error["code"] == "too_deep" and error["attr"] is None  # the parser's, not the field's


@pytest.mark.parametrize("scope", ["read", "write"])
def test_json_nested_950_deep_is_400_for_every_key(tenant, scope, clean_db):
    body = "[" * 950 + "]" * 950
    client = tenant.clients[scope]
    for path in (LIST, f"{LIST}inci_resolve/", f"{LIST}workflow_options_map/"):
        response = client.generic("POST", path, body, content_type="application/json")
        assert response.status_code in (400, 403), response.content
        assert response.json()["errors"][0]["code"] in ("too_deep", "insufficient_scope")
    assert clean_db["incidents"].count_documents({}) == 0


def test_brackets_inside_strings_do_not_count_as_nesting(tenant, settings):
    settings.SERVICEDESK_MAX_JSON_DEPTH = 8
    text = "[[[[{{{{" * 20 + '\\"[[[['
    body = json.dumps({"summary": "brackets", "description": text})
    response = tenant.writer.generic("POST", LIST, body, content_type="application/json")
    assert response.status_code == 201, response.content
