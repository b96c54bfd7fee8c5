from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "servicedesk.jobs"
    label = "jobs"
    verbose_name = "Periodic jobs"

    def ready(self) -> None:
        from servicedesk.jobs import documents  # noqa: F401, PLC0415 - its index, for ensure_indexes
