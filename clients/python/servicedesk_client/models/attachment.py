from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attachment_origin_out import AttachmentOriginOut


T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        attachment_id (str):
        incident_id (str):
        conversation_id (None | str):
        file_name (str):
        original_name (str):
        size (int):
        content_type (str):
        sha256 (str):
        uploader_id (str):
        uploaded_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        download_url (str):
        merged_from (AttachmentOriginOut | None): The incident this file was attached to, when a merge moved it here
            from that duplicate; null otherwise.
    """

    attachment_id: str
    incident_id: str
    conversation_id: None | str
    file_name: str
    original_name: str
    size: int
    content_type: str
    sha256: str
    uploader_id: str
    uploaded_at: datetime.datetime
    download_url: str
    merged_from: AttachmentOriginOut | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment_origin_out import AttachmentOriginOut  # noqa: PLC0415

        attachment_id = self.attachment_id

        incident_id = self.incident_id

        conversation_id: None | str
        conversation_id = self.conversation_id

        file_name = self.file_name

        original_name = self.original_name

        size = self.size

        content_type = self.content_type

        sha256 = self.sha256

        uploader_id = self.uploader_id

        uploaded_at = self.uploaded_at.isoformat()

        download_url = self.download_url

        merged_from: dict[str, Any] | None
        if isinstance(self.merged_from, AttachmentOriginOut):
            merged_from = self.merged_from.to_dict()
        else:
            merged_from = self.merged_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachment_id": attachment_id,
                "incident_id": incident_id,
                "conversation_id": conversation_id,
                "file_name": file_name,
                "original_name": original_name,
                "size": size,
                "content_type": content_type,
                "sha256": sha256,
                "uploader_id": uploader_id,
                "uploaded_at": uploaded_at,
                "download_url": download_url,
                "merged_from": merged_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_origin_out import AttachmentOriginOut  # noqa: PLC0415

        d = dict(src_dict)
        attachment_id = d.pop("attachment_id")

        incident_id = d.pop("incident_id")

        def _parse_conversation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conversation_id = _parse_conversation_id(d.pop("conversation_id"))

        file_name = d.pop("file_name")

        original_name = d.pop("original_name")

        size = d.pop("size")

        content_type = d.pop("content_type")

        sha256 = d.pop("sha256")

        uploader_id = d.pop("uploader_id")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        download_url = d.pop("download_url")

        def _parse_merged_from(data: object) -> AttachmentOriginOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                merged_from_type_0 = AttachmentOriginOut.from_dict(data)

                return merged_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttachmentOriginOut | None, data)

        merged_from = _parse_merged_from(d.pop("merged_from"))

        attachment = cls(
            attachment_id=attachment_id,
            incident_id=incident_id,
            conversation_id=conversation_id,
            file_name=file_name,
            original_name=original_name,
            size=size,
            content_type=content_type,
            sha256=sha256,
            uploader_id=uploader_id,
            uploaded_at=uploaded_at,
            download_url=download_url,
            merged_from=merged_from,
        )

        attachment.additional_properties = d
        return attachment

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
