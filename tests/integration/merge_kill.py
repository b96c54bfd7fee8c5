"""A merge that dies after `N` writes: `python -m tests.integration.merge_kill N TARGET SRC...`.

Run as a process of its own against the integration server (MONGODB_URI, MONGODB_DB):
it merges as the organization's first write key, lets N writes of the merge happen, then
ends the process on the spot (`os._exit`: no cleanup, no exception handler, as a kill).
"""

import os
import sys

import django


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings")
    django.setup()
    from relations.services import merge
    from servicedesk.tenancy.documents import ApiKey
    from servicedesk.tenancy.principal import Principal

    when, target, sources = int(argv[0]), argv[1], argv[2:]
    steps = [
        (merge, "_claim"),
        (merge.incidents, "incident_commit"),
        (merge, "_move"),
        (merge.incidents, "incident_close_merged"),
        (merge, "_note"),
        (merge, "merged_event"),
    ]
    done = []
    for owner, name in steps:
        real = getattr(owner, name)

        def step(*args, _real=real, **kwargs):
            if len(done) == when:
                sys.stdout.flush()
                os._exit(17)
            done.append(1)
            return _real(*args, **kwargs)

        setattr(owner, name, step)
    key = ApiKey.objects(scope="write").first()
    principal = Principal(
        key_id=key.id,
        organization_id=key.organization_id,
        organization_slug=key.organization_slug,
        scope=key.scope,
    )
    merge.merge_incidents(principal=principal, target_ref=target, source_refs=sources)
    print("finished without being killed")


if __name__ == "__main__":
    main(sys.argv[1:])
