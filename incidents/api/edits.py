"""The body of PUT/PATCH `incident/{id}/`: the representation, or the create body's flat names.

A client that created an incident with `{"summary": ..., "status_id": ...}` may edit it
the same way: each flat name stands for one field of the representation (`FLAT_NAMES`)
and is moved there before the body is validated. A body that gives both forms of one
field with different values is refused (`mismatch`, naming the flat one). Every error
names the field as the client wrote it (`client_field`): a flat name when the body used
flat names, the representation's path otherwise.
"""

from collections.abc import Mapping

from rest_framework import serializers

from incidents.api.inputs import note, plain_text
from incidents.api.serializers import IncidentCreateSerializer, IncidentSerializer
from incidents.documents import NAME_MAX
from servicedesk.api.fields import StrictCharField
from servicedesk.errors import DomainError, InvalidInputs

# flat name (of the create body) -> path in the representation
FLAT_NAMES = {
    **{
        name: f"basic_info.{name}"
        for name in (
            "summary",
            "description",
            "catalogue",
            "impact_service",
            "impact_service_name",
            "service_classification",
            "service_classification_name",
            "state",
            "state_id",
            "status",
            "status_id",
            "urgency",
            "urgency_id",
            "impact",
            "impact_id",
            "priority",
            "priority_id",
            "resolution_type",
            "is_first_call",
        )
    },
    **{f"requester_{name}": f"requester.{name}" for name in ("id", "name", "email", "phone")},
    **{f"reporter_{name}": f"reporter_info.{name}" for name in ("name", "email", "phone")},
    "watcher": "current_watcher",
    "support_group": "current_assignment_info.support_group",
    "assignee": "current_assignment_info.assignee",
    "assets": "impacted_asset",
    **{
        name: f"config.{name}"
        for name in (
            "hold_config",
            "escalation",
            "approval_config",
            "lock_config",
            "field_service_config",
            "api_link",
        )
    },
    "hold_reason": "config.hold_config.reason",
}
# The workflow names what a move needs by requirement; where each lives in the body.
REQUIREMENTS = {
    "hold_reason": "config.hold_config.reason",
    "resolution_type": "basic_info.resolution_type",
    "status_id": "basic_info.status_id",
    "state_id": "basic_info.state_id",
}
NESTED_NAMES = {path: name for name, path in FLAT_NAMES.items()}


def _flat_field(name: str, path: str):
    if name == "hold_reason":
        return StrictCharField(
            required=False,
            max_length=NAME_MAX,
            trim_whitespace=True,
            help_text="Flat form of `config.hold_config.reason` (needed to put it On Hold).",
        )
    given = IncidentCreateSerializer._declared_fields[name]
    help_text = f"Flat form of `{path}`, as in the create body."
    kwargs = {**given._kwargs, "help_text": help_text}
    if given.required:  # `summary`: an edit may leave it out
        kwargs["required"] = False
    return type(given)(*given._args, **kwargs)


def _get(data, path: list[str]):
    for part in path:
        if not isinstance(data, Mapping) or part not in data:
            return _MISSING
        data = data[part]
    return data


_MISSING = object()


class IncidentUpdateInput(IncidentSerializer):
    """The representation (PUT) or part of it (PATCH), plus notes a status change needs.
    The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, ...)
    are taken too, each for the field of the representation it names; giving both forms
    of one field with different values is a 400."""

    closure_note = note(False, "Needed when the status moves to Resolved.")
    reason = plain_text(False, "Needed to cancel, or to reopen a resolved incident.")
    locals().update({name: _flat_field(name, path) for name, path in FLAT_NAMES.items()})

    class Meta(IncidentSerializer.Meta):
        fields = (*IncidentSerializer.Meta.fields, "closure_note", "reason", *FLAT_NAMES)

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            data = self._nest(data)
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError(self._rename(exc.detail)) from None

    def _nest(self, data: Mapping) -> dict:
        """The body with each flat name moved to its path (`self.flat` records them)."""
        self.flat: dict[str, str] = {}
        nested = {key: value for key, value in data.items() if key not in FLAT_NAMES}
        problems: dict = {}
        for name in (key for key in data if key in FLAT_NAMES):
            path = FLAT_NAMES[name].split(".")
            value = data[name]
            given = _get(data, path)
            if given is not _MISSING and given != value:
                problems[name] = [
                    serializers.ErrorDetail(
                        f"Given as `{name}` and as `{'.'.join(path)}` with different values.",
                        code="mismatch",
                    )
                ]
                continue
            try:  # as the create body takes it; then as the field it stands for
                checked = self.fields[name].run_validation(value)
            except serializers.ValidationError as exc:
                problems[name] = exc.detail
                continue
            if name == "hold_reason":
                value = checked
            elif name == "is_first_call" and value == "":
                value = False  # "" is "not given" in the create body: false
            self.flat[".".join(path)] = name
            target = nested
            for part in path[:-1]:
                inner = target.get(part, _MISSING)
                if inner is _MISSING:
                    inner = self._stored_object(path) if part == "hold_config" else {}
                if not isinstance(inner, Mapping):
                    break  # the nested form is malformed: its own validation says so
                target[part] = inner = dict(inner)
                target = inner
            else:
                target[path[-1]] = value
        if problems:
            raise serializers.ValidationError(problems)
        return nested

    def _stored_object(self, path: list[str]) -> dict:
        """`hold_reason` alone changes the reason within the stored hold_config."""
        stored = getattr(getattr(self.instance, "config", None), "hold_config", None)
        return dict(stored or {})

    def client_field(self, field: str | None) -> str | None:
        """`field` (a path of the representation, or a workflow requirement) as the client
        named it: the flat name when the body used flat names, else the path."""
        if field is None:
            return None
        path = REQUIREMENTS.get(field, field)
        flat = getattr(self, "flat", {})
        if path in flat:
            return flat[path]
        if flat and path in NESTED_NAMES:
            return NESTED_NAMES[path]
        return path

    def rename_error(self, exc: DomainError) -> DomainError:
        """The domain error with its fields named as the client named them."""
        for problem in exc.problems if isinstance(exc, InvalidInputs) else [exc]:
            problem.field = self.client_field(problem.field)
        exc.field = self.client_field(exc.field)
        return exc

    def _rename(self, detail):
        if not isinstance(detail, dict) or not getattr(self, "flat", None):
            return detail
        renamed = dict(detail)
        for path, name in self.flat.items():
            parts = path.split(".")
            found = _get(renamed, parts)
            if found is _MISSING:
                continue
            holder = _get(renamed, parts[:-1]) if len(parts) > 1 else renamed
            holder = dict(holder)
            holder.pop(parts[-1])
            renamed = _replace(renamed, parts[:-1], holder)
            renamed[name] = found
        return renamed


def _replace(detail: dict, parts: list[str], holder: dict) -> dict:
    """`detail` with the object at `parts` replaced by `holder` (dropped when empty)."""
    if not parts:
        return holder
    result = dict(detail)
    inner = _replace(dict(result[parts[0]]), parts[1:], holder)
    if inner:
        result[parts[0]] = inner
    else:
        result.pop(parts[0])
    return result
