"""Domain errors and the one exception handler that renders every error.

Every error body has drf-standardized-errors' shape:
`{"type": "validation_error"|"client_error"|"server_error",
  "errors": [{"code": ..., "detail": ..., "attr": ...}]}`.
"""

import logging
from collections.abc import Callable

import mongoengine.errors as me_errors
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import JsonResponse
from drf_standardized_errors import handler
from pymongo.errors import DuplicateKeyError
from rest_framework import exceptions, status

from servicedesk.mongo import UNAVAILABLE_ERRORS

log = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The resource changed or already exists."
    default_code = "conflict"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since you read it (If-Match does not match)."
    default_code = "precondition_failed"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class DatabaseUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The database cannot be reached right now; try again shortly."
    default_code = "database_unavailable"

    def __init__(self, detail=None, code=None):
        super().__init__(detail, code)
        self.wait = settings.SERVICEDESK_RETRY_AFTER_SECONDS


# Apps teach the handler their own domain errors (see `register_error`).
_CONVERTERS: list[tuple[type[Exception], Callable[[Exception], Exception]]] = []


def register_error(error: type[Exception], convert: Callable[[Exception], Exception]) -> None:
    """Render `error` as the API exception `convert(exc)` returns (called in AppConfig.ready)."""
    _CONVERTERS.append((error, convert))


def field_error(attr: str, detail: str, code: str = "invalid") -> exceptions.ValidationError:
    """A 400 naming one field, e.g. `field_error("items_per_page", "Must be 1..100.")`."""
    return exceptions.ValidationError({attr: [exceptions.ErrorDetail(detail, code=code)]})


def _mongo_validation_detail(exc: me_errors.ValidationError) -> dict | str:
    errors = exc.to_dict() if exc.errors else {}
    return errors or str(exc)


class ExceptionHandler(handler.ExceptionHandler):
    """drf-standardized-errors, taught about mongoengine, pymongo and body limits."""

    def convert_known_exceptions(self, exc: Exception) -> Exception:
        for error, convert in _CONVERTERS:
            if isinstance(exc, error):
                return convert(exc)
        if isinstance(exc, UNAVAILABLE_ERRORS):
            log.warning("database unavailable: %s", exc.__class__.__name__)
            return DatabaseUnavailable()
        if isinstance(exc, me_errors.DoesNotExist):
            return exceptions.NotFound()
        if isinstance(exc, me_errors.NotUniqueError | DuplicateKeyError):
            return Conflict()
        if isinstance(exc, me_errors.ValidationError):
            return exceptions.ValidationError(_mongo_validation_detail(exc))
        if isinstance(exc, RequestDataTooBig):
            return PayloadTooLarge()
        if isinstance(exc, TooManyFilesSent):
            return PayloadTooLarge(
                f"At most {settings.SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST} files per request.",
                code="too_many_files",
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
    return error_response(400, "bad_request", "Bad request.")


def permission_denied_view(request, exception=None):
    return error_response(403, "permission_denied", "Permission denied.")
