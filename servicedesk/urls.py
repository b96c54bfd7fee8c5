"""Top-level routes: the API of each app under /ux/sd/inci/, the docs and the probes."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from servicedesk import health

API_PREFIX = "ux/sd/inci/"

urlpatterns = [
    path(API_PREFIX, include("attachments.api.urls")),
    path(API_PREFIX, include("incidents.api.urls")),
    path(API_PREFIX, include("conversations.api.urls")),
    path(API_PREFIX, include("servicedesk.webhooks.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", health.metrics, name="metrics"),
]

handler400 = "servicedesk.api.exceptions.bad_request_view"
handler403 = "servicedesk.api.exceptions.permission_denied_view"
handler404 = "servicedesk.api.exceptions.not_found_view"
handler500 = "servicedesk.api.exceptions.server_error_view"
