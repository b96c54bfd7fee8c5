"""The requester directory job on a server with transactions (DocumentDB, MongoDB): the
incident's mark is cleared and the directory written in one transaction, both or neither.

Runs in this process against MONGODB_URI (tests/conftest.py connects to it)."""

import pytest
from pymongo.errors import OperationFailure

from incidents.documents import Incident, RequesterEntry
from incidents.services import requesters
from servicedesk import mongo
from tests.support.directory import directory_job

LIST = "/ux/sd/inci/incident/"


@pytest.fixture
def transactions():
    if not mongo.transactions():
        pytest.skip("this server has no transactions (FerretDB): the claimed path applies")


def create(client, email):
    body = {"summary": "VPN down", "requester_email": email, "requester_name": "Ann"}
    response = client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def marked(made) -> bool:
    raw = Incident._get_collection().find_one({"display_id": made["display_id"]})
    return "directory_pending" in raw


def test_a_failure_inside_the_transaction_leaves_incident_and_directory_unchanged(
    tenant, transactions, monkeypatch
):
    made = create(tenant.writer, "ann@example.com")
    real = requesters._upsert
    written = []

    def upsert_then_fail(raw, **session):
        assert session  # inside the transaction
        written.append(real(raw, **session))
        raise OperationFailure("injected: failed after the directory write", code=112)

    monkeypatch.setattr(requesters, "_upsert", upsert_then_fail)
    assert directory_job() == 0
    assert written == [1]  # the upsert ran, then the transaction was aborted
    assert marked(made)
    assert RequesterEntry.objects(organization_id=tenant.org.id).count() == 0
    monkeypatch.setattr(requesters, "_upsert", real)
    assert directory_job() == 1
    assert not marked(made)
    entry = RequesterEntry.objects.get(organization_id=tenant.org.id)
    assert (entry.email, entry.incident_count) == ("ann@example.com", 1)
    assert directory_job() == 0


def test_an_exception_of_the_process_aborts_the_transaction_too(tenant, transactions, monkeypatch):
    made = create(tenant.writer, "bob@example.com")
    real = requesters._upsert

    def upsert_then_die(raw, **session):
        real(raw, **session)
        raise KeyboardInterrupt  # the runner stopping mid-transaction

    monkeypatch.setattr(requesters, "_upsert", upsert_then_die)
    with pytest.raises(KeyboardInterrupt):
        directory_job()
    assert marked(made)
    assert RequesterEntry.objects(organization_id=tenant.org.id).count() == 0
