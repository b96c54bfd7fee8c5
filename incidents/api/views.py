"""Incident routes: HTTP in, service or selector call, serializer out."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from incidents import selectors, services
from incidents.api.actions import IncidentActionsMixin
from incidents.api.edits import IncidentUpdateInput
from incidents.api.filters import IncidentListParams, IncidentReadParams, only_fields
from incidents.api.inputs import HistoryOut
from incidents.api.serializers import IncidentCreateSerializer, IncidentSerializer
from incidents.representation import LIST_FIELDS, incident_data, incidents_data
from servicedesk.api.conditional import IF_MATCH, if_match_version, not_modified, with_etag
from servicedesk.api.openapi import register_sparse_component, sends
from servicedesk.api.pagination import HeaderPagination
from servicedesk.api.query import PageQuery
from servicedesk.api.responses import created
from servicedesk.api.viewsets import TenantViewSet
from servicedesk.errors import DomainError, NotFound, PreconditionFailed
from servicedesk.tenancy.documents import SCOPE_ADMIN

ID_PARAMETER = OpenApiParameter(
    "id",
    str,
    OpenApiParameter.PATH,
    description="The incident id (24 hex characters) or its display id such as `INCI-42`.",
)
UPDATE_DESCRIPTION = (
    "This endpoint is used to edit an existing incident for the current organization. "
    "Only fields that differ from the stored incident are written, each with a history "
    "entry, so concurrent edits of different fields both survive. Read-only fields "
    "(ids, times, actor ids, `close_info`, `display_id`, `basic_info.incident_type`, "
    "`source_info`) are ignored. The state follows the status and the priority follows "
    "impact x urgency (a priority that you change must agree with them). A status change "
    "obeys the workflow: On Hold needs `config.hold_config.reason`, Resolved needs "
    "`basic_info.resolution_type` and `closure_note`, Cancelled and reopening need `reason`. "
    "The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, "
    "`requester_email`, ...) are taken too, each for the field of the representation it "
    "names (`hold_reason` sets `config.hold_config.reason`, keeping the rest of "
    "`hold_config`); a body giving both forms of one field with different values is a 400 "
    "(`mismatch`). A field the body does not have is a 400 (`unknown_field`), one error "
    "per field. Errors name fields as the body did: `hold_reason` when it used flat names, "
    "`config.hold_config.reason` when it used the representation's."
)

# `fields=` answers only some fields of an incident; `incident_id` is always there.
register_sparse_component("Incident", always=("incident_id",))

# PUT and PATCH take the same body and answer the same way.
EDIT_SCHEMA = {
    "description": UPDATE_DESCRIPTION,
    "parameters": [ID_PARAMETER, IF_MATCH],
    "request": IncidentUpdateInput,
    "responses": {200: IncidentSerializer},
}


@extend_schema_view(
    list=extend_schema(
        summary="List incidents",
        description=(
            "This endpoint is used to fetch all the incidents in the current organization. "
            "The body is a JSON array, newest first unless `sort_key`/`sort_order` say "
            "otherwise; the total is in `X-Total-Count` and the neighbour pages in `Link`. "
            'Deep lists page faster by `cursor` (empty to start, then `Link: rel="next"`). '
            "`q` is literal text searched in summary, description and display id. "
            "Deleted incidents are listed only with `deleted=true` (admin keys). "
            "Several sort keys: `sort_key=-priority_id,creation_time`; several values of an "
            "id filter: `status_id=1,2,3` (any of them); `fields=` answers only some "
            "top-level fields of each incident."
        ),
        parameters=[IncidentListParams],
    ),
    create=extend_schema(
        summary="Create an incident",
        description=(
            "This endpoint is used to save a new incident for the current organization. "
            "Takes the listing's flat body; answers 201 with the stored incident."
        ),
        request=IncidentCreateSerializer,
        responses={201: IncidentSerializer},
    ),
    retrieve=extend_schema(
        extensions=sends("ETag"),
        summary="Read an incident",
        description=(
            "This endpoint is used to fetch a incident details in the current organization. "
            "The `ETag` header carries the incident's version, for `If-Match` on edits. "
            "`fields=` answers only some top-level fields."
        ),
        parameters=[ID_PARAMETER, IncidentReadParams],
    ),
    update=extend_schema(summary="Replace an incident", **EDIT_SCHEMA),
    partial_update=extend_schema(summary="Change part of an incident", **EDIT_SCHEMA),
    destroy=extend_schema(
        summary="Delete an incident (to the trash)",
        description=(
            "This endpoint is used to delete an existing incident for the current "
            "organization. It moves to the trash: no longer listed or readable, its "
            "conversations and attachments kept, restorable with `restore_incident/`."
        ),
        parameters=[ID_PARAMETER],
    ),
)
class IncidentViewSet(IncidentActionsMixin, mixins.ListModelMixin, TenantViewSet):
    """Incidents of the caller's organization."""

    schema_resource = schema_tag = "incidents"
    cursor_paging = True  # its sort ends with display_number, unique in an organization
    cursor_never_null = selectors.NEVER_NULL_SORT_FIELDS  # a cursor's range bound is exact

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
        fields = self.list_filters.pop("fields", None)
        # display_number: the sort's tie-breaker, which a cursor carries
        queryset = self.get_queryset().only(*LIST_FIELDS, "display_number").as_pymongo()
        page = incidents_data(self.paginate_queryset(queryset))
        return self.get_paginated_response([only_fields(item, fields) for item in page])

    def create(self, request):
        filled = services.incident_template_fill(principal=self.principal, body=request.data)
        body = IncidentCreateSerializer(data=filled)
        body.is_valid(raise_exception=True)
        incident = services.incident_create(principal=self.principal, data=body.validated_data)
        response = created(
            incident_data(incident), request=request, url_name="incident-detail", id=incident.id
        )
        return with_etag(response, incident)

    def retrieve(self, request, id=None):
        params = IncidentReadParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        raw = self.get_queryset().filter(**self.lookup_filter(id)).as_pymongo().first()
        if raw is None:
            raise NotFound
        etag = f'"{raw["version"]}"'
        unchanged = not_modified(request, etag)
        if unchanged is not None:
            return unchanged
        response = Response(only_fields(incident_data(raw), params.validated_data.get("fields")))
        response["ETag"] = etag
        return response

    def update(self, request, id=None, partial=False):
        expected = if_match_version(request)
        incident = self.get_object()
        if expected is not None and incident.version != expected:
            raise PreconditionFailed()
        body = IncidentUpdateInput(incident, data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        extra = {name: data.pop(name) for name in ("closure_note", "reason") if name in data}
        try:
            stored = services.incident_update(
                principal=self.principal,
                incident=incident,
                data=data,
                extra=extra,
                expected_version=expected,
            )
        except DomainError as exc:
            raise body.rename_error(exc) from None
        return with_etag(Response(incident_data(stored)), stored)

    def partial_update(self, request, id=None):
        return self.update(request, id=id, partial=True)

    def destroy(self, request, id=None):
        services.incident_delete(principal=self.principal, incident=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="History of an incident",
        description=(
            "Every change: actor key id, time, action, field, old and new value; "
            "newest first, paginated like the list."
        ),
        parameters=[ID_PARAMETER],
        responses={200: HistoryOut(many=True)},
    )
    @action(detail=True, methods=["get"], pagination_class=HeaderPagination)
    def history(self, request, id=None):
        PageQuery(data=request.query_params).is_valid(raise_exception=True)
        entries = selectors.incident_history(principal=self.principal, incident=self.get_object())
        page = self.paginate_queryset(ListPage(entries))
        return self.get_paginated_response(HistoryOut(page, many=True).data)


class ListPage(list):
    """A list that answers `count()` like a queryset, for the paginator."""

    def count(self, *args):  # type: ignore[override]
        return len(self)
