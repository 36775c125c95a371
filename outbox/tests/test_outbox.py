"""The outbox: mail is kept with the change that causes it, sent once, retried while the server is down."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.admin.sites import site
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_q.models import OrmQ, Schedule

from accounts.tests.factories import UserFactory
from outbox import services
from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db

SERVER_DOWN = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def smtp_down(settings):
    """A real SMTP client pointed at a port where no mail server listens."""
    settings.OUTBOX_DELIVERY_BACKEND = SERVER_DOWN
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2


def test_mail_waits_in_the_outbox_until_a_worker_delivers_it(task_worker):
    send_mail("Hello", "Body", None, ["member@example.org"])
    queued = OutgoingMail.objects.get()
    assert queued.status == "queued"
    assert mail.outbox == []
    assert OrmQ.objects.count() == 1

    assert task_worker() == 1
    queued.refresh_from_db()
    assert queued.status == "sent" and queued.attempts == 1 and queued.sent_at
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    assert mail.outbox[0].extra_headers["Message-ID"] == queued.headers["Message-ID"]
    assert OrmQ.objects.count() == 0


def test_a_rolled_back_change_sends_no_mail(task_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Hello", "Body", None, ["member@example.org"])
        raise RuntimeError("the change failed")
    assert not OutgoingMail.objects.exists()
    assert task_worker() == 0
    assert mail.outbox == []


def test_mail_server_down_keeps_the_mail_and_retries_with_growing_waits(task_worker, smtp_down, settings):
    send_mail("Hello", "Body", None, ["member@example.org"])
    task_worker()
    queued = OutgoingMail.objects.get()
    assert (queued.status, queued.attempts) == ("queued", 1)
    assert "ConnectionRefusedError" in queued.last_error
    first_wait = queued.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_wait <= timedelta(minutes=1)

    # Not due yet: nothing is tried.
    assert services.mail_deliver_due() == 0
    services.mail_deliver_due(now=queued.next_attempt_at)
    queued.refresh_from_db()
    assert queued.attempts == 2
    assert services.retry_delay(2) == timedelta(minutes=2)
    assert services.retry_delay(30) == timedelta(hours=6)

    # The server is back: the next due run delivers it, once.
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = queued.next_attempt_at
    assert services.mail_deliver_due(now=later) == 1
    assert services.mail_deliver_due(now=later + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_mail_is_failed_and_staff_can_resend_it(smtp_down, settings, admin_client):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    send_mail("Hello", "Body", None, ["member@example.org"])  # sync mode: first attempt at once
    failed = OutgoingMail.objects.get()
    services.mail_deliver_due(now=failed.next_attempt_at)
    failed.refresh_from_db()
    assert failed.status == "failed"
    assert services.mail_backlog()["failed"] == 1

    page = admin_client.get("/en/admin/outbox/outgoingmail/?status__exact=failed").content.decode()
    assert "member@example.org" in page and "ConnectionRefusedError" not in page  # the error is on its page
    detail = admin_client.get(f"/en/admin/outbox/outgoingmail/{failed.pk}/change/").content.decode()
    assert "ConnectionRefusedError" in detail and "Body" not in detail

    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin_client.post(
        "/en/admin/outbox/outgoingmail/", {"action": "send_again", "_selected_action": [failed.pk]}
    )
    failed.refresh_from_db()
    assert failed.status == "sent"
    assert len(mail.outbox) == 1


def test_two_workers_never_send_the_same_mail_twice(task_worker):
    send_mail("Hello", "Body", None, ["member@example.org"])
    queued = OutgoingMail.objects.get()
    # A second worker (or the periodic job) reaches the same mail first.
    assert services.mail_deliver(mail_id=queued.pk) == "sent"
    task_worker()
    assert services.mail_deliver_due(now=timezone.now() + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_mail_claimed_by_a_worker_that_died_is_sent_by_another(task_worker):
    send_mail("Hello", "Body", None, ["member@example.org"])
    queued = OutgoingMail.objects.get()
    now = timezone.now()
    # A worker claimed the mail and died before handing it to the server.
    OutgoingMail.objects.filter(pk=queued.pk).update(status="sending", claimed_until=now + services.CLAIM)
    assert services.mail_deliver_due(now=now) == 0
    assert services.mail_deliver_due(now=now + services.CLAIM + timedelta(seconds=1)) == 1
    assert len(mail.outbox) == 1


def test_the_site_sends_every_mail_through_the_outbox():
    EmailMessage("Subject", "Text", to=["member@example.org"]).send()
    assert OutgoingMail.objects.get().status == "sent"
    assert len(mail.outbox) == 1


def test_delivered_mail_is_deleted_after_its_keeping_time(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    send_mail("Hello", "Body", None, ["member@example.org"])
    sent = OutgoingMail.objects.get()
    assert sent.last_attempt_at == sent.sent_at
    assert services.mail_purge(now=sent.sent_at + timedelta(days=29)) == 0
    assert services.mail_purge(now=sent.sent_at + timedelta(days=31)) == 1


def test_failed_mail_is_deleted_the_same_number_of_days_after_its_last_attempt(smtp_down, settings):
    settings.OUTBOX_MAX_ATTEMPTS, settings.OUTBOX_KEEP_SENT_DAYS = 2, 30
    # A password reset asked for an address that is no member's fails like any other mail.
    send_mail("Password reset", "Body", None, ["nobody@example.org"])  # sync mode: first attempt at once
    failing = OutgoingMail.objects.get()
    assert failing.status == "queued" and failing.last_attempt_at is not None
    last = failing.next_attempt_at
    services.mail_deliver_due(now=last)
    failing.refresh_from_db()
    assert (failing.status, failing.last_attempt_at) == ("failed", last)
    assert services.mail_kept_until(failing) == last + timedelta(days=30)

    # Mail still waiting for an attempt is never deleted, however old.
    send_mail("Waiting", "Body", None, ["member@example.org"])
    waiting = OutgoingMail.objects.get(subject="Waiting")
    OutgoingMail.objects.filter(pk=waiting.pk).update(
        status="queued", created_at=last - timedelta(days=90), next_attempt_at=last + timedelta(days=90)
    )

    assert services.mail_purge(now=last + timedelta(days=29)) == 0
    assert services.mail_purge(now=last + timedelta(days=30, seconds=1)) == 1
    assert list(OutgoingMail.objects.values_list("subject", flat=True)) == ["Waiting"]


def test_failed_mail_sent_again_is_kept_from_its_new_attempt(smtp_down, settings):
    settings.OUTBOX_MAX_ATTEMPTS, settings.OUTBOX_KEEP_SENT_DAYS = 1, 30
    send_mail("Hello", "Body", None, ["member@example.org"])
    failed = OutgoingMail.objects.get()
    assert failed.status == "failed"
    # It failed 20 days ago; staff send it again today, and the server is still down.
    OutgoingMail.objects.filter(pk=failed.pk).update(last_attempt_at=timezone.now() - timedelta(days=20))
    services.mail_retry(mail=failed)
    failed.refresh_from_db()
    assert failed.status == "failed"
    today = timezone.now()
    assert services.mail_purge(now=today + timedelta(days=15)) == 0
    assert services.mail_purge(now=today + timedelta(days=31)) == 1


def test_staff_see_when_delivered_and_failed_mail_will_be_deleted(admin_client, settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    send_mail("Hello", "Body", None, ["member@example.org"])
    sent = OutgoingMail.objects.get()
    OutgoingMail.objects.filter(pk=sent.pk).update(
        last_attempt_at=timezone.make_aware(
            timezone.datetime(2026, 12, 1, 23, 30), timezone.get_fixed_timezone(540)
        )
    )
    page = admin_client.get("/en/admin/outbox/outgoingmail/").content.decode()
    assert "Deleted after" in page and "Dec. 31, 2026" in page


def test_mail_tried_before_the_last_attempt_was_recorded_gets_it_back():
    """Migration outbox/0002: the time of the last attempt, from what mail_deliver wrote then."""
    fill = import_module("outbox.migrations.0002_last_attempt").fill_last_attempt
    apps = MigrationExecutor(connection).loader.project_state(("outbox", "0002_last_attempt")).apps
    now = timezone.now()
    sent = OutgoingMail.objects.create(subject="s", status="sent", attempts=1, sent_at=now)
    failed = OutgoingMail.objects.create(
        subject="f", status="failed", attempts=10, next_attempt_at=now + timedelta(hours=6)
    )
    retrying = OutgoingMail.objects.create(
        subject="r", status="queued", attempts=3, next_attempt_at=now + timedelta(minutes=4)
    )
    untried = OutgoingMail.objects.create(subject="u", status="queued")
    fill(apps, None)
    for message in (sent, failed, retrying, untried):
        message.refresh_from_db()
    assert sent.last_attempt_at == sent.sent_at
    assert failed.last_attempt_at == retrying.last_attempt_at == now
    assert untried.last_attempt_at is None


def test_a_members_mail_can_be_erased():
    member = UserFactory(email="Kim@example.org")
    send_mail("Hello", "Body", None, ["kim@example.org"])
    send_mail("Hello", "Body", None, ["xkim@example.org"])
    assert services.mail_erase_for_address(email=member.email) == 1
    assert list(OutgoingMail.objects.values_list("to", flat=True)) == [["xkim@example.org"]]


def test_the_workers_run_the_periodic_jobs():
    names = dict(Schedule.objects.values_list("name", "func"))
    assert names["Deliver mail that is due"] == "outbox.tasks.mail_deliver_due"
    assert Schedule.objects.get(name="Deliver mail that is due").minutes == 1
    purge = Schedule.objects.get(name="Delete delivered and failed mail after its keeping time")
    assert (purge.func, purge.minutes) == ("outbox.tasks.mail_purge", 24 * 60)


def test_outgoing_mail_cannot_be_edited_in_the_admin(rf, admin_user):
    model_admin = site._registry[OutgoingMail]
    request = rf.get("/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_staff_looking_at_outgoing_mail_is_recorded(admin_client):
    from audit.models import AccessRecord

    EmailMessage("Hello", "Text", to=["member@example.org"]).send()
    mail_row = OutgoingMail.objects.get()
    assert admin_client.get("/en/admin/outbox/outgoingmail/").status_code == 200
    assert admin_client.get(f"/en/admin/outbox/outgoingmail/{mail_row.pk}/change/").status_code == 200
    listed, page = AccessRecord.objects.filter(object_type="outbox.outgoingmail").order_by("pk")
    assert listed.object_ids == page.object_ids == str(mail_row.pk)
    assert (listed.action, page.action) == ("view", "view")
