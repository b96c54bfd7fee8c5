from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="MultipartUploadRequest")


@_attrs_define
class MultipartUploadRequest:
    """`incident_id`, optional `conversation_id`, and one or more `file` parts.

    Attributes:
        incident_id (str): Incident id or display id.
        file (File): A file; repeat the part for several (at most 10).
        conversation_id (str | Unset): Attach to this conversation.
    """

    incident_id: str
    file: File
    conversation_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        file = self.file.to_tuple()

        conversation_id = self.conversation_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident_id": incident_id,
                "file": file,
            }
        )
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("incident_id", (None, str(self.incident_id).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.conversation_id, Unset):
            files.append(("conversation_id", (None, str(self.conversation_id).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        file = File(payload=BytesIO(d.pop("file")))

        conversation_id = d.pop("conversation_id", UNSET)

        multipart_upload_request = cls(
            incident_id=incident_id,
            file=file,
            conversation_id=conversation_id,
        )

        return multipart_upload_request
