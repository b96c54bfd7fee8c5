"""Mail as bytes: the message a reply goes out as, and what an inbound message says.

Pure functions over the standard library's `email` package (policy `default`:
RFC 2047 and RFC 2231 decoded, charsets honoured); nothing here touches the database.
"""

import hashlib
import html
import mimetypes
import re
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, make_msgid

from mailparser_reply import EmailReplyParser
from mailparser_reply.constants import MAIL_LANGUAGES

from servicedesk.richtext import sanitize, to_text

_MESSAGE_ID = re.compile(r"<[^<>\s]{1,990}>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MAX_REFERENCES = 20
# The quoted-reply cut reads at most this much text (its patterns are line by line).
MAX_CUT_TEXT = 200_000
AUTO_PRECEDENCE = {"bulk", "junk", "list"}
SYSTEM_SENDERS = {"mailer-daemon", "postmaster"}
DEFAULT_SUMMARY = "(no subject)"


class MalformedMessage(ValueError):
    """Not a mail this service can take (no headers, no sender); the reason says why."""


# --- Out ----------------------------------------------------------------------------


def new_message_id(from_address: str) -> str:
    domain = from_address.rpartition("@")[2] or "servicedesk.invalid"
    return make_msgid(domain=domain)


def subject_for(display_id: str, summary: str) -> str:
    return f"[{display_id}] {_CONTROL.sub(' ', summary)}".strip()


@dataclass
class Outgoing:
    from_address: str
    from_name: str
    to: list[str]
    cc: list[str]
    subject: str
    body_html: str
    message_id: str
    moment: object  # datetime
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)
    incident_display_id: str = ""


def build(outgoing: Outgoing) -> EmailMessage:
    """A human reply: text and sanitized HTML, the attachments, threaded; no Auto-Submitted."""
    message = EmailMessage()
    name = _CONTROL.sub(" ", outgoing.from_name).strip()
    local, _, domain = outgoing.from_address.partition("@")
    message["From"] = Address(display_name=name, username=local, domain=domain)
    if outgoing.to:
        message["To"] = ", ".join(outgoing.to)
    if outgoing.cc:
        message["Cc"] = ", ".join(outgoing.cc)
    message["Subject"] = outgoing.subject
    message["Date"] = format_datetime(outgoing.moment)
    message["Message-ID"] = outgoing.message_id
    if outgoing.in_reply_to:
        message["In-Reply-To"] = outgoing.in_reply_to
    if outgoing.references:
        message["References"] = " ".join(outgoing.references[-MAX_REFERENCES:])
    if outgoing.incident_display_id:
        message["X-Servicedesk-Incident"] = outgoing.incident_display_id
    clean = sanitize(outgoing.body_html)
    # Quoted-printable: 7-bit on the wire, whatever the relay says of 8BITMIME.
    message.set_content(to_text(clean) or " ", cte="quoted-printable")
    message.add_alternative(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{clean}</body></html>',
        subtype="html",
        cte="quoted-printable",
    )
    for file_name, content_type, data in outgoing.attachments:
        maintype, _, subtype = (content_type or "application/octet-stream").partition("/")
        message.add_attachment(
            data, maintype=maintype, subtype=subtype or "octet-stream", filename=file_name
        )
    return message


# --- In -----------------------------------------------------------------------------


@dataclass
class Part:
    file_name: str
    content_type: str
    data: bytes
    content_id: str = ""


@dataclass
class Inbound:
    message_id: str
    sender_name: str
    sender: str
    recipients: list[str]
    to: list[str]
    cc: list[str]
    subject: str
    in_reply_to: list[str]
    references: list[str]
    text: str
    html: str
    attachments: list[Part]
    auto_reason: str = ""  # why it is an automatic mail (a loop risk), or nothing


def _ids(value) -> list[str]:
    return _MESSAGE_ID.findall(str(value or ""))


def _addresses(message: EmailMessage, *names: str) -> list[tuple[str, str]]:
    values = []
    for name in names:
        for value in message.get_all(name, []) or []:
            values.append(str(value))
    found = []
    for display, address in getaddresses(values):
        address = address.strip().lower()
        if "@" in address and not _CONTROL.search(address) and len(address) <= 254:
            found.append((_CONTROL.sub(" ", display).strip(), address))
    return found


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header the parser cannot decode is as good as none
        return ""
    return _CONTROL.sub(" ", str(value or "")).strip()


def _decode(part: EmailMessage) -> str:
    data = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "us-ascii"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return data.decode("utf-8", errors="replace")


def _leaves(part: EmailMessage):
    """The parts that carry content, a forwarded message (message/rfc822) as one."""
    if part.get_content_maintype() == "multipart":
        for child in part.iter_parts():
            yield from _leaves(child)
    else:
        yield part


