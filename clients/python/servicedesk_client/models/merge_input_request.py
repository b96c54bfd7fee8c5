from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MergeInputRequest")


@_attrs_define
class MergeInputRequest:
    """
    Attributes:
        target (str): The incident to keep. An incident id (24 hex characters) or display id such as `INCI-42`.
        sources (list[str]): The duplicates to fold into the target, at most 100. An incident id (24 hex characters) or
            display id such as `INCI-42`.
        note (str | Unset): Plain text, added to the public reply on the target and to each source's closure note.
    """

    target: str
    sources: list[str]
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        target = self.target

        sources = self.sources

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target": target,
                "sources": sources,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target = d.pop("target")

        sources = cast(list[str], d.pop("sources"))

        note = d.pop("note", UNSET)

        merge_input_request = cls(
            target=target,
            sources=sources,
            note=note,
        )

        return merge_input_request
