"""`manage.py fetch_mail` against a real IMAP server (GreenMail, started by a fixture)."""

import imaplib
import smtplib
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conversations.documents import Conversation
from incidents.documents import Incident
from tests.mail import corpus

SETTINGS = "/ux/sd/org/mail-settings/"


@pytest.fixture
def mailbox(tenant, greenmail):
    """A fresh mailbox of the tenant, polled with IMAP without TLS (loopback only)."""
    address = f"help-{uuid.uuid4().hex[:10]}@acme.test"
    body = {
        "from_address": address,
        "inbound_addresses": [address],
        "imap": {
            "host": "127.0.0.1",
            "port": greenmail["imap_port"],
            "security": "plain",
            "username": address,
            "password": "imap-pa55word",
        },
    }
    assert tenant.admin.put(SETTINGS, body, format="json").status_code == 200
    return {"address": address, **greenmail}


def send(box, raw: bytes):
    with smtplib.SMTP("127.0.0.1", box["smtp_port"], timeout=10) as client:
        client.sendmail("ada@example.org", [box["address"]], raw)


def imap_flags(box) -> list[bytes]:
    client = imaplib.IMAP4("127.0.0.1", box["imap_port"], timeout=10)
    client.login(box["address"], "any")
    client.select("INBOX")
    _, data = client.uid("FETCH", "1:*", "(FLAGS)")
    client.logout()
    return [line for line in data if line]


def fetch(*args) -> str:
    out = StringIO()
    call_command("fetch_mail", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_new_mail_is_taken_once_and_marked(tenant, mailbox):
    send(mailbox, corpus.plain(to=mailbox["address"], message_id="<f1@example.org>"))
    send(
        mailbox,
        corpus.plain(
            to=mailbox["address"], message_id="<f2@example.org>", Auto_Submitted="auto-replied"
        ),
    )
    output = fetch()
    assert "acme: 1 taken, 1 ignored, 0 refused, 0 failed" in output
    assert "ignored (auto_submitted)" in output
    [incident] = Incident.objects(organization_id=tenant.org.id)
    assert incident.basic_info.summary == "Printer on fire"
    assert incident.source_info.name == "Email"
    assert all(b"$Servicedesk" in line and b"\\Seen" in line for line in imap_flags(mailbox))

    assert "acme: 0 taken, 0 ignored" in fetch()
    assert Incident.objects.count() == 1


def test_mail_read_in_a_mail_client_is_still_taken(tenant, mailbox):
    send(mailbox, corpus.plain(to=mailbox["address"], message_id="<seen@example.org>"))
    client = imaplib.IMAP4("127.0.0.1", mailbox["imap_port"], timeout=10)
    client.login(mailbox["address"], "any")
    client.select("INBOX")
    client.uid("STORE", "1:*", "+FLAGS", "(\\Seen)")
    client.logout()
    assert "1 taken" in fetch()


def test_a_reply_fetched_threads_on_its_incident(tenant, mailbox):
    send(mailbox, corpus.plain(to=mailbox["address"], message_id="<t1@example.org>"))
    fetch()
    send(
        mailbox,
        corpus.reply_with_quote(
            in_reply_to="<t1@example.org>", to=mailbox["address"], message_id="<t2@example.org>"
        ),
    )
    fetch()
    assert Incident.objects.count() == 1
    assert Conversation.objects(direction="inbound").count() == 2


def test_a_malformed_message_is_refused_marked_and_not_taken_again(tenant, mailbox):
    send(mailbox, b"Subject: nobody\r\nMessage-ID: <bad@x>\r\n\r\nno sender at all\r\n")
    output = fetch()
    assert "1 refused" in output
    assert "0 refused" in fetch()
    assert Incident.objects.count() == 0


def test_an_unreachable_server_fails_the_command_without_the_password(tenant, mailbox):
    from tests.mail.conftest import free_port

    body = tenant.admin.get(SETTINGS).json()
    body["imap"] = {**body["imap"], "port": free_port()}
    body["imap"].pop("password_set")
    assert tenant.admin.put(SETTINGS, body, format="json").status_code == 200
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("fetch_mail", stdout=StringIO(), stderr=err)
    assert "127.0.0.1" in err.getvalue()
    assert "imap-pa55word" not in err.getvalue()


def test_only_the_named_organizations_are_polled(tenant, other_tenant, mailbox):
    send(mailbox, corpus.plain(to=mailbox["address"], message_id="<o1@example.org>"))
    assert "acme" not in fetch("--org", "globex")
    assert Incident.objects.count() == 0
    assert "1 taken" in fetch("--org", "acme")
    with pytest.raises(CommandError, match="no organization nope"):
        fetch("--org", "nope")


def test_a_disabled_account_is_not_polled(tenant, mailbox):
    body = tenant.admin.get(SETTINGS).json()
    body["imap"] = {**body["imap"], "enabled": False}
    body["imap"].pop("password_set")
    tenant.admin.put(SETTINGS, body, format="json")
    send(mailbox, corpus.plain(to=mailbox["address"], message_id="<d1@example.org>"))
    assert "no IMAP mailbox is configured" in fetch()
    assert Incident.objects.count() == 0
