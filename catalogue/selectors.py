"""Catalogue reads: an organization's catalogue as one snapshot per request.

`catalogue_of` loads services, custom fields, templates, picklists and the
priority matrix (five queries), kept by the worker while the organization's
configuration does not change (servicedesk.orgcache). Picklists and the matrix
an organization has not stored yet are the defaults the incidents app
registers at start-up (`register_defaults`): organizations made before the
catalogue existed work with no step of their own.
"""

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from bson import ObjectId

from catalogue.documents import PICKLISTS, CustomField, Picklist, PriorityMatrix, Service, Template
from servicedesk import orgcache
from servicedesk.configuration import References, name_key


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    active: bool = True


@dataclass(frozen=True)
class ServiceRef:
    id: str
    name: str
    active: bool
    default_group_id: str | None
    classifications: tuple[Entry, ...]

    def classification(self, ref: Any) -> Entry | None:
        return _entry(self.classifications, ref)


@dataclass(frozen=True)
class FieldDef:
    key: str
    label: str
    type: str
    required: bool
    options: tuple[str, ...]
    incident_type_ids: tuple[int, ...]
    active: bool

    def applies_to(self, incident_type_id: int) -> bool:
        return not self.incident_type_ids or incident_type_id in self.incident_type_ids


@dataclass(frozen=True)
class TemplateRef:
    id: str
    name: str
    active: bool
    fields: MappingProxyType


@dataclass(frozen=True)
class Catalogue:
    services: dict[str, ServiceRef] = field(default_factory=dict)
    fields: tuple[FieldDef, ...] = ()
    templates: dict[str, TemplateRef] = field(default_factory=dict)
    picklists: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    matrix: dict[tuple[int, int], int] = field(default_factory=dict)

    def service(self, ref: Any) -> ServiceRef | None:
        return _by_id_or_name(self.services, ref)

    def template(self, ref: Any) -> TemplateRef | None:
        return _by_id_or_name(self.templates, ref)

    def picklist(self, name: str) -> tuple[Entry, ...]:
        return self.picklists[name]

    def picklist_entry(self, name: str, ref: Any) -> Entry | None:
        return _entry(self.picklists[name], ref)

    def fields_for(self, incident_type_id: int) -> list[FieldDef]:
        """The active custom fields of an incident type, in key order."""
        return [f for f in self.fields if f.active and f.applies_to(incident_type_id)]

    def field(self, key: str) -> FieldDef | None:
        return next((f for f in self.fields if f.key == key), None)


def _by_id_or_name(entries: dict, ref: Any):
    if not isinstance(ref, str) or not ref.strip():
        return None
    ref = ref.strip()
    if ref.lower() in entries:
        return entries[ref.lower()]
    key = name_key(ref)
    return next((entry for entry in entries.values() if name_key(entry.name) == key), None)


def _entry(entries: tuple[Entry, ...], ref: Any) -> Entry | None:
    """An entry by id (an int, or digits) or by name."""
    if isinstance(ref, bool) or ref is None:
        return None
    if isinstance(ref, str) and ref.strip().isdecimal() and len(ref.strip()) < 10:
        ref = int(ref.strip())
    if isinstance(ref, int):
        return next((entry for entry in entries if entry.id == ref), None)
    if isinstance(ref, str) and ref.strip():
        key = name_key(ref)
        return next((entry for entry in entries if name_key(entry.name) == key), None)
    return None


# --- defaults, registered by the incidents app -----------------------------------------------

_defaults: dict[str, Any] = {
    "picklists": {},
    "matrix": {},
    "priority_ids": (),
    "incident_type_ids": (),
}


def register_defaults(
    *,
    picklists: dict[str, tuple[Entry, ...]] | None = None,
    matrix: dict[tuple[int, int], int] | None = None,
    priority_ids=None,
    incident_type_ids=None,
) -> None:
    """The picklists and priority matrix of an organization that has stored none, the
    priorities a matrix may give and the incident types a custom field may apply to.

    A keyword not given keeps what was registered before.
    """
    given = {
        "picklists": None if picklists is None else dict(picklists),
        "matrix": None if matrix is None else dict(matrix),
        "priority_ids": None if priority_ids is None else tuple(priority_ids),
        "incident_type_ids": None if incident_type_ids is None else tuple(incident_type_ids),
    }
    _defaults.update({name: value for name, value in given.items() if value is not None})


