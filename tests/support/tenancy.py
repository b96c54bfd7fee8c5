"""What every tenancy matrix shares: the case shape, the run of one case, the answers
that count as a refusal, and the walk of the URL resolver that proves coverage.

A matrix module builds its own world (an attacker, an owner and the owner's objects)
and its own `snapshot(world)` of everything the owner can see; `run_case` then holds
that nothing changed for the owner and that the same request by the owner succeeds.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLResolver, get_resolver

API_PREFIX = "ux/sd/inci/"
SECRET = "s3cret"
SKIPPED_METHODS = {"head", "options"}  # derived from GET / answered by the framework


def create(client, summary, **fields):
    """An incident of the client's organization."""
    response = client.post(
        "/" + API_PREFIX + "incident/", {"summary": summary, **fields}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def no_leak(response):
    assert SECRET not in response.content.decode(), response.content


def is_404(response):
    assert response.status_code == 404, response.content
    assert response.json()["errors"][0]["code"] == "not_found"
    no_leak(response)


def ok(status):
    def check(w, ref, response):
        assert response.status_code == status, response.content

    return check


def refused_404(w, ref, response):
    is_404(response)


def nothing(w):
    """No setup: the request is meaningful as the world stands."""


@dataclass(frozen=True)
class Case:
    """One request against the owner's object; `send` gets (world, ref, client)."""

    route: str  # the URL pattern under API_PREFIX, as the resolver spells it
    method: str
    label: str
    send: Callable  # (world, ref, client) -> response
    refused: Callable  # (world, ref, response) -> None: the attacker's answer
    allowed: Callable  # (world, ref, response) -> None: the owner's answer
    setup: Callable = nothing
    by_ref: bool = True  # False: the request names no incident (one run, not two)

    @property
    def key(self) -> tuple[str, str]:
        return (self.route, self.method)


def params(cases: list[Case]) -> list:
    """One pytest param per case, twice for cases that name the victim (by id, display id)."""
    return [
        pytest.param(case, form, id=f"{case.method.upper()} {case.route} [{case.label}] by {form}")
        for case in cases
        for form in (("incident_id", "display_id") if case.by_ref else ("none",))
    ]


def run_case(world, case: Case, form: str, snapshot: Callable) -> None:
    """The attacker is refused, the owner's view is unchanged, the owner is served."""
    case.setup(world)
    ref = world.victim.get(form, "")
    before = snapshot(world)

    case.refused(world, ref, case.send(world, ref, world.attacker.admin))

    assert snapshot(world) == before
    case.allowed(world, ref, case.send(world, ref, world.owner.admin))


def api_routes(prefix: str = API_PREFIX) -> set[tuple[str, str]]:
    """(pattern under API_PREFIX, method) of every route the resolver has under `prefix`."""
    found = set()

    def methods(callback) -> set[str]:
        actions = getattr(callback, "actions", None)
        if actions:
            return set(actions)
        view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
        if view is None:  # a plain function view: assume it answers anything
            return {"get", "post", "put", "patch", "delete"}
        return {m for m in view.http_method_names if hasattr(view, m)}

    def walk(patterns, path_prefix):
        for pattern in patterns:
            path = path_prefix + str(pattern.pattern).removeprefix("^").removesuffix("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, path)
            elif path.startswith(prefix):
                route = path.removeprefix(API_PREFIX)
                found.update((route, m) for m in methods(pattern.callback) - SKIPPED_METHODS)

    walk(get_resolver().url_patterns, "")
    return found
