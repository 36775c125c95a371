"""An empty URL configuration, for tests of what follows a change of ``ROOT_URLCONF``."""

urlpatterns: list = []
