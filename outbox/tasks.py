"""Jobs the workers run: delivering mail now, retrying what is due, and clearing old delivered mail."""

from . import services


def mail_deliver(mail_id: int) -> str | None:
    return services.mail_deliver(mail_id=mail_id)


def mail_deliver_due() -> int:
    return services.mail_deliver_due()


def mail_purge() -> int:
    return services.mail_purge()
