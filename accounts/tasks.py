"""Scheduled work of the accounts app, run by the task engine's workers (see ``PERIODIC_TASKS``)."""

from . import services


def login_data_purge() -> int:
    """Delete sessions past their end and expired failed-login counts."""
    return services.login_data_purge()
