"""Polling: `manage.py fetch_mail` takes new mail from each organization's IMAP mailbox.

Each message is handed to `mail_receive` as if an MTA had posted it, then marked
with the keyword `$Servicedesk` (and `\\Seen`), and the search asks only for
messages without that keyword: a message is never taken twice, even when someone
reads the mailbox in a mail client meanwhile (the Message-ID claim of mail_receive
would stop a second take anyway). A server that keeps no keywords (no `\\*` in
PERMANENTFLAGS) is searched for UNSEEN mail and marks `\\Seen` instead.

A message refused for good (400 malformed, 413 too large) is marked too, and
logged, so it does not come back on every poll; any other failure leaves it
unmarked for the next poll. The password is used to log in and nothing else:
never logged, never in an error.
"""

import contextlib
import imaplib
import logging
import ssl
from dataclasses import dataclass, field

from mail.documents import IMAP_SSL, IMAP_STARTTLS, MailSettings
from mail.services.inbound import mail_receive
from servicedesk.errors import DomainError
from servicedesk.tenancy.documents import SCOPE_ADMIN, Organization
from servicedesk.tenancy.principal import Principal

log = logging.getLogger(__name__)

KEYWORD = "$Servicedesk"
TIMEOUT_SECONDS = 30


@dataclass
class FetchReport:
    organization: str
    taken: int = 0
    ignored: int = 0
    refused: int = 0
    failed: int = 0
    error: str = ""
    details: list[str] = field(default_factory=list)


class ImapFailure(Exception):
    pass


def _connect(account):
    try:
        if account.security == IMAP_SSL:
            context = ssl.create_default_context()
            client = imaplib.IMAP4_SSL(
                account.host, account.port, ssl_context=context, timeout=TIMEOUT_SECONDS
            )
        else:
            client = imaplib.IMAP4(account.host, account.port, timeout=TIMEOUT_SECONDS)
            if account.security == IMAP_STARTTLS:
                client.starttls(ssl.create_default_context())
        client.login(account.username, account.password)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ImapFailure(
            f"{account.security} {account.host}:{account.port} as {account.username}: "
            f"{type(exc).__name__}: {exc}"
        ) from None
    return client


def _check(result, what: str):
    kind, data = result
    if kind != "OK":
        raise ImapFailure(f"{what}: {kind} {data!r}"[:300])
    return data


def _principal(settings: MailSettings) -> Principal:
    """The poller acts for the organization; history names it `key:<mail settings id>`."""
    organization = Organization.objects(id=settings.organization_id).only("slug").first()
    return Principal(
        key_id=settings.id,
        organization_id=settings.organization_id,
        organization_slug=organization.slug if organization else "",
        scope=SCOPE_ADMIN,
    )


def fetch_account(settings: MailSettings, *, limit: int) -> FetchReport:
    principal = _principal(settings)
    report = FetchReport(organization=principal.organization_slug or str(principal.organization_id))
    account = settings.imap
    client = _connect(account)
    try:
        folder = '"' + account.folder.replace("\\", "\\\\") + '"'
        _check(client.select(folder), f"SELECT {account.folder}")
        flags = (client.response("PERMANENTFLAGS")[1] or [b""])[0] or b""
        keywords = b"\\*" in flags
        query = ("UNKEYWORD", KEYWORD) if keywords else ("UNSEEN",)
        mark = f"({KEYWORD} \\Seen)" if keywords else "(\\Seen)"
        uids = _check(client.uid("SEARCH", None, *query), "SEARCH")[0].split()[:limit]
        for uid in uids:
            data = _check(client.uid("FETCH", uid, "(BODY.PEEK[])"), f"FETCH {uid!r}")
            raw = next((part[1] for part in data if isinstance(part, tuple)), None)
            if raw is None:
                continue
            try:
                outcome = mail_receive(principal=principal, raw=raw)
            except DomainError as exc:
                report.refused += 1
                report.details.append(f"uid {uid.decode()}: refused ({exc.code}: {exc.message})")
                log.warning("fetched mail uid %s refused: %s", uid.decode(), exc.message)
            except Exception:
                report.failed += 1
                log.exception("fetched mail uid %s could not be stored", uid.decode())
                continue  # not marked: the next poll takes it again
            else:
                if outcome.ignored:
                    report.ignored += 1
                    report.details.append(f"uid {uid.decode()}: ignored ({outcome.ignored})")
                else:
                    report.taken += 1
                    report.details.append(f"uid {uid.decode()}: {outcome.incident.display_id}")
            _check(client.uid("STORE", uid, "+FLAGS", mark), f"STORE {uid!r}")
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            client.logout()
    return report


def mail_fetch(*, organization_ids=None, limit: int = 200) -> list[FetchReport]:
    """Poll every enabled IMAP account (of the given organizations): a report each."""
    query = MailSettings.objects(imap__ne=None)
    if organization_ids is not None:
        query = query.filter(organization_id__in=organization_ids)
    reports = []
    for settings in query:
        if settings.imap is None or not settings.imap.enabled:
            continue
        try:
            reports.append(fetch_account(settings, limit=limit))
        except (ImapFailure, OSError, imaplib.IMAP4.error) as exc:
            log.warning("IMAP poll of organization %s failed: %s", settings.organization_id, exc)
            reports.append(FetchReport(organization=str(settings.organization_id), error=str(exc)))
    return reports
