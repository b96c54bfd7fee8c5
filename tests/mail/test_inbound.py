"""POST mail/inbound/: raw messages become incidents or replies, never a 500 or half a write."""

import threading

import pytest
from rest_framework.test import APIClient

from attachments.documents import Attachment
from conversations.documents import Conversation
from incidents.documents import Incident
from mail.documents import MailMessage
from tests.mail import corpus
from tests.support.directory import directory_job

INBOUND = "/ux/sd/inci/mail/inbound/"
INCIDENTS = "/ux/sd/inci/incident/"


def deliver(client, raw: bytes):
    return client.post(INBOUND, raw, content_type="message/rfc822")


def created(client, raw: bytes) -> dict:
    response = deliver(client, raw)
    assert response.status_code == 201, response.content
    return response.json()


def incident_of(tenant, ref) -> dict:
    response = tenant.reader.get(f"{INCIDENTS}{ref}/")
    assert response.status_code == 200
    return response.json()


def files_of(tenant, incident_id) -> dict:
    listed = tenant.reader.get(f"/ux/sd/inci/incident/attachment/?incident_id={incident_id}").json()
    return {item["file_name"]: item for item in listed}


def conversations_of(tenant, incident_id) -> list:
    return tenant.reader.get(f"/ux/sd/inci/conversation/?incident_id={incident_id}").json()


def nothing_stored():
    assert Incident.objects.count() == 0
    assert Conversation.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert MailMessage.objects.count() == 0


# --- A new message becomes a new incident -------------------------------------------


def test_a_new_message_becomes_an_email_incident_with_its_requester(tenant, mail_client):
    answer = created(mail_client, corpus.alternative())
    assert answer["created_incident"] is True
    incident = incident_of(tenant, answer["incident_id"])
    assert incident["display_id"] == answer["display_id"]
    assert incident["source_info"]["name"] == "Email"
    assert incident["requester"]["name"] == "Ada Lovelace"
    assert incident["requester"]["email"] == "ada@example.org"
    assert incident["basic_info"]["summary"] == "Printer on fire"
    assert "Plain: the VPN drops." in incident["basic_info"]["description"]
    assert incident["unread_mail"] is True
    [conversation] = conversations_of(tenant, answer["incident_id"])
    assert conversation["conversation_id"] == answer["conversation_id"]
    assert (conversation["kind"], conversation["direction"]) == ("reply", "inbound")
    assert conversation["from"] == "ada@example.org"
    assert conversation["mail"]["status"] == "received"
    assert conversation["mail"]["message_id"] == "<m1@example.org>"
    files = files_of(tenant, answer["incident_id"])
    assert list(files) == ["original.eml"]
    assert conversation["attachment_ids"] == [files["original.eml"]["attachment_id"]]
    assert files["original.eml"]["conversation_id"] == answer["conversation_id"]
    # The requester directory knows the sender once its job has run (within seconds).
    directory_job()
    found = tenant.reader.get("/ux/sd/inci/incident/requester_search/?q=ada").json()
    assert "ada@example.org" in str(found)


def test_a_bare_address_takes_the_name_the_directory_knows(tenant, mail_client):
    created(mail_client, corpus.plain())  # From: Ada Lovelace <ada@example.org>
    directory_job()
    answer = created(mail_client, corpus.plain(sender="ada@example.org", message_id="<m2@x>"))
    assert incident_of(tenant, answer["incident_id"])["requester"] == {
        "id": "",
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "phone": "",
    }


def test_original_eml_keeps_the_whole_message(tenant, mail_client):
    raw = corpus.mixed_with_pdf()
    answer = created(mail_client, raw)
    files = files_of(tenant, answer["incident_id"])
    assert set(files) == {"original.eml", "invoice.pdf"}
    assert files["original.eml"]["size"] == len(raw)
    assert files["invoice.pdf"]["content_type"] == "application/pdf"
    download = tenant.reader.get(files["original.eml"]["download_url"])
    assert b"".join(download.streaming_content) == raw


