"""Conversation writes and their effects on the incident.

A conversation and its incident are two documents. The conversation is
written first, then the incident is changed by its own compare-and-set
(history entry, `unread_mail`, an On Hold incident waiting for the requester
back to In Progress). If the incident vanished meanwhile, the conversation
write is undone and the caller gets 404.
"""

from bson import ObjectId
from pymongo import ReturnDocument

from attachments.documents import Attachment
from conversations.documents import (
    INBOUND,
    KIND_FORWARD,
    KIND_NOTE,
    KIND_REPLY,
    OUTBOUND,
    Conversation,
    PreviousBody,
)
from incidents import choices
from incidents.documents import Incident
from incidents.services.actions import status_change
from incidents.services.common import Change, IncidentGone, commit
from servicedesk.api.exceptions import Conflict, PreconditionFailed, field_error
from servicedesk.richtext import to_text
from servicedesk.tenancy.services import Principal
from servicedesk.timeutil import now
from servicedesk.webhooks.services import emit

RECIPIENT_FIELDS = ("to", "cc", "bcc")
# Earlier bodies kept per conversation, newest last. Bounded so that a conversation
# edited again and again stays well below MongoDB's 16 MB document limit (a body is
# up to BODY_MAX characters, up to 4 bytes each in UTF-8).
MAX_PREVIOUS_BODIES = 10


def awaiting_requester(incident: Incident) -> bool:
    """On Hold because the desk waits for the requester (reason id 1 or its name)."""
    if incident.basic_info.status_id != choices.STATUS_ON_HOLD:
        return False
    hold = incident.config.hold_config or {}
    wanted = choices.HOLD_REASONS.by_id(choices.HOLD_AWAITING_REQUESTER)
    reason = hold.get("hold_reason_id", hold.get("reason", hold.get("hold_reason")))
    if isinstance(reason, str) and reason.strip().isdecimal():
        reason = int(reason)  # an id sent as a string, as the listing sends ids
    if isinstance(reason, int) and not isinstance(reason, bool):
        return reason == wanted.id
    return isinstance(reason, str) and reason.strip().casefold() == wanted.name.casefold()


def check_rules(*, kind: str, direction: str, recipients: dict) -> None:
    """Notes are private (outbound, no recipients); forwards go out to someone."""
    if kind == KIND_NOTE:
        if direction != OUTBOUND:
            raise field_error("direction", "A note is written by the desk: outbound.")
        for name in RECIPIENT_FIELDS:
            if recipients.get(name):
                raise field_error(name, "A note is private: it has no recipients.", code="private")
    if kind == KIND_FORWARD:
        if direction != OUTBOUND:
            raise field_error("direction", "A forward is sent by the desk: outbound.")
        if not recipients.get("to"):
            raise field_error("to", "A forward needs at least one recipient.", code="required")


def check_attachments(*, principal: Principal, incident: Incident, refs: list[str]) -> list[str]:
    """Attachment references must be attachments of this incident (of this organization)."""
    refs = list(dict.fromkeys(ref.lower() for ref in refs))
    valid = [ref for ref in refs if len(ref) == 24 and ObjectId.is_valid(ref)]
    found = {
        str(value)
        for value in Attachment.objects(
            organization_id=principal.organization_id,
            incident_id=incident.id,
            id__in=[ObjectId(ref) for ref in valid],
        ).scalar("id")
    }
    for index, ref in enumerate(refs):
        if ref not in found:
            raise field_error(
                f"attachment_ids.{index}",
                "No such attachment on this incident; upload it with add-attachment/ first.",
                code="not_found",
            )
    return refs


def _incident_effect(*, principal: Principal, incident: Incident, conversation, action: str):
    def plan(current: Incident) -> Change:
        change = Change()
        change.record(action=action, field_name="conversation", new=str(conversation.id))
        if action != "conversation_added":
            return change
        if conversation.direction == INBOUND:
            change.put("unread_mail", current.unread_mail, True)
            if awaiting_requester(current):
                status_change(
                    change, current, choices.STATUS_IN_PROGRESS, action="requester_replied"
                )
        elif conversation.kind == KIND_REPLY:
            change.put("unread_mail", current.unread_mail, False)
        return change

    return commit(principal=principal, incident=incident, plan=plan)[0]


