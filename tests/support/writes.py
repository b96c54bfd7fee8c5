"""What the tests wrote, on a real server: a pymongo command listener.

Registered by tests/conftest.py before the first client is made (pymongo's listeners
join the clients made after them), only when the suite runs against a real server:
mongomock sends no command events. Two uses:

- the per-test clean empties only the collections a test wrote, and makes indexes
  again only after something was dropped (emptying and re-checking every collection
  costs about 80 commands a test);
- "wrote nothing" checks digest only the collections written since their last digest.
"""

import threading

from pymongo import monitoring

WRITES = frozenset({"insert", "update", "delete", "findAndModify", "findandmodify"})
RESETS = frozenset({"drop", "dropIndexes", "deleteIndexes", "dropDatabase", "renameCollection"})


class Writes(monitoring.CommandListener):
    def __init__(self):
        self.database: str | None = None
        self.active = False
        self._dirty: set[str] = set()
        self._reset = True
        self.resets = 0  # how many drops were seen: a digest from before one is stale
        self.versions: dict[str, int] = {}  # collection -> writes seen to it
        self._lock = threading.Lock()

    def started(self, event):
        if event.database_name != self.database:
            return
        name = event.command_name
        if name in WRITES:
            collection = event.command[name]
            with self._lock:
                self._dirty.add(collection)
                self.versions[collection] = self.versions.get(collection, 0) + 1
        elif name in RESETS:
            with self._lock:
                self._reset = True
                self.resets += 1

    def succeeded(self, event):
        pass

    def failed(self, event):
        pass

    def take(self) -> tuple[set[str], bool]:
        """(collections written, whether anything was dropped) since the last take."""
        with self._lock:
            dirty, reset = self._dirty, self._reset
            self._dirty, self._reset = set(), False
        return dirty, reset

    def version(self, collection: str) -> tuple[int, int]:
        with self._lock:
            return self.resets, self.versions.get(collection, 0)


WRITTEN = Writes()


def listen(database: str) -> None:
    """Track writes to `database` from now on (call before connecting)."""
    if not WRITTEN.active:
        monitoring.register(WRITTEN)
        WRITTEN.active = True
    WRITTEN.database = database