@pytest.mark.parametrize(
    ("raw", "summary", "description_has", "files"),
    [
        (corpus.plain(), "Printer on fire", "floor 2 is on fire", set()),
        (corpus.alternative(), "Printer on fire", "Plain: the VPN drops.", set()),
        (corpus.mixed_with_pdf(), "Printer on fire", "attached invoice", {"invoice.pdf"}),
        (corpus.inline_cid_image(), "Printer on fire", "Look:", {"attachment-2.png"}),
        (
            corpus.rfc2231_and_2047_names(subject=None),
            "(no subject)",
            "Files attached.",
            {"報告書.pdf", "übersicht.pdf"},
        ),
        (
            corpus.rfc2231_and_2047_names(),
            "Drucker kaputt \u2013 überall",
            "Files attached.",
            set(),
        ),
        (
            corpus.charset_body("Café crème, très chaud", "iso-8859-1", "quoted-printable"),
            "Printer on fire",
            "Café crème, très chaud",
            set(),
        ),
        (
            corpus.charset_body(
                "Price: 5 € \u2013 \u201cquoted\u201d", "windows-1252", "quoted-printable"
            ),
            "Printer on fire",
            "Price: 5 € \u2013 \u201cquoted\u201d",
            set(),
        ),
        (
            corpus.charset_body("プリンターが壊れました", "shift_jis", "base64"),
            "Printer on fire",
            "プリンターが壊れました",
            set(),
        ),
        (
            corpus.charset_body("Grüße aus Köln", "utf-8", "base64"),
            "Printer on fire",
            "Grüße aus Köln",
            set(),
        ),
        (corpus.plain(subject=None), "(no subject)", "on fire", set()),
        (corpus.plain(subject="   "), "(no subject)", "on fire", set()),
        (corpus.html_only(), "Printer on fire", "<i>HTML</i>", set()),
    ],
    ids=[
        "plain",
        "alternative",
        "mixed-pdf",
        "inline-cid-image",
        "rfc2231-rfc2047-file-names-no-subject",
        "rfc2047-subject",
        "iso-8859-1-qp",
        "windows-1252-qp",
        "shift-jis-base64",
        "utf-8-base64",
        "no-subject",
        "blank-subject",
        "no-text-part",
    ],
)
def test_the_corpus_gives_incidents(tenant, mail_client, raw, summary, description_has, files):
    answer = created(mail_client, raw)
    incident = incident_of(tenant, answer["incident_id"])
    assert incident["basic_info"]["summary"] == summary
    assert description_has in incident["basic_info"]["description"]
    stored = set(files_of(tenant, answer["incident_id"]))
    assert files <= stored
    assert "original.eml" in stored


def test_the_cid_image_is_stored_as_an_image(tenant, mail_client):
    answer = created(mail_client, corpus.inline_cid_image())
    files = files_of(tenant, answer["incident_id"])
    [image] = [item for name, item in files.items() if name != "original.eml"]
    assert image["content_type"] == "image/png"


def test_html_only_mail_is_sanitized(tenant, mail_client):
    answer = created(mail_client, corpus.html_only())
    description = incident_of(tenant, answer["incident_id"])["basic_info"]["description"]
    assert "script" not in description
    assert "javascript:" not in description


def test_an_unknown_charset_still_gives_an_incident(tenant, mail_client):
    raw = corpus.plain().replace(b'charset="utf-8"', b'charset="x-no-such-charset"')
    raw = raw.replace(b"charset=utf-8", b"charset=x-no-such-charset")
    answer = created(mail_client, raw)
    assert "on fire" in incident_of(tenant, answer["incident_id"])["basic_info"]["description"]


def test_a_broken_multipart_still_gives_an_incident(tenant, mail_client):
    raw = (
        b"From: ada@example.org\r\nTo: help@acme.test\r\nSubject: broken\r\n"
        b"Message-ID: <broken@example.org>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="never-used"\r\n\r\nno parts at all\r\n'
    )
    answer = created(mail_client, raw)
    assert incident_of(tenant, answer["incident_id"])["basic_info"]["summary"] == "broken"


