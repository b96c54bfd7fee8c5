from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.impact_id import ImpactId
from ..models.impact_name import ImpactName
from ..models.incident_create_request_is_first_call_type_1 import IncidentCreateRequestIsFirstCallType1
from ..models.priority_id import PriorityId
from ..models.priority_name import PriorityName
from ..models.state_id import StateId
from ..models.state_name import StateName
from ..models.status_id import StatusId
from ..models.status_name import StatusName
from ..models.urgency_id import UrgencyId
from ..models.urgency_name import UrgencyName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enum_ref_request import EnumRefRequest
    from ..models.incident_create_request_api_link import IncidentCreateRequestApiLink
    from ..models.incident_create_request_approval_config import IncidentCreateRequestApprovalConfig
    from ..models.incident_create_request_assets_type_0_item import IncidentCreateRequestAssetsType0Item
    from ..models.incident_create_request_assets_type_2 import IncidentCreateRequestAssetsType2
    from ..models.incident_create_request_attachment import IncidentCreateRequestAttachment
    from ..models.incident_create_request_closure_info import IncidentCreateRequestClosureInfo
    from ..models.incident_create_request_config import IncidentCreateRequestConfig
    from ..models.incident_create_request_custom_field_data import IncidentCreateRequestCustomFieldData
    from ..models.incident_create_request_custom_field_type_0_item import IncidentCreateRequestCustomFieldType0Item
    from ..models.incident_create_request_custom_field_type_1 import IncidentCreateRequestCustomFieldType1
    from ..models.incident_create_request_escalation import IncidentCreateRequestEscalation
    from ..models.incident_create_request_field_service_config import IncidentCreateRequestFieldServiceConfig
    from ..models.incident_create_request_hold_config import IncidentCreateRequestHoldConfig
    from ..models.incident_create_request_location import IncidentCreateRequestLocation
    from ..models.incident_create_request_lock_config import IncidentCreateRequestLockConfig
    from ..models.incident_create_request_reference_type_0_item import IncidentCreateRequestReferenceType0Item
    from ..models.incident_create_request_reference_type_1 import IncidentCreateRequestReferenceType1
    from ..models.incident_create_request_template_info import IncidentCreateRequestTemplateInfo
    from ..models.incident_type_ref_request import IncidentTypeRefRequest


T = TypeVar("T", bound="IncidentCreateRequest")


