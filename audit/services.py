"""Writing the access record, keeping it as long as the law asks and no longer, and erasing what a deleted
member leaves behind in it and in the admin's own log."""

import json
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils import timezone

from . import context
from .models import AccessRecord

Action = AccessRecord.Action


def access_record(
    *,
    action: str,
    model: type[models.Model] | models.Model,
    ids: Iterable = (),
    summary: str = "",
    actor=None,
) -> AccessRecord:
    """Record that the acting user viewed, exported, created, changed or deleted ``model`` records ``ids``.

    The actor and their address come from ``audit.context`` (the request being served) unless ``actor`` is
    given; an entry nobody logged in made keeps no address. ``summary`` is a short note without personal
    data: field names, statuses, counts. Call it inside the transaction of the change it records, so that
    the entry and the change are kept or rolled back together.
    """
    user, address = context.current()
    user = actor or user
    return AccessRecord.objects.create(
        action=action,
        object_type=model._meta.label_lower,
        object_ids=",".join(str(pk) for pk in ids),
        actor_id=getattr(user, "pk", None),
        actor_is_staff=bool(getattr(user, "is_staff", False)),
        client_address=address if user is not None else None,
        summary=summary[:200],
    )


def _years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def access_records_purge(*, now: datetime | None = None) -> int:
    """Delete entries older than ``ACCESS_RECORD_KEEP_YEARS`` (at least two: the database refuses to delete
    younger ones). A day's margin keeps clear of the database's own clock."""
    now = now or timezone.now()
    cutoff = _years_before(now, settings.ACCESS_RECORD_KEEP_YEARS) - timedelta(days=1)
    deleted, _ = AccessRecord.objects.filter(at__lt=cutoff).delete()
    return deleted


def access_records_forget_member(*, member_id: int) -> int:
    """A member deletes their account: the addresses their own actions came from are erased (staff's stay).
    What they did stays, under a number that no longer leads to anybody."""
    return AccessRecord.objects.filter(actor_id=member_id, actor_is_staff=False).update(client_address=None)


def admin_log_erase(
    *,
    model: type[models.Model],
    object_id,
    texts: Iterable[str],
    records: Iterable[tuple[type[models.Model], Iterable]] = (),
) -> int:
    """Take personal data out of Django's admin log (``LogEntry``) when a member is deleted.

    Entries about the member's own record are renamed to their number, and so are entries about
    ``records`` — other rows that named the member or their family, as ``(model, ids)`` pairs (a child they
    applied for, their homestay offer ...); ``texts`` (their email addresses) are blotted out of every
    entry's name and message, whatever the entry is about (a registration, a consent ...).
    """
    texts = [text for text in texts if text]
    placeholder = f"#{object_id}"
    content_type = ContentType.objects.get_for_model(model)
    matches = models.Q(content_type=content_type, object_id=str(object_id))
    for other, ids in records:
        ids = [str(pk) for pk in ids]
        if ids:
            other_type = ContentType.objects.get_for_model(other)
            LogEntry.objects.filter(content_type=other_type, object_id__in=ids).update(
                object_repr=Concat(Value(f"{other._meta.verbose_name} #"), "object_id")
            )
    for text in texts:
        for form in {text, json.dumps(text)[1:-1]}:
            matches |= models.Q(object_repr__icontains=form) | models.Q(change_message__icontains=form)
    changed = 0
    with transaction.atomic():
        for entry in LogEntry.objects.select_for_update().filter(matches):
            name, message = entry.object_repr, entry.change_message
            if entry.content_type_id == content_type.pk and entry.object_id == str(object_id):
                name = placeholder
            for text in texts:
                for form in {text, json.dumps(text)[1:-1]}:
                    name = _blot(name, form, placeholder)
                    message = _blot(message, form, placeholder)
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=name[:200], change_message=message)
            changed += 1
    return changed


def _blot(value: str, text: str, placeholder: str) -> str:
    """``value`` with every occurrence of ``text`` (in any case) replaced by ``placeholder``."""
    lowered, needle = value.lower(), text.lower()
    start = lowered.find(needle)
    while start >= 0:
        value = value[:start] + placeholder + value[start + len(text) :]
        lowered = value.lower()
        start = lowered.find(needle, start + len(placeholder))
    return value
