"""The requester directory: owed by the incident write, paid once by its job.

A create or a requester edit marks the incident (`directory_pending`) in the same
write; the job `incidents.requester_directory` applies each mark exactly once to the
directory of the incident's own organization (incidents.services.requesters).
"""

import threading
from datetime import timedelta
from functools import partial

import pytest

from incidents.documents import Incident, RequesterEntry
from incidents.selectors import incidents_owing_directory
from incidents.services import requesters
from servicedesk import mongo
from servicedesk.jobs import registry
from tests.support.directory import directory_job

LIST = "/ux/sd/inci/incident/"


def create(client, email="ann@example.com", name="Ann", **fields):
    body = {"summary": "VPN down", "requester_email": email, "requester_name": name, **fields}
    response = client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def patch(client, ref, body):
    response = client.patch(f"{LIST}{ref}/", body, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def pending(ref) -> bool:
    raw = Incident._get_collection().find_one({"_id": Incident.objects.get(id=ref).id})
    return "directory_pending" in raw


def entries(org) -> dict:
    return {
        entry.email: (entry.name, entry.incident_count)
        for entry in RequesterEntry.objects(organization_id=org)
    }


def test_a_create_owes_the_directory_and_the_job_pays_it_once(tenant):
    made = create(tenant.writer)
    assert "directory_pending" not in made  # not part of the representation
    assert "directory_pending" not in tenant.reader.get(f"{LIST}{made['incident_id']}/").json()
    assert pending(made["incident_id"])
    assert entries(tenant.org.id) == {}
    assert directory_job() == 1
    assert entries(tenant.org.id) == {"ann@example.com": ("Ann", 1)}
    assert not pending(made["incident_id"])
    assert directory_job() == 0  # run again: nothing more
    assert entries(tenant.org.id) == {"ann@example.com": ("Ann", 1)}


def test_a_requester_without_an_address_owes_nothing(tenant):
    made = create(tenant.writer, email="[email protected]")  # the listing's placeholder
    assert not pending(made["incident_id"])
    assert directory_job() == 0
    assert entries(tenant.org.id) == {}


def test_a_requester_edit_owes_an_update_and_other_edits_do_not(tenant):
    made = create(tenant.writer)
    ref = made["incident_id"]
    directory_job()
    patch(tenant.writer, ref, {"basic_info": {"summary": "VPN down again"}})
    assert not pending(ref)
    patch(tenant.writer, ref, {"requester": {"name": "Ann Lee", "phone": "555"}})
    assert pending(ref)
    assert directory_job() == 1
    assert entries(tenant.org.id) == {"ann@example.com": ("Ann Lee", 2)}
    entry = RequesterEntry.objects.get(organization_id=tenant.org.id)
    assert entry.phone == "555"
    patch(tenant.writer, ref, {"requester": {"email": "", "name": "nobody"}})
    assert not pending(ref)  # no address: nothing for the directory


def test_debts_before_a_run_collapse_into_the_requester_as_it_is_then(tenant):
    made = create(tenant.writer, email="typo@example.con")
    patch(tenant.writer, made["incident_id"], {"requester": {"email": "ann@example.com"}})
    assert directory_job() == 1
    assert entries(tenant.org.id) == {"ann@example.com": ("Ann", 1)}


def test_last_seen_is_the_moment_of_the_write_and_never_goes_back(tenant):
    create(tenant.writer)
    later = create(tenant.writer, name="Ann Lee")
    stored = Incident._get_collection().find_one({"display_id": later["display_id"]})
    directory_job()
    entry = RequesterEntry.objects.get(organization_id=tenant.org.id)
    assert entry.last_seen == stored["directory_pending"]
    assert (entry.name, entry.incident_count) == ("Ann Lee", 2)


def pay(raw: dict) -> int:
    """One debt paid as the job pays it: in a transaction where the server has them."""
    return mongo.all_or_nothing(partial(requesters._pay, raw), wait=0)


def test_a_debt_owed_anew_after_the_read_is_left_for_the_next_run(tenant):
    made = create(tenant.writer)
    (read,) = incidents_owing_directory(limit=10)
    patch(tenant.writer, made["incident_id"], {"requester": {"email": "bob@example.com"}})
    assert pay(read) == 0  # what was read is no longer what is owed
    assert pending(made["incident_id"])
    assert directory_job() == 1
    assert entries(tenant.org.id) == {"bob@example.com": ("Ann", 1)}


def test_two_runners_reading_the_same_debts_pay_each_once(tenant):
    for n in range(5):
        create(tenant.writer, email=f"user{n}@example.com")
    first = incidents_owing_directory(limit=10)
    second = incidents_owing_directory(limit=10)
    assert sum(pay(raw) for raw in first) == 5
    assert sum(pay(raw) for raw in second) == 0
    assert {count for _, count in entries(tenant.org.id).values()} == {1}


def test_concurrent_runs_pay_every_debt_exactly_once(tenant):
    for n in range(30):
        create(tenant.writer, email=f"user{n % 6}@example.com")
    paid, errors = [], []
    start = threading.Barrier(4)

    def run():
        try:
            start.wait()
            paid.append(directory_job())
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    directory_job()  # what a conflict between runners left for the next run
    assert Incident.objects(directory_pending__exists=True).count() == 0
    assert {email: count for email, (_, count) in entries(tenant.org.id).items()} == {
        f"user{n}@example.com": 5 for n in range(6)
    }


def test_an_incident_in_the_trash_still_pays_one_deleted_for_good_takes_its_debt(tenant):
    trashed = create(tenant.writer, email="trashed@example.com")
    purged = create(tenant.writer, email="purged@example.com")
    body = {"incident_ids": [trashed["incident_id"]]}
    assert tenant.admin.post(LIST + "delete_incident/", body, format="json").status_code == 200
    body = {"incident_ids": [purged["incident_id"]], "permanent": True}
    assert tenant.admin.post(LIST + "delete_incident/", body, format="json").status_code == 200
    assert Incident.objects(display_id=purged["display_id"]).count() == 0
    assert directory_job() == 1
    assert entries(tenant.org.id) == {"trashed@example.com": ("Ann", 1)}
    assert directory_job() == 0


def test_a_run_for_one_organization_never_touches_another(tenant, other_tenant):
    mine = create(tenant.writer, name="Ann of acme")
    theirs = create(other_tenant.writer, name="Ann of globex")
    assert directory_job(organization_id=tenant.org.id) == 1
    assert entries(tenant.org.id) == {"ann@example.com": ("Ann of acme", 1)}
    assert entries(other_tenant.org.id) == {}
    assert pending(theirs["incident_id"]) and not pending(mine["incident_id"])
    # The job pays every organization's debts, each into its own directory.
    create(tenant.writer, name="Ann of acme")
    assert directory_job() == 2
    assert entries(tenant.org.id) == {"ann@example.com": ("Ann of acme", 2)}
    assert entries(other_tenant.org.id) == {"ann@example.com": ("Ann of globex", 1)}
    found = other_tenant.reader.get(LIST + "requester_search/", {"q": "ann"}).json()
    assert [(e["name"], e["incident_count"]) for e in found] == [("Ann of globex", 1)]


def test_a_failed_write_is_logged_and_left_for_the_next_run(tenant, monkeypatch, caplog):
    from pymongo.errors import OperationFailure

    made = create(tenant.writer)
    real = requesters._upsert

    def fail(raw, **session):
        raise OperationFailure("injected: the directory write failed", code=112)

    monkeypatch.setattr(requesters, "_upsert", fail)
    assert directory_job() == 0
    assert "not applied" in caplog.text
    monkeypatch.setattr(requesters, "_upsert", real)
    if mongo.transactions():  # both or neither: still owed, paid next time
        assert pending(made["incident_id"])
        assert directory_job() == 1
        assert entries(tenant.org.id) == {"ann@example.com": ("Ann", 1)}
    else:  # claimed, then lost: the one window without transactions (never paid twice)
        assert not pending(made["incident_id"])
        assert directory_job() == 0
        assert entries(tenant.org.id) == {}


def test_the_job_runs_every_few_seconds():
    job = registry.get("incidents.requester_directory")
    assert job.every <= timedelta(seconds=5)


def test_the_embedded_store_has_no_transactions():
    if mongo.is_embedded():
        assert mongo.transactions() is False
    else:
        pytest.skip("the embedded store only")
