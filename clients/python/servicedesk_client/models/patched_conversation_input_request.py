from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conversation_direction_enum import ConversationDirectionEnum
from ..models.conversation_kind_enum import ConversationKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedConversationInputRequest")


@_attrs_define
class PatchedConversationInputRequest:
    """Create (all of it) or edit (body, sender, recipients, attachment references).

    `kind`: `reply` (to or from the requester), `note` (private: never sent, no
    recipients) or `forward` (sent to `to`). `direction`: `inbound` (from the
    requester) or `outbound` (from the desk). `body` is HTML, sanitized before it
    is kept; a plain-text copy is kept beside it.

        Attributes:
            incident_id (str | Unset): Incident id or display id.
            kind (ConversationKindEnum | Unset): * `reply` - reply
                * `note` - note
                * `forward` - forward
            direction (ConversationDirectionEnum | Unset): * `inbound` - inbound
                * `outbound` - outbound
            body (str | Unset): HTML; sanitized.
            to (list[str] | Unset): Recipients (replies and forwards).
            cc (list[str] | Unset): Copy recipients.
            bcc (list[str] | Unset): Blind copy recipients.
            attachment_ids (list[str] | Unset):
            from_ (str | Unset): Sender address.
    """

    incident_id: str | Unset = UNSET
    kind: ConversationKindEnum | Unset = UNSET
    direction: ConversationDirectionEnum | Unset = UNSET
    body: str | Unset = UNSET
    to: list[str] | Unset = UNSET
    cc: list[str] | Unset = UNSET
    bcc: list[str] | Unset = UNSET
    attachment_ids: list[str] | Unset = UNSET
    from_: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        body = self.body

        to: list[str] | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to

        cc: list[str] | Unset = UNSET
        if not isinstance(self.cc, Unset):
            cc = self.cc

        bcc: list[str] | Unset = UNSET
        if not isinstance(self.bcc, Unset):
            bcc = self.bcc

        attachment_ids: list[str] | Unset = UNSET
        if not isinstance(self.attachment_ids, Unset):
            attachment_ids = self.attachment_ids

        from_: str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if direction is not UNSET:
            field_dict["direction"] = direction
        if body is not UNSET:
            field_dict["body"] = body
        if to is not UNSET:
            field_dict["to"] = to
        if cc is not UNSET:
            field_dict["cc"] = cc
        if bcc is not UNSET:
            field_dict["bcc"] = bcc
        if attachment_ids is not UNSET:
            field_dict["attachment_ids"] = attachment_ids
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_id = d.pop("incident_id", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: ConversationKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ConversationKindEnum(_kind)

        _direction = d.pop("direction", UNSET)
        direction: ConversationDirectionEnum | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = ConversationDirectionEnum(_direction)

        body = d.pop("body", UNSET)

        to = cast(list[str], d.pop("to", UNSET))

        cc = cast(list[str], d.pop("cc", UNSET))

        bcc = cast(list[str], d.pop("bcc", UNSET))

        attachment_ids = cast(list[str], d.pop("attachment_ids", UNSET))

        def _parse_from_(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        patched_conversation_input_request = cls(
            incident_id=incident_id,
            kind=kind,
            direction=direction,
            body=body,
            to=to,
            cc=cc,
            bcc=bcc,
            attachment_ids=attachment_ids,
            from_=from_,
        )

        return patched_conversation_input_request
