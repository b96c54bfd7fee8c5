"""`manage.py ensure_indexes` against the real server, as a deployment's init job runs it."""

from tests.integration.conftest import manage

# A few declared indexes the service relies on for correctness, not only speed.
UNIQUE = {
    "incidents": "number_key_unique",
    "organizations": "slug_unique",
    "api_keys": "key_hash_unique",
}


def _unique_indexes(db) -> dict[str, set[str]]:
    found = {}
    for collection in UNIQUE:
        found[collection] = {
            index["name"] for index in db[collection].list_indexes() if index.get("unique")
        }
    return found


def test_ensure_indexes_then_check_exits_0(service_env, database, mongo_client):
    first = manage(service_env, "ensure_indexes")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "indexes ensured: Incident" in first.stdout
    again = manage(service_env, "ensure_indexes")  # idempotent
    assert again.returncode == 0, again.stdout + again.stderr

    check = manage(service_env, "ensure_indexes", "--check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "All declared indexes are present." in check.stdout

    found = _unique_indexes(mongo_client[database])
    for collection, name in UNIQUE.items():
        assert name in found[collection], (collection, found[collection])


def test_ensure_indexes_check_reports_an_index_missing_on_the_server(
    service_env, database, mongo_client
):
    """--check, in a process of its own, must see drift rather than silently repair it."""
    done = manage(service_env, "ensure_indexes")
    assert done.returncode == 0, done.stdout + done.stderr
    mongo_client[database]["incidents"].drop_index("number_key_unique")

    check = manage(service_env, "ensure_indexes", "--check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "Incident: missing" in check.stdout + check.stderr
    names = {index["name"] for index in mongo_client[database]["incidents"].list_indexes()}
    assert "number_key_unique" not in names, "--check created the index it should report"