def test_a_20_mib_attachment_is_stored(tenant, mail_client):
    size = 20 * 1024 * 1024
    answer = created(mail_client, corpus.big_attachment(size))
    assert files_of(tenant, answer["incident_id"])["big.log"]["size"] == size


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \r\n",
        b"this is not a mail at all",
        b"\x00\xff\xfe garbage \x00",
        b"Subject: nobody sent this\r\n\r\nbody",
        b"From: not-an-address\r\nSubject: x\r\n\r\nbody",
    ],
    ids=["empty", "blank", "prose", "binary", "no-from", "from-without-address"],
)
def test_a_malformed_message_is_400_naming_message(mail_client, raw):
    response = deliver(mail_client, raw)
    assert response.status_code == 400, response.content
    [error] = response.json()["errors"]
    assert error["attr"] == "message"
    nothing_stored()


def test_another_content_type_is_415(mail_client):
    response = mail_client.post(INBOUND, {"raw": "x"}, format="json")
    assert response.status_code == 415
    nothing_stored()


# --- Limits -----------------------------------------------------------------------


def padded(size: int) -> bytes:
    raw = corpus.plain(text="x")
    return raw + b"y" * (size - len(raw))


def test_the_message_size_limit_at_the_limit_and_one_past(tenant, mail_client, settings):
    settings.SERVICEDESK_MAX_INBOUND_MAIL_BYTES = 4096
    assert deliver(mail_client, padded(4096)).status_code == 201
    response = deliver(mail_client, padded(4097).replace(b"<m1@", b"<m2@"))
    assert response.status_code == 413
    assert Incident.objects.count() == 1


def test_an_attachment_over_the_upload_limit_is_413_and_nothing_is_written(mail_client, settings):
    settings.SERVICEDESK_MAX_ATTACHMENT_BYTES = 1000
    at_limit = corpus.big_attachment(1000, message_id="<a@example.org>")
    assert deliver(mail_client, at_limit).status_code == 201
    Incident.objects.delete()
    Conversation.objects.delete()
    Attachment.objects.delete()
    MailMessage.objects.delete()
    response = deliver(mail_client, corpus.big_attachment(1001, message_id="<b@example.org>"))
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "file_too_large"
    nothing_stored()


def test_too_many_attachments_is_413(mail_client, settings):
    settings.SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST = 1
    from email.message import EmailMessage

    message = EmailMessage()
    message.set_content("two files")
    for name in ("a.bin", "b.bin"):
        message.add_attachment(b"data", maintype="application", subtype="x", filename=name)
    raw = corpus.headers(message).as_bytes()
    assert deliver(mail_client, raw).status_code == 413
    nothing_stored()


# --- Replies ----------------------------------------------------------------------


@pytest.fixture
def first(mail_client):
    return created(mail_client, corpus.plain())


def test_a_reply_by_in_reply_to_lands_on_the_incident_with_its_quote_cut(
    tenant, mail_client, first
):
    raw = corpus.reply_with_quote(in_reply_to="<m1@example.org>", message_id="<m2@example.org>")
    answer = created(mail_client, raw)
    assert answer["created_incident"] is False
    assert answer["incident_id"] == first["incident_id"]
    latest = conversations_of(tenant, first["incident_id"])[-1]
    assert "It is working again" in latest["body"]
    assert "Please try again" not in latest["body"]
    assert "wrote:" not in latest["body"]
    # ... but the whole message is kept.
    assert Attachment.objects(file_name="original.eml").count() == 2
    assert latest["attachment_ids"] == [
        str(Attachment.objects(file_name="original.eml").order_by("-uploaded_at").first().id)
    ]


def test_a_reply_by_references_lands_on_the_incident(tenant, mail_client, first):
    raw = corpus.reply_with_quote(
        references="<unknown@x> <m1@example.org>", message_id="<m3@example.org>", subject="Hi"
    )
    assert created(mail_client, raw)["incident_id"] == first["incident_id"]


def test_a_reply_by_the_subject_tag_lands_on_the_incident(tenant, mail_client, first):
    raw = corpus.plain(
        "more info", subject=f"Re: [{first['display_id']}] Printer", message_id="<m4@x>"
    )
    answer = created(mail_client, raw)
    assert answer["incident_id"] == first["incident_id"]
    assert answer["created_incident"] is False


