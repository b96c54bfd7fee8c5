from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assignment_info_request import AssignmentInfoRequest
    from ..models.basic_info_request import BasicInfoRequest
    from ..models.config_request import ConfigRequest
    from ..models.incident_update_input_request_custom_field_data import IncidentUpdateInputRequestCustomFieldData
    from ..models.incident_update_input_request_custom_field_type_0_item import (
        IncidentUpdateInputRequestCustomFieldType0Item,
    )
    from ..models.incident_update_input_request_custom_field_type_1 import IncidentUpdateInputRequestCustomFieldType1
    from ..models.incident_update_input_request_impacted_asset_type_0_item import (
        IncidentUpdateInputRequestImpactedAssetType0Item,
    )
    from ..models.incident_update_input_request_impacted_asset_type_2 import (
        IncidentUpdateInputRequestImpactedAssetType2,
    )
    from ..models.incident_update_input_request_location import IncidentUpdateInputRequestLocation
    from ..models.incident_update_input_request_reference_type_0_item import (
        IncidentUpdateInputRequestReferenceType0Item,
    )
    from ..models.incident_update_input_request_reference_type_1 import IncidentUpdateInputRequestReferenceType1
    from ..models.incident_update_input_request_template_info import IncidentUpdateInputRequestTemplateInfo
    from ..models.reporter_info_request import ReporterInfoRequest
    from ..models.requester_request import RequesterRequest


T = TypeVar("T", bound="IncidentUpdateInputRequest")


