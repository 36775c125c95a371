"""When each message was last tried, so that failed mail can be deleted a set number of days after it.

Mail already tried gets the time back: a delivered message's is when it was sent; a message that failed (or
waits for another attempt) was last tried the retry wait before its next attempt, as ``mail_deliver`` set it.
"""

from datetime import timedelta

from django.db import migrations, models

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)


def retry_delay(attempts):
    # As outbox.services.retry_delay was when this migration was written.
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def fill_last_attempt(apps, schema_editor):
    OutgoingMail = apps.get_model("outbox", "OutgoingMail")
    OutgoingMail.objects.filter(status="sent").update(last_attempt_at=models.F("sent_at"))
    tried = OutgoingMail.objects.filter(status__in=("failed", "queued"), attempts__gt=0)
    for mail in tried.only("pk", "attempts", "next_attempt_at").iterator():
        OutgoingMail.objects.filter(pk=mail.pk).update(
            last_attempt_at=mail.next_attempt_at - retry_delay(mail.attempts)
        )


class Migration(migrations.Migration):
    dependencies = [("outbox", "0001_outgoing_mail")]

    operations = [
        migrations.AddField(
            model_name="outgoingmail",
            name="last_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last attempt"),
        ),
        migrations.RunPython(fill_last_attempt, migrations.RunPython.noop),
    ]
