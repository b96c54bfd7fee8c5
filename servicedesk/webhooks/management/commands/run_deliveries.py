from servicedesk.jobs.management.commands import run_jobs


class Command(run_jobs.Command):
    help = (
        "The former name of `run_jobs`, kept for existing deployments. It runs every job, "
        "not only the webhook deliveries, because the sweeps it ran before are jobs now."
    )
