"""What apps above incidents add to every incident change, without incidents knowing them.

- A *planner* (`register_change_planner`) adds `$set` paths to each incident write,
  in the same atomic update: `planner(principal=, before=, after=, change=, moment=)`
  gets the incident as read (`before`, a raw dict; None on create) and as the change
  leaves it (`after`), and answers `{path: value}`. It runs again when a
  compare-and-set is retried, so it sees what is really stored. The SLA app keeps
  each incident's clocks (`sla`) this way.
- A *listener* (`register_change_listener`) is told of each committed change:
  `listener(principal=, incident=, change=)`, after the write (events, say).
- A *section* (`register_representation_section`) renders a stored field of the
  incident that an app above fills: `render(value) -> JSON` (`sla`).
"""

import copy
from collections.abc import Callable
from datetime import datetime
from typing import Any

from servicedesk.dotted import set_paths

Planner = Callable[..., dict[str, Any]]
Listener = Callable[..., object]

_PLANNERS: dict[str, Planner] = {}
_LISTENERS: dict[str, Listener] = {}
_SECTIONS: dict[str, Callable[[Any], Any]] = {}


def register_change_planner(name: str, planner: Planner) -> None:
    _PLANNERS[name] = planner


def register_change_listener(name: str, listener: Listener) -> None:
    _LISTENERS[name] = listener


def register_representation_section(name: str, render: Callable[[Any], Any]) -> None:
    _SECTIONS[name] = render


def apply_set(raw: dict, sets: dict[str, Any]) -> dict:
    """A copy of `raw` with `$set` paths (`a.b.c`) applied."""
    return set_paths(copy.deepcopy(raw), sets)


def planned_sets(*, principal, before: dict | None, after: dict, change, moment: datetime) -> dict:
    """Every planner's `$set` paths for one write."""
    sets: dict[str, Any] = {}
    for planner in _PLANNERS.values():
        sets.update(
            planner(principal=principal, before=before, after=after, change=change, moment=moment)
        )
    return sets


def changed(*, principal, incident, change) -> None:
    for listener in _LISTENERS.values():
        listener(principal=principal, incident=incident, change=change)


def render_section(name: str, value):
    render = _SECTIONS.get(name)
    return None if render is None or value is None else render(value)
