"""`conversation/` routes: list, create, read, PUT/PATCH, DELETE."""

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.response import Response

from conversations import selectors, services
from conversations.api.serializers import (
    ConversationInput,
    ConversationListParams,
    ConversationSerializer,
)
from conversations.documents import Conversation
from incidents import public as incidents
from servicedesk.api.conditional import IF_MATCH, if_match_version, not_modified, with_etag
from servicedesk.api.openapi import sends
from servicedesk.api.responses import created
from servicedesk.api.viewsets import ChildViewSet
from servicedesk.errors import Immutable

ID = OpenApiParameter("id", str, OpenApiParameter.PATH, description="The conversation id.")


@extend_schema_view(
    list=extend_schema(
        summary="List conversations",
        description=(
            "Conversations of the organization, oldest first (a thread reads that way); "
            "filter by `incident_id`, `kind`, `direction`. Paged like the incident list."
        ),
        parameters=[ConversationListParams],
    ),
    create=extend_schema(
        summary="Add a conversation to an incident",
        description=(
            "A reply, a private note or a forward. An inbound conversation sets the "
            "incident's `unread_mail` and moves an incident On Hold awaiting the requester "
            "back to In Progress; an outbound reply clears `unread_mail`. An outbound reply "
            "without `to` goes to the requester."
        ),
        request=ConversationInput,
        responses={201: ConversationSerializer},
        examples=[
            OpenApiExample(
                "Reply to the requester",
                request_only=True,
                value={
                    "incident_id": "INCI-42",
                    "kind": "reply",
                    "direction": "outbound",
                    "body": "<p>We reset your VPN profile; please try again.</p>",
                    "to": ["requester@example.com"],
                },
            ),
            OpenApiExample(
                "Private note",
                request_only=True,
                value={"incident_id": "INCI-42", "kind": "note", "body": "<p>Checked logs.</p>"},
            ),
        ],
    ),
    retrieve=extend_schema(
        summary="Read a conversation",
        description="The conversation, with its version as `ETag`.",
        parameters=[ID],
        extensions=sends("ETag"),
    ),
    update=extend_schema(
        summary="Edit a conversation",
        description="Body, sender, recipients, attachment references; the previous body is kept.",
        parameters=[ID, IF_MATCH],
        request=ConversationInput,
        responses={200: ConversationSerializer},
    ),
    partial_update=extend_schema(
        summary="Edit part of a conversation",
        parameters=[ID, IF_MATCH],
        request=ConversationInput,
        responses={200: ConversationSerializer},
    ),
    destroy=extend_schema(summary="Delete a conversation", parameters=[ID]),
)
class ConversationViewSet(ChildViewSet):
    """API endpoint that allows conversations of incidents to be viewed or edited."""

    schema_resource = schema_tag = "conversations"

    document = Conversation
    serializer_class = ConversationSerializer

    def live_parent(self, ref):
        """The caller's incident (not in the trash) for an id or display id; 404 otherwise."""
        return incidents.incident_get(principal=self.principal, value=ref)

    def list(self, request):
        params = ConversationListParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        filters = params.validated_data
        incident_id = None
        if "incident_id" in filters:
            incident_id = self.live_parent(filters["incident_id"]).id
        queryset = selectors.conversations_for(principal=self.principal, incident_id=incident_id)
        for name in ("kind", "direction"):
            if name in filters:
                queryset = queryset.filter(**{name: filters[name]})
        sign = "-" if filters.get("sort_order") == "desc" else "+"
        queryset = queryset.order_by(f"{sign}created_at", f"{sign}id")
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(ConversationSerializer(page, many=True).data)

    def create(self, request):
        body = ConversationInput(data=request.data)
        body.is_valid(raise_exception=True)
        incident = self.live_parent(body.validated_data["incident_id"])
        conversation = services.conversation_create(
            principal=self.principal, incident=incident, data=body.validated_data
        )
        response = created(
            ConversationSerializer(conversation).data,
            request=request,
            url_name="conversation-detail",
            id=conversation.id,
        )
        return with_etag(response, conversation)

    def retrieve(self, request, id=None):
        conversation = self.get_object()
        unchanged = not_modified(request, f'"{conversation.version}"')
        if unchanged is not None:
            return unchanged
        return with_etag(Response(ConversationSerializer(conversation).data), conversation)

    def update(self, request, id=None, partial=False):
        conversation = self.get_object()
        body = ConversationInput(conversation, data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        ref = data.pop("incident_id", None)
        # Another organization's (or an unknown) incident is a 404 like any other; one
        # of the caller's own incidents other than the conversation's is refused.
        if ref is not None and self.live_parent(ref).id != conversation.incident_id:
            raise Immutable(field="incident_id")
        stored = services.conversation_update(
            principal=self.principal,
            conversation=conversation,
            incident=self.parent,
            data=data,
            expected_version=if_match_version(request),
        )
        return with_etag(Response(ConversationSerializer(stored).data), stored)

    def partial_update(self, request, id=None):
        return self.update(request, id=id, partial=True)

    def destroy(self, request, id=None):
        conversation = self.get_object()
        services.conversation_delete(
            principal=self.principal, conversation=conversation, incident=self.parent
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
