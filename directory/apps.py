from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Agents and support groups"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from directory.selectors import active_agent_id  # noqa: PLC0415
        from servicedesk.tenancy.services import register_agent_lookup  # noqa: PLC0415

        register_agent_lookup(active_agent_id)  # create_api_key --agent EMAIL
