"""The service as generated clients meet it: gunicorn on a loopback port, embedded store."""

import secrets
import sys
from pathlib import Path

import pytest

from tests.support.server import Server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def service():
    """(base URL, write key) of a running service, stopped after the module."""
    key = "sdk_" + secrets.token_urlsafe(24)
    server = Server({"SERVICEDESK_BOOTSTRAP_API_KEYS": f"acme:admin:{key}", "LOG_LEVEL": "WARNING"})
    try:
        server.wait_until_up()
        yield server.base, key
    finally:
        server.stop()


@pytest.fixture(scope="session")
def python_client():
    """The generated client kept in clients/python (`make client`), importable."""
    path = str(ROOT / "clients" / "python")
    if path not in sys.path:
        sys.path.insert(0, path)
    import servicedesk_client

    return servicedesk_client
