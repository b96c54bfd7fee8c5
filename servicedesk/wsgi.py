"""WSGI entry point. Start-up work (bootstrap keys, the demo key) runs once per process."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings")

application = get_wsgi_application()

from servicedesk.startup import on_start  # noqa: E402  (needs the apps loaded)

on_start()
