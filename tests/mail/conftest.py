"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the tests that send mail, and helpers."""

import socket
from email import policy
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What the SMTP server took: envelope and parsed message of each mail, in order.

    `refuse` makes it answer the next DATA commands with that reply (e.g. "451 ...").
    """

    def __init__(self):
        self.mails = []
        self.refuse = ""

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        message = BytesParser(policy=policy.default).parsebytes(envelope.content)
        self.mails.append(
            {"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "message": message}
        )
        return "250 OK"


class _Controller(Controller):
    def factory(self):
        return SMTP(self.handler, hostname="mail.test", ident="test smtpd")


@pytest.fixture
def smtp_inbox(settings):
    """An SMTP server on 127.0.0.1, SERVICEDESK_SMTP_URL pointing at it."""
    inbox = Inbox()
    port = free_port()
    controller = _Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.SERVICEDESK_SMTP_URL = f"smtp://127.0.0.1:{port}"
    settings.SERVICEDESK_SMTP_TIMEOUT_SECONDS = 5
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def mail_settings(tenant):
    response = tenant.admin.put(
        "/ux/sd/org/mail-settings/",
        {
            "from_address": "help@acme.test",
            "from_name": "Acme IT",
            "inbound_addresses": ["help@acme.test", "support@acme.test"],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def mail_client(tenant):
    """A client with a `mail` key of the tenant (what an MTA holds)."""
    from rest_framework.test import APIClient

    from servicedesk.tenancy import services

    _, key = services.api_key_create(org=tenant.org, name="mta", scope="mail")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=key)
    return client


ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def greenmail():
    """GreenMail standalone (Maven Central, Java 17) on 127.0.0.1: its SMTP and IMAP ports.

    Authentication is off (any password logs in) and a mailbox exists once mail is sent
    to it, so each test uses mailboxes of its own. Skipped, saying why, only when the jar
    cannot be fetched or Java is missing; under CI (CI=true) that fails instead.
    """
    import os
    import shutil
    import subprocess
    import time

    def unavailable(reason):
        if os.environ.get("CI"):
            pytest.fail(f"GreenMail is needed in CI: {reason}")
        pytest.skip(f"GreenMail unavailable: {reason}")

    java = shutil.which("java")
    if java is None:
        unavailable("no java on PATH")
    fetched = subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "scripts/mail/greenmail.sh")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if fetched.returncode != 0:
        unavailable(f"scripts/mail/greenmail.sh failed: {fetched.stderr[-500:]}")
    jar = ROOT / fetched.stdout.strip().splitlines()[-1]
    smtp_port, imap_port = free_port(), free_port()
    process = subprocess.Popen(  # noqa: S603 - java and the jar we fetched
        [
            java,
            "-Dgreenmail.hostname=127.0.0.1",
            f"-Dgreenmail.smtp.port={smtp_port}",
            "-Dgreenmail.smtp.hostname=127.0.0.1",
            f"-Dgreenmail.imap.port={imap_port}",
            "-Dgreenmail.imap.hostname=127.0.0.1",
            "-Dgreenmail.auth.disabled",
            "-jar",
            str(jar),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", imap_port), timeout=1).close()
                socket.create_connection(("127.0.0.1", smtp_port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("GreenMail did not start")
                time.sleep(0.2)
        yield {"smtp_port": smtp_port, "imap_port": imap_port}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
