"""Keys and webhook secrets never reach the logs; stored hashes never reach a response."""

import logging
import os
import subprocess
import sys

from servicedesk.logs import JsonFormatter
from servicedesk.tenancy import keys
from tests.support.server import ROOT

LIST = "/ux/sd/inci/incident/"


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(JsonFormatter().format(record))


def test_a_full_request_cycle_logs_no_secret(tenant, settings):
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True
    handler = Collect()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        hook = tenant.admin.post(
            "/ux/sd/inci/webhook/",
            {"url": "http://127.0.0.1:9/hook", "events": ["incident.created"]},
            format="json",
        )
        secret = hook.json()["secret"]
        tenant.writer.post(LIST, {"summary": "x"}, format="json")
        tenant.reader.get(LIST)
        tenant.reader.get(LIST, HTTP_AUTHORIZATION="Bearer " + keys.generate_key())
        tenant.writer.post(LIST, "{bad json", content_type="application/json")
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
    logged = "\n".join(handler.lines)
    assert handler.lines, "the request cycle logged nothing to check"
    for secret_value in [*tenant.keys.values(), secret]:
        assert secret_value not in logged


def test_responses_never_carry_stored_hashes_or_secrets(tenant, settings):
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True
    hook = tenant.admin.post(
        "/ux/sd/inci/webhook/",
        {"url": "http://127.0.0.1:9/hook", "events": ["incident.created"]},
        format="json",
    ).json()
    tenant.writer.post(LIST, {"summary": "x"}, format="json")
    hashes = [keys.hash_key(key) for key in tenant.keys.values()]
    for path in (
        LIST,
        "/ux/sd/inci/webhook/",
        f"/ux/sd/inci/webhook/{hook['webhook_id']}/",
        "/ux/sd/inci/delivery/",
    ):
        body = tenant.admin.get(path).content.decode()
        assert hook["secret"] not in body
        assert not any(digest in body for digest in hashes)


def test_debug_is_off_unless_set():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env["DJANGO_SETTINGS_MODULE"] = "servicedesk.settings"
    code = "import django; from django.conf import settings; django.setup(); print(settings.DEBUG)"
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
