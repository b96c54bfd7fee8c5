"""`GET incident/?cursor=`: keyset pages, and totals counted up to a limit."""

import pytest
from bson import ObjectId
from django.test import override_settings

from incidents.documents import Incident
from incidents.selectors import SORT_FIELDS
from tests.support.spies import calls_to

LIST = "/ux/sd/inci/incident/"


def create_many(client, count):
    made = []
    for n in range(1, count + 1):
        response = client.post(LIST, {"summary": f"incident {n % 3}"}, format="json")
        assert response.status_code == 201, response.content
        made.append(response.json())
    return made


def links(response) -> dict:
    out = {}
    for part in response["Link"].split(", "):
        url, rel = part.split("; ")
        out[rel.removeprefix('rel="').removesuffix('"')] = url.strip("<>")
    return out


def walk(client, url):
    """Follow `next` links from `url`; the display ids met and the responses."""
    seen, responses = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        responses.append(response)
        seen += [item["display_id"] for item in response.json()]
        url = links(response).get("next")
    return seen, responses


def error(response) -> tuple[int, str, str]:
    first = response.json()["errors"][0]
    return response.status_code, first["attr"], first["code"]


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("sort_key", sorted(SORT_FIELDS))
def test_cursor_pages_meet_each_incident_once_in_the_page_order(tenant, sort_key, order):
    create_many(tenant.writer, 7)
    query = f"sort_key={sort_key}&sort_order={order}"
    by_page, _ = walk(tenant.reader, f"{LIST}?{query}&items_per_page=3")
    by_cursor, responses = walk(tenant.reader, f"{LIST}?{query}&items_per_page=3&cursor=")
    assert by_cursor == by_page and len(by_cursor) == 7
    assert [len(r.json()) for r in responses] == [3, 3, 1]
    assert "next" not in links(responses[-1])


def test_the_cursor_links_keep_filters_sort_and_size_and_drop_page(tenant):
    create_many(tenant.writer, 4)
    response = tenant.reader.get(LIST, {"cursor": "", "items_per_page": 2, "q": "incident"})
    rels = links(response)
    assert set(rels) == {"first", "next"}
    assert "cursor=&" in rels["first"] or rels["first"].endswith("cursor=")
    assert "q=incident" in rels["next"] and "items_per_page=2" in rels["next"]
    assert "page=" not in rels["next"].replace("items_per_page=", "")
    assert response["X-Total-Count"] == "4" and response["X-Total-Count-Exact"] == "true"


def test_an_incident_created_while_paging_is_not_met_twice(tenant):
    create_many(tenant.writer, 5)
    first = tenant.reader.get(LIST, {"cursor": "", "items_per_page": 2})
    create_many(tenant.writer, 3)  # newer: before the cursor in newest-first order
    rest, _ = walk(tenant.reader, links(first)["next"])
    listed = [item["display_id"] for item in first.json()] + rest
    assert len(listed) == len(set(listed)) == 5


def test_a_cursor_page_sends_no_skip(tenant, monkeypatch):
    create_many(tenant.writer, 6)
    first = tenant.reader.get(LIST, {"cursor": "", "items_per_page": 2})
    finds = calls_to(monkeypatch, Incident, "find")
    cursor_class = type(Incident._get_collection().find({}))
    original_skip, original_slice = cursor_class.skip, cursor_class.__getitem__
    skipped = []  # a page by number skips with cursor[start:stop] (start > 0) or skip(n)

    def skip(self, count):
        skipped.append(count)
        return original_skip(self, count)

    def getitem(self, index):
        skipped.append(index.start or 0 if isinstance(index, slice) else index)
        return original_slice(self, index)

    monkeypatch.setattr(cursor_class, "skip", skip)
    monkeypatch.setattr(cursor_class, "__getitem__", getitem)
    response = tenant.reader.get(links(first)["next"])
    assert response.status_code == 200 and len(response.json()) == 2
    assert skipped and not any(skipped)  # nothing skipped: the page starts at the range
    assert any("$or" in str(call) for call in finds)  # the range after the last item


