"""Settings, read from the environment (see the configuration table in README.md)."""

import os
import secrets
from pathlib import Path

from servicedesk import env

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env.boolean("DJANGO_DEBUG", default=False)
# Without a configured secret a random one is made per process: nothing we run
# signs long-lived data with it (no sessions, no cookies), so that is safe.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)
ALLOWED_HOSTS = env.csv("DJANGO_ALLOWED_HOSTS", default="127.0.0.1,localhost,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "servicedesk",  # the project's own jobs (housekeeping sweeps)
    "servicedesk.tenancy",
    "servicedesk.jobs",
    "servicedesk.webhooks",
    "directory",
    "catalogue",
    "incidents",
    "conversations",
    "attachments",
    "sla",
    "mail",
    "relations",
]

MIDDLEWARE = [
    "servicedesk.middleware.ProxyHeadersMiddleware",
    "servicedesk.middleware.RequestIdMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "servicedesk.middleware.DatabaseUnavailableMiddleware",
    "servicedesk.middleware.BodySizeLimitMiddleware",
    "servicedesk.tenancy.middleware.ApiKeyMiddleware",
    "servicedesk.ratelimit.RateLimitMiddleware",
    "servicedesk.idempotency.IdempotencyMiddleware",
    "servicedesk.api.redirects.AppendSlashMiddleware",
]

ROOT_URLCONF = "servicedesk.urls"
WSGI_APPLICATION = "servicedesk.wsgi.application"

# No SQL database: every document lives in MongoDB.
DATABASES: dict = {}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
# The docs' assets (drf-spectacular-sidecar) are served by WhiteNoise straight from the
# installed packages: no collectstatic step, no CDN.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
APPEND_SLASH = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- MongoDB -----------------------------------------------------------------
MONGODB_URI = os.environ.get("MONGODB_URI", "").strip()
MONGODB_DB = os.environ.get("MONGODB_DB", "").strip()  # default: the URI's database, or below
MONGODB_DEFAULT_DB = "servicedesk"
MONGODB_TIMEOUT_MS = env.integer("MONGODB_TIMEOUT_MS", default=2000, minimum=100)
# Seconds a client is told to wait when the database cannot be reached.
SERVICEDESK_RETRY_AFTER_SECONDS = env.integer("SERVICEDESK_RETRY_AFTER_SECONDS", default=5)

# --- Limits ------------------------------------------------------------------
SERVICEDESK_MAX_JSON_BODY_BYTES = env.integer(
    "SERVICEDESK_MAX_JSON_BODY_BYTES", default=1024 * 1024, minimum=1024
)
SERVICEDESK_DEFAULT_PAGE_SIZE = env.integer("SERVICEDESK_DEFAULT_PAGE_SIZE", default=20, minimum=1)
SERVICEDESK_MAX_PAGE_SIZE = env.integer("SERVICEDESK_MAX_PAGE_SIZE", default=100, minimum=1)
# Lists count their matches exactly up to this many; past it X-Total-Count is this number
# and X-Total-Count-Exact is false (servicedesk.api.pagination).
SERVICEDESK_COUNT_LIMIT = env.integer("SERVICEDESK_COUNT_LIMIT", default=10_000, minimum=1)
# Arrays and objects inside one another in a JSON body; deeper is 400 (not a recursion).
SERVICEDESK_MAX_JSON_DEPTH = env.integer("SERVICEDESK_MAX_JSON_DEPTH", default=64, minimum=8)
# Attachments: per file, files per request, bytes per request, and the JSON (base64)
# upload body of add-attachment/, which is exempt from the 1 MiB JSON limit above.
MIB = 1024 * 1024
SERVICEDESK_MAX_ATTACHMENT_BYTES = env.integer(
    "SERVICEDESK_MAX_ATTACHMENT_BYTES", default=25 * MIB, minimum=1
)
SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST = env.integer(
    "SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST", default=10, minimum=1
)
SERVICEDESK_MAX_UPLOAD_BYTES = env.integer(
    "SERVICEDESK_MAX_UPLOAD_BYTES", default=50 * MIB, minimum=1
)
SERVICEDESK_MAX_BASE64_UPLOAD_BYTES = env.integer(
    "SERVICEDESK_MAX_BASE64_UPLOAD_BYTES", default=10 * MIB, minimum=1024
)
# Multipart uploads over this many bytes are spooled to a temporary file, not memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * MIB
# Django's own ceiling for bodies read into memory; the per-route limits are enforced,
# with 413, by servicedesk.middleware.BodySizeLimitMiddleware before this is reached.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(
    SERVICEDESK_MAX_JSON_BODY_BYTES, SERVICEDESK_MAX_BASE64_UPLOAD_BYTES
)
DATA_UPLOAD_MAX_NUMBER_FILES = SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST
# Inbound mail (POST mail/inbound/, message/rfc822): the whole raw message. Its
# attachments are then held to the attachment limits above, like uploads.
SERVICEDESK_MAX_INBOUND_MAIL_BYTES = env.integer(
    "SERVICEDESK_MAX_INBOUND_MAIL_BYTES", default=40 * MIB, minimum=1024
)
SERVICEDESK_BOOTSTRAP_API_KEYS = os.environ.get("SERVICEDESK_BOOTSTRAP_API_KEYS", "")
# How stale `last_used_at` of a key may get before a request refreshes it (one write
# per key per interval instead of one per request).
SERVICEDESK_KEY_TOUCH_SECONDS = env.integer("SERVICEDESK_KEY_TOUCH_SECONDS", default=60)

