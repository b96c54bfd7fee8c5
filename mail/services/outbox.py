"""Sending: public outbound conversations become mail through an outbox.

`plan_conversation_mail` is the planner conversations ask before they store a reply
or a forward (conversations.public.register_mail_planner): with an SMTP server
configured, an organization `from_address` and recipients, it puts the conversation
in the outbox (one item, unique per conversation) and answers `queued`; otherwise
`not_sent` and why. The item is written before the conversation: a conversation
that says `queued` always has its item.

The `mail.send` job (mail.jobs) takes due items one at a time (a claim pushes the
item's next attempt out, so a crashed sender's item is retried later, not lost),
builds the message from the conversation as it is then, and sends it. A failure is
retried with backoff (SERVICEDESK_MAIL_BACKOFF_SECONDS doubling, jittered, capped)
up to SERVICEDESK_MAIL_MAX_ATTEMPTS; a server that refuses for good (5xx) fails it
at once. Each attempt's outcome shows on the conversation (`mail`).
"""

import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from pymongo import ReturnDocument

from attachments import public as attachments
from conversations import public as conversations
from incidents import public as incidents
from mail import message as mail_message
from mail import smtp
from mail.documents import (
    DROPPED,
    FAILED,
    OUTBOUND,
    PENDING,
    SENT,
    MailMessage,
    OutboxItem,
)
from mail.selectors import last_inbound_of, mail_settings_of, thread_of
from servicedesk.indexes import key_of
from servicedesk.tenancy.documents import SCOPE_WRITE
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# A claimed item is not taken again for this long (a send is bounded by the SMTP timeout).
CLAIM_SECONDS = 120
# A conversation not stored this long after its item was written never will be.
ORPHAN_SECONDS = 60


def smtp_server() -> smtp.SmtpServer | None:
    return smtp.parse_smtp_url(settings.SERVICEDESK_SMTP_URL)


def plan_conversation_mail(*, principal: Principal, incident, conversation):
    """What becomes of a public outbound conversation as mail (see the module docstring)."""
    recipients = [*conversation.to, *conversation.cc, *conversation.bcc]
    if not recipients:
        return conversations.MailState(
            status=conversations.MAIL_NOT_SENT, last_error="No recipients.", updated_at=now()
        )
    if smtp_server() is None:
        return conversations.MailState(
            status=conversations.MAIL_NOT_SENT,
            last_error="No SMTP server is configured (SERVICEDESK_SMTP_URL).",
            updated_at=now(),
        )
    mail_settings = mail_settings_of(organization_id=principal.organization_id)
    if not mail_settings.from_address:
        return conversations.MailState(
            status=conversations.MAIL_NOT_SENT,
            last_error="The organization has no from_address (mail-settings).",
            updated_at=now(),
        )
    moment = now()
    message_id = mail_message.new_message_id(mail_settings.from_address)
    OutboxItem(
        organization_id=principal.organization_id,
        incident_id=incident.id,
        conversation_id=conversation.id,
        key_id=principal.key_id,
        message_id=message_id,
        status=PENDING,
        next_attempt_at=moment,
        created_at=moment,
        updated_at=moment,
    ).save(force_insert=True)
    return conversations.MailState(
        status=conversations.MAIL_QUEUED, message_id=message_id, updated_at=moment
    )


def backoff(attempt_count: int, rng: random.Random) -> timedelta:
    """Delay before the next attempt: base x 2^(n-1), with +-50% jitter, capped."""
    base = settings.SERVICEDESK_MAIL_BACKOFF_SECONDS
    delay = min(base * 2 ** (attempt_count - 1), settings.SERVICEDESK_MAIL_BACKOFF_MAX_SECONDS)
    return timedelta(seconds=delay * rng.uniform(0.5, 1.5))


def claim(*, clock: Clock = now) -> OutboxItem | None:
    """Take the most overdue item; its next attempt moves out while it is being sent."""
    moment = clock()
    raw = OutboxItem._get_collection().find_one_and_update(
        {"status": PENDING, "next_attempt_at": {"$lte": moment}},
        {"$set": {"next_attempt_at": moment + timedelta(seconds=CLAIM_SECONDS)}},
        sort=[("next_attempt_at", 1)],
        return_document=ReturnDocument.BEFORE,
    )
    return OutboxItem._from_son(raw) if raw is not None else None


def _principal(item: OutboxItem) -> Principal:
    return Principal(
        key_id=item.key_id,
        organization_id=item.organization_id,
        organization_slug="",
        scope=SCOPE_WRITE,
    )


def _finish(item: OutboxItem, *, status: str, moment, error: str = "", next_at=None, count=None):
    OutboxItem._get_collection().update_one(
        {"_id": item.id},
        {
            "$set": {
                "status": status,
                "next_attempt_at": next_at,
                "last_error": error,
                "attempt_count": item.attempt_count if count is None else count,
                "updated_at": moment,
            }
        },
    )


