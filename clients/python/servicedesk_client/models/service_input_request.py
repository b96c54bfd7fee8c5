from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.classification_input_request import ClassificationInputRequest


T = TypeVar("T", bound="ServiceInputRequest")


@_attrs_define
class ServiceInputRequest:
    """
    Attributes:
        name (str): Unique in the organization.
        description (str | Unset):  Default: ''.
        classifications (list[ClassificationInputRequest] | Unset):
        default_group_id (None | str | Unset): The active support group an incident of this service gets when created
            without one. Example: 66d3f0c2a4b1e2d3c4b5a697.
        active (bool | Unset):  Default: True.
    """

    name: str
    description: str | Unset = ""
    classifications: list[ClassificationInputRequest] | Unset = UNSET
    default_group_id: None | str | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        classifications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.classifications, Unset):
            classifications = []
            for classifications_item_data in self.classifications:
                classifications_item = classifications_item_data.to_dict()
                classifications.append(classifications_item)

        default_group_id: None | str | Unset
        if isinstance(self.default_group_id, Unset):
            default_group_id = UNSET
        else:
            default_group_id = self.default_group_id

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if classifications is not UNSET:
            field_dict["classifications"] = classifications
        if default_group_id is not UNSET:
            field_dict["default_group_id"] = default_group_id
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.classification_input_request import ClassificationInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _classifications = d.pop("classifications", UNSET)
        classifications: list[ClassificationInputRequest] | Unset = UNSET
        if _classifications is not UNSET:
            classifications = []
            for classifications_item_data in _classifications:
                classifications_item = ClassificationInputRequest.from_dict(classifications_item_data)

                classifications.append(classifications_item)

        def _parse_default_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_group_id = _parse_default_group_id(d.pop("default_group_id", UNSET))

        active = d.pop("active", UNSET)

        service_input_request = cls(
            name=name,
            description=description,
            classifications=classifications,
            default_group_id=default_group_id,
            active=active,
        )

        return service_input_request
