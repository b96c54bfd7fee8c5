"""Pagination whose body stays a plain JSON array, as the listing shows.

Two ways through a list:

- by page number (`page`, `items_per_page`: the listing's): the neighbour pages in an
  RFC 8288 `Link` header (first, prev, next, last). A deep page costs what skipping
  the items before it costs.
- by cursor, on lists whose view sets `cursor_paging` (incidents): `cursor=` (empty)
  starts, and `Link: <...?cursor=...>; rel="next"` continues after the last item by
  its sort values (servicedesk.keyset), so every page costs the same at any depth.
  No `next` link means the end.

The total goes in `X-Total-Count`, counted exactly up to SERVICEDESK_COUNT_LIMIT
matches; past that, counting stops: `X-Total-Count` is the limit and
`X-Total-Count-Exact: false` says the list holds at least that many (and page
links have no `last`). The page is read first: when it is the last one (some
items, fewer than a page) the total follows from it, and no count is sent.
"""

import math

from django.conf import settings
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from servicedesk import keyset
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


class CursorParams(serializers.Serializer):
    cursor = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=keyset.MAX_CURSOR_LENGTH
    )


def read_page_params(query) -> tuple[int, int]:
    """(page, items_per_page) from a query dict; 400 naming the parameter when malformed."""
    raw = {name: query[name] for name in ("page", "items_per_page") if name in query}
    params = PageParams(data=raw)
    params.is_valid(raise_exception=True)
    size = params.validated_data.get("items_per_page") or settings.SERVICEDESK_DEFAULT_PAGE_SIZE
    return params.validated_data["page"], size


def link_header(url: str, page: int, size: int, total: int, *, exact: bool = True) -> str:
    last = max(1, math.ceil(total / size))
    relations = {"first": 1, "last": last} if exact else {"first": 1}
    if page > 1:
        relations["prev"] = min(page - 1, last) if exact else page - 1
    if page < last or not exact:  # not exact: this page was full and more may follow
        relations["next"] = page + 1
    parts = []
    for rel, number in relations.items():
        target = replace_query_param(url, "page", number)
        target = replace_query_param(target, "items_per_page", size)
        parts.append(f'<{target}>; rel="{rel}"')
    return ", ".join(parts)


def cursor_link_header(url: str, size: int, next_cursor: str | None) -> str:
    base = replace_query_param(remove_query_param(url, "page"), "items_per_page", size)
    parts = [f'<{replace_query_param(base, "cursor", "")}>; rel="first"']
    if next_cursor is not None:
        parts.append(f'<{replace_query_param(base, "cursor", next_cursor)}>; rel="next"')
    return ", ".join(parts)


def bounded_count(queryset) -> tuple[int, bool]:
    """(matches, exact): counted up to SERVICEDESK_COUNT_LIMIT, then (the limit, False)."""
    limit = settings.SERVICEDESK_COUNT_LIMIT
    if hasattr(queryset, "limit"):  # a mongoengine queryset: count no further than needed
        counted = queryset.skip(0).limit(limit + 1).count(with_limit_and_skip=True)
    else:  # a list in memory: its length is known
        counted = queryset.count()
    return (counted, True) if counted <= limit else (limit, False)


def ordering_of(queryset) -> keyset.Sort:
    """The sort of a mongoengine queryset, as stored paths and directions."""
    return [(path, direction) for path, direction in (queryset._ordering or [])]


class HeaderPagination(BasePagination):
    """Slices a mongoengine queryset (or anything with count() and slicing)."""

    def paginate_queryset(self, queryset, request, view=None):
        query = request.query_params
        self.url = request.build_absolute_uri()
        self.cursor = None
        self.by_cursor = "cursor" in query
        if self.by_cursor:
            return self._cursor_page(queryset, query, view)
        self.page, self.size = read_page_params(query)
        start = (self.page - 1) * self.size
        items = list(queryset[start : start + self.size])
        if 0 < len(items) < self.size or (start == 0 and not items):
            self.total, self.exact = start + len(items), True  # the last page
        else:
            self.total, self.exact = bounded_count(queryset)
        return items

    def _cursor_page(self, queryset, query, view):
        if not getattr(view, "cursor_paging", False):
            raise field_error(
                "cursor", "This list pages by `page` only.", code="cursor_not_supported"
            )
        if "page" in query:
            raise field_error(
                "cursor", "Give `cursor` or `page`, not both.", code="cursor_with_page"
            )
        params = CursorParams(data={"cursor": query["cursor"]})
        params.is_valid(raise_exception=True)
        _, self.size = read_page_params({k: v for k, v in query.items() if k != "page"})
        sort = ordering_of(queryset)
        matching = queryset
        if params.validated_data["cursor"]:
            values = keyset.decode(params.validated_data["cursor"], sort)
            never_null = getattr(view, "cursor_never_null", ())
            queryset = queryset.filter(__raw__=keyset.after(sort, values, never_null=never_null))
        items = list(queryset[: self.size + 1])
        more = len(items) > self.size
        items = items[: self.size]
        if not params.validated_data["cursor"] and not more:
            self.total, self.exact = len(items), True  # all of it fits the first page
        else:
            self.total, self.exact = bounded_count(matching)
        self.cursor = keyset.encode(sort, _raw(items[-1])) if more else None
        return items

    def get_paginated_response(self, data):
        return Response(data, headers=self.headers())

    def headers(self) -> dict:
        if self.by_cursor:
            link = cursor_link_header(self.url, self.size, self.cursor)
        else:
            link = link_header(self.url, self.page, self.size, self.total, exact=self.exact)
        return {
            "X-Total-Count": str(self.total),
            "X-Total-Count-Exact": "true" if self.exact else "false",
            "Link": link,
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


def _raw(item) -> dict:
    """A listed item as its stored fields (lists read raw dicts or documents)."""
    return item if isinstance(item, dict) else item.to_mongo().to_dict()


__all__ = ["HeaderPagination", "field_error", "link_header", "read_page_params"]
