"""Conversation writes and their effects on the incident.

A conversation and its incident are two documents. The conversation is
written first, then the incident is changed by its own compare-and-set
(history entry, `unread_mail`, an On Hold incident waiting for the requester
back to In Progress). If the incident vanished meanwhile, the conversation
write is undone and the caller gets 404.
"""

from bson import ObjectId

from conversations.documents import (
    INBOUND,
    KIND_FORWARD,
    KIND_NOTE,
    KIND_REPLY,
    OUTBOUND,
    Conversation,
    MailState,
    PreviousBody,
)
from conversations.outbound import plan_mail
from conversations.references import attachment_ids_on
from conversations.representation import conversation_data
from incidents import public as incidents
from servicedesk import cas
from servicedesk.errors import NotFound, invalid
from servicedesk.richtext import to_text
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now
from servicedesk.webhooks.services import emit

CREATED = "conversation.created"
EVENTS = (CREATED,)
RECIPIENT_FIELDS = ("to", "cc", "bcc")
# Earlier bodies kept per conversation, newest last. Bounded so that a conversation
# edited again and again stays well below MongoDB's 16 MB document limit (a body is
# up to BODY_MAX characters, up to 4 bytes each in UTF-8).
MAX_PREVIOUS_BODIES = 10


def check_rules(*, kind: str, direction: str, recipients: dict) -> None:
    """Notes are private (outbound, no recipients); forwards go out to someone."""
    if kind == KIND_NOTE:
        if direction != OUTBOUND:
            raise invalid("direction", "A note is written by the desk: outbound.")
        for name in RECIPIENT_FIELDS:
            if recipients.get(name):
                raise invalid(name, "A note is private: it has no recipients.", code="private")
    if kind == KIND_FORWARD:
        if direction != OUTBOUND:
            raise invalid("direction", "A forward is sent by the desk: outbound.")
        if not recipients.get("to"):
            raise invalid("to", "A forward needs at least one recipient.", code="required")


def check_attachments(
    *, principal: Principal, incident: incidents.Incident, refs: list[str]
) -> list[str]:
    """Attachment references must be attachments of this incident (of this organization)."""
    refs = list(dict.fromkeys(ref.lower() for ref in refs))
    found = attachment_ids_on(
        organization_id=principal.organization_id, incident_id=incident.id, refs=refs
    )
    for index, ref in enumerate(refs):
        if ref not in found:
            raise invalid(
                f"attachment_ids.{index}",
                "No such attachment on this incident; upload it with add-attachment/ first.",
                code="not_found",
            )
    return refs


def _record(principal: Principal, incident, conversation: Conversation, action: str) -> None:
    incidents.incident_record_activity(
        principal=principal,
        incident=incident,
        action=action,
        field_name="conversation",
        new=str(conversation.id),
    )


def _responds(incident, kind: str, direction: str, recipients: dict) -> bool:
    """A public answer to the requester (the SLA's first response): an outbound reply, or
    an outbound forward with the requester among its recipients."""
    if direction != OUTBOUND or kind == KIND_NOTE:
        return False
    if kind == KIND_REPLY:
        return True
    email = incident.requester.email.casefold()
    return bool(email) and any(
        address.casefold() == email for name in ("to", "cc") for address in recipients[name]
    )


def conversation_create(
    *, principal: Principal, incident: incidents.Incident, data: dict
) -> Conversation:
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
    # An id chosen by the caller: the mail app stores a mail's files under it first.
    conversation.id = data.get("id") or ObjectId()
    if isinstance(data.get("mail"), MailState):  # an inbound mail, stored by the mail app
        conversation.mail = data["mail"]
    elif direction == OUTBOUND and kind != KIND_NOTE:
        conversation.mail = plan_mail(
            principal=principal, incident=incident, conversation=conversation
        )
    conversation.save(force_insert=True)
    try:
        stored = incidents.incident_conversation_added(
            principal=principal,
            incident=incident,
            conversation_id=str(conversation.id),
            inbound=direction == INBOUND,
            reply=kind == KIND_REPLY,
            responded=_responds(incident, kind, direction, recipients),
        )
    except incidents.IncidentGone:
        conversation.delete()
        raise
    _announce(principal, conversation, stored)
    return conversation


def _announce(principal: Principal, conversation: Conversation, incident) -> None:
    """The `conversation.created` event: the conversation and its incident after the change."""
    emit(
        principal=principal,
        event=CREATED,
        payload={
            "incident": incidents.incident_data(incident),
            "conversation": conversation_data(conversation),
        },
        incident_id=incident.id,
    )


