"""SMTP with STARTTLS and implicit TLS (smtps), with a login, against aiosmtpd on 127.0.0.1.

The server's certificate is made by the test (openssl) for 127.0.0.1 and trusted
through SSL_CERT_FILE: the sender verifies certificates like any client.
"""

import shutil
import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

from mail.public import send_due
from tests.mail.conftest import Inbox, free_port

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return key, cert


class Logins:
    def __init__(self):
        self.seen = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        self.seen.append((auth_data.login.decode(), auth_data.password.decode()))
        ok = auth_data.password == b"p@ss:word"
        return AuthResult(success=ok, handled=False)


def start(kind, certificate, monkeypatch, settings, password="p%40ss%3Aword"):  # noqa: S107
    key, cert = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    inbox, logins, port = Inbox(), Logins(), free_port()

    class _Controller(Controller):
        def factory(self):
            return SMTP(
                self.handler,
                hostname="mail.test",
                tls_context=context if kind == "smtp+starttls" else None,
                require_starttls=kind == "smtp+starttls",
                authenticator=logins,
                auth_require_tls=False,
            )

    controller = _Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        ssl_context=context if kind == "smtps" else None,
        server_hostname="127.0.0.1",
    )
    controller.start()
    settings.SERVICEDESK_SMTP_URL = f"{kind}://desk%40acme.test:{password}@127.0.0.1:{port}"
    settings.SERVICEDESK_SMTP_TIMEOUT_SECONDS = 5
    return controller, inbox, logins


@pytest.fixture
def incident(tenant, mail_settings):
    return tenant.writer.post(
        "/ux/sd/inci/incident/",
        {"summary": "VPN", "requester_email": "ada@example.org"},
        format="json",
    ).json()


def reply(tenant, incident) -> dict:
    body = {"incident_id": incident["incident_id"], "kind": "reply", "body": "<p>Hi</p>"}
    return tenant.writer.post("/ux/sd/inci/conversation/", body, format="json").json()


def state(tenant, conversation):
    path = f"/ux/sd/inci/conversation/{conversation['conversation_id']}/"
    return tenant.reader.get(path).json()["mail"]


@pytest.mark.parametrize("kind", ["smtp+starttls", "smtps"])
def test_tls_and_login(tenant, incident, certificate, monkeypatch, settings, kind):
    controller, inbox, logins = start(kind, certificate, monkeypatch, settings)
    try:
        conversation = reply(tenant, incident)
        send_due()
    finally:
        controller.stop()
    assert state(tenant, conversation)["status"] == "sent"
    assert logins.seen == [("desk@acme.test", "p@ss:word")]
    assert inbox.mails[0]["to"] == ["ada@example.org"]


def test_a_refused_login_is_retried_and_the_password_not_shown(
    tenant, incident, certificate, monkeypatch, settings
):
    controller, inbox, _ = start(
        "smtp+starttls", certificate, monkeypatch, settings, password="wrong-secret"
    )
    try:
        conversation = reply(tenant, incident)
        send_due()
    finally:
        controller.stop()
    mail = state(tenant, conversation)
    assert mail["status"] == "queued"  # credentials can be fixed: not a permanent failure
    assert "535" in mail["last_error"]
    assert "wrong-secret" not in str(mail)
    assert inbox.mails == []


def test_an_untrusted_certificate_is_refused(tenant, incident, certificate, monkeypatch, settings):
    controller, inbox, _ = start("smtps", certificate, monkeypatch, settings)
    monkeypatch.delenv("SSL_CERT_FILE")
    monkeypatch.setenv("SSL_CERT_DIR", "/nonexistent")
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent")
    try:
        conversation = reply(tenant, incident)
        send_due()
    finally:
        controller.stop()
    mail = state(tenant, conversation)
    assert mail["status"] == "queued"
    assert "CERTIFICATE_VERIFY_FAILED" in mail["last_error"]
    assert inbox.mails == []
