"""Request bodies and query parameters of the incident actions."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.public import FIELD_TYPES
from directory.public import AUTO_LEAST_OPEN, AUTO_NONE, AUTO_ROUND_ROBIN
from incidents.api.serializers import IncidentSerializer
from incidents.detail import detail_fields
from incidents.documents import DESCRIPTION_MAX, TEXT_MAX
from incidents.services.links import resolve_follower_fields
from servicedesk.api.bulk import BulkError
from servicedesk.api.fields import (
    RichTextField,
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
)
from servicedesk.api.query import StrictQuery
from servicedesk.api.serializers import StrictSerializer, TimestampField

MAX_BULK = 500


class IncidentRefs(StrictSerializer):
    """The incidents: `incident_ids` (1 to 500), a single `incident_id`, or both (each
    incident once, `incident_id` first). A body naming none gets no results."""

    incident_ids = serializers.ListField(
        child=StrictCharField(max_length=64), required=False, min_length=1, max_length=MAX_BULK
    )
    incident_id = StrictCharField(max_length=64, required=False)

    def validate(self, attrs):
        refs = [attrs["incident_id"]] if "incident_id" in attrs else []
        refs += [ref for ref in attrs.get("incident_ids", []) if ref not in refs]
        attrs["refs"] = refs
        return attrs


def _text(field_class, max_length: int, required: bool, help_text: str):
    return field_class(
        required=required,
        allow_blank=not required,
        max_length=max_length,
        trim_whitespace=True,
        help_text=help_text,
    )


def plain_text(required: bool, help_text: str) -> StrictCharField:
    """Plain text, at most 2000 characters."""
    return _text(StrictCharField, TEXT_MAX, required, help_text)


def note(required: bool, help_text: str) -> RichTextField:
    """Rich text (sanitized HTML)."""
    return _text(RichTextField, DESCRIPTION_MAX, required, help_text)


class ResolveInput(IncidentRefs):
    """The resolution type by name (`resolution_type`), by id (`resolution_type_id`) or
    both, which must agree: one of the organization's resolution types
    (`/ux/sd/org/picklists/resolution_types/`), checked per incident."""

    resolution_type = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="A resolution type's name, e.g. `Fixed`.",
    )
    resolution_type_id = StrictIntegerField(
        required=False, min_value=1, max_value=1_000_000, help_text="A resolution type's id."
    )
    closure_note = note(True, "What was done.")

    def validate(self, attrs):
        attrs = super().validate(attrs)
        name, id = attrs.pop("resolution_type", ""), attrs.pop("resolution_type_id", None)
        if isinstance(self.initial_data.get("resolution_type"), int):
            raise serializers.ValidationError(
                {"resolution_type": ["A name; send an id as resolution_type_id."]},
                code="invalid_type",
            )
        if not name.strip() and id is None:
            raise serializers.ValidationError(
                {
                    "resolution_type": [
                        "A resolution type (name or resolution_type_id) is required."
                    ]
                },
                code="required",
            )
        attrs["resolution_type"] = {"id": id, "name": name.strip() or None}
        return attrs


class ReopenInput(IncidentRefs):
    reason = plain_text(True, "Why the incident is reopened.")


class CloseInput(IncidentRefs):
    closure_note = note(False, "Optional note when closing a resolved incident.")
    reason = plain_text(False, "Required to cancel an open incident.")


class DeleteInput(IncidentRefs):
    permanent = StrictBooleanField(
        required=False, default=False, help_text="Delete for good (admin keys only)."
    )


class IncidentResult(serializers.Serializer):
    incident_id = serializers.CharField(help_text="The id as given in the request.")
    ok = serializers.BooleanField()
    error = BulkError(required=False, help_text="Why this one failed, when ok is false.")
    incident = IncidentSerializer(required=False)


class BulkResults(serializers.Serializer):
    results = IncidentResult(many=True)


class ResolveResult(IncidentResult):
    """A resolved incident's result; what follows a resolve (the relations app resolves
    the incident's open children) adds its fields (`incidents.services.links`)."""

    def get_fields(self):
        return {**super().get_fields(), **resolve_follower_fields()}


