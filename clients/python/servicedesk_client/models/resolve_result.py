from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_error import BulkError
    from ..models.child_result import ChildResult
    from ..models.incident import Incident


T = TypeVar("T", bound="ResolveResult")


@_attrs_define
class ResolveResult:
    """A resolved incident's result; what follows a resolve (the relations app resolves
    the incident's open children) adds its fields (`incidents.services.links`).

        Attributes:
            incident_id (str): The id as given in the request.
            ok (bool):
            error (BulkError | Unset): Why one item of a bulk request failed: what a request for it alone would answer.
            incident (Incident | Unset): The stored incident, as the listing shows it.
            children (list[ChildResult] | Unset): When the incident is a parent: each of its open children, resolved with it
                or not (and why).
    """

    incident_id: str
    ok: bool
    error: BulkError | Unset = UNSET
    incident: Incident | Unset = UNSET
    children: list[ChildResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        ok = self.ok

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        incident: dict[str, Any] | Unset = UNSET
        if not isinstance(self.incident, Unset):
            incident = self.incident.to_dict()

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
                "ok": ok,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if incident is not UNSET:
            field_dict["incident"] = incident
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_error import BulkError  # noqa: PLC0415
        from ..models.child_result import ChildResult  # noqa: PLC0415
        from ..models.incident import Incident  # noqa: PLC0415

        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        ok = d.pop("ok")

        _error = d.pop("error", UNSET)
        error: BulkError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BulkError.from_dict(_error)

        _incident = d.pop("incident", UNSET)
        incident: Incident | Unset
        if isinstance(_incident, Unset):
            incident = UNSET
        else:
            incident = Incident.from_dict(_incident)

        _children = d.pop("children", UNSET)
        children: list[ChildResult] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = ChildResult.from_dict(children_item_data)

                children.append(children_item)

        resolve_result = cls(
            incident_id=incident_id,
            ok=ok,
            error=error,
            incident=incident,
            children=children,
        )

        resolve_result.additional_properties = d
        return resolve_result

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
