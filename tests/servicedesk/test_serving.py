"""The service as `make run` starts it: the real HTTP server on a loopback port.

Also what only a real connection can do (issue 14): requests the server refuses,
chunked and truncated bodies, slow clients, idle keep-alive, a bad Host, metrics.
"""

import json
import os
import re
import secrets
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection

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


# --- hostile clients ---------------------------------------------------------------------

WRITE_KEY = f"sdk_{secrets.token_urlsafe(32)}"
METRICS_TOKEN = secrets.token_urlsafe(16)
LIST = "/ux/sd/inci/incident/"


@pytest.fixture(scope="module")
def hostile_server():
    """One server for the tests below: 2 threads, small header limit, short header deadline."""
    server = Server(
        {
            "SERVICEDESK_BOOTSTRAP_API_KEYS": f"acme:write:{WRITE_KEY}",
            "WEB_THREADS": "2",
            "WEB_MAX_HEADER_BYTES": "4096",
            "WEB_HEADER_TIMEOUT": "2",
            "SERVICEDESK_METRICS_TOKEN": METRICS_TOKEN,
        }
    )
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()


def raw(server, data: bytes, *, wait: float = 5.0, half_close: bool = False) -> bytes:
    """Send bytes as they are; everything the server answers until it closes (or `wait`)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        deadline = time.monotonic() + wait
        try:
            while time.monotonic() < deadline:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        except TimeoutError:
            pass
        return received


def parse(answer: bytes) -> tuple[int, dict, bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


def total(server) -> int:
    status, headers, _ = server.request(LIST, headers={"Authorization": WRITE_KEY})
    assert status == 200
    return int(headers["X-Total-Count"])


REFUSED = [
    (
        "bad Content-Length",
        b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1x\r\n\r\n",
        400,
    ),
    (
        "control character in a header",
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\x01b\r\n\r\n",
        400,
    ),
    (
        "chunked and Content-Length",
        b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        400,
    ),
    (
        "request line over the header limit",
        b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        431,
    ),
    ("not HTTP", b"HELLO THERE\r\n\r\n", 400),
    (
        "unknown transfer coding",
        b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        501,
    ),
    (
        "bad chunk size",
        b"POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        400,
    ),
]


@pytest.mark.parametrize(
    ("label", "request_bytes", "expected"), REFUSED, ids=[c[0] for c in REFUSED]
)
def test_requests_the_server_refuses_get_the_json_error_shape(
    hostile_server, label, request_bytes, expected
):
    """Issue 14: gunicorn answered these in HTML."""
    status, headers, body = parse(raw(hostile_server, request_bytes))
    assert status == expected
    assert headers["content-type"] == "application/json"
    error = json.loads(body)
    assert error["type"] == ("server_error" if expected >= 500 else "client_error")
    assert error["errors"][0]["code"] and error["errors"][0]["detail"]
    assert "server" not in headers  # nothing said about what serves it


def test_a_chunked_body_is_read(hostile_server):
    """Issue 14: a chunked body was read as empty ("summary required" for a valid create)."""
    body = json.dumps({"summary": "sent in chunks"}).encode()
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:7], body[7:]))
    request = (
        b"POST " + LIST.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Authorization: " + WRITE_KEY.encode() + b"\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    )
    status, _, answer = parse(raw(hostile_server, request))
    assert status == 201, answer
    assert json.loads(answer)["basic_info"]["summary"] == "sent in chunks"


def test_a_body_shorter_than_its_length_then_a_half_close_creates_nothing(hostile_server):
    """Issue 14: the truncated body reached the application and created an incident."""
    before = total(hostile_server)
    body = b'{"summary": "half"}'
    request = (
        b"POST " + LIST.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Authorization: " + WRITE_KEY.encode() + b"\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body) + 40).encode() + b"\r\n\r\n" + body
    )
    answer = raw(hostile_server, request, half_close=True, wait=3)
    assert answer == b""  # the request never completed: no answer, nothing run
    assert total(hostile_server) == before


def _slow_header(port: int, stop: threading.Event) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")
        while not stop.wait(0.5):
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return  # cut off by the header deadline


def _short_body(port: int, stop: threading.Event) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(
            b"POST " + LIST.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Authorization: " + WRITE_KEY.encode() + b"\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{"
        )
        stop.wait(10)


def test_slow_clients_hold_no_thread(hostile_server):
    """Issue 14: eight slow clients held all eight threads; /healthz took 73 s.

    Here 2 threads and 40 slow clients (20 dripping headers, 20 short bodies): the
    probe and an authenticated read still answer at once. (The integration suite holds
    400 for 60 s against two workers.)
    """
    stop = threading.Event()
    with ThreadPoolExecutor(40) as pool:
        for n in range(40):
            pool.submit(_slow_header if n % 2 else _short_body, hostile_server.port, stop)
        try:
            time.sleep(1.0)
            waits = []
            for _ in range(5):
                started = time.monotonic()
                assert hostile_server.request("/healthz", timeout=5)[0] == 200
                status, _, _ = hostile_server.request(
                    f"{LIST}?items_per_page=1", headers={"Authorization": WRITE_KEY}, timeout=5
                )
                assert status == 200
                waits.append(time.monotonic() - started)
                time.sleep(0.2)
            assert max(waits) < 1.0, waits
        finally:
            stop.set()


def test_headers_dripped_past_the_deadline_are_cut_off(hostile_server):
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", hostile_server.port), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")
        closed = False
        while time.monotonic() - started < 8:
            try:
                sock.sendall(b"X: 1\r\n")
                sock.settimeout(0.3)
                if sock.recv(1) == b"":
                    closed = True
                    break
            except TimeoutError:
                continue
            except OSError:
                closed = True
                break
    assert closed
    assert time.monotonic() - started < 6  # WEB_HEADER_TIMEOUT=2, looked at every second


def test_an_idle_keep_alive_connection_outlives_load_balancers_reuse(hostile_server):
    """Issue 14: idle connections were closed after 2 s, racing a load balancer's reuse."""
    connection = HTTPConnection("127.0.0.1", hostile_server.port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        first = connection.getresponse()
        first.read()
        assert first.status == 200
        sock = connection.sock
        time.sleep(3)
        connection.request("GET", "/healthz")
        second = connection.getresponse()
        second.read()
        assert second.status == 200
        assert connection.sock is sock  # the same connection, not a new one
    finally:
        connection.close()


def test_a_bad_host_is_a_json_400_logged_once_without_a_traceback(hostile_server):
    """Issue 14: every request with a bad Host was logged at ERROR with a traceback."""
    for _ in range(5):
        status, _, body = hostile_server.request("/healthz", headers={"Host": "evil.example"})
        assert status == 400
        assert json.loads(body)["errors"][0]["code"] == "disallowed_host"
    time.sleep(0.5)
    output = "".join(hostile_server.output)
    lines = [line for line in output.splitlines() if "Invalid HTTP_HOST" in line]
    assert len(lines) == 1, lines
    assert " WARNING " in lines[0]
    assert "Traceback" not in output


def test_metrics_need_their_token_and_count_what_the_server_refused(hostile_server):
    status, _, body = hostile_server.request("/metrics")
    assert status == 404 and json.loads(body)["errors"][0]["code"] == "not_found"
    status, _, _ = hostile_server.request("/metrics", headers={"Authorization": "Bearer nope"})
    assert status == 404
    raw(hostile_server, REFUSED[0][1])
    hostile_server.request("/healthz")
    status, headers, body = hostile_server.request(
        "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
    )
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert re.search(
        r'servicedesk_http_requests_total\{method="GET",route="healthz",status="200"\} [1-9]', text
    )
    assert re.search(r'servicedesk_http_server_refusals_total\{status="400"\} [1-9]', text)
    assert "servicedesk_http_request_duration_seconds_bucket" in text
    assert re.search(r"servicedesk_webhook_queue_depth [0-9.]+", text)
    assert re.search(r"servicedesk_webhook_oldest_due_age_seconds [0-9.]+", text)


def test_a_worker_that_dies_is_replaced_and_sigterm_stops_everything():
    server = Server({"WEB_THREADS": "2"})
    try:
        server.wait_until_up()
        (first,) = server.worker_pids()
        os.kill(first, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and server.worker_pids() in (set(), {first}):
            time.sleep(0.2)
        (second,) = server.worker_pids()
        assert second != first
        server.wait_until_up()
        assert "restarting" in "".join(server.output)
        os.kill(server.process.pid, signal.SIGTERM)
        assert server.process.wait(timeout=20) == 0
        with pytest.raises(ProcessLookupError):
            os.kill(second, 0)
    finally:
        server.stop()
