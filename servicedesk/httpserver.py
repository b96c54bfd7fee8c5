"""The HTTP server of `make run` and the container: waitress, taught our error shape.

Why waitress: its event loop reads a whole request (headers and body, the body
spooled to a temporary file past 512 KiB) before a worker thread sees it, so a
client that sends slowly, or sends less than its `Content-Length`, costs a file
descriptor and no thread; a request whose body never completes never reaches the
application. Chunked bodies are de-chunked and given a `Content-Length`.
(Measured against gunicorn's gthread workers, granian and uvicorn: see
benchmarks/RESULTS.md, "HTTP server".)

What this module adds to waitress:

- every request the server itself refuses (a bad `Content-Length`, control
  characters in a header, headers over the limit, a body over the limit, an
  unsupported transfer coding, `Transfer-Encoding` together with
  `Content-Length`) and the last-resort 500 get the API's JSON error shape;
- a deadline for the request line and headers (`WEB_HEADER_TIMEOUT`): a client
  dripping its headers a byte at a time is cut off, though it is never idle;
- no `Server` header.
"""

import time

import orjson
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask

from servicedesk import metrics

# waitress's error classes by status, and the code our error shape gives each.
CODES = {
    400: "bad_request",
    413: "payload_too_large",
    431: "request_header_fields_too_large",
    500: "error",
    501: "not_implemented",
}


def error_json(status: int, detail: str) -> bytes:
    """The body of `servicedesk.api.exceptions.error_response`, without Django."""
    kind = "server_error" if status >= 500 else "client_error"
    code = CODES.get(status, "bad_request")
    return orjson.dumps({"type": kind, "errors": [{"code": code, "detail": detail, "attr": None}]})


class JsonErrorTask(ErrorTask):
    """waitress's answer to a request it refused, in our JSON error shape."""

    def execute(self):
        error = self.request.error
        detail = str(error.body).strip() or error.reason
        if error.code >= 500:
            detail = "The server could not handle this request."
        body = error_json(error.code, detail)
        metrics.server_refusal(error.code)
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(
            [
                ("Content-Type", "application/json"),
                ("X-Content-Type-Options", "nosniff"),
            ]
        )
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class Parser(HTTPRequestParser):
    """Notes when the request began; refuses a body framed two ways (request smuggling)."""

    def __init__(self, adj):
        super().__init__(adj)
        self.began = time.monotonic()

    def parse_header(self, header_plus):
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            raise ParsingError("Transfer-Encoding and Content-Length may not be sent together.")


class Channel(HTTPChannel):
    error_task_class = JsonErrorTask
    parser_class = Parser


class Server(TcpWSGIServer):
    """One listening socket, served by an event loop and a pool of worker threads."""

    channel_class = Channel
    header_timeout = 20.0

    def maintenance(self, now):
        """waitress closes idle connections; we also close those whose headers drag on."""
        super().maintenance(now)
        started_before = time.monotonic() - self.header_timeout
        for channel in list(self.active_channels.values()):
            request = channel.request
            if (
                request is not None
                and not request.headers_finished
                and request.began < started_before
            ):
                channel.will_close = True


def make_server(application, sock, *, header_timeout: float, **adjustments) -> Server:
    """A server on an already bound, listening socket (shared by the worker processes)."""
    adj = Adjustments(sockets=[sock], **adjustments)
    server = Server(
        application,
        map={},
        _sock=sock,
        adj=adj,
        bind_socket=False,
        sockinfo=(sock.family, sock.type, sock.proto, sock.getsockname()),
    )
    server.header_timeout = header_timeout
    return server
