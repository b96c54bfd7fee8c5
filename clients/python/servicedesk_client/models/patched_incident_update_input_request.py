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
    from ..models.patched_incident_update_input_request_custom_field_data import (
        PatchedIncidentUpdateInputRequestCustomFieldData,
    )
    from ..models.patched_incident_update_input_request_custom_field_type_0_item import (
        PatchedIncidentUpdateInputRequestCustomFieldType0Item,
    )
    from ..models.patched_incident_update_input_request_custom_field_type_1 import (
        PatchedIncidentUpdateInputRequestCustomFieldType1,
    )
    from ..models.patched_incident_update_input_request_impacted_asset_type_0_item import (
        PatchedIncidentUpdateInputRequestImpactedAssetType0Item,
    )
    from ..models.patched_incident_update_input_request_impacted_asset_type_2 import (
        PatchedIncidentUpdateInputRequestImpactedAssetType2,
    )
    from ..models.patched_incident_update_input_request_location import PatchedIncidentUpdateInputRequestLocation
    from ..models.patched_incident_update_input_request_reference_type_0_item import (
        PatchedIncidentUpdateInputRequestReferenceType0Item,
    )
    from ..models.patched_incident_update_input_request_reference_type_1 import (
        PatchedIncidentUpdateInputRequestReferenceType1,
    )
    from ..models.patched_incident_update_input_request_template_info import (
        PatchedIncidentUpdateInputRequestTemplateInfo,
    )
    from ..models.reporter_info_request import ReporterInfoRequest
    from ..models.requester_request import RequesterRequest


T = TypeVar("T", bound="PatchedIncidentUpdateInputRequest")


