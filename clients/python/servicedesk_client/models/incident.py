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
        display_id (str | Unset):
        is_merge_incident (bool | Unset):
        is_archive (bool | Unset):
        unread_mail (bool | Unset):
        requester (Requester | Unset): A person's contact details: the requester, the reporter.
        config (Config | Unset): Optional strings may be blank (the listing uses "" for "not given").
        reporter_info (ReporterInfo | Unset): A person's contact details: the requester, the reporter.
        basic_info (BasicInfo | Unset): Optional strings may be blank (the listing uses "" for "not given").
        reference (list[IncidentReferenceItem] | Unset):
        source_info (SourceInfo | Unset): Optional strings may be blank (the listing uses "" for "not given").
        template_info (IncidentTemplateInfo | Unset):
        impacted_asset (list[IncidentImpactedAssetItem] | Unset):
        close_info (CloseInfo | Unset): Optional strings may be blank (the listing uses "" for "not given").
        current_watcher (list[str] | Unset):
        current_assignment_info (AssignmentInfo | Unset): Optional strings may be blank (the listing uses "" for "not
            given").
        custom_field (list[IncidentCustomFieldItem] | Unset):
        tag (list[str] | Unset):
        kb (list[str] | Unset):
        custom_field_data (IncidentCustomFieldData | Unset):
        creation_time (datetime.datetime | Unset):  Example: 2025-08-31T16:08:45.429Z.
        created_by_id (str | Unset):
        last_update_time (datetime.datetime | Unset):  Example: 2025-08-31T16:08:45.429Z.
        updated_by_id (str | Unset):
        location (IncidentLocation | Unset):
        sla (None | Sla | Unset): The SLA clocks: `{policy: {id, name}, response, resolution}`; null when no SLA policy
            applies (sla-policies/ of /ux/sd/org/).
    """

    incident_id: str
    display_id: str | Unset = UNSET
    is_merge_incident: bool | Unset = UNSET
    is_archive: bool | Unset = UNSET
    unread_mail: bool | Unset = UNSET
    requester: Requester | Unset = UNSET
    config: Config | Unset = UNSET
    reporter_info: ReporterInfo | Unset = UNSET
    basic_info: BasicInfo | Unset = UNSET
    reference: list[IncidentReferenceItem] | Unset = UNSET
    source_info: SourceInfo | Unset = UNSET
    template_info: IncidentTemplateInfo | Unset = UNSET
    impacted_asset: list[IncidentImpactedAssetItem] | Unset = UNSET
    close_info: CloseInfo | Unset = UNSET
    current_watcher: list[str] | Unset = UNSET
    current_assignment_info: AssignmentInfo | Unset = UNSET
    custom_field: list[IncidentCustomFieldItem] | Unset = UNSET
    tag: list[str] | Unset = UNSET
    kb: list[str] | Unset = UNSET
    custom_field_data: IncidentCustomFieldData | Unset = UNSET
    creation_time: datetime.datetime | Unset = UNSET
    created_by_id: str | Unset = UNSET
    last_update_time: datetime.datetime | Unset = UNSET
    updated_by_id: str | Unset = UNSET
    location: IncidentLocation | Unset = UNSET
    sla: None | Sla | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sla import Sla  # noqa: PLC0415

        incident_id = self.incident_id

        display_id = self.display_id

        is_merge_incident = self.is_merge_incident

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

        reference: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reference, Unset):
            reference = []
            for reference_item_data in self.reference:
                reference_item = reference_item_data.to_dict()
                reference.append(reference_item)

        source_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source_info, Unset):
            source_info = self.source_info.to_dict()

        template_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template_info, Unset):
            template_info = self.template_info.to_dict()

        impacted_asset: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.impacted_asset, Unset):
            impacted_asset = []
            for impacted_asset_item_data in self.impacted_asset:
                impacted_asset_item = impacted_asset_item_data.to_dict()
                impacted_asset.append(impacted_asset_item)

        close_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.close_info, Unset):
            close_info = self.close_info.to_dict()

        current_watcher: list[str] | Unset = UNSET
        if not isinstance(self.current_watcher, Unset):
            current_watcher = self.current_watcher

        current_assignment_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_assignment_info, Unset):
            current_assignment_info = self.current_assignment_info.to_dict()

        custom_field: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_field, Unset):
            custom_field = []
            for custom_field_item_data in self.custom_field:
                custom_field_item = custom_field_item_data.to_dict()
                custom_field.append(custom_field_item)

        tag: list[str] | Unset = UNSET
        if not isinstance(self.tag, Unset):
            tag = self.tag

        kb: list[str] | Unset = UNSET
        if not isinstance(self.kb, Unset):
            kb = self.kb

        custom_field_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_field_data, Unset):
            custom_field_data = self.custom_field_data.to_dict()

        creation_time: str | Unset = UNSET
        if not isinstance(self.creation_time, Unset):
            creation_time = self.creation_time.isoformat()

        created_by_id = self.created_by_id

        last_update_time: str | Unset = UNSET
        if not isinstance(self.last_update_time, Unset):
            last_update_time = self.last_update_time.isoformat()

        updated_by_id = self.updated_by_id

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        sla: dict[str, Any] | None | Unset
        if isinstance(self.sla, Unset):
            sla = UNSET
        elif isinstance(self.sla, Sla):
            sla = self.sla.to_dict()
        else:
            sla = self.sla

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
            }
        )
        if display_id is not UNSET:
            field_dict["display_id"] = display_id
        if is_merge_incident is not UNSET:
            field_dict["is_merge_incident"] = is_merge_incident
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
        if source_info is not UNSET:
            field_dict["source_info"] = source_info
        if template_info is not UNSET:
            field_dict["template_info"] = template_info
        if impacted_asset is not UNSET:
            field_dict["impacted_asset"] = impacted_asset
        if close_info is not UNSET:
            field_dict["close_info"] = close_info
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
        if creation_time is not UNSET:
            field_dict["creation_time"] = creation_time
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id
        if last_update_time is not UNSET:
            field_dict["last_update_time"] = last_update_time
        if updated_by_id is not UNSET:
            field_dict["updated_by_id"] = updated_by_id
        if location is not UNSET:
            field_dict["location"] = location
        if sla is not UNSET:
            field_dict["sla"] = sla

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

        display_id = d.pop("display_id", UNSET)

        is_merge_incident = d.pop("is_merge_incident", UNSET)

        is_archive = d.pop("is_archive", UNSET)

        unread_mail = d.pop("unread_mail", UNSET)

        _requester = d.pop("requester", UNSET)
        requester: Requester | Unset
        if isinstance(_requester, Unset):
            requester = UNSET
        else:
            requester = Requester.from_dict(_requester)

        _config = d.pop("config", UNSET)
        config: Config | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = Config.from_dict(_config)

        _reporter_info = d.pop("reporter_info", UNSET)
        reporter_info: ReporterInfo | Unset
        if isinstance(_reporter_info, Unset):
            reporter_info = UNSET
        else:
            reporter_info = ReporterInfo.from_dict(_reporter_info)

        _basic_info = d.pop("basic_info", UNSET)
        basic_info: BasicInfo | Unset
        if isinstance(_basic_info, Unset):
            basic_info = UNSET
        else:
            basic_info = BasicInfo.from_dict(_basic_info)

        _reference = d.pop("reference", UNSET)
        reference: list[IncidentReferenceItem] | Unset = UNSET
        if _reference is not UNSET:
            reference = []
            for reference_item_data in _reference:
                reference_item = IncidentReferenceItem.from_dict(reference_item_data)

                reference.append(reference_item)

        _source_info = d.pop("source_info", UNSET)
        source_info: SourceInfo | Unset
        if isinstance(_source_info, Unset):
            source_info = UNSET
        else:
            source_info = SourceInfo.from_dict(_source_info)

        _template_info = d.pop("template_info", UNSET)
        template_info: IncidentTemplateInfo | Unset
        if isinstance(_template_info, Unset):
            template_info = UNSET
        else:
            template_info = IncidentTemplateInfo.from_dict(_template_info)

        _impacted_asset = d.pop("impacted_asset", UNSET)
        impacted_asset: list[IncidentImpactedAssetItem] | Unset = UNSET
        if _impacted_asset is not UNSET:
            impacted_asset = []
            for impacted_asset_item_data in _impacted_asset:
                impacted_asset_item = IncidentImpactedAssetItem.from_dict(impacted_asset_item_data)

                impacted_asset.append(impacted_asset_item)

        _close_info = d.pop("close_info", UNSET)
        close_info: CloseInfo | Unset
        if isinstance(_close_info, Unset):
            close_info = UNSET
        else:
            close_info = CloseInfo.from_dict(_close_info)

        current_watcher = cast(list[str], d.pop("current_watcher", UNSET))

        _current_assignment_info = d.pop("current_assignment_info", UNSET)
        current_assignment_info: AssignmentInfo | Unset
        if isinstance(_current_assignment_info, Unset):
            current_assignment_info = UNSET
        else:
            current_assignment_info = AssignmentInfo.from_dict(_current_assignment_info)

        _custom_field = d.pop("custom_field", UNSET)
        custom_field: list[IncidentCustomFieldItem] | Unset = UNSET
        if _custom_field is not UNSET:
            custom_field = []
            for custom_field_item_data in _custom_field:
                custom_field_item = IncidentCustomFieldItem.from_dict(custom_field_item_data)

                custom_field.append(custom_field_item)

        tag = cast(list[str], d.pop("tag", UNSET))

        kb = cast(list[str], d.pop("kb", UNSET))

        _custom_field_data = d.pop("custom_field_data", UNSET)
        custom_field_data: IncidentCustomFieldData | Unset
        if isinstance(_custom_field_data, Unset):
            custom_field_data = UNSET
        else:
            custom_field_data = IncidentCustomFieldData.from_dict(_custom_field_data)

        _creation_time = d.pop("creation_time", UNSET)
        creation_time: datetime.datetime | Unset
        if isinstance(_creation_time, Unset):
            creation_time = UNSET
        else:
            creation_time = datetime.datetime.fromisoformat(_creation_time)

        created_by_id = d.pop("created_by_id", UNSET)

        _last_update_time = d.pop("last_update_time", UNSET)
        last_update_time: datetime.datetime | Unset
        if isinstance(_last_update_time, Unset):
            last_update_time = UNSET
        else:
            last_update_time = datetime.datetime.fromisoformat(_last_update_time)

        updated_by_id = d.pop("updated_by_id", UNSET)

        _location = d.pop("location", UNSET)
        location: IncidentLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = IncidentLocation.from_dict(_location)

        def _parse_sla(data: object) -> None | Sla | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sla_type_0 = Sla.from_dict(data)

                return sla_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sla | Unset, data)

        sla = _parse_sla(d.pop("sla", UNSET))

        incident = cls(
            incident_id=incident_id,
            display_id=display_id,
            is_merge_incident=is_merge_incident,
            is_archive=is_archive,
            unread_mail=unread_mail,
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
