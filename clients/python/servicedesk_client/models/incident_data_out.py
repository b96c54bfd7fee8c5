from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attachment import Attachment
    from ..models.conversation import Conversation
    from ..models.feedback_out import FeedbackOut
    from ..models.history_out import HistoryOut
    from ..models.incident import Incident
    from ..models.workflow_status_out import WorkflowStatusOut


T = TypeVar("T", bound="IncidentDataOut")


@_attrs_define
class IncidentDataOut:
    """The incident and everything its detail page shows; the apps that own a part of it
    (conversations, attachments) add their fields (`incidents.detail`).

        Attributes:
            incident (Incident): The stored incident, as the listing shows it.
            workflow (WorkflowStatusOut):
            feedback (list[FeedbackOut]):
            recent_history (list[HistoryOut]): Newest first, at most 20.
            conversation_count (int): Conversations of the incident.
            latest_conversation (Conversation): A conversation as stored.
            attachments (list[Attachment]): The incident's first 100 attachments.
    """

    incident: Incident
    workflow: WorkflowStatusOut
    feedback: list[FeedbackOut]
    recent_history: list[HistoryOut]
    conversation_count: int
    latest_conversation: Conversation
    attachments: list[Attachment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident = self.incident.to_dict()

        workflow = self.workflow.to_dict()

        feedback = []
        for feedback_item_data in self.feedback:
            feedback_item = feedback_item_data.to_dict()
            feedback.append(feedback_item)

        recent_history = []
        for recent_history_item_data in self.recent_history:
            recent_history_item = recent_history_item_data.to_dict()
            recent_history.append(recent_history_item)

        conversation_count = self.conversation_count

        latest_conversation = self.latest_conversation.to_dict()

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident": incident,
                "workflow": workflow,
                "feedback": feedback,
                "recent_history": recent_history,
                "conversation_count": conversation_count,
                "latest_conversation": latest_conversation,
                "attachments": attachments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415
        from ..models.conversation import Conversation  # noqa: PLC0415
        from ..models.feedback_out import FeedbackOut  # noqa: PLC0415
        from ..models.history_out import HistoryOut  # noqa: PLC0415
        from ..models.incident import Incident  # noqa: PLC0415
        from ..models.workflow_status_out import WorkflowStatusOut  # noqa: PLC0415

        d = dict(src_dict)
        incident = Incident.from_dict(d.pop("incident"))

        workflow = WorkflowStatusOut.from_dict(d.pop("workflow"))

        feedback = []
        _feedback = d.pop("feedback")
        for feedback_item_data in _feedback:
            feedback_item = FeedbackOut.from_dict(feedback_item_data)

            feedback.append(feedback_item)

        recent_history = []
        _recent_history = d.pop("recent_history")
        for recent_history_item_data in _recent_history:
            recent_history_item = HistoryOut.from_dict(recent_history_item_data)

            recent_history.append(recent_history_item)

        conversation_count = d.pop("conversation_count")

        latest_conversation = Conversation.from_dict(d.pop("latest_conversation"))

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = Attachment.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        incident_data_out = cls(
            incident=incident,
            workflow=workflow,
            feedback=feedback,
            recent_history=recent_history,
            conversation_count=conversation_count,
            latest_conversation=latest_conversation,
            attachments=attachments,
        )

        incident_data_out.additional_properties = d
        return incident_data_out

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
