"""The lean read path renders exactly what IncidentSerializer describes."""

import random

import orjson

from incidents import demo
from incidents.api.serializers import IncidentSerializer
from incidents.documents import Incident
from incidents.representation import PROJECTION, incident_data
from servicedesk.api.render import ORJSONRenderer
from servicedesk.tenancy.services import Principal


def normal(data) -> dict:
    return orjson.loads(ORJSONRenderer().render(data))


def test_lean_rendering_equals_the_serializer_for_varied_incidents(tenant):
    principal = Principal(
        key_id=tenant.org.id,
        organization_id=tenant.org.id,
        organization_slug=tenant.org.slug,
        scope="write",
    )
    demo.seed(principal=principal, count=60, rng=random.Random(3))
    tenant.writer.post(
        "/ux/sd/inci/incident/",
        {
            "summary": "full",
            "custom_field_data": {"a": [1, {"b": None}]},
            "location": {"site": "HQ"},
            "assets": ["pc"],
            "reference": [{"x": 1}],
            "watcher": "a@example.com",
            "kb": ["KB1"],
        },
        format="json",
    )
    documents = list(Incident.objects.exclude("history"))
    raws = {raw["_id"]: raw for raw in Incident._get_collection().find({}, PROJECTION)}
    assert len(documents) == len(raws) == 61
    for document in documents:
        expected = normal(IncidentSerializer(document).data)
        assert normal(incident_data(document)) == expected
        assert normal(incident_data(raws[document.id])) == expected


def test_orjson_renderer_matches_drf_json_for_errors_and_lazy_strings(tenant):
    response = tenant.writer.post("/ux/sd/inci/incident/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["detail"] == "This field is required."


def test_every_api_answer_is_rendered_by_orjson_with_dates_as_the_app_writes_them(tenant):
    from datetime import UTC, datetime

    created = tenant.writer.post("/ux/sd/inci/incident/", {"summary": "x"}, format="json")
    listed = tenant.reader.get("/ux/sd/inci/incident/")
    for response in (created, listed):
        assert isinstance(response.accepted_renderer, ORJSONRenderer)
        assert response["Content-Type"] == "application/json"
    from servicedesk.timeutil import isoformat

    moment = datetime(2025, 3, 1, 10, 0, 0, 123456, tzinfo=UTC)
    # A datetime reaching the renderer is written like every stored time the API shows.
    assert normal({"at": moment}) == {"at": isoformat(moment)}
    shown = created.json()["creation_time"]
    assert len(shown) == len(isoformat(moment)) and shown[-1] == isoformat(moment)[-1]
