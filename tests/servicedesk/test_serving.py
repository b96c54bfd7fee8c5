"""The service as `make run` starts it: a real gunicorn process on a loopback port."""

import json
import time

import pytest

from tests.support.server import Server, free_port


@pytest.fixture
def embedded_server():
    server = Server({})
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()


def test_embedded_start_prints_a_demo_key_that_works(embedded_server):
    key = embedded_server.wait_for_output(r"\b(sdk_[A-Za-z0-9_-]{40,})").group(1)
    assert "NOTHING IS KEPT" in "".join(embedded_server.output)
    status, headers, body = embedded_server.request(
        "/ux/sd/inci/incident/", headers={"Authorization": key}
    )
    assert status == 200
    assert json.loads(body) == []
    assert headers["X-Total-Count"] == "0"
    status, _, body = embedded_server.request(
        "/ux/sd/inci/incident/",
        method="POST",
        headers={"Authorization": key, "Content-Type": "application/json"},
        data=json.dumps({"summary": "VPN Issue"}).encode(),
    )
    assert status == 201
    assert json.loads(body)["display_id"] == "INCI-1"


def test_docs_render_from_local_assets(embedded_server):
    for path in ("/api/docs/", "/api/redoc/"):
        status, _, body = embedded_server.request(path)
        assert status == 200
        page = body.decode()
        assert "cdn." not in page and "unpkg" not in page and "jsdelivr" not in page
        assert "/static/drf_spectacular_sidecar/" in page
    status, _, _ = embedded_server.request(
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"
    )
    assert status == 200
    status, _, body = embedded_server.request("/api/schema/?format=json")
    assert status == 200
    assert json.loads(body)["openapi"].startswith("3.")


def test_unreachable_database_gives_fast_503():
    dead = f"mongodb://127.0.0.1:{free_port()}/servicedesk"
    server = Server({"MONGODB_URI": dead, "MONGODB_TIMEOUT_MS": "1000", "WEB_CONCURRENCY": "1"})
    try:
        server.wait_until_up()
        started = time.monotonic()
        status, headers, body = server.request("/readyz")
        assert status == 503
        assert headers["Retry-After"] == "5"
        assert json.loads(body)["status"] == "unavailable"
        status, headers, body = server.request(
            "/ux/sd/inci/incident/", headers={"Authorization": "x" * 40}
        )
        assert status == 503
        assert headers["Retry-After"] == "5"
        assert json.loads(body)["errors"][0]["code"] == "database_unavailable"
        # Both answered within a few seconds, not after a hang (timeouts are 1 s each).
        assert time.monotonic() - started < 10
    finally:
        server.stop()
