"""Incident routes: HTTP in, service or selector call, serializer out."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from incidents import selectors, services
from incidents.api.filters import IncidentListParams
from incidents.api.serializers import IncidentCreateSerializer, IncidentSerializer
from servicedesk.api.viewsets import TenantViewSet
from servicedesk.tenancy.documents import SCOPE_ADMIN

ID_PARAMETER = OpenApiParameter(
    "id",
    str,
    OpenApiParameter.PATH,
    description="The incident id (24 hex characters) or its display id such as `INCI-42`.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List incidents",
        description=(
            "This endpoint is used to fetch all the incidents in the current organization. "
            "The body is a JSON array; the total is in `X-Total-Count` and the neighbour "
            "pages in `Link`. Deleted incidents are listed only with `deleted=true` "
            "(admin keys)."
        ),
        parameters=[IncidentListParams],
    ),
    create=extend_schema(
        summary="Create an incident",
        description="This endpoint is used to save a new incident for the current organization.",
        request=IncidentCreateSerializer,
        responses={201: IncidentSerializer},
    ),
    retrieve=extend_schema(
        summary="Read an incident",
        description=(
            "This endpoint is used to fetch a incident details in the current organization. "
            "The `ETag` header carries the incident's version, for `If-Match` on edits."
        ),
        parameters=[ID_PARAMETER],
    ),
)
class IncidentViewSet(mixins.ListModelMixin, TenantViewSet):
    """Incidents of the caller's organization."""

    document = services.Incident
    serializer_class = IncidentSerializer
    lookup_value_regex = r"[^/]+"

    def base_queryset(self):
        return self.document.objects(is_deleted=False)

    def lookup_filter(self, value):
        return selectors.incident_lookup(value)

    def get_queryset(self):
        if self.action == "list":
            return selectors.incident_list(principal=self.principal, filters=self.list_filters)
        return super().get_queryset().exclude("history")

    def list(self, request, *args, **kwargs):
        params = IncidentListParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        self.list_filters = params.validated_data
        if self.list_filters.get("deleted") and not self.principal.has_scope(SCOPE_ADMIN):
            raise PermissionDenied(
                "Listing the trash needs an admin key.", code="insufficient_scope"
            )
        return super().list(request, *args, **kwargs)

    def create(self, request):
        body = IncidentCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        incident = services.incident_create(principal=self.principal, data=body.validated_data)
        return Response(IncidentSerializer(incident).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, id=None):
        incident = self.get_object()
        response = Response(IncidentSerializer(incident).data)
        response["ETag"] = f'"{incident.version}"'
        return response
