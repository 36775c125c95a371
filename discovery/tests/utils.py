# Every unpublished item in the ``content`` fixture carries one of these words (or slugs), so a test can
# assert that none of it shows anywhere.
HIDDEN_MARKERS = ("Unpublished", "비공개", "未公开", "unpublished-")


def assert_nothing_hidden(text: str) -> None:
    for marker in HIDDEN_MARKERS:
        assert marker not in text, marker
