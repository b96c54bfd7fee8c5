"""The SLA list parameters take the forms the other time filters take."""

import pytest

API = "/ux/sd/inci/incident/"


@pytest.mark.parametrize(
    "value", ["2025-06-02T12:00:00", "2025-06-02T12:00:00Z", "2025-06-02T14:00:00+02:00"]
)
def test_due_before_takes_times_with_or_without_offset(tenant, value):
    response = tenant.reader.get(API, {"sla_due_before": value})
    assert response.status_code == 200, response.content
    assert response.json() == []
