from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "sla"
    verbose_name = "SLA: business calendars, policies, clocks, warnings, breaches, auto-close"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from incidents import public as incidents  # noqa: PLC0415
        from servicedesk.webhooks.events import register_events  # noqa: PLC0415
        from sla import jobs, services  # noqa: PLC0415

        register_events(*services.EVENTS.values())
        incidents.register_change_planner("sla", services.incident_clocks)
        incidents.register_change_listener("sla", services.announce)
        incidents.register_representation_section("sla", services.render)
        jobs.register_jobs()