def test_an_inbound_reply_sets_unread_mail_and_a_patch_clears_it(tenant, mail_client, first):
    path = f"{INCIDENTS}{first['incident_id']}/"
    assert tenant.writer.patch(path, {"unread_mail": False}, format="json").status_code == 200
    assert incident_of(tenant, first["incident_id"])["unread_mail"] is False
    created(mail_client, corpus.reply_with_quote(in_reply_to="<m1@example.org>", message_id="<r>"))
    assert incident_of(tenant, first["incident_id"])["unread_mail"] is True
    assert tenant.writer.patch(path, {"unread_mail": False}, format="json").status_code == 200
    assert incident_of(tenant, first["incident_id"])["unread_mail"] is False


def test_a_reply_to_a_resolved_incident_reopens_it(tenant, mail_client, first):
    resolved = tenant.writer.post(
        "/ux/sd/inci/incident/inci_resolve/",
        {
            "incident_ids": [first["incident_id"]],
            "resolution_type": "Fixed",
            "closure_note": "Replaced the toner.",
        },
        format="json",
    )
    assert resolved.json()["results"][0]["ok"], resolved.content
    answer = created(mail_client, corpus.reply_with_quote(in_reply_to="<m1@example.org>"))
    assert answer["incident_id"] == first["incident_id"]
    incident = incident_of(tenant, first["incident_id"])
    assert incident["basic_info"]["state"] == "Open"
    assert incident["close_info"]["reopen_count"] == 1
    assert "replied by email" in incident["close_info"]["last_reopen_reason"]


def test_a_reply_to_a_closed_incident_starts_a_new_one_that_refers_to_it(
    tenant, mail_client, first
):
    cancelled = tenant.writer.post(
        "/ux/sd/inci/incident/close_inci_request/",
        {"incident_ids": [first["incident_id"]], "reason": "Duplicate"},
        format="json",
    )
    assert cancelled.json()["results"][0]["ok"], cancelled.content
    answer = created(mail_client, corpus.reply_with_quote(in_reply_to="<m1@example.org>"))
    assert answer["created_incident"] is True
    assert answer["incident_id"] != first["incident_id"]
    follow_up = incident_of(tenant, answer["incident_id"])
    assert follow_up["reference"] == [
        {
            "type": "follow_up_of",
            "incident_id": first["incident_id"],
            "display_id": first["display_id"],
        }
    ]
    assert incident_of(tenant, first["incident_id"])["basic_info"]["state"] == "Closed"


def test_a_reply_to_a_trashed_incident_starts_a_new_one(tenant, mail_client, first):
    assert tenant.writer.delete(f"{INCIDENTS}{first['incident_id']}/").status_code == 204
    answer = created(mail_client, corpus.reply_with_quote(in_reply_to="<m1@example.org>"))
    assert answer["created_incident"] is True


# --- Duplicates and loops ------------------------------------------------------------


def test_the_same_message_id_twice_creates_nothing_the_second_time(tenant, mail_client):
    created(mail_client, corpus.plain())
    response = deliver(mail_client, corpus.plain(text="a changed body, same id"))
    assert (response.status_code, response.json()) == (200, {"ignored": "duplicate"})
    assert Incident.objects.count() == 1
    assert Conversation.objects.count() == 1


def test_a_message_without_message_id_is_identified_by_its_bytes(tenant, mail_client):
    raw = corpus.plain(message_id=None)
    created(mail_client, raw)
    assert deliver(mail_client, raw).json() == {"ignored": "duplicate"}
    assert deliver(mail_client, corpus.plain("other", message_id=None)).status_code == 201


