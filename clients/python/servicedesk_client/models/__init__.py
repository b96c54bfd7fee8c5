"""Contains all the data models used in inputs/outputs"""

from .agent import Agent
from .agent_input_request import AgentInputRequest
from .agent_option_out import AgentOptionOut
from .api_error import ApiError
from .assignment_info import AssignmentInfo
from .assignment_info_assignee_type_0 import AssignmentInfoAssigneeType0
from .assignment_info_request import AssignmentInfoRequest
from .assignment_info_support_group_type_0 import AssignmentInfoSupportGroupType0
from .attachment import Attachment
from .attachment_origin_out import AttachmentOriginOut
from .attempt import Attempt
from .auto_assign_enum import AutoAssignEnum
from .base_64_file_request import Base64FileRequest
from .basic_info import BasicInfo
from .basic_info_request import BasicInfoRequest
from .bulk_error import BulkError
from .bulk_results import BulkResults
from .calendar import Calendar
from .calendar_hours import CalendarHours
from .calendar_input_request import CalendarInputRequest
from .child_result import ChildResult
from .classification import Classification
from .classification_input_request import ClassificationInputRequest
from .close_info import CloseInfo
from .close_input_request import CloseInputRequest
from .conditions import Conditions
from .conditions_input_request import ConditionsInputRequest
from .config import Config
from .config_api_link import ConfigApiLink
from .config_approval_config import ConfigApprovalConfig
from .config_escalation import ConfigEscalation
from .config_field_service_config import ConfigFieldServiceConfig
from .config_general import ConfigGeneral
from .config_hold_config import ConfigHoldConfig
from .config_lock_config import ConfigLockConfig
from .config_request import ConfigRequest
from .config_request_api_link import ConfigRequestApiLink
from .config_request_approval_config import ConfigRequestApprovalConfig
from .config_request_escalation import ConfigRequestEscalation
from .config_request_field_service_config import ConfigRequestFieldServiceConfig
from .config_request_general import ConfigRequestGeneral
from .config_request_hold_config import ConfigRequestHoldConfig
from .config_request_lock_config import ConfigRequestLockConfig
from .conversation import Conversation
from .conversation_direction_enum import ConversationDirectionEnum
from .conversation_input_request import ConversationInputRequest
from .conversation_kind_enum import ConversationKindEnum
from .conversation_origin_out import ConversationOriginOut
from .conversations_list_direction import ConversationsListDirection
from .conversations_list_kind import ConversationsListKind
from .conversations_list_sort_order import ConversationsListSortOrder
from .custom_field import CustomField
from .custom_field_input_request import CustomFieldInputRequest
from .custom_field_option_out import CustomFieldOptionOut
from .custom_field_type_enum import CustomFieldTypeEnum
from .delete_input_request import DeleteInputRequest
from .deliveries_list_event import DeliveriesListEvent
from .deliveries_list_status import DeliveriesListStatus
from .delivery import Delivery
from .delivery_payload import DeliveryPayload
from .delivery_status_enum import DeliveryStatusEnum
from .enum_ref_request import EnumRefRequest
from .error_item import ErrorItem
from .error_type_enum import ErrorTypeEnum
from .feedback_input_request import FeedbackInputRequest
from .feedback_out import FeedbackOut
from .group import Group
from .group_input_request import GroupInputRequest
from .group_option_out import GroupOptionOut
from .history_out import HistoryOut
from .hours_input_request import HoursInputRequest
from .ignored_enum import IgnoredEnum
from .imap_input_request import ImapInputRequest
from .imap_out import ImapOut
from .impact_id import ImpactId
from .impact_name import ImpactName
from .inbound_ignored import InboundIgnored
from .inbound_result import InboundResult
from .incident import Incident
from .incident_create_request import IncidentCreateRequest
from .incident_create_request_api_link import IncidentCreateRequestApiLink
from .incident_create_request_approval_config import IncidentCreateRequestApprovalConfig
from .incident_create_request_assets_type_0_item import IncidentCreateRequestAssetsType0Item
from .incident_create_request_assets_type_2 import IncidentCreateRequestAssetsType2
from .incident_create_request_attachment import IncidentCreateRequestAttachment
from .incident_create_request_closure_info import IncidentCreateRequestClosureInfo
from .incident_create_request_config import IncidentCreateRequestConfig
from .incident_create_request_custom_field_data import IncidentCreateRequestCustomFieldData
from .incident_create_request_custom_field_type_0_item import IncidentCreateRequestCustomFieldType0Item
from .incident_create_request_custom_field_type_1 import IncidentCreateRequestCustomFieldType1
from .incident_create_request_escalation import IncidentCreateRequestEscalation
from .incident_create_request_field_service_config import IncidentCreateRequestFieldServiceConfig
from .incident_create_request_hold_config import IncidentCreateRequestHoldConfig
from .incident_create_request_is_first_call_type_1 import IncidentCreateRequestIsFirstCallType1
from .incident_create_request_location import IncidentCreateRequestLocation
from .incident_create_request_lock_config import IncidentCreateRequestLockConfig
from .incident_create_request_reference_type_0_item import IncidentCreateRequestReferenceType0Item
from .incident_create_request_reference_type_1 import IncidentCreateRequestReferenceType1
from .incident_create_request_template_info import IncidentCreateRequestTemplateInfo
from .incident_custom_field_data import IncidentCustomFieldData
from .incident_custom_field_item import IncidentCustomFieldItem
from .incident_data_out import IncidentDataOut
from .incident_impacted_asset_item import IncidentImpactedAssetItem
from .incident_location import IncidentLocation
from .incident_reference_item import IncidentReferenceItem
from .incident_refs_request import IncidentRefsRequest
from .incident_result import IncidentResult
from .incident_template_info import IncidentTemplateInfo
from .incident_type_id import IncidentTypeId
from .incident_type_info import IncidentTypeInfo
from .incident_type_name import IncidentTypeName
from .incident_type_option_out import IncidentTypeOptionOut
from .incident_type_ref_request import IncidentTypeRefRequest
from .incident_update_input_request import IncidentUpdateInputRequest
from .incident_update_input_request_api_link import IncidentUpdateInputRequestApiLink
from .incident_update_input_request_approval_config import IncidentUpdateInputRequestApprovalConfig
from .incident_update_input_request_assets_type_0_item import IncidentUpdateInputRequestAssetsType0Item
from .incident_update_input_request_assets_type_2 import IncidentUpdateInputRequestAssetsType2
from .incident_update_input_request_custom_field_data import IncidentUpdateInputRequestCustomFieldData
from .incident_update_input_request_custom_field_type_0_item import IncidentUpdateInputRequestCustomFieldType0Item
from .incident_update_input_request_custom_field_type_1 import IncidentUpdateInputRequestCustomFieldType1
from .incident_update_input_request_escalation import IncidentUpdateInputRequestEscalation
from .incident_update_input_request_field_service_config import IncidentUpdateInputRequestFieldServiceConfig
from .incident_update_input_request_hold_config import IncidentUpdateInputRequestHoldConfig
from .incident_update_input_request_impacted_asset_type_0_item import IncidentUpdateInputRequestImpactedAssetType0Item
from .incident_update_input_request_impacted_asset_type_2 import IncidentUpdateInputRequestImpactedAssetType2
from .incident_update_input_request_is_first_call_type_1 import IncidentUpdateInputRequestIsFirstCallType1
from .incident_update_input_request_location import IncidentUpdateInputRequestLocation
from .incident_update_input_request_lock_config import IncidentUpdateInputRequestLockConfig
from .incident_update_input_request_reference_type_0_item import IncidentUpdateInputRequestReferenceType0Item
from .incident_update_input_request_reference_type_1 import IncidentUpdateInputRequestReferenceType1
from .incident_update_input_request_template_info import IncidentUpdateInputRequestTemplateInfo
from .incidents_impacted_assets_response_200_item import IncidentsImpactedAssetsResponse200Item
from .incidents_list_sort_order import IncidentsListSortOrder
from .json_upload_request import JsonUploadRequest
from .mail_settings import MailSettings
from .mail_settings_input_request import MailSettingsInputRequest
from .mail_state_out import MailStateOut
from .mail_state_out_status_enum import MailStateOutStatusEnum
from .matrix_cell import MatrixCell
from .matrix_cell_request import MatrixCellRequest
from .merge_input_request import MergeInputRequest
from .merge_out import MergeOut
from .merge_result import MergeResult
from .merged_into import MergedInto
from .multipart_upload_request import MultipartUploadRequest
from .option_out import OptionOut
from .options_out import OptionsOut
from .patched_agent_input_request import PatchedAgentInputRequest
from .patched_calendar_input_request import PatchedCalendarInputRequest
from .patched_conversation_input_request import PatchedConversationInputRequest
from .patched_custom_field_input_request import PatchedCustomFieldInputRequest
from .patched_group_input_request import PatchedGroupInputRequest
from .patched_incident_update_input_request import PatchedIncidentUpdateInputRequest
from .patched_incident_update_input_request_api_link import PatchedIncidentUpdateInputRequestApiLink
from .patched_incident_update_input_request_approval_config import PatchedIncidentUpdateInputRequestApprovalConfig
from .patched_incident_update_input_request_assets_type_0_item import PatchedIncidentUpdateInputRequestAssetsType0Item
from .patched_incident_update_input_request_assets_type_2 import PatchedIncidentUpdateInputRequestAssetsType2
from .patched_incident_update_input_request_custom_field_data import PatchedIncidentUpdateInputRequestCustomFieldData
from .patched_incident_update_input_request_custom_field_type_0_item import (
    PatchedIncidentUpdateInputRequestCustomFieldType0Item,
)
from .patched_incident_update_input_request_custom_field_type_1 import PatchedIncidentUpdateInputRequestCustomFieldType1
from .patched_incident_update_input_request_escalation import PatchedIncidentUpdateInputRequestEscalation
from .patched_incident_update_input_request_field_service_config import (
    PatchedIncidentUpdateInputRequestFieldServiceConfig,
)
from .patched_incident_update_input_request_hold_config import PatchedIncidentUpdateInputRequestHoldConfig
from .patched_incident_update_input_request_impacted_asset_type_0_item import (
    PatchedIncidentUpdateInputRequestImpactedAssetType0Item,
)
from .patched_incident_update_input_request_impacted_asset_type_2 import (
    PatchedIncidentUpdateInputRequestImpactedAssetType2,
)
from .patched_incident_update_input_request_is_first_call_type_1 import (
    PatchedIncidentUpdateInputRequestIsFirstCallType1,
)
from .patched_incident_update_input_request_location import PatchedIncidentUpdateInputRequestLocation
from .patched_incident_update_input_request_lock_config import PatchedIncidentUpdateInputRequestLockConfig
from .patched_incident_update_input_request_reference_type_0_item import (
    PatchedIncidentUpdateInputRequestReferenceType0Item,
)
from .patched_incident_update_input_request_reference_type_1 import PatchedIncidentUpdateInputRequestReferenceType1
from .patched_incident_update_input_request_template_info import PatchedIncidentUpdateInputRequestTemplateInfo
from .patched_policy_input_request import PatchedPolicyInputRequest
from .patched_service_input_request import PatchedServiceInputRequest
from .patched_settings_input_request import PatchedSettingsInputRequest
from .patched_template_input_request import PatchedTemplateInputRequest
from .patched_webhook_input_request import PatchedWebhookInputRequest
from .picklist import Picklist
from .picklist_entry import PicklistEntry
from .picklist_entry_out import PicklistEntryOut
from .picklist_entry_request import PicklistEntryRequest
from .picklist_name_enum import PicklistNameEnum
from .picklist_request import PicklistRequest
from .picklists_read_name import PicklistsReadName
from .picklists_replace_name import PicklistsReplaceName
from .policy import Policy
from .policy_input_request import PolicyInputRequest
from .previous_body_out import PreviousBodyOut
from .priority_cell_out import PriorityCellOut
from .priority_id import PriorityId
from .priority_matrix import PriorityMatrix
from .priority_matrix_request import PriorityMatrixRequest
from .priority_name import PriorityName
from .relation_input_request import RelationInputRequest
from .relation_input_type_enum import RelationInputTypeEnum
from .reopen_input_request import ReopenInputRequest
from .reporter_info import ReporterInfo
from .reporter_info_request import ReporterInfoRequest
from .requester import Requester
from .requester_out import RequesterOut
from .requester_request import RequesterRequest
from .resolve_input_request import ResolveInputRequest
from .resolve_result import ResolveResult
from .resolve_results import ResolveResults
from .retry_input_request import RetryInputRequest
from .retry_result import RetryResult
from .retry_results import RetryResults
from .rich_text_field_enum import RichTextFieldEnum
from .rich_text_input_request import RichTextInputRequest
from .rich_text_out import RichTextOut
from .security_enum import SecurityEnum
from .service import Service
from .service_input_request import ServiceInputRequest
from .service_option_out import ServiceOptionOut
from .settings import Settings
from .sla import Sla
from .sla_clock import SlaClock
from .sla_policy_ref import SlaPolicyRef
from .source_info import SourceInfo
from .state_id import StateId
from .state_name import StateName
from .status_id import StatusId
from .status_name import StatusName
from .status_option_out import StatusOptionOut
from .targets import Targets
from .targets_input_request import TargetsInputRequest
from .template import Template
from .template_fields import TemplateFields
from .template_fields_custom_field_data import TemplateFieldsCustomFieldData
from .template_fields_request import TemplateFieldsRequest
from .template_fields_request_custom_field_data import TemplateFieldsRequestCustomFieldData
from .template_input_request import TemplateInputRequest
from .template_option_out import TemplateOptionOut
from .template_option_out_fields import TemplateOptionOutFields
from .transition_out import TransitionOut
from .urgency_id import UrgencyId
from .urgency_name import UrgencyName
from .webhook import Webhook
from .webhook_created import WebhookCreated
from .webhook_event_enum import WebhookEventEnum
from .webhook_input_request import WebhookInputRequest
from .workflow_options_out import WorkflowOptionsOut
from .workflow_options_result import WorkflowOptionsResult
from .workflow_status_out import WorkflowStatusOut

