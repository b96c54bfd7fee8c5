"""The OpenAPI schema validates without warnings and documents the security scheme."""

import io

from django.core.management import call_command


def test_spectacular_validate_fail_on_warn():
    out = io.StringIO()
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out
    )
    assert '"openapi"' in out.getvalue()


def test_schema_declares_the_api_key_scheme_and_error_shape(anon):
    schema = anon.get("/api/schema/?format=json").json()
    scheme = schema["components"]["securitySchemes"]["ApiKeyAuth"]
    assert scheme == {**scheme, "type": "apiKey", "in": "header", "name": "Authorization"}
    listing = schema["paths"]["/ux/sd/inci/incident/"]["get"]
    assert listing["security"] == [{"ApiKeyAuth": []}]
    assert {"400", "401", "403"} <= set(listing["responses"])
    create = schema["paths"]["/ux/sd/inci/incident/"]["post"]
    example = create["requestBody"]["content"]["application/json"]["examples"]
    assert any(e["value"]["summary"] == "VPN Issue" for e in example.values())


CONFIG_TAGS = {
    "agents": "agents",
    "groups": "groups",
    "services": "services",
    "custom-fields": "custom fields",
    "templates": "templates",
    "picklists": "picklists",
    "priority-matrix": "priority matrix",
    "calendars": "calendars",
    "sla-policies": "SLA policies",
    "settings": "settings",
    "mail-settings": "mail settings",
}
VERBS = {"get": "read", "put": "replace", "patch": "update", "delete": "delete"}


def test_configuration_operations_are_tagged_and_writes_have_examples(anon):
    schema = anon.get("/api/schema/?format=json").json()
    operations = [
        (path, method, operation)
        for path, methods in schema["paths"].items()
        if path.startswith("/ux/sd/org/")
        for method, operation in methods.items()
    ]
    assert len(operations) == 50  # 34; SLA calendars 6, policies 6, settings 2; mail-settings 2
    declared = {tag["name"] for tag in schema["tags"]}
    for path, method, operation in operations:
        resource = path.split("/")[4]
        assert operation["tags"] == [CONFIG_TAGS[resource]], (method, path)
        assert CONFIG_TAGS[resource] in declared
        collection = (
            "{" not in path
            and method in ("get", "post")
            and resource
            not in (
                "priority-matrix",
                "settings",
                "mail-settings",
            )
        )
        verb = {"get": "list", "post": "create"}[method] if collection else VERBS[method]
        assert operation["operationId"] == f"{resource.replace('-', '_')}_{verb}", (method, path)
        assert operation["summary"] and operation.get("description"), (method, path)
        if method == "post" or (method == "put" and "{id}" not in path):
            body = operation["requestBody"]["content"]["application/json"]
            assert body.get("examples"), (method, path)
    # The built-in calendar cannot be deleted: the only configuration delete answering 409.
    deletes = {p: m["delete"]["responses"] for p, m in schema["paths"].items() if "delete" in m}
    assert "409" in deletes["/ux/sd/org/calendars/{id}/"]
    assert "409" not in deletes["/ux/sd/org/agents/{id}/"]
    put = schema["paths"]["/ux/sd/org/picklists/{name}/"]["put"]
    (name,) = [p for p in put["parameters"] if p["name"] == "name"]
    assert set(name["schema"]["enum"]) == {"resolution_types", "hold_reasons", "sources"}


def test_the_schema_states_rules_the_service_holds_requests_to(anon):
    """What schemathesis found refused although the schema allowed it, now stated."""
    schemas = anon.get("/api/schema/?format=json").json()["components"]["schemas"]
    cell = schemas["MatrixCellRequest"]["properties"]
    assert {name: (p["minimum"], p["maximum"]) for name, p in cell.items()} == {
        "impact_id": (1, 4),
        "urgency_id": (1, 3),
        "priority_id": (1, 5),
    }
    policy = schemas["PolicyInputRequest"]["properties"]
    assert policy["pause_status_ids"]["items"]["maximum"] == 4  # open statuses only
    conditions = schemas["ConditionsInputRequest"]["properties"]
    assert conditions["incident_type_ids"]["items"]["maximum"] == 3
    agent = schemas["AgentInputRequest"]["properties"]
    assert agent["email"]["pattern"].startswith("^[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+")
    assert agent["name"]["pattern"] == "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"  # not blank
    hours = schemas["HoursInputRequest"]["properties"]["monday"]["items"]["items"]
    assert hours["pattern"] == "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"
    webhook = schemas["WebhookInputRequest"]["properties"]["url"]
    assert webhook["format"] == "uri" and webhook["pattern"].startswith("^[Hh][Tt][Tt][Pp]")


def test_text_that_may_be_blank_is_one_string_whose_pattern_takes_blank(anon):
    """Not oneOf [text, ""]: generated clients cannot tell two strings apart."""
    import re

    schemas = anon.get("/api/schema/?format=json").json()["components"]["schemas"]
    description = schemas["IncidentCreateRequest"]["properties"]["description"]
    assert "oneOf" not in description and description["type"] == "string"
    pattern = re.compile(description["pattern"])
    assert pattern.search("") and pattern.search("<p>VPN</p>")
    assert not pattern.search("a\x00b")
    phone = re.compile(schemas["IncidentCreateRequest"]["properties"]["requester_phone"]["pattern"])
    assert phone.search("") and phone.search("+49 30 1234") and not phone.search("call me")
