"""The lottery's draw, kept apart so that the draw and its check use the very same steps."""

import random


def lottery_order(pool: list, seed: str) -> list:
    """``pool`` in the order the lottery with ``seed`` draws it: sorted by number, then shuffled by
    Python's ``random.Random(seed)`` (Mersenne Twister), which gives the same order for the same seed on
    every machine and Python version since 3.2."""
    order = sorted(pool, key=lambda application: application.pk)
    # Reproducible by design, not secret: the seed itself is drawn with `secrets` and published.
    random.Random(seed).shuffle(order)  # noqa: S311
    return order