__all__ = (
    "Agent",
    "AgentInputRequest",
    "AgentOptionOut",
    "ApiError",
    "AssignmentInfo",
    "AssignmentInfoAssigneeType0",
    "AssignmentInfoRequest",
    "AssignmentInfoSupportGroupType0",
    "Attachment",
    "AttachmentOriginOut",
    "Attempt",
    "AutoAssignEnum",
    "Base64FileRequest",
    "BasicInfo",
    "BasicInfoRequest",
    "BulkError",
    "BulkResults",
    "Calendar",
    "CalendarHours",
    "CalendarInputRequest",
    "ChildResult",
    "Classification",
    "ClassificationInputRequest",
    "CloseInfo",
    "CloseInputRequest",
    "Conditions",
    "ConditionsInputRequest",
    "Config",
    "ConfigApiLink",
    "ConfigApprovalConfig",
    "ConfigEscalation",
    "ConfigFieldServiceConfig",
    "ConfigGeneral",
    "ConfigHoldConfig",
    "ConfigLockConfig",
    "ConfigRequest",
    "ConfigRequestApiLink",
    "ConfigRequestApprovalConfig",
    "ConfigRequestEscalation",
    "ConfigRequestFieldServiceConfig",
    "ConfigRequestGeneral",
    "ConfigRequestHoldConfig",
    "ConfigRequestLockConfig",
    "Conversation",
    "ConversationDirectionEnum",
    "ConversationInputRequest",
    "ConversationKindEnum",
    "ConversationOriginOut",
    "ConversationsListDirection",
    "ConversationsListKind",
    "ConversationsListSortOrder",
    "CustomField",
    "CustomFieldInputRequest",
    "CustomFieldOptionOut",
    "CustomFieldTypeEnum",
    "DeleteInputRequest",
    "DeliveriesListEvent",
    "DeliveriesListStatus",
    "Delivery",
    "DeliveryPayload",
    "DeliveryStatusEnum",
    "EnumRefRequest",
    "ErrorItem",
    "ErrorTypeEnum",
    "FeedbackInputRequest",
    "FeedbackOut",
    "Group",
    "GroupInputRequest",
    "GroupOptionOut",
    "HistoryOut",
    "HoursInputRequest",
    "IgnoredEnum",
    "ImapInputRequest",
    "ImapOut",
    "ImpactId",
    "ImpactName",
    "InboundIgnored",
    "InboundResult",
    "Incident",
    "IncidentCreateRequest",
    "IncidentCreateRequestApiLink",
    "IncidentCreateRequestApprovalConfig",
    "IncidentCreateRequestAssetsType0Item",
    "IncidentCreateRequestAssetsType2",
    "IncidentCreateRequestAttachment",
    "IncidentCreateRequestClosureInfo",
    "IncidentCreateRequestConfig",
    "IncidentCreateRequestCustomFieldData",
    "IncidentCreateRequestCustomFieldType0Item",
    "IncidentCreateRequestCustomFieldType1",
    "IncidentCreateRequestEscalation",
    "IncidentCreateRequestFieldServiceConfig",
    "IncidentCreateRequestHoldConfig",
    "IncidentCreateRequestIsFirstCallType1",
    "IncidentCreateRequestLocation",
    "IncidentCreateRequestLockConfig",
    "IncidentCreateRequestReferenceType0Item",
    "IncidentCreateRequestReferenceType1",
    "IncidentCreateRequestTemplateInfo",
    "IncidentCustomFieldData",
    "IncidentCustomFieldItem",
    "IncidentDataOut",
    "IncidentImpactedAssetItem",
    "IncidentLocation",
    "IncidentReferenceItem",
    "IncidentRefsRequest",
    "IncidentResult",
    "IncidentsImpactedAssetsResponse200Item",
    "IncidentsListSortOrder",
    "IncidentTemplateInfo",
    "IncidentTypeId",
    "IncidentTypeInfo",
    "IncidentTypeName",
    "IncidentTypeOptionOut",
    "IncidentTypeRefRequest",
    "IncidentUpdateInputRequest",
    "IncidentUpdateInputRequestApiLink",
    "IncidentUpdateInputRequestApprovalConfig",
    "IncidentUpdateInputRequestAssetsType0Item",
    "IncidentUpdateInputRequestAssetsType2",
    "IncidentUpdateInputRequestCustomFieldData",
    "IncidentUpdateInputRequestCustomFieldType0Item",
    "IncidentUpdateInputRequestCustomFieldType1",
    "IncidentUpdateInputRequestEscalation",
    "IncidentUpdateInputRequestFieldServiceConfig",
    "IncidentUpdateInputRequestHoldConfig",
    "IncidentUpdateInputRequestImpactedAssetType0Item",
    "IncidentUpdateInputRequestImpactedAssetType2",
    "IncidentUpdateInputRequestIsFirstCallType1",
    "IncidentUpdateInputRequestLocation",
    "IncidentUpdateInputRequestLockConfig",
    "IncidentUpdateInputRequestReferenceType0Item",
    "IncidentUpdateInputRequestReferenceType1",
    "IncidentUpdateInputRequestTemplateInfo",
    "JsonUploadRequest",
    "MailSettings",
    "MailSettingsInputRequest",
    "MailStateOut",
    "MailStateOutStatusEnum",
    "MatrixCell",
    "MatrixCellRequest",
    "MergedInto",
    "MergeInputRequest",
    "MergeOut",
    "MergeResult",
    "MultipartUploadRequest",
    "OptionOut",
    "OptionsOut",
    "PatchedAgentInputRequest",
    "PatchedCalendarInputRequest",
    "PatchedConversationInputRequest",
    "PatchedCustomFieldInputRequest",
    "PatchedGroupInputRequest",
    "PatchedIncidentUpdateInputRequest",
    "PatchedIncidentUpdateInputRequestApiLink",
    "PatchedIncidentUpdateInputRequestApprovalConfig",
    "PatchedIncidentUpdateInputRequestAssetsType0Item",
    "PatchedIncidentUpdateInputRequestAssetsType2",
    "PatchedIncidentUpdateInputRequestCustomFieldData",
    "PatchedIncidentUpdateInputRequestCustomFieldType0Item",
    "PatchedIncidentUpdateInputRequestCustomFieldType1",
    "PatchedIncidentUpdateInputRequestEscalation",
    "PatchedIncidentUpdateInputRequestFieldServiceConfig",
    "PatchedIncidentUpdateInputRequestHoldConfig",
    "PatchedIncidentUpdateInputRequestImpactedAssetType0Item",
    "PatchedIncidentUpdateInputRequestImpactedAssetType2",
    "PatchedIncidentUpdateInputRequestIsFirstCallType1",
    "PatchedIncidentUpdateInputRequestLocation",
    "PatchedIncidentUpdateInputRequestLockConfig",
    "PatchedIncidentUpdateInputRequestReferenceType0Item",
    "PatchedIncidentUpdateInputRequestReferenceType1",
    "PatchedIncidentUpdateInputRequestTemplateInfo",
    "PatchedPolicyInputRequest",
    "PatchedServiceInputRequest",
    "PatchedSettingsInputRequest",
    "PatchedTemplateInputRequest",
    "PatchedWebhookInputRequest",
    "Picklist",
    "PicklistEntry",
    "PicklistEntryOut",
    "PicklistEntryRequest",
    "PicklistNameEnum",
    "PicklistRequest",
    "PicklistsReadName",
    "PicklistsReplaceName",
    "Policy",
    "PolicyInputRequest",
    "PreviousBodyOut",
    "PriorityCellOut",
    "PriorityId",
    "PriorityMatrix",
    "PriorityMatrixRequest",
    "PriorityName",
    "RelationInputRequest",
    "RelationInputTypeEnum",
    "ReopenInputRequest",
    "ReporterInfo",
    "ReporterInfoRequest",
    "Requester",
    "RequesterOut",
    "RequesterRequest",
    "ResolveInputRequest",
    "ResolveResult",
    "ResolveResults",
    "RetryInputRequest",
    "RetryResult",
    "RetryResults",
    "RichTextFieldEnum",
    "RichTextInputRequest",
    "RichTextOut",
    "SecurityEnum",
    "Service",
    "ServiceInputRequest",
    "ServiceOptionOut",
    "Settings",
    "Sla",
    "SlaClock",
    "SlaPolicyRef",
    "SourceInfo",
    "StateId",
    "StateName",
    "StatusId",
    "StatusName",
    "StatusOptionOut",
    "Targets",
    "TargetsInputRequest",
    "Template",
    "TemplateFields",
    "TemplateFieldsCustomFieldData",
    "TemplateFieldsRequest",
    "TemplateFieldsRequestCustomFieldData",
    "TemplateInputRequest",
    "TemplateOptionOut",
    "TemplateOptionOutFields",
    "TransitionOut",
    "UrgencyId",
    "UrgencyName",
    "Webhook",
    "WebhookCreated",
    "WebhookEventEnum",
    "WebhookInputRequest",
    "WorkflowOptionsOut",
    "WorkflowOptionsResult",
    "WorkflowStatusOut",
)