# --- Rate limits and idempotency -------------------------------------------------
SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS = env.integer(
    "SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS", default=60, minimum=1
)
# Requests per window; 0 turns rate limiting off.
SERVICEDESK_RATE_LIMIT_PER_KEY = env.integer("SERVICEDESK_RATE_LIMIT_PER_KEY", default=600)
SERVICEDESK_RATE_LIMIT_PER_ORG = env.integer("SERVICEDESK_RATE_LIMIT_PER_ORG", default=3000)
SERVICEDESK_IDEMPOTENCY_TTL_SECONDS = env.integer(
    "SERVICEDESK_IDEMPOTENCY_TTL_SECONDS", default=24 * 3600, minimum=60
)
# How long a repeat waits for the first request with its key to finish before 409.
SERVICEDESK_IDEMPOTENCY_WAIT_SECONDS = float(
    os.environ.get("SERVICEDESK_IDEMPOTENCY_WAIT_SECONDS", "10")
)

# --- Outbound API calls (webhooks) ---------------------------------------------
SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = env.boolean("SERVICEDESK_WEBHOOK_ALLOW_PRIVATE", default=False)
SERVICEDESK_WEBHOOK_CONNECT_TIMEOUT = env.integer("SERVICEDESK_WEBHOOK_CONNECT_TIMEOUT", default=3)
SERVICEDESK_WEBHOOK_READ_TIMEOUT = env.integer("SERVICEDESK_WEBHOOK_READ_TIMEOUT", default=5)
SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT = env.integer("SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT", default=10)
SERVICEDESK_WEBHOOK_MAX_ATTEMPTS = env.integer(
    "SERVICEDESK_WEBHOOK_MAX_ATTEMPTS", default=8, minimum=1
)
SERVICEDESK_WEBHOOK_BACKOFF_SECONDS = env.integer("SERVICEDESK_WEBHOOK_BACKOFF_SECONDS", default=30)
SERVICEDESK_WEBHOOK_BACKOFF_MAX_SECONDS = env.integer(
    "SERVICEDESK_WEBHOOK_BACKOFF_MAX_SECONDS", default=6 * 3600
)
# How often the `webhooks.deliver` job looks for due deliveries.
SERVICEDESK_WEBHOOK_POLL_SECONDS = env.integer(
    "SERVICEDESK_WEBHOOK_POLL_SECONDS", default=2, minimum=1
)

# Sending: at most this many deliveries at once (threads of the `webhooks.deliver` job),
# and at most this many at once to one receiver (scheme, host and port of its URL).
SERVICEDESK_WEBHOOK_CONCURRENCY = env.integer(
    "SERVICEDESK_WEBHOOK_CONCURRENCY", default=8, minimum=1
)
SERVICEDESK_WEBHOOK_PER_RECEIVER = env.integer(
    "SERVICEDESK_WEBHOOK_PER_RECEIVER", default=2, minimum=1
)
# An endpoint whose deliveries keep failing waits before its next send: this, doubling
# with each failure in a row, up to the cap; one success ends it.
SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = env.integer(
    "SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS", default=5
)
SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_MAX_SECONDS = env.integer(
    "SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_MAX_SECONDS", default=300
)
# No delivery is ever attempted more often than this, retries on demand included.
SERVICEDESK_WEBHOOK_ATTEMPT_CAP = env.integer(
    "SERVICEDESK_WEBHOOK_ATTEMPT_CAP",
    default=2 * SERVICEDESK_WEBHOOK_MAX_ATTEMPTS + 4,
    minimum=SERVICEDESK_WEBHOOK_MAX_ATTEMPTS,
)

