from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conditions_input_request import ConditionsInputRequest
    from ..models.targets_input_request import TargetsInputRequest


T = TypeVar("T", bound="PatchedPolicyInputRequest")


@_attrs_define
class PatchedPolicyInputRequest:
    """
    Attributes:
        name (str | Unset): Unique in the organization.
        order (int | Unset): Policies are tried by order (then name): the first active one whose conditions match
            applies. Default: 0.
        active (bool | Unset):  Default: True.
        conditions (ConditionsInputRequest | Unset):
        calendar_id (None | str | Unset): The business calendar the targets count on; null: the built-in `24x7`.
            Example: 66d3f0c2a4b1e2d3c4b5a697.
        targets (TargetsInputRequest | Unset):
        pause_status_ids (list[int] | Unset): Open statuses that pause both clocks (default: On Hold, 4).
        warn_at_percent (int | Unset): A warning when this share of a target's business time has passed. Default: 80.
    """

    name: str | Unset = UNSET
    order: int | Unset = 0
    active: bool | Unset = True
    conditions: ConditionsInputRequest | Unset = UNSET
    calendar_id: None | str | Unset = UNSET
    targets: TargetsInputRequest | Unset = UNSET
    pause_status_ids: list[int] | Unset = UNSET
    warn_at_percent: int | Unset = 80

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        order = self.order

        active = self.active

        conditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions.to_dict()

        calendar_id: None | str | Unset
        if isinstance(self.calendar_id, Unset):
            calendar_id = UNSET
        else:
            calendar_id = self.calendar_id

        targets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets.to_dict()

        pause_status_ids: list[int] | Unset = UNSET
        if not isinstance(self.pause_status_ids, Unset):
            pause_status_ids = self.pause_status_ids

        warn_at_percent = self.warn_at_percent

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if order is not UNSET:
            field_dict["order"] = order
        if active is not UNSET:
            field_dict["active"] = active
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if calendar_id is not UNSET:
            field_dict["calendar_id"] = calendar_id
        if targets is not UNSET:
            field_dict["targets"] = targets
        if pause_status_ids is not UNSET:
            field_dict["pause_status_ids"] = pause_status_ids
        if warn_at_percent is not UNSET:
            field_dict["warn_at_percent"] = warn_at_percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conditions_input_request import ConditionsInputRequest  # noqa: PLC0415
        from ..models.targets_input_request import TargetsInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        order = d.pop("order", UNSET)

        active = d.pop("active", UNSET)

        _conditions = d.pop("conditions", UNSET)
        conditions: ConditionsInputRequest | Unset
        if isinstance(_conditions, Unset):
            conditions = UNSET
        else:
            conditions = ConditionsInputRequest.from_dict(_conditions)

        def _parse_calendar_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        calendar_id = _parse_calendar_id(d.pop("calendar_id", UNSET))

        _targets = d.pop("targets", UNSET)
        targets: TargetsInputRequest | Unset
        if isinstance(_targets, Unset):
            targets = UNSET
        else:
            targets = TargetsInputRequest.from_dict(_targets)

        pause_status_ids = cast(list[int], d.pop("pause_status_ids", UNSET))

        warn_at_percent = d.pop("warn_at_percent", UNSET)

        patched_policy_input_request = cls(
            name=name,
            order=order,
            active=active,
            conditions=conditions,
            calendar_id=calendar_id,
            targets=targets,
            pause_status_ids=pause_status_ids,
            warn_at_percent=warn_at_percent,
        )

        return patched_policy_input_request
