from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.impact_id import ImpactId
from ..models.impact_name import ImpactName
from ..models.patched_incident_update_input_request_is_first_call_type_1 import (
    PatchedIncidentUpdateInputRequestIsFirstCallType1,
)
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
    from ..models.assignment_info_request import AssignmentInfoRequest
    from ..models.basic_info_request import BasicInfoRequest
    from ..models.config_request import ConfigRequest
    from ..models.patched_incident_update_input_request_api_link import PatchedIncidentUpdateInputRequestApiLink
    from ..models.patched_incident_update_input_request_approval_config import (
        PatchedIncidentUpdateInputRequestApprovalConfig,
    )
    from ..models.patched_incident_update_input_request_assets_type_0_item import (
        PatchedIncidentUpdateInputRequestAssetsType0Item,
    )
    from ..models.patched_incident_update_input_request_assets_type_2 import (
        PatchedIncidentUpdateInputRequestAssetsType2,
    )
    from ..models.patched_incident_update_input_request_custom_field_data import (
        PatchedIncidentUpdateInputRequestCustomFieldData,
    )
    from ..models.patched_incident_update_input_request_custom_field_type_0_item import (
        PatchedIncidentUpdateInputRequestCustomFieldType0Item,
    )
    from ..models.patched_incident_update_input_request_custom_field_type_1 import (
        PatchedIncidentUpdateInputRequestCustomFieldType1,
    )
    from ..models.patched_incident_update_input_request_escalation import PatchedIncidentUpdateInputRequestEscalation
    from ..models.patched_incident_update_input_request_field_service_config import (
        PatchedIncidentUpdateInputRequestFieldServiceConfig,
    )
    from ..models.patched_incident_update_input_request_hold_config import PatchedIncidentUpdateInputRequestHoldConfig
    from ..models.patched_incident_update_input_request_impacted_asset_type_0_item import (
        PatchedIncidentUpdateInputRequestImpactedAssetType0Item,
    )
    from ..models.patched_incident_update_input_request_impacted_asset_type_2 import (
        PatchedIncidentUpdateInputRequestImpactedAssetType2,
    )
    from ..models.patched_incident_update_input_request_location import PatchedIncidentUpdateInputRequestLocation
    from ..models.patched_incident_update_input_request_lock_config import PatchedIncidentUpdateInputRequestLockConfig
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
    The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, ...)
    are taken too, each for the field of the representation it names; giving both forms
    of one field with different values is a 400.

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
            summary (str | Unset): Flat form of `basic_info.summary`, as in the create body.
            description (str | Unset): Flat form of `basic_info.description`, as in the create body.
            catalogue (str | Unset): Flat form of `basic_info.catalogue`, as in the create body.
            impact_service (str | Unset): Flat form of `basic_info.impact_service`, as in the create body.
            impact_service_name (str | Unset): Flat form of `basic_info.impact_service_name`, as in the create body.
            service_classification (str | Unset): Flat form of `basic_info.service_classification`, as in the create body.
            service_classification_name (str | Unset): Flat form of `basic_info.service_classification_name`, as in the
                create body.
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
            resolution_type (str | Unset): Flat form of `basic_info.resolution_type`, as in the create body.
            is_first_call (bool | PatchedIncidentUpdateInputRequestIsFirstCallType1 | Unset): Flat form of
                `basic_info.is_first_call`, as in the create body.
            requester_id (str | Unset): Flat form of `requester.id`, as in the create body.
            requester_name (str | Unset): Flat form of `requester.name`, as in the create body.
            requester_email (str | Unset): Flat form of `requester.email`, as in the create body.
            requester_phone (str | Unset): Flat form of `requester.phone`, as in the create body.
            reporter_name (str | Unset): Flat form of `reporter_info.name`, as in the create body.
            reporter_email (str | Unset): Flat form of `reporter_info.email`, as in the create body.
            reporter_phone (str | Unset): Flat form of `reporter_info.phone`, as in the create body.
            watcher (list[str] | str | Unset): Flat form of `current_watcher`, as in the create body.
            support_group (str | Unset): Flat form of `current_assignment_info.support_group`, as in the create body.
            assignee (str | Unset): Flat form of `current_assignment_info.assignee`, as in the create body.
            assets (list[PatchedIncidentUpdateInputRequestAssetsType0Item] | list[str] |
                PatchedIncidentUpdateInputRequestAssetsType2 | Unset): Flat form of `impacted_asset`, as in the create body.
            hold_config (PatchedIncidentUpdateInputRequestHoldConfig | Unset): Flat form of `config.hold_config`, as in the
                create body.
            escalation (PatchedIncidentUpdateInputRequestEscalation | Unset): Flat form of `config.escalation`, as in the
                create body.
            approval_config (PatchedIncidentUpdateInputRequestApprovalConfig | Unset): Flat form of
                `config.approval_config`, as in the create body.
            lock_config (PatchedIncidentUpdateInputRequestLockConfig | Unset): Flat form of `config.lock_config`, as in the
                create body.
            field_service_config (PatchedIncidentUpdateInputRequestFieldServiceConfig | Unset): Flat form of
                `config.field_service_config`, as in the create body.
            api_link (PatchedIncidentUpdateInputRequestApiLink | Unset): Flat form of `config.api_link`, as in the create
                body.
            hold_reason (str | Unset): Flat form of `config.hold_config.reason` (needed to put it On Hold).
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
    summary: str | Unset = UNSET
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
    resolution_type: str | Unset = UNSET
    is_first_call: bool | PatchedIncidentUpdateInputRequestIsFirstCallType1 | Unset = UNSET
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
    assets: (
        list[PatchedIncidentUpdateInputRequestAssetsType0Item]
        | list[str]
        | PatchedIncidentUpdateInputRequestAssetsType2
        | Unset
    ) = UNSET
    hold_config: PatchedIncidentUpdateInputRequestHoldConfig | Unset = UNSET
    escalation: PatchedIncidentUpdateInputRequestEscalation | Unset = UNSET
    approval_config: PatchedIncidentUpdateInputRequestApprovalConfig | Unset = UNSET
    lock_config: PatchedIncidentUpdateInputRequestLockConfig | Unset = UNSET
    field_service_config: PatchedIncidentUpdateInputRequestFieldServiceConfig | Unset = UNSET
    api_link: PatchedIncidentUpdateInputRequestApiLink | Unset = UNSET
    hold_reason: str | Unset = UNSET

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

        summary = self.summary

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

        resolution_type = self.resolution_type

        is_first_call: bool | str | Unset
        if isinstance(self.is_first_call, Unset):
            is_first_call = UNSET
        elif isinstance(self.is_first_call, PatchedIncidentUpdateInputRequestIsFirstCallType1):
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

        hold_reason = self.hold_reason

        field_dict: dict[str, Any] = {}

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
        if summary is not UNSET:
            field_dict["summary"] = summary
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
        if assets is not UNSET:
            field_dict["assets"] = assets
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
        if hold_reason is not UNSET:
            field_dict["hold_reason"] = hold_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_info_request import AssignmentInfoRequest  # noqa: PLC0415
        from ..models.basic_info_request import BasicInfoRequest  # noqa: PLC0415
        from ..models.config_request import ConfigRequest  # noqa: PLC0415
        from ..models.patched_incident_update_input_request_api_link import PatchedIncidentUpdateInputRequestApiLink  # noqa: PLC0415
        from ..models.patched_incident_update_input_request_approval_config import (
            PatchedIncidentUpdateInputRequestApprovalConfig,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_assets_type_0_item import (
            PatchedIncidentUpdateInputRequestAssetsType0Item,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_assets_type_2 import (
            PatchedIncidentUpdateInputRequestAssetsType2,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_custom_field_data import (
            PatchedIncidentUpdateInputRequestCustomFieldData,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_custom_field_type_0_item import (
            PatchedIncidentUpdateInputRequestCustomFieldType0Item,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_custom_field_type_1 import (
            PatchedIncidentUpdateInputRequestCustomFieldType1,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_escalation import (
            PatchedIncidentUpdateInputRequestEscalation,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_field_service_config import (
            PatchedIncidentUpdateInputRequestFieldServiceConfig,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_hold_config import (
            PatchedIncidentUpdateInputRequestHoldConfig,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_impacted_asset_type_0_item import (
            PatchedIncidentUpdateInputRequestImpactedAssetType0Item,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_impacted_asset_type_2 import (
            PatchedIncidentUpdateInputRequestImpactedAssetType2,  # noqa: PLC0415
        )
        from ..models.patched_incident_update_input_request_location import PatchedIncidentUpdateInputRequestLocation  # noqa: PLC0415
        from ..models.patched_incident_update_input_request_lock_config import (
            PatchedIncidentUpdateInputRequestLockConfig,  # noqa: PLC0415
        )
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

        summary = d.pop("summary", UNSET)

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

        resolution_type = d.pop("resolution_type", UNSET)

        def _parse_is_first_call(data: object) -> bool | PatchedIncidentUpdateInputRequestIsFirstCallType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                is_first_call_type_1 = PatchedIncidentUpdateInputRequestIsFirstCallType1(data)

                return is_first_call_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | PatchedIncidentUpdateInputRequestIsFirstCallType1 | Unset, data)

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

        def _parse_assets(
            data: object,
        ) -> (
            list[PatchedIncidentUpdateInputRequestAssetsType0Item]
            | list[str]
            | PatchedIncidentUpdateInputRequestAssetsType2
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_0 = []
                _assets_type_0 = data
                for assets_type_0_item_data in _assets_type_0:
                    assets_type_0_item = PatchedIncidentUpdateInputRequestAssetsType0Item.from_dict(
                        assets_type_0_item_data
                    )

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
            assets_type_2 = PatchedIncidentUpdateInputRequestAssetsType2.from_dict(data)

            return assets_type_2

        assets = _parse_assets(d.pop("assets", UNSET))

        _hold_config = d.pop("hold_config", UNSET)
        hold_config: PatchedIncidentUpdateInputRequestHoldConfig | Unset
        if isinstance(_hold_config, Unset):
            hold_config = UNSET
        else:
            hold_config = PatchedIncidentUpdateInputRequestHoldConfig.from_dict(_hold_config)

        _escalation = d.pop("escalation", UNSET)
        escalation: PatchedIncidentUpdateInputRequestEscalation | Unset
        if isinstance(_escalation, Unset):
            escalation = UNSET
        else:
            escalation = PatchedIncidentUpdateInputRequestEscalation.from_dict(_escalation)

        _approval_config = d.pop("approval_config", UNSET)
        approval_config: PatchedIncidentUpdateInputRequestApprovalConfig | Unset
        if isinstance(_approval_config, Unset):
            approval_config = UNSET
        else:
            approval_config = PatchedIncidentUpdateInputRequestApprovalConfig.from_dict(_approval_config)

        _lock_config = d.pop("lock_config", UNSET)
        lock_config: PatchedIncidentUpdateInputRequestLockConfig | Unset
        if isinstance(_lock_config, Unset):
            lock_config = UNSET
        else:
            lock_config = PatchedIncidentUpdateInputRequestLockConfig.from_dict(_lock_config)

        _field_service_config = d.pop("field_service_config", UNSET)
        field_service_config: PatchedIncidentUpdateInputRequestFieldServiceConfig | Unset
        if isinstance(_field_service_config, Unset):
            field_service_config = UNSET
        else:
            field_service_config = PatchedIncidentUpdateInputRequestFieldServiceConfig.from_dict(_field_service_config)

        _api_link = d.pop("api_link", UNSET)
        api_link: PatchedIncidentUpdateInputRequestApiLink | Unset
        if isinstance(_api_link, Unset):
            api_link = UNSET
        else:
            api_link = PatchedIncidentUpdateInputRequestApiLink.from_dict(_api_link)

        hold_reason = d.pop("hold_reason", UNSET)

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
            summary=summary,
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
            assets=assets,
            hold_config=hold_config,
            escalation=escalation,
            approval_config=approval_config,
            lock_config=lock_config,
            field_service_config=field_service_config,
            api_link=api_link,
            hold_reason=hold_reason,
        )

        return patched_incident_update_input_request
