"""`agents/` and `groups/` of the organization configuration (`/ux/sd/org/`)."""

from directory import selectors, services
from directory.api.serializers import AgentInput, AgentSerializer, GroupInput, GroupSerializer
from directory.documents import Agent, Group
from servicedesk.api.config import ConfigViewSet, configuration_schema


@configuration_schema(
    resource="agents",
    tag="agents",
    singular="agent",
    plural="agents",
    request=AgentInput,
    response=AgentSerializer,
    example={"name": "Grace Hopper", "email": "grace@example.com", "group_ids": []},
    description="The people who work incidents. Name and email are unique in the "
    "organization (409 `name_taken`, `email_taken`); `group_ids` name active groups.",
)
class AgentViewSet(ConfigViewSet):
    document = Agent
    serializer_class = AgentSerializer
    input_class = AgentInput
    entity = "agent"
    create_with = staticmethod(services.agent_create)
    update_with = staticmethod(services.agent_update)
    delete_with = staticmethod(services.agent_delete)


@configuration_schema(
    resource="groups",
    tag="groups",
    singular="support group",
    plural="support groups",
    request=GroupInput,
    response=GroupSerializer,
    example={"name": "Network", "description": "VPN, Wi-Fi", "auto_assign": "round_robin"},
    description="Teams that incidents are assigned to. `member_ids` are the agents that "
    "name the group in their `group_ids`: setting them changes those agents.",
)
class GroupViewSet(ConfigViewSet):
    document = Group
    serializer_class = GroupSerializer
    input_class = GroupInput
    entity = "group"
    create_with = staticmethod(services.group_create)
    update_with = staticmethod(services.group_update)
    delete_with = staticmethod(services.group_delete)

    def output_context(self, objects: list) -> dict:
        ids = [group.id for group in objects]
        members = selectors.members_of(
            organization_id=self.principal.organization_id, group_ids=ids
        )
        return {"members": members}
