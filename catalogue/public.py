"""The catalogue (services, custom fields, templates, picklists, matrix) for other apps."""

from catalogue.selectors import (
    Catalogue,
    Entry,
    FieldDef,
    ServiceRef,
    TemplateRef,
    catalogue_of,
    register_defaults,
)

__all__ = [
    "Catalogue",
    "Entry",
    "FieldDef",
    "ServiceRef",
    "TemplateRef",
    "catalogue_of",
    "register_defaults",
]
