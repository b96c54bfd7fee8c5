"""`calendars/`, `sla-policies/` and `settings/` under `/ux/sd/org/`."""

import pytest

from sla.documents import MAX_HOLIDAYS, MAX_INTERVALS_PER_DAY, MAX_TARGET_MINUTES, SlaPolicy
from tests.support.config import ORG, created, group, refused

NINE_TO_FIVE = {day: [["09:00", "17:00"]] for day in ("monday", "tuesday", "wednesday")}


def calendar(client, name="Office", **fields) -> dict:
    body = {"name": name, "time_zone": "Europe/Berlin", "hours": NINE_TO_FIVE, **fields}
    return created(client, "calendars/", body)


def policy(client, name="Default", **fields) -> dict:
    body = {"name": name, "targets": {"response_minutes": 30, "resolution_minutes": 480}}
    return created(client, "sla-policies/", {**body, **fields})


# --- calendars ------------------------------------------------------------------------------


def test_every_organization_has_the_builtin_24x7_calendar(tenant):
    response = tenant.reader.get(f"{ORG}calendars/")
    assert response.status_code == 200, response.content
    (builtin,) = response.json()
    assert builtin["name"] == "24x7" and builtin["builtin"] is True
    assert builtin["time_zone"] == "UTC"
    assert builtin["hours"]["sunday"] == [["00:00", "24:00"]]
    assert response["X-Total-Count"] == "1"


def test_the_builtin_calendar_cannot_be_changed_or_deleted(tenant):
    (builtin,) = tenant.reader.get(f"{ORG}calendars/").json()
    url = f"{ORG}calendars/{builtin['id']}/"
    refused(tenant.admin.delete(url), 409, "builtin_calendar")
    refused(tenant.admin.patch(url, {"name": "Mine"}, format="json"), 409, "builtin_calendar")
    assert tenant.reader.get(url).json()["name"] == "24x7"


def test_a_calendar_is_stored_with_sorted_hours_and_unique_holidays(tenant):
    body = calendar(
        tenant.admin,
        hours={"monday": [["13:00", "17:00"], ["08:00", "12:00"]], "friday": [["00:00", "24:00"]]},
        holidays=["2025-12-26", "2025-12-25", "2025-12-25"],
    )
    assert body["hours"]["monday"] == [["08:00", "12:00"], ["13:00", "17:00"]]
    assert body["hours"]["friday"] == [["00:00", "24:00"]]
    assert body["hours"]["sunday"] == []
    assert body["holidays"] == ["2025-12-25", "2025-12-26"]
    again = tenant.reader.get(f"{ORG}calendars/{body['id']}/").json()
    assert again == body


@pytest.mark.parametrize(
    ("hours", "attr"),
    [
        ({"monday": [["17:00", "09:00"]]}, "hours.monday.0"),
        ({"monday": [["22:00", "02:00"]]}, "hours.monday.0"),  # crosses midnight
        ({"monday": [["09:00", "24:01"]]}, "hours.monday.0.1"),
        ({"monday": [["9:00", "17:00"]]}, "hours.monday.0.0"),
        ({"monday": [["09:00"]]}, "hours.monday.0"),
        ({"monday": [["09:00", "12:00"], ["11:00", "13:00"]]}, "hours.monday"),
        ({"someday": [["09:00", "12:00"]]}, "hours.someday"),
    ],
)
def test_bad_hours_are_refused_naming_the_field(tenant, hours, attr):
    response = tenant.admin.post(
        f"{ORG}calendars/", {"name": "x", "time_zone": "UTC", "hours": hours}, format="json"
    )
    assert response.status_code == 400, response.content
    assert attr in [error["attr"] for error in response.json()["errors"]], response.json()


def test_intervals_per_day_at_the_limit_and_one_past(tenant):
    def day(count):
        return [[f"{h:02d}:00", f"{h:02d}:30"] for h in range(count)]

    calendar(tenant.admin, "At", hours={"monday": day(MAX_INTERVALS_PER_DAY)})
    response = tenant.admin.post(
        f"{ORG}calendars/",
        {"name": "Past", "time_zone": "UTC", "hours": {"monday": day(MAX_INTERVALS_PER_DAY + 1)}},
        format="json",
    )
    refused(response, 400, "max_length", "hours.monday")


def test_holidays_at_the_limit_and_one_past(tenant):
    from datetime import date, timedelta

    days = [(date(2025, 1, 1) + timedelta(days=n)).isoformat() for n in range(MAX_HOLIDAYS + 1)]
    calendar(tenant.admin, "At", holidays=days[:MAX_HOLIDAYS])
    response = tenant.admin.post(
        f"{ORG}calendars/",
        {"name": "Past", "time_zone": "UTC", "hours": {}, "holidays": days},
        format="json",
    )
    refused(response, 400, "max_length", "holidays")


def test_an_unknown_time_zone_is_refused(tenant):
    response = tenant.admin.post(
        f"{ORG}calendars/", {"name": "x", "time_zone": "Mars/Olympus", "hours": {}}, format="json"
    )
    refused(response, 400, "invalid", "time_zone")


def test_calendar_names_are_unique_and_the_builtin_name_is_taken(tenant):
    calendar(tenant.admin, "Office")
    response = tenant.admin.post(
        f"{ORG}calendars/", {"name": " office ", "time_zone": "UTC", "hours": {}}, format="json"
    )
    refused(response, 409, "name_taken")
    response = tenant.admin.post(
        f"{ORG}calendars/", {"name": "24X7", "time_zone": "UTC", "hours": {}}, format="json"
    )
    refused(response, 409, "name_taken")


