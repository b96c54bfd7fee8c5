"""Agents and groups over the API: input bodies (shape only) and representations."""

from rest_framework import serializers

from directory.documents import (
    AUTO_ASSIGN,
    AUTO_NONE,
    DESCRIPTION_MAX,
    MAX_GROUPS_PER_AGENT,
    NAME_MAX,
    Agent,
    Group,
)
from servicedesk.api.fields import (
    ObjectIdStringField,
    StrictBooleanField,
    StrictCharField,
    StrictEmailField,
)
from servicedesk.api.serializers import DocumentSerializer, StrictSerializer

MAX_MEMBERS = 1_000


def id_list(help_text: str, max_length: int) -> serializers.ListField:
    return serializers.ListField(
        child=ObjectIdStringField(),
        max_length=max_length,
        default=list,
        help_text=f"{help_text} Ids of this organization only; repeats are dropped.",
    )


class AgentInput(StrictSerializer):
    name = StrictCharField(max_length=NAME_MAX, help_text="Unique in the organization.")
    email = StrictEmailField(help_text="Unique in the organization; stored lower-cased.")
    active = StrictBooleanField(default=True)
    group_ids = id_list("The support groups the agent is in.", MAX_GROUPS_PER_AGENT)


class AgentSerializer(DocumentSerializer):
    class Meta:
        model = Agent
        fields = ("id", "name", "email", "active", "group_ids", "created_at", "updated_at")
        read_only_fields = fields


class GroupInput(StrictSerializer):
    name = StrictCharField(max_length=NAME_MAX, help_text="Unique in the organization.")
    description = StrictCharField(max_length=DESCRIPTION_MAX, allow_blank=True, default="")
    member_ids = id_list("The agents in the group (stored on the agents).", MAX_MEMBERS)
    auto_assign = serializers.ChoiceField(
        choices=AUTO_ASSIGN,
        default=AUTO_NONE,
        help_text="How an incident given to the group without an assignee gets one: "
        "`none`, `round_robin` (active members in turn) or `least_open` (the active "
        "member with the fewest open incidents).",
    )
    active = StrictBooleanField(default=True)


class GroupSerializer(DocumentSerializer):
    member_ids = serializers.SerializerMethodField(
        help_text="The agents naming the group, by name, then id."
    )

    class Meta:
        model = Group
        fields = (
            "id",
            "name",
            "description",
            "member_ids",
            "auto_assign",
            "active",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_member_ids(self, group) -> list[str]:
        return self.context["members"][str(group.id)]
