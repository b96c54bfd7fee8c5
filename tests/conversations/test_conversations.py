"""`conversation/`: every route, the rules of each kind, the effects on the incident."""

import base64
from urllib.parse import parse_qs, urlparse

import pytest
from bson import ObjectId

from conversations.documents import BODY_MAX, MAX_RECIPIENTS, Conversation
from incidents.documents import Incident
from tests.servicedesk.test_richtext import assert_safe

LIST = "/ux/sd/inci/incident/"
CONVERSATIONS = "/ux/sd/inci/conversation/"
REQUESTER = "requester@example.com"


# --- helpers ------------------------------------------------------------------------------


def create_incident(client, **fields):
    body = {"summary": "Printer on fire", "requester_email": REQUESTER, **fields}
    response = client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def add(client, incident, **fields):
    body = {"incident_id": incident["incident_id"], "kind": "note", "body": "<p>x</p>", **fields}
    return client.post(CONVERSATIONS, body, format="json")


def added(client, incident, **fields):
    response = add(client, incident, **fields)
    assert response.status_code == 201, response.content
    return response.json()


def url(conversation):
    return f"{CONVERSATIONS}{conversation['conversation_id']}/"


def stored_incident(incident) -> Incident:
    return Incident.objects.get(id=incident["incident_id"])


def history(client, incident):
    response = client.get(f"{LIST}{incident['incident_id']}/history/")
    assert response.status_code == 200
    return response.json()


def errors_of(response):
    return {error["attr"]: error for error in response.json()["errors"]}


def assert_immutable(response, attr):
    """A valid value that conflicts with the stored conversation: 409 naming the field."""
    assert response.status_code == 409, response.content
    assert errors_of(response)[attr]["code"] == "immutable"


def assert_400(response, attr):
    assert response.status_code == 400, response.content
    attrs = errors_of(response)
    assert any(a == attr or (a or "").startswith(f"{attr}.") for a in attrs), attrs


def links(response) -> dict:
    """`Link` header as {rel: query dict}."""
    out = {}
    for part in response["Link"].split(", "):
        target, rel = part.split("; ")
        query = parse_qs(urlparse(target.strip("<>")).query)
        out[rel.split('"')[1]] = {key: values[0] for key, values in query.items()}
    return out


@pytest.fixture
def incident(tenant):
    return create_incident(tenant.writer)


@pytest.fixture
def foreign(other_tenant):
    """Another organization's incident with one conversation."""
    theirs = create_incident(other_tenant.writer, summary="Theirs")
    conversation = added(other_tenant.writer, theirs, body="<p>secret</p>")
    return theirs, conversation


# --- create -------------------------------------------------------------------------------


def test_create_note_answers_201_with_the_stored_conversation(tenant, incident):
    response = add(
        tenant.writer,
        incident,
        kind="note",
        direction="outbound",
        body="<p>Checked the <b>toner</b></p><script>alert(1)</script>",
    )
    assert response.status_code == 201, response.content
    assert response["ETag"] == '"1"'
    body = response.json()
    assert body["incident_id"] == incident["incident_id"]
    assert (body["kind"], body["direction"], body["is_private"]) == ("note", "outbound", True)
    assert body["body"] == "<p>Checked the <b>toner</b></p>"
    assert body["body_text"] == "Checked the toner"
    assert (body["to"], body["cc"], body["bcc"]) == ([], [], [])
    assert body["previous_bodies"] == []
    assert body["author_id"] == body["updated_by_id"]
    assert body["author_id"].startswith("key:")
    assert body["created_at"].endswith("Z") and body["created_at"] == body["updated_at"]
    doc = Conversation.objects.get(id=body["conversation_id"])
    assert doc.body_html == body["body"]
    assert str(doc.organization_id) == str(tenant.org.id)


