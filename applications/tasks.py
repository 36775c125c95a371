"""Jobs the workers run (see ``PERIODIC_TASKS`` in the settings)."""

from . import services


def offers_expire() -> int:
    return services.offers_expire()
