"""The tenant-scoped base viewset: the one place that decides what a caller can see."""

from django.http import Http404
from rest_framework_mongoengine.viewsets import GenericViewSet

from servicedesk.api.pagination import HeaderPagination

OBJECT_ID_REGEX = r"[0-9a-fA-F]{24}"


class TenantViewSet(GenericViewSet):
    """Every queryset is filtered by the caller's organization, taken from the API key.

    Subclasses set `document` and may override `base_queryset()` (e.g. to hide the
    trash) and `lookup_filter()` (e.g. to accept a display id as well as an id).
    Another organization's object therefore never matches: it is a 404, like an
    object that does not exist.
    """

    document = None
    tenant_field = "organization_id"
    lookup_field = "id"
    lookup_value_regex = OBJECT_ID_REGEX
    pagination_class = HeaderPagination
    # The scope an action needs beyond the method's default (see HasScope); an
    # @action may set it, e.g. `required_scope=SCOPE_READ` for a read-only POST.
    required_scope = None

    @property
    def principal(self):
        return self.request.user

    def base_queryset(self):
        return self.document.objects

    def get_queryset(self):
        return self.base_queryset().filter(**{self.tenant_field: self.principal.organization_id})

    def lookup_filter(self, value: str) -> dict:
        """The filter that finds one object by the `{id}` of the path; Http404 if malformed."""
        if len(value) != 24:
            raise Http404
        try:
            int(value, 16)
        except ValueError:
            raise Http404 from None
        return {"id": value}

    def get_object(self):
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        obj = self.get_queryset().filter(**self.lookup_filter(value)).first()
        if obj is None:
            raise Http404
        self.check_object_permissions(self.request, obj)
        return obj


class ChildViewSet(TenantViewSet):
    """Objects that belong to a parent the caller must see too (conversations and files
    of an incident): a parent in the trash, or of another organization, hides them.

    Subclasses implement `live_parent(ref)` (the caller's parent by reference, or a
    404); `get_object()` then sets `self.parent` beside the object it returns.
    """

    parent_field = "incident_id"

    def live_parent(self, ref: str):
        raise NotImplementedError

    def get_object(self):
        child = super().get_object()
        self.parent = self.live_parent(str(getattr(child, self.parent_field)))
        return child
