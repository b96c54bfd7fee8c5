"""`save-rich-text/` and `process-rich-text/`: sanitized HTML in, HTML and text out."""

import pytest
from bson import ObjectId

from incidents.documents import DESCRIPTION_MAX, Incident
from tests.servicedesk.test_richtext import assert_safe

LIST = "/ux/sd/inci/incident/"
SAVE = f"{LIST}save-rich-text/"
PROCESS = f"{LIST}process-rich-text/"
FIELDS = ["description", "closure_note"]


@pytest.fixture
def incident(tenant):
    response = tenant.writer.post(
        LIST, {"summary": "Mail bounces", "description": "<p>old</p>"}, format="json"
    )
    assert response.status_code == 201
    return response.json()


def stored(incident, field) -> str:
    doc = Incident.objects.get(id=incident["incident_id"])
    return doc.basic_info.description if field == "description" else doc.close_info.closure_note


def save(client, incident, field, html, ref=None):
    body = {"incident_id": ref or incident["incident_id"], "field": field, "html": html}
    return client.post(SAVE, body, format="json")


def process(client, incident, field, ref=None):
    return client.get(PROCESS, {"incident_id": ref or incident["incident_id"], "field": field})


def history(client, incident):
    return client.get(f"{LIST}{incident['incident_id']}/history/").json()


@pytest.mark.parametrize("field", FIELDS)
def test_save_sanitizes_stores_and_answers_html_and_text(tenant, incident, field):
    html = (
        '<p onclick="steal()">Steps:</p><ul><li>restart <b>MTA</b></li><li>check '
        '<a href="javascript:alert(1)">queue</a> &amp; DNS</li></ul><script>alert(1)</script>'
    )
    response = save(tenant.writer, incident, field, html)
    assert response.status_code == 200, response.content
    expected_html = (
        "<p>Steps:</p><ul><li>restart <b>MTA</b></li><li>check "
        '<a rel="noopener noreferrer nofollow">queue</a> &amp; DNS</li></ul>'
    )
    assert response.json() == {
        "incident_id": incident["incident_id"],
        "field": field,
        "html": expected_html,
        "text": "Steps:\n\n- restart MTA\n- check queue & DNS",
    }
    assert stored(incident, field) == expected_html
    assert_safe(stored(incident, field))


@pytest.mark.parametrize("field", FIELDS)
def test_process_reads_the_stored_field_as_html_and_text(tenant, incident, field):
    save(tenant.writer, incident, field, "<h2>Cause</h2><p>Expired&nbsp;cert</p>")
    response = process(tenant.reader, incident, field, ref=incident["display_id"])
    assert response.status_code == 200
    assert response.json() == {
        "incident_id": incident["incident_id"],
        "field": field,
        "html": "<h2>Cause</h2><p>Expired&nbsp;cert</p>",
        "text": "Cause\n\nExpired cert",
    }


def test_process_of_an_empty_field_is_empty(tenant, incident):
    response = process(tenant.reader, incident, "closure_note")
    assert response.status_code == 200
    assert (response.json()["html"], response.json()["text"]) == ("", "")


def test_process_of_the_description_given_on_create(tenant, incident):
    assert process(tenant.reader, incident, "description").json()["html"] == "<p>old</p>"


def test_save_accepts_the_display_id_and_shows_in_the_incident(tenant, incident):
    response = save(tenant.writer, incident, "description", "<p>new</p>", incident["display_id"])
    assert response.status_code == 200
    assert response.json()["incident_id"] == incident["incident_id"]
    read = tenant.reader.get(f"{LIST}{incident['incident_id']}/").json()
    assert read["basic_info"]["description"] == "<p>new</p>"


def test_saving_empty_html_clears_the_field(tenant, incident):
    response = save(tenant.writer, incident, "description", "")
    assert response.status_code == 200
    assert stored(incident, "description") == ""


@pytest.mark.parametrize("field", FIELDS)
def test_save_is_recorded_in_the_history(tenant, incident, field):
    save(tenant.writer, incident, field, "<p>new</p>")
    entry = history(tenant.reader, incident)[0]
    path = "basic_info.description" if field == "description" else "close_info.closure_note"
    old = "<p>old</p>" if field == "description" else ""
    assert (entry["action"], entry["field"], entry["old"], entry["new"]) == (
        "rich_text_saved",
        path,
        old,
        "<p>new</p>",
    )
    assert entry["actor_id"].startswith("key:")


