"""File names, type detection and GridFS streaming."""

import contextlib
import hashlib
import re
import unicodedata

import gridfs
import mongoengine
import puremagic

MAX_NAME_LENGTH = 255
CHUNK = 255 * 1024  # GridFS's default chunk size: one chunk per read
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BadFileName(ValueError):
    pass


def check_file_name(name: str) -> str:
    """The name as given, if it is a plain file name; BadFileName saying why otherwise."""
    if not isinstance(name, str) or not name.strip():
        raise BadFileName("A file name is required.")
    name = unicodedata.normalize("NFC", name.strip())
    if len(name) > MAX_NAME_LENGTH:
        raise BadFileName(f"File names are at most {MAX_NAME_LENGTH} characters.")
    if _CONTROL.search(name):
        raise BadFileName("File names may not contain NUL or control characters.")
    if "/" in name or "\\" in name:
        raise BadFileName("A file name may not contain a path ('/' or '\\\\').")
    if name in (".", "..") or name.startswith(".."):
        raise BadFileName("A file name may not start with '..'.")
    return name


def ascii_fallback(name: str) -> str:
    """An ASCII stand-in for old clients: accents dropped, anything odd becomes `_`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9._ -]", "_", plain).strip(" .") or "download"
    return plain[:MAX_NAME_LENGTH]


def detect_content_type(head: bytes) -> str:
    """The type the bytes say they are (puremagic signatures), never the client's claim."""
    try:
        detected = puremagic.from_string(head, mime=True)
    except puremagic.PureError:
        detected = ""
    if detected:
        return detected
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at the end of the sniffed head is still text.
        try:
            head[:-4].decode("utf-8")
        except UnicodeDecodeError:
            return "application/octet-stream"
    return "text/plain"


class HashingReader:
    """Wraps a binary file: counts and hashes what GridFS reads from it."""

    def __init__(self, source):
        self.source = source
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def bucket() -> gridfs.GridFSBucket:
    return gridfs.GridFSBucket(mongoengine.get_db())


def store(source, *, file_name: str, metadata: dict):
    """Stream `source` into GridFS; returns (file id, size, sha256 hex)."""
    reader = HashingReader(source)
    file_id = bucket().upload_from_stream(
        file_name, reader, chunk_size_bytes=CHUNK, metadata=metadata
    )
    return file_id, reader.size, reader.digest.hexdigest()


def remove(file_id) -> None:
    with contextlib.suppress(gridfs.errors.NoFile):
        bucket().delete(file_id)


def open_stream(file_id):
    return bucket().open_download_stream(file_id)


def iterate(stream):
    """The file's chunks, one at a time: the whole file is never in memory."""
    while True:
        chunk = stream.readchunk()
        if not chunk:
            break
        yield chunk
    stream.close()
