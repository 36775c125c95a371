"""Work done once per deploy instead of on the first requests of every server process: compiling the
templates, reading the translation catalogues and building the URL resolvers.

gunicorn (``gunicorn.conf.py``, ``when_ready``) calls ``warm_up()`` in its master process after loading the
site and before starting the workers, which inherit all of it. Nothing here touches the database or the
cache: connections must not be shared by the processes.
"""

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.urls import get_resolver, reverse
from django.utils import translation


def _template_names() -> list[str]:
    names = []
    for directory in settings.TEMPLATES[0]["DIRS"]:
        root = Path(directory)
        names += [str(path.relative_to(root)) for path in sorted(root.rglob("*.html"))]
    return names


def warm_up() -> int:
    """Compile every template of the site's own folder and read each language's catalogue. Returns how
    many templates were compiled."""
    engine = engines["django"]
    compiled = 0
    for name in _template_names():
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # reported where the template is used, as without the warm-up
        compiled += 1
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Home")
            reverse("home")
    get_resolver().url_patterns  # noqa: B018 (builds the resolver)
    return compiled
