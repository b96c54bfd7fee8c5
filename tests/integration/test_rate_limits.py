"""Rate limits hold across worker processes on a real server."""

from concurrent.futures import ThreadPoolExecutor

LIMIT = 40
SERVICE_ENV = {
    "SERVICEDESK_RATE_LIMIT_PER_KEY": str(LIMIT),
    "SERVICEDESK_RATE_LIMIT_PER_ORG": "1000",
    "SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS": "3600",
}
PATH = "/ux/sd/inci/incident/?items_per_page=1"


def test_a_burst_over_two_workers_gets_exactly_what_remains(service):
    first = service.api.call("GET", PATH)
    assert first.status == 200
    assert first.header("X-RateLimit-Limit") == str(LIMIT)
    remaining = int(first.header("X-RateLimit-Remaining"))
    assert 0 < remaining < LIMIT  # start-up checks used a few

    def call(_):
        reply = service.api.call("GET", PATH)
        return reply.status, reply.header("Retry-After")

    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(call, range(remaining + 10)))
    statuses = [status for status, _ in replies]
    assert statuses.count(200) == remaining, statuses
    assert statuses.count(429) == 10, statuses
    assert all(int(retry) > 0 for status, retry in replies if status == 429)
    assert len(service.server.worker_pids()) == 2