def test_saving_the_same_html_again_writes_nothing(tenant, incident):
    save(tenant.writer, incident, "description", "<p>same</p>")
    version = Incident.objects.get(id=incident["incident_id"]).version
    entries = len(history(tenant.reader, incident))
    assert save(tenant.writer, incident, "description", "<p>same</p>").status_code == 200
    assert Incident.objects.get(id=incident["incident_id"]).version == version
    assert len(history(tenant.reader, incident)) == entries


@pytest.mark.parametrize("field", ["summary", "basic_info.description", "Description", ""])
def test_unknown_field_is_400_on_both_actions(tenant, incident, field):
    saved = save(tenant.writer, incident, field, "<p>x</p>")
    assert saved.status_code == 400
    assert [e["attr"] for e in saved.json()["errors"]] == ["field"]
    read = process(tenant.reader, incident, field)
    assert read.status_code == 400
    assert [e["attr"] for e in read.json()["errors"]] == ["field"]
    assert stored(incident, "description") == "<p>old</p>"


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"field": "description", "html": "x"}, "incident_id"),
        ({"incident_id": "INCI-1", "html": "x"}, "field"),
        ({"incident_id": "INCI-1", "field": "description"}, "html"),
        ({"incident_id": "INCI-1", "field": "description", "html": 5}, "html"),
        ({"incident_id": {"$ne": ""}, "field": "description", "html": "x"}, "incident_id"),
        ({"incident_id": "INCI-1", "field": ["description"], "html": "x"}, "field"),
    ],
)
def test_save_bad_input_is_400_naming_the_field(tenant, incident, body, attr):
    response = tenant.writer.post(SAVE, body, format="json")
    assert response.status_code == 400
    assert attr in [e["attr"] for e in response.json()["errors"]]
    assert stored(incident, "description") == "<p>old</p>"


def test_process_needs_both_parameters(tenant, incident):
    assert tenant.reader.get(PROCESS, {"field": "description"}).status_code == 400
    assert tenant.reader.get(PROCESS, {"incident_id": incident["incident_id"]}).status_code == 400


def test_html_at_the_limit_is_kept_and_one_past_is_400(tenant, incident):
    assert save(tenant.writer, incident, "closure_note", "a" * DESCRIPTION_MAX).status_code == 200
    assert len(stored(incident, "closure_note")) == DESCRIPTION_MAX
    response = save(tenant.writer, incident, "closure_note", "b" * (DESCRIPTION_MAX + 1))
    assert response.status_code == 400
    assert stored(incident, "closure_note") == "a" * DESCRIPTION_MAX


def test_a_read_key_can_process_but_not_save(tenant, incident):
    assert process(tenant.reader, incident, "description").status_code == 200
    response = save(tenant.reader, incident, "description", "<p>hijacked</p>")
    assert response.status_code == 403
    assert stored(incident, "description") == "<p>old</p>"


def test_another_organizations_incident_is_404_on_both_actions(tenant, other_tenant, incident):
    theirs = other_tenant.writer.post(
        LIST, {"summary": "Theirs", "description": "<p>secret plan</p>"}, format="json"
    ).json()
    other_tenant.writer.post(LIST, {"summary": "Theirs too"}, format="json")  # their INCI-2
    version = Incident.objects.get(id=theirs["incident_id"]).version
    for ref in (theirs["incident_id"], "INCI-2"):
        for field in FIELDS:
            saved = save(tenant.writer, incident, field, "<p>mine now</p>", ref=ref)
            assert saved.status_code == 404, (ref, saved.content)
            read = process(tenant.reader, incident, field, ref=ref)
            assert read.status_code == 404
            assert "secret" not in read.content.decode()
    doc = Incident.objects.get(id=theirs["incident_id"])
    assert (doc.version, doc.basic_info.description) == (version, "<p>secret plan</p>")
    assert stored(incident, "description") == "<p>old</p>"


def test_unknown_or_deleted_incident_is_404(tenant, incident):
    for ref in (str(ObjectId()), "INCI-99", "garbage"):
        assert save(tenant.writer, incident, "description", "x", ref=ref).status_code == 404
        assert process(tenant.reader, incident, "description", ref=ref).status_code == 404
    assert tenant.writer.delete(f"{LIST}{incident['incident_id']}/").status_code == 204
    assert save(tenant.writer, incident, "description", "x").status_code == 404
    assert process(tenant.reader, incident, "description").status_code == 404
    doc = Incident.objects.get(id=incident["incident_id"])
    assert doc.basic_info.description == "<p>old</p>"
