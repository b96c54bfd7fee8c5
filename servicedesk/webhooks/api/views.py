"""`webhook/` (endpoints, admin keys) and `delivery/` (the delivery log, admin keys)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.response import Response

from servicedesk.api.responses import created
from servicedesk.api.viewsets import TenantViewSet
from servicedesk.errors import NotFound
from servicedesk.tenancy.documents import SCOPE_ADMIN
from servicedesk.webhooks import events, services
from servicedesk.webhooks.api.serializers import (
    DeliveryListParams,
    DeliverySerializer,
    WebhookCreatedSerializer,
    WebhookInput,
    WebhookSerializer,
)
from servicedesk.webhooks.documents import Delivery, WebhookEndpoint

ID = OpenApiParameter("id", str, OpenApiParameter.PATH)
SIGNATURE = (
    "Each event is POSTed as JSON with `X-Servicedesk-Event`, `X-Servicedesk-Delivery` "
    "(the delivery id, to deduplicate) and `X-Servicedesk-Signature: sha256=<hex>`, the "
    "HMAC-SHA256 of the exact body with the endpoint's secret. A 2xx answer is success; "
    "anything else, a timeout or a refused connection is retried with exponential backoff "
    "and jitter, then marked failed. Redirects are not followed. URLs that resolve to "
    "loopback, private, link-local or metadata addresses are refused."
)


@extend_schema_view(
    list=extend_schema(summary="List webhook endpoints", description=SIGNATURE),
    create=extend_schema(
        summary="Register a webhook endpoint",
        description=f"Answers the endpoint with its `secret`, shown this once. {SIGNATURE}",
        request=WebhookInput,
        responses={201: WebhookCreatedSerializer},
    ),
    retrieve=extend_schema(summary="Read a webhook endpoint", parameters=[ID]),
    update=extend_schema(
        summary="Replace a webhook endpoint", parameters=[ID], request=WebhookInput
    ),
    partial_update=extend_schema(
        summary="Change a webhook endpoint", parameters=[ID], request=WebhookInput
    ),
    destroy=extend_schema(summary="Delete a webhook endpoint", parameters=[ID]),
)
class WebhookViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, TenantViewSet
):
    """Where the organization's incident events are sent (admin keys only)."""

    schema_resource = schema_tag = "webhooks"

    document = WebhookEndpoint
    serializer_class = WebhookSerializer
    required_scope = SCOPE_ADMIN

    def get_queryset(self):
        return super().get_queryset().order_by("created_at")

    def create(self, request):
        body = WebhookInput(data=request.data)
        body.is_valid(raise_exception=True)
        endpoint, secret = services.endpoint_create(
            principal=self.principal, data=body.validated_data
        )
        out = WebhookCreatedSerializer(endpoint, context={"secret": secret})
        return created(out.data, request=request, url_name="webhook-detail", id=endpoint.id)

    def update(self, request, id=None, partial=False):
        endpoint = self.get_object()
        body = WebhookInput(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        endpoint = services.endpoint_update(endpoint=endpoint, data=body.validated_data)
        return Response(WebhookSerializer(endpoint).data)

    def partial_update(self, request, id=None):
        return self.update(request, id=id, partial=True)

    def perform_destroy(self, instance):
        services.endpoint_delete(endpoint=instance)


@extend_schema_view(
    list=extend_schema(
        summary="The delivery log",
        description="Every outbound call: status, attempts with their answers, next retry.",
        parameters=[DeliveryListParams],
    ),
    retrieve=extend_schema(summary="Read a delivery", parameters=[ID]),
)
class DeliveryViewSet(mixins.RetrieveModelMixin, TenantViewSet):
    """The log of outbound API calls (admin keys only)."""

    schema_resource = schema_tag = "deliveries"

    document = Delivery
    serializer_class = DeliverySerializer
    required_scope = SCOPE_ADMIN

    def list(self, request):
        params = DeliveryListParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        filters = params.validated_data
        queryset = self.get_queryset()
        if "incident_id" in filters:
            incident_id = events.subject_id(principal=self.principal, ref=filters["incident_id"])
            if incident_id is None:
                raise NotFound
            queryset = queryset.filter(incident_id=incident_id)
        for name in ("status", "event"):
            if name in filters:
                queryset = queryset.filter(**{name: filters[name]})
        page = self.paginate_queryset(queryset.order_by("-created_at", "-id"))
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)
