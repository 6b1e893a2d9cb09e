"""Aligning two versions of a text in linear time, as character edits.

The encoding rules use it to turn ftfy's before and after into edits, and the
diff's colour pass to find the words to highlight inside a changed line.
"""

from __future__ import annotations

from .model import Edit

__all__ = ["char_edits"]


def char_edits(old: str, new: str, base: int = 0, reach: int = 64) -> list[Edit]:
    """Minimal character edits turning ``old`` into ``new``, offset by ``base``.

    >>> char_edits("cafÃ© and naÃ¯ve", "café and naïve")
    [Edit(start=3, end=5, replacement='é', original='Ã©'), Edit(start=12, end=14, replacement='ï', original='Ã¯')]

    Repairs are local (a few characters become one, a mark is inserted), so
    the two texts are walked side by side and, at each difference, the nearest
    point where they agree again is looked for within ``reach`` characters.
    That keeps the work linear in the length of the text, however many changes
    it holds; difflib is quadratic or worse on a long line full of them.
    """
    edits = []
    i = j = 0
    n, m = len(old), len(new)
    while True:
        # Skip the common run (compare in strides, then narrow down).
        while i < n and j < m and old[i] == new[j]:
            k = 64
            while k > 1 and old[i:i + k] != new[j:j + k]:
                k //= 2
            i, j = i + k, j + k
        if i >= n and j >= m:
            return edits
        di, dj = _resync(old, i, new, j, reach)
        edits.append(Edit(base + i, base + i + di, new[j:j + dj], old[i:i + di]))
        i, j = i + di, j + dj


def _resync(old: str, i: int, new: str, j: int, reach: int) -> tuple[int, int]:
    """The smallest ``(di, dj)`` after which ``old[i+di:]`` and ``new[j+dj:]``
    agree again on an anchor of a few characters (or both end); a shorter
    anchor where changes stand close together."""
    for anchor_length in (6, 3, 1):
        found = _resync_on(old, i, new, j, anchor_length, reach)
        if found:
            return found
    return len(old) - i, len(new) - j  # they never agree again: one edit to the end


def _resync_on(old: str, i: int, new: str, j: int, anchor_length: int,
               reach: int) -> tuple[int, int] | None:
    best = None
    for dj in range(0, min(reach, len(new) - j) + 1):
        if best is not None and dj >= best[0] + best[1]:
            break
        anchor = new[j + dj:j + dj + anchor_length]
        if len(anchor) < anchor_length:
            break  # too near the end of ``new`` for an anchor this long
        at = old.find(anchor, i, i + reach + anchor_length)
        if at < 0:
            continue
        di = at - i
        if di + dj and (best is None or di + dj < best[0] + best[1]):
            best = (di, dj)
    return best
