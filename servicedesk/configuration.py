"""What the writes of every organization-configuration resource share.

Agents, groups, services, custom fields and templates (the `directory` and
`catalogue` apps) are documents of one organization with names (or keys) that
are unique in it, enforced by unique indexes. Their services write through
here, so that:

- a clash on a unique index is a 409 saying which value is taken (`unique`
  names the fields that must be unique: `name_key` is reported as `name_taken`,
  `email` as `email_taken`), also when two requests race for the same name;
- a delete of something others refer to deactivates it instead, so that
  stored incidents keep reading as they did (`References` collects the checks
  the apps above plug in: the configuration app cannot know who uses it);
- every change tells every worker to load the organization's configuration
  again (`servicedesk.orgcache.changed`).
"""

from collections.abc import Callable

import mongoengine as me
from bson import ObjectId
from mongoengine.errors import NotUniqueError
from pymongo.errors import DuplicateKeyError

from servicedesk import orgcache
from servicedesk.errors import Conflict, NotFound
from servicedesk.timeutil import now

# (kind, organization id, reference) -> whether something refers to that object.
ReferenceCheck = Callable[[str, ObjectId, str], bool]


class References:
    """The checks that say whether a configuration object is referred to.

    `kinds` are the kinds of object of one app (`agent`, `group`, ...); a check is
    called with one of them, the organization and the object's reference (its id
    as a string, unless the app says otherwise), and answers True when it knows
    of a reference. Checks are registered once, from an AppConfig.ready().
    """

    def __init__(self, *kinds: str) -> None:
        self.kinds = kinds
        self._checks: list[ReferenceCheck] = []

    def register(self, check: ReferenceCheck) -> None:
        if check not in self._checks:
            self._checks.append(check)

    def any(self, kind: str, organization_id: ObjectId, ref: str) -> bool:
        if kind not in self.kinds:
            raise ValueError(f"unknown kind {kind!r}; known: {self.kinds}")
        return any(check(kind, organization_id, ref) for check in self._checks)


def name_key(name: str) -> str:
    """The case- and space-insensitive form under which names are unique."""
    return " ".join(name.split()).casefold()


def changes_of(data: dict, *, skip: tuple[str, ...] = ()) -> dict:
    """The document fields a validated body sets (a `name` sets its `name_key` too)."""
    changes = {field: value for field, value in data.items() if field not in skip}
    if "name" in changes:
        changes["name_key"] = name_key(changes["name"])
    return changes


def taken(kind: str, field: str) -> Conflict:
    """The 409 of a unique value (`name`, `email`, `key`) another object already has:
    code `<field>_taken`."""
    return Conflict(
        f"Another {kind} of this organization already has this {field}.", code=f"{field}_taken"
    )


def _clash(document: me.Document, kind: str, unique: tuple[str, ...]) -> Conflict:
    """Which unique value another document of the organization holds."""
    for field in unique:
        query = {"organization_id": document.organization_id, field: getattr(document, field)}
        others = type(document).objects(**query)
        if document.id is not None:
            others = others.filter(id__ne=document.id)
        if others.only("id").first() is not None:
            return taken(kind, field.removesuffix("_key"))
    return Conflict()


def insert(document: me.Document, *, kind: str, unique: tuple[str, ...]) -> me.Document:
    """Store a new configuration object; `unique`: see the module doc."""
    try:
        document.save(force_insert=True)
    except (NotUniqueError, DuplicateKeyError):
        document.id = None
        raise _clash(document, kind, unique) from None
    orgcache.changed(document.organization_id)
    return document


def update(
    document: me.Document, changes: dict, *, kind: str, unique: tuple[str, ...]
) -> me.Document:
    """Set `changes` (field -> value) on a stored object; answers it as stored after."""
    scope = type(document).objects(id=document.id, organization_id=document.organization_id)
    if changes:
        values = {f"set__{field}": value for field, value in changes.items()}
        try:
            updated = scope.update_one(**values, set__updated_at=now())
        except (DuplicateKeyError, NotUniqueError):
            for field, value in changes.items():
                setattr(document, field, value)
            raise _clash(document, kind, unique) from None
        if not updated:
            raise NotFound()
        orgcache.changed(document.organization_id)
    fresh = scope.first()
    if fresh is None:
        raise NotFound()
    return fresh


def delete_or_deactivate(document: me.Document, *, referenced: bool) -> bool:
    """Delete the object, or, when something refers to it, deactivate it (`active:
    false`) so that what refers to it keeps its meaning. True when it was deleted."""
    scope = type(document).objects(id=document.id, organization_id=document.organization_id)
    if referenced:
        scope.update_one(set__active=False, set__updated_at=now())
    else:
        scope.delete()
    orgcache.changed(document.organization_id)
    return not referenced
