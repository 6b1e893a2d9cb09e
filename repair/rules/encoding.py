"""Encoding defects: mojibake, HTML entities, control and invisible characters.

ftfy knows these far better than anything written here, so each rule runs one of
ftfy's repair steps (and only repairs: its restyling, such as straightening curly
quotes or NFC normalisation, stays off) on the lines that could hold the defect,
then turns ftfy's before and after into character-offset edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ftfy

from ..align import char_edits
from ..model import Document, Edit, Finding, Safety
from ..registry import rule

# Every ftfy step off, restyling included; each rule turns on its own steps.
_OFF = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_encoding=False,
    restore_byte_a0=False, replace_lossy_sequences=False, decode_inconsistent_utf8=False,
    fix_c1_controls=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
    remove_control_chars=False, normalization=None, explain=False,
)
_MOJIBAKE = _OFF._replace(fix_encoding=True, restore_byte_a0=True, replace_lossy_sequences=True,
                          decode_inconsistent_utf8=True, fix_c1_controls=True)
_ENTITIES = _OFF._replace(unescape_html=True)
_CONTROL = _OFF._replace(remove_control_chars=True, remove_terminal_escapes=True)
_SURROGATES = _OFF._replace(fix_surrogates=True)

# Cheap whole-text scans that find the only lines a step could change.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_AMPERSAND = re.compile(r"&")
_CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f\u206a-\u206f\ufeff\ufff9-\ufffc\U000e0000-\U000e007f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def ftfy_edits(doc: Document, config: ftfy.TextFixerConfig, trigger: re.Pattern,
               stop: int | None = None, widen: re.Pattern | None = None) -> Iterator[Edit]:
    """Run ftfy with ``config`` on each line (before offset ``stop``) in which
    ``trigger`` matches, and yield the minimal edits that turn the line into
    ftfy's output. The search jumps to the next line after each hit, so a line
    full of matches costs one search."""
    text = doc.text
    stop = len(text) if stop is None else stop
    pos = 0
    while (m := trigger.search(text, pos, stop)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start()) + 1 or len(text)
        segment = text[start:end]
        fixed = ftfy.fix_text(segment, config)
        if fixed != segment:
            edits = char_edits(segment, fixed)
            if widen is not None:
                edits = _widen(segment, edits, widen)
            for e in edits:
                yield Edit(start + e.start, start + e.end, e.replacement, e.original)
        pos = end


def _widen(old: str, edits: list[Edit], pattern: re.Pattern) -> list[Edit]:
    """Stretch each edit over the whole of any ``pattern`` match it touches, so
    that ``&amp;`` → ``&`` reads as that and not as ``amp;`` deleted. The text
    added on either side is unchanged text, so the edit stays exact.

    >>> _widen("AT&amp;T", [Edit(3, 7, "", "amp;")], _ENTITY)
    [Edit(start=2, end=7, replacement='&', original='&amp;')]
    """
    out = []
    for k, e in enumerate(edits):
        lo = out[-1].end if out else 0
        hi = edits[k + 1].start if k + 1 < len(edits) else len(old)
        start, end = e.start, e.end
        for m in pattern.finditer(old, max(lo, start - 16), min(hi, end + 16)):
            if m.start() <= e.end and m.end() >= e.start:
                start, end = min(start, m.start()), max(end, m.end())
        out.append(Edit(start, end, old[start:e.start] + e.replacement + old[e.end:end],
                        old[start:end]))
    return out


_ENTITY = re.compile(r"&#?\w{1,32};?")


def _findings(edits: Iterator[Edit], describe) -> Iterator[Finding]:
    for edit in edits:
        yield Finding(describe(edit), (edit,), confidence=1.0)


@rule("E001", "mojibake")
def mojibake(doc: Document) -> Iterator[Finding]:
    """Text decoded with the wrong character set, such as ``Ã©`` for ``é``.

    ## What it does
    Finds mojibake (UTF-8 bytes decoded as Windows-1252 or Latin-1, possibly
    more than once, and C1 control characters standing for Windows-1252
    punctuation) and decodes it back, using ftfy's ``fix_encoding``.

    ## Why it matters
    Mojibake turns names and punctuation into noise: ``CafÃ©`` is not found by a
    search for ``Café``, and a model trained on it learns the noise.

    ## Example
    >>> from repair import fix
    >>> fix("The cafÃ© opened its doors â€” at last.")
    'The café opened its doors — at last.'

    ## Fix safety
    Safe. ftfy changes text only when the result is far more plausible than the
    input, and its own test suite holds text that must not change.
    """
    if doc.is_ascii:
        return
    yield from _findings(ftfy_edits(doc, _MOJIBAKE, _NON_ASCII),
                         lambda e: f"mojibake {e.original!r} should read {e.replacement!r}")


@rule("E002", "html-entity")
def html_entity(doc: Document) -> Iterator[Finding]:
    """An HTML character reference such as ``&amp;`` left in plain text.

    ## What it does
    Replaces HTML entities (``&amp;``, ``&eacute;``, ``&#8217;``) with the
    characters they stand for, via ftfy's ``unescape_html``. As in ftfy, from the
    first line that holds a ``<`` on, the text is taken to be markup and its
    entities are left alone.

    ## Why it matters
    An entity is markup, not text: ``AT&amp;T`` is not ``AT&T`` to a search
    index, a tokenizer or a reader.

    ## Example
    >>> from repair import fix
    >>> fix("Profits at AT&amp;T rose 5&nbsp;per cent.")
    'Profits at AT&T rose 5\\xa0per cent.'

    ## Fix safety
    Safe: only complete, known entities are replaced.
    """
    if "&" not in doc.text:
        return
    lt = doc.text.find("<")
    stop = None if lt < 0 else doc.text.rfind("\n", 0, lt) + 1
    yield from _findings(ftfy_edits(doc, _ENTITIES, _AMPERSAND, stop, widen=_ENTITY),
                         lambda e: f"HTML entity {e.original!r} stands for {e.replacement!r}")


@rule("E003", "control-character")
def control_character(doc: Document) -> Iterator[Finding]:
    """A control character or terminal escape sequence in text.

    ## What it does
    Removes ASCII control characters other than tab and line breaks, terminal
    colour codes (``ESC[1m``), a byte-order mark inside the text, and the other
    format characters ftfy's ``remove_control_chars`` removes.

    ## Why it matters
    They are invisible or garbage on screen, break parsers (a NUL ends a C
    string) and make equal strings compare unequal.

    ## Example
    >>> from repair import fix
    >>> fix("Shares\\x00 fell \\x1b[1msharply\\x1b[0m.")
    'Shares fell sharply.'

    ## Fix safety
    Safe: none of these characters carries meaning in plain prose.
    """
    yield from _findings(ftfy_edits(doc, _CONTROL, _CONTROL_CHARS),
                         lambda e: f"control character {e.original!r} removed")


@rule("E004", "lone-surrogate")
def lone_surrogate(doc: Document) -> Iterator[Finding]:
    """A UTF-16 surrogate code point standing alone in the text.

    ## What it does
    Joins surrogate pairs that were decoded separately into the character they
    encode, and replaces lone surrogates with U+FFFD, via ftfy's ``fix_surrogates``.

    ## Why it matters
    A lone surrogate cannot be written as UTF-8: the first tool downstream that
    encodes the text crashes on it.

    ## Example
    >>> from repair import fix
    >>> fix("Nice \\ud83d\\ude00 day")
    'Nice 😀 day'

    ## Fix safety
    Safe: a surrogate is never valid text.
    """
    if doc.is_ascii:
        return
    yield from _findings(ftfy_edits(doc, _SURROGATES, _SURROGATE),
                         lambda e: f"surrogate {e.original!r} should be {e.replacement!r}")


# Zero-width space, word joiner and soft hyphen; not ZWJ or ZWNJ, which shape
# emoji and Persian or Indic script.
_INVISIBLE = re.compile("[\u200b\u2060\u00ad]+")
_LATIN_CONTEXT = re.compile(r"[\x00-\u024f]")


@rule("E005", "invisible-character")
def invisible_character(doc: Document) -> Iterator[Finding]:
    """A zero-width space, word joiner or soft hyphen inside the text.

    ## What it does
    Removes U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER and U+00AD SOFT HYPHEN,
    which HTML pages use as line-breaking hints and which scraping leaves behind.

    ## Why it matters
    They are invisible, yet ``in\\u00advestment`` is no longer the word
    ``investment`` to a search index, a spell checker or a tokenizer.

    ## Example
    >>> from repair import fix
    >>> fix("an in\\u00advest\\u200bment")
    'an investment'

    ## Fix safety
    Safe between Latin letters, digits and spaces. Elsewhere unsafe: Thai, Khmer
    and Japanese text use the zero-width space to separate words.
    """
    text = doc.text
    if doc.is_ascii:
        return
    for m in _INVISIBLE.finditer(text):
        start, end = m.span()
        context = text[max(0, start - 1):start] + text[end:end + 1]
        latin = all(_LATIN_CONTEXT.match(c) for c in context)
        yield Finding(f"invisible character{'s' if end - start > 1 else ''} "
                      f"{m.group()!r} removed", (Edit(start, end, ""),),
                      confidence=0.95 if latin else 0.6,
                      safety=Safety.SAFE if latin else Safety.UNSAFE)
