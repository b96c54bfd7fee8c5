"""Helpers for the attachment tests: routes, uploads in both forms, stored counts."""

import base64
import hashlib
import struct
import zlib

import mongoengine
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments.documents import Attachment

API = "/ux/sd/inci/"
INCIDENTS = f"{API}incident/"
ADD = f"{API}incident/add-attachment/"
LIST = f"{API}incident/attachment/"
CONVERSATIONS = f"{API}conversation/"
BOUNDARY = "XB"


def detail_url(attachment_id: str) -> str:
    return f"{LIST}{attachment_id}/"


def download_url(attachment_id: str) -> str:
    return f"{LIST}{attachment_id}/download/"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def png_bytes() -> bytes:
    """A real 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def counts() -> dict:
    """What is stored: attachment documents and GridFS files and chunks."""
    db = mongoengine.get_db()
    return {
        "attachments": Attachment.objects.count(),
        "files": db["fs.files"].count_documents({}),
        "chunks": db["fs.chunks"].count_documents({}),
    }


NOTHING = {"attachments": 0, "files": 0, "chunks": 0}


def error_codes(response) -> list:
    return [error["code"] for error in response.json()["errors"]]


def error_attrs(response) -> list:
    return [error["attr"] for error in response.json()["errors"]]


def upload_file(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_multipart(client, incident_id, *uploads, **fields):
    """`uploads` are (name, bytes) or (name, bytes, claimed type)."""
    body = {"incident_id": incident_id, **fields}
    if incident_id is None:
        del body["incident_id"]
    if uploads:
        body["file"] = [upload_file(*upload) for upload in uploads]
    return client.post(ADD, body, format="multipart")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def post_json(client, incident_id, *files, **fields):
    """`files` are dicts as sent, or (name, bytes) / (name, bytes, claimed type) tuples."""
    items = []
    for item in files:
        if isinstance(item, tuple):
            name, data, *claimed = item
            item = {"file_name": name, "content_base64": b64(data)}
            if claimed:
                item["content_type"] = claimed[0]
        items.append(item)
    return client.post(ADD, {"incident_id": incident_id, "files": items, **fields}, format="json")


def raw_multipart(fields: dict, parts: list[tuple[bytes, bytes]]) -> bytes:
    """A multipart body built by hand, so file names reach the server exactly as written.

    `parts` are (raw filename bytes, content) pairs, each sent as a `file` part.
    """
    out = b""
    for name, value in fields.items():
        out += (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        ).encode()
    for file_name, content in parts:
        out += (
            f"--{BOUNDARY}\r\n".encode()
            + b'Content-Disposition: form-data; name="file"; filename="'
            + file_name
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
            + content
            + b"\r\n"
        )
    return out + f"--{BOUNDARY}--\r\n".encode()


def post_raw(client, body: bytes):
    return client.generic(
        "POST", ADD, body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )


def create_incident(client, summary="Printer on fire") -> dict:
    response = client.post(INCIDENTS, {"summary": summary}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def create_conversation(client, incident_id: str) -> dict:
    response = client.post(
        CONVERSATIONS,
        {"incident_id": incident_id, "kind": "note", "direction": "outbound", "body": "<p>hi</p>"},
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def read_download(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)
