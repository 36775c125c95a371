"""``{% public_part "name" %} ... {% endpublic_part %}``: a part of a page that is the same for every visitor
of its address in a language (the header and footer, a list, the public facts of a program), kept rendered
so that a member's page renders only what is their own.

A part is kept in the ``parts`` cache (each process's memory) under the page's absolute address, the active
language and the content generation of the page cache: any edit of public content makes every part stale at
once, as it does cached pages (``busan_exchange/pagecache.py``). Parts are kept at most
``PUBLIC_PART_SECONDS``, so that what depends on the time (an event that has ended) moves on as the page
cache's pages do.

Only what every visitor of the address sees may go inside: never the member's name, their registrations, a
form or a CSRF token. Addresses with parameters the page does not read are rendered each time.
"""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe

from busan_exchange.pagecache import part_key

register = template.Library()


class PublicPartNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        key = part_key(request, self.name) if request is not None else None
        if key is None:
            return self.nodelist.render(context)
        parts = caches["parts"]
        html = parts.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if "csrfmiddlewaretoken" in html:  # a form of the visitor's own: never kept for others
                return html
            parts.set(key, str(html), settings.PUBLIC_PART_SECONDS)
        # Escaped as it was rendered: kept as text, it is marked safe again.
        return mark_safe(html)  # noqa: S308


@register.tag
def public_part(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Use {% public_part "name" %} ... {% endpublic_part %}')
    nodelist = parser.parse(("endpublic_part",))
    parser.delete_first_token()
    return PublicPartNode(bits[1][1:-1], nodelist)
