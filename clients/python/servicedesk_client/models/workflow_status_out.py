from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transition_out import TransitionOut


T = TypeVar("T", bound="WorkflowStatusOut")


@_attrs_define
class WorkflowStatusOut:
    """
    Attributes:
        status_id (int):
        status (str):
        state_id (int):
        state (str):
        allowed (list[TransitionOut]):
        incident_id (str | Unset):
    """

    status_id: int
    status: str
    state_id: int
    state: str
    allowed: list[TransitionOut]
    incident_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_id = self.status_id

        status = self.status

        state_id = self.state_id

        state = self.state

        allowed = []
        for allowed_item_data in self.allowed:
            allowed_item = allowed_item_data.to_dict()
            allowed.append(allowed_item)

        incident_id = self.incident_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_id": status_id,
                "status": status,
                "state_id": state_id,
                "state": state,
                "allowed": allowed,
            }
        )
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transition_out import TransitionOut  # noqa: PLC0415

        d = dict(src_dict)
        status_id = d.pop("status_id")

        status = d.pop("status")

        state_id = d.pop("state_id")

        state = d.pop("state")

        allowed = []
        _allowed = d.pop("allowed")
        for allowed_item_data in _allowed:
            allowed_item = TransitionOut.from_dict(allowed_item_data)

            allowed.append(allowed_item)

        incident_id = d.pop("incident_id", UNSET)

        workflow_status_out = cls(
            status_id=status_id,
            status=status,
            state_id=state_id,
            state=state,
            allowed=allowed,
            incident_id=incident_id,
        )

        workflow_status_out.additional_properties = d
        return workflow_status_out

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
