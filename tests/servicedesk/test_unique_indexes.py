"""Unique indexes hold one field, except on configuration.

DocumentDB (v0.106) checks a unique index of several fields by scanning it, so each
insert costs more the more the collection holds (4 ms at 30,000 documents, growing
linearly); a one-field unique index costs the same at any size. Collections that grow
with use keep a compound identity in one field (servicedesk.indexes.key_of).
"""

import pytest

from servicedesk.indexes import UniqueKeyed, _index_models, documents, key_of

# Configuration: a few dozen documents per organization, written by administrators.
COMPOUND_ALLOWED = {
    "Agent", "BusinessCalendar", "CustomField", "Group", "Picklist", "Service", "SlaPolicy",
    "Template",
}  # fmt: skip


def test_no_compound_unique_index_outside_configuration():
    compound = {
        (name, model.document["name"])
        for name, cls in documents()
        for model in _index_models(cls)
        if model.document.get("unique") and len(model.document["key"]) > 1
    }
    assert {name for name, _ in compound} <= COMPOUND_ALLOWED, compound


@pytest.mark.parametrize("name", ["Incident", "RequesterEntry", "Feedback", "MailMessage"], ids=str)
def test_growing_collections_keep_their_identity_in_one_unique_field(name):
    cls = dict(documents())[name]
    assert issubclass(cls, UniqueKeyed)
    field, sources = cls.unique_key
    indexes = {model.document["name"]: model.document for model in _index_models(cls)}
    (unique,) = [spec for spec in indexes.values() if spec.get("unique")]
    assert list(unique["key"]) == [cls._fields[field].db_field]
    assert set(cls.retired_indexes).isdisjoint(indexes)
    assert all(source in cls._fields for source in sources)


def test_a_saved_document_carries_its_key(tenant):
    from incidents.documents import Feedback

    feedback = Feedback(
        organization_id=tenant.org.id,
        incident_id=tenant.org.id,
        resolution_cycle=2,
        rating=5,
        author_id="x",
    )
    feedback.save()
    stored = Feedback._get_collection().find_one({"_id": feedback.id})
    assert stored["key"] == key_of(tenant.org.id, tenant.org.id, 2)
