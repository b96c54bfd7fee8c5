from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = "Incidents"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from catalogue import public as catalogue  # noqa: PLC0415
        from directory import public as directory  # noqa: PLC0415
        from incidents import choices, jobs  # noqa: F401, PLC0415 - jobs: registers its job
        from incidents.selectors import incident_id_for, refers_to  # noqa: PLC0415
        from incidents.services.events import EVENTS  # noqa: PLC0415
        from servicedesk.webhooks.events import (  # noqa: PLC0415
            register_events,
            register_subject_lookup,
        )

        register_events(*EVENTS)
        register_subject_lookup(incident_id_for)
        catalogue.register_defaults(
            picklists={
                name: tuple(catalogue.Entry(choice.id, choice.name) for choice in table)
                for name, table in choices.PICKLIST_TABLES.items()
            },
            matrix=dict(choices.PRIORITY_MATRIX),
            priority_ids=choices.PRIORITIES.ids(),
            incident_type_ids=choices.INCIDENT_TYPES.ids(),
        )
        directory.register_reference_check(refers_to)
        catalogue.register_reference_check(refers_to)