@_attrs_define
class PatchedIncidentUpdateInputRequest:
    """The representation (PUT) or part of it (PATCH), plus notes a status change needs.

    Attributes:
        is_archive (bool | Unset):
        unread_mail (bool | Unset):
        requester (RequesterRequest | Unset): A person's contact details: the requester, the reporter.
        config (ConfigRequest | Unset): Optional strings may be blank (the listing uses "" for "not given").
        reporter_info (ReporterInfoRequest | Unset): A person's contact details: the requester, the reporter.
        basic_info (BasicInfoRequest | Unset): Optional strings may be blank (the listing uses "" for "not given").
        reference (list[PatchedIncidentUpdateInputRequestReferenceType0Item] |
            PatchedIncidentUpdateInputRequestReferenceType1 | Unset):
        template_info (PatchedIncidentUpdateInputRequestTemplateInfo | Unset):
        impacted_asset (list[PatchedIncidentUpdateInputRequestImpactedAssetType0Item] | list[str] |
            PatchedIncidentUpdateInputRequestImpactedAssetType2 | Unset):
        current_watcher (list[str] | str | Unset):
        current_assignment_info (AssignmentInfoRequest | Unset): Optional strings may be blank (the listing uses "" for
            "not given").
        custom_field (list[PatchedIncidentUpdateInputRequestCustomFieldType0Item] |
            PatchedIncidentUpdateInputRequestCustomFieldType1 | Unset):
        tag (list[str] | Unset):
        kb (list[str] | Unset):
        custom_field_data (PatchedIncidentUpdateInputRequestCustomFieldData | Unset):
        location (PatchedIncidentUpdateInputRequestLocation | Unset):
        closure_note (str | Unset): Needed when the status moves to Resolved.
        reason (str | Unset): Needed to cancel, or to reopen a resolved incident.
    """

    is_archive: bool | Unset = UNSET
    unread_mail: bool | Unset = UNSET
    requester: RequesterRequest | Unset = UNSET
    config: ConfigRequest | Unset = UNSET
    reporter_info: ReporterInfoRequest | Unset = UNSET
    basic_info: BasicInfoRequest | Unset = UNSET
    reference: (
        list[PatchedIncidentUpdateInputRequestReferenceType0Item]
        | PatchedIncidentUpdateInputRequestReferenceType1
        | Unset
    ) = UNSET
    template_info: PatchedIncidentUpdateInputRequestTemplateInfo | Unset = UNSET
    impacted_asset: (
        list[PatchedIncidentUpdateInputRequestImpactedAssetType0Item]
        | list[str]
        | PatchedIncidentUpdateInputRequestImpactedAssetType2
        | Unset
    ) = UNSET
    current_watcher: list[str] | str | Unset = UNSET
    current_assignment_info: AssignmentInfoRequest | Unset = UNSET
    custom_field: (
        list[PatchedIncidentUpdateInputRequestCustomFieldType0Item]
        | PatchedIncidentUpdateInputRequestCustomFieldType1
        | Unset
    ) = UNSET
    tag: list[str] | Unset = UNSET
    kb: list[str] | Unset = UNSET
    custom_field_data: PatchedIncidentUpdateInputRequestCustomFieldData | Unset = UNSET
    location: PatchedIncidentUpdateInputRequestLocation | Unset = UNSET
    closure_note: str | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_archive = self.is_archive

        unread_mail = self.unread_mail

        requester: dict[str, Any] | Unset = UNSET
        if not isinstance(self.requester, Unset):
            requester = self.requester.to_dict()

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        reporter_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reporter_info, Unset):
            reporter_info = self.reporter_info.to_dict()

        basic_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basic_info, Unset):
            basic_info = self.basic_info.to_dict()

        reference: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        elif isinstance(self.reference, list):
            reference = []
            for reference_type_0_item_data in self.reference:
                reference_type_0_item = reference_type_0_item_data.to_dict()
                reference.append(reference_type_0_item)

        else:
            reference = self.reference.to_dict()

        template_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template_info, Unset):
            template_info = self.template_info.to_dict()

        impacted_asset: dict[str, Any] | list[dict[str, Any]] | list[str] | Unset
        if isinstance(self.impacted_asset, Unset):
            impacted_asset = UNSET
        elif isinstance(self.impacted_asset, list):
            impacted_asset = []
            for impacted_asset_type_0_item_data in self.impacted_asset:
                impacted_asset_type_0_item = impacted_asset_type_0_item_data.to_dict()
                impacted_asset.append(impacted_asset_type_0_item)

        elif isinstance(self.impacted_asset, list):
            impacted_asset = self.impacted_asset

        else:
            impacted_asset = self.impacted_asset.to_dict()

        current_watcher: list[str] | str | Unset
        if isinstance(self.current_watcher, Unset):
            current_watcher = UNSET
        elif isinstance(self.current_watcher, list):
            current_watcher = self.current_watcher

        else:
            current_watcher = self.current_watcher

        current_assignment_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_assignment_info, Unset):
            current_assignment_info = self.current_assignment_info.to_dict()

        custom_field: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.custom_field, Unset):
            custom_field = UNSET
        elif isinstance(self.custom_field, list):
            custom_field = []
            for custom_field_type_0_item_data in self.custom_field:
                custom_field_type_0_item = custom_field_type_0_item_data.to_dict()
                custom_field.append(custom_field_type_0_item)

        else:
            custom_field = self.custom_field.to_dict()

        tag: list[str] | Unset = UNSET
        if not isinstance(self.tag, Unset):
            tag = self.tag

        kb: list[str] | Unset = UNSET
        if not isinstance(self.kb, Unset):
            kb = self.kb

        custom_field_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_field_data, Unset):
            custom_field_data = self.custom_field_data.to_dict()

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        closure_note = self.closure_note

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_archive is not UNSET:
            field_dict["is_archive"] = is_archive
        if unread_mail is not UNSET:
            field_dict["unread_mail"] = unread_mail
        if requester is not UNSET:
            field_dict["requester"] = requester
        if config is not UNSET:
            field_dict["config"] = config
        if reporter_info is not UNSET:
            field_dict["reporter_info"] = reporter_info
        if basic_info is not UNSET:
            field_dict["basic_info"] = basic_info
        if reference is not UNSET:
            field_dict["reference"] = reference
        if template_info is not UNSET:
            field_dict["template_info"] = template_info
        if impacted_asset is not UNSET:
            field_dict["impacted_asset"] = impacted_asset
        if current_watcher is not UNSET:
            field_dict["current_watcher"] = current_watcher
        if current_assignment_info is not UNSET:
            field_dict["current_assignment_info"] = current_assignment_info
        if custom_field is not UNSET:
            field_dict["custom_field"] = custom_field
        if tag is not UNSET:
            field_dict["tag"] = tag
        if kb is not UNSET:
            field_dict["kb"] = kb
        if custom_field_data is not UNSET:
            field_dict["custom_field_data"] = custom_field_data
        if location is not UNSET:
            field_dict["location"] = location
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
        from ..models.patched_incident_update_input_request_custom_field_data import (
            PatchedIncidentUpdateInputRequestCustomFieldData,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_custom_field_type_0_item import (
            PatchedIncidentUpdateInputRequestCustomFieldType0Item,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_custom_field_type_1 import (
            PatchedIncidentUpdateInputRequestCustomFieldType1,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_impacted_asset_type_0_item import (
            PatchedIncidentUpdateInputRequestImpactedAssetType0Item,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_impacted_asset_type_2 import (
            PatchedIncidentUpdateInputRequestImpactedAssetType2,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_location import PatchedIncidentUpdateInputRequestLocation  # noqa: PLC0415
        from ..models.patched_incident_update_input_request_reference_type_0_item import (
            PatchedIncidentUpdateInputRequestReferenceType0Item,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_reference_type_1 import (
            PatchedIncidentUpdateInputRequestReferenceType1,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_template_info import (
            PatchedIncidentUpdateInputRequestTemplateInfo,  # noqa: PLC0415
        )
        from ..models.reporter_info_request import ReporterInfoRequest  # noqa: PLC0415
        from ..models.requester_request import RequesterRequest  # noqa: PLC0415

        d = dict(src_dict)
        is_archive = d.pop("is_archive", UNSET)

        unread_mail = d.pop("unread_mail", UNSET)

        _requester = d.pop("requester", UNSET)
        requester: RequesterRequest | Unset
        if isinstance(_requester, Unset):
            requester = UNSET
        else:
            requester = RequesterRequest.from_dict(_requester)

        _config = d.pop("config", UNSET)
        config: ConfigRequest | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = ConfigRequest.from_dict(_config)

        _reporter_info = d.pop("reporter_info", UNSET)
        reporter_info: ReporterInfoRequest | Unset
        if isinstance(_reporter_info, Unset):
            reporter_info = UNSET
        else:
            reporter_info = ReporterInfoRequest.from_dict(_reporter_info)

        _basic_info = d.pop("basic_info", UNSET)
        basic_info: BasicInfoRequest | Unset
        if isinstance(_basic_info, Unset):
            basic_info = UNSET
        else:
            basic_info = BasicInfoRequest.from_dict(_basic_info)

        def _parse_reference(
            data: object,
        ) -> (
            list[PatchedIncidentUpdateInputRequestReferenceType0Item]
            | PatchedIncidentUpdateInputRequestReferenceType1
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reference_type_0 = []
                _reference_type_0 = data
                for reference_type_0_item_data in _reference_type_0:
                    reference_type_0_item = PatchedIncidentUpdateInputRequestReferenceType0Item.from_dict(
                        reference_type_0_item_data
                    )

                    reference_type_0.append(reference_type_0_item)

                return reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            reference_type_1 = PatchedIncidentUpdateInputRequestReferenceType1.from_dict(data)

            return reference_type_1

        reference = _parse_reference(d.pop("reference", UNSET))

        _template_info = d.pop("template_info", UNSET)
        template_info: PatchedIncidentUpdateInputRequestTemplateInfo | Unset
        if isinstance(_template_info, Unset):
            template_info = UNSET
        else:
            template_info = PatchedIncidentUpdateInputRequestTemplateInfo.from_dict(_template_info)

        def _parse_impacted_asset(
            data: object,
        ) -> (
            list[PatchedIncidentUpdateInputRequestImpactedAssetType0Item]
            | list[str]
            | PatchedIncidentUpdateInputRequestImpactedAssetType2
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                impacted_asset_type_0 = []
                _impacted_asset_type_0 = data
                for impacted_asset_type_0_item_data in _impacted_asset_type_0:
                    impacted_asset_type_0_item = PatchedIncidentUpdateInputRequestImpactedAssetType0Item.from_dict(
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
            impacted_asset_type_2 = PatchedIncidentUpdateInputRequestImpactedAssetType2.from_dict(data)

            return impacted_asset_type_2

        impacted_asset = _parse_impacted_asset(d.pop("impacted_asset", UNSET))

        def _parse_current_watcher(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                current_watcher_type_0 = cast(list[str], data)

                return current_watcher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        current_watcher = _parse_current_watcher(d.pop("current_watcher", UNSET))

        _current_assignment_info = d.pop("current_assignment_info", UNSET)
        current_assignment_info: AssignmentInfoRequest | Unset
        if isinstance(_current_assignment_info, Unset):
            current_assignment_info = UNSET
        else:
            current_assignment_info = AssignmentInfoRequest.from_dict(_current_assignment_info)

        def _parse_custom_field(
            data: object,
        ) -> (
            list[PatchedIncidentUpdateInputRequestCustomFieldType0Item]
            | PatchedIncidentUpdateInputRequestCustomFieldType1
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                custom_field_type_0 = []
                _custom_field_type_0 = data
                for custom_field_type_0_item_data in _custom_field_type_0:
                    custom_field_type_0_item = PatchedIncidentUpdateInputRequestCustomFieldType0Item.from_dict(
                        custom_field_type_0_item_data
                    )

                    custom_field_type_0.append(custom_field_type_0_item)

                return custom_field_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            custom_field_type_1 = PatchedIncidentUpdateInputRequestCustomFieldType1.from_dict(data)

            return custom_field_type_1

        custom_field = _parse_custom_field(d.pop("custom_field", UNSET))

        tag = cast(list[str], d.pop("tag", UNSET))

        kb = cast(list[str], d.pop("kb", UNSET))

        _custom_field_data = d.pop("custom_field_data", UNSET)
        custom_field_data: PatchedIncidentUpdateInputRequestCustomFieldData | Unset
        if isinstance(_custom_field_data, Unset):
            custom_field_data = UNSET
        else:
            custom_field_data = PatchedIncidentUpdateInputRequestCustomFieldData.from_dict(_custom_field_data)

        _location = d.pop("location", UNSET)
        location: PatchedIncidentUpdateInputRequestLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = PatchedIncidentUpdateInputRequestLocation.from_dict(_location)

        closure_note = d.pop("closure_note", UNSET)

        reason = d.pop("reason", UNSET)

        patched_incident_update_input_request = cls(
            is_archive=is_archive,
            unread_mail=unread_mail,
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
            closure_note=closure_note,
            reason=reason,
        )

        patched_incident_update_input_request.additional_properties = d
        return patched_incident_update_input_request

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
