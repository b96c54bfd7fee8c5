"""The SMTP server replies go out through: SERVICEDESK_SMTP_URL, parsed and used.

    smtp://[user:pass@]host[:25]            plain SMTP (a local relay)
    smtp+starttls://[user:pass@]host[:587]  SMTP upgraded with STARTTLS before login
    smtps://[user:pass@]host[:465]          SMTP over TLS from the first byte

User and password are percent-decoded (`%40` for `@`). The password is never logged
and never part of an error message.
"""

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


class BadSmtpUrl(ValueError):
    pass


@dataclass(frozen=True)
class SmtpServer:
    scheme: str
    host: str
    port: int
    username: str = ""
    password: str = field(default="", repr=False)

    @property
    def display(self) -> str:
        """The server as logs and errors may name it: no credentials."""
        return f"{self.scheme}://{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpServer | None:
    """The server of a SERVICEDESK_SMTP_URL; None when it is blank (nothing is sent)."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise BadSmtpUrl(f"not a URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BadSmtpUrl(f"the scheme must be one of {', '.join(SCHEMES)}, not {scheme!r}")
    if not parts.hostname:
        raise BadSmtpUrl("no host")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise BadSmtpUrl("only scheme://[user:password@]host[:port] is understood")
    return SmtpServer(
        scheme=scheme,
        host=parts.hostname,
        port=port or SCHEMES[scheme],
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
    )


class SendError(Exception):
    """A send that failed; `permanent` when the server refused for good (5xx)."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


def send(server: SmtpServer, message: EmailMessage, recipients: list[str], *, timeout: float):
    """Hand the message to the server for `recipients` (the envelope: To, Cc and Bcc)."""
    context = ssl.create_default_context()
    try:
        if server.scheme == "smtps":
            client = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with client:
            if server.scheme == "smtp+starttls":
                client.starttls(context=context)
            if server.username:
                client.login(server.username, server.password)
            refused = client.send_message(message, to_addrs=recipients)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        raise SendError(
            f"every recipient was refused: {_codes(exc.recipients)}",
            permanent=all(code >= 500 for code in codes),
        ) from None
    except smtplib.SMTPResponseException as exc:
        error = exc.smtp_error
        text = error.decode("utf-8", "replace") if isinstance(error, bytes) else str(error)
        raise SendError(
            f"{server.display} answered {exc.smtp_code} {text}"[:500],
            permanent=exc.smtp_code >= 500 and not isinstance(exc, smtplib.SMTPAuthenticationError),
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SendError(f"{server.display}: {type(exc).__name__}: {exc}"[:500]) from None
    if refused:
        # Some recipients were taken: the mail went out; the refused ones are reported.
        return f"refused by the server: {_codes(refused)}"[:500]
    return ""


def _codes(refused: dict) -> str:
    return ", ".join(f"{address} ({code})" for address, (code, _) in sorted(refused.items()))
