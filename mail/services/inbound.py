"""Receiving: one raw message becomes an incident, or a reply on one, or nothing.

1. Parse (mail.message); a message that is no mail at all is a 400 naming `message`.
2. Loops: mail from the organization's own addresses, auto-replies, bounces and bulk
   mail create nothing (200 `ignored`, logged and counted).
3. Mail addressed to none of the organization's `inbound_addresses` (when it has
   any) is not the organization's: ignored, so it never lands there.
4. The attachments are held to the upload limits (413 / 400) before anything is
   written.
5. The Message-ID is claimed with a unique insert (organization, Message-ID): the same
   message delivered twice, or twice at once, lands once; the loser is `duplicate`.
6. Threading: In-Reply-To, then References newest first, name a Message-ID of the
   organization's mail; else `[INCI-n]` in the subject names one of its incidents.
   A reply to a Resolved incident reopens it; a reply to a Closed or Cancelled one
   starts a new incident that refers to it; anything else starts a new incident.
7. The files (the whole message as `original.eml` first) and an inbound conversation
   (the quoted history of a reply cut off) are stored. If anything fails on the way,
   what was written is taken back and the claim released: never a partial write.
"""

import io
import logging
from dataclasses import dataclass
from datetime import timedelta

from bson import ObjectId
from mongoengine.errors import NotUniqueError

from attachments import public as attachments
from conversations import public as conversations
from incidents import public as incidents
from mail import message as mail_message
from mail import metrics
from mail.documents import DONE, INBOUND, PROCESSING, MailMessage
from mail.selectors import incident_of_messages, mail_settings_of
from servicedesk.errors import NotFound, invalid
from servicedesk.richtext import sanitize
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now
from servicedesk.webhooks.services import events_held as webhook_events_held

log = logging.getLogger(__name__)

# A claim this old whose delivery never finished (a crashed process) may be taken over.
STALE_CLAIM = timedelta(minutes=10)
EMPTY_BODY = "<p>(The message has no text.)</p>"


@dataclass
class Outcome:
    ignored: str = ""
    incident: object = None
    conversation: object = None
    created_incident: bool = False


def _ignore(principal: Principal, parsed, reason: str) -> Outcome:
    metrics.INBOUND.labels(outcome=reason).inc()
    log.info(
        "inbound mail ignored (%s) for organization %s: %s from %s",
        reason,
        principal.organization_id,
        parsed.message_id if parsed else "-",
        parsed.sender if parsed else "-",
    )
    return Outcome(ignored=reason)


def _uploads(raw: bytes, parsed: mail_message.Inbound):
    """The mail's files as uploads, checked like uploads; original.eml first, unchecked
    (it is the whole message: the inbound mail limit holds it)."""
    parts = []
    for index, part in enumerate(parsed.attachments):
        try:
            name = attachments.check_file_name(part.file_name)
        except attachments.BadFileName:
            name = f"attachment-{index + 1}.bin"
        parts.append(
            attachments.Upload(
                name=name,
                source=io.BytesIO(part.data),
                size=len(part.data),
                claimed_type=part.content_type,
                field=f"message.attachments.{index}",
            )
        )
    if parts:
        attachments.check_uploads(parts)
    original = attachments.Upload(
        name="original.eml",
        source=io.BytesIO(raw),
        size=len(raw),
        claimed_type="message/rfc822",
        field="message",
    )
    return [original, *parts]


def _claim(principal: Principal, message_id: str) -> bool:
    """Take the Message-ID for this delivery; False when it is taken (a duplicate)."""
    for _ in range(2):
        try:
            MailMessage(
                organization_id=principal.organization_id,
                message_id=message_id,
                direction=INBOUND,
                state=PROCESSING,
                created_at=now(),
            ).save(force_insert=True)
            return True
        except NotUniqueError:
            stale = MailMessage._get_collection().delete_one(
                {
                    "organization_id": principal.organization_id,
                    "message_id": message_id,
                    "state": PROCESSING,
                    "created_at": {"$lt": now() - STALE_CLAIM},
                }
            )
            if stale.deleted_count != 1:
                return False
    return False


def _release(principal: Principal, message_id: str) -> None:
    MailMessage._get_collection().delete_one(
        {
            "organization_id": principal.organization_id,
            "message_id": message_id,
            "state": PROCESSING,
        }
    )