# --- Proxies and metrics ---------------------------------------------------------
# Addresses or networks (CIDR) of the reverse proxies whose X-Forwarded-* headers are
# believed; from any other peer they are dropped.
SERVICEDESK_TRUSTED_PROXIES = env.networks("SERVICEDESK_TRUSTED_PROXIES")
# `/metrics` answers only with `Authorization: Bearer <this>`; unset, it is 404.
SERVICEDESK_METRICS_TOKEN = os.environ.get("SERVICEDESK_METRICS_TOKEN", "").strip()

# --- Periodic jobs (servicedesk.jobs) ------------------------------------------
# `inprocess`: each serving process runs a job runner thread (needed on the embedded
# store); `off`: run `manage.py run_jobs` as a separate worker instead. Unset, the former
# SERVICEDESK_WEBHOOK_DISPATCHER decides as it did: `inprocess`, and any other value off.
SERVICEDESK_JOBS = env.choice(
    "SERVICEDESK_JOBS",
    ("inprocess", "off"),
    default=(
        "inprocess"
        if os.environ.get("SERVICEDESK_WEBHOOK_DISPATCHER", "inprocess") == "inprocess"
        else "off"
    ),
)

# --- CORS ----------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env.csv("CORS_ALLOWED_ORIGINS", default="")
CORS_ALLOWED_ORIGIN_REGEXES = env.csv("CORS_ALLOWED_ORIGIN_REGEXES", default="")
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "content-type",
    "if-match",
    "if-none-match",
    "idempotency-key",
    "x-request-id",
)
CORS_EXPOSE_HEADERS = (
    "X-Total-Count",
    "X-Total-Count-Exact",
    "Link",
    "ETag",
    "X-Request-ID",
    "Retry-After",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Idempotent-Replayed",
)

