from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Service catalogue, custom fields, templates, picklists"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from catalogue.selectors import refers_to_directory  # noqa: PLC0415
        from directory.public import register_reference_check  # noqa: PLC0415

        # A group that is a service's default or a template's, an agent a template names:
        # deleting them deactivates them, as for those incidents refer to.
        register_reference_check(refers_to_directory)
