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

``{% values_part "name" value ... %} ... {% endvalues_part %}``: a part that shows the values given and
public content alone (the list of a member's registrations on their page: the number, status, date and
message of each, and the titles of their events), kept under those values instead of the address, so that
it is rendered again as soon as one of them changes, or public content does. Every value the part shows
that is not public content must be among the values; the values of one member's records never lead to
another member's page, as the records' numbers are among them.
"""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe

from busan_exchange.pagecache import part_key, values_part_key

register = template.Library()


class PublicPartNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name = name
        self.nodelist = nodelist

    def key(self, request, context) -> str | None:
        return part_key(request, self.name)

    def render(self, context):
        request = context.get("request")
        key = self.key(request, context) if request is not None else None
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


class ValuesPartNode(PublicPartNode):
    def __init__(self, name: str, values: list, nodelist):
        super().__init__(name, nodelist)
        self.values = values

    def key(self, request, context) -> str | None:
        return values_part_key(request, self.name, tuple(value.resolve(context) for value in self.values))


@register.tag
def values_part(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            'Use {% values_part "name" value ... %} ... {% endvalues_part %}, with the values the part shows'
        )
    nodelist = parser.parse(("endvalues_part",))
    parser.delete_first_token()
    return ValuesPartNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
