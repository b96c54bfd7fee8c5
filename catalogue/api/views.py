"""`services/`, `custom-fields/`, `templates/`, `picklists/{name}/` and `priority-matrix/`
of the organization configuration (`/ux/sd/org/`)."""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from catalogue import selectors, services
from catalogue.api.serializers import (
    CustomFieldInput,
    CustomFieldSerializer,
    PicklistSerializer,
    PriorityMatrixSerializer,
    ServiceInput,
    ServiceSerializer,
    TemplateInput,
    TemplateSerializer,
)
from catalogue.documents import PICKLISTS, CustomField, Service, Template
from servicedesk.api.config import WRITE_NOTE, ConfigViewSet, admin_to_write
from servicedesk.api.config import configuration_schema as schema


@schema(
    resource="services",
    tag="services",
    singular="service",
    plural="services",
    request=ServiceInput,
    response=ServiceSerializer,
    example={
        "name": "Email",
        "description": "Mailboxes and lists",
        "classifications": [{"name": "Mailbox full"}, {"id": 7, "name": "Spam"}],
        "default_group_id": None,
    },
    description="The service catalogue: what incidents are about (`impact_service`) and "
    "their classifications (`service_classification`); a service's `default_group_id` "
    "routes incidents created without a group.",
)
class ServiceViewSet(ConfigViewSet):
    document = Service
    serializer_class = ServiceSerializer
    input_class = ServiceInput
    entity = "service"
    create_with = staticmethod(services.service_create)
    update_with = staticmethod(services.service_update)
    delete_with = staticmethod(services.service_delete)


@schema(
    resource="custom_fields",
    tag="custom fields",
    singular="custom field",
    plural="custom fields",
    request=CustomFieldInput,
    response=CustomFieldSerializer,
    example={
        "key": "cost_center",
        "label": "Cost center",
        "type": "select",
        "required": True,
        "options": ["R&D", "Sales"],
        "incident_type_ids": [2],
    },
    description="Fields an incident carries in `custom_field_data` beyond the standard "
    "ones, validated against these definitions. Sorted by key.",
)
class CustomFieldViewSet(ConfigViewSet):
    document = CustomField
    serializer_class = CustomFieldSerializer
    input_class = CustomFieldInput
    entity = "custom_field"
    ordering = ("key", "id")
    create_with = staticmethod(services.custom_field_create)
    update_with = staticmethod(services.custom_field_update)
    delete_with = staticmethod(services.custom_field_delete)


@schema(
    resource="templates",
    tag="templates",
    singular="template",
    plural="templates",
    request=TemplateInput,
    response=TemplateSerializer,
    example={
        "name": "VPN outage",
        "fields": {"summary": "VPN down", "urgency_id": 1, "support_group": "Network"},
    },
    description="Prefilled incidents: `template_id` on create fills every field the body "
    "does not give. References (group, agent, service, classification) are checked like an "
    "incident's and stored by id.",
)
class TemplateViewSet(ConfigViewSet):
    document = Template
    serializer_class = TemplateSerializer
    input_class = TemplateInput
    entity = "template"
    create_with = staticmethod(services.template_create)
    update_with = staticmethod(services.template_update)
    delete_with = staticmethod(services.template_delete)


NAME = OpenApiParameter("name", str, OpenApiParameter.PATH, enum=list(PICKLISTS))
PICKLIST_NOTE = (
    "A list never stored answers the defaults. PUT replaces the list: ids are positive and "
    "unique, names unique case-insensitively, and every entry the list had must stay "
    "(deactivate it with `active: false`): stored incidents keep their meaning."
)


class PicklistView(APIView):
    """One of the organization's picklists: resolution types, hold reasons, sources."""

    required_scope = property(admin_to_write)

    @extend_schema(
        operation_id="picklists_read",
        summary="Read a picklist",
        description=PICKLIST_NOTE,
        parameters=[NAME],
        responses=PicklistSerializer,
        tags=["picklists"],
    )
    def get(self, request, name):
        entries = selectors.picklist_of(organization_id=request.user.organization_id, name=name)
        return Response(PicklistSerializer({"name": name, "entries": entries}).data)

    @extend_schema(
        operation_id="picklists_replace",
        summary="Replace a picklist",
        description=f"{PICKLIST_NOTE}\n\n{WRITE_NOTE}",
        parameters=[NAME],
        request=PicklistSerializer,
        responses=PicklistSerializer,
        examples=[
            OpenApiExample(
                "Hold reasons",
                value={
                    "name": "hold_reasons",
                    "entries": [
                        {"id": 1, "name": "Awaiting Requester", "active": True},
                        {"id": 2, "name": "Awaiting Vendor", "active": False},
                        {"id": 8, "name": "Awaiting Change Window", "active": True},
                    ],
                },
                request_only=True,
            )
        ],
        tags=["picklists"],
    )
    def put(self, request, name):
        body = PicklistSerializer(data=request.data, context={"name": name})
        body.is_valid(raise_exception=True)
        entries = services.picklist_replace(
            organization_id=request.user.organization_id,
            name=name,
            entries=body.validated_data["entries"],
        )
        return Response(PicklistSerializer({"name": name, "entries": entries}).data)


def matrix_body(matrix: dict) -> dict:
    cells = [
        {"impact_id": impact, "urgency_id": urgency, "priority_id": priority}
        for (impact, urgency), priority in sorted(matrix.items())
    ]
    return PriorityMatrixSerializer({"cells": cells}).data


# The default matrix (API.md), as an example of a whole body.
EXAMPLE_MATRIX = {
    (1, 1): 1, (1, 2): 2, (1, 3): 3,
    (2, 1): 2, (2, 2): 3, (2, 3): 4,
    (3, 1): 3, (3, 2): 4, (3, 3): 5,
    (4, 1): 4, (4, 2): 5, (4, 3): 5,
}  # fmt: skip
MATRIX_NOTE = (
    "The priority of each impact x urgency pair. A matrix never stored answers the "
    "defaults. PUT gives every pair once, each with a known priority id."
)


class PriorityMatrixView(APIView):
    """The organization's priority matrix."""

    required_scope = property(admin_to_write)

    @extend_schema(
        operation_id="priority_matrix_read",
        summary="Read the priority matrix",
        description=MATRIX_NOTE,
        responses=PriorityMatrixSerializer,
        tags=["priority matrix"],
    )
    def get(self, request):
        return Response(
            matrix_body(selectors.matrix_of(organization_id=request.user.organization_id))
        )

    @extend_schema(
        operation_id="priority_matrix_replace",
        summary="Replace the priority matrix",
        description=f"{MATRIX_NOTE}\n\n{WRITE_NOTE}",
        request=PriorityMatrixSerializer,
        responses=PriorityMatrixSerializer,
        examples=[
            OpenApiExample(
                "Every pair",
                value={
                    "cells": [
                        {"impact_id": impact, "urgency_id": urgency, "priority_id": priority}
                        for (impact, urgency), priority in sorted(EXAMPLE_MATRIX.items())
                    ]
                },
                request_only=True,
            )
        ],
        tags=["priority matrix"],
    )
    def put(self, request):
        body = PriorityMatrixSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        matrix = services.priority_matrix_replace(
            organization_id=request.user.organization_id, cells=body.validated_data["cells"]
        )
        return Response(matrix_body(matrix))
