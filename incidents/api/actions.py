"""The listing's actions on the incident collection (`incident/<action>/`)."""

from urllib.parse import urlencode

from django.http import Http404
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework.decorators import action
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.response import Response

from incidents import choices, selectors, services, transitions
from incidents.api import inputs
from incidents.detail import detail_sections
from incidents.representation import incident_data
from servicedesk.api.bulk import run_bulk, with_errors_rendered
from servicedesk.api.openapi import example_markdown
from servicedesk.api.responses import created
from servicedesk.api.schema import ApiErrorSerializer
from servicedesk.errors import Conflict
from servicedesk.richtext import to_text
from servicedesk.tenancy.documents import SCOPE_ADMIN, SCOPE_READ
from servicedesk.webhooks.api.serializers import RetryResults
from servicedesk.webhooks.services import retry_deliveries

BULK = (
    "Takes `incident_ids` (ids or display ids, at most 500) or a single `incident_id`; "
    "answers 200 with one result per id, in the order given. Each incident is changed "
    "by one atomic compare-and-set: one bad id never spoils the others, and nothing is "
    "half-applied."
)


TAG = "incident actions"

RESOLVE_PARENT_EXAMPLE = example_markdown(
    "Resolve a parent and its children",
    {
        "results": [
            {
                "incident_id": "INCI-40",
                "ok": True,
                "incident": {"incident_id": "665f1c2ab9e1d4a0c3f2a001", "display_id": "INCI-40"},
                "children": [
                    {
                        "incident_id": "665f1c2ab9e1d4a0c3f2a002",
                        "display_id": "INCI-41",
                        "ok": True,
                        "status": "Resolved",
                    },
                    {
                        "incident_id": "665f1c2ab9e1d4a0c3f2a003",
                        "display_id": "INCI-42",
                        "ok": False,
                        "status": "On Hold",
                        "error": {
                            "status": 409,
                            "code": "busy",
                            "detail": "The incident is being changed by others; try again.",
                            "attr": None,
                        },
                    },
                ],
            }
        ]
    },
)


def bulk_schema(operation_id: str, summary: str, request, description: str):
    return extend_schema(
        operation_id=operation_id,
        tags=[TAG],
        summary=summary,
        description=f"{description} {BULK}",
        request=request,
        responses={200: inputs.BulkResults},
    )


def query_param(name: str, description: str, required: bool = True) -> OpenApiParameter:
    return OpenApiParameter(name, str, OpenApiParameter.QUERY, required, description=description)


