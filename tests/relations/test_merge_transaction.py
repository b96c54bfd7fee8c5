"""On a server with transactions, each source of a merge is merged all or nothing.

A failure after the first write of a source (its conversations moved, its attachments
not yet) leaves that source as it was: its conversations still on it, still open, its
version unchanged; the same call afterwards merges it once. (On the embedded store,
which has no transactions, a merge is made safe write by write instead:
test_merge_resume.py.)
"""

import pytest

from attachments import public as attachments_public
from conversations.documents import Conversation
from incidents.documents import Incident
from relations.services import merge as merge_service
from servicedesk import mongo
from tests.relations.helpers import (
    attach,
    attachments_of,
    conversations_of,
    create,
    merged,
    note,
    read,
    refs_of,
)
from tests.relations.test_merge_resume import principal_of


class Broken(Exception):
    """An unexpected failure in the middle of a source's writes."""


@pytest.fixture
def needs_transactions(clean_db):
    if not mongo.transactions():
        pytest.skip("needs a server with transactions (DocumentDB, a MongoDB replica set)")


def test_a_failure_after_a_sources_first_write_leaves_no_partial_write(
    needs_transactions, tenant, monkeypatch
):
    client = tenant.writer
    target = create(client, "target")
    source = create(client, "dup")
    note(client, source["incident_id"], "note on the duplicate")
    attach(client, source["incident_id"], "dup.txt")
    before = Incident.objects.get(id=source["incident_id"])

    def broken(**_):
        raise Broken

    monkeypatch.setattr(attachments_public, "attachments_move", broken)
    with pytest.raises(Broken):
        merge_service.merge_incidents(
            principal=principal_of(tenant),
            target_ref=target["display_id"],
            source_refs=[source["display_id"]],
        )

    # The conversation move (the source's first write) was rolled back with the rest.
    left = Conversation.objects(incident_id=source["incident_id"])
    assert [c.merged_from for c in left] == [None]
    assert [c["body_text"] for c in conversations_of(client, source["incident_id"])] == [
        "note on the duplicate"
    ]
    assert conversations_of(client, target["incident_id"]) == []
    shown = read(client, source["incident_id"])
    assert shown["basic_info"]["status"] == "New"
    assert shown["close_info"]["merged_into"] is None
    assert Incident.objects.get(id=source["incident_id"]).version == before.version

    monkeypatch.undo()
    body = merged(client, target["display_id"], [source["display_id"]])
    assert [r["ok"] for r in body["results"]] == [True]
    on_target = [c["body_text"] for c in conversations_of(client, target["incident_id"])]
    assert on_target.count("note on the duplicate") == 1
    assert [a["file_name"] for a in attachments_of(client, target["incident_id"])] == ["dup.txt"]
    assert conversations_of(client, source["incident_id"]) == []
    shown = read(client, target["incident_id"])
    assert [e["display_id"] for e in refs_of(shown, "merged")] == [source["display_id"]]
