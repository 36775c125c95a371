"""The access record's keeping time, run daily by the workers' scheduler."""

from . import services


def access_records_purge() -> int:
    return services.access_records_purge()
