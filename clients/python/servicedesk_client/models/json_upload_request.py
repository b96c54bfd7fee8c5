from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.base_64_file_request import Base64FileRequest


T = TypeVar("T", bound="JsonUploadRequest")


@_attrs_define
class JsonUploadRequest:
    """`{incident_id, conversation_id?, files: [{file_name, content_base64, content_type?}]}`.

    Attributes:
        incident_id (str): Incident id or display id.
        files (list[Base64FileRequest]):
        conversation_id (str | Unset): Attach to this conversation.
    """

    incident_id: str
    files: list[Base64FileRequest]
    conversation_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        conversation_id = self.conversation_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident_id": incident_id,
                "files": files,
            }
        )
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.base_64_file_request import Base64FileRequest  # noqa: PLC0415

        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = Base64FileRequest.from_dict(files_item_data)

            files.append(files_item)

        conversation_id = d.pop("conversation_id", UNSET)

        json_upload_request = cls(
            incident_id=incident_id,
            files=files,
            conversation_id=conversation_id,
        )

        return json_upload_request
