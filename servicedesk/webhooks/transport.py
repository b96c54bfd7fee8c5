"""Sending one signed POST, safely.

- Server-side request forgery guard: the host is resolved and every address
  must be public (not loopback, private, link-local such as the cloud metadata
  address 169.254.169.254, multicast, reserved or unspecified), unless
  SERVICEDESK_WEBHOOK_ALLOW_PRIVATE=1. The connection goes to the address that
  was checked, so a DNS answer cannot change between check and connect.
- Redirects are not followed (a 3xx is a failed attempt).
- Connect and read timeouts, an overall deadline, and at most
  RESPONSE_BODY_LIMIT bytes of the answer are read: a receiver that hangs,
  drips or answers a huge body cannot hold a sender.
"""

import base64
import contextlib
import hashlib
import hmac
import http.client
import ipaddress
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.conf import settings

log = logging.getLogger(__name__)

RESPONSE_BODY_LIMIT = 64 * 1024
KEPT_BODY = 2000  # characters of the answer kept in the delivery log
USER_AGENT = "servicedesk-webhooks/1"


class UnsafeURL(ValueError):
    """The URL may not be called (scheme, host, or an address that is not public)."""


@dataclass
class Outcome:
    ok: bool
    response_status: int | None = None
    error: str = ""
    response_body: str = ""
    duration_ms: int = 0


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def standard_webhook_headers(
    secret: str, message_id: str, body: bytes, timestamp: int | None = None
) -> dict[str, str]:
    """Standard Webhooks (standardwebhooks.com) headers: `webhook-id` (the same on every
    retry, to deduplicate), `webhook-timestamp` (seconds, to refuse replays) and
    `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the
    endpoint's secret as UTF-8 bytes (`Webhook(secret.encode())` verifies it)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).digest()
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }


def check_url_shape(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path+query) of an http(s) URL; UnsafeURL otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL("Only http and https URLs are allowed.")
    if not parts.hostname:
        raise UnsafeURL("The URL has no host.")
    if parts.username or parts.password:
        raise UnsafeURL("Credentials in the URL are not allowed; use the signature.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UnsafeURL("The URL's port is not valid.") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # The request line is ASCII: percent-encode what is not (UTF-8), keep existing escapes.
    return parts.scheme, parts.hostname, port, quote(path, safe="!#$%&'()*+,/:;=?@[]~")


# IPv6 forms that carry an IPv4 address a relay or translator may deliver to: the
# address inside must be public too (NAT64's well-known prefix, RFC 6052).
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses inside an IPv6 one: mapped, 6to4 (2002::/16), Teredo (2001::/32,
    the client's), NAT64 and IPv4-compatible (::a.b.c.d)."""
    inside = []
    if ip.ipv4_mapped:
        inside.append(ip.ipv4_mapped)
    if ip.sixtofour:
        inside.append(ip.sixtofour)
    if ip.teredo:
        inside.extend(ip.teredo)  # (server, client)
    packed = ip.packed
    if ip in NAT64 or (packed[:12] == bytes(12) and packed[12:] != bytes(4)):
        inside.append(ipaddress.IPv4Address(packed[12:]))
    return inside


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inside = _embedded_ipv4(ip)
        if inside:
            return all(_public(str(v4)) for v4 in inside)
    # `is_global` also rules out the shared address space 100.64.0.0/10 (carrier-grade
    # NAT, and some clouds' metadata service), which is neither private nor public.
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


NOT_ALLOWED = "The URL's address is not allowed."


def resolve_safely(host: str, port: int) -> str:
    """The address to connect to; UnsafeURL when the host is (or resolves to) a private one.

    The message says no more than that: what an internal name resolves to, or why
    it does not, is not for the tenant who typed it (it is logged at DEBUG).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        log.debug("webhook host %r does not resolve: %s", host, exc)
        raise UnsafeURL("The URL's host cannot be resolved.") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise UnsafeURL("The URL's host cannot be resolved.")
    if not settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE:
        blocked = [address for address in addresses if not _public(address)]
        if blocked:
            log.debug("webhook host %r resolves to %s, not public", host, blocked[0])
            raise UnsafeURL(NOT_ALLOWED)
    return addresses[0]


def check_url(url: str) -> None:
    """For the API: refuse URLs that could never be delivered to."""
    _, host, port, _ = check_url_shape(url)
    resolve_safely(host, port)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address, verifying the certificate for the URL's host name."""

    def __init__(self, address: str, host: str, port: int, timeout: float):
        super().__init__(address, port, timeout=timeout, context=ssl.create_default_context())
        self._server_name = host

    def connect(self):
        sock = socket.create_connection((self.host, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self._server_name)


def post(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    """POST once; any failure is an Outcome with ok=False, never an exception."""
    started = time.monotonic()
    try:
        scheme, host, port, path = check_url_shape(url)
        address = resolve_safely(host, port)
        connect_timeout = settings.SERVICEDESK_WEBHOOK_CONNECT_TIMEOUT
        if scheme == "https":
            connection = _PinnedHTTPS(address, host, port, connect_timeout)
        else:
            connection = http.client.HTTPConnection(address, port, timeout=connect_timeout)
        deadline = _Deadline(connection, started + settings.SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT)
        try:
            connection.connect()
            connection.sock.settimeout(settings.SERVICEDESK_WEBHOOK_READ_TIMEOUT)
            connection.putrequest("POST", path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", host if port in (80, 443) else f"{host}:{port}")
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                connection.putheader(name, value)
            connection.endheaders(body)
            response = connection.getresponse()
            answer = _read_bounded(response, started)
            if deadline.expired:  # the answer was cut short, not complete
                raise TimeoutError("the receiver took too long to answer")
        except (OSError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise TimeoutError("the receiver took too long to answer") from exc
            raise
        finally:
            deadline.cancel()
            connection.close()
    except UnsafeURL as exc:
        return Outcome(ok=False, error=f"refused: {exc}", duration_ms=_ms(started))
    except (OSError, http.client.HTTPException, TimeoutError, ValueError) as exc:
        # (ValueError: e.g. a header or URL http.client refuses to put on the wire.)
        return Outcome(
            ok=False, error=f"{exc.__class__.__name__}: {exc}"[:500], duration_ms=_ms(started)
        )
    ok = 200 <= response.status < 300
    error = "" if ok else f"HTTP {response.status}"
    if 300 <= response.status < 400:
        error += " (redirects are not followed)"
    return Outcome(
        ok=ok,
        response_status=response.status,
        error=error,
        response_body=answer.decode("utf-8", "replace")[:KEPT_BODY],
        duration_ms=_ms(started),
    )


class _Deadline:
    """Cuts the connection at the overall deadline.

    Socket timeouts bound each read, not the exchange: a receiver dripping its status
    line or headers a byte at a time would hold the sender for as long as it likes.
    At the deadline the socket is shut down, which wakes the blocked read.
    """

    def __init__(self, connection: http.client.HTTPConnection, at: float):
        self.expired = False
        self._connection = connection
        self._timer = threading.Timer(max(0.0, at - time.monotonic()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        self.expired = True
        sock = self._connection.sock
        if sock is not None:
            # The plain socket's shutdown, also for TLS: it only wakes the reader.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _read_bounded(response, started: float) -> bytes:
    deadline = started + settings.SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT
    received = b""
    while len(received) < RESPONSE_BODY_LIMIT:
        if time.monotonic() > deadline:
            raise TimeoutError("the receiver took too long to answer")
        chunk = response.read1(min(16 * 1024, RESPONSE_BODY_LIMIT - len(received)))
        if not chunk:
            break
        received += chunk
    return received


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
