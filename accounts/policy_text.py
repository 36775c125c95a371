"""The privacy policy's text, written by staff in a few plain conventions, as safe HTML with a table of
contents: "## " starts a section, "- " an item of a list, an empty line separates paragraphs. Everything
is escaped; web addresses become links."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

# A web address ends at a space or at punctuation (Chinese text puts "，" right after it, with no space).
_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(?:/[A-Za-z0-9./_%?=&#~+-]*)?(?<![.])")


@dataclass
class Section:
    anchor: str
    heading: str
    blocks: list[SafeString] = field(default_factory=list)

    @property
    def html(self) -> SafeString:
        return mark_safe("".join(self.blocks))  # noqa: S308 (each block is built escaped)


def _line(text: str) -> SafeString:
    """One line, escaped, with its web addresses as links."""
    text = text.strip()
    pieces, position = [], 0
    for match in _URL.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html('<a href="{}" rel="external">{}</a>', match.group(), match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped)


def policy_sections(text: str) -> tuple[SafeString, list[Section]]:
    """The introduction (before the first heading) and the sections of a policy ``text``."""
    intro = Section(anchor="", heading="")
    sections: list[Section] = []
    current = intro
    paragraph: list[str] = []
    items: list[str] = []

    def flush():
        if paragraph:
            current.blocks.append(
                format_html("<p>{}</p>", mark_safe("<br>".join(_line(line) for line in paragraph)))  # noqa: S308
            )
            paragraph.clear()
        if items:
            current.blocks.append(
                format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((_line(i),) for i in items)))
            )
            items.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("## "):
            flush()
            current = Section(anchor=f"section-{len(sections) + 1}", heading=line[3:].strip())
            sections.append(current)
        elif line.lstrip().startswith("- "):
            if paragraph:
                flush()
            items.append(line.lstrip()[2:])
        elif not line.strip():
            flush()
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return intro.html, sections
