"""The SLA app as other apps may use it (none do yet: it watches incidents from above).

`sla_config(organization_id=)`: the organization's policies and calendars, with
`policy_for(facts)` and `calendar(id)`; `add_business` / `business_between`: business
time over a calendar.
"""

from sla.business_time import Calendar, add_business, business_between
from sla.selectors import SlaConfig, sla_config

__all__ = ["Calendar", "SlaConfig", "add_business", "business_between", "sla_config"]