class ResolveResults(serializers.Serializer):
    results = ResolveResult(many=True)


RICH_TEXT_FIELDS = {
    "description": "basic_info.description",
    "closure_note": "close_info.closure_note",
}
RICH_TEXT_FIELD_NAMES = sorted(RICH_TEXT_FIELDS)  # RichTextFieldEnum in the schema


class RichTextQuery(StrictQuery):
    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")
    field = serializers.ChoiceField(choices=RICH_TEXT_FIELD_NAMES)


class RichTextInput(StrictSerializer):
    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")
    field = serializers.ChoiceField(choices=RICH_TEXT_FIELD_NAMES)
    html = RichTextField(
        allow_blank=True, max_length=DESCRIPTION_MAX, help_text="HTML; sanitized before it is kept."
    )


class RichTextOut(serializers.Serializer):
    incident_id = serializers.CharField()
    field = serializers.CharField()
    html = serializers.CharField(help_text="The stored, sanitized HTML.")
    text = serializers.CharField(help_text="A plain-text rendering of it.")


class FeedbackInput(StrictSerializer):
    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")
    rating = StrictIntegerField(min_value=1, max_value=5)
    comment = StrictCharField(required=False, allow_blank=True, max_length=2000)


class FeedbackOut(serializers.Serializer):
    feedback_id = serializers.CharField(source="id")
    incident_id = serializers.CharField()
    resolution_cycle = serializers.IntegerField(
        help_text="0 for the first resolution, +1 per reopen."
    )
    rating = serializers.IntegerField()
    comment = serializers.CharField()
    author_id = serializers.CharField()
    created_at = TimestampField()


class RetryInput(StrictSerializer):
    """The failed deliveries of `incident_ids`, and `delivery_ids`; none: no results."""

    incident_ids = serializers.ListField(
        child=StrictCharField(max_length=64), required=False, min_length=1, max_length=MAX_BULK
    )
    delivery_ids = serializers.ListField(
        child=StrictCharField(max_length=24), required=False, min_length=1, max_length=100
    )


class IncidentQuery(StrictQuery):
    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")


class WorkflowStatusQuery(StrictQuery):
    incident_id = StrictCharField(
        max_length=64,
        required=False,
        help_text="The incident (id or display id); with `status_id`, the incident must "
        "still be in that status (409 `status_changed` otherwise).",
    )
    status_id = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=7,
        help_text="A status; without `incident_id` or `status_id`: New, where incidents start.",
    )


class RequesterSearchQuery(StrictQuery):
    q = StrictCharField(min_length=1, max_length=100, trim_whitespace=True)
    limit = serializers.IntegerField(required=False, default=10, min_value=1, max_value=50)


class TransitionOut(serializers.Serializer):
    to_status_id = serializers.IntegerField()
    to_status = serializers.CharField()
    to_state_id = serializers.IntegerField()
    action = serializers.CharField()
    requires = serializers.ListField(child=serializers.CharField())
    optional = serializers.ListField(child=serializers.CharField())


class WorkflowStatusOut(serializers.Serializer):
    incident_id = serializers.CharField(required=False)
    status_id = serializers.IntegerField()
    status = serializers.CharField()
    state_id = serializers.IntegerField()
    state = serializers.CharField()
    allowed = TransitionOut(many=True)


class WorkflowOptionsResult(serializers.Serializer):
    incident_id = serializers.CharField()
    ok = serializers.BooleanField()
    error = BulkError(required=False, help_text="Why this one failed, when ok is false.")
    status_id = serializers.IntegerField(required=False)
    allowed = TransitionOut(many=True, required=False)


class WorkflowOptionsOut(serializers.Serializer):
    results = WorkflowOptionsResult(many=True)


class RequesterOut(serializers.Serializer):
    email = serializers.CharField()
    name = serializers.CharField()
    phone = serializers.CharField()
    requester_id = serializers.CharField()
    incident_count = serializers.IntegerField()


