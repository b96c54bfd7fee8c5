"""`make contract-fuzz`: schemathesis' own CLI, `run --checks all`, over every operation of
the schema the service serves (examples, coverage and fuzzing phases), against the service
started here with seeded data. Exit status: schemathesis'.

CONTRACT_FUZZ_EXAMPLES (default 10) bounds the generated cases per operation.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import service

HERE = Path(__file__).resolve().parent


def main() -> int:
    server, key = service.start()
    try:
        pools = service.seed(server, key)
        env = {
            **os.environ,
            "PYTHONPATH": str(HERE),
            "SCHEMATHESIS_HOOKS": "st_hooks",
            "CONTRACT_POOLS": json.dumps(pools),
        }
        command = [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(HERE / "schemathesis.toml"),
            "run",
            f"{server.base}/api/schema/?format=json",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            os.environ.get("CONTRACT_FUZZ_EXAMPLES", "10"),
            "--seed",
            "1",
            "--generation-deterministic",
            "--workers",
            "1",
            "--no-color",
            "--header",
            f"Authorization: {key}",
            "--request-timeout",
            "30",
            "--suppress-health-check",
            "all",
            *sys.argv[1:],
        ]
        return subprocess.run(command, env=env, check=False).returncode  # noqa: S603
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
