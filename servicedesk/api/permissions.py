"""Scopes: `read` keys may only read, `write` keys may change, `admin` keys may destroy."""

from rest_framework import exceptions, permissions

from servicedesk.tenancy.documents import SCOPE_READ, SCOPE_WRITE


class HasScope(permissions.BasePermission):
    """Safe methods need `read`; others need `write`, or the view's `required_scope`.

    A view (or an @action, through `required_scope=` in its kwargs) may ask for more,
    e.g. `admin` for permanent deletes.
    """

    def has_permission(self, request, view):
        principal = request.user
        if principal is None or not getattr(principal, "is_authenticated", False):
            raise exceptions.NotAuthenticated()
        needed = getattr(view, "required_scope", None) or (
            SCOPE_READ if request.method in permissions.SAFE_METHODS else SCOPE_WRITE
        )
        if not principal.has_scope(needed):
            raise exceptions.PermissionDenied(
                detail=f"This operation needs an API key with the {needed!r} scope; "
                f"this key has {principal.scope!r}.",
                code="insufficient_scope",
            )
        return True
