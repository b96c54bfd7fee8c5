from django.apps import AppConfig


class ServicedeskConfig(AppConfig):
    """The project package as an app: what belongs to no app, such as housekeeping jobs."""

    name = "servicedesk"
    label = "servicedesk"
    verbose_name = "Service desk"

    def ready(self) -> None:
        from servicedesk import housekeeping  # noqa: F401, PLC0415 - registers the sweeps once apps are ready
