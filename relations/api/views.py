"""Merge and relation routes: HTTP in, a service call, the answer out."""

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import status
from rest_framework.response import Response
from rest_framework.viewsets import ViewSet

from incidents import public as incidents
from relations.api import serializers
from relations.services.links import relation_add, relation_remove
from relations.services.merge import merge_incidents
from servicedesk.api.openapi import example_markdown

TAG = "merges and relations"
ID_PARAMETER = OpenApiParameter(
    "id", str, OpenApiParameter.PATH, description="The incident id or its display id."
)
OTHER_PARAMETER = OpenApiParameter(
    "other", str, OpenApiParameter.PATH, description="The related incident's id or display id."
)

MERGE_DESCRIPTION = (
    "Fold duplicate incidents (`sources`, ids or display ids, at most 100) into one "
    "(`target`). Answered like the bulk actions: 200 with one result per source, in the "
    "order given; one refused source spoils none of the others.\n\n"
    "Each merged source is closed (status Closed) with resolution `Duplicate`, its "
    "`close_info.merged_into` naming the target, and its conversations and attachments "
    "move to the target, each marked with `merged_from` (the incident it came from). The "
    "target gets `is_merge_incident: true`, a `reference[]` entry per source (`type` "
    "`merged`), the sources' requesters as watchers (up to 100 watchers), a history "
    "entry per source and a public reply recording the merge (addressed to its "
    "requester). Events: `incident.merged` (target), `incident.closed` (each source).\n\n"
    "Refused per source: the target itself (400 `same_as_target`), a source named twice "
    "(400 `duplicate`), a closed or cancelled source (409 `source_closed`), one in the "
    "trash (409 `source_deleted`), one already merged or being merged by another call "
    "(409 `already_merged`), an unknown or another organization's incident (404). A "
    "target that is unknown is 404; Closed, Cancelled or in the trash refuses the whole "
    "call (409 `target_closed`, `target_deleted`).\n\n"
    "Safe to retry: the same call (same target and sources) resumes a merge that was "
    "interrupted, and answers a finished one's results again; concurrent merges of "
    "overlapping sets merge each source exactly once."
)

MERGE_EXAMPLES = [
    OpenApiExample(
        "Merge two duplicates",
        request_only=True,
        value={
            "target": "INCI-40",
            "sources": ["INCI-41", "665f1c2ab9e1d4a0c3f2a002"],
            "note": "Same VPN outage.",
        },
    ),
]

MERGE_ANSWER_EXAMPLE = example_markdown(
    "Merged, one refused",
    {
        "target": {
            "incident_id": "665f1c2ab9e1d4a0c3f2a001",
            "display_id": "INCI-40",
            "is_merge_incident": True,
            "reference": [
                {
                    "type": "merged",
                    "incident_id": "665f1c2ab9e1d4a0c3f2a003",
                    "display_id": "INCI-41",
                    "summary": "VPN down",
                }
            ],
        },
        "results": [
            {
                "incident_id": "INCI-41",
                "ok": True,
                "incident": {
                    "incident_id": "665f1c2ab9e1d4a0c3f2a003",
                    "display_id": "INCI-41",
                    "close_info": {
                        "resolution_type": "Duplicate",
                        "merged_into": {
                            "incident_id": "665f1c2ab9e1d4a0c3f2a001",
                            "display_id": "INCI-40",
                        },
                    },
                },
            },
            {
                "incident_id": "665f1c2ab9e1d4a0c3f2a002",
                "ok": False,
                "error": {
                    "status": 409,
                    "code": "source_closed",
                    "detail": "This incident is Closed: it cannot be merged.",
                    "attr": "sources.1",
                },
            },
        ],
    },
)

RELATION_DESCRIPTION = (
    "Relate this incident to another: `type` is what the other incident is to this one "
    "(`parent`, `child` or `related`). The relation shows in `reference[]` on both "
    "(a parent on one side is a child on the other), each entry with `type`, "
    "`incident_id`, `display_id`, `summary` and `status` (the other incident's status when "
    "the relation was last written; a parent's resolve brings its children's up to date). "
    "An incident has at most one parent (409 `has_parent`), at most 1,000 children (409 "
    "`too_many_children`) and 100 related incidents (409 `too_many_related`); a relation "
    "that would make a cycle is 400 `cycle`. Adding a relation that exists changes "
    "nothing. Resolving a parent with `inci_resolve/` resolves its open children. Answers "
    "200 with this incident."
)


class MergeViewSet(ViewSet):
    """`incident/merge/`."""

    schema_resource = schema_tag = TAG

    @extend_schema(
        operation_id="incidents_merge",
        tags=[TAG],
        summary="Merge duplicate incidents into one",
        description=MERGE_DESCRIPTION + MERGE_ANSWER_EXAMPLE,
        request=serializers.MergeInput,
        responses={200: serializers.MergeOut},
        examples=MERGE_EXAMPLES,
    )
    def create(self, request):
        body = serializers.MergeInput(data=request.data)
        body.is_valid(raise_exception=True)
        outcome = merge_incidents(
            principal=request.user,
            target_ref=body.validated_data["target"],
            source_refs=body.validated_data["sources"],
            note=body.validated_data.get("note", ""),
        )
        return Response({"target": outcome.target, "results": outcome.results})


class RelationViewSet(ViewSet):
    """`incident/{id}/relations/` and `incident/{id}/relations/{other}/`."""

    schema_resource = schema_tag = TAG

    def incident(self, ref: str):
        return incidents.incident_get(principal=self.request.user, value=ref)

    @extend_schema(
        operation_id="incidents_relation_add",
        tags=[TAG],
        summary="Relate an incident to another (parent, child, related)",
        description=RELATION_DESCRIPTION,
        parameters=[ID_PARAMETER],
        request=serializers.RelationInput,
        responses={
            200: OpenApiResponse(
                response={"$ref": "#/components/schemas/Incident"},
                description="This incident, with the relation in `reference[]`.",
            )
        },
        examples=[
            OpenApiExample(
                "Make INCI-40 the parent",
                request_only=True,
                value={"type": "parent", "incident": "INCI-40"},
            )
        ],
    )
    def create(self, request, id=None):
        body = serializers.RelationInput(data=request.data)
        body.is_valid(raise_exception=True)
        stored = relation_add(
            principal=request.user,
            incident=self.incident(id),
            kind=body.validated_data["type"],
            other_ref=body.validated_data["incident"],
        )
        return Response(incidents.incident_data(stored))

    @extend_schema(
        operation_id="incidents_relation_remove",
        tags=[TAG],
        summary="Remove the relation between two incidents",
        description=(
            "Removes every relation (parent, child, related) between this incident and "
            "`other`, on both sides: 204. 404 when there is none."
        ),
        parameters=[ID_PARAMETER, OTHER_PARAMETER],
        responses={204: None},
    )
    def destroy(self, request, id=None, other=None):
        relation_remove(principal=request.user, incident=self.incident(id), other_ref=other)
        return Response(status=status.HTTP_204_NO_CONTENT)
