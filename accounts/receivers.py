"""Changes allauth makes to a member's account (addresses, password), written into the access record.

allauth changes these in its own views; its signals are the one place to hear of them. Recording is all
these receivers do: nothing else on the site depends on them.
"""

from allauth.account import signals

from audit.context import current
from audit.services import Action, access_record

from .models import User

_NOTES = {
    signals.email_added: "email address added (not yet verified)",
    signals.email_confirmed: "email address verified",
    signals.email_changed: "primary email address changed",
    signals.email_removed: "email address removed",
    signals.password_changed: "password changed",
    signals.password_set: "password set",
    signals.password_reset: "password reset by email",
}


def _record(signal, note: str):
    def receiver(sender, request=None, user=None, email_address=None, **kwargs):
        member = user or getattr(email_address, "user", None)
        if member is None:
            return
        acting, _address = current()
        # Staff in the admin, the member on their pages, or the member from a link in a mail (not logged in).
        access_record(action=Action.CHANGE, model=User, ids=[member.pk], summary=note, actor=acting or member)

    receiver.__name__ = f"record_{note.replace(' ', '_')}"
    return receiver


_receivers = {signal: _record(signal, note) for signal, note in _NOTES.items()}


def connect() -> None:
    for signal, receiver in _receivers.items():
        signal.connect(receiver, dispatch_uid=f"audit:{receiver.__name__}")
