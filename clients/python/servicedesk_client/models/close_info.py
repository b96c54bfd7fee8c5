from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merged_into import MergedInto


T = TypeVar("T", bound="CloseInfo")


@_attrs_define
class CloseInfo:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        merged_into (MergedInto | None): The incident this one was merged into (closed as a Duplicate), or null.
        resolution_type (str | Unset):
        resolution_type_id (int | None | Unset):
        closure_note (str | Unset):
        resolved_at (datetime.datetime | None | Unset):  Example: 2025-08-31T16:08:45.429Z.
        resolved_by (str | Unset):
        closed_at (datetime.datetime | None | Unset):  Example: 2025-08-31T16:08:45.429Z.
        closed_by (str | Unset):
        cancel_reason (str | Unset):
        reopen_count (int | Unset):
        last_reopen_reason (str | Unset):
    """

    merged_into: MergedInto | None
    resolution_type: str | Unset = UNSET
    resolution_type_id: int | None | Unset = UNSET
    closure_note: str | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    resolved_by: str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    closed_by: str | Unset = UNSET
    cancel_reason: str | Unset = UNSET
    reopen_count: int | Unset = UNSET
    last_reopen_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.merged_into import MergedInto  # noqa: PLC0415

        merged_into: dict[str, Any] | None
        if isinstance(self.merged_into, MergedInto):
            merged_into = self.merged_into.to_dict()
        else:
            merged_into = self.merged_into

        resolution_type = self.resolution_type

        resolution_type_id: int | None | Unset
        if isinstance(self.resolution_type_id, Unset):
            resolution_type_id = UNSET
        else:
            resolution_type_id = self.resolution_type_id

        closure_note = self.closure_note

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by = self.resolved_by

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_by = self.closed_by

        cancel_reason = self.cancel_reason

        reopen_count = self.reopen_count

        last_reopen_reason = self.last_reopen_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merged_into": merged_into,
            }
        )
        if resolution_type is not UNSET:
            field_dict["resolution_type"] = resolution_type
        if resolution_type_id is not UNSET:
            field_dict["resolution_type_id"] = resolution_type_id
        if closure_note is not UNSET:
            field_dict["closure_note"] = closure_note
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if resolved_by is not UNSET:
            field_dict["resolved_by"] = resolved_by
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if closed_by is not UNSET:
            field_dict["closed_by"] = closed_by
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if reopen_count is not UNSET:
            field_dict["reopen_count"] = reopen_count
        if last_reopen_reason is not UNSET:
            field_dict["last_reopen_reason"] = last_reopen_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merged_into import MergedInto  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_merged_into(data: object) -> MergedInto | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                merged_into_type_0 = MergedInto.from_dict(data)

                return merged_into_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MergedInto | None, data)

        merged_into = _parse_merged_into(d.pop("merged_into"))

        resolution_type = d.pop("resolution_type", UNSET)

        def _parse_resolution_type_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resolution_type_id = _parse_resolution_type_id(d.pop("resolution_type_id", UNSET))

        closure_note = d.pop("closure_note", UNSET)

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        resolved_by = d.pop("resolved_by", UNSET)

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        closed_by = d.pop("closed_by", UNSET)

        cancel_reason = d.pop("cancel_reason", UNSET)

        reopen_count = d.pop("reopen_count", UNSET)

        last_reopen_reason = d.pop("last_reopen_reason", UNSET)

        close_info = cls(
            merged_into=merged_into,
            resolution_type=resolution_type,
            resolution_type_id=resolution_type_id,
            closure_note=closure_note,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            closed_at=closed_at,
            closed_by=closed_by,
            cancel_reason=cancel_reason,
            reopen_count=reopen_count,
            last_reopen_reason=last_reopen_reason,
        )

        close_info.additional_properties = d
        return close_info

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
