"""Jobs the workers run (see ``PERIODIC_TASKS`` in the settings)."""

from . import services


def offers_expire() -> int:
    return services.offers_expire()


def answers_purge() -> int:
    """Delete answers and files a year after their call's trip ended."""
    return services.answers_purge()