@_attrs_define
class IncidentCreateRequest:
    """The flat create body of the API listing. Empty strings mean "not given".

    Enumerations (state, status, urgency, impact, priority, incident_source,
    incident_type) may be sent by id, by name, or both, which must agree. The
    priority follows from impact x urgency; a contradicting priority is refused.

        Attributes:
            summary (str):
            hold_config (IncidentCreateRequestHoldConfig | Unset):
            escalation (IncidentCreateRequestEscalation | Unset):
            approval_config (IncidentCreateRequestApprovalConfig | Unset):
            lock_config (IncidentCreateRequestLockConfig | Unset):
            field_service_config (IncidentCreateRequestFieldServiceConfig | Unset):
            api_link (IncidentCreateRequestApiLink | Unset):
            description (str | Unset):
            catalogue (str | Unset):
            impact_service (str | Unset):
            impact_service_name (str | Unset):
            service_classification (str | Unset):
            service_classification_name (str | Unset):
            state (StateName | Unset): "" means not given.
            state_id (StateId | Unset): 1 Open, 2 Resolved, 3 Closed.
            status (StatusName | Unset): "" means not given.
            status_id (StatusId | Unset): 1 New, 2 Assigned, 3 In Progress, 4 On Hold, 5 Resolved, 6 Closed, 7 Cancelled.
            urgency (UrgencyName | Unset): "" means not given.
            urgency_id (UrgencyId | Unset): 1 High, 2 Medium, 3 Low.
            impact (ImpactName | Unset): "" means not given.
            impact_id (ImpactId | Unset): 1 Enterprise, 2 Site, 3 Department, 4 User.
            priority (PriorityName | Unset): "" means not given.
            priority_id (PriorityId | Unset): 1 Critical, 2 High, 3 Medium, 4 Low, 5 Very Low.
            incident_source (EnumRefRequest | Unset): A source of the organization (`/ux/sd/org/picklists/sources/`) by id,
                name or both.
            incident_type (IncidentTypeRefRequest | Unset):
            resolution_type (str | Unset): One of the organization's resolution types (by name).
            is_first_call (bool | IncidentCreateRequestIsFirstCallType1 | Unset):
            requester_id (str | Unset):
            requester_name (str | Unset):
            requester_email (str | Unset):
            requester_phone (str | Unset):
            reporter_name (str | Unset):
            reporter_email (str | Unset):
            reporter_phone (str | Unset):
            watcher (list[str] | str | Unset):
            support_group (str | Unset):
            assignee (str | Unset):
            tag (list[str] | Unset):
            kb (list[str] | Unset):
            assets (IncidentCreateRequestAssetsType2 | list[IncidentCreateRequestAssetsType0Item] | list[str] | Unset):
            reference (IncidentCreateRequestReferenceType1 | list[IncidentCreateRequestReferenceType0Item] | Unset):
            custom_field (IncidentCreateRequestCustomFieldType1 | list[IncidentCreateRequestCustomFieldType0Item] | Unset):
            custom_field_data (IncidentCreateRequestCustomFieldData | Unset):
            location (IncidentCreateRequestLocation | Unset):
            template_info (IncidentCreateRequestTemplateInfo | Unset):
            template_id (str | Unset): A template of the organization (id or name): fills every field not given.
            config (IncidentCreateRequestConfig | Unset):
            closure_info (IncidentCreateRequestClosureInfo | Unset): Ignored: set by resolving.
            closure_note (str | Unset): Ignored: set by resolving.
            attachment (IncidentCreateRequestAttachment | Unset): Must be empty: upload files with `add-attachment/`.
    """

    summary: str
    hold_config: IncidentCreateRequestHoldConfig | Unset = UNSET
    escalation: IncidentCreateRequestEscalation | Unset = UNSET
    approval_config: IncidentCreateRequestApprovalConfig | Unset = UNSET
    lock_config: IncidentCreateRequestLockConfig | Unset = UNSET
    field_service_config: IncidentCreateRequestFieldServiceConfig | Unset = UNSET
    api_link: IncidentCreateRequestApiLink | Unset = UNSET
    description: str | Unset = UNSET
    catalogue: str | Unset = UNSET
    impact_service: str | Unset = UNSET
    impact_service_name: str | Unset = UNSET
    service_classification: str | Unset = UNSET
    service_classification_name: str | Unset = UNSET
    state: StateName | Unset = UNSET
    state_id: StateId | Unset = UNSET
    status: StatusName | Unset = UNSET
    status_id: StatusId | Unset = UNSET
    urgency: UrgencyName | Unset = UNSET
    urgency_id: UrgencyId | Unset = UNSET
    impact: ImpactName | Unset = UNSET
    impact_id: ImpactId | Unset = UNSET
    priority: PriorityName | Unset = UNSET
    priority_id: PriorityId | Unset = UNSET
    incident_source: EnumRefRequest | Unset = UNSET
    incident_type: IncidentTypeRefRequest | Unset = UNSET
    resolution_type: str | Unset = UNSET
    is_first_call: bool | IncidentCreateRequestIsFirstCallType1 | Unset = UNSET
    requester_id: str | Unset = UNSET
    requester_name: str | Unset = UNSET
    requester_email: str | Unset = UNSET
    requester_phone: str | Unset = UNSET
    reporter_name: str | Unset = UNSET
    reporter_email: str | Unset = UNSET
    reporter_phone: str | Unset = UNSET
    watcher: list[str] | str | Unset = UNSET
    support_group: str | Unset = UNSET
    assignee: str | Unset = UNSET
    tag: list[str] | Unset = UNSET
    kb: list[str] | Unset = UNSET
    assets: IncidentCreateRequestAssetsType2 | list[IncidentCreateRequestAssetsType0Item] | list[str] | Unset = UNSET
    reference: IncidentCreateRequestReferenceType1 | list[IncidentCreateRequestReferenceType0Item] | Unset = UNSET
    custom_field: IncidentCreateRequestCustomFieldType1 | list[IncidentCreateRequestCustomFieldType0Item] | Unset = (
        UNSET
    )
    custom_field_data: IncidentCreateRequestCustomFieldData | Unset = UNSET
    location: IncidentCreateRequestLocation | Unset = UNSET
    template_info: IncidentCreateRequestTemplateInfo | Unset = UNSET
    template_id: str | Unset = UNSET
    config: IncidentCreateRequestConfig | Unset = UNSET
    closure_info: IncidentCreateRequestClosureInfo | Unset = UNSET
    closure_note: str | Unset = UNSET
    attachment: IncidentCreateRequestAttachment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        hold_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hold_config, Unset):
            hold_config = self.hold_config.to_dict()

        escalation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.escalation, Unset):
            escalation = self.escalation.to_dict()

        approval_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.approval_config, Unset):
            approval_config = self.approval_config.to_dict()

        lock_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lock_config, Unset):
            lock_config = self.lock_config.to_dict()

        field_service_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_service_config, Unset):
            field_service_config = self.field_service_config.to_dict()

        api_link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.api_link, Unset):
            api_link = self.api_link.to_dict()

        description = self.description

        catalogue = self.catalogue

        impact_service = self.impact_service

        impact_service_name = self.impact_service_name

        service_classification = self.service_classification

        service_classification_name = self.service_classification_name

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        state_id: int | Unset = UNSET
        if not isinstance(self.state_id, Unset):
            state_id = self.state_id.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        status_id: int | Unset = UNSET
        if not isinstance(self.status_id, Unset):
            status_id = self.status_id.value

        urgency: str | Unset = UNSET
        if not isinstance(self.urgency, Unset):
            urgency = self.urgency.value

        urgency_id: int | Unset = UNSET
        if not isinstance(self.urgency_id, Unset):
            urgency_id = self.urgency_id.value

        impact: str | Unset = UNSET
        if not isinstance(self.impact, Unset):
            impact = self.impact.value

        impact_id: int | Unset = UNSET
        if not isinstance(self.impact_id, Unset):
            impact_id = self.impact_id.value

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        priority_id: int | Unset = UNSET
        if not isinstance(self.priority_id, Unset):
            priority_id = self.priority_id.value

        incident_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.incident_source, Unset):
            incident_source = self.incident_source.to_dict()

        incident_type: dict[str, Any] | Unset = UNSET
        if not isinstance(self.incident_type, Unset):
            incident_type = self.incident_type.to_dict()

        resolution_type = self.resolution_type

        is_first_call: bool | str | Unset
        if isinstance(self.is_first_call, Unset):
            is_first_call = UNSET
        elif isinstance(self.is_first_call, IncidentCreateRequestIsFirstCallType1):
            is_first_call = self.is_first_call.value
        else:
            is_first_call = self.is_first_call

        requester_id = self.requester_id

        requester_name = self.requester_name

        requester_email = self.requester_email

        requester_phone = self.requester_phone

        reporter_name = self.reporter_name

        reporter_email = self.reporter_email

        reporter_phone = self.reporter_phone

        watcher: list[str] | str | Unset
        if isinstance(self.watcher, Unset):
            watcher = UNSET
        elif isinstance(self.watcher, list):
            watcher = self.watcher

        else:
            watcher = self.watcher

        support_group = self.support_group

        assignee = self.assignee

        tag: list[str] | Unset = UNSET
        if not isinstance(self.tag, Unset):
            tag = self.tag

        kb: list[str] | Unset = UNSET
        if not isinstance(self.kb, Unset):
            kb = self.kb

        assets: dict[str, Any] | list[dict[str, Any]] | list[str] | Unset
        if isinstance(self.assets, Unset):
            assets = UNSET
        elif isinstance(self.assets, list):
            assets = []
            for assets_type_0_item_data in self.assets:
                assets_type_0_item = assets_type_0_item_data.to_dict()
                assets.append(assets_type_0_item)

        elif isinstance(self.assets, list):
            assets = self.assets

        else:
            assets = self.assets.to_dict()

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

        custom_field_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_field_data, Unset):
            custom_field_data = self.custom_field_data.to_dict()

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        template_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template_info, Unset):
            template_info = self.template_info.to_dict()

        template_id = self.template_id

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        closure_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.closure_info, Unset):
            closure_info = self.closure_info.to_dict()

        closure_note = self.closure_note

        attachment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attachment, Unset):
            attachment = self.attachment.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "summary": summary,
            }
        )
        if hold_config is not UNSET:
            field_dict["hold_config"] = hold_config
        if escalation is not UNSET:
            field_dict["escalation"] = escalation
        if approval_config is not UNSET:
            field_dict["approval_config"] = approval_config
        if lock_config is not UNSET:
            field_dict["lock_config"] = lock_config
        if field_service_config is not UNSET:
            field_dict["field_service_config"] = field_service_config
        if api_link is not UNSET:
            field_dict["api_link"] = api_link
        if description is not UNSET:
            field_dict["description"] = description
        if catalogue is not UNSET:
            field_dict["catalogue"] = catalogue
        if impact_service is not UNSET:
            field_dict["impact_service"] = impact_service
        if impact_service_name is not UNSET:
            field_dict["impact_service_name"] = impact_service_name
        if service_classification is not UNSET:
            field_dict["service_classification"] = service_classification
        if service_classification_name is not UNSET:
            field_dict["service_classification_name"] = service_classification_name
        if state is not UNSET:
            field_dict["state"] = state
        if state_id is not UNSET:
            field_dict["state_id"] = state_id
        if status is not UNSET:
            field_dict["status"] = status
        if status_id is not UNSET:
            field_dict["status_id"] = status_id
        if urgency is not UNSET:
            field_dict["urgency"] = urgency
        if urgency_id is not UNSET:
            field_dict["urgency_id"] = urgency_id
        if impact is not UNSET:
            field_dict["impact"] = impact
        if impact_id is not UNSET:
            field_dict["impact_id"] = impact_id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if priority_id is not UNSET:
            field_dict["priority_id"] = priority_id
        if incident_source is not UNSET:
            field_dict["incident_source"] = incident_source
        if incident_type is not UNSET:
            field_dict["incident_type"] = incident_type
        if resolution_type is not UNSET:
            field_dict["resolution_type"] = resolution_type
        if is_first_call is not UNSET:
            field_dict["is_first_call"] = is_first_call
        if requester_id is not UNSET:
            field_dict["requester_id"] = requester_id
        if requester_name is not UNSET:
            field_dict["requester_name"] = requester_name
        if requester_email is not UNSET:
            field_dict["requester_email"] = requester_email
        if requester_phone is not UNSET:
            field_dict["requester_phone"] = requester_phone
        if reporter_name is not UNSET:
            field_dict["reporter_name"] = reporter_name
        if reporter_email is not UNSET:
            field_dict["reporter_email"] = reporter_email
        if reporter_phone is not UNSET:
            field_dict["reporter_phone"] = reporter_phone
        if watcher is not UNSET:
            field_dict["watcher"] = watcher
        if support_group is not UNSET:
            field_dict["support_group"] = support_group
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if tag is not UNSET:
            field_dict["tag"] = tag
        if kb is not UNSET:
            field_dict["kb"] = kb
        if assets is not UNSET:
            field_dict["assets"] = assets
        if reference is not UNSET:
            field_dict["reference"] = reference
        if custom_field is not UNSET:
            field_dict["custom_field"] = custom_field
        if custom_field_data is not UNSET:
            field_dict["custom_field_data"] = custom_field_data
        if location is not UNSET:
            field_dict["location"] = location
        if template_info is not UNSET:
            field_dict["template_info"] = template_info
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if config is not UNSET:
            field_dict["config"] = config
        if closure_info is not UNSET:
            field_dict["closure_info"] = closure_info
        if closure_note is not UNSET:
            field_dict["closure_note"] = closure_note
        if attachment is not UNSET:
            field_dict["attachment"] = attachment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enum_ref_request import EnumRefRequest  # noqa: PLC0415
        from ..models.incident_create_request_api_link import IncidentCreateRequestApiLink  # noqa: PLC0415
        from ..models.incident_create_request_approval_config import IncidentCreateRequestApprovalConfig  # noqa: PLC0415
        from ..models.incident_create_request_assets_type_0_item import IncidentCreateRequestAssetsType0Item  # noqa: PLC0415
        from ..models.incident_create_request_assets_type_2 import IncidentCreateRequestAssetsType2  # noqa: PLC0415
        from ..models.incident_create_request_attachment import IncidentCreateRequestAttachment  # noqa: PLC0415
        from ..models.incident_create_request_closure_info import IncidentCreateRequestClosureInfo  # noqa: PLC0415
        from ..models.incident_create_request_config import IncidentCreateRequestConfig  # noqa: PLC0415
        from ..models.incident_create_request_custom_field_data import IncidentCreateRequestCustomFieldData  # noqa: PLC0415
        from ..models.incident_create_request_custom_field_type_0_item import IncidentCreateRequestCustomFieldType0Item  # noqa: PLC0415
        from ..models.incident_create_request_custom_field_type_1 import IncidentCreateRequestCustomFieldType1  # noqa: PLC0415
        from ..models.incident_create_request_escalation import IncidentCreateRequestEscalation  # noqa: PLC0415
        from ..models.incident_create_request_field_service_config import IncidentCreateRequestFieldServiceConfig  # noqa: PLC0415
        from ..models.incident_create_request_hold_config import IncidentCreateRequestHoldConfig  # noqa: PLC0415
        from ..models.incident_create_request_location import IncidentCreateRequestLocation  # noqa: PLC0415
        from ..models.incident_create_request_lock_config import IncidentCreateRequestLockConfig  # noqa: PLC0415
        from ..models.incident_create_request_reference_type_0_item import IncidentCreateRequestReferenceType0Item  # noqa: PLC0415
        from ..models.incident_create_request_reference_type_1 import IncidentCreateRequestReferenceType1  # noqa: PLC0415
        from ..models.incident_create_request_template_info import IncidentCreateRequestTemplateInfo  # noqa: PLC0415
        from ..models.incident_type_ref_request import IncidentTypeRefRequest  # noqa: PLC0415

        d = dict(src_dict)
        summary = d.pop("summary")

        _hold_config = d.pop("hold_config", UNSET)
        hold_config: IncidentCreateRequestHoldConfig | Unset
        if isinstance(_hold_config, Unset):
            hold_config = UNSET
        else:
            hold_config = IncidentCreateRequestHoldConfig.from_dict(_hold_config)

        _escalation = d.pop("escalation", UNSET)
        escalation: IncidentCreateRequestEscalation | Unset
        if isinstance(_escalation, Unset):
            escalation = UNSET
        else:
            escalation = IncidentCreateRequestEscalation.from_dict(_escalation)

        _approval_config = d.pop("approval_config", UNSET)
        approval_config: IncidentCreateRequestApprovalConfig | Unset
        if isinstance(_approval_config, Unset):
            approval_config = UNSET
        else:
            approval_config = IncidentCreateRequestApprovalConfig.from_dict(_approval_config)

        _lock_config = d.pop("lock_config", UNSET)
        lock_config: IncidentCreateRequestLockConfig | Unset
        if isinstance(_lock_config, Unset):
            lock_config = UNSET
        else:
            lock_config = IncidentCreateRequestLockConfig.from_dict(_lock_config)

        _field_service_config = d.pop("field_service_config", UNSET)
        field_service_config: IncidentCreateRequestFieldServiceConfig | Unset
        if isinstance(_field_service_config, Unset):
            field_service_config = UNSET
        else:
            field_service_config = IncidentCreateRequestFieldServiceConfig.from_dict(_field_service_config)

        _api_link = d.pop("api_link", UNSET)
        api_link: IncidentCreateRequestApiLink | Unset
        if isinstance(_api_link, Unset):
            api_link = UNSET
        else:
            api_link = IncidentCreateRequestApiLink.from_dict(_api_link)

        description = d.pop("description", UNSET)

        catalogue = d.pop("catalogue", UNSET)

        impact_service = d.pop("impact_service", UNSET)

        impact_service_name = d.pop("impact_service_name", UNSET)

        service_classification = d.pop("service_classification", UNSET)

        service_classification_name = d.pop("service_classification_name", UNSET)

        _state = d.pop("state", UNSET)
        state: StateName | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = StateName(_state)

        _state_id = d.pop("state_id", UNSET)
        state_id: StateId | Unset
        if isinstance(_state_id, Unset):
            state_id = UNSET
        else:
            state_id = StateId(_state_id)

        _status = d.pop("status", UNSET)
        status: StatusName | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = StatusName(_status)

        _status_id = d.pop("status_id", UNSET)
        status_id: StatusId | Unset
        if isinstance(_status_id, Unset):
            status_id = UNSET
        else:
            status_id = StatusId(_status_id)

        _urgency = d.pop("urgency", UNSET)
        urgency: UrgencyName | Unset
        if isinstance(_urgency, Unset):
            urgency = UNSET
        else:
            urgency = UrgencyName(_urgency)

        _urgency_id = d.pop("urgency_id", UNSET)
        urgency_id: UrgencyId | Unset
        if isinstance(_urgency_id, Unset):
            urgency_id = UNSET
        else:
            urgency_id = UrgencyId(_urgency_id)

        _impact = d.pop("impact", UNSET)
        impact: ImpactName | Unset
        if isinstance(_impact, Unset):
            impact = UNSET
        else:
            impact = ImpactName(_impact)

        _impact_id = d.pop("impact_id", UNSET)
        impact_id: ImpactId | Unset
        if isinstance(_impact_id, Unset):
            impact_id = UNSET
        else:
            impact_id = ImpactId(_impact_id)

        _priority = d.pop("priority", UNSET)
        priority: PriorityName | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = PriorityName(_priority)

        _priority_id = d.pop("priority_id", UNSET)
        priority_id: PriorityId | Unset
        if isinstance(_priority_id, Unset):
            priority_id = UNSET
        else:
            priority_id = PriorityId(_priority_id)

        _incident_source = d.pop("incident_source", UNSET)
        incident_source: EnumRefRequest | Unset
        if isinstance(_incident_source, Unset):
            incident_source = UNSET
        else:
            incident_source = EnumRefRequest.from_dict(_incident_source)

        _incident_type = d.pop("incident_type", UNSET)
        incident_type: IncidentTypeRefRequest | Unset
        if isinstance(_incident_type, Unset):
            incident_type = UNSET
        else:
            incident_type = IncidentTypeRefRequest.from_dict(_incident_type)

        resolution_type = d.pop("resolution_type", UNSET)

        def _parse_is_first_call(data: object) -> bool | IncidentCreateRequestIsFirstCallType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                is_first_call_type_1 = IncidentCreateRequestIsFirstCallType1(data)

                return is_first_call_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | IncidentCreateRequestIsFirstCallType1 | Unset, data)

        is_first_call = _parse_is_first_call(d.pop("is_first_call", UNSET))

        requester_id = d.pop("requester_id", UNSET)

        requester_name = d.pop("requester_name", UNSET)

        requester_email = d.pop("requester_email", UNSET)

        requester_phone = d.pop("requester_phone", UNSET)

        reporter_name = d.pop("reporter_name", UNSET)

        reporter_email = d.pop("reporter_email", UNSET)

        reporter_phone = d.pop("reporter_phone", UNSET)

        def _parse_watcher(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                watcher_type_0 = cast(list[str], data)

                return watcher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        watcher = _parse_watcher(d.pop("watcher", UNSET))

        support_group = d.pop("support_group", UNSET)

        assignee = d.pop("assignee", UNSET)

        tag = cast(list[str], d.pop("tag", UNSET))

        kb = cast(list[str], d.pop("kb", UNSET))

        def _parse_assets(
            data: object,
        ) -> IncidentCreateRequestAssetsType2 | list[IncidentCreateRequestAssetsType0Item] | list[str] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_0 = []
                _assets_type_0 = data
                for assets_type_0_item_data in _assets_type_0:
                    assets_type_0_item = IncidentCreateRequestAssetsType0Item.from_dict(assets_type_0_item_data)

                    assets_type_0.append(assets_type_0_item)

                return assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_1 = cast(list[str], data)

                return assets_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            assets_type_2 = IncidentCreateRequestAssetsType2.from_dict(data)

            return assets_type_2

        assets = _parse_assets(d.pop("assets", UNSET))

        def _parse_reference(
            data: object,
        ) -> IncidentCreateRequestReferenceType1 | list[IncidentCreateRequestReferenceType0Item] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reference_type_0 = []
                _reference_type_0 = data
                for reference_type_0_item_data in _reference_type_0:
                    reference_type_0_item = IncidentCreateRequestReferenceType0Item.from_dict(
                        reference_type_0_item_data
                    )

                    reference_type_0.append(reference_type_0_item)

                return reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            reference_type_1 = IncidentCreateRequestReferenceType1.from_dict(data)

            return reference_type_1

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_custom_field(
            data: object,
        ) -> IncidentCreateRequestCustomFieldType1 | list[IncidentCreateRequestCustomFieldType0Item] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                custom_field_type_0 = []
                _custom_field_type_0 = data
                for custom_field_type_0_item_data in _custom_field_type_0:
                    custom_field_type_0_item = IncidentCreateRequestCustomFieldType0Item.from_dict(
                        custom_field_type_0_item_data
                    )

                    custom_field_type_0.append(custom_field_type_0_item)

                return custom_field_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            custom_field_type_1 = IncidentCreateRequestCustomFieldType1.from_dict(data)

            return custom_field_type_1

        custom_field = _parse_custom_field(d.pop("custom_field", UNSET))

        _custom_field_data = d.pop("custom_field_data", UNSET)
        custom_field_data: IncidentCreateRequestCustomFieldData | Unset
        if isinstance(_custom_field_data, Unset):
            custom_field_data = UNSET
        else:
            custom_field_data = IncidentCreateRequestCustomFieldData.from_dict(_custom_field_data)

        _location = d.pop("location", UNSET)
        location: IncidentCreateRequestLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = IncidentCreateRequestLocation.from_dict(_location)

        _template_info = d.pop("template_info", UNSET)
        template_info: IncidentCreateRequestTemplateInfo | Unset
        if isinstance(_template_info, Unset):
            template_info = UNSET
        else:
            template_info = IncidentCreateRequestTemplateInfo.from_dict(_template_info)

        template_id = d.pop("template_id", UNSET)

        _config = d.pop("config", UNSET)
        config: IncidentCreateRequestConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = IncidentCreateRequestConfig.from_dict(_config)

        _closure_info = d.pop("closure_info", UNSET)
        closure_info: IncidentCreateRequestClosureInfo | Unset
        if isinstance(_closure_info, Unset):
            closure_info = UNSET
        else:
            closure_info = IncidentCreateRequestClosureInfo.from_dict(_closure_info)

        closure_note = d.pop("closure_note", UNSET)

        _attachment = d.pop("attachment", UNSET)
        attachment: IncidentCreateRequestAttachment | Unset
        if isinstance(_attachment, Unset):
            attachment = UNSET
        else:
            attachment = IncidentCreateRequestAttachment.from_dict(_attachment)

        incident_create_request = cls(
            summary=summary,
            hold_config=hold_config,
            escalation=escalation,
            approval_config=approval_config,
            lock_config=lock_config,
            field_service_config=field_service_config,
            api_link=api_link,
            description=description,
            catalogue=catalogue,
            impact_service=impact_service,
            impact_service_name=impact_service_name,
            service_classification=service_classification,
            service_classification_name=service_classification_name,
            state=state,
            state_id=state_id,
            status=status,
            status_id=status_id,
            urgency=urgency,
            urgency_id=urgency_id,
            impact=impact,
            impact_id=impact_id,
            priority=priority,
            priority_id=priority_id,
            incident_source=incident_source,
            incident_type=incident_type,
            resolution_type=resolution_type,
            is_first_call=is_first_call,
            requester_id=requester_id,
            requester_name=requester_name,
            requester_email=requester_email,
            requester_phone=requester_phone,
            reporter_name=reporter_name,
            reporter_email=reporter_email,
            reporter_phone=reporter_phone,
            watcher=watcher,
            support_group=support_group,
            assignee=assignee,
            tag=tag,
            kb=kb,
            assets=assets,
            reference=reference,
            custom_field=custom_field,
            custom_field_data=custom_field_data,
            location=location,
            template_info=template_info,
            template_id=template_id,
            config=config,
            closure_info=closure_info,
            closure_note=closure_note,
            attachment=attachment,
        )

        return incident_create_request
