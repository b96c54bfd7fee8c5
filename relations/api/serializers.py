"""Request and response bodies of merges and relations."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from relations.services.links import LINK_TYPES
from relations.services.merge import MAX_SOURCES, NOTE_MAX
from servicedesk.api.bulk import BulkError
from servicedesk.api.fields import StrictCharField
from servicedesk.api.serializers import NestedSerializer

REF_MAX = 64
REF_HELP = "An incident id (24 hex characters) or display id such as `INCI-42`."


@extend_schema_field({"$ref": "#/components/schemas/Incident"})
class IncidentField(serializers.JSONField):
    """An incident's representation (the incidents app renders it)."""


class MergeInput(NestedSerializer):
    target = StrictCharField(max_length=REF_MAX, help_text=f"The incident to keep. {REF_HELP}")
    sources = serializers.ListField(
        child=StrictCharField(max_length=REF_MAX),
        min_length=1,
        max_length=MAX_SOURCES,
        help_text=f"The duplicates to fold into the target, at most {MAX_SOURCES}. {REF_HELP}",
    )
    note = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=NOTE_MAX,
        trim_whitespace=True,
        help_text="Plain text, added to the public reply on the target and to each "
        "source's closure note.",
    )


class MergeResult(serializers.Serializer):
    incident_id = serializers.CharField(help_text="The source as the request named it.")
    ok = serializers.BooleanField()
    error = BulkError(required=False, help_text="Why this source was not merged, when ok is false.")
    incident = IncidentField(required=False, help_text="The source, closed as a Duplicate.")


class MergeOut(serializers.Serializer):
    target = IncidentField(help_text="The target after the merge.")
    results = MergeResult(many=True, help_text="One per source, in the order given.")


class RelationInput(NestedSerializer):
    type = serializers.ChoiceField(
        choices=LINK_TYPES,
        help_text="What the other incident is to this one: its `parent`, its `child`, or "
        "`related`.",
    )
    incident = StrictCharField(max_length=REF_MAX, help_text=f"The other incident. {REF_HELP}")


class ChildResult(serializers.Serializer):
    incident_id = serializers.CharField()
    display_id = serializers.CharField()
    ok = serializers.BooleanField(help_text="Resolved with its parent.")
    status = serializers.CharField(help_text="The child's status now.")
    error = BulkError(required=False, help_text="Why it could not be resolved, when ok is false.")


def children_fields() -> dict:
    """What a parent's result of `inci_resolve/` gains (incidents' resolve followers)."""
    return {
        "children": ChildResult(
            many=True,
            required=False,
            help_text="When the incident is a parent: each of its open children, resolved "
            "with it or not (and why).",
        )
    }
