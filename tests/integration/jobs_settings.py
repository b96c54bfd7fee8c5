"""The service's settings plus the probe app of tests/integration/test_jobs.py."""

from servicedesk.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.integration.probe.ProbeConfig"]  # noqa: F405
