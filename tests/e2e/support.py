"""Helpers shared by the browser tests: axe-core, logging in, checking text in another language."""

from axe_playwright_python.sync_playwright import Axe

LANGUAGES = ["ko", "en", "zh-hans"]
LANGUAGE_NAMES = {"ko": "한국어", "en": "English", "zh-hans": "简体中文"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def field_suffix(language: str) -> str:
    """``zh-hans`` -> ``zh_hans``: the suffix of a modeltranslation field."""
    return language.replace("-", "_")


def axe_violations(page) -> list[str]:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def log_in(page, base_url: str, language: str, email: str, password: str) -> None:
    """Log in through the site's own login form in ``language``; ends on the page the form sends to."""
    page.goto(f"{base_url}/{language}/accounts/login/")
    page.fill('input[name="login"]', email)
    page.fill('input[name="password"]', password)
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


# Text in a script the page's language does not use must sit inside an element whose `lang` says so.
# Hangul is Korean; Han characters are Chinese on a Korean or English page (Korean pages use no hanja).
_UNMARKED_FOREIGN_TEXT = """
(language) => {
    const hangul = /[\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af]/;
    const han = /[\\u3400-\\u4dbf\\u4e00-\\u9fff]/;
    const foreign = {
        "ko": [[han, "zh"]],
        "en": [[hangul, "ko"], [han, "zh"]],
        "zh-hans": [[hangul, "ko"]],
    }[language];
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const check = (text, element) => {
        const marked = (element.closest("[lang]") || document.documentElement).getAttribute("lang") || "";
        for (const [script, code] of foreign) {
            if (script.test(text) && !marked.toLowerCase().startsWith(code)) {
                found.push(`${element.tagName.toLowerCase()}: ${text.trim().slice(0, 40)}`);
            }
        }
    };
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, template")) continue;
        check(node.textContent, parent);
    }
    // Text a screen reader reads that is not a text node: accessible names in attributes.
    for (const el of document.querySelectorAll("[aria-label], [title], img[alt], input[placeholder]")) {
        for (const attr of ["aria-label", "title", "alt", "placeholder"]) {
            const value = el.getAttribute(attr);
            if (value) check(value, el);
        }
    }
    return found;
}
"""


def unmarked_foreign_text(page, language: str) -> list[str]:
    """Text in another language's script that is not inside an element with the right ``lang``."""
    return page.evaluate(_UNMARKED_FOREIGN_TEXT, language)


def privacy_policy_restore() -> None:
    """Publish the privacy policy's first version again, as migration accounts/0006 does.

    Browser tests run on a flushed database (``transaction=True``), which loses what data migrations made.
    """
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migration = "0006_privacy_policy_first_version"
    apps = MigrationExecutor(connection).loader.project_state(("accounts", migration)).apps
    import_module(f"accounts.migrations.{migration}").publish_first_version(apps, None)
