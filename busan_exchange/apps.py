from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class BusanExchangeConfig(AppConfig):
    """Site-wide pieces: health check, sitemap, robots.txt and the page cache's invalidation."""

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
