"""Catalogue writes: services, custom fields and templates, picklists, the priority matrix.

Rules that need the stored state are checked here (the serializers check shapes):
unique names and keys (409), ids of the caller's organization only (any other is
"unknown", 400 naming the field), inactive entries not newly chosen, picklist
entries never dropped. Every write tells every worker to reload the catalogue
(servicedesk.orgcache), through servicedesk.configuration or directly.
"""

from bson import ObjectId
from mongoengine.errors import NotUniqueError
from pymongo.errors import DuplicateKeyError

from catalogue import selectors
from catalogue.documents import (
    SELECT_TYPES,
    Classification,
    CustomField,
    MatrixCell,
    Picklist,
    PicklistEntry,
    PriorityMatrix,
    Service,
    Template,
)
from catalogue.selectors import Entry, name_key
from directory.public import directory_of
from servicedesk import cas, configuration, orgcache
from servicedesk.errors import Conflict, Immutable, InvalidInputs, invalid
from servicedesk.timeutil import now

NAMED = ("name_key",)


def _unique_names(items: list[dict], field: str, what: str, key=name_key) -> None:
    """A 400 naming `field.<index>.name` (or `field.<index>`) for a repeated name."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        name = item["name"] if isinstance(item, dict) else item
        where = f"{field}.{index}.name" if isinstance(item, dict) else f"{field}.{index}"
        if key(name) in seen:
            raise invalid(where, f"Another {what} here has this name.", "duplicate")
        seen.add(key(name))


def _unique_ids(items: list[dict], field: str, what: str) -> None:
    seen: set[int] = set()
    for index, item in enumerate(items):
        if item.get("id") in seen:
            raise invalid(f"{field}.{index}.id", f"Another {what} here has this id.", "duplicate")
        if item.get("id") is not None:
            seen.add(item["id"])


# --- services ----------------------------------------------------------------------------


def _classifications(
    given: list[dict], stored: list[Classification], last_id: int
) -> tuple[list[Classification], int]:
    """Classifications with ids, and the highest id handed out. One given without an id
    keeps the id of the stored one of the same name, or gets the next above every id
    handed out so far (so a removed one's id never comes back with another meaning)."""
    _unique_ids(given, "classifications", "classification")
    _unique_names(given, "classifications", "classification")
    ids_by_name = {name_key(c.name): c.id for c in stored}
    taken = {item["id"] for item in given if item.get("id") is not None}
    last_id = max([last_id, *(c.id for c in stored), *taken])
    found = []
    for item in given:
        class_id = item.get("id")
        if class_id is None:
            class_id = ids_by_name.get(name_key(item["name"]))
            if class_id is None or class_id in taken:
                class_id = last_id = last_id + 1
            taken.add(class_id)
        found.append(Classification(id=class_id, name=item["name"]))
    return found, last_id


def _default_group(organization_id: ObjectId, group_id: str | None, current) -> ObjectId | None:
    if group_id is None:
        return None
    group = directory_of(organization_id=organization_id).groups.get(group_id)
    if group is None:
        raise invalid("default_group_id", "No support group with this id.", "unknown")
    if not group.active and str(current) != group_id:
        raise invalid("default_group_id", "This support group is inactive.", "inactive")
    return ObjectId(group_id)


def _service_changes(organization_id, data: dict, current: Service | None) -> dict:
    changes = configuration.changes_of(data, skip=("classifications", "default_group_id"))
    if "classifications" in data:
        stored = list(current.classifications) if current else []
        last_id = current.last_classification_id if current else 0
        classifications, last_id = _classifications(data["classifications"], stored, last_id)
        changes.update(classifications=classifications, last_classification_id=last_id)
    if "default_group_id" in data:
        before = current.default_group_id if current else None
        changes["default_group_id"] = _default_group(
            organization_id, data["default_group_id"], before
        )
    return changes


def service_create(*, organization_id: ObjectId, data: dict) -> Service:
    service = Service(
        organization_id=organization_id, **_service_changes(organization_id, data, None)
    )
    return configuration.insert(service, kind="service", unique=NAMED)


def service_update(*, service: Service, data: dict) -> Service:
    changes = _service_changes(service.organization_id, data, service)
    return configuration.update(service, changes, kind="service", unique=NAMED)


def service_delete(*, service: Service) -> bool:
    """Deletes the service, or deactivates it when something refers to it (True: deleted)."""
    referenced = selectors.is_referenced(
        kind="service", organization_id=service.organization_id, ref=str(service.id)
    )
    return configuration.delete_or_deactivate(service, referenced=referenced)


# --- custom fields -------------------------------------------------------------------------


def _field_changes(data: dict, current: CustomField | None) -> dict:
    if current is not None and data.get("key", current.key) != current.key:
        raise Immutable(
            "A custom field's key cannot change: incidents keep values under it.", field="key"
        )
    kind = data.get("type", current.type if current else None)
    options = data.get("options", list(current.options) if current else [])
    if kind in SELECT_TYPES and not options:
        raise invalid("options", f"A {kind} field needs at least one option.", "required")
    if kind not in SELECT_TYPES and options:
        raise invalid("options", "Only select and multiselect fields have options.", "not_allowed")
    _unique_names(options, "options", "option")
    changes = dict(data)
    if "incident_type_ids" in data:
        known = selectors.incident_type_ids()
        for index, type_id in enumerate(data["incident_type_ids"]):
            if type_id not in known:
                raise invalid(
                    f"incident_type_ids.{index}", "No incident type with this id.", "unknown"
                )
        changes["incident_type_ids"] = list(dict.fromkeys(data["incident_type_ids"]))
    return changes


def custom_field_create(*, organization_id: ObjectId, data: dict) -> CustomField:
    field = CustomField(organization_id=organization_id, **_field_changes(data, None))
    return configuration.insert(field, kind="custom field", unique=("key",))


def custom_field_update(*, custom_field: CustomField, data: dict) -> CustomField:
    changes = _field_changes(data, custom_field)
    return configuration.update(custom_field, changes, kind="custom field", unique=("key",))


def custom_field_delete(*, custom_field: CustomField) -> bool:
    """Deletes the field, or deactivates it when incidents or templates hold values for
    it (True: deleted)."""
    referenced = selectors.is_referenced(
        kind="custom_field", organization_id=custom_field.organization_id, ref=custom_field.key
    )
    return configuration.delete_or_deactivate(custom_field, referenced=referenced)


# --- templates -----------------------------------------------------------------------------


def _usable(entry, field: str, what: str, before) -> None:
    """A 400 naming `fields.<field>` unless `entry` exists and is active (or was already
    the template's: an entry deactivated since may stay)."""
    if entry is None:
        raise invalid(f"fields.{field}", f"No {what} by this id or name.", "unknown")
    if not entry.active and entry.id != before:
        raise invalid(
            f"fields.{field}", f"This {what} is inactive: it cannot be chosen.", "inactive"
        )


def _template_fields(organization_id: ObjectId, given: dict, before: dict) -> dict:
    """The fields a template stores: empty ones dropped, every reference checked like an
    incident's and stored by its id (so a rename does not break it)."""
    fields = {name: value for name, value in given.items() if value not in ("", None, [], {})}
    directory = directory_of(organization_id=organization_id)
    catalogue = selectors.catalogue_of(organization_id=organization_id)
    group = None
    if "support_group" in fields:
        group = directory.group(fields["support_group"])
        _usable(group, "support_group", "support group", before.get("support_group"))
        fields["support_group"] = group.id
    if "assignee" in fields:
        agent = directory.agent(fields["assignee"])
        _usable(agent, "assignee", "agent", before.get("assignee"))
        if group is not None and agent.id not in group.member_ids:
            raise invalid(
                "fields.assignee",
                "This agent is not in the template's support group.",
                "not_a_member",
            )
        fields["assignee"] = agent.id
    if "service_classification" in fields:
        service = catalogue.service(fields.get("impact_service"))
        if service is None:
            raise invalid(
                "fields.service_classification", "Give its impact_service too.", "required"
            )
        entry = service.classification(fields["service_classification"])
        if entry is None:
            raise invalid(
                "fields.service_classification",
                "The service has no such classification.",
                "unknown",
            )
        fields["service_classification"] = str(entry.id)
    if "impact_service" in fields:
        service = catalogue.service(fields["impact_service"])
        _usable(service, "impact_service", "service", before.get("impact_service"))
        fields["impact_service"] = service.id
    pairs = selectors.default_matrix()
    for name, position, what in (("impact_id", 0, "impact"), ("urgency_id", 1, "urgency")):
        if name in fields and pairs and fields[name] not in {pair[position] for pair in pairs}:
            raise invalid(f"fields.{name}", f"No {what} with this id.", "unknown")
    kept = before.get("custom_field_data") or {}
    for key in fields.get("custom_field_data", {}):
        definition = catalogue.field(key)
        if definition is None or not (definition.active or key in kept):
            raise invalid(
                f"fields.custom_field_data.{key}",
                "No active custom field with this key.",
                "unknown",
            )
    return fields


def _template_changes(organization_id: ObjectId, data: dict, current: Template | None) -> dict:
    changes = configuration.changes_of(data)
    if "fields" in data:
        before = dict(current.fields) if current else {}
        changes["fields"] = _template_fields(organization_id, data["fields"], before)
    return changes


def template_create(*, organization_id: ObjectId, data: dict) -> Template:
    changes = _template_changes(organization_id, data, None)
    template = Template(organization_id=organization_id, **changes)
    return configuration.insert(template, kind="template", unique=NAMED)


def template_update(*, template: Template, data: dict) -> Template:
    changes = _template_changes(template.organization_id, data, template)
    return configuration.update(template, changes, kind="template", unique=NAMED)


def template_delete(*, template: Template) -> bool:
    """Deletes the template, or deactivates it when incidents refer to it (True: deleted)."""
    referenced = selectors.is_referenced(
        kind="template", organization_id=template.organization_id, ref=str(template.id)
    )
    return configuration.delete_or_deactivate(template, referenced=referenced)


# --- picklists -----------------------------------------------------------------------------


def _checked_entries(name: str, given: list[dict], before: tuple[Entry, ...]) -> list[dict]:
    """The new entries, refused (400) when one that existed is missing from them."""
    _unique_ids(given, "entries", "entry")
    _unique_names(given, "entries", "entry")
    ids = {item["id"] for item in given}
    missing = [entry for entry in before if entry.id not in ids]
    if missing:
        raise InvalidInputs(
            [
                invalid(
                    "entries",
                    f"Entry {entry.id} ({entry.name!r}) of {name} is missing: stored incidents "
                    "may refer to it. Keep it with `active: false` instead.",
                    "entry_removed",
                )
                for entry in missing
            ]
        )
    return [PicklistEntry(**item).to_mongo().to_dict() for item in given]


def picklist_replace(
    *, organization_id: ObjectId, name: str, entries: list[dict]
) -> tuple[Entry, ...]:
    """Replace a picklist; no entry that existed (stored or default) may disappear.

    The check and the write are one compare-and-set (servicedesk.cas): a PUT that raced
    another is checked again against what the other stored.
    """
    scope = {"organization_id": organization_id, "name": name}
    stored = Picklist.objects(**scope).first()
    if stored is None:
        before = selectors.default_picklist(name)
        document = Picklist(**scope, entries=_checked_entries(name, entries, before), version=1)
        try:
            document.save(force_insert=True)
        except (NotUniqueError, DuplicateKeyError):
            stored = Picklist.objects(**scope).first()  # stored meanwhile: checked below
    if stored is not None:

        def plan(current: Picklist) -> dict:
            before = tuple(Entry(e.id, e.name, e.active) for e in current.entries)
            checked = _checked_entries(name, entries, before)
            return {"$set": {"entries": checked, "updated_at": now()}}

        cas.commit(
            collection=Picklist._get_collection(),
            scope={"_id": stored.id, "organization_id": organization_id},
            current=stored,
            plan=plan,
            load=lambda: Picklist.objects(**scope).first(),
        )
    orgcache.changed(organization_id)
    return selectors.picklist_of(organization_id=organization_id, name=name)


# --- the priority matrix -------------------------------------------------------------------


def priority_matrix_replace(*, organization_id: ObjectId, cells: list[dict]) -> dict:
    """Replace the matrix: every (impact, urgency) pair of the default matrix once, each
    with a known priority."""
    pairs = set(selectors.default_matrix())
    priorities = selectors.priority_ids()
    seen: set[tuple[int, int]] = set()
    impacts = {impact for impact, _ in pairs}
    urgencies = {urgency for _, urgency in pairs}
    for index, cell in enumerate(cells):
        pair = (cell["impact_id"], cell["urgency_id"])
        # An id past the table names its own field (the schema states the ranges).
        if cell["impact_id"] not in impacts:
            raise invalid(f"cells.{index}.impact_id", "No impact with this id.", "unknown")
        if cell["urgency_id"] not in urgencies:
            raise invalid(f"cells.{index}.urgency_id", "No urgency with this id.", "unknown")
        if pair not in pairs:
            raise invalid(f"cells.{index}", "No such impact and urgency pair.", "unknown_pair")
        if pair in seen:
            raise invalid(f"cells.{index}", "This pair is given twice.", "duplicate")
        if cell["priority_id"] not in priorities:
            raise invalid(f"cells.{index}.priority_id", "No priority with this id.", "unknown")
        seen.add(pair)
    if missing := sorted(pairs - seen):
        listed = ", ".join(f"impact {i} x urgency {u}" for i, u in missing)
        raise invalid("cells", f"Every pair needs a priority; missing: {listed}.", "incomplete")
    stored = [
        MatrixCell(**cell)
        for cell in sorted(cells, key=lambda c: (c["impact_id"], c["urgency_id"]))
    ]
    for _ in range(2):  # two first writes may race on the unique index: the second wins
        try:
            PriorityMatrix.objects(organization_id=organization_id).update_one(
                set__cells=stored, set__updated_at=now(), upsert=True
            )
            break
        except (NotUniqueError, DuplicateKeyError):
            continue
    else:
        raise Conflict("The matrix is being changed by others; try again.", code="busy")
    orgcache.changed(organization_id)
    return selectors.matrix_of(organization_id=organization_id)
