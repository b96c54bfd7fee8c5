"""`incident/add-attachment/`, `incident/attachment/` and the download and delete routes."""

import io
import re
from urllib.parse import quote, urlencode

from bson import ObjectId
from django.http import HttpResponseNotModified, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from attachments import files, services
from attachments.api.parsers import StrictMultiPartParser
from attachments.api.serializers import (
    AttachmentListParams,
    AttachmentSerializer,
    JsonUpload,
    MultipartUpload,
)
from attachments.documents import Attachment
from incidents import public as incidents
from servicedesk.api.conditional import none_match, not_modified
from servicedesk.api.exceptions import error_response
from servicedesk.api.openapi import sends
from servicedesk.api.parsers import JSONParser
from servicedesk.api.responses import created
from servicedesk.api.schema import ApiErrorSerializer
from servicedesk.api.viewsets import ChildViewSet
from servicedesk.errors import NotFound

ATTACHMENT_ID = OpenApiParameter(
    "attachment_id", str, OpenApiParameter.PATH, description="The attachment id."
)
LIMITS = (
    "Limits (configurable): 25 MiB per file, 10 files and 50 MiB per request; over a limit "
    "the answer is 413 with code `file_too_large`, `too_many_files` or `upload_too_large`, "
    "and nothing is stored. Base64 JSON bodies are capped at 10 MiB (413 `payload_too_large`)."
)


RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def byte_range(header: str, size: int):
    """(first, last) of one RFC 9110 byte range, None to send it all (no header, or one we
    do not serve, such as several ranges), or "unsatisfiable" (416)."""
    match = RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    start, end = match.groups()
    if start == "":  # the last `end` bytes
        length = int(end)
        if length == 0 or size == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    first = int(start)
    last = min(int(end), size - 1) if end else size - 1
    if first >= size or (end and int(end) < first):
        return "unsatisfiable"
    return first, last


def content_disposition(name: str) -> str:
    """RFC 6266: an ASCII `filename` for old clients and a UTF-8 `filename*`."""
    return f"attachment; filename=\"{files.ascii_fallback(name)}\"; filename*=UTF-8''{quote(name)}"


