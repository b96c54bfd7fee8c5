"""Fixtures for the attachment tests: an incident and one uploaded file."""

import pytest

from tests.attachments.helpers import create_incident, post_multipart


@pytest.fixture
def incident(tenant) -> dict:
    return create_incident(tenant.writer)


@pytest.fixture
def iid(incident) -> str:
    return incident["incident_id"]


@pytest.fixture
def uploaded(tenant, iid) -> dict:
    """One text file already attached to the incident."""
    response = post_multipart(tenant.writer, iid, ("notes.txt", b"hello attachments\n"))
    assert response.status_code == 201, response.content
    return response.json()[0]
