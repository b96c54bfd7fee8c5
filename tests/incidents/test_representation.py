"""The lean read path renders exactly what IncidentSerializer describes."""

import random

import orjson

from incidents import demo
from incidents.api.representation import PROJECTION, incident_data
from incidents.api.serializers import IncidentSerializer
from incidents.documents import Incident
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
