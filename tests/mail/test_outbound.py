"""Replies and forwards go out as mail through the outbox, to a real SMTP server."""

import base64
import random
from datetime import timedelta

import pytest
from bson import ObjectId

from conversations.documents import Conversation
from mail.documents import FAILED, PENDING, SENT, OutboxItem
from mail.public import send_due
from mail.services import outbox
from servicedesk.timeutil import now

INCIDENTS = "/ux/sd/inci/incident/"
CONVERSATIONS = "/ux/sd/inci/conversation/"


@pytest.fixture
def incident(tenant):
    response = tenant.writer.post(
        INCIDENTS,
        {"summary": "VPN drops", "requester_name": "Ada", "requester_email": "ada@example.org"},
        format="json",
    )
    assert response.status_code == 201
    return response.json()


def reply(client, incident, **fields):
    body = {"incident_id": incident["incident_id"], "kind": "reply", "body": "<p>Try again</p>"}
    response = client.post(CONVERSATIONS, {**body, **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def mail_of(client, conversation):
    return client.get(f"{CONVERSATIONS}{conversation['conversation_id']}/").json()["mail"]


def make_due():
    OutboxItem._get_collection().update_many(
        {"status": PENDING}, {"$set": {"next_attempt_at": now() - timedelta(seconds=1)}}
    )


def test_a_reply_is_queued_then_sent_as_a_human_threaded_mail(
    tenant, incident, smtp_inbox, mail_settings
):
    conversation = reply(
        tenant.writer,
        incident,
        body='<p>Try <b>again</b><script>alert(1)</script><img src="x" onerror="e()"></p>',
        cc=["boss@example.org"],
        bcc=["audit@example.org"],
    )
    assert conversation["mail"]["status"] == "queued"
    assert conversation["mail"]["message_id"].endswith("@acme.test>")
    assert smtp_inbox.mails == []  # nothing is sent by the request itself

    assert send_due() == 1
    [mail] = smtp_inbox.mails
    message = mail["message"]
    assert mail["from"] == "help@acme.test"
    assert sorted(mail["to"]) == ["ada@example.org", "audit@example.org", "boss@example.org"]
    assert message["From"] == "Acme IT <help@acme.test>"
    assert message["To"] == "ada@example.org"
    assert message["Cc"] == "boss@example.org"
    assert message["Bcc"] is None
    assert message["Subject"] == f"[{incident['display_id']}] VPN drops"
    assert message["Message-ID"] == conversation["mail"]["message_id"]
    assert message["Auto-Submitted"] is None
    assert message["In-Reply-To"] is None  # nothing came in by mail yet
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Try again" in text
    assert "<b>again</b>" in html
    assert "script" not in html
    assert "onerror" not in html

    state = mail_of(tenant.reader, conversation)
    assert state["status"] == "sent"
    assert state["attempts"] == 1
    assert state["sent_at"] is not None
    assert OutboxItem.objects.get().status == SENT
    assert send_due() == 0  # sent once


def test_the_conversations_attachments_are_attached(tenant, incident, smtp_inbox, mail_settings):
    upload = tenant.writer.post(
        "/ux/sd/inci/incident/add-attachment/",
        {
            "incident_id": incident["incident_id"],
            "files": [
                {
                    "file_name": "vpn.log",
                    "content_base64": base64.b64encode(b"line one\n").decode(),
                }
            ],
        },
        format="json",
    )
    assert upload.status_code == 201, upload.content
    attachment_id = upload.json()[0]["attachment_id"]
    reply(tenant.writer, incident, attachment_ids=[attachment_id])
    send_due()
    [attached] = list(smtp_inbox.mails[0]["message"].iter_attachments())
    assert attached.get_filename() == "vpn.log"
    assert attached.get_content() in ("line one\n", b"line one\n")


def test_a_private_note_is_never_mailed(tenant, incident, smtp_inbox, mail_settings):
    note = reply(tenant.writer, incident, kind="note")
    assert note["mail"] is None
    assert send_due() == 0
    assert smtp_inbox.mails == []
    assert not OutboxItem.objects.count()


def test_a_forward_goes_to_its_recipients(tenant, incident, smtp_inbox, mail_settings):
    forward = reply(tenant.writer, incident, kind="forward", to=["vendor@example.net"])
    assert forward["mail"]["status"] == "queued"
    send_due()
    assert smtp_inbox.mails[0]["to"] == ["vendor@example.net"]


def test_without_an_smtp_server_nothing_is_sent_and_the_conversation_says_so(
    tenant, incident, mail_settings, settings
):
    settings.SERVICEDESK_SMTP_URL = ""
    conversation = reply(tenant.writer, incident)
    assert conversation["mail"]["status"] == "not_sent"
    assert "SERVICEDESK_SMTP_URL" in conversation["mail"]["last_error"]
    assert not OutboxItem.objects.count()


def test_without_a_from_address_nothing_is_sent(tenant, incident, smtp_inbox):
    conversation = reply(tenant.writer, incident)
    assert conversation["mail"]["status"] == "not_sent"
    assert "from_address" in conversation["mail"]["last_error"]
    assert send_due() == 0
    assert smtp_inbox.mails == []


def test_a_reply_without_recipients_is_not_sent(tenant, mail_settings, smtp_inbox):
    bare = tenant.writer.post(INCIDENTS, {"summary": "No requester"}, format="json").json()
    conversation = reply(tenant.writer, bare)
    assert conversation["mail"]["status"] == "not_sent"
    assert conversation["mail"]["last_error"] == "No recipients."


def test_a_failing_server_never_loses_the_reply_and_retries_with_backoff(
    tenant, incident, smtp_inbox, mail_settings, settings
):
    settings.SERVICEDESK_MAIL_MAX_ATTEMPTS = 3
    smtp_inbox.refuse = "451 4.3.0 try later"
    conversation = reply(tenant.writer, incident)
    before = now()
    assert send_due() == 1
    state = mail_of(tenant.reader, conversation)
    assert state["status"] == "queued"
    assert state["attempts"] == 1
    assert "451" in state["last_error"]
    item = OutboxItem.objects.get()
    assert item.status == PENDING
    assert item.next_attempt_at > before  # not due again at once
    assert send_due() == 0

    make_due()
    smtp_inbox.refuse = ""
    assert send_due() == 1
    state = mail_of(tenant.reader, conversation)
    assert (state["status"], state["attempts"], state["last_error"]) == ("sent", 2, "")
    assert len(smtp_inbox.mails) == 1


def test_after_the_last_attempt_it_is_failed(tenant, incident, smtp_inbox, mail_settings, settings):
    settings.SERVICEDESK_MAIL_MAX_ATTEMPTS = 2
    smtp_inbox.refuse = "421 4.7.0 busy"
    conversation = reply(tenant.writer, incident)
    send_due()
    make_due()
    send_due()
    state = mail_of(tenant.reader, conversation)
    assert (state["status"], state["attempts"]) == ("failed", 2)
    assert OutboxItem.objects.get().status == FAILED
    make_due()
    assert send_due() == 0


def test_a_permanent_refusal_fails_at_once(tenant, incident, smtp_inbox, mail_settings):
    smtp_inbox.refuse = "554 5.7.1 rejected"
    conversation = reply(tenant.writer, incident)
    send_due()
    state = mail_of(tenant.reader, conversation)
    assert (state["status"], state["attempts"]) == ("failed", 1)
    assert "554" in state["last_error"]


def test_an_unreachable_server_is_retried(tenant, incident, mail_settings, settings):
    from tests.mail.conftest import free_port

    settings.SERVICEDESK_SMTP_URL = f"smtp://127.0.0.1:{free_port()}"
    conversation = reply(tenant.writer, incident)
    send_due()
    state = mail_of(tenant.reader, conversation)
    assert state["status"] == "queued"
    assert "127.0.0.1" in state["last_error"]


def test_a_password_in_the_smtp_url_is_never_in_an_error(tenant, incident, mail_settings, settings):
    from tests.mail.conftest import free_port

    settings.SERVICEDESK_SMTP_URL = f"smtp://desk:pa55word@127.0.0.1:{free_port()}"
    conversation = reply(tenant.writer, incident)
    send_due()
    assert "pa55word" not in str(mail_of(tenant.reader, conversation))


def test_a_deleted_conversation_is_dropped_from_the_outbox(
    tenant, incident, smtp_inbox, mail_settings
):
    conversation = reply(tenant.writer, incident)
    assert (
        tenant.writer.delete(f"{CONVERSATIONS}{conversation['conversation_id']}/").status_code
        == 204
    )
    OutboxItem._get_collection().update_many(
        {}, {"$set": {"created_at": now() - timedelta(minutes=5)}}
    )
    send_due()
    assert OutboxItem.objects.get().status == "dropped"
    assert smtp_inbox.mails == []


def test_backoff_doubles_and_is_capped(settings):
    settings.SERVICEDESK_MAIL_BACKOFF_SECONDS = 10
    settings.SERVICEDESK_MAIL_BACKOFF_MAX_SECONDS = 60
    rng = random.Random(1)
    assert timedelta(seconds=5) <= outbox.backoff(1, rng) <= timedelta(seconds=15)
    assert timedelta(seconds=10) <= outbox.backoff(2, rng) <= timedelta(seconds=30)
    assert outbox.backoff(10, rng) <= timedelta(seconds=90)


def test_a_claimed_item_is_not_taken_twice():
    item = OutboxItem(
        organization_id=ObjectId(),
        incident_id=ObjectId(),
        conversation_id=ObjectId(),
        key_id=ObjectId(),
        message_id="<x@y>",
        next_attempt_at=now() - timedelta(seconds=1),
    )
    item.save()
    assert outbox.claim() is not None
    assert outbox.claim() is None


def test_a_later_reply_threads_on_the_mail_that_came_in(
    tenant, incident, smtp_inbox, mail_settings, mail_client
):
    first = reply(tenant.writer, incident)
    send_due()
    raw = (
        "From: Ada <ada@example.org>\r\nTo: help@acme.test\r\n"
        f"Subject: Re: [{incident['display_id']}] VPN drops\r\n"
        f"In-Reply-To: {first['mail']['message_id']}\r\n"
        "Message-ID: <answer-1@example.org>\r\n\r\nStill broken.\r\n"
    ).encode()
    response = mail_client.post("/ux/sd/inci/mail/inbound/", raw, content_type="message/rfc822")
    assert response.status_code == 201
    reply(tenant.writer, incident, body="<p>Fixed now</p>")
    send_due()
    second = smtp_inbox.mails[1]["message"]
    assert second["In-Reply-To"] == "<answer-1@example.org>"
    assert second["References"].split() == [first["mail"]["message_id"], "<answer-1@example.org>"]
    assert Conversation.objects(direction="inbound").count() == 1
