"""What the merge and relation tests share."""

import base64

API = "/ux/sd/inci/"
LIST = API + "incident/"
MERGE = LIST + "merge/"
CONVERSATIONS = API + "conversation/"


def create(client, summary="VPN down", **fields):
    body = {"summary": summary, **fields}
    response = client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def read(client, ref):
    response = client.get(f"{LIST}{ref}/")
    assert response.status_code == 200, response.content
    return response.json()


def note(client, ref, text="x"):
    body = {"incident_id": ref, "kind": "note", "body": f"<p>{text}</p>"}
    response = client.post(CONVERSATIONS, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def attach(client, ref, name="log.txt"):
    content = base64.b64encode(b"hello " + name.encode()).decode()
    body = {"incident_id": ref, "files": [{"file_name": name, "content_base64": content}]}
    response = client.post(LIST + "add-attachment/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()[0]


def merge(client, target, sources, **extra):
    return client.post(MERGE, {"target": target, "sources": sources, **extra}, format="json")


def merged(client, target, sources, **extra):
    response = merge(client, target, sources, **extra)
    assert response.status_code == 200, response.content
    return response.json()


def relate(client, ref, kind, other):
    return client.post(f"{LIST}{ref}/relations/", {"type": kind, "incident": other}, format="json")


def related(client, ref, kind, other):
    response = relate(client, ref, kind, other)
    assert response.status_code == 200, response.content
    return response.json()


def conversations_of(client, ref):
    response = client.get(CONVERSATIONS, {"incident_id": ref, "items_per_page": 100})
    assert response.status_code == 200, response.content
    return response.json()


def attachments_of(client, ref):
    response = client.get(LIST + "attachment/", {"incident_id": ref})
    assert response.status_code == 200, response.content
    return response.json()


def history_actions(client, ref) -> list[str]:
    response = client.get(f"{LIST}{ref}/history/", {"items_per_page": 100})
    assert response.status_code == 200, response.content
    return [entry["action"] for entry in response.json()]


def refs_of(incident, kind):
    return [item for item in incident["reference"] if item.get("type") == kind]


def error_code(response, attr=None):
    errors = response.json()["errors"]
    if attr is not None:
        errors = [e for e in errors if e["attr"] == attr]
    return errors[0]["code"]
