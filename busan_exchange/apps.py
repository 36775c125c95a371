from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class BusanExchangeConfig(AppConfig):
    """Site-wide pieces: health check, sitemap, robots.txt, the page cache's invalidation and the workers'
    periodic jobs."""

    name = "busan_exchange"
    verbose_name = _("Busan International Exchange")

    def ready(self):
        from .pagecache import content_changed

        for label in settings.PAGE_CACHE_MODELS:
            model = apps.get_model(label)
            uid = f"pagecache:{label}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}:delete")
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"{uid}:{field.name}")
        # A deployment migrates before it serves: pages rendered by the previous release go stale.
        post_migrate.connect(content_changed, dispatch_uid="pagecache:migrate")
        # Sent once per app with models when `migrate` has finished; the task engine's is the one to hear.
        post_migrate.connect(
            sync_periodic_tasks, sender=apps.get_app_config("django_q"), dispatch_uid="tasks:schedules"
        )
        post_migrate.connect(
            create_cache_table, sender=apps.get_app_config("django_q"), dispatch_uid="caches:table"
        )


def create_cache_table(sender=None, using="default", **kwargs) -> None:
    """`migrate` also makes the database cache's table (Django leaves that to `createcachetable`), whatever
    the cache settings of the moment, so that no release step can be forgotten."""
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(using, settings.PORTAL_CACHE_TABLE, dry_run=False)


def sync_periodic_tasks(sender=None, using="default", **kwargs) -> None:
    """Keep the workers' schedule equal to ``settings.PERIODIC_TASKS``: add, update, remove what is gone."""
    from django_q.models import Schedule

    schedules = Schedule.objects.using(using)
    for name, (func, minutes) in settings.PERIODIC_TASKS.items():
        schedules.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": Schedule.MINUTES, "minutes": minutes, "repeats": -1},
        )
    # Only jobs of the portal's own apps are removed: staff may have scheduled others by hand.
    own = [config.name for config in apps.get_app_configs() if config.path.startswith(str(settings.BASE_DIR))]
    for schedule in schedules.exclude(name__in=settings.PERIODIC_TASKS):
        if schedule.func.split(".")[0] in own:
            schedule.delete()