def default_picklist(name: str) -> tuple[Entry, ...]:
    return _defaults["picklists"].get(name, ())


def default_matrix() -> dict[tuple[int, int], int]:
    return dict(_defaults["matrix"])


def priority_ids() -> tuple[int, ...]:
    return _defaults["priority_ids"]


def incident_type_ids() -> tuple[int, ...]:
    return _defaults["incident_type_ids"]


# --- loading -------------------------------------------------------------------------------


def load_catalogue(organization_id: ObjectId) -> Catalogue:
    scope = {"organization_id": organization_id}
    services = {
        str(s.id): ServiceRef(
            str(s.id),
            s.name,
            s.active,
            str(s.default_group_id) if s.default_group_id else None,
            tuple(Entry(c.id, c.name) for c in s.classifications),
        )
        for s in Service.objects(**scope).order_by("name_key")
    }
    fields = tuple(
        FieldDef(
            f.key,
            f.label,
            f.type,
            f.required,
            tuple(f.options),
            tuple(f.incident_type_ids),
            f.active,
        )
        for f in CustomField.objects(**scope).order_by("key")
    )
    templates = {
        str(t.id): TemplateRef(str(t.id), t.name, t.active, MappingProxyType(dict(t.fields)))
        for t in Template.objects(**scope).order_by("name_key")
    }
    stored = {p.name: p for p in Picklist.objects(**scope)}
    picklists = {
        name: (
            tuple(Entry(e.id, e.name, e.active) for e in stored[name].entries)
            if name in stored
            else default_picklist(name)
        )
        for name in PICKLISTS
    }
    matrix_doc = PriorityMatrix.objects(**scope).first()
    matrix = (
        {(c.impact_id, c.urgency_id): c.priority_id for c in matrix_doc.cells}
        if matrix_doc is not None
        else default_matrix()
    )
    return Catalogue(services, fields, templates, picklists, matrix)


def catalogue_of(*, organization_id: ObjectId) -> Catalogue:
    """The organization's catalogue, as this request (or worker, see orgcache) knows it."""
    return orgcache.kept("catalogue", organization_id, lambda: load_catalogue(organization_id))


# --- for the configuration API and other apps -------------------------------------------

# Whether something refers to a service or template (by its id, a string) or to a
# custom field (by its key, which is how incidents store values): incidents plug their
# check in from their AppConfig.ready() (register_reference_check).
references = References("service", "custom_field", "template")
register_reference_check = references.register


def is_referenced(*, kind: str, organization_id: ObjectId, ref: str) -> bool:
    """Whether incidents, or other configuration, refer to the object."""
    scope = {"organization_id": organization_id}
    if kind == "service":
        in_templates = {"fields.impact_service": ref}
    elif kind == "custom_field":
        in_templates = {f"fields.custom_field_data.{ref}": {"$exists": True}}
    else:
        in_templates = None
    if in_templates and Template.objects(**scope, __raw__=in_templates).only("id").first():
        return True
    return references.any(kind, organization_id, ref)


def refers_to_directory(kind: str, organization_id: ObjectId, ref: str) -> bool:
    """Whether a service (its default group) or a template (its support group or
    assignee) refers to a directory entry: plugged into the directory at start-up."""
    scope = {"organization_id": organization_id}
    if kind == "group":
        services = Service.objects(**scope, default_group_id=ObjectId(ref))
        if services.only("id").first() is not None:
            return True
        field = "fields.support_group"
    else:
        field = "fields.assignee"
    return Template.objects(**scope, __raw__={field: ref}).only("id").first() is not None


def picklist_of(*, organization_id: ObjectId, name: str) -> tuple[Entry, ...]:
    """A picklist as stored, or the default one."""
    stored = Picklist.objects(organization_id=organization_id, name=name).first()
    if stored is None:
        return default_picklist(name)
    return tuple(Entry(e.id, e.name, e.active) for e in stored.entries)


def matrix_of(*, organization_id: ObjectId) -> dict[tuple[int, int], int]:
    """(impact id, urgency id) -> priority id, as stored, or the default matrix."""
    stored = PriorityMatrix.objects(organization_id=organization_id).first()
    if stored is None:
        return default_matrix()
    return {(c.impact_id, c.urgency_id): c.priority_id for c in stored.cells}
