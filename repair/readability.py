"""textstat, made safe to use offline.

textstat 0.7.13 calls ``nltk.download('cmudict')`` the first time a
syllable-based metric runs without the corpus installed: a network call from
inside a text filter. Import textstat only through this module, which replaces
that loader with one that uses an installed cmudict if there is one and
otherwise falls back to textstat's own pyphen hyphenation, never downloading.
"""

from __future__ import annotations

import textstat
from textstat.backend.counts import _count_syllables

__all__ = ["textstat"]


def _installed_cmudict(lang: str):
    """cmudict if it is already on this machine, else None (pyphen is used)."""
    if not lang.lower().startswith("en"):
        return None
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        return None
    return nltk.corpus.cmudict.dict()


_count_syllables.get_cmudict = _installed_cmudict