class AttachmentViewSet(ChildViewSet):
    """Files attached to incidents (and their conversations), stored in GridFS."""

    schema_resource = schema_tag = "attachments"

    document = Attachment
    serializer_class = AttachmentSerializer
    lookup_field = "attachment_id"
    lookup_url_kwarg = "attachment_id"
    parser_classes = [JSONParser, StrictMultiPartParser]

    def live_parent(self, ref):
        return incidents.incident_get(principal=self.principal, value=ref)

    def lookup_filter(self, value):
        if not ObjectId.is_valid(value) or len(value) != 24:
            raise NotFound
        return {"id": ObjectId(value)}

    @extend_schema(
        summary="Add attachments",
        description=(
            "This endpoint is used to add new attachments to an incident, or to one of its "
            "conversations (`conversation_id`). Send multipart form data (`incident_id`, "
            "optional `conversation_id`, one or more `file` parts) or JSON with base64 "
            "content. The content type is detected from the bytes, not taken from the "
            f"client. All files of a request are stored or none are. {LIMITS}"
        ),
        request={"multipart/form-data": MultipartUpload, "application/json": JsonUpload},
        responses={201: AttachmentSerializer(many=True)},
    )
    def create(self, request):
        multipart = request.content_type.startswith("multipart/")
        body = (MultipartUpload if multipart else JsonUpload)(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        uploads = self.uploads_from_multipart(data) if multipart else self.uploads_from_json(data)
        stored = services.attachments_add(
            principal=self.principal,
            incident=self.live_parent(data["incident_id"]),
            conversation_id=data.get("conversation_id"),
            uploads=uploads,
        )
        out = AttachmentSerializer(stored, many=True, context={"request": request})
        # The new files are listed under their incident (and conversation).
        query = f"?{urlencode({'incident_id': str(stored[0].incident_id)})}"
        if data.get("conversation_id"):
            query += f"&{urlencode({'conversation_id': data['conversation_id']})}"
        return created(out.data, request=request, url_name="attachment-list", query=query)

    @staticmethod
    def uploads_from_multipart(data) -> list[services.Upload]:
        uploads = []
        for index, uploaded in enumerate(data["file"]):
            uploads.append(
                services.Upload(
                    name=uploaded.name,  # checked by StrictMultiPartParser
                    source=uploaded.file,
                    size=uploaded.size,
                    claimed_type=uploaded.content_type or "",
                    field=f"file.{index}",
                )
            )
        return uploads

    @staticmethod
    def uploads_from_json(data) -> list[services.Upload]:
        return [
            services.Upload(
                name=item["file_name"],
                source=io.BytesIO(item["content_base64"]),
                size=len(item["content_base64"]),
                claimed_type=item.get("content_type", ""),
                field=f"files.{index}.content_base64",
            )
            for index, item in enumerate(data["files"])
        ]

    @extend_schema(
        summary="List attachments",
        description=(
            "This endpoint is used to fetch the attachments of an incident "
            "(`?incident_id=`), or of one of its conversations (`&conversation_id=`). "
            "Each has a `download_url`. Paged like the incident list."
        ),
        parameters=[AttachmentListParams],
    )
    def list(self, request):
        query = AttachmentListParams(data=request.query_params)
        query.is_valid(raise_exception=True)
        incident = self.live_parent(query.validated_data["incident_id"])
        queryset = self.get_queryset().filter(incident_id=incident.id)
        if "conversation_id" in query.validated_data:
            conversation_id = self.lookup_filter(query.validated_data["conversation_id"])["id"]
            queryset = queryset.filter(conversation_id=conversation_id)
        page = self.paginate_queryset(queryset.order_by("uploaded_at", "id"))
        out = AttachmentSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(out.data)

    @extend_schema(
        summary="Read an attachment's metadata",
        description="Names, size, detected type, SHA-256 (also the `ETag`) and download URL.",
        parameters=[ATTACHMENT_ID],
        extensions=sends("ETag"),
    )
    def retrieve(self, request, attachment_id=None):
        attachment = self.get_object()
        etag = f'"{attachment.sha256}"'
        unchanged = not_modified(request, etag)
        if unchanged is not None:
            return unchanged
        out = AttachmentSerializer(attachment, context={"request": request})
        return Response(out.data, headers={"ETag": etag})

    @extend_schema(
        summary="Download an attachment",
        description=(
            "Streams the bytes (never held whole in memory) as an attachment with a safe file "
            "name (RFC 6266, `filename*` for non-ASCII names), the detected `Content-Type`, "
            "`X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`, "
            "`Content-Length` and an `ETag` from the "
            "SHA-256; `If-None-Match` with that ETag answers 304."
        ),
        parameters=[
            ATTACHMENT_ID,
            OpenApiParameter(
                "Range",
                str,
                OpenApiParameter.HEADER,
                description="One byte range, `bytes=first-last`, `bytes=first-` or "
                "`bytes=-count`: 206 with those bytes; several ranges get the whole file.",
            ),
        ],
        responses={
            # The type detected from the bytes at upload (`content_type` of the metadata).
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The file's bytes (the detected type is the metadata's "
                "`content_type`).",
            ),
            (206, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The bytes `Range` asked for."
            ),
            304: OpenApiResponse(description="Not modified."),
            416: OpenApiResponse(
                ApiErrorSerializer, description="The range starts past the end of the file."
            ),
        },
        extensions=sends(
            "ETag",
            "Content-Disposition",
            "Content-Length",
            "Accept-Ranges",
            "Content-Range",
            "Cache-Control",
            "X-Content-Type-Options",
        ),
    )
    def download(self, request, attachment_id=None):
        attachment = self.get_object()
        etag = f'"{attachment.sha256}"'
        if none_match(request.headers.get("If-None-Match", ""), etag):
            return HttpResponseNotModified(headers={"ETag": etag})
        wanted = byte_range(request.headers.get("Range", ""), attachment.size)
        if wanted == "unsatisfiable":
            response = error_response(
                416, "range_not_satisfiable", f"The file has {attachment.size} bytes."
            )
            response["Content-Range"] = f"bytes */{attachment.size}"
            return response
        if wanted is None:
            stream, length = files.iterate(attachment.file_id), attachment.size
        else:
            first, last = wanted
            stream, length = files.iterate_range(attachment.file_id, first, last), last - first + 1
        # Always octet-stream (as documented, with nosniff and `attachment`): the detected
        # type is in the metadata's `content_type`.
        response = StreamingHttpResponse(stream, content_type="application/octet-stream")
        if wanted is not None:
            response.status_code = 206
            response["Content-Range"] = f"bytes {first}-{last}/{attachment.size}"
        response["Accept-Ranges"] = "bytes"
        response["Content-Length"] = str(length)
        response["Content-Disposition"] = content_disposition(attachment.file_name)
        response["X-Content-Type-Options"] = "nosniff"
        # An HTML or SVG file opened in the browser anyway (from the URL, a proxy that drops
        # Content-Disposition) runs no script and reaches no origin: on every download, so
        # a type the detector got wrong is covered too.
        response["Content-Security-Policy"] = "sandbox"
        response["ETag"] = etag
        response["Cache-Control"] = "private, no-transform"
        return response

    @extend_schema(summary="Delete an attachment", parameters=[ATTACHMENT_ID])
    def destroy(self, request, attachment_id=None):
        attachment = self.get_object()
        services.attachment_delete(
            principal=self.principal, attachment=attachment, incident=self.parent
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