# --- Security headers ----------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- REST framework ------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["servicedesk.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["servicedesk.api.permissions.HasScope"],
    "DEFAULT_RENDERER_CLASSES": ["servicedesk.api.render.ORJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["servicedesk.api.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "servicedesk.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_VERSIONING_CLASS": None,
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append(
        "rest_framework.renderers.BrowsableAPIRenderer"
    )

DRF_STANDARDIZED_ERRORS = {
    "EXCEPTION_HANDLER_CLASS": "servicedesk.api.exceptions.ExceptionHandler",
    "ENABLE_IN_DEBUG_FOR_UNHANDLED_EXCEPTIONS": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Service desk incident API",
    "DESCRIPTION": (
        "Multi-tenant IT service-desk incident API. Every request under `/ux/sd/inci/` "
        "(incidents) and `/ux/sd/org/` (the organization's configuration: agents, groups, "
        "the catalogue, picklists; a tag per resource) carries an API key in the "
        "`Authorization` header (`<key>`, `Bearer <key>` or `Api-Key <key>`); the key "
        "decides the organization and the scope (`read`, `write`, `admin`). Errors share "
        "one shape: "
        '`{"type": ..., "errors": [{"code", "detail", "attr"}]}`. '
        "Lists answer a JSON array; the total is in `X-Total-Count` and the neighbour "
        "pages in `Link`."
    ),
    "VERSION": "0.1.0",
    "LICENSE": {"name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
    # Relative: the schema describes the service that serves it, wherever it runs.
    "SERVERS": [{"url": "/", "description": "The service that serves this document."}],
    "TAGS": [
        {"name": "incidents", "description": "Create, list, read, edit and delete incidents."},
        {
            "name": "incident actions",
            "description": "The listing's actions on the incident collection: workflow, "
            "bulk changes, feedback, and the reads a helpdesk frontend needs.",
        },
        {"name": "conversations", "description": "Replies, notes and forwards of incidents."},
        {"name": "attachments", "description": "Files of incidents and conversations."},
        {"name": "webhooks", "description": "Endpoints that receive incident events."},
        {"name": "deliveries", "description": "The log of outbound calls to the webhooks."},
        {
            "name": "mail",
            "description": "Inbound mail, delivered raw by an MTA or an inbound-parse service.",
        },
        # The organization's configuration (/ux/sd/org/): one tag per resource.
        {"name": "agents", "description": "The people who work incidents."},
        {"name": "groups", "description": "Support groups that incidents are assigned to."},
        {"name": "services", "description": "The service catalogue and its classifications."},
        {"name": "custom fields", "description": "Fields incidents carry beyond the standard."},
        {"name": "templates", "description": "Prefilled incidents (`template_id` on create)."},
        {"name": "picklists", "description": "Resolution types, hold reasons and sources."},
        {"name": "priority matrix", "description": "The priority of impact x urgency."},
        {"name": "calendars", "description": "Business hours and holidays SLA targets count."},
        {"name": "SLA policies", "description": "Response and resolution targets."},
        {"name": "settings", "description": "The organization's SLA settings (auto-close)."},
        {"name": "mail settings", "description": "Outbound and inbound mail of the desk."},
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # System fonts: the docs load nothing from another host (servicedesk/redoc.html).
    "REDOC_UI_SETTINGS": {
        "theme": {
            "typography": {
                "fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "headings": {"fontFamily": "system-ui, -apple-system, 'Segoe UI', sans-serif"},
                "code": {"fontFamily": "ui-monospace, 'DejaVu Sans Mono', monospace"},
            }
        }
    },
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ErrorTypeEnum": "servicedesk.api.schema.ERROR_TYPES",
        "WebhookEventEnum": "servicedesk.webhooks.events.CATALOGUE",
        "DeliveryStatusEnum": "servicedesk.webhooks.documents.STATUSES",
        "ConversationKindEnum": "conversations.documents.KINDS",
        "ConversationDirectionEnum": "conversations.documents.DIRECTIONS",
        "AutoAssignEnum": "directory.documents.AUTO_ASSIGN",
        "CustomFieldTypeEnum": "catalogue.documents.FIELD_TYPES",
        "PicklistNameEnum": "catalogue.documents.PICKLISTS",
        "RichTextFieldEnum": "incidents.api.inputs.RICH_TEXT_FIELD_NAMES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_standardized_errors.openapi_hooks.postprocess_schema_enums",
        "servicedesk.api.openapi.postprocess_operational_responses",
        "servicedesk.api.openapi.postprocess_blank_text",
    ],
}

# --- Logging -------------------------------------------------------------------
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "servicedesk.logs.RequestIdFilter"},
        "once_a_minute": {"()": "servicedesk.logs.OnceAMinuteWarning"},
    },
    "formatters": {
        "json": {"()": "servicedesk.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # pymongo's DEBUG command log carries documents as written (webhook secrets,
        # bodies): never below WARNING, whatever LOG_LEVEL says.
        "pymongo": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # waitress warns "Task queue depth is N" for every request that waits for a
        # thread: under load, a line per request. Queueing shows in the latency metrics.
        "waitress.queue": {"level": "ERROR"},
        # A request with a Host we do not serve: anyone can send one, so it is logged at
        # WARNING without a traceback, once a minute per host (how many were dropped is
        # in the next line), not at ERROR per request.
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "filters": ["once_a_minute"],
            "propagate": False,
        },
    },
}

# --- Mail (mail/) ------------------------------------------------------------------
# Where replies go out: smtp://, smtp+starttls:// or smtps://[user:password@]host[:port].
# Unset: nothing is sent and outbound conversations say `mail.status: "not_sent"`.
SERVICEDESK_SMTP_URL = os.environ.get("SERVICEDESK_SMTP_URL", "")
SERVICEDESK_SMTP_TIMEOUT_SECONDS = env.integer(
    "SERVICEDESK_SMTP_TIMEOUT_SECONDS", default=20, minimum=1
)
SERVICEDESK_MAIL_MAX_ATTEMPTS = env.integer("SERVICEDESK_MAIL_MAX_ATTEMPTS", default=8, minimum=1)
SERVICEDESK_MAIL_BACKOFF_SECONDS = env.integer(
    "SERVICEDESK_MAIL_BACKOFF_SECONDS", default=60, minimum=1
)
SERVICEDESK_MAIL_BACKOFF_MAX_SECONDS = env.integer(
    "SERVICEDESK_MAIL_BACKOFF_MAX_SECONDS", default=6 * 3600, minimum=1
)
SERVICEDESK_MAIL_POLL_SECONDS = env.integer("SERVICEDESK_MAIL_POLL_SECONDS", default=5, minimum=1)
