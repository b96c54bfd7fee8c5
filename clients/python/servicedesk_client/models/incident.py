from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assignment_info import AssignmentInfo
    from ..models.basic_info import BasicInfo
    from ..models.close_info import CloseInfo
    from ..models.config import Config
    from ..models.incident_custom_field_data import IncidentCustomFieldData
    from ..models.incident_custom_field_item import IncidentCustomFieldItem
    from ..models.incident_impacted_asset_item import IncidentImpactedAssetItem
    from ..models.incident_location import IncidentLocation
    from ..models.incident_reference_item import IncidentReferenceItem
    from ..models.incident_template_info import IncidentTemplateInfo
    from ..models.reporter_info import ReporterInfo
    from ..models.requester import Requester
    from ..models.sla import Sla
    from ..models.source_info import SourceInfo


T = TypeVar("T", bound="Incident")


@_attrs_define
class Incident:
    """The stored incident, as the listing shows it.

    Attributes:
        incident_id (str):
        display_id (str):
        is_merge_incident (bool):
        requester (Requester): A person's contact details: the requester, the reporter.
        config (Config): Optional strings may be blank (the listing uses "" for "not given").
        reporter_info (ReporterInfo): A person's contact details: the requester, the reporter.
        basic_info (BasicInfo): Optional strings may be blank (the listing uses "" for "not given").
        reference (list[IncidentReferenceItem]):
        source_info (SourceInfo): Optional strings may be blank (the listing uses "" for "not given").
        template_info (IncidentTemplateInfo):
        impacted_asset (list[IncidentImpactedAssetItem]):
        close_info (CloseInfo): Optional strings may be blank (the listing uses "" for "not given").
        current_watcher (list[str]):
        current_assignment_info (AssignmentInfo): Optional strings may be blank (the listing uses "" for "not given").
        custom_field (list[IncidentCustomFieldItem]):
        tag (list[str]):
        kb (list[str]):
        custom_field_data (IncidentCustomFieldData):
        creation_time (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        created_by_id (str):
        last_update_time (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_by_id (str):
        location (IncidentLocation):
        sla (None | Sla): The SLA clocks: `{policy: {id, name}, response, resolution}`; null when no SLA policy applies
            (sla-policies/ of /ux/sd/org/).
        is_archive (bool | Unset):
        unread_mail (bool | Unset):
    """

    incident_id: str
    display_id: str
    is_merge_incident: bool
    requester: Requester
    config: Config
    reporter_info: ReporterInfo
    basic_info: BasicInfo
    reference: list[IncidentReferenceItem]
    source_info: SourceInfo
    template_info: IncidentTemplateInfo
    impacted_asset: list[IncidentImpactedAssetItem]
    close_info: CloseInfo
    current_watcher: list[str]
    current_assignment_info: AssignmentInfo
    custom_field: list[IncidentCustomFieldItem]
    tag: list[str]
    kb: list[str]
    custom_field_data: IncidentCustomFieldData
    creation_time: datetime.datetime
    created_by_id: str
    last_update_time: datetime.datetime
    updated_by_id: str
    location: IncidentLocation
    sla: None | Sla
    is_archive: bool | Unset = UNSET
    unread_mail: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sla import Sla  # noqa: PLC0415

        incident_id = self.incident_id

        display_id = self.display_id

        is_merge_incident = self.is_merge_incident

        requester = self.requester.to_dict()

        config = self.config.to_dict()

        reporter_info = self.reporter_info.to_dict()

        basic_info = self.basic_info.to_dict()

        reference = []
        for reference_item_data in self.reference:
            reference_item = reference_item_data.to_dict()
            reference.append(reference_item)

        source_info = self.source_info.to_dict()

        template_info = self.template_info.to_dict()

        impacted_asset = []
        for impacted_asset_item_data in self.impacted_asset:
            impacted_asset_item = impacted_asset_item_data.to_dict()
            impacted_asset.append(impacted_asset_item)

        close_info = self.close_info.to_dict()

        current_watcher = self.current_watcher

        current_assignment_info = self.current_assignment_info.to_dict()

        custom_field = []
        for custom_field_item_data in self.custom_field:
            custom_field_item = custom_field_item_data.to_dict()
            custom_field.append(custom_field_item)

        tag = self.tag

        kb = self.kb

        custom_field_data = self.custom_field_data.to_dict()

        creation_time = self.creation_time.isoformat()

        created_by_id = self.created_by_id

        last_update_time = self.last_update_time.isoformat()

        updated_by_id = self.updated_by_id

        location = self.location.to_dict()

        sla: dict[str, Any] | None
        if isinstance(self.sla, Sla):
            sla = self.sla.to_dict()
        else:
            sla = self.sla

        is_archive = self.is_archive

        unread_mail = self.unread_mail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
                "display_id": display_id,
                "is_merge_incident": is_merge_incident,
                "requester": requester,
                "config": config,
                "reporter_info": reporter_info,
                "basic_info": basic_info,
                "reference": reference,
                "source_info": source_info,
                "template_info": template_info,
                "impacted_asset": impacted_asset,
                "close_info": close_info,
                "current_watcher": current_watcher,
                "current_assignment_info": current_assignment_info,
                "custom_field": custom_field,
                "tag": tag,
                "kb": kb,
                "custom_field_data": custom_field_data,
                "creation_time": creation_time,
                "created_by_id": created_by_id,
                "last_update_time": last_update_time,
                "updated_by_id": updated_by_id,
                "location": location,
                "sla": sla,
            }
        )
        if is_archive is not UNSET:
            field_dict["is_archive"] = is_archive
        if unread_mail is not UNSET:
            field_dict["unread_mail"] = unread_mail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_info import AssignmentInfo  # noqa: PLC0415
        from ..models.basic_info import BasicInfo  # noqa: PLC0415
        from ..models.close_info import CloseInfo  # noqa: PLC0415
        from ..models.config import Config  # noqa: PLC0415
        from ..models.incident_custom_field_data import IncidentCustomFieldData  # noqa: PLC0415
        from ..models.incident_custom_field_item import IncidentCustomFieldItem  # noqa: PLC0415
        from ..models.incident_impacted_asset_item import IncidentImpactedAssetItem  # noqa: PLC0415
        from ..models.incident_location import IncidentLocation  # noqa: PLC0415
        from ..models.incident_reference_item import IncidentReferenceItem  # noqa: PLC0415
        from ..models.incident_template_info import IncidentTemplateInfo  # noqa: PLC0415
        from ..models.reporter_info import ReporterInfo  # noqa: PLC0415
        from ..models.requester import Requester  # noqa: PLC0415
        from ..models.sla import Sla  # noqa: PLC0415
        from ..models.source_info import SourceInfo  # noqa: PLC0415

        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        display_id = d.pop("display_id")

        is_merge_incident = d.pop("is_merge_incident")

        requester = Requester.from_dict(d.pop("requester"))

        config = Config.from_dict(d.pop("config"))

        reporter_info = ReporterInfo.from_dict(d.pop("reporter_info"))

        basic_info = BasicInfo.from_dict(d.pop("basic_info"))

        reference = []
        _reference = d.pop("reference")
        for reference_item_data in _reference:
            reference_item = IncidentReferenceItem.from_dict(reference_item_data)

            reference.append(reference_item)

        source_info = SourceInfo.from_dict(d.pop("source_info"))

        template_info = IncidentTemplateInfo.from_dict(d.pop("template_info"))

        impacted_asset = []
        _impacted_asset = d.pop("impacted_asset")
        for impacted_asset_item_data in _impacted_asset:
            impacted_asset_item = IncidentImpactedAssetItem.from_dict(impacted_asset_item_data)

            impacted_asset.append(impacted_asset_item)

        close_info = CloseInfo.from_dict(d.pop("close_info"))

        current_watcher = cast(list[str], d.pop("current_watcher"))

        current_assignment_info = AssignmentInfo.from_dict(d.pop("current_assignment_info"))

        custom_field = []
        _custom_field = d.pop("custom_field")
        for custom_field_item_data in _custom_field:
            custom_field_item = IncidentCustomFieldItem.from_dict(custom_field_item_data)

            custom_field.append(custom_field_item)

        tag = cast(list[str], d.pop("tag"))

        kb = cast(list[str], d.pop("kb"))

        custom_field_data = IncidentCustomFieldData.from_dict(d.pop("custom_field_data"))

        creation_time = datetime.datetime.fromisoformat(d.pop("creation_time"))

        created_by_id = d.pop("created_by_id")

        last_update_time = datetime.datetime.fromisoformat(d.pop("last_update_time"))

        updated_by_id = d.pop("updated_by_id")

        location = IncidentLocation.from_dict(d.pop("location"))

        def _parse_sla(data: object) -> None | Sla:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sla_type_0 = Sla.from_dict(data)

                return sla_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sla, data)

        sla = _parse_sla(d.pop("sla"))

        is_archive = d.pop("is_archive", UNSET)

        unread_mail = d.pop("unread_mail", UNSET)

        incident = cls(
            incident_id=incident_id,
            display_id=display_id,
            is_merge_incident=is_merge_incident,
            requester=requester,
            config=config,
            reporter_info=reporter_info,
            basic_info=basic_info,
            reference=reference,
            source_info=source_info,
            template_info=template_info,
            impacted_asset=impacted_asset,
            close_info=close_info,
            current_watcher=current_watcher,
            current_assignment_info=current_assignment_info,
            custom_field=custom_field,
            tag=tag,
            kb=kb,
            custom_field_data=custom_field_data,
            creation_time=creation_time,
            created_by_id=created_by_id,
            last_update_time=last_update_time,
            updated_by_id=updated_by_id,
            location=location,
            sla=sla,
            is_archive=is_archive,
            unread_mail=unread_mail,
        )

        incident.additional_properties = d
        return incident

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
