"""The benchmark modules, imported without changing this process's environment.

`benchmarks.env` sets the benchmark's defaults in `os.environ` when imported (log level
WARNING, jobs off, rate limits out of the way), for `python -m benchmarks`. In the suite
Django is configured already, and the services the integration tests start inherit
`os.environ`: with LOG_LEVEL=WARNING they never logged the line their fixture waits
for. This conftest is imported before the tests beside it, so they find the module
loaded and the environment as it was.
"""

import importlib
import os


def _import_keeping_the_environment(name: str) -> None:
    before = dict(os.environ)
    try:
        importlib.import_module(name)
    finally:
        os.environ.clear()
        os.environ.update(before)


_import_keeping_the_environment("benchmarks.env")