def test_read_keys_read_and_only_admin_keys_write(tenant):
    body = {"name": "x", "time_zone": "UTC", "hours": {}}
    assert tenant.writer.post(f"{ORG}calendars/", body, format="json").status_code == 403
    assert tenant.reader.get(f"{ORG}calendars/").status_code == 200
    response = tenant.writer.patch(f"{ORG}settings/", {"auto_close_days": 1}, format="json")
    assert response.status_code == 403


def test_a_calendar_a_policy_counts_on_is_deactivated_not_deleted(tenant):
    office = calendar(tenant.admin)
    spare = calendar(tenant.admin, "Spare")
    policy(tenant.admin, calendar_id=office["id"])
    assert tenant.admin.delete(f"{ORG}calendars/{office['id']}/").status_code == 204
    assert tenant.reader.get(f"{ORG}calendars/{office['id']}/").json()["active"] is False
    assert tenant.admin.delete(f"{ORG}calendars/{spare['id']}/").status_code == 204
    assert tenant.reader.get(f"{ORG}calendars/{spare['id']}/").status_code == 404


# --- policies -------------------------------------------------------------------------------


def test_a_policy_takes_its_defaults(tenant):
    body = policy(tenant.admin)
    assert body["pause_status_ids"] == [4]
    assert body["warn_at_percent"] == 80
    assert body["calendar_id"] is None
    assert body["active"] is True and body["order"] == 0
    assert body["conditions"] == {
        "priority_ids": [],
        "incident_type_ids": [],
        "service_ids": [],
        "support_group_ids": [],
    }
    assert body["targets"] == {"response_minutes": 30, "resolution_minutes": 480}


def test_policies_are_listed_by_order_then_name(tenant):
    policy(tenant.admin, "B", order=2)
    policy(tenant.admin, "A", order=2)
    policy(tenant.admin, "Z", order=1)
    names = [item["name"] for item in tenant.reader.get(f"{ORG}sla-policies/").json()]
    assert names == ["Z", "A", "B"]


def test_a_policy_names_a_calendar_and_groups_of_its_organization(tenant, other_tenant):
    theirs = calendar(other_tenant.admin)
    response = tenant.admin.post(
        f"{ORG}sla-policies/",
        {"name": "x", "targets": {"resolution_minutes": 5}, "calendar_id": theirs["id"]},
        format="json",
    )
    refused(response, 400, "unknown", "calendar_id")
    their_group = group(other_tenant.admin, "Network")
    response = tenant.admin.post(
        f"{ORG}sla-policies/",
        {
            "name": "x",
            "targets": {"resolution_minutes": 5},
            "conditions": {"support_group_ids": [their_group["id"]]},
        },
        format="json",
    )
    refused(response, 400, "unknown", "conditions.support_group_ids.0")
    assert SlaPolicy.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "attr", "code"),
    [
        ({"targets": {}}, "targets", "required"),
        ({"targets": {"resolution_minutes": 0}}, "targets.resolution_minutes", "min_value"),
        (
            {"targets": {"resolution_minutes": MAX_TARGET_MINUTES + 1}},
            "targets.resolution_minutes",
            "max_value",
        ),
        ({"targets": {"resolution_minutes": "5"}}, "targets.resolution_minutes", "invalid"),
        ({"conditions": {"priority_ids": [9]}}, "conditions.priority_ids.0", "unknown"),
        ({"conditions": {"colour": []}}, "conditions.colour", "unknown_field"),
        ({"pause_status_ids": [5]}, "pause_status_ids.0", "not_open"),
        ({"pause_status_ids": [99]}, "pause_status_ids.0", "unknown"),
        ({"warn_at_percent": 100}, "warn_at_percent", "max_value"),
        ({"warn_at_percent": 0}, "warn_at_percent", "min_value"),
        ({"calendar_id": "nope"}, "calendar_id", "invalid"),
    ],
)
def test_bad_policies_are_refused_naming_the_field(tenant, body, attr, code):
    full = {"name": "x", "targets": {"resolution_minutes": 60}, **body}
    refused(tenant.admin.post(f"{ORG}sla-policies/", full, format="json"), 400, code, attr)
    assert SlaPolicy.objects.count() == 0


def test_targets_at_the_limit(tenant):
    body = policy(tenant.admin, targets={"resolution_minutes": MAX_TARGET_MINUTES})
    assert body["targets"] == {"response_minutes": None, "resolution_minutes": MAX_TARGET_MINUTES}


def test_a_policy_can_be_patched_and_deactivated(tenant):
    body = policy(tenant.admin)
    url = f"{ORG}sla-policies/{body['id']}/"
    changed = tenant.admin.patch(url, {"warn_at_percent": 50, "active": False}, format="json")
    assert changed.status_code == 200, changed.content
    assert (changed.json()["warn_at_percent"], changed.json()["active"]) == (50, False)
    assert changed.json()["targets"] == body["targets"]


# --- settings -------------------------------------------------------------------------------


def test_settings_default_and_change(tenant):
    assert tenant.reader.get(f"{ORG}settings/").json()["auto_close_days"] == 7
    response = tenant.admin.patch(f"{ORG}settings/", {"auto_close_days": None}, format="json")
    assert response.status_code == 200 and response.json()["auto_close_days"] is None
    assert tenant.reader.get(f"{ORG}settings/").json()["auto_close_days"] is None
    response = tenant.admin.patch(f"{ORG}settings/", {"auto_close_days": 365}, format="json")
    assert response.json()["auto_close_days"] == 365


@pytest.mark.parametrize(
    ("value", "code"), [(0, "min_value"), (366, "max_value"), ("3", "invalid")]
)
def test_bad_settings_are_refused(tenant, value, code):
    response = tenant.admin.patch(f"{ORG}settings/", {"auto_close_days": value}, format="json")
    refused(response, 400, code, "auto_close_days")
    assert tenant.reader.get(f"{ORG}settings/").json()["auto_close_days"] == 7
