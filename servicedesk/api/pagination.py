"""Page-number pagination whose body stays a plain JSON array, as the listing shows.

The total goes in `X-Total-Count` and the neighbour pages in an RFC 8288 `Link`
header (first, prev, next, last), so a frontend can page without parsing bodies.
The page is read first: when it is the last one (some items, fewer than a
page) the total follows from it, and the count query is not sent.
"""

import math

from django.conf import settings
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from servicedesk.api.exceptions import field_error


class PageParams(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, max_value=1_000_000, default=1)
    items_per_page = serializers.IntegerField(required=False, min_value=1)

    def validate_items_per_page(self, value):
        maximum = settings.SERVICEDESK_MAX_PAGE_SIZE
        if value > maximum:
            raise serializers.ValidationError(
                f"Ensure this value is less than or equal to {maximum}."
            )
        return value


def read_page_params(query) -> tuple[int, int]:
    """(page, items_per_page) from a query dict; 400 naming the parameter when malformed."""
    raw = {name: query[name] for name in ("page", "items_per_page") if name in query}
    params = PageParams(data=raw)
    params.is_valid(raise_exception=True)
    size = params.validated_data.get("items_per_page") or settings.SERVICEDESK_DEFAULT_PAGE_SIZE
    return params.validated_data["page"], size


def link_header(url: str, page: int, size: int, total: int) -> str:
    last = max(1, math.ceil(total / size))
    relations = {"first": 1, "last": last}
    if page > 1:
        relations["prev"] = min(page - 1, last)
    if page < last:
        relations["next"] = page + 1
    parts = []
    for rel, number in relations.items():
        target = replace_query_param(url, "page", number)
        target = replace_query_param(target, "items_per_page", size)
        parts.append(f'<{target}>; rel="{rel}"')
    return ", ".join(parts)


class HeaderPagination(BasePagination):
    """Slices a mongoengine queryset (or anything with count() and slicing)."""

    def paginate_queryset(self, queryset, request, view=None):
        self.page, self.size = read_page_params(request.query_params)
        self.url = request.build_absolute_uri()
        start = (self.page - 1) * self.size
        items = list(queryset[start : start + self.size])
        if 0 < len(items) < self.size or (start == 0 and not items):
            self.total = start + len(items)  # the last page: nothing after it
        else:
            self.total = queryset.count()
        return items

    def get_paginated_response(self, data):
        return Response(data, headers=self.headers())

    def headers(self) -> dict:
        return {
            "X-Total-Count": str(self.total),
            "Link": link_header(self.url, self.page, self.size, self.total),
        }

    def get_paginated_response_schema(self, schema):
        return schema

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1},
            },
            {
                "name": "items_per_page",
                "in": "query",
                "required": False,
                "description": "Items per page.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": settings.SERVICEDESK_MAX_PAGE_SIZE,
                    "default": settings.SERVICEDESK_DEFAULT_PAGE_SIZE,
                },
            },
        ]


__all__ = ["HeaderPagination", "field_error", "link_header", "read_page_params"]