def _file_name(part: EmailMessage, index: int, content_type: str) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # an undecodable name is no name
        name = ""
    name = _NAME_CONTROL.sub("", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    name = name.lstrip(".").strip()
    if not name:
        extension = mimetypes.guess_extension(content_type) or ".bin"
        if content_type == "message/rfc822":
            extension = ".eml"
        name = f"attachment-{index}{extension}"
    if len(name) > 255:
        stem, dot, extension = name.rpartition(".")
        name = (stem[: 250 - len(extension)] + dot + extension) if dot else name[:255]
    return name


def _part_bytes(part: EmailMessage) -> bytes:
    if part.get_content_maintype() == "message":
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else payload
        if hasattr(inner, "as_bytes"):
            return inner.as_bytes(policy=policy.SMTP)
        return bytes(str(inner), "utf-8")
    return part.get_payload(decode=True) or b""


def auto_reason(message: EmailMessage, sender: str) -> str:
    """Why the message is automatic (an auto-reply, a bounce, a list), or nothing."""
    submitted = _header(message, "Auto-Submitted").lower()
    if submitted and submitted != "no":
        return "auto_submitted"
    if _header(message, "Precedence").lower() in AUTO_PRECEDENCE:
        return "bulk_precedence"
    if _header(message, "X-Autoreply") or _header(message, "X-Autorespond"):
        return "auto_reply"
    if sender.partition("@")[0] in SYSTEM_SENDERS:
        return "mailer_daemon"
    if message.get_content_type() == "multipart/report":
        return "delivery_report"
    return ""


def parse(raw: bytes) -> Inbound:
    """What a raw RFC 822 message says; MalformedMessage when it is no mail at all."""
    if not raw.strip():
        raise MalformedMessage("The message is empty.")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if not message.keys():
        raise MalformedMessage("The message has no headers.")
    senders = _addresses(message, "From") or _addresses(message, "Sender", "Reply-To")
    if not senders:
        raise MalformedMessage("The message has no sender address (From).")
    sender_name, sender = senders[0]
    message_id = next(iter(_ids(_header(message, "Message-ID"))), "")
    if not message_id:  # the same bytes delivered twice still land once
        message_id = f"<{hashlib.sha256(raw).hexdigest()}@no-message-id.invalid>"
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    text = _decode(text_part) if text_part is not None else ""
    markup = _decode(html_part) if html_part is not None else ""
    attachments = []
    for index, part in enumerate(_leaves(message), start=1):
        if part is text_part or part is html_part:
            continue
        content_type = part.get_content_type()
        data = _part_bytes(part)
        if not data:
            continue
        content_id = _header(part, "Content-ID").strip("<>")
        attachments.append(
            Part(_file_name(part, index, content_type), content_type, data, content_id)
        )
    to = [address for _, address in _addresses(message, "To")]
    cc = [address for _, address in _addresses(message, "Cc")]
    envelope = [
        address
        for _, address in _addresses(message, "Delivered-To", "X-Original-To", "Envelope-To")
    ]
    subject = " ".join(_header(message, "Subject").split())
    return Inbound(
        message_id=message_id,
        sender_name=sender_name,
        sender=sender,
        recipients=list(dict.fromkeys(to + cc + envelope)),
        to=to,
        cc=cc,
        subject=subject,
        in_reply_to=_ids(_header(message, "In-Reply-To")),
        references=_ids(_header(message, "References"))[-50:],
        text=text,
        html=markup,
        attachments=attachments,
        auto_reason=auto_reason(message, sender),
    )


_DISPLAY_ID = re.compile(r"\[([A-Za-z][A-Za-z0-9]{0,15}-\d{1,12})\]")


def display_ids_in(subject: str) -> list[str]:
    """`[INCI-12]` tags of a subject, in order."""
    return [match.upper() for match in _DISPLAY_ID.findall(subject)]


def text_to_html(text: str) -> str:
    paragraphs = [chunk.strip("\n") for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in chunk.split("\n")) + "</p>"
        for chunk in paragraphs
    )


_CUTTER = EmailReplyParser(languages=list(MAIL_LANGUAGES))


def latest_reply(text: str) -> str:
    """The new text of a reply: the quoted history below it cut off."""
    text = text.replace("\r\n", "\n")[:MAX_CUT_TEXT]
    try:
        cut = _CUTTER.parse_reply(text=text)
    except Exception:  # a text the parser trips over is kept whole
        return text.strip()
    return (cut or text).strip()


def body_of(inbound: Inbound, *, cut_quotes: bool) -> str:
    """The body as sanitized HTML: the text part, else the HTML part."""
    if inbound.text.strip():
        text = latest_reply(inbound.text) if cut_quotes else inbound.text.strip()
        return text_to_html(text)
    if inbound.html.strip():
        clean = sanitize(inbound.html)
        if cut_quotes:
            return text_to_html(latest_reply(to_text(clean)))
        return clean
    return ""