def test_create_accepts_the_display_id_and_defaults_to_outbound(tenant, incident):
    response = tenant.writer.post(
        CONVERSATIONS,
        {"incident_id": incident["display_id"].lower(), "kind": "note", "body": "hi"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["incident_id"] == incident["incident_id"]
    assert response.json()["direction"] == "outbound"


def test_outbound_reply_goes_to_the_requester_by_default(tenant, incident):
    body = added(tenant.writer, incident, kind="reply", direction="outbound")
    assert body["to"] == [REQUESTER]
    assert body["is_private"] is False


def test_outbound_reply_keeps_recipients_it_is_given(tenant, incident):
    body = added(
        tenant.writer,
        incident,
        kind="reply",
        to=["Boss@Example.com", "boss@example.com", "ops@example.com"],
        cc=["cc@example.com"],
        bcc=["audit@example.com"],
    )
    assert body["to"] == ["boss@example.com", "ops@example.com"]
    assert (body["cc"], body["bcc"]) == (["cc@example.com"], ["audit@example.com"])


def test_outbound_reply_without_a_requester_email_has_no_recipient(tenant):
    incident = create_incident(tenant.writer, requester_email="")
    assert added(tenant.writer, incident, kind="reply")["to"] == []


def test_inbound_reply_comes_from_the_requester_by_default(tenant, incident):
    body = added(tenant.writer, incident, kind="reply", direction="inbound")
    assert body["from"] == REQUESTER
    other = added(
        tenant.writer, incident, kind="reply", direction="inbound", **{"from": "Who@Example.com"}
    )
    assert other["from"] == "who@example.com"


def test_forward_needs_a_recipient_and_goes_out(tenant, incident):
    assert_400(add(tenant.writer, incident, kind="forward"), "to")
    assert_400(add(tenant.writer, incident, kind="forward", to=[]), "to")
    assert_400(
        add(tenant.writer, incident, kind="forward", direction="inbound", to=["v@example.com"]),
        "direction",
    )
    body = added(tenant.writer, incident, kind="forward", to=["vendor@example.com"])
    assert (body["kind"], body["to"], body["is_private"]) == (
        "forward",
        ["vendor@example.com"],
        False,
    )
    assert Conversation.objects.count() == 1


@pytest.mark.parametrize("field", ["to", "cc", "bcc"])
def test_a_note_has_no_recipients(tenant, incident, field):
    response = add(tenant.writer, incident, kind="note", **{field: ["someone@example.com"]})
    assert_400(response, field)
    assert errors_of(response)[field]["code"] == "private"
    assert Conversation.objects.count() == 0


def test_an_inbound_note_is_refused(tenant, incident):
    assert_400(add(tenant.writer, incident, kind="note", direction="inbound"), "direction")
    assert Conversation.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "attr"),
    [
        ({"kind": "chat"}, "kind"),
        ({"kind": "Reply"}, "kind"),
        ({"kind": None}, "kind"),
        ({"direction": "sideways"}, "direction"),
        ({"direction": 1}, "direction"),
        ({"kind": "reply", "to": ["not-an-email"]}, "to"),
        ({"kind": "reply", "to": ["a@b@example.com"]}, "to"),
        ({"kind": "reply", "to": "boss@example.com"}, "to"),
        ({"kind": "reply", "cc": ["two words@example.com"]}, "cc"),
        ({"kind": "reply", "bcc": [{"$ne": ""}]}, "bcc"),
        ({"kind": "reply", "from": "nobody"}, "from"),
        ({"body": ""}, "body"),
        ({"body": "   "}, "body"),
        ({"body": "<script>alert(1)</script>"}, "body"),
        ({"body": "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT><style>p{}</style>"}, "body"),
        ({"body": 42}, "body"),
        ({"body": {"$ne": ""}}, "body"),
        ({"incident_id": {"$ne": ""}}, "incident_id"),
        ({"attachment_ids": "a"}, "attachment_ids"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_writes_nothing(tenant, incident, fields, attr):
    version = stored_incident(incident).version
    assert_400(add(tenant.writer, incident, **fields), attr)
    assert Conversation.objects.count() == 0
    assert stored_incident(incident).version == version


def test_required_fields(tenant):
    response = tenant.writer.post(CONVERSATIONS, {}, format="json")
    assert response.status_code == 400
    assert {"incident_id", "kind", "body"} <= set(errors_of(response))


def test_body_at_the_limit_is_kept_and_one_past_is_400(tenant, incident, settings):
    settings.SERVICEDESK_MAX_JSON_BODY_BYTES = 4 * BODY_MAX
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * BODY_MAX
    at_limit = add(tenant.writer, incident, body="x" * BODY_MAX)
    assert at_limit.status_code == 201, at_limit.content[:300]
    assert len(Conversation.objects.get(id=at_limit.json()["conversation_id"]).body_html) == (
        BODY_MAX
    )
    assert_400(add(tenant.writer, incident, body="x" * (BODY_MAX + 1)), "body")
    assert Conversation.objects.count() == 1


def test_recipients_at_the_limit_and_one_past(tenant, incident):
    many = [f"user{i}@example.com" for i in range(MAX_RECIPIENTS + 1)]
    assert add(tenant.writer, incident, kind="reply", to=many[:MAX_RECIPIENTS]).status_code == 201
    assert_400(add(tenant.writer, incident, kind="reply", to=many), "to")
    assert_400(add(tenant.writer, incident, kind="reply", cc=many), "cc")
    assert Conversation.objects.count() == 1


def test_an_address_of_254_characters_is_accepted_and_255_is_not(tenant, incident):
    def address(length):
        domain = ".".join(["a" * 63, "b" * 63, "c" * 63, "example.com"])  # 203 characters
        local = "x" * (length - len(domain) - 1)
        return f"{local}@{domain}"

    assert len(address(254)) == 254
    ok = add(tenant.writer, incident, kind="reply", to=[address(254)])
    assert ok.status_code == 201, ok.content
    assert_400(add(tenant.writer, incident, kind="reply", to=[address(255)]), "to")


# --- attachment references ------------------------------------------------------------------


def upload(client, incident, name="log.txt"):
    response = client.post(
        f"{LIST}add-attachment/",
        {
            "incident_id": incident["incident_id"],
            "files": [{"file_name": name, "content_base64": base64.b64encode(b"hello").decode()}],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()[0]["attachment_id"]


def test_attachment_references_of_the_incident_are_kept(tenant, incident):
    first, second = upload(tenant.writer, incident), upload(tenant.writer, incident, "b.txt")
    body = added(tenant.writer, incident, attachment_ids=[first, second])
    assert body["attachment_ids"] == [first, second]


def test_attachment_references_must_be_attachments_of_the_same_incident(
    tenant, other_tenant, incident
):
    other_incident = create_incident(tenant.writer)
    elsewhere = upload(tenant.writer, other_incident)
    theirs = upload(other_tenant.writer, create_incident(other_tenant.writer))
    for refs in (["nope"], [str(ObjectId())], [elsewhere], [theirs]):
        assert_400(add(tenant.writer, incident, attachment_ids=refs), "attachment_ids")
    assert Conversation.objects.count() == 0


def test_attachment_references_at_the_limit_and_one_past(tenant, incident):
    ids = [upload(tenant.writer, incident, f"f{i}.txt") for i in range(21)]
    assert add(tenant.writer, incident, attachment_ids=ids[:20]).status_code == 201
    assert_400(add(tenant.writer, incident, attachment_ids=ids), "attachment_ids")


# --- effects on the incident ----------------------------------------------------------------


def test_inbound_conversation_marks_the_incident_unread(tenant, incident):
    assert stored_incident(incident).unread_mail is False
    added(tenant.writer, incident, kind="reply", direction="inbound")
    assert stored_incident(incident).unread_mail is True
    read = tenant.reader.get(f"{LIST}{incident['incident_id']}/")
    assert read.json()["unread_mail"] is True


def test_outbound_reply_clears_unread_mail_but_a_note_or_forward_does_not(tenant, incident):
    added(tenant.writer, incident, kind="reply", direction="inbound")
    added(tenant.writer, incident, kind="note")
    added(tenant.writer, incident, kind="forward", to=["vendor@example.com"])
    assert stored_incident(incident).unread_mail is True
    added(tenant.writer, incident, kind="reply", direction="outbound")
    assert stored_incident(incident).unread_mail is False


@pytest.mark.parametrize(
    "hold_config",
    [
        {"reason": "Awaiting Requester"},
        {"reason": "awaiting requester"},
        {"hold_reason_id": 1},
        {"hold_reason_id": "1"},
        {"hold_reason": "Awaiting Requester"},
    ],
)
def test_requester_reply_moves_an_incident_waiting_for_them_back_to_in_progress(
    tenant, hold_config
):
    incident = create_incident(tenant.writer, status_id=4, hold_config=hold_config)
    assert incident["basic_info"]["status"] == "On Hold"
    added(tenant.writer, incident, kind="reply", direction="inbound")
    doc = stored_incident(incident)
    assert (doc.basic_info.status_id, doc.basic_info.status) == (3, "In Progress")
    assert (doc.basic_info.state_id, doc.basic_info.state) == (1, "Open")
    entries = history(tenant.reader, incident)
    moved = [e for e in entries if e["field"] == "basic_info.status_id"]
    assert moved and (moved[0]["old"], moved[0]["new"]) == (4, 3)
    assert moved[0]["action"] == "requester_replied"


@pytest.mark.parametrize(
    ("hold_config", "kind", "direction"),
    [
        ({"reason": "Awaiting Vendor"}, "reply", "inbound"),
        ({"hold_reason_id": 2}, "reply", "inbound"),
        ({"reason": "Awaiting Requester"}, "reply", "outbound"),
        ({"reason": "Awaiting Requester"}, "note", "outbound"),
    ],
)
def test_other_holds_and_desk_messages_keep_the_incident_on_hold(
    tenant, hold_config, kind, direction
):
    incident = create_incident(tenant.writer, status_id=4, hold_config=hold_config)
    added(tenant.writer, incident, kind=kind, direction=direction)
    assert stored_incident(incident).basic_info.status_id == 4


def test_a_requester_reply_to_an_incident_in_progress_changes_no_status(tenant):
    incident = create_incident(tenant.writer, status_id=3)
    added(tenant.writer, incident, kind="reply", direction="inbound")
    assert stored_incident(incident).basic_info.status_id == 3


def test_history_records_add_edit_and_delete(tenant, incident):
    conversation = added(tenant.writer, incident, body="<p>v1</p>")
    cid = conversation["conversation_id"]
    assert tenant.writer.patch(url(conversation), {"body": "v2"}, format="json").status_code == 200
    assert tenant.writer.delete(url(conversation)).status_code == 204
    entries = [e for e in history(tenant.reader, incident) if e["field"] == "conversation"]
    assert [(e["action"], e["new"]) for e in entries] == [
        ("conversation_deleted", cid),
        ("conversation_edited", cid),
        ("conversation_added", cid),
    ]
    key_id = conversation["author_id"]
    assert all(e["actor_id"] == key_id and e["at"].endswith("Z") for e in entries)


def test_incident_data_shows_the_count_and_the_latest_conversation(tenant, incident):
    data_url = f"{LIST}incident-data/{incident['display_id']}/"
    empty = tenant.reader.get(data_url).json()
    assert (empty["conversation_count"], empty["latest_conversation"]) == (0, None)
    added(tenant.writer, incident, body="first")
    latest = added(tenant.writer, incident, body="second")
    tenant.writer.patch(url(latest), {"body": "second, edited"}, format="json")
    added(tenant.writer, create_incident(tenant.writer), body="elsewhere")
    data = tenant.reader.get(data_url).json()
    assert data["conversation_count"] == 2
    shown = data["latest_conversation"]
    assert shown["conversation_id"] == latest["conversation_id"]
    assert shown["body"] == "second, edited"
    # The same representation as GET conversation/{id}/ gives.
    assert shown == tenant.reader.get(url(latest)).json()


# --- read, list -----------------------------------------------------------------------------


def test_get_returns_the_conversation_with_an_etag(tenant, incident):
    conversation = added(tenant.writer, incident, kind="reply", body="<p>Hi</p>")
    response = tenant.reader.get(url(conversation))
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json() == conversation


@pytest.mark.parametrize("bad", ["0" * 24, "nothex" * 4, "123"])
def test_get_unknown_or_malformed_id_is_404(tenant, bad):
    assert tenant.reader.get(f"{CONVERSATIONS}{bad}/").status_code == 404


def make_thread(client, incident):
    kinds = [
        {"kind": "reply", "direction": "inbound"},
        {"kind": "note"},
        {"kind": "reply", "direction": "outbound"},
        {"kind": "forward", "to": ["vendor@example.com"]},
        {"kind": "reply", "direction": "inbound"},
    ]
    return [added(client, incident, body=f"m{i}", **fields) for i, fields in enumerate(kinds)]


def ids(response):
    return [c["conversation_id"] for c in response.json()]


def test_list_is_oldest_first_and_filters_by_incident(tenant, incident):
    thread = make_thread(tenant.writer, incident)
    added(tenant.writer, create_incident(tenant.writer), body="other incident")
    response = tenant.reader.get(CONVERSATIONS, {"incident_id": incident["display_id"]})
    assert response.status_code == 200
    assert ids(response) == [c["conversation_id"] for c in thread]
    assert response["X-Total-Count"] == "5"
    everything = tenant.reader.get(CONVERSATIONS)
    assert everything["X-Total-Count"] == "6"


def test_list_sort_order_desc_is_newest_first(tenant, incident):
    thread = make_thread(tenant.writer, incident)
    query = {"incident_id": incident["incident_id"]}
    asc = tenant.reader.get(CONVERSATIONS, {**query, "sort_order": "asc"})
    desc = tenant.reader.get(CONVERSATIONS, {**query, "sort_order": "desc"})
    assert ids(asc) == [c["conversation_id"] for c in thread]
    assert ids(desc) == [c["conversation_id"] for c in reversed(thread)]
    assert_400(tenant.reader.get(CONVERSATIONS, {"sort_order": "up"}), "sort_order")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "reply"}, [0, 2, 4]),
        ({"kind": "note"}, [1]),
        ({"kind": "forward"}, [3]),
        ({"direction": "inbound"}, [0, 4]),
        ({"direction": "outbound"}, [1, 2, 3]),
        ({"kind": "reply", "direction": "outbound"}, [2]),
        ({"kind": "note", "direction": "inbound"}, []),
    ],
)
def test_list_filters_by_kind_and_direction(tenant, incident, query, expected):
    thread = make_thread(tenant.writer, incident)
    response = tenant.reader.get(CONVERSATIONS, {"incident_id": incident["incident_id"], **query})
    assert response.status_code == 200
    assert ids(response) == [thread[i]["conversation_id"] for i in expected]
    assert response["X-Total-Count"] == str(len(expected))


@pytest.mark.parametrize(
    ("query", "attr"),
    [
        ({"kind": "chat"}, "kind"),
        ({"direction": "up"}, "direction"),
        ({"items_per_page": "0"}, "items_per_page"),
        ({"items_per_page": "101"}, "items_per_page"),
        ({"items_per_page": "ten"}, "items_per_page"),
        ({"page": "0"}, "page"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_list_bad_query_is_400_naming_the_parameter(tenant, query, attr):
    assert_400(tenant.reader.get(CONVERSATIONS, query), attr)


def test_list_pages_with_total_and_link_headers(tenant, incident):
    thread = make_thread(tenant.writer, incident)
    query = {"incident_id": incident["incident_id"], "items_per_page": 2}
    first = tenant.reader.get(CONVERSATIONS, query)
    assert ids(first) == [c["conversation_id"] for c in thread[:2]]
    assert first["X-Total-Count"] == "5"
    rels = links(first)
    assert set(rels) == {"first", "next", "last"}
    assert (rels["next"]["page"], rels["last"]["page"], rels["first"]["page"]) == ("2", "3", "1")
    assert rels["next"]["incident_id"] == incident["incident_id"]
    assert rels["next"]["items_per_page"] == "2"
    last = tenant.reader.get(CONVERSATIONS, {**query, "page": 3})
    assert ids(last) == [thread[4]["conversation_id"]]
    assert set(links(last)) == {"first", "prev", "last"}
    beyond = tenant.reader.get(CONVERSATIONS, {**query, "page": 4})
    assert beyond.status_code == 200 and beyond.json() == []
    assert beyond["X-Total-Count"] == "5"


def test_list_page_size_at_the_limit(tenant, incident):
    response = tenant.reader.get(CONVERSATIONS, {"items_per_page": 100})
    assert response.status_code == 200
    assert response["X-Total-Count"] == "0"
    assert response.json() == []


def test_list_default_page_size_is_twenty(tenant, incident):
    for i in range(21):
        added(tenant.writer, incident, body=f"n{i}")
    response = tenant.reader.get(CONVERSATIONS)
    assert len(response.json()) == 20
    assert response["X-Total-Count"] == "21"
    assert links(response)["next"]["page"] == "2"


# --- edit -------------------------------------------------------------------------------------


def test_patch_changes_the_body_and_keeps_the_previous_ones(tenant, incident):
    conversation = added(tenant.writer, incident, kind="reply", body="<p>v1</p>")
    first = tenant.writer.patch(url(conversation), {"body": "<p>v2</p>"}, format="json")
    assert first.status_code == 200, first.content
    assert first["ETag"] == '"2"'
    second = tenant.writer.patch(
        url(conversation), {"body": "<p>v3 <i>final</i></p>"}, format="json"
    )
    body = second.json()
    assert (body["body"], body["body_text"]) == ("<p>v3 <i>final</i></p>", "v3 final")
    assert [p["body_html"] for p in body["previous_bodies"]] == ["<p>v1</p>", "<p>v2</p>"]
    for previous in body["previous_bodies"]:
        assert previous["edited_by_id"] == body["updated_by_id"]
        # Times as everywhere else: milliseconds and Z.
        assert len(previous["edited_at"]) == len("2025-08-31T16:08:45.429Z")
        assert previous["edited_at"].endswith("Z")
    assert body["previous_bodies"][-1]["edited_at"] == body["updated_at"]
    assert body["created_at"] == conversation["created_at"]
    doc = Conversation.objects.get(id=conversation["conversation_id"])
    assert doc.body_html == "<p>v3 <i>final</i></p>"
    assert [p.body_html for p in doc.previous_bodies] == ["<p>v1</p>", "<p>v2</p>"]
    assert tenant.reader.get(url(conversation)).json() == body


def test_patch_recipients_without_a_body_keeps_no_previous_body(tenant, incident):
    conversation = added(tenant.writer, incident, kind="reply", body="<p>v1</p>")
    response = tenant.writer.patch(url(conversation), {"cc": ["Team@Example.com"]}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["cc"] == ["team@example.com"]
    assert response.json()["to"] == [REQUESTER]
    assert response.json()["previous_bodies"] == []


def test_patch_with_nothing_new_writes_nothing(tenant, incident):
    conversation = added(tenant.writer, incident, body="<p>same</p>")
    version = stored_incident(incident).version
    response = tenant.writer.patch(url(conversation), {"body": "<p>same</p>"}, format="json")
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["previous_bodies"] == []
    assert stored_incident(incident).version == version


def test_patch_keeps_only_the_latest_previous_bodies(tenant, incident):
    from conversations.services import MAX_PREVIOUS_BODIES

    conversation = added(tenant.writer, incident, body="v0")
    for n in range(1, MAX_PREVIOUS_BODIES + 3):
        response = tenant.writer.patch(url(conversation), {"body": f"v{n}"}, format="json")
        assert response.status_code == 200
    previous = [p["body_html"] for p in response.json()["previous_bodies"]]
    assert previous == [f"v{n}" for n in range(2, MAX_PREVIOUS_BODIES + 2)]


def test_put_replaces_body_and_recipients(tenant, incident):
    conversation = added(tenant.writer, incident, kind="reply", cc=["old@example.com"])
    response = tenant.writer.put(
        url(conversation),
        {
            "incident_id": incident["display_id"],
            "kind": "reply",
            "direction": "outbound",
            "body": "<ol><li>one</li><li>two</li></ol>",
            "to": ["new@example.com"],
            "cc": [],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["body_text"] == "- one\n- two"
    assert (body["to"], body["cc"]) == (["new@example.com"], [])
    assert [p["body_html"] for p in body["previous_bodies"]] == ["<p>x</p>"]


def test_put_needs_the_whole_representation(tenant, incident):
    conversation = added(tenant.writer, incident)
    response = tenant.writer.put(url(conversation), {"body": "only a body"}, format="json")
    assert response.status_code == 400
    assert {"incident_id", "kind"} <= set(errors_of(response))
    assert Conversation.objects.get(id=conversation["conversation_id"]).version == 1


@pytest.mark.parametrize(
    "change", [{"kind": "reply"}, {"direction": "inbound"}], ids=["kind", "direction"]
)
def test_kind_and_direction_cannot_change(tenant, incident, change):
    conversation = added(tenant.writer, incident, kind="note")
    response = tenant.writer.patch(url(conversation), change, format="json")
    assert_immutable(response, next(iter(change)))
    assert Conversation.objects.get(id=conversation["conversation_id"]).version == 1


def test_the_incident_cannot_change(tenant, incident):
    conversation = added(tenant.writer, incident)
    other = create_incident(tenant.writer)
    response = tenant.writer.patch(
        url(conversation), {"incident_id": other["incident_id"]}, format="json"
    )
    assert_immutable(response, "incident_id")
    same = tenant.writer.patch(
        url(conversation), {"incident_id": incident["display_id"], "body": "y"}, format="json"
    )
    assert same.status_code == 200, same.content
    doc = Conversation.objects.get(id=conversation["conversation_id"])
    assert str(doc.incident_id) == incident["incident_id"]


@pytest.mark.parametrize("field", ["to", "cc", "bcc"])
def test_a_note_cannot_gain_recipients_on_edit(tenant, incident, field):
    conversation = added(tenant.writer, incident, kind="note")
    response = tenant.writer.patch(url(conversation), {field: ["x@example.com"]}, format="json")
    assert_400(response, field)
    assert Conversation.objects.get(id=conversation["conversation_id"]).version == 1


def test_a_forward_cannot_lose_its_recipients_on_edit(tenant, incident):
    conversation = added(tenant.writer, incident, kind="forward", to=["v@example.com"])
    assert_400(tenant.writer.patch(url(conversation), {"to": []}, format="json"), "to")


@pytest.mark.parametrize(
    ("change", "attr"),
    [
        ({"body": "<script>alert(1)</script>"}, "body"),
        ({"body": ""}, "body"),
        ({"to": ["nope"]}, "to"),
        ({"from": "nope"}, "from"),
    ],
)
def test_patch_bad_input_is_400_and_writes_nothing(tenant, incident, change, attr):
    conversation = added(tenant.writer, incident, kind="reply", body="<p>kept</p>")
    assert_400(tenant.writer.patch(url(conversation), change, format="json"), attr)
    doc = Conversation.objects.get(id=conversation["conversation_id"])
    assert (doc.version, doc.body_html) == (1, "<p>kept</p>")


def test_patch_body_at_the_limit_and_one_past(tenant, incident, settings):
    settings.SERVICEDESK_MAX_JSON_BODY_BYTES = 4 * BODY_MAX
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * BODY_MAX
    conversation = added(tenant.writer, incident)
    ok = tenant.writer.patch(url(conversation), {"body": "y" * BODY_MAX}, format="json")
    assert ok.status_code == 200
    too_long = tenant.writer.patch(url(conversation), {"body": "z" * (BODY_MAX + 1)}, format="json")
    assert_400(too_long, "body")
    assert Conversation.objects.get(id=conversation["conversation_id"]).body_html == (
        "y" * BODY_MAX
    )


def test_if_match_stale_is_412_with_nothing_written(tenant, incident):
    conversation = added(tenant.writer, incident)
    etag = tenant.reader.get(url(conversation))["ETag"]
    current = tenant.writer.patch(
        url(conversation), {"body": "a"}, format="json", HTTP_IF_MATCH=etag
    )
    assert current.status_code == 200
    stale = tenant.writer.patch(url(conversation), {"body": "b"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert Conversation.objects.get(id=conversation["conversation_id"]).body_html == "a"


# --- delete -------------------------------------------------------------------------------------


def test_delete_answers_204_and_the_conversation_is_gone(tenant, incident):
    keep = added(tenant.writer, incident, body="keep")
    gone = added(tenant.writer, incident, body="gone")
    response = tenant.writer.delete(url(gone))
    assert response.status_code == 204
    assert response.content == b""
    assert tenant.reader.get(url(gone)).status_code == 404
    assert tenant.writer.delete(url(gone)).status_code == 404
    assert ids(tenant.reader.get(CONVERSATIONS)) == [keep["conversation_id"]]
    data = tenant.reader.get(f"{LIST}incident-data/{incident['incident_id']}/").json()
    assert data["conversation_count"] == 1


# --- who may do what ----------------------------------------------------------------------------


def test_a_read_key_reads_but_cannot_write(tenant, incident):
    conversation = added(tenant.writer, incident, body="<p>v1</p>")
    assert tenant.reader.get(url(conversation)).status_code == 200
    assert tenant.reader.get(CONVERSATIONS).status_code == 200
    body = {"incident_id": incident["incident_id"], "kind": "note", "body": "x"}
    assert tenant.reader.post(CONVERSATIONS, body, format="json").status_code == 403
    assert tenant.reader.put(url(conversation), body, format="json").status_code == 403
    assert tenant.reader.patch(url(conversation), {"body": "y"}, format="json").status_code == 403
    assert tenant.reader.delete(url(conversation)).status_code == 403
    assert Conversation.objects.count() == 1
    doc = Conversation.objects.get(id=conversation["conversation_id"])
    assert (doc.version, doc.body_html) == (1, "<p>v1</p>")


def test_no_key_is_401(anon, tenant, incident):
    conversation = added(tenant.writer, incident)
    assert anon.get(CONVERSATIONS).status_code == 401
    assert anon.get(url(conversation)).status_code == 401
    assert anon.post(CONVERSATIONS, {}, format="json").status_code == 401


def snapshot():
    return sorted(
        (str(c.id), c.version, c.body_html, c.incident_id) for c in Conversation.objects
    ), sorted((str(i.id), i.version) for i in Incident.objects)


def test_another_organizations_conversation_does_not_exist(tenant, foreign):
    _, conversation = foreign
    mine = create_incident(tenant.writer)
    before = snapshot()
    body = {"incident_id": mine["incident_id"], "kind": "note", "body": "mine now"}
    for response in (
        tenant.reader.get(url(conversation)),
        tenant.writer.put(url(conversation), body, format="json"),
        tenant.writer.patch(url(conversation), {"body": "mine now"}, format="json"),
        tenant.writer.delete(url(conversation)),
        tenant.admin.delete(url(conversation)),
    ):
        assert response.status_code == 404, response.content
        assert "secret" not in response.content.decode()
    assert snapshot() == before


def test_another_organizations_incident_in_the_body_is_404_with_nothing_written(
    tenant, other_tenant, foreign
):
    theirs, _ = foreign
    # Display ids are per organization: their INCI-2 has no namesake here.
    second = create_incident(other_tenant.writer, summary="Theirs too")
    mine = create_incident(tenant.writer)
    own = added(tenant.writer, mine, body="own")
    before = snapshot()
    for ref in (theirs["incident_id"], second["incident_id"], second["display_id"]):
        create = tenant.writer.post(
            CONVERSATIONS,
            {"incident_id": ref, "kind": "reply", "direction": "inbound", "body": "x"},
            format="json",
        )
        assert create.status_code == 404, create.content
        moved = tenant.writer.patch(url(own), {"incident_id": ref, "body": "y"}, format="json")
        assert moved.status_code == 404, moved.content
        put = tenant.writer.put(
            url(own), {"incident_id": ref, "kind": "note", "body": "y"}, format="json"
        )
        assert put.status_code == 404, put.content
    assert snapshot() == before
    assert Incident.objects.get(id=theirs["incident_id"]).unread_mail is False


def test_another_organizations_incident_in_the_query_is_404(tenant, foreign):
    theirs, _ = foreign
    for ref in (theirs["incident_id"], theirs["display_id"]):
        response = tenant.reader.get(CONVERSATIONS, {"incident_id": ref})
        assert response.status_code == 404
        assert "secret" not in response.content.decode()
    everything = tenant.reader.get(CONVERSATIONS)
    assert everything.json() == [] and everything["X-Total-Count"] == "0"


def test_unknown_incident_is_404_with_nothing_written(tenant):
    for ref in (str(ObjectId()), "INCI-999", "not an id"):
        response = tenant.writer.post(
            CONVERSATIONS, {"incident_id": ref, "kind": "note", "body": "x"}, format="json"
        )
        assert response.status_code == 404, (ref, response.content)
        assert tenant.reader.get(CONVERSATIONS, {"incident_id": ref}).status_code == 404
    assert Conversation.objects.count() == 0


# --- the trash ------------------------------------------------------------------------------------


def test_conversations_of_an_incident_in_the_trash_are_404(tenant, incident):
    conversation = added(tenant.writer, incident, body="<p>before</p>")
    assert tenant.writer.delete(f"{LIST}{incident['incident_id']}/").status_code == 204
    body = {"incident_id": incident["incident_id"], "kind": "note", "body": "x"}
    assert tenant.reader.get(url(conversation)).status_code == 404
    assert tenant.writer.patch(url(conversation), {"body": "y"}, format="json").status_code == 404
    assert tenant.writer.put(url(conversation), body, format="json").status_code == 404
    assert tenant.writer.delete(url(conversation)).status_code == 404
    assert tenant.writer.post(CONVERSATIONS, body, format="json").status_code == 404
    query = {"incident_id": incident["incident_id"]}
    assert tenant.reader.get(CONVERSATIONS, query).status_code == 404
    # Kept, untouched, for a restore; but not listed meanwhile.
    doc = Conversation.objects.get(id=conversation["conversation_id"])
    assert (doc.version, doc.body_html) == (1, "<p>before</p>")
    assert Conversation.objects.count() == 1
    listed = tenant.reader.get(CONVERSATIONS)
    assert listed.json() == [] and listed["X-Total-Count"] == "0"


def test_a_restored_incident_has_its_conversations_back(tenant, incident):
    conversation = added(tenant.writer, incident)
    tenant.writer.delete(f"{LIST}{incident['incident_id']}/")
    restore = tenant.writer.post(
        f"{LIST}restore_incident/", {"incident_id": incident["incident_id"]}, format="json"
    )
    assert restore.json()["results"][0]["ok"] is True
    assert tenant.reader.get(url(conversation)).status_code == 200
    assert ids(tenant.reader.get(CONVERSATIONS)) == [conversation["conversation_id"]]


# --- bodies are sanitized -------------------------------------------------------------------------


def test_body_is_sanitized_on_create_and_edit(tenant, incident):
    created = added(
        tenant.writer,
        incident,
        kind="reply",
        body='<p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>'
        '<img src="cid:logo.png" onerror=alert(1)><iframe src="https://evil"></iframe>',
    )
    assert created["body"] == (
        '<p>Hi <a rel="noopener noreferrer nofollow">there</a></p><img src="cid:logo.png">'
    )
    assert_safe(created["body"])
    edited = tenant.writer.patch(
        url(created),
        {"body": '<svg/onload=alert(1)><p style="x:expression(1)">ok</p>'},
        format="json",
    )
    assert edited.json()["body"] == "<p>ok</p>"
