"""`make contract-docs`: the service started here, then docs.mjs in headless Chromium."""

import subprocess
import sys
from pathlib import Path

import service

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE.parents[1] / ".cache" / "contract" / "node" / "node_modules"


def main() -> int:
    server, _ = service.start()
    try:
        env = {"NODE_PATH": str(NODE_MODULES), "PATH": "/usr/bin:/bin"}
        # The script is copied beside node_modules: ES modules resolve packages from there.
        script = NODE_MODULES.parent / "docs.mjs"
        script.write_text((HERE / "docs.mjs").read_text())
        return subprocess.run(["node", str(script), server.base], env=env, check=False).returncode  # noqa: S603, S607
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