@_attrs_define
class IncidentUpdateInputRequest:
    """The representation (PUT) or part of it (PATCH), plus notes a status change needs.

    Attributes:
        requester (RequesterRequest): A person's contact details: the requester, the reporter.
        config (ConfigRequest): Optional strings may be blank (the listing uses "" for "not given").
        reporter_info (ReporterInfoRequest): A person's contact details: the requester, the reporter.
        basic_info (BasicInfoRequest): Optional strings may be blank (the listing uses "" for "not given").
        reference (IncidentUpdateInputRequestReferenceType1 | list[IncidentUpdateInputRequestReferenceType0Item]):
        template_info (IncidentUpdateInputRequestTemplateInfo):
        impacted_asset (IncidentUpdateInputRequestImpactedAssetType2 |
            list[IncidentUpdateInputRequestImpactedAssetType0Item] | list[str]):
        current_watcher (list[str] | str):
        current_assignment_info (AssignmentInfoRequest): Optional strings may be blank (the listing uses "" for "not
            given").
        custom_field (IncidentUpdateInputRequestCustomFieldType1 |
            list[IncidentUpdateInputRequestCustomFieldType0Item]):
        tag (list[str]):
        kb (list[str]):
        custom_field_data (IncidentUpdateInputRequestCustomFieldData):
        location (IncidentUpdateInputRequestLocation):
        is_archive (bool | Unset):
        unread_mail (bool | Unset):
        closure_note (str | Unset): Needed when the status moves to Resolved.
        reason (str | Unset): Needed to cancel, or to reopen a resolved incident.
    """

    requester: RequesterRequest
    config: ConfigRequest
    reporter_info: ReporterInfoRequest
    basic_info: BasicInfoRequest
    reference: IncidentUpdateInputRequestReferenceType1 | list[IncidentUpdateInputRequestReferenceType0Item]
    template_info: IncidentUpdateInputRequestTemplateInfo
    impacted_asset: (
        IncidentUpdateInputRequestImpactedAssetType2
        | list[IncidentUpdateInputRequestImpactedAssetType0Item]
        | list[str]
    )
    current_watcher: list[str] | str
    current_assignment_info: AssignmentInfoRequest
    custom_field: IncidentUpdateInputRequestCustomFieldType1 | list[IncidentUpdateInputRequestCustomFieldType0Item]
    tag: list[str]
    kb: list[str]
    custom_field_data: IncidentUpdateInputRequestCustomFieldData
    location: IncidentUpdateInputRequestLocation
    is_archive: bool | Unset = UNSET
    unread_mail: bool | Unset = UNSET
    closure_note: str | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requester = self.requester.to_dict()

        config = self.config.to_dict()

        reporter_info = self.reporter_info.to_dict()

        basic_info = self.basic_info.to_dict()

        reference: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.reference, list):
            reference = []
            for reference_type_0_item_data in self.reference:
                reference_type_0_item = reference_type_0_item_data.to_dict()
                reference.append(reference_type_0_item)

        else:
            reference = self.reference.to_dict()

        template_info = self.template_info.to_dict()

        impacted_asset: dict[str, Any] | list[dict[str, Any]] | list[str]
        if isinstance(self.impacted_asset, list):
            impacted_asset = []
            for impacted_asset_type_0_item_data in self.impacted_asset:
                impacted_asset_type_0_item = impacted_asset_type_0_item_data.to_dict()
                impacted_asset.append(impacted_asset_type_0_item)

        elif isinstance(self.impacted_asset, list):
            impacted_asset = self.impacted_asset

        else:
            impacted_asset = self.impacted_asset.to_dict()

        current_watcher: list[str] | str
        if isinstance(self.current_watcher, list):
            current_watcher = self.current_watcher

        else:
            current_watcher = self.current_watcher

        current_assignment_info = self.current_assignment_info.to_dict()

        custom_field: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.custom_field, list):
            custom_field = []
            for custom_field_type_0_item_data in self.custom_field:
                custom_field_type_0_item = custom_field_type_0_item_data.to_dict()
                custom_field.append(custom_field_type_0_item)

        else:
            custom_field = self.custom_field.to_dict()

        tag = self.tag

        kb = self.kb

        custom_field_data = self.custom_field_data.to_dict()

        location = self.location.to_dict()

        is_archive = self.is_archive

        unread_mail = self.unread_mail

        closure_note = self.closure_note

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requester": requester,
                "config": config,
                "reporter_info": reporter_info,
                "basic_info": basic_info,
                "reference": reference,
                "template_info": template_info,
                "impacted_asset": impacted_asset,
                "current_watcher": current_watcher,
                "current_assignment_info": current_assignment_info,
                "custom_field": custom_field,
                "tag": tag,
                "kb": kb,
                "custom_field_data": custom_field_data,
                "location": location,
            }
        )
        if is_archive is not UNSET:
            field_dict["is_archive"] = is_archive
        if unread_mail is not UNSET:
            field_dict["unread_mail"] = unread_mail
        if closure_note is not UNSET:
            field_dict["closure_note"] = closure_note
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_info_request import AssignmentInfoRequest  # noqa: PLC0415
        from ..models.basic_info_request import BasicInfoRequest  # noqa: PLC0415
        from ..models.config_request import ConfigRequest  # noqa: PLC0415
        from ..models.incident_update_input_request_custom_field_data import IncidentUpdateInputRequestCustomFieldData  # noqa: PLC0415
        from ..models.incident_update_input_request_custom_field_type_0_item import (
            IncidentUpdateInputRequestCustomFieldType0Item,  # noqa: PLC0415
        )
        from ..models.incident_update_input_request_custom_field_type_1 import (
            IncidentUpdateInputRequestCustomFieldType1,  # noqa: PLC0415
        )
        from ..models.incident_update_input_request_impacted_asset_type_0_item import (
            IncidentUpdateInputRequestImpactedAssetType0Item,  # noqa: PLC0415
        )
        from ..models.incident_update_input_request_impacted_asset_type_2 import (
            IncidentUpdateInputRequestImpactedAssetType2,  # noqa: PLC0415
        )
        from ..models.incident_update_input_request_location import IncidentUpdateInputRequestLocation  # noqa: PLC0415
        from ..models.incident_update_input_request_reference_type_0_item import (
            IncidentUpdateInputRequestReferenceType0Item,  # noqa: PLC0415
        )
        from ..models.incident_update_input_request_reference_type_1 import IncidentUpdateInputRequestReferenceType1  # noqa: PLC0415
        from ..models.incident_update_input_request_template_info import IncidentUpdateInputRequestTemplateInfo  # noqa: PLC0415
        from ..models.reporter_info_request import ReporterInfoRequest  # noqa: PLC0415
        from ..models.requester_request import RequesterRequest  # noqa: PLC0415

        d = dict(src_dict)
        requester = RequesterRequest.from_dict(d.pop("requester"))

        config = ConfigRequest.from_dict(d.pop("config"))

        reporter_info = ReporterInfoRequest.from_dict(d.pop("reporter_info"))

        basic_info = BasicInfoRequest.from_dict(d.pop("basic_info"))

        def _parse_reference(
            data: object,
        ) -> IncidentUpdateInputRequestReferenceType1 | list[IncidentUpdateInputRequestReferenceType0Item]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reference_type_0 = []
                _reference_type_0 = data
                for reference_type_0_item_data in _reference_type_0:
                    reference_type_0_item = IncidentUpdateInputRequestReferenceType0Item.from_dict(
                        reference_type_0_item_data
                    )

                    reference_type_0.append(reference_type_0_item)

                return reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            reference_type_1 = IncidentUpdateInputRequestReferenceType1.from_dict(data)

            return reference_type_1

        reference = _parse_reference(d.pop("reference"))

        template_info = IncidentUpdateInputRequestTemplateInfo.from_dict(d.pop("template_info"))

        def _parse_impacted_asset(
            data: object,
        ) -> (
            IncidentUpdateInputRequestImpactedAssetType2
            | list[IncidentUpdateInputRequestImpactedAssetType0Item]
            | list[str]
        ):
            try:
                if not isinstance(data, list):
                    raise TypeError()
                impacted_asset_type_0 = []
                _impacted_asset_type_0 = data
                for impacted_asset_type_0_item_data in _impacted_asset_type_0:
                    impacted_asset_type_0_item = IncidentUpdateInputRequestImpactedAssetType0Item.from_dict(
                        impacted_asset_type_0_item_data
                    )

                    impacted_asset_type_0.append(impacted_asset_type_0_item)

                return impacted_asset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                impacted_asset_type_1 = cast(list[str], data)

                return impacted_asset_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            impacted_asset_type_2 = IncidentUpdateInputRequestImpactedAssetType2.from_dict(data)

            return impacted_asset_type_2

        impacted_asset = _parse_impacted_asset(d.pop("impacted_asset"))

        def _parse_current_watcher(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                current_watcher_type_0 = cast(list[str], data)

                return current_watcher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        current_watcher = _parse_current_watcher(d.pop("current_watcher"))

        current_assignment_info = AssignmentInfoRequest.from_dict(d.pop("current_assignment_info"))

        def _parse_custom_field(
            data: object,
        ) -> IncidentUpdateInputRequestCustomFieldType1 | list[IncidentUpdateInputRequestCustomFieldType0Item]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                custom_field_type_0 = []
                _custom_field_type_0 = data
                for custom_field_type_0_item_data in _custom_field_type_0:
                    custom_field_type_0_item = IncidentUpdateInputRequestCustomFieldType0Item.from_dict(
                        custom_field_type_0_item_data
                    )

                    custom_field_type_0.append(custom_field_type_0_item)

                return custom_field_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            custom_field_type_1 = IncidentUpdateInputRequestCustomFieldType1.from_dict(data)

            return custom_field_type_1

        custom_field = _parse_custom_field(d.pop("custom_field"))

        tag = cast(list[str], d.pop("tag"))

        kb = cast(list[str], d.pop("kb"))

        custom_field_data = IncidentUpdateInputRequestCustomFieldData.from_dict(d.pop("custom_field_data"))

        location = IncidentUpdateInputRequestLocation.from_dict(d.pop("location"))

        is_archive = d.pop("is_archive", UNSET)

        unread_mail = d.pop("unread_mail", UNSET)

        closure_note = d.pop("closure_note", UNSET)

        reason = d.pop("reason", UNSET)

        incident_update_input_request = cls(
            requester=requester,
            config=config,
            reporter_info=reporter_info,
            basic_info=basic_info,
            reference=reference,
            template_info=template_info,
            impacted_asset=impacted_asset,
            current_watcher=current_watcher,
            current_assignment_info=current_assignment_info,
            custom_field=custom_field,
            tag=tag,
            kb=kb,
            custom_field_data=custom_field_data,
            location=location,
            is_archive=is_archive,
            unread_mail=unread_mail,
            closure_note=closure_note,
            reason=reason,
        )

        incident_update_input_request.additional_properties = d
        return incident_update_input_request

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
