"""Start the real service (`python -m servicedesk.serve`, as `make run` does) on a free loopback
port."""

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The service's process (and its workers); their output is collected for the test to read."""

    def __init__(self, env: dict[str, str], port: int | None = None):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        full_env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"MONGODB_URI", "MONGODB_DB", "SERVICEDESK_BOOTSTRAP_API_KEYS"}
        }
        full_env.update({"HOST": "127.0.0.1", "PORT": str(self.port), "LOG_FORMAT": "text"})
        full_env.update(env)
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "servicedesk.serve"],
            cwd=ROOT,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def wait_until_up(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited:\n" + "".join(self.output))
            # A probe waits as long as the deadline allows: one abandoned after a second
            # would still be answered (and counted in /metrics) while the test runs.
            remaining = max(0.1, deadline - time.monotonic())
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=remaining):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not come up:\n" + "".join(self.output))

    def wait_for_output(self, pattern: str, timeout: float = 30.0) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, "".join(self.output))
            if match:
                return match
            time.sleep(0.1)
        raise RuntimeError(f"{pattern!r} not printed:\n" + "".join(self.output))

    def request(self, path: str, *, method="GET", headers=None, data=None, timeout=15.0):
        """(status, headers, body bytes); HTTP errors are returned, not raised."""
        request = urllib.request.Request(  # noqa: S310 - loopback only
            self.base + path, method=method, headers=headers or {}, data=data
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def worker_pids(self) -> set[int]:
        """Pids of the worker processes (children of the parent, which is `process`)."""
        pids = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (comm) state ppid ...": comm may hold spaces, so split after the ")".
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == self.process.pid and fields[0] != "Z":
                pids.add(int(entry.name))
        return pids

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait(timeout=10)