def _load(*, principal: Principal, conversation_id) -> Conversation:
    raw = Conversation._get_collection().find_one(
        {"_id": conversation_id, "organization_id": principal.organization_id}
    )
    if raw is None:
        raise NotFound
    return Conversation._from_son(raw)


def _plan_edit(current: Conversation, data: dict, actor: str) -> dict | None:
    """The update an edit makes to `current`, or None when it changes nothing."""
    changes = {}
    if "body" in data and data["body"] != current.body_html:
        changes["body_html"] = data["body"]
        changes["body_text"] = to_text(data["body"])
    for name in (*RECIPIENT_FIELDS, "attachment_ids"):
        if name in data and data[name] != getattr(current, name):
            changes[name] = data[name]
    if "from" in data and data["from"] != current.from_address:
        changes["from_address"] = data["from"]
    if not changes:
        return None
    moment = now()
    if "body_html" in changes:
        previous = PreviousBody(body_html=current.body_html, edited_at=moment, edited_by_id=actor)
        # The bounded list is set whole (plain `$set`, which every MongoDB-compatible
        # server has); the version step keeps concurrent edits from losing one.
        kept = [*current.previous_bodies, previous][-MAX_PREVIOUS_BODIES:]
        changes["previous_bodies"] = [item.to_mongo() for item in kept]
    return {"$set": {**changes, "updated_at": moment, "updated_by_id": actor}}


def conversation_update(
    *,
    principal: Principal,
    conversation: Conversation,
    incident,
    data: dict,
    expected_version: int | None = None,
) -> Conversation:
    """Edit body, recipients or attachment references; the previous body is kept.

    One compare-and-set (servicedesk.cas) like incident edits: a concurrent edit of
    other fields is kept, and the rules are checked against the stored conversation.
    """
    if "attachment_ids" in data:
        data = {
            **data,
            "attachment_ids": check_attachments(
                principal=principal, incident=incident, refs=data["attachment_ids"]
            ),
        }

    def plan(current: Conversation) -> dict | None:
        recipients = {name: data.get(name, getattr(current, name)) for name in RECIPIENT_FIELDS}
        check_rules(kind=current.kind, direction=current.direction, recipients=recipients)
        return _plan_edit(current, data, principal.actor_id)

    raw, current = cas.commit(
        collection=Conversation._get_collection(),
        scope={"_id": conversation.id, "organization_id": principal.organization_id},
        current=conversation,
        plan=plan,
        load=lambda: _load(principal=principal, conversation_id=conversation.id),
        expected_version=expected_version,
        busy_message="The conversation is being changed by others; try again.",
    )
    if raw is None:
        return current
    _record(principal, incident, conversation, "conversation_edited")
    return Conversation._from_son(raw)


def conversation_delete(*, principal: Principal, conversation: Conversation, incident) -> None:
    result = Conversation._get_collection().delete_one(
        {"_id": conversation.id, "organization_id": principal.organization_id}
    )
    if result.deleted_count != 1:
        raise NotFound
    _record(principal, incident, conversation, "conversation_deleted")


def conversation_set_mail(*, organization_id, conversation_id, state: MailState) -> bool:
    """Record what became of the conversation as mail (the mail app's sender calls it)."""
    result = Conversation._get_collection().update_one(
        {"_id": conversation_id, "organization_id": organization_id},
        {"$set": {"mail": state.to_mongo().to_dict()}},
    )
    return result.matched_count == 1


def conversations_purge(*, organization_id, incident_id) -> None:
    """An incident deleted for good takes its conversations along."""
    Conversation.objects(organization_id=organization_id, incident_id=incident_id).delete()


def conversations_move(
    *, organization_id, from_incident_id, to_incident_id, origin: dict, session=None
) -> int:
    """Move every conversation of one incident to another (a merge), marked with `origin`
    (`{incident_id, display_id}`) unless an earlier merge marked it already. Two updates
    whatever the number of conversations; running it again moves nothing more.
    `session`: the moves are part of its transaction (a merge's)."""
    collection = Conversation._get_collection()
    scope = {"organization_id": organization_id, "incident_id": from_incident_id}
    first = collection.update_many(
        {**scope, "merged_from": None},
        {"$set": {"incident_id": to_incident_id, "merged_from": origin}},
        session=session,
    )
    rest = collection.update_many(scope, {"$set": {"incident_id": to_incident_id}}, session=session)
    return first.modified_count + rest.modified_count