def build_message(item: OutboxItem, conversation, incident, mail_settings):
    organization_id = item.organization_id
    thread = [
        message_id
        for message_id in thread_of(organization_id=organization_id, incident_id=incident.id)
        if message_id != item.message_id
    ]
    replied = last_inbound_of(organization_id=organization_id, incident_id=incident.id)
    files = list(
        attachments.attachment_contents(
            organization_id=organization_id,
            incident_id=incident.id,
            refs=list(conversation.attachment_ids),
        )
    )
    return mail_message.build(
        mail_message.Outgoing(
            from_address=mail_settings.from_address,
            from_name=mail_settings.from_name,
            to=list(conversation.to),
            cc=list(conversation.cc),
            subject=mail_message.subject_for(incident.display_id, incident.basic_info.summary),
            body_html=conversation.body_html,
            message_id=item.message_id,
            moment=now(),
            in_reply_to=replied or (thread[-1] if thread else ""),
            references=thread,
            attachments=files,
            incident_display_id=incident.display_id,
        )
    )


def send(item: OutboxItem, *, clock: Clock = now, rng: random.Random | None = None) -> str:
    """Send one claimed item; its new status."""
    rng = rng or random.Random()  # noqa: S311 - jitter, not security
    moment = clock()
    conversation = conversations.conversation_of(
        organization_id=item.organization_id, conversation_id=item.conversation_id
    )
    if conversation is None:
        if moment - item.created_at < timedelta(seconds=ORPHAN_SECONDS):
            next_at = moment + timedelta(seconds=5)  # being stored right now
            _finish(item, status=PENDING, moment=moment, next_at=next_at)
            return PENDING
        _finish(item, status=DROPPED, moment=moment, error="The conversation was deleted.")
        return DROPPED
    count = item.attempt_count + 1
    try:
        incident = incidents.incident_get(principal=_principal(item), value=str(item.incident_id))
        mail_settings = mail_settings_of(organization_id=item.organization_id)
        server = smtp_server()
        if server is None or not mail_settings.from_address:
            raise smtp.SendError("Mail is no longer configured.", permanent=True)
        built = build_message(item, conversation, incident, mail_settings)
        recipients = list(dict.fromkeys([*conversation.to, *conversation.cc, *conversation.bcc]))
        if not recipients:
            raise smtp.SendError("No recipients.", permanent=True)
        warning = smtp.send(
            server, built, recipients, timeout=settings.SERVICEDESK_SMTP_TIMEOUT_SECONDS
        )
    except incidents.IncidentGone:
        warning, failure = None, smtp.SendError("The incident was deleted.", permanent=True)
    except smtp.SendError as exc:
        warning, failure = None, exc
    else:
        failure = None
    if failure is None:
        status, state_status, error, next_at = SENT, conversations.MAIL_SENT, warning or "", None
    elif failure.permanent or count >= settings.SERVICEDESK_MAIL_MAX_ATTEMPTS:
        status, state_status, error, next_at = FAILED, conversations.MAIL_FAILED, str(failure), None
    else:
        status, state_status = PENDING, conversations.MAIL_QUEUED
        error, next_at = str(failure), moment + backoff(count, rng)
    _finish(item, status=status, moment=moment, error=error, next_at=next_at, count=count)
    if status == SENT:
        MailMessage._get_collection().update_one(
            {"organization_id": item.organization_id, "message_id": item.message_id},
            {
                "$setOnInsert": {
                    "key": key_of(item.organization_id, item.message_id),
                    "direction": OUTBOUND,
                    "state": "done",
                    "incident_id": item.incident_id,
                    "conversation_id": item.conversation_id,
                    "created_at": moment,
                }
            },
            upsert=True,
        )
    conversations.conversation_set_mail(
        organization_id=item.organization_id,
        conversation_id=item.conversation_id,
        state=conversations.MailState(
            status=state_status,
            message_id=item.message_id,
            attempts=count,
            last_error=error[:1000],
            sent_at=moment if status == SENT else None,
            updated_at=moment,
        ),
    )
    log.info(
        "mail %s for conversation %s: %s%s",
        item.message_id,
        item.conversation_id,
        status,
        f" ({error})" if error else "",
    )
    return status


def send_due(*, should_stop: Callable[[], bool] = lambda: False, limit: int | None = None) -> int:
    """Send due items until none is due, `limit` were sent, or the runner stops."""
    sent = 0
    while (limit is None or sent < limit) and not should_stop():
        item = claim()
        if item is None:
            break
        try:
            send(item)
        except Exception:
            log.exception("mail send of outbox item %s failed", item.id)
        sent += 1
    return sent


def mail_purge(*, organization_id, incident_id) -> None:
    """An incident deleted for good takes its outbox items and Message-IDs along (a later
    reply to one of them starts a new incident)."""
    scope = {"organization_id": organization_id, "incident_id": incident_id}
    OutboxItem._get_collection().delete_many(scope)
    MailMessage._get_collection().delete_many(scope)
