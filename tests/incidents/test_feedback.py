"""`incident/feedback/`: a rating of a resolution, once per resolution, recorded in the history."""

import threading

import pytest
from rest_framework.test import APIClient

from incidents.documents import Feedback

LIST = "/ux/sd/inci/incident/"
FEEDBACK = f"{LIST}feedback/"
RESOLVE = {"resolution_type": "Fixed", "closure_note": "rebooted"}


def create(client, **fields):
    response = client.post(LIST, {"summary": "s", **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def act(client, name, body):
    response = client.post(f"{LIST}{name}/", body, format="json")
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["ok"] is True, result
    return result


def resolved(client, **fields):
    incident = create(client, **fields)
    act(client, "inci_resolve", {"incident_id": incident["incident_id"], **RESOLVE})
    return incident


def give(client, incident, rating=5, **fields):
    body = {"incident_id": incident["incident_id"], "rating": rating, **fields}
    return client.post(FEEDBACK, body, format="json")


def given(client, incident, rating=5, **fields):
    response = give(client, incident, rating, **fields)
    assert response.status_code == 201, response.content
    return response.json()


def listed(client, incident):
    response = client.get(FEEDBACK, {"incident_id": incident["incident_id"]})
    assert response.status_code == 200, response.content
    return response.json()


def error_of(response, status):
    assert response.status_code == status, response.content
    (error,) = response.json()["errors"]
    return error


# --- giving feedback -------------------------------------------------------------------------


def test_feedback_on_a_resolved_incident_is_stored_and_answered(tenant):
    incident = resolved(tenant.writer)
    feedback = given(tenant.writer, incident, 4, comment="Quick fix, thanks.")
    assert feedback["incident_id"] == incident["incident_id"]
    assert (feedback["rating"], feedback["comment"]) == (4, "Quick fix, thanks.")
    assert feedback["resolution_cycle"] == 0
    assert feedback["feedback_id"] and feedback["author_id"]
    assert feedback["created_at"].endswith("Z")
    assert listed(tenant.reader, incident) == [feedback]


def test_the_display_id_names_the_incident_too(tenant):
    incident = resolved(tenant.writer)
    response = tenant.writer.post(
        FEEDBACK, {"incident_id": incident["display_id"], "rating": 3}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["incident_id"] == incident["incident_id"]
    assert response.json()["comment"] == ""
    assert listed(tenant.reader, {"incident_id": incident["display_id"]}) == [response.json()]


@pytest.mark.parametrize("rating", [1, 2, 3, 4, 5])
def test_every_rating_from_1_to_5_is_accepted(tenant, rating):
    assert given(tenant.writer, resolved(tenant.writer), rating)["rating"] == rating


def test_feedback_on_a_closed_incident_is_accepted(tenant):
    incident = resolved(tenant.writer)
    act(tenant.writer, "close_inci_request", {"incident_id": incident["incident_id"]})
    assert given(tenant.writer, incident, 2)["rating"] == 2


@pytest.mark.parametrize(
    ("status_id", "extra"),
    [
        (1, {}),
        (2, {}),
        (3, {}),
        (4, {"config": {"hold_config": {"reason": "Awaiting Vendor"}}}),
        (7, {"reason": "duplicate"}),
    ],
)
def test_feedback_is_only_for_resolved_or_closed_incidents(tenant, status_id, extra):
    incident = create(tenant.writer)
    if status_id != 1:
        response = tenant.writer.patch(
            f"{LIST}{incident['incident_id']}/",
            {"basic_info": {"status_id": status_id}, **extra},
            format="json",
        )
        assert response.status_code == 200, response.content
    error = error_of(give(tenant.writer, incident), 409)
    assert error["code"] == "not_resolved"
    assert listed(tenant.reader, incident) == []
    assert Feedback.objects.count() == 0


def test_feedback_is_once_per_resolution(tenant):
    incident = resolved(tenant.writer)
    first = given(tenant.writer, incident, 5)
    assert error_of(give(tenant.writer, incident, 1), 409)["code"] == "feedback_exists"
    act(tenant.writer, "close_inci_request", {"incident_id": incident["incident_id"]})
    assert error_of(give(tenant.admin, incident, 1), 409)["code"] == "feedback_exists"
    assert listed(tenant.reader, incident) == [first]


def test_after_a_reopen_and_a_new_resolution_one_more_is_allowed(tenant):
    incident = resolved(tenant.writer)
    ref = incident["incident_id"]
    first = given(tenant.writer, incident, 2, comment="Came back.")
    act(tenant.writer, "inci_reopen", {"incident_id": ref, "reason": "still broken"})
    assert error_of(give(tenant.writer, incident), 409)["code"] == "not_resolved"
    act(tenant.writer, "inci_resolve", {"incident_id": ref, **RESOLVE})
    second = given(tenant.writer, incident, 5, comment="Now it works.")
    assert second["resolution_cycle"] == 1 and first["resolution_cycle"] == 0
    assert error_of(give(tenant.writer, incident), 409)["code"] == "feedback_exists"
    assert listed(tenant.reader, incident) == [second, first]  # newest first


def test_a_reopen_through_patch_opens_a_new_resolution_too(tenant):
    incident = resolved(tenant.writer)
    url = f"{LIST}{incident['incident_id']}/"
    given(tenant.writer, incident)
    reopened = tenant.writer.patch(
        url, {"basic_info": {"status_id": 3}, "reason": "again"}, format="json"
    )
    assert reopened.status_code == 200, reopened.content
    act(tenant.writer, "inci_resolve", {"incident_id": incident["incident_id"], **RESOLVE})
    assert given(tenant.writer, incident)["resolution_cycle"] == 1


def test_a_resolution_without_feedback_can_be_skipped(tenant):
    incident = resolved(tenant.writer)
    ref = incident["incident_id"]
    act(tenant.writer, "inci_reopen", {"incident_id": ref, "reason": "x"})
    act(tenant.writer, "inci_resolve", {"incident_id": ref, **RESOLVE})
    assert given(tenant.writer, incident)["resolution_cycle"] == 1


# --- input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rating", [0, 6, -1, 5.5, True, False, None, [5], {"$gt": 0}])
def test_a_rating_outside_1_to_5_or_not_an_integer_is_400(tenant, rating):
    incident = resolved(tenant.writer)
    error = error_of(give(tenant.writer, incident, rating), 400)
    assert error["attr"] == "rating"
    assert Feedback.objects.count() == 0


def test_a_rating_given_as_a_string_is_400(tenant):
    incident = resolved(tenant.writer)
    error = error_of(give(tenant.writer, incident, "5"), 400)
    assert error["attr"] == "rating"


def test_a_rating_is_required(tenant):
    incident = resolved(tenant.writer)
    response = tenant.writer.post(FEEDBACK, {"incident_id": incident["incident_id"]}, format="json")
    assert error_of(response, 400)["attr"] == "rating"


def test_an_incident_id_is_required(tenant):
    response = tenant.writer.post(FEEDBACK, {"rating": 5}, format="json")
    assert error_of(response, 400)["attr"] == "incident_id"


def test_a_comment_of_2000_characters_is_kept_and_2001_is_400(tenant):
    first, second = resolved(tenant.writer), resolved(tenant.writer)
    assert given(tenant.writer, first, comment="c" * 2000)["comment"] == "c" * 2000
    error = error_of(give(tenant.writer, second, comment="c" * 2001), 400)
    assert error["attr"] == "comment"
    assert listed(tenant.reader, second) == []


@pytest.mark.parametrize("comment", [5, ["x"], {"$ne": ""}, None])
def test_a_comment_that_is_not_text_is_400(tenant, comment):
    incident = resolved(tenant.writer)
    assert error_of(give(tenant.writer, incident, comment=comment), 400)["attr"] == "comment"


def test_the_list_needs_an_incident_id(tenant):
    response = tenant.reader.get(FEEDBACK)
    assert error_of(response, 400)["attr"] == "incident_id"


# --- where it shows --------------------------------------------------------------------------


def test_feedback_is_recorded_in_the_history(tenant):
    incident = resolved(tenant.writer)
    history_url = f"{LIST}{incident['incident_id']}/history/"
    before = tenant.reader.get(history_url).json()
    given(tenant.writer, incident, 3, comment="ok")
    after = tenant.reader.get(history_url).json()
    assert len(after) == len(before) + 1
    (entry,) = [e for e in after if e["action"] == "feedback_received"]
    assert entry["new"] == 3
    assert entry["at"].endswith("Z") and entry["actor_id"]


def test_feedback_changes_no_status_of_the_incident(tenant):
    incident = resolved(tenant.writer)
    before = tenant.reader.get(f"{LIST}{incident['incident_id']}/").json()
    given(tenant.writer, incident)
    after = tenant.reader.get(f"{LIST}{incident['incident_id']}/").json()
    assert after["basic_info"] == before["basic_info"]
    assert after["close_info"] == before["close_info"]


def test_the_detail_page_data_includes_the_feedback(tenant):
    incident = resolved(tenant.writer)
    url = f"{LIST}incident-data/{incident['display_id']}/"
    assert tenant.reader.get(url).json()["feedback"] == []
    feedback = given(tenant.writer, incident, 4)
    data = tenant.reader.get(url).json()
    assert data["feedback"] == [feedback]
    assert any(e["action"] == "feedback_received" for e in data["recent_history"])


def test_form_options_are_unaffected(tenant):
    incident = resolved(tenant.writer, support_group="Desk", tag=["printer"])
    before = tenant.reader.get(f"{LIST}options/")
    assert before.status_code == 200
    given(tenant.writer, incident, 1, comment="Desk printer terrible")
    after = tenant.reader.get(f"{LIST}options/")
    assert after.status_code == 200 and after.json() == before.json()


def test_feedback_route_is_not_taken_for_an_incident_id(tenant):
    create(tenant.writer)
    answer = tenant.reader.get(FEEDBACK)
    assert answer.status_code == 400  # the feedback list asking for incident_id, not a 404


# --- who -------------------------------------------------------------------------------------


def test_a_read_key_can_read_but_not_give_feedback(tenant):
    incident = resolved(tenant.writer)
    assert give(tenant.reader, incident).status_code == 403
    assert listed(tenant.reader, incident) == []
    feedback = given(tenant.writer, incident)
    assert listed(tenant.reader, incident) == [feedback]


def test_an_admin_key_can_give_feedback(tenant):
    assert given(tenant.admin, resolved(tenant.writer))["rating"] == 5


def test_anonymous_is_refused(anon, tenant):
    incident = resolved(tenant.writer)
    assert give(anon, incident).status_code in (401, 403)
    assert anon.get(FEEDBACK, {"incident_id": incident["incident_id"]}).status_code in (401, 403)


@pytest.mark.parametrize("form", ["incident_id", "display_id"])
def test_another_organizations_incident_is_404(tenant, other_tenant, form):
    create(other_tenant.writer)
    create(other_tenant.writer)
    theirs = resolved(other_tenant.writer)
    assert theirs["display_id"] == "INCI-3"
    resolved(tenant.writer)  # the attacker has an INCI-1 of its own, not an INCI-3
    ref = theirs[form]
    for client in (tenant.writer, tenant.admin):
        response = client.post(FEEDBACK, {"incident_id": ref, "rating": 1}, format="json")
        assert error_of(response, 404)["code"] == "not_found"
    assert tenant.reader.get(FEEDBACK, {"incident_id": ref}).status_code == 404
    given(other_tenant.writer, theirs, 5)
    assert tenant.reader.get(FEEDBACK, {"incident_id": ref}).status_code == 404
    assert [f["rating"] for f in listed(other_tenant.reader, theirs)] == [5]


def test_a_trashed_incident_is_404(tenant):
    incident = resolved(tenant.writer)
    assert tenant.writer.delete(f"{LIST}{incident['incident_id']}/").status_code == 204
    assert error_of(give(tenant.writer, incident), 404)["code"] == "not_found"


def test_two_submissions_at_once_give_exactly_one_success(tenant):
    incident = resolved(tenant.writer)
    workers = 6
    barrier = threading.Barrier(workers)
    codes = []

    def submit(client, rating):
        barrier.wait(10)
        codes.append(give(client, incident, rating).status_code)

    made = []
    for _ in range(workers):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        made.append(client)
    threads = [
        threading.Thread(target=submit, args=(client, n % 5 + 1)) for n, client in enumerate(made)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(codes) == [201] + [409] * (workers - 1)
    assert len(listed(tenant.reader, incident)) == 1
    history = tenant.reader.get(f"{LIST}{incident['incident_id']}/history/").json()
    assert [e["action"] for e in history].count("feedback_received") == 1


def test_a_permanent_delete_takes_the_feedback_with_it(tenant):
    incident = resolved(tenant.writer)
    given(tenant.writer, incident, 1, comment="personal remarks")
    act(
        tenant.admin, "delete_incident", {"incident_id": incident["incident_id"], "permanent": True}
    )
    assert tenant.reader.get(FEEDBACK, {"incident_id": incident["incident_id"]}).status_code == 404
    assert Feedback.objects(incident_id=incident["incident_id"]).count() == 0


def test_feedback_refused_because_the_incident_went_away_meanwhile_leaves_nothing(
    tenant, monkeypatch
):
    """The incident is trashed between the feedback's check and its history entry."""
    from incidents import services
    from incidents.services import feedback as feedback_service

    incident = resolved(tenant.writer)
    real_commit = feedback_service.commit

    def trashed_meanwhile(*, principal, incident, plan):
        services.incident_delete(principal=principal, incident=incident)
        return real_commit(principal=principal, incident=incident, plan=plan)

    monkeypatch.setattr(feedback_service, "commit", trashed_meanwhile)
    assert error_of(give(tenant.writer, incident), 404)["code"] == "not_found"
    monkeypatch.undo()

    act(tenant.writer, "restore_incident", {"incident_id": incident["incident_id"]})
    assert listed(tenant.reader, incident) == []
    assert given(tenant.writer, incident, 4)["rating"] == 4
