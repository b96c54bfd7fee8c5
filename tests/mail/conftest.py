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
