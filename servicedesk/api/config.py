"""The base of the organization-configuration resources under `/ux/sd/org/`.

Agents, groups, services, custom fields and templates behave alike: a paged
list sorted by name, create (201), read, PUT (every field; omitted optional
ones take their defaults), PATCH (only the fields given), DELETE (204, which
deactivates what is referred to). Read keys read; writes need an admin key.
A resource declares its document, its serializers and its three services;
`configuration_schema` documents it.
"""

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import permissions, status
from rest_framework.response import Response

from servicedesk.api.query import PageQuery
from servicedesk.api.schema import ApiErrorSerializer
from servicedesk.api.viewsets import TenantViewSet
from servicedesk.tenancy.documents import SCOPE_ADMIN

ID = OpenApiParameter("id", str, OpenApiParameter.PATH)
WRITE_NOTE = "Needs an `admin` key."
DELETE_NOTE = (
    "Deletes it, or, when incidents or other configuration refer to it, deactivates it "
    "(`active: false`) instead, so that what refers to it keeps reading as before. "
    "Either way the answer is 204. Needs an `admin` key."
)


def admin_to_write(view) -> str | None:
    """The scope a configuration request needs beyond the method's default (HasScope)."""
    return None if view.request.method in permissions.SAFE_METHODS else SCOPE_ADMIN


class ConfigViewSet(TenantViewSet):
    """A configuration resource of the caller's organization.

    Subclasses set `document`, `serializer_class` (the output), `input_class`,
    `entity` (the keyword its services name the object by) and the services:
    `create_with(organization_id=, data=)`, `update_with(<entity>=, data=)` and
    `delete_with(<entity>=)`, as staticmethods. `output_context(objects)` gives the
    output serializer what it needs beyond the documents (one query for a page).
    """

    input_class = None
    entity = ""
    ordering = ("name_key", "id")
    create_with = update_with = delete_with = None

    @property
    def required_scope(self):
        return admin_to_write(self)

    def output_context(self, objects: list) -> dict:
        return {}

    def output(self, objects, *, many: bool = False):
        context = self.output_context(list(objects) if many else [objects])
        return self.serializer_class(objects, many=many, context=context).data

    def validated(self, request, *, partial: bool = False) -> dict:
        body = self.input_class(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        return body.validated_data

    def list(self, request):
        PageQuery(data=request.query_params).is_valid(raise_exception=True)
        page = self.paginate_queryset(self.get_queryset().order_by(*self.ordering))
        return self.get_paginated_response(self.output(page, many=True))

    def create(self, request):
        data = self.validated(request)
        created = self.create_with(organization_id=self.principal.organization_id, data=data)
        return Response(self.output(created), status=status.HTTP_201_CREATED)

    def retrieve(self, request, id=None):
        return Response(self.output(self.get_object()))

    def update(self, request, id=None, partial=False):
        current = self.get_object()
        data = self.validated(request, partial=partial)
        return Response(self.output(self.update_with(**{self.entity: current, "data": data})))

    def partial_update(self, request, id=None):
        return self.update(request, id=id, partial=True)

    def destroy(self, request, id=None):
        self.delete_with(**{self.entity: self.get_object()})
        return Response(status=status.HTTP_204_NO_CONTENT)


def configuration_schema(
    *,
    resource: str,
    tag: str,
    singular: str,
    plural: str,
    request,
    response,
    example: dict,
    description: str,
    delete_conflict: str = "",
):
    """`extend_schema_view` of a ConfigViewSet: short operation ids like the incident
    routes' (`<resource>_list`, `_create`, `_read`, `_replace` for PUT, `_update` for
    PATCH, `_delete`), the resource's tag (declared in SPECTACULAR_SETTINGS["TAGS"]),
    summaries, examples. `delete_conflict`: when a delete may be refused (409), why."""
    article = "an" if singular[0] in "aeiou" else "a"
    examples = [OpenApiExample(f"A new {singular}", value=example, request_only=True)]

    def write(summary: str, verb: str, **kwargs):
        return extend_schema(
            operation_id=f"{resource}_{verb}",
            summary=summary,
            description=f"{description}\n\n{WRITE_NOTE}",
            request=request,
            responses={kwargs.pop("answer", 200): response},
            tags=[tag],
            **kwargs,
        )

    return extend_schema_view(
        list=extend_schema(
            operation_id=f"{resource}_list",
            summary=f"List {plural}",
            description=f"{description}\n\nPaged like incidents, sorted by name.",
            tags=[tag],
        ),
        create=write(f"Create {article} {singular}", "create", answer=201, examples=examples),
        retrieve=extend_schema(
            operation_id=f"{resource}_read",
            summary=f"Read {article} {singular}",
            description=description,
            parameters=[ID],
            tags=[tag],
        ),
        update=write(
            f"Replace {article} {singular}", "replace", parameters=[ID], examples=examples
        ),
        partial_update=write(f"Change {article} {singular}", "update", parameters=[ID]),
        destroy=extend_schema(
            operation_id=f"{resource}_delete",
            summary=f"Delete (or deactivate) {article} {singular}",
            description=DELETE_NOTE,
            parameters=[ID],
            responses={
                204: None,
                **(
                    {409: OpenApiResponse(ApiErrorSerializer, description=delete_conflict)}
                    if delete_conflict
                    else {}
                ),
            },
            tags=[tag],
        ),
    )
