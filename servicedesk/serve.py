"""`make run`: serve the API under gunicorn on HOST:PORT.

On the embedded store everything lives in one process's memory, so it runs one
worker with threads; with MONGODB_URI it runs WEB_CONCURRENCY worker processes.
"""

import os
import sys


def gunicorn_argv(environ=os.environ) -> list[str]:
    host = environ.get("HOST", "127.0.0.1")
    port = environ.get("PORT", "8000")
    embedded = not environ.get("MONGODB_URI", "").strip()
    workers = (
        "1" if embedded else environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1))
    )
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "servicedesk.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        workers,
        "--worker-class",
        "gthread",
        "--threads",
        environ.get("GUNICORN_THREADS", "8" if embedded else "4"),
        "--timeout",
        environ.get("GUNICORN_TIMEOUT", "60"),
        "--access-logfile",
        "-" if environ.get("GUNICORN_ACCESS_LOG") else "/dev/null",
    ]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings")
    argv = gunicorn_argv()
    os.execv(argv[0], argv)  # noqa: S606 - our own interpreter, fixed arguments


if __name__ == "__main__":
    main()
