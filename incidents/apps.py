from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = "Incidents"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from incidents.selectors import incident_id_for  # noqa: PLC0415
        from incidents.services.events import EVENTS  # noqa: PLC0415
        from servicedesk.webhooks.events import (  # noqa: PLC0415
            register_events,
            register_subject_lookup,
        )

        register_events(*EVENTS)
        register_subject_lookup(incident_id_for)
