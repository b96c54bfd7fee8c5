"""Conditional requests: `ETag` out, `If-Match` and `If-None-Match` in (RFC 9110)."""

from django.utils.http import parse_etags
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.response import Response

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description="The `ETag` of a previous read; a stale one answers 412 and writes nothing.",
)


def if_match_version(request) -> int | None:
    """The version an `If-Match` asks for; -1 (never matching) when it is not ours."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    tag = header.strip().removeprefix("W/").strip('"')
    return int(tag) if tag.isdigit() and len(tag) < 12 else -1


def with_etag(response, document):
    """The response, with the document's version as its `ETag`."""
    response["ETag"] = f'"{document.version}"'
    return response


def not_modified(request, etag: str):
    """304 with the ETag when `If-None-Match` names the current one, else None."""
    if none_match(request.headers.get("If-None-Match", ""), etag):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return None


def none_match(header: str, etag: str) -> bool:
    """RFC 9110 13.1.2: `*`, or any listed entity tag equal to ours by weak comparison."""
    if not header.strip():
        return False
    if header.strip() == "*":
        return True
    return any(tag.removeprefix("W/") == etag for tag in parse_etags(header))
