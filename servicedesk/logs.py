"""Structured JSON logs carrying the id of the request being served."""

import contextvars
import logging
import threading
import time
from datetime import UTC, datetime

import orjson

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# Attributes every LogRecord has; anything else was passed with `extra=` and is logged.
_STANDARD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class OnceAMinuteWarning(logging.Filter):
    """At most one record a minute through this filter, at WARNING, without a traceback.

    For what anyone on the internet can trigger at will (a `Host` we do not serve):
    Django logs it at ERROR with a traceback on every request, which lets a client
    flood the log. The record that passes says how many were left out before it.
    """

    interval = 60.0

    def __init__(self, name: str = ""):
        super().__init__(name)
        self._lock = threading.Lock()
        self._next = 0.0
        self._dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        with self._lock:
            if now < self._next:
                self._dropped += 1
                return False
            self._next = now + self.interval
            dropped, self._dropped = self._dropped, 0
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        if dropped:
            record.msg = f"{record.getMessage()} ({dropped} more like it in the last minute)"
            record.args = ()
        # Django passes the request and status code: not for a log line.
        record.__dict__.pop("request", None)
        return True
