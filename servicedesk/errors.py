"""The domain's errors: what a service or selector refuses, and why.

Services, selectors and pure modules raise these and know nothing of HTTP.
Each carries a stable machine `code`, a `message` for a person, the `field`
it belongs to (as the client names it) when there is one, and the HTTP
`status` it stands for. The API's one exception handler
(`servicedesk.api.exceptions`) renders them in the error shape every route
answers with; bulk actions render them per item the same way.

Subclass for a family of your own (`ChoiceError`, `TransitionError`, ...):
set `status`, `default_code` and `default_message`.
"""

from __future__ import annotations


class DomainError(Exception):
    """A refusal of the domain. `status` is the HTTP status it maps to."""

    status = 400
    default_code = "invalid"
    default_message = "The request cannot be processed."

    def __init__(
        self, message: str | None = None, *, code: str | None = None, field: str | None = None
    ) -> None:
        self.message = message or self.default_message
        self.code = code or self.default_code
        self.field = field
        super().__init__(self.message)

    @property
    def api_code(self) -> str:
        """The code clients see (a family may name a case differently inside the domain)."""
        return self.code

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, "
            f"message={self.message!r})"
        )


class InvalidInput(DomainError):
    """A value the domain refuses (400), naming its field when it has one."""


class InvalidInputs(InvalidInput):
    """Several refused values at once (400), each naming its field."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__(problems[0].message, code=problems[0].code, field=problems[0].field)
        self.problems = problems


class NotFound(DomainError):
    """Nothing by that id in the caller's organization (404, never a hint of others)."""

    status = 404
    default_code = "not_found"
    default_message = "Not found."


class Conflict(DomainError):
    """The request conflicts with the current state of the resource (409)."""

    status = 409
    default_code = "conflict"
    default_message = "The resource changed or already exists."


class Immutable(Conflict):
    """A change of something fixed at creation (409, naming the field): the value is fine
    in itself but conflicts with the stored resource, so no schema can refuse it."""

    default_code = "immutable"
    default_message = "Cannot change after creation."


class PreconditionFailed(DomainError):
    """An `If-Match` that names an older version (412): nothing was written."""

    status = 412
    default_code = "precondition_failed"
    default_message = "The resource has changed since you read it (If-Match does not match)."


class PayloadTooLarge(DomainError):
    """Over a size or count limit of the request (413)."""

    status = 413
    default_code = "payload_too_large"
    default_message = "The request body is too large."


def invalid(field: str, message: str, code: str = "invalid") -> InvalidInput:
    """A 400 naming one field: `raise invalid("to", "A forward needs a recipient.")`."""
    return InvalidInput(message, code=code, field=field)