def test_cursor_and_page_together_are_refused(tenant):
    response = tenant.reader.get(LIST, {"cursor": "", "page": 2})
    assert error(response) == (400, "cursor", "cursor_with_page")


@pytest.mark.parametrize("cursor", ["nonsense!", "e30", "x" * 2049])
def test_a_malformed_cursor_is_refused_naming_it(tenant, cursor):
    status, attr, _ = error(tenant.reader.get(LIST, {"cursor": cursor}))
    assert (status, attr) == (400, "cursor")


def test_a_cursor_of_another_sort_is_refused(tenant):
    create_many(tenant.writer, 3)
    first = tenant.reader.get(LIST, {"cursor": "", "items_per_page": 1})
    cursor = links(first)["next"].split("cursor=")[1].split("&")[0]
    response = tenant.reader.get(LIST, {"cursor": cursor, "sort_order": "asc"})
    assert error(response) == (400, "cursor", "cursor_mismatch")


def test_another_organizations_cursor_shows_only_ones_own(tenant, other_tenant):
    create_many(tenant.writer, 3)
    mine = create_many(other_tenant.writer, 2)
    first = tenant.reader.get(LIST, {"cursor": "", "items_per_page": 1})
    cursor = links(first)["next"].split("cursor=")[1].split("&")[0]
    response = other_tenant.reader.get(LIST, {"cursor": cursor})
    assert response.status_code == 200
    assert {i["display_id"] for i in response.json()} <= {i["display_id"] for i in mine}


def test_lists_without_cursor_paging_refuse_a_cursor(tenant):
    made = create_many(tenant.writer, 1)[0]
    response = tenant.reader.get(
        "/ux/sd/inci/conversation/", {"incident_id": made["incident_id"], "cursor": ""}
    )
    status, attr, _ = error(response)
    assert (status, attr) == (400, "cursor")


# --- totals counted up to a limit ---------------------------------------------------


@override_settings(SERVICEDESK_COUNT_LIMIT=5)
@pytest.mark.parametrize(("count", "total", "exact"), [(5, "5", "true"), (6, "5", "false")])
def test_the_total_is_exact_up_to_the_limit_and_at_least_past_it(tenant, count, total, exact):
    create_many(tenant.writer, count)
    response = tenant.reader.get(LIST, {"items_per_page": 2})
    assert response["X-Total-Count"] == total and response["X-Total-Count-Exact"] == exact
    rels = links(response)
    assert ("last" in rels) == (exact == "true") and "next" in rels


@override_settings(SERVICEDESK_COUNT_LIMIT=5)
def test_past_the_limit_next_links_still_reach_the_end(tenant):
    create_many(tenant.writer, 8)
    seen, responses = walk(tenant.reader, f"{LIST}?items_per_page=3")
    assert len(seen) == len(set(seen)) == 8
    assert responses[-1]["X-Total-Count"] == "8"  # the last page knows its total
    assert responses[-1]["X-Total-Count-Exact"] == "true"


@override_settings(SERVICEDESK_COUNT_LIMIT=5)
def test_the_count_reads_no_more_than_the_limit_and_one(tenant, monkeypatch):
    create_many(tenant.writer, 8)
    collection = Incident._get_collection()
    original, limits = collection.count_documents, []

    def count_documents(*args, **kwargs):
        limits.append(kwargs.get("limit"))
        return original(*args, **kwargs)

    monkeypatch.setattr(collection, "count_documents", count_documents)
    response = tenant.reader.get(LIST, {"items_per_page": 2})
    assert limits == [6] and response["X-Total-Count"] == "5"


def test_the_trash_of_another_organization_is_not_reached_by_cursor(tenant, other_tenant):
    made = create_many(other_tenant.writer, 1)[0]
    Incident._get_collection().update_one(
        {"_id": ObjectId(made["incident_id"])}, {"$set": {"is_deleted": True}}
    )
    response = tenant.admin.get(LIST, {"cursor": "", "deleted": "true"})
    assert response.status_code == 200 and response.json() == []
