"""The one exception handler that renders every error, and HTTP-only errors.

Every error body has drf-standardized-errors' shape:
`{"type": "validation_error"|"client_error"|"server_error",
  "errors": [{"code": ..., "detail": ..., "attr": ...}]}`.

The domain raises `servicedesk.errors.DomainError`s; they are mapped to HTTP
here and nowhere else (`as_api_exception`).
"""

import logging

import mongoengine.errors as me_errors
from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import JsonResponse
from drf_standardized_errors import handler
from pymongo.errors import DuplicateKeyError
from rest_framework import exceptions, status

from servicedesk import errors, metrics
from servicedesk.mongo import UNAVAILABLE_ERRORS

log = logging.getLogger(__name__)


class DatabaseUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The database cannot be reached right now; try again shortly."
    default_code = "database_unavailable"

    def __init__(self, detail=None, code=None):
        super().__init__(detail, code)
        self.wait = settings.SERVICEDESK_RETRY_AFTER_SECONDS


def field_error(attr: str, detail: str, code: str = "invalid") -> exceptions.ValidationError:
    """A 400 naming one field, e.g. `field_error("items_per_page", "Must be 1..100.")`."""
    return exceptions.ValidationError({attr: [exceptions.ErrorDetail(detail, code=code)]})


def as_api_exception(exc: errors.DomainError) -> exceptions.APIException:
    """The HTTP form of a domain error: 400s name their field, others carry their status."""
    if isinstance(exc, errors.InvalidInputs):
        by_field: dict = {}
        for problem in exc.problems:
            detail = exceptions.ErrorDetail(problem.message, code=problem.api_code)
            by_field.setdefault(problem.field, []).append(detail)
        return exceptions.ValidationError(by_field)
    detail = exceptions.ErrorDetail(exc.message, code=exc.api_code)
    if isinstance(exc, errors.Immutable) and exc.field:
        converted = exceptions.ValidationError({exc.field: [detail]})
        converted.status_code = exc.status
        return converted
    if exc.status == status.HTTP_400_BAD_REQUEST:
        return exceptions.ValidationError({exc.field: [detail]} if exc.field else [detail])
    converted = exceptions.APIException(detail, code=exc.api_code)
    converted.status_code = exc.status
    return converted


def _mongo_validation_detail(exc: me_errors.ValidationError) -> dict | str:
    by_field = exc.to_dict() if exc.errors else {}
    return by_field or str(exc)


class ExceptionHandler(handler.ExceptionHandler):
    """drf-standardized-errors, taught about mongoengine, pymongo and body limits."""

    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, errors.DomainError):
            return as_api_exception(exc)
        if isinstance(exc, UNAVAILABLE_ERRORS):
            metrics.DATABASE_ERRORS.labels("unavailable").inc()
            log.warning("database unavailable: %s", exc.__class__.__name__)
            return DatabaseUnavailable()
        if isinstance(exc, me_errors.DoesNotExist):
            return exceptions.NotFound()
        if isinstance(exc, me_errors.NotUniqueError | DuplicateKeyError):
            return as_api_exception(errors.Conflict())
        if isinstance(exc, me_errors.ValidationError):
            return exceptions.ValidationError(_mongo_validation_detail(exc))
        if isinstance(exc, RequestDataTooBig):
            return as_api_exception(errors.PayloadTooLarge())
        if isinstance(exc, TooManyFieldsSent):
            return exceptions.ParseError(
                f"At most {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} form fields per request.",
                code="too_many_fields",
            )
        if isinstance(exc, TooManyFilesSent):
            return as_api_exception(
                errors.PayloadTooLarge(
                    f"At most {settings.SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST} files per "
                    "request.",
                    code="too_many_files",
                )
            )
        return super().convert_known_exceptions(exc)


def error_body(code: str, detail: str, *, attr: str | None = None, kind: str | None = None) -> dict:
    kind = kind or "client_error"
    return {"type": kind, "errors": [{"code": code, "detail": detail, "attr": attr}]}


def error_response(status_code: int, code: str, detail: str, **headers) -> JsonResponse:
    """The same error shape for responses made outside DRF (middleware, Django handlers)."""
    kind = "server_error" if status_code >= 500 else "client_error"
    response = JsonResponse(error_body(code, detail, kind=kind), status=status_code)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def database_unavailable_response() -> JsonResponse:
    metrics.DATABASE_ERRORS.labels("unavailable").inc()
    return error_response(
        503,
        DatabaseUnavailable.default_code,
        str(DatabaseUnavailable.default_detail),
        Retry_After=str(settings.SERVICEDESK_RETRY_AFTER_SECONDS),
    )


def not_found_view(request, exception=None):
    return error_response(404, "not_found", "No such route.")


def server_error_view(request):
    return error_response(500, "error", "Server Error (500)")


def bad_request_view(request, exception=None):
    if isinstance(exception, DisallowedHost):
        return error_response(400, "disallowed_host", "This service does not answer to that Host.")
    return error_response(400, "bad_request", "Bad request.")


def permission_denied_view(request, exception=None):
    return error_response(403, "permission_denied", "Permission denied.")
