"""Real-world message shapes, written by the tests (nothing is read from disk)."""

import base64
import quopri
from email import policy
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def headers(message, *, subject="Printer on fire", message_id="<m1@example.org>", **extra):
    message["From"] = extra.pop("sender", "Ada Lovelace <ada@example.org>")
    message["To"] = extra.pop("to", "help@acme.test")
    if subject is not None:
        message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0000"
    for name, value in extra.items():
        message[name.replace("_", "-")] = value
    return message


def plain(text="The printer on floor 2 is on fire.", **kwargs) -> bytes:
    message = EmailMessage()
    message.set_content(text)
    return headers(message, **kwargs).as_bytes()


def alternative(**kwargs) -> bytes:
    message = EmailMessage()
    message.set_content("Plain: the VPN drops.")
    message.add_alternative("<p>HTML: the <b>VPN</b> drops.</p>", subtype="html")
    return headers(message, **kwargs).as_bytes()


def mixed_with_pdf(**kwargs) -> bytes:
    message = EmailMessage()
    message.set_content("See the attached invoice.")
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="invoice.pdf")
    return headers(message, **kwargs).as_bytes()


def inline_cid_image(**kwargs) -> bytes:
    """multipart/related: HTML only, with an inline image referred to by cid."""
    related = MIMEMultipart("related")
    related.attach(MIMEText('<p>Look:</p><img src="cid:shot1@example.org">', "html"))
    image = MIMEImage(PNG, "png")
    image["Content-ID"] = "<shot1@example.org>"
    image["Content-Disposition"] = "inline"
    related.attach(image)
    return headers(related, **kwargs).as_bytes()


def rfc2231_and_2047_names(**kwargs) -> bytes:
    message = MIMEMultipart("mixed")
    message.attach(MIMEText("Files attached.", "plain", "utf-8"))
    first = MIMEApplication(PDF, "pdf")
    first.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "報告書.pdf"))
    message.attach(first)
    second = MIMEApplication(PDF, "pdf")
    second["Content-Disposition"] = 'attachment; filename="=?UTF-8?B?w7xiZXJzaWNodC5wZGY=?="'
    message.attach(second)
    kwargs.setdefault("subject", "=?UTF-8?B?RHJ1Y2tlciBrYXB1dHQg4oCTIMO8YmVyYWxs?=")
    return headers(message, **kwargs).as_bytes()


def charset_body(text: str, charset: str, encoding: str, **kwargs) -> bytes:
    """A text body in `charset`, quoted-printable or base64."""
    data = text.encode(charset)
    encode = quopri.encodestring if encoding == "quoted-printable" else base64.encodebytes
    body = encode(data)
    head = headers(EmailMessage(), **kwargs)
    lines = [f"{name}: {value}" for name, value in head.items()]
    lines += [
        "MIME-Version: 1.0",
        f'Content-Type: text/plain; charset="{charset}"',
        f"Content-Transfer-Encoding: {encoding}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def html_only(**kwargs) -> bytes:
    message = EmailMessage()
    message.set_content(
        '<p>Only <i>HTML</i><script>steal()</script><a href="javascript:x()">here</a></p>',
        subtype="html",
    )
    return headers(message, **kwargs).as_bytes()


def big_attachment(size: int, **kwargs) -> bytes:
    message = EmailMessage()
    message.set_content("A big log.")
    message.add_attachment(
        (b"0123456789abcdef" * (size // 16 + 1))[:size],
        maintype="application",
        subtype="octet-stream",
        filename="big.log",
    )
    return headers(message, **kwargs).as_bytes(policy=policy.SMTP)


def reply_with_quote(in_reply_to="", references="", subject="Re: Printer on fire", **kwargs):
    kwargs.setdefault("message_id", "<reply@example.org>")
    text = (
        "It is working again, thanks!\n\nAda\n\n"
        "On Tue, 1 Dec 2026 at 10:00, Acme IT <help@acme.test> wrote:\n"
        "> Please try again.\n> Acme IT\n"
    )
    extra = {}
    if in_reply_to:
        extra["In_Reply_To"] = in_reply_to
    if references:
        extra["References"] = references
    return plain(text, subject=subject, **extra, **kwargs)
