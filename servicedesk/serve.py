"""`make run` and the container: serve the API on HOST:PORT (servicedesk.httpserver).

The parent process binds the address and starts WEB_CONCURRENCY worker processes
that listen on it (one on the embedded store, whose data lives in one process's
memory; on Linux each on a socket of its own with SO_REUSEPORT, so the kernel
spreads connections evenly, elsewhere on the parent's); each runs an event loop
that reads whole requests and WEB_THREADS threads that run them. The parent
restarts a worker that dies, stops them all on SIGTERM or SIGINT, and keeps the
Prometheus multiprocess directory (servicedesk.metrics) for them. It imports
neither Django nor pymongo, so nothing is shared across a fork: the workers are
started fresh (`--worker own|FD`).
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

from servicedesk import env

log = logging.getLogger("servicedesk.serve")

EARLY_EXIT_SECONDS = 10.0  # a worker that dies sooner failed to start
MAX_EARLY_EXITS = 5  # in a row: give up rather than restart it forever
STOP_GRACE_SECONDS = 15.0


@dataclass(frozen=True)
class Config:
    host: str
    port: int
    workers: int
    threads: int
    idle_timeout: int
    header_timeout: int
    max_connections: int
    max_header_bytes: int
    max_body_bytes: int

    def adjustments(self) -> dict:
        """waitress's settings (Adjustments) for each worker."""
        return {
            "threads": self.threads,
            # A connection with nothing sent or received for this long is closed: idle
            # keep-alive, or a client that stopped sending. Longer than the idle
            # timeouts of common load balancers (60 s), so they close first.
            "channel_timeout": self.idle_timeout,
            "cleanup_interval": max(1, min(self.header_timeout, self.idle_timeout) // 4),
            "connection_limit": self.max_connections,
            "max_request_header_size": self.max_header_bytes,
            "max_request_body_size": self.max_body_bytes,
            "backlog": 2048,
            "asyncore_use_poll": True,  # select() stops at 1024 descriptors
            "ident": "",
            "expose_tracebacks": False,
            "log_socket_errors": False,
        }


def config() -> Config:
    """From the environment (README, "Configuration")."""
    embedded = not os.environ.get("MONGODB_URI", "").strip()
    cores = os.cpu_count() or 1
    workers = env.integer("WEB_CONCURRENCY", default=2 * cores + 1, minimum=1)
    # (GUNICORN_THREADS: the former name, still read.) Eight threads on a real database
    # too: a retrieve mostly waits on the database, and with four a worker's queue, not
    # its CPU, set the pace (benchmarks/RESULTS.md, "HTTP throughput").
    threads = env.integer("GUNICORN_THREADS", default=8, minimum=1)
    max_upload = env.integer("SERVICEDESK_MAX_UPLOAD_BYTES", default=50 * 2**20, minimum=1)
    max_base64 = env.integer("SERVICEDESK_MAX_BASE64_UPLOAD_BYTES", default=10 * 2**20)
    return Config(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=env.integer("PORT", default=8000),
        workers=1 if embedded else workers,
        threads=env.integer("WEB_THREADS", default=threads, minimum=1),
        idle_timeout=env.integer("WEB_IDLE_TIMEOUT", default=75, minimum=1),
        header_timeout=env.integer("WEB_HEADER_TIMEOUT", default=20, minimum=1),
        max_connections=env.integer("WEB_MAX_CONNECTIONS", default=1000, minimum=10),
        max_header_bytes=env.integer("WEB_MAX_HEADER_BYTES", default=65536, minimum=1024),
        # The largest body any route takes (a multipart upload with its framing); the
        # per-route limits are the middleware's (servicedesk.middleware), with 413.
        max_body_bytes=max(max_upload + 2**20, max_base64),
    )


# Linux spreads new connections evenly over the listening sockets of one port that all
# set SO_REUSEPORT. With one shared socket the busiest-looking worker accepts most of
# them (17 of 32 keep-alive connections went to one of five workers), and one process
# does that share of the work under its own GIL.
REUSE_PORT = sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT")


def bind(cfg: Config, *, listen: bool = True) -> socket.socket:
    family = socket.AF_INET6 if ":" in cfg.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if REUSE_PORT:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((cfg.host.strip("[]"), cfg.port))
    if listen:
        sock.listen(2048)
    sock.set_inheritable(True)
    return sock


# --- the parent ------------------------------------------------------------------------


class Supervisor:
    def __init__(self, cfg: Config, sock: socket.socket):
        self.cfg = cfg
        self.sock = sock
        self.children: dict[int, tuple[subprocess.Popen, float]] = {}
        self.stopping = threading.Event()
        self.early_exits = 0

    def spawn(self) -> None:
        """A worker; it listens on a socket of its own (REUSE_PORT) or on the parent's."""
        if REUSE_PORT:
            argv, fds = ["--worker", "own"], ()
        else:
            argv, fds = ["--worker", str(self.sock.fileno())], (self.sock.fileno(),)
        process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
            [sys.executable, "-m", "servicedesk.serve", *argv], pass_fds=fds
        )
        self.children[process.pid] = (process, time.monotonic())

    def run(self) -> int:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stopping.set())
        print(
            f"servicedesk: listening on http://{self.cfg.host}:{self.cfg.port} with "
            f"{self.cfg.workers} worker process(es) x {self.cfg.threads} threads",
            file=sys.stderr,
            flush=True,
        )
        for _ in range(self.cfg.workers):
            self.spawn()
        status = 0
        while not self.stopping.wait(0.5):
            status = self.reap()
            if status:
                break
        self.stop()
        return status

    def reap(self) -> int:
        for pid, (process, started) in list(self.children.items()):
            code = process.poll()
            if code is None:
                continue
            del self.children[pid]
            _worker_gone(pid)
            if self.stopping.is_set():
                continue
            lived = time.monotonic() - started
            self.early_exits = self.early_exits + 1 if lived < EARLY_EXIT_SECONDS else 0
            print(
                f"servicedesk: worker {pid} exited with {code} after {lived:.0f} s; restarting",
                file=sys.stderr,
                flush=True,
            )
            if self.early_exits >= MAX_EARLY_EXITS:
                print("servicedesk: workers keep failing to start; stopping", file=sys.stderr)
                return 1
            time.sleep(min(self.early_exits, 5) * 0.5)
            self.spawn()
        return 0

    def stop(self) -> None:
        for process, _ in self.children.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for process, _ in self.children.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _worker_gone(pid: int) -> None:
    """Its live gauges leave the Prometheus files (counters and histograms stay)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess  # noqa: PLC0415 - only with metrics on

        multiprocess.mark_process_dead(pid)


def metrics_dir() -> str | None:
    """Every worker writes its metrics into one fresh directory (prometheus-client's
    multiprocess mode); the `/metrics` view adds them up."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "").strip()
    if given:
        os.makedirs(given, exist_ok=True)
        for name in os.listdir(given):  # the files of an earlier run are stale
            if name.endswith(".db"):
                os.unlink(os.path.join(given, name))
        return None
    made = tempfile.mkdtemp(prefix="servicedesk-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = made
    return made


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings")
    if argv[:1] == ["--worker"]:
        return worker(argv[1])
    cfg = config()
    # With REUSE_PORT the parent's socket only holds the address (bound, never listening:
    # no connection is handed to it) and each worker listens on its own.
    sock = bind(cfg, listen=not REUSE_PORT)
    made = metrics_dir()
    try:
        return Supervisor(cfg, sock).run()
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)


# --- a worker --------------------------------------------------------------------------


def worker(fd: str) -> int:
    cfg = config()
    sock = bind(cfg) if fd == "own" else socket.socket(fileno=int(fd))
    parent = os.getppid()
    # Django and the app load here, in the worker: nothing crosses a fork.
    from servicedesk.httpserver import make_server  # noqa: PLC0415 - after the fd is taken
    from servicedesk.wsgi import application  # noqa: PLC0415 - loads Django in the worker

    server = make_server(application, sock, header_timeout=cfg.header_timeout, **cfg.adjustments())

    def stop(*_):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides (Ctrl-C reaches both)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    server.run()
    return 0


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent is gone (SIGKILL) stops instead of serving on alone."""
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)


if __name__ == "__main__":
    sys.exit(main())
