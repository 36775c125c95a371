"""The house voice, as a check any test can run on a rendered page or mail.

``voice_problems(content, language)`` lists what a reader of ``language`` would find wrong in
``content`` (a page's HTML or a mail's text): English left in a Korean or Chinese text, 당신 or
해요체 endings in Korean, 你 in Chinese, half-width punctuation after Chinese words, a spaced en
dash in a Chinese range, and the terms the glossary (shared/seed/glossary.md) rules out, in each
language. ``assert_house_voice`` fails a test with that list. Other apps call them on their pages
and mails; values that are data rather than the site's voice (a member's name, an item's title, a
code) are passed in ``allow``.

In HTML, only what a reader meets counts: text and the attributes read aloud (aria-label, title, alt,
placeholder, button values), outside scripts and styles, and not inside an element marked with another
``lang`` (a language's own name in the switcher, a title shown in its fallback language).
"""

import re
from collections.abc import Iterable
from html.parser import HTMLParser

# Latin words a Korean or Chinese reader meets on purpose: names of events, organisations, standards and
# technologies as every language writes them, file formats, and the time zone's abbreviation.
LATIN_WORDS_ALLOWED = frozenset(
    {
        "UN",
        "WEEK",
        "ASEAN",
        "On",
        "Off",
        "KST",
        "UTC",
        "ics",
        "CSV",
        "JSON",
        "PDF",
        "KRDS",
        "PIPA",
        "IP",
        "NGO",
    }
    | {"JPEG", "PNG", "MB"}
    | {"KWCAG", "WCAG", "AA", "HTTPS", "JavaScript", "Cookie", "axe", "core"}
)

# Terms the glossary rules out, with the form to use instead. Regular expressions, matched as they are.
RULED_OUT = {
    "ko": [
        (r"당신", "하십시오체: address the reader without 당신"),
        (r"암호(?!화)", "비밀번호 (암호화, encryption, is fine)"),
        (r"패스워드", "비밀번호"),
        (r"아이디", "이메일 주소 (the site has no ID)"),
        (r"주십시요", "주십시오"),
        (r"올비르지", "올바르지"),
        (r"로그인 유지", "로그인 상태 유지"),
        (r"이메일주소|전자 ?우편|전자 메일", "이메일 주소"),
        (r"마이 페이지", "마이페이지"),
        (r"모든 권리 보유", "no translationese copyright line"),
        (r"유엔 주간", "유엔위크(UN WEEK)"),
    ],
    "zh-hans": [
        (r"你", "您"),
        (r"登出|注销登录", "退出登录"),
        (r"账号|帐号|帐户", "账户"),
        (r"记住我", "保持登录"),
        (r"(?<!电子)邮箱地址|电子邮件地址|邮件地址", "电子邮箱地址"),
        (r"可选项目|收集项目|项目同意", "可选事项 / 收集的个人信息 (项目 means a program)"),
        (r"隐私权政策|隐私条款", "隐私政策"),
        (r"登陆", "登录"),
        (r"[\u4e00-\u9fff][ ]?[:;!?]", "full-width punctuation after Chinese (：；！？)"),
        (
            r"[\u4e00-\u9fff] ?\(|\) ?[\u4e00-\u9fff]|\([\u4e00-\u9fff]",
            "full-width brackets （） around Chinese",
        ),
        (r"[\u4e00-\u9fff],", "full-width comma ，"),
        (r"\S \u2013 \S", "ranges with 至 or —, never a spaced en dash"),
        (r"(?<!中国)台湾", "中国台湾 (Kaohsiung's country or region)"),
    ],
    "en": [
        (
            r"\bSign (?:In|Out|Up)\b|\bSign[- ]in\b|\bSign[- ]out\b|\bSigned in\b",
            "Log in / Log out / Sign up",
        ),
        (r"\bLog In\b|\bLog Out\b|\bSign Up\b", "sentence case: Log in, Log out, Sign up"),
        (r"\bRemember Me\b", "Stay logged in"),
        (r"\bE-mail\b", "email"),
        (r"\bYou're receiving\b|\bHello from\b", "the site's own mail wording"),
    ],
}

# 해요체 endings: a verb or copula ending in -요 before punctuation, a closing mark or the end.
# Nouns ending in 요 (필요, 중요, 주요, 개요, 수요 ...) are not in the list of syllables before it.
_HAEYO = re.compile(
    r"(?:세요|셔요|해요|[어아여워와져봐돼줘쳐켜펴혀겨려러뎌써까가나래대네군죠]요|에요|예요|지요|거든요|는데요|걸요|죠)"
    r"(?=[\s.!?,…)\]\"'」』]|$)"
)
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?:/\S*)?"
    r"|\blocalhost(?::\d+)?\b"
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SKIPPED_ELEMENTS = {"script", "style", "template", "noscript"}
_READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
_VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}  # fmt: skip


class _ReaderText(HTMLParser):
    """The text of a page a reader of ``language`` meets, element by element."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, lang, skipped)
        self.pieces: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def _lang(self) -> str | None:
        for _tag, lang, _skipped in reversed(self.stack):
            if lang is not None:
                return lang
        return None

    def _foreign(self, lang: str | None) -> bool:
        return (
            lang is not None and lang.lower() != self.language and not self.language.startswith(lang.lower())
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        effective = lang if lang is not None else self._lang()
        skipped = self._skipping() or tag in _SKIPPED_ELEMENTS or self._foreign(effective)
        if not skipped:
            for name in _READ_ATTRIBUTES:
                if attrs.get(name):
                    self.pieces.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.pieces.append(attrs["value"])
        if tag == "html":
            # The page's own language is what the checks are about; the root is never "foreign".
            skipped = False
        if tag not in _VOID_ELEMENTS:
            self.stack.append((tag, lang, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_ELEMENTS and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.pieces.append(data)


def reader_text(content: str, language: str) -> str:
    """What a reader of ``language`` meets in ``content``: the visible text of HTML, or the text itself."""
    if not re.search(r"<(?:html|body|p|div|span|a|h[1-6]|ul|li|form|label|button|main)\b", content):
        return content
    parser = _ReaderText(language)
    parser.feed(content)
    parser.close()
    return "\n".join(parser.pieces)


def voice_problems(content: str, language: str, *, allow: Iterable[str] = ()) -> list[str]:
    """What breaks the house voice of ``language`` ("ko", "en", "zh-hans") in ``content`` (HTML or text).

    ``allow``: values that are data, not the site's voice (names, titles, codes); they are left out first.
    """
    text = reader_text(content, language)
    for value in sorted({str(v) for v in allow if v}, key=len, reverse=True):
        text = text.replace(value, " ")
    text = _URL.sub(" ", text)
    problems = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        for pattern, instead in RULED_OUT.get(language, []):
            if re.search(pattern, line):
                problems.append(f"{instead}: {line[:120]}")
        if language == "ko" and (match := _HAEYO.search(line)):
            problems.append(f"해요체 ending “{match.group()}” (use 하십시오체): {line[:120]}")
        if language in ("ko", "zh-hans"):
            english = [w for w in _LATIN_WORD.findall(line) if w not in LATIN_WORDS_ALLOWED]
            if english:
                problems.append(f"English left ({' '.join(english[:6])}): {line[:120]}")
    return problems


def assert_house_voice(content: str, language: str, *, allow: Iterable[str] = (), where: str = "") -> None:
    """Fail with every house-voice problem of ``content`` for a reader of ``language``."""
    problems = voice_problems(content, language, allow=allow)
    assert problems == [], f"{where or language}:\n" + "\n".join(problems)
