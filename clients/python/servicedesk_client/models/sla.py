from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sla_clock import SlaClock
    from ..models.sla_policy_ref import SlaPolicyRef


T = TypeVar("T", bound="Sla")


@_attrs_define
class Sla:
    """
    Attributes:
        policy (SlaPolicyRef):
        response (SlaClock):
        resolution (SlaClock):
    """

    policy: SlaPolicyRef
    response: SlaClock
    resolution: SlaClock
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy = self.policy.to_dict()

        response = self.response.to_dict()

        resolution = self.resolution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy": policy,
                "response": response,
                "resolution": resolution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sla_clock import SlaClock  # noqa: PLC0415
        from ..models.sla_policy_ref import SlaPolicyRef  # noqa: PLC0415

        d = dict(src_dict)
        policy = SlaPolicyRef.from_dict(d.pop("policy"))

        response = SlaClock.from_dict(d.pop("response"))

        resolution = SlaClock.from_dict(d.pop("resolution"))

        sla = cls(
            policy=policy,
            response=response,
            resolution=resolution,
        )

        sla.additional_properties = d
        return sla

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