def conversation_create(*, principal: Principal, incident: Incident, data: dict) -> Conversation:
    kind, direction = data["kind"], data["direction"]
    recipients = {name: data.get(name, []) for name in RECIPIENT_FIELDS}
    check_rules(kind=kind, direction=direction, recipients=recipients)
    replying = kind == KIND_REPLY and direction == OUTBOUND and not recipients["to"]
    if replying and "@" in incident.requester.email:  # reply to the requester by default
        recipients["to"] = [incident.requester.email]
    attachment_ids = check_attachments(
        principal=principal, incident=incident, refs=data.get("attachment_ids", [])
    )
    sender = data.get("from", "")
    if not sender and direction == INBOUND and "@" in incident.requester.email:
        sender = incident.requester.email
    moment = now()
    conversation = Conversation(
        organization_id=principal.organization_id,
        incident_id=incident.id,
        kind=kind,
        direction=direction,
        body_html=data["body"],
        body_text=to_text(data["body"]),
        from_address=sender,
        attachment_ids=attachment_ids,
        is_private=kind == KIND_NOTE,
        author_id=principal.actor_id,
        created_at=moment,
        updated_at=moment,
        updated_by_id=principal.actor_id,
        **recipients,
    )
    conversation.save(force_insert=True)
    try:
        stored = _incident_effect(
            principal=principal,
            incident=incident,
            conversation=conversation,
            action="conversation_added",
        )
    except IncidentGone:
        conversation.delete()
        raise
    _announce(principal, conversation, stored)
    return conversation


def _announce(principal: Principal, conversation: Conversation, incident: Incident) -> None:
    """The `conversation.created` event: the conversation and its incident after the change."""
    from conversations.api.serializers import ConversationSerializer

    emit(
        principal=principal,
        event="conversation.created",
        incident=incident,
        data={"conversation": ConversationSerializer(conversation).data},
    )


def conversation_update(
    *,
    principal: Principal,
    conversation: Conversation,
    incident: Incident,
    data: dict,
    expected_version: int | None = None,
) -> Conversation:
    """Edit body, recipients or attachment references; the previous body is kept."""
    if expected_version is not None and expected_version != conversation.version:
        raise PreconditionFailed()
    recipients = {name: data.get(name, getattr(conversation, name)) for name in RECIPIENT_FIELDS}
    check_rules(kind=conversation.kind, direction=conversation.direction, recipients=recipients)
    if "attachment_ids" in data:
        data = {
            **data,
            "attachment_ids": check_attachments(
                principal=principal, incident=incident, refs=data["attachment_ids"]
            ),
        }
    changes = {}
    if "body" in data and data["body"] != conversation.body_html:
        changes["body_html"] = data["body"]
        changes["body_text"] = to_text(data["body"])
    for name in (*RECIPIENT_FIELDS, "attachment_ids"):
        if name in data and data[name] != getattr(conversation, name):
            changes[name] = data[name]
    if "from" in data and data["from"] != conversation.from_address:
        changes["from_address"] = data["from"]
    if not changes:
        return conversation
    moment = now()
    update = {
        "$set": {**changes, "updated_at": moment, "updated_by_id": principal.actor_id},
        "$inc": {"version": 1},
    }
    if "body_html" in changes:
        previous = PreviousBody(
            body_html=conversation.body_html, edited_at=moment, edited_by_id=principal.actor_id
        )
        # The bounded list is set whole (plain `$set`, which every MongoDB-compatible
        # server has); the version in the filter keeps concurrent edits from losing one.
        kept = [*conversation.previous_bodies, previous][-MAX_PREVIOUS_BODIES:]
        update["$set"]["previous_bodies"] = [item.to_mongo() for item in kept]
    raw = Conversation._get_collection().find_one_and_update(
        {
            "_id": conversation.id,
            "organization_id": principal.organization_id,
            "version": conversation.version,
        },
        update,
        return_document=ReturnDocument.AFTER,
    )
    if raw is None:
        if expected_version is not None:
            raise PreconditionFailed()
        raise Conflict("The conversation changed meanwhile; read it again.", code="conflict")
    _incident_effect(
        principal=principal,
        incident=incident,
        conversation=conversation,
        action="conversation_edited",
    )
    return Conversation._from_son(raw)


def conversation_delete(*, principal: Principal, conversation: Conversation, incident) -> None:
    result = Conversation._get_collection().delete_one(
        {"_id": conversation.id, "organization_id": principal.organization_id}
    )
    if result.deleted_count != 1:
        raise IncidentGone
    _incident_effect(
        principal=principal,
        incident=incident,
        conversation=conversation,
        action="conversation_deleted",
    )
