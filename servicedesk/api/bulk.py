"""Bulk actions: one result per item, in the order given; one bad item spoils nothing."""

from collections.abc import Callable, Iterable
from typing import Any

from drf_standardized_errors.formatter import flatten_errors
from rest_framework import serializers
from rest_framework.exceptions import APIException

from servicedesk.api.exceptions import ExceptionHandler
from servicedesk.webhooks.services import endpoints_looked_up_once


class BulkError(serializers.Serializer):
    """Why one item of a bulk request failed: what a request for it alone would answer."""

    status = serializers.IntegerField(help_text="The HTTP status, e.g. 404 or 409.")
    code = serializers.CharField(help_text="Machine-readable, as in `Error`.")
    detail = serializers.CharField(help_text="For a person.")
    attr = serializers.CharField(allow_null=True, help_text="The field at fault, if one is.")


def error_of(exc: Exception) -> dict:
    """The `{status, code, detail, attr}` a single request would have answered with."""
    converted = ExceptionHandler(exc, {}).convert_known_exceptions(exc)
    if not isinstance(converted, APIException):
        raise exc  # a bug, not a refusal: let it be a 500 and be logged
    first = flatten_errors(converted.detail)[0]
    return {
        "status": converted.status_code,
        "code": first.code,
        "detail": first.detail,
        "attr": first.attr,
    }


def run_bulk(
    refs: Iterable[str], act: Callable[[str], Any], render: Callable[[Any], dict]
) -> list[dict]:
    """`act(ref)` for each ref; `render(result)` adds to the successful item's entry.

    Webhook endpoints are looked up once for the call, not once per item.
    """
    results = []
    with endpoints_looked_up_once():
        for ref in refs:
            try:
                outcome = act(ref)
            except Exception as exc:
                results.append({"incident_id": ref, "ok": False, "error": error_of(exc)})
                continue
            results.append({"incident_id": ref, "ok": True, **render(outcome)})
    return results


def with_errors_rendered(results: list[dict]) -> list[dict]:
    """Results whose `error` is an exception (a domain refusal), with it rendered."""
    return [
        {**result, "error": error_of(result["error"])}
        if isinstance(result.get("error"), Exception)
        else result
        for result in results
    ]
