"""File names, type detection and GridFS streaming."""

import codecs
import contextlib
import hashlib
import re
import unicodedata

import gridfs
import mongoengine
import puremagic

MAX_NAME_LENGTH = 255
CHUNK = 255 * 1024  # GridFS's default chunk size: one chunk per read
# C0 and C1 controls and DEL, line and paragraph separators, and the bidi embedding,
# override and isolate marks that make `invoice\u202egpj.exe` display as "invoiceexe.jpg".
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


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
    """An ASCII stand-in for old clients: accents dropped, anything else odd becomes `_`.

    A name with nothing ASCII left before its extension becomes `download.<ext>`.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[^A-Za-z0-9._ -]+", "_", plain).strip(" .")
    stem, dot, extension = plain.rpartition(".")
    if not dot:
        stem, extension = plain, ""
    if not stem.strip("_ ."):
        stem = "download"
    extension = extension.strip("_ ")
    fallback = f"{stem}.{extension}" if extension else stem
    return fallback[:MAX_NAME_LENGTH]


# Control characters that do not occur in text files (tab, line feed, vertical tab,
# form feed, carriage return, backspace and escape do); NUL is the surest sign of binary.
_BINARY_CONTROL = re.compile(r"[\x00-\x07\x0e-\x1a\x1c-\x1f\x7f]")


def detect_content_type(head: bytes, *, complete: bool = False) -> str:
    """The type the bytes say they are (puremagic signatures), never the client's claim.

    `head` is the start of the file; `complete` says it is the whole file. Text is
    UTF-8 without binary control characters; a multi-byte character cut at the end
    of the head is still text, but only when the file goes on after it.
    """
    try:
        detected = puremagic.from_string(head, mime=True)
    except puremagic.PureError:
        detected = ""
    if detected:
        return detected
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        return "application/octet-stream"
    if _BINARY_CONTROL.search(text):
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


# Chunks fetched per round trip while streaming: pymongo's GridOut reads chunks with
# the default cursor batch (101 documents, ~25 MiB at once); two keep memory flat.
STREAM_BATCH = 2


def iterate_range(file_id, first: int, last: int):
    """Bytes `first`..`last` (inclusive) of the file, chunk by chunk."""
    offset = 0
    for data in iterate(file_id):
        end = offset + len(data)
        if end > first and offset <= last:
            yield data[max(first - offset, 0) : last - offset + 1]
        if end > last:
            return
        offset = end


def iterate(file_id):
    """The file's bytes, chunk by chunk, in GridFS order: never the whole file in memory."""
    chunks = (
        mongoengine.get_db()["fs.chunks"]
        .find({"files_id": file_id}, projection={"data": 1, "_id": 0}, sort=[("n", 1)])
        .batch_size(STREAM_BATCH)
    )
    try:
        for chunk in chunks:
            yield bytes(chunk["data"])
    finally:
        chunks.close()
