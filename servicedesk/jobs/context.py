"""What a running job may ask its runner: should it stop now?"""

import threading
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RunContext:
    stop: threading.Event  # the runner is stopping
    lost: threading.Event  # the lease of this run could not be renewed in time


_current: ContextVar[RunContext | None] = ContextVar("servicedesk_job_run", default=None)


def should_stop() -> bool:
    """True when the job running in this thread should return soon.

    Its runner is stopping (SIGTERM, process exit), or its lease could not be
    renewed in time, so another process may take the job over. Long jobs check
    it between steps; outside a job run it is always False.
    """
    run = _current.get()
    return run is not None and (run.stop.is_set() or run.lost.is_set())