class IncidentActionsMixin:
    """Bulk workflow actions and the read-only helpers a helpdesk frontend needs."""

    # --- helpers ------------------------------------------------------------

    def read_body(self, serializer_class):
        if not self.request.body:  # `{}` names no incident; no body at all is a mistake
            raise ParseError("A JSON body is required.", code="required")
        body = serializer_class(data=self.request.data)
        body.is_valid(raise_exception=True)
        return body.validated_data

    def read_query(self, serializer_class):
        query = serializer_class(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return query.validated_data

    def scoped_incident(self, ref: str):
        return selectors.incident_get(principal=self.principal, value=ref)

    def bulk(self, refs, act, *, deleted: bool | None = False, render=None):
        """Run `act(incident)` per ref (one lookup query for all); render the results."""
        found = selectors.incidents_by_refs(principal=self.principal, refs=refs, deleted=deleted)

        def one(ref):
            if ref not in found:
                raise Http404
            return act(found[ref])

        def render_incident(incident):
            return {"incident": incident_data(incident)} if incident is not None else {}

        return Response({"results": run_bulk(refs, one, render or render_incident)})

    # --- workflow -----------------------------------------------------------

    @extend_schema(
        operation_id="incidents_resolve",
        tags=[TAG],
        summary="Resolve incidents",
        description=(
            "Resolve: `resolution_type` and `closure_note` are required; records who and "
            "when. Resolving a parent incident also resolves its open children with the "
            "same resolution type and a closure note naming the parent; the parent's "
            f"result lists each of them in `children` (ok, or why it could not move). {BULK}"
            f"{RESOLVE_PARENT_EXAMPLE}"
        ),
        request=inputs.ResolveInput,
        responses={200: inputs.ResolveResults},
    )
    @action(detail=False, methods=["post"])
    def inci_resolve(self, request):
        body = self.read_body(inputs.ResolveInput)

        def resolve(incident):
            stored = services.incident_resolve(
                principal=self.principal,
                incident=incident,
                resolution_type=body["resolution_type"],
                closure_note=body["closure_note"],
            )
            return stored, services.resolve_followers(principal=self.principal, incident=stored)

        def render(outcome):
            stored, follows = outcome
            return {"incident": incident_data(stored), **follows}

        return self.bulk(body["refs"], resolve, render=render)

    @bulk_schema(
        "incidents_reopen",
        "Reopen resolved incidents",
        inputs.ReopenInput,
        "Reopen a Resolved incident: `reason` is required; counts reopens; "
        "the incident goes back to In Progress.",
    )
    @action(detail=False, methods=["post"])
    def inci_reopen(self, request):
        body = self.read_body(inputs.ReopenInput)
        return self.bulk(
            body["refs"],
            lambda incident: services.incident_reopen(
                principal=self.principal, incident=incident, reason=body["reason"]
            ),
        )

    @bulk_schema(
        "incidents_close",
        "Close or cancel incidents",
        inputs.CloseInput,
        "Close Resolved incidents (`closure_note` optional), or cancel open ones "
        "(`reason` required). Closed and Cancelled are final.",
    )
    @action(detail=False, methods=["post"])
    def close_inci_request(self, request):
        body = self.read_body(inputs.CloseInput)
        return self.bulk(
            body["refs"],
            lambda incident: services.incident_close_or_cancel(
                principal=self.principal,
                incident=incident,
                closure_note=body.get("closure_note", ""),
                reason=body.get("reason", ""),
            ),
        )

    @bulk_schema(
        "incidents_delete_many",
        "Delete incidents",
        inputs.DeleteInput,
        "Move incidents to the trash (restorable), or with `permanent: true` (admin keys) "
        "delete them for good, from the trash too.",
    )
    @action(detail=False, methods=["post"])
    def delete_incident(self, request):
        body = self.read_body(inputs.DeleteInput)
        permanent = body["permanent"]
        if permanent and not self.principal.has_scope(SCOPE_ADMIN):
            raise PermissionDenied(
                "Permanent deletes need an admin key.", code="insufficient_scope"
            )

        def delete(incident):
            services.incident_delete(
                principal=self.principal, incident=incident, permanent=permanent
            )

        return self.bulk(body["refs"], delete, deleted=None if permanent else False)

    @bulk_schema(
        "incidents_restore",
        "Restore incidents from the trash",
        inputs.IncidentRefs,
        "Restore deleted incidents: they are listed and readable again.",
    )
    @action(detail=False, methods=["post"])
    def restore_incident(self, request):
        body = self.read_body(inputs.IncidentRefs)
        return self.bulk(
            body["refs"],
            lambda incident: services.incident_restore(principal=self.principal, incident=incident),
            deleted=True,
        )

    @extend_schema(
        operation_id="incidents_retry_deliveries",
        tags=[TAG],
        summary="Retry failed outbound API calls",
        description=(
            "Queues to be sent again, now, the webhook deliveries not yet delivered (failed, "
            "or pending a retry) of the given incidents (`incident_ids`), or the given "
            "deliveries (`delivery_ids`), at most 100 per call (`remaining` tells how many are "
            "left). Nothing is sent inside the request: the delivery job sends what is queued "
            "(several at once, a few per receiver) and the delivery log shows the outcome. "
            "Each delivery counts once however often it is named. One result per delivery: "
            "`ok` and `queued`, its `status`, `attempt_count` and `next_attempt_at` (now, or "
            "later while its endpoint keeps failing and is slowed down). A failed delivery "
            "gets one more attempt; none gets more than the configured cap of attempts in "
            "all (409 `attempts_exhausted`); an already delivered one is 409 "
            "`already_delivered`; an unknown id is a failed result with status 404."
        ),
        request=inputs.RetryInput,
        responses={200: RetryResults},
    )
    @action(detail=False, methods=["post"])
    def bulk_retry_api(self, request):
        body = self.read_body(inputs.RetryInput)
        refs = body.get("incident_ids", [])
        found = selectors.incidents_by_refs(principal=self.principal, refs=refs, deleted=None)
        results, remaining = retry_deliveries(
            principal=self.principal,
            incidents=[(ref, found[ref].id if ref in found else None) for ref in refs],
            delivery_refs=body.get("delivery_ids", []),
        )
        queued = sum(1 for result in results if result.get("queued"))
        return Response(
            {"results": with_errors_rendered(results), "queued": queued, "remaining": remaining}
        )

    @extend_schema(
        methods=["GET"],
        operation_id="incidents_feedback_list",
        tags=[TAG],
        summary="Feedback of an incident",
        description="The requester's satisfaction feedback for an incident (`?incident_id=`), "
        "newest first.",
        parameters=[inputs.IncidentQuery],
        responses={200: inputs.FeedbackOut(many=True)},
    )
    @extend_schema(
        methods=["POST"],
        operation_id="incidents_feedback_create",
        tags=[TAG],
        summary="Give feedback on a resolution",
        description=(
            "Rating 1..5 and an optional comment, for a Resolved or Closed incident (409 "
            "`not_resolved` otherwise), once per resolution (409 `feedback_exists`; after a "
            "reopen and a new resolution one more is allowed). Recorded in the history."
        ),
        request=inputs.FeedbackInput,
        responses={201: inputs.FeedbackOut},
    )
    @action(detail=False, methods=["get", "post"], pagination_class=None)
    def feedback(self, request):
        if request.method == "POST":
            body = self.read_body(inputs.FeedbackInput)
            given = services.feedback_submit(
                principal=self.principal,
                incident=self.scoped_incident(body["incident_id"]),
                rating=body["rating"],
                comment=body.get("comment", ""),
            )
            query = f"?{urlencode({'incident_id': given.incident_id})}"
            return created(
                inputs.FeedbackOut(given).data,
                request=request,
                url_name="incident-feedback",
                query=query,
            )
        query = self.read_query(inputs.IncidentQuery)
        incident = self.scoped_incident(query["incident_id"])
        found = services.feedback_for(principal=self.principal, incident=incident)
        return Response(inputs.FeedbackOut(found, many=True).data)

    # --- reads ----------------------------------------------------------------

    @extend_schema(
        operation_id="incidents_workflow_status",
        tags=[TAG],
        summary="Workflow status",
        description=(
            "For one incident (`incident_id`) or one status (`status_id`): the current status "
            "and the allowed next ones, with the fields each needs. Both: the incident's, "
            "if it is still in that status (409 `status_changed` otherwise). Neither: "
            "those of New, the status incidents start in."
        ),
        parameters=[inputs.WorkflowStatusQuery],
        responses={
            200: inputs.WorkflowStatusOut,
            409: OpenApiResponse(
                ApiErrorSerializer, description="The incident is no longer in `status_id`."
            ),
        },
    )
    @action(detail=False, methods=["get"])
    def workflow_status(self, request):
        query = self.read_query(inputs.WorkflowStatusQuery)
        out = {}
        status_id = query.get("status_id", choices.STATUS_NEW)
        if "incident_id" in query:
            incident = self.scoped_incident(query["incident_id"])
            out["incident_id"] = str(incident.id)
            if "status_id" in query and incident.basic_info.status_id != status_id:
                raise Conflict(
                    f"The incident is now {incident.basic_info.status}, not status {status_id}.",
                    code="status_changed",
                )
            status_id = incident.basic_info.status_id
        return Response({**out, **workflow_of(status_id)})

    @extend_schema(
        operation_id="incidents_workflow_options",
        tags=[TAG],
        summary="Next statuses of several incidents",
        description=(
            "For a list of incidents (`incident_ids`, at most 500), the statuses each may "
            "move to next. Reads only: a read key may call it."
        ),
        request=inputs.IncidentRefs,
        responses={200: inputs.WorkflowOptionsOut},
    )
    @action(detail=False, methods=["post"], required_scope=SCOPE_READ)
    def workflow_options_map(self, request):
        body = self.read_body(inputs.IncidentRefs)
        found = selectors.incidents_by_refs(principal=self.principal, refs=body["refs"])

        def one(ref):
            if ref not in found:
                raise Http404
            status_id = found[ref].basic_info.status_id
            return {"status_id": status_id, "allowed": workflow_of(status_id)["allowed"]}

        return Response({"results": run_bulk(body["refs"], one, lambda data: data)})

    @extend_schema(
        operation_id="incidents_impacted_assets",
        tags=[TAG],
        summary="Impacted assets of an incident",
        description="The incident's impacted assets (`?incident_id=`), as stored: objects "
        "with at least a `name` when one was given.",
        parameters=[inputs.IncidentQuery],
        responses={200: {"type": "array", "items": inputs.IMPACTED_ASSET}},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def impacted_asset(self, request):
        query = self.read_query(inputs.IncidentQuery)
        return Response(self.scoped_incident(query["incident_id"]).impacted_asset)

    @extend_schema(
        operation_id="incidents_requester_search",
        tags=[TAG],
        summary="Search requesters",
        description=(
            "Requesters of the organization whose name, email or phone contains `q` "
            "(literal text), exact and prefix matches first; at most `limit` (1..50). "
            "The directory is kept from incidents by the job `incidents.requester_directory` "
            "(every 3 s): a requester first named by a create or an edit appears within "
            "seconds, not in the same instant."
        ),
        parameters=[inputs.RequesterSearchQuery],
        responses={200: inputs.RequesterOut(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def requester_search(self, request):
        query = self.read_query(inputs.RequesterSearchQuery)
        found = selectors.requester_search(
            principal=self.principal, q=query["q"], limit=query["limit"]
        )
        return Response(inputs.RequesterOut(found, many=True).data)

    @extend_schema(
        operation_id="incidents_options",
        tags=[TAG],
        summary="Form options",
        description=(
            "Every option list a form needs, in one request: states, statuses, urgencies, "
            "impacts, priorities and types, and the organization's own configuration "
            "(/ux/sd/org/): its priority matrix, sources, resolution types and hold reasons, "
            "support groups, agents, services with their classifications, custom fields "
            "and templates; and the tags in use."
        ),
        responses={200: inputs.OptionsOut},
    )
    @action(detail=False, methods=["get"], url_path="options", url_name="options")
    def form_options(self, request):
        return Response(selectors.form_options(principal=self.principal))

    @extend_schema(
        operation_id="incidents_save_rich_text",
        tags=[TAG],
        summary="Store a rich-text field",
        description=(
            "Sanitizes `html` (scripts, event handlers, `javascript:` URLs and the like are "
            "removed) and stores it in `field` of the incident (`description` or "
            "`closure_note`); recorded in the history. Answers the stored HTML and its text."
        ),
        request=inputs.RichTextInput,
        responses={200: inputs.RichTextOut},
        examples=[
            OpenApiExample(
                "Description with a link",
                request_only=True,
                value={
                    "incident_id": "INCI-42",
                    "field": "description",
                    "html": '<p>VPN drops, see <a href="https://status.example.com">status</a>'
                    "<script>alert(1)</script></p>",
                },
            )
        ],
    )
    @action(detail=False, methods=["post"], url_path="save-rich-text", url_name="save-rich-text")
    def save_rich_text(self, request):
        body = self.read_body(inputs.RichTextInput)
        path = inputs.RICH_TEXT_FIELDS[body["field"]]
        incident = services.incident_rich_text_save(
            principal=self.principal,
            incident=self.scoped_incident(body["incident_id"]),
            path=path,
            html=body["html"],
        )
        return Response(rich_text_of(incident, body["field"], path))

    @extend_schema(
        operation_id="incidents_read_rich_text",
        tags=[TAG],
        summary="Read a rich-text field",
        description="A stored rich-text field of an incident (`?incident_id=&field=`) as "
        "sanitized HTML and as plain text.",
        parameters=[inputs.RichTextQuery],
        responses={200: inputs.RichTextOut},
    )
    @action(
        detail=False, methods=["get"], url_path="process-rich-text", url_name="process-rich-text"
    )
    def process_rich_text(self, request):
        query = self.read_query(inputs.RichTextQuery)
        path = inputs.RICH_TEXT_FIELDS[query["field"]]
        incident = self.scoped_incident(query["incident_id"])
        return Response(rich_text_of(incident, query["field"], path))

    @extend_schema(
        operation_id="incidents_detail",
        tags=[TAG],
        summary="Everything a detail page needs",
        description=(
            "The incident, its allowed next statuses, its conversation count and latest "
            "conversation, its attachments (first 100), its feedback and its recent "
            "history (newest first, at most 20) in one call."
        ),
        parameters=[
            OpenApiParameter(
                "ref",
                str,
                OpenApiParameter.PATH,
                description="The incident id (24 hex characters) or its display id.",
            )
        ],
        responses={200: inputs.IncidentDataOut},
    )
    @action(detail=False, methods=["get"], url_path=r"incident-data/(?P<ref>[^/]+)")
    def incident_data(self, request, ref=None):
        incident = self.scoped_incident(ref)
        history = selectors.incident_history(principal=self.principal, incident=incident)[:20]
        feedback = services.feedback_for(principal=self.principal, incident=incident)[:10]
        return Response(
            {
                "incident": incident_data(incident),
                "workflow": workflow_of(incident.basic_info.status_id),
                **detail_sections(request=request, principal=self.principal, incident=incident),
                "feedback": inputs.FeedbackOut(feedback, many=True).data,
                "recent_history": inputs.HistoryOut(history, many=True).data,
            }
        )


def rich_text_of(incident, field: str, path: str) -> dict:
    group, name = path.split(".")
    html = getattr(getattr(incident, group), name) or ""
    return {"incident_id": str(incident.id), "field": field, "html": html, "text": to_text(html)}


def workflow_of(status_id: int) -> dict:
    status = choices.STATUSES.by_id(status_id)
    state = choices.STATES.by_id(status.state_id)
    return {
        "status_id": status.id,
        "status": status.name,
        "state_id": state.id,
        "state": state.name,
        "allowed": [t.as_dict() for t in transitions.allowed_next(status_id)],
    }
