"""seed_demo: a demo organization with realistic incidents in varied states."""

import io
import re
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from incidents.documents import Incident, RequesterEntry
from servicedesk.tenancy.documents import Organization


def test_seed_demo_makes_varied_incidents_and_a_working_key(clean_db):
    out = io.StringIO()
    call_command("seed_demo", "--count", "300", "--seed", "7", stdout=out)
    org = Organization.objects.get(slug="demo")
    incidents = Incident.objects(organization_id=org.id)
    assert incidents.count() == 300
    statuses = Counter(incident.basic_info.status for incident in incidents)
    assert {"New", "Assigned", "In Progress", "Resolved", "Closed", "Cancelled"} <= set(statuses)
    assert len({incident.basic_info.priority_id for incident in incidents}) == 5
    assert RequesterEntry.objects(organization_id=org.id).count() == 6
    key = re.search(r"Write key \(shown once\): (\S+)", out.getvalue()).group(1)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=key)
    response = client.get("/ux/sd/inci/incident/?items_per_page=5")
    assert response.status_code == 200
    assert response["X-Total-Count"] == "300"


def test_seed_demo_count_limits(clean_db):
    call_command("seed_demo", "--count", "1", "--no-key", stdout=io.StringIO())
    assert Incident.objects.count() == 1
    for bad in ("0", "10001"):
        with pytest.raises(CommandError):
            call_command("seed_demo", "--count", bad, stdout=io.StringIO())
