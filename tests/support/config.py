"""Helpers of the organization-configuration tests (`/ux/sd/org/`)."""

import pytest

ORG = "/ux/sd/org/"


def created(client, path: str, body: dict) -> dict:
    response = client.post(ORG + path, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def agent(client, name: str, email: str | None = None, **fields) -> dict:
    email = email or f"{name.lower().replace(' ', '.')}@example.com"
    return created(client, "agents/", {"name": name, "email": email, **fields})


def group(client, name: str, **fields) -> dict:
    return created(client, "groups/", {"name": name, **fields})


def refused(response, status: int, code: str, attr: str | None = None) -> dict:
    """The answer is `status` with an error of `code` (naming `attr`, when given)."""
    assert response.status_code == status, response.content
    errors = response.json()["errors"]
    assert any(e["code"] == code and (attr is None or e["attr"] == attr) for e in errors), errors
    return errors[0]


class Referenced(set):
    """References a test says are referred to; `calls`: what the checks were asked."""

    def __init__(self):
        super().__init__()
        self.calls: list[tuple] = []


@pytest.fixture
def referenced(monkeypatch):
    """Plug a check into the directory's and the catalogue's registration points, as
    incidents will: it answers True for the references put in the returned set, and
    records every call as (kind, organization id, reference)."""
    from catalogue import public as catalogue_public
    from catalogue import selectors as catalogue_selectors
    from directory import public as directory_public
    from directory import selectors as directory_selectors

    refs = Referenced()

    def check(kind, organization_id, ref):
        refs.calls.append((kind, organization_id, ref))
        return ref in refs

    for references in (directory_selectors.references, catalogue_selectors.references):
        monkeypatch.setattr(references, "_checks", list(references._checks))
    directory_public.register_reference_check(check)
    catalogue_public.register_reference_check(check)
    return refs
