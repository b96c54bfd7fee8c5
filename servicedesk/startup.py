"""What a serving process does once at start: register bootstrap keys, or make a demo key,
then start its job runner thread (servicedesk.jobs)."""

import logging
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from servicedesk import mongo
from servicedesk.indexes import ensure_indexes
from servicedesk.jobs.runner import start_in_process
from servicedesk.tenancy import services
from servicedesk.tenancy.documents import SCOPE_WRITE

log = logging.getLogger("servicedesk.startup")

DEMO_ORG = "demo"


def on_start() -> None:
    _bootstrap()
    start_in_process()


def _bootstrap() -> None:
    spec = settings.SERVICEDESK_BOOTSTRAP_API_KEYS
    if spec.strip():
        try:
            services.parse_bootstrap(spec)
        except services.TenancyError as exc:
            raise ImproperlyConfigured(f"SERVICEDESK_BOOTSTRAP_API_KEYS: {exc.message}") from None
    if mongo.is_embedded():
        log.warning(
            "MONGODB_URI is not set: running on the embedded in-memory store. "
            "NOTHING IS KEPT after this process exits."
        )
    try:
        ensure_indexes()
    except mongo.UNAVAILABLE_ERRORS as exc:
        # A worker must start anyway (requests answer 503 until the database is back);
        # the deployment's init job creates the indexes too.
        log.error("indexes not ensured, database unavailable: %s", exc)
        return
    if spec.strip():
        try:
            keys = services.bootstrap(spec=spec)
        except mongo.UNAVAILABLE_ERRORS as exc:
            # The deployment's init job registers keys too; a worker must still start.
            log.error("bootstrap keys not registered, database unavailable: %s", exc)
            return
        log.info("bootstrap: %d API key(s) registered", len(keys))
    elif mongo.is_embedded():
        _make_demo_key()


def _make_demo_key() -> None:
    org = services.org_ensure(slug=DEMO_ORG, name="Demo organization")
    _, key = services.api_key_create(org=org, name="demo write key", scope=SCOPE_WRITE)
    banner = (
        "\n"
        "  Embedded store: a demo organization was created with this write key\n"
        "  (shown once, gone when the process exits):\n\n"
        f"      {key}\n\n"
        f'  curl -H "Authorization: {key}" http://HOST:PORT/ux/sd/inci/incident/\n'
    )
    print(banner, file=sys.stderr, flush=True)