def test_racing_deliveries_of_one_message_create_one_incident(tenant):
    from servicedesk.tenancy import services

    raw = corpus.plain()
    results = []

    def post():
        _, key = services.api_key_create(org=tenant.org, name="mta", scope="mail")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=key)
        results.append(deliver(client, raw).status_code)

    threads = [threading.Thread(target=post) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200] * 5 + [201]
    assert Incident.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"Auto_Submitted": "auto-replied"}, "auto_submitted"),
        ({"Auto_Submitted": "auto-generated"}, "auto_submitted"),
        ({"Precedence": "bulk"}, "bulk_precedence"),
        ({"Precedence": "junk"}, "bulk_precedence"),
        ({"Precedence": "list"}, "bulk_precedence"),
        ({"X_Autoreply": "yes"}, "auto_reply"),
        ({"sender": "MAILER-DAEMON@mx.example.org"}, "mailer_daemon"),
        ({"sender": "postmaster@example.org"}, "mailer_daemon"),
        ({"sender": "Acme IT <help@acme.test>"}, "own_address"),
        ({"sender": "support@acme.test"}, "own_address"),
        ({"to": "someone-else@elsewhere.test"}, "not_addressed_to_organization"),
    ],
)
def test_loops_and_mail_not_for_the_organization_create_nothing(
    tenant, mail_client, mail_settings, extra, reason, caplog
):
    response = deliver(mail_client, corpus.plain(**extra))
    assert (response.status_code, response.json()) == (200, {"ignored": reason})
    nothing_stored()
    assert f"inbound mail ignored ({reason})" in caplog.text


def test_auto_submitted_no_is_a_human_mail(mail_client):
    assert deliver(mail_client, corpus.plain(Auto_Submitted="no")).status_code == 201


def test_mail_to_an_inbound_address_by_cc_or_delivered_to_is_taken(mail_client, mail_settings):
    raw = corpus.plain(to="someone@elsewhere.test", Cc="Support <SUPPORT@acme.test>")
    assert deliver(mail_client, raw).status_code == 201
    raw = corpus.plain(to="list@elsewhere.test", Delivered_To="help@acme.test", message_id="<d@x>")
    assert deliver(mail_client, raw).status_code == 201


# --- Nothing half written ---------------------------------------------------------------


def test_a_failure_midway_takes_everything_back_and_the_message_can_come_again(
    mail_client, monkeypatch
):
    from conversations import public as conversations

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(conversations, "conversation_create", broken)
    client = mail_client
    client.raise_request_exception = False
    assert deliver(client, corpus.mixed_with_pdf()).status_code == 500
    nothing_stored()
    monkeypatch.undo()
    assert deliver(client, corpus.mixed_with_pdf()).status_code == 201


def test_an_incident_taken_back_is_never_announced_to_webhooks(
    tenant, mail_client, monkeypatch, settings
):
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True  # the endpoint's loopback URL
    from conversations import public as conversations
    from tests.webhooks.helpers import deliveries, register

    register(tenant.admin, "http://127.0.0.1:9/hook")  # every event; never sent to here

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(conversations, "conversation_create", broken)
    mail_client.raise_request_exception = False
    assert deliver(mail_client, corpus.plain()).status_code == 500
    assert deliveries(tenant.admin) == []  # neither incident.created nor incident.deleted
    monkeypatch.undo()
    assert deliver(mail_client, corpus.plain()).status_code == 201
    events = [delivery["event"] for delivery in reversed(deliveries(tenant.admin))]
    assert events[0] == "incident.created"
    assert "incident.deleted" not in events


# --- Keys -------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["read", "write"])
def test_only_mail_and_admin_keys_deliver(tenant, scope):
    response = deliver(tenant.clients[scope], corpus.plain())
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "insufficient_scope"
    nothing_stored()


def test_an_admin_key_delivers(tenant):
    assert deliver(tenant.admin, corpus.plain()).status_code == 201


def test_without_a_key_it_is_401(anon):
    assert deliver(anon, corpus.plain()).status_code == 401
    nothing_stored()


def test_a_permanent_delete_forgets_the_incidents_message_ids(tenant, mail_client, first):
    body = {"incident_ids": [first["incident_id"]], "permanent": True}
    response = tenant.admin.post(f"{INCIDENTS}delete_incident/", body, format="json")
    assert response.json()["results"][0]["ok"], response.content
    assert MailMessage.objects.count() == 0
    answer = created(mail_client, corpus.reply_with_quote(in_reply_to="<m1@example.org>"))
    assert answer["created_incident"] is True
