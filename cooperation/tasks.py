"""Scheduled work of the cooperation app, run by the task engine's workers (see ``PERIODIC_TASKS``)."""

from . import services


def contacts_erase() -> int:
    """Erase the contact details of requests matched or closed more than three years ago."""
    return services.requests_erase_old_contacts()