def _thread(principal: Principal, parsed: mail_message.Inbound):
    """The caller's live incident the message replies to, or None."""
    named = [*parsed.in_reply_to, *reversed(parsed.references)]
    incident_id = incident_of_messages(organization_id=principal.organization_id, message_ids=named)
    refs = [str(incident_id)] if incident_id is not None else []
    refs += mail_message.display_ids_in(parsed.subject)
    for ref in refs:
        try:
            return incidents.incident_get(principal=principal, value=ref)
        except NotFound:
            continue
    return None


def _body(html: str) -> str:
    html = html or EMPTY_BODY
    if len(html) > conversations.BODY_MAX:
        html = sanitize(html[: conversations.BODY_MAX - 1000])
    return html


def mail_receive(*, principal: Principal, raw: bytes) -> Outcome:
    """Take one raw message for the caller's organization (see the module docstring)."""
    try:
        parsed = mail_message.parse(raw)
    except mail_message.MalformedMessage as exc:
        metrics.INBOUND.labels(outcome="malformed").inc()
        raise invalid("message", str(exc), code="malformed") from None
    config = mail_settings_of(organization_id=principal.organization_id)
    own = {address for address in [config.from_address, *config.inbound_addresses] if address}
    if parsed.sender in own:
        return _ignore(principal, parsed, "own_address")
    if parsed.auto_reason:
        return _ignore(principal, parsed, parsed.auto_reason)
    if config.inbound_addresses and not set(parsed.recipients) & set(config.inbound_addresses):
        return _ignore(principal, parsed, "not_addressed_to_organization")
    uploads = _uploads(raw, parsed)
    if not _claim(principal, parsed.message_id):
        return _ignore(principal, parsed, "duplicate")
    try:
        with webhook_events_held():  # an incident undone by _store is never announced
            outcome = _store(principal, parsed, uploads)
    except BaseException:
        _release(principal, parsed.message_id)
        raise
    metrics.INBOUND.labels(outcome="created" if outcome.created_incident else "replied").inc()
    log.info(
        "inbound mail %s from %s: %s %s",
        parsed.message_id,
        parsed.sender,
        "new incident" if outcome.created_incident else "reply on",
        outcome.incident.display_id,
    )
    return outcome


def _store(principal: Principal, parsed: mail_message.Inbound, uploads) -> Outcome:
    incident = _thread(principal, parsed)
    created = False
    state = incident.basic_info.state_id if incident is not None else None
    if incident is None or state == incidents.STATE_CLOSED:
        reference = []
        if incident is not None:
            reference = [
                {
                    "type": "follow_up_of",
                    "incident_id": str(incident.id),
                    "display_id": incident.display_id,
                }
            ]
        incident = incidents.incident_create_from_mail(
            principal=principal,
            summary=parsed.subject or mail_message.DEFAULT_SUMMARY,
            description=_body(mail_message.body_of(parsed, cut_quotes=False)),
            requester_name=parsed.sender_name,
            requester_email=parsed.sender,
            reference=reference,
        )
        created = True
    stored = []
    try:
        if not created and state == incidents.STATE_RESOLVED:
            incident = incidents.incident_reopen(
                principal=principal,
                incident=incident,
                reason=f"The requester replied by email ({parsed.message_id[:200]}).",
            )
        conversation_id = ObjectId()
        stored = attachments.attachments_add(
            principal=principal,
            incident=incident,
            conversation_id=conversation_id,
            uploads=uploads,
            checked=True,
        )
        conversation = conversations.conversation_create(
            principal=principal,
            incident=incident,
            data={
                "id": conversation_id,
                "kind": conversations.KIND_REPLY,
                "direction": conversations.INBOUND,
                "body": _body(mail_message.body_of(parsed, cut_quotes=not created)),
                "from": parsed.sender,
                "to": parsed.to[: conversations.MAX_RECIPIENTS],
                "cc": parsed.cc[: conversations.MAX_RECIPIENTS],
                "attachment_ids": [str(attachment.id) for attachment in stored],
                "mail": conversations.MailState(
                    status=conversations.MAIL_RECEIVED,
                    message_id=parsed.message_id,
                    updated_at=now(),
                ),
            },
        )
        MailMessage._get_collection().update_one(
            {"organization_id": principal.organization_id, "message_id": parsed.message_id},
            {
                "$set": {
                    "state": DONE,
                    "incident_id": incident.id,
                    "conversation_id": conversation.id,
                }
            },
        )
    except BaseException:
        if created:
            incidents.incident_delete(principal=principal, incident=incident, permanent=True)
        elif stored:
            attachments.attachments_remove(
                organization_id=principal.organization_id,
                attachment_ids=[attachment.id for attachment in stored],
            )
        raise
    return Outcome(incident=incident, conversation=conversation, created_incident=created)
