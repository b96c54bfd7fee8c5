"""The catalogue (services, custom fields, templates, picklists, matrix) for other apps.

`register_defaults(picklists=, matrix=, priority_ids=, incident_type_ids=)`: what an
organization that stored nothing gets, and the ids the configuration API accepts.
`register_reference_check(check)`: `check(kind, organization_id, ref) -> bool`, kind
`service` or `template` (ref: the id as a string) or `custom_field` (ref: its key);
True when the caller's app refers to that object. A DELETE of a referred-to object
deactivates it.
"""

from catalogue.documents import FIELD_TYPES
from catalogue.selectors import (
    Catalogue,
    Entry,
    FieldDef,
    ServiceRef,
    TemplateRef,
    catalogue_of,
    register_defaults,
    register_reference_check,
)

__all__ = [
    "FIELD_TYPES",
    "Catalogue",
    "Entry",
    "FieldDef",
    "ServiceRef",
    "TemplateRef",
    "catalogue_of",
    "register_defaults",
    "register_reference_check",
]
