"""Scheduled work of the homestays app, run by the task engine's workers (see ``PERIODIC_TASKS``)."""

from . import services


def guests_purge() -> int:
    """Delete the guests of delegations that left more than a year ago."""
    return services.guests_purge()
