from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_direction_enum import ConversationDirectionEnum
from ..models.conversation_kind_enum import ConversationKindEnum

if TYPE_CHECKING:
    from ..models.conversation_origin_out import ConversationOriginOut
    from ..models.mail_state_out import MailStateOut
    from ..models.previous_body_out import PreviousBodyOut


T = TypeVar("T", bound="Conversation")


@_attrs_define
class Conversation:
    """A conversation as stored.

    Attributes:
        conversation_id (str):
        incident_id (str):
        kind (ConversationKindEnum): * `reply` - reply
            * `note` - note
            * `forward` - forward
        direction (ConversationDirectionEnum): * `inbound` - inbound
            * `outbound` - outbound
        body (str):
        body_text (str):
        to (list[str]):
        cc (list[str]):
        bcc (list[str]):
        attachment_ids (list[str]):
        is_private (bool):
        author_id (str):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_by_id (str):
        previous_bodies (list[PreviousBodyOut]): Earlier bodies, oldest first.
        mail (MailStateOut | None): Mail delivery of a public outbound conversation, or the inbound mail it came from;
            null for private notes and conversations that are no mail.
        merged_from (ConversationOriginOut | None): The incident this conversation was written on, when a merge moved it
            here from that duplicate; null otherwise.
        from_ (str):
    """

    conversation_id: str
    incident_id: str
    kind: ConversationKindEnum
    direction: ConversationDirectionEnum
    body: str
    body_text: str
    to: list[str]
    cc: list[str]
    bcc: list[str]
    attachment_ids: list[str]
    is_private: bool
    author_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    updated_by_id: str
    previous_bodies: list[PreviousBodyOut]
    mail: MailStateOut | None
    merged_from: ConversationOriginOut | None
    from_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conversation_origin_out import ConversationOriginOut  # noqa: PLC0415
        from ..models.mail_state_out import MailStateOut  # noqa: PLC0415

        conversation_id = self.conversation_id

        incident_id = self.incident_id

        kind = self.kind.value

        direction = self.direction.value

        body = self.body

        body_text = self.body_text

        to = self.to

        cc = self.cc

        bcc = self.bcc

        attachment_ids = self.attachment_ids

        is_private = self.is_private

        author_id = self.author_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        updated_by_id = self.updated_by_id

        previous_bodies = []
        for previous_bodies_item_data in self.previous_bodies:
            previous_bodies_item = previous_bodies_item_data.to_dict()
            previous_bodies.append(previous_bodies_item)

        mail: dict[str, Any] | None
        if isinstance(self.mail, MailStateOut):
            mail = self.mail.to_dict()
        else:
            mail = self.mail

        merged_from: dict[str, Any] | None
        if isinstance(self.merged_from, ConversationOriginOut):
            merged_from = self.merged_from.to_dict()
        else:
            merged_from = self.merged_from

        from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation_id": conversation_id,
                "incident_id": incident_id,
                "kind": kind,
                "direction": direction,
                "body": body,
                "body_text": body_text,
                "to": to,
                "cc": cc,
                "bcc": bcc,
                "attachment_ids": attachment_ids,
                "is_private": is_private,
                "author_id": author_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "updated_by_id": updated_by_id,
                "previous_bodies": previous_bodies,
                "mail": mail,
                "merged_from": merged_from,
                "from": from_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conversation_origin_out import ConversationOriginOut  # noqa: PLC0415
        from ..models.mail_state_out import MailStateOut  # noqa: PLC0415
        from ..models.previous_body_out import PreviousBodyOut  # noqa: PLC0415

        d = dict(src_dict)
        conversation_id = d.pop("conversation_id")

        incident_id = d.pop("incident_id")

        kind = ConversationKindEnum(d.pop("kind"))

        direction = ConversationDirectionEnum(d.pop("direction"))

        body = d.pop("body")

        body_text = d.pop("body_text")

        to = cast(list[str], d.pop("to"))

        cc = cast(list[str], d.pop("cc"))

        bcc = cast(list[str], d.pop("bcc"))

        attachment_ids = cast(list[str], d.pop("attachment_ids"))

        is_private = d.pop("is_private")

        author_id = d.pop("author_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        updated_by_id = d.pop("updated_by_id")

        previous_bodies = []
        _previous_bodies = d.pop("previous_bodies")
        for previous_bodies_item_data in _previous_bodies:
            previous_bodies_item = PreviousBodyOut.from_dict(previous_bodies_item_data)

            previous_bodies.append(previous_bodies_item)

        def _parse_mail(data: object) -> MailStateOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mail_type_0 = MailStateOut.from_dict(data)

                return mail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MailStateOut | None, data)

        mail = _parse_mail(d.pop("mail"))

        def _parse_merged_from(data: object) -> ConversationOriginOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                merged_from_type_0 = ConversationOriginOut.from_dict(data)

                return merged_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationOriginOut | None, data)

        merged_from = _parse_merged_from(d.pop("merged_from"))

        from_ = d.pop("from")

        conversation = cls(
            conversation_id=conversation_id,
            incident_id=incident_id,
            kind=kind,
            direction=direction,
            body=body,
            body_text=body_text,
            to=to,
            cc=cc,
            bcc=bcc,
            attachment_ids=attachment_ids,
            is_private=is_private,
            author_id=author_id,
            created_at=created_at,
            updated_at=updated_at,
            updated_by_id=updated_by_id,
            previous_bodies=previous_bodies,
            mail=mail,
            merged_from=merged_from,
            from_=from_,
        )

        conversation.additional_properties = d
        return conversation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
