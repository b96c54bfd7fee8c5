"""Top-level routes: the incident API under /ux/sd/inci/, the organization configuration
under /ux/sd/org/, the docs and the probes. Apps are included by name, never imported."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from servicedesk import health

API_PREFIX = "ux/sd/inci/"
CONFIG_PREFIX = "ux/sd/org/"

urlpatterns = [
    path(API_PREFIX, include("attachments.api.urls")),
    # Before incidents: `incident/merge/` is not an incident id.
    path(API_PREFIX, include("relations.api.urls")),
    path(API_PREFIX, include("incidents.api.urls")),
    path(API_PREFIX, include("conversations.api.urls")),
    path(API_PREFIX, include("servicedesk.webhooks.api.urls")),
    path(API_PREFIX, include("mail.api.urls")),
    path(CONFIG_PREFIX, include("directory.api.urls")),
    path(CONFIG_PREFIX, include("catalogue.api.urls")),
    path(CONFIG_PREFIX, include("sla.api.urls")),
    path(CONFIG_PREFIX, include("mail.api.urls_org")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path(
        "api/redoc/",
        SpectacularRedocView.as_view(url_name="schema", template_name="servicedesk/redoc.html"),
        name="redoc",
    ),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", health.metrics, name="metrics"),
]

handler400 = "servicedesk.api.exceptions.bad_request_view"
handler403 = "servicedesk.api.exceptions.permission_denied_view"
handler404 = "servicedesk.api.exceptions.not_found_view"
handler500 = "servicedesk.api.exceptions.server_error_view"
