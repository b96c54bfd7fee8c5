"""The conversation payload of webhooks is exactly what ConversationSerializer describes."""

import orjson

from conversations.api.serializers import ConversationSerializer
from conversations.documents import Conversation
from conversations.representation import conversation_data
from servicedesk.api.render import ORJSONRenderer


def normal(data) -> dict:
    return orjson.loads(ORJSONRenderer().render(data))


def test_conversation_data_equals_the_serializer(tenant):
    incident = tenant.writer.post("/ux/sd/inci/incident/", {"summary": "x"}, format="json").json()
    base = {"incident_id": incident["incident_id"]}
    for body in (
        {"kind": "reply", "body": "<p>hi</p>", "to": ["a@example.com"], "cc": ["b@example.com"]},
        {"kind": "note", "body": "<p>note</p>"},
        {"kind": "reply", "direction": "inbound", "body": "<p>in</p>", "from": "r@example.com"},
    ):
        made = tenant.writer.post("/ux/sd/inci/conversation/", {**base, **body}, format="json")
        assert made.status_code == 201
    first = Conversation.objects.order_by("created_at").first()
    edited = tenant.writer.patch(
        f"/ux/sd/inci/conversation/{first.id}/", {"body": "<p>again</p>"}, format="json"
    )
    assert edited.status_code == 200
    conversations = list(Conversation.objects)
    assert len(conversations) == 3
    for conversation in conversations:
        expected = normal(ConversationSerializer(conversation).data)
        assert normal(conversation_data(conversation)) == expected
        raw = Conversation._get_collection().find_one({"_id": conversation.id})
        assert normal(conversation_data(raw)) == expected
    assert any(normal(conversation_data(c))["previous_bodies"] for c in conversations)