# Any JSON value, null included: an empty schema (OpenAPI 3.0 allows `nullable` only
# beside a `type`, and a changed field may hold a string, a number, a list or an object).
@extend_schema_field({"description": "Any JSON value, or null."})
class AnyValueField(serializers.JSONField):
    pass


class HistoryOut(serializers.Serializer):
    at = TimestampField()
    actor_id = serializers.CharField()
    action = serializers.CharField()
    field = serializers.CharField()
    old = AnyValueField(allow_null=True, help_text="The value before; null when there was none.")
    new = AnyValueField(allow_null=True, help_text="The value after; null when removed.")


IMPACTED_ASSET = {
    "type": "object",
    "description": "An impacted asset as stored: a free object, with `name` when one was given.",
    "properties": {"name": {"type": "string", "description": "The asset's name."}},
    "additionalProperties": True,
}


class OptionOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class StatusOptionOut(OptionOut):
    state_id = serializers.IntegerField(help_text="The state this status belongs to.")


class IncidentTypeOptionOut(OptionOut):
    prefix = serializers.CharField(help_text="Of display ids, e.g. `inci` for `INCI-42`.")


class PriorityCellOut(serializers.Serializer):
    impact_id = serializers.IntegerField()
    urgency_id = serializers.IntegerField()
    priority_id = serializers.IntegerField()


class PicklistEntryOut(OptionOut):
    active = serializers.BooleanField(help_text="Inactive entries cannot be chosen any more.")


class GroupOptionOut(serializers.Serializer):
    id = serializers.CharField(allow_null=True, help_text="null: a name in use, not configured.")
    name = serializers.CharField()
    active = serializers.BooleanField()
    auto_assign = serializers.ChoiceField(choices=[AUTO_NONE, AUTO_ROUND_ROBIN, AUTO_LEAST_OPEN])


class AgentOptionOut(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    email = serializers.CharField()
    active = serializers.BooleanField()
    group_ids = serializers.ListField(child=serializers.CharField())


class ServiceOptionOut(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    active = serializers.BooleanField()
    default_group_id = serializers.CharField(allow_null=True)
    classifications = OptionOut(many=True)


class CustomFieldOptionOut(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    type = serializers.ChoiceField(choices=FIELD_TYPES)
    required = serializers.BooleanField()
    options = serializers.ListField(child=serializers.CharField())
    incident_type_ids = serializers.ListField(child=serializers.IntegerField())
    active = serializers.BooleanField()


class TemplateOptionOut(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    active = serializers.BooleanField()
    fields = serializers.DictField(help_text="What the template fills in a create body.")


class OptionsOut(serializers.Serializer):
    states = OptionOut(many=True)
    statuses = StatusOptionOut(many=True)
    urgencies = OptionOut(many=True)
    impacts = OptionOut(many=True)
    priorities = OptionOut(many=True)
    priority_matrix = PriorityCellOut(
        many=True, help_text="The organization's priority of impact x urgency."
    )
    sources = PicklistEntryOut(many=True)
    incident_types = IncidentTypeOptionOut(many=True)
    resolution_types = PicklistEntryOut(many=True)
    hold_reasons = PicklistEntryOut(many=True)
    support_groups = GroupOptionOut(
        many=True, help_text="The organization's groups, then names in use not configured."
    )
    agents = AgentOptionOut(many=True)
    services = ServiceOptionOut(many=True)
    custom_fields = CustomFieldOptionOut(many=True)
    templates = TemplateOptionOut(many=True)
    tags = serializers.ListField(
        child=serializers.CharField(), help_text="Tags in use in the organization."
    )


class IncidentDataOut(serializers.Serializer):
    """The incident and everything its detail page shows; the apps that own a part of it
    (conversations, attachments) add their fields (`incidents.detail`)."""

    incident = IncidentSerializer()
    workflow = WorkflowStatusOut()
    feedback = FeedbackOut(many=True)
    recent_history = HistoryOut(many=True, help_text="Newest first, at most 20.")

    def get_fields(self):
        return {**super().get_fields(), **detail_fields()}
