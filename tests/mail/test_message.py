"""The message a reply goes out as, built with the standard library's email package."""

from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser

from mail import message


def built(**overrides) -> bytes:
    outgoing = message.Outgoing(
        from_address="help@acme.test",
        from_name="Zoë's IT désk",
        to=["ada@example.org"],
        cc=[],
        subject=message.subject_for("INCI-7", "Drucker \u2013 kaputt\r\nBcc: victim@example.com"),
        body_html="<p>Grüße</p>",
        message_id="<m@acme.test>",
        moment=datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
        references=[f"<r{n}@x>" for n in range(30)],
        attachments=[("報告書.pdf", "application/pdf", b"%PDF-1.4\n")],
        incident_display_id="INCI-7",
    )
    for name, value in overrides.items():
        setattr(outgoing, name, value)
    return message.build(outgoing).as_bytes(policy=policy.SMTP)


def test_non_ascii_names_subjects_and_files_survive_the_wire():
    raw = built()
    assert all(byte < 128 for byte in raw)  # 7-bit on the wire: RFC 2047 / 2231 / base64
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert parsed["From"].addresses[0].display_name == "Zoë's IT désk"
    assert parsed["Subject"] == "[INCI-7] Drucker \u2013 kaputt  Bcc: victim@example.com"
    assert parsed["Bcc"] is None  # a line break in a summary never makes a header
    assert parsed["Date"] == "Tue, 01 Dec 2026 10:00:00 +0000"
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename() == "報告書.pdf"
    assert "Grüße" in parsed.get_body(preferencelist=("plain",)).get_content()


def test_references_keep_the_newest_twenty():
    parsed = BytesParser(policy=policy.default).parsebytes(built())
    assert parsed["References"].split() == [f"<r{n}@x>" for n in range(10, 30)]


def test_display_ids_in_subjects():
    assert message.display_ids_in("Re: [inci-12] and [CHG-3] [x] [INCI-]") == ["INCI-12", "CHG-3"]


def test_the_latest_reply_keeps_text_without_quotes_whole():
    assert message.latest_reply("one\ntwo\n") == "one\ntwo"
