"""Whitespace defects: spaces lost, doubled, misplaced or left at line ends.

Each rule is one compiled pattern over the whole text, starting with the rarest
part of what it looks for (the full stop before a capital, the line break after
a space) so the scan is fast; runs of spaces are measured back from there, once,
never re-scanned from every position in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Edit, Finding, Safety
from ..registry import rule

# Words that begin sentences far more often than they end a dotted name, so
# `was over.The man` is a lost space while `Brite.Tel` may be a company.
SENTENCE_STARTERS = frozenset("""
    A About After Also Although An And Another As At Before Both But By Despite
    During Each Even Every For From He Her Here His How However I If In Instead
    It Its Last Many Meanwhile More Most Mr Mrs Ms Much My Next No None Not Now
    On Once One Only Or Other Our Over She Since So Some Still Such That The
    Their Then There These They This Those Though Thus To Today Under Unlike
    Until We What When Where Whether Which While Who Why With Without Yet You
    Your
""".split()) - {"One", "A", "I"}  # Brite.Tel, A.B. Smith: too often names

# The distinctive part first (`.T`), so the scan is a fast character-class
# search; the word before is checked only at the few places that match.
_MISSING_SPACE = re.compile(r"([.!?])(?<=[^\W_][.!?])([A-Z][a-z]+)\b")
_WORD_BEFORE = re.compile(r"(?:^|[^\w.])([^\W\d_]{2,}|\d+)\Z")
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep",
           "Lt", "Col", "Capt", "Sgt", "No", "Vol", "Fig", "Inc", "Ltd", "Co", "Corp")
_TITLE_END = re.compile(r"(?:^|\W)(?:%s)\Z" % "|".join(_TITLES))


@rule("W001", "missing-space-after-sentence-punctuation")
def missing_space_after_sentence_punctuation(doc: Document) -> Iterator[Finding]:
    """A sentence that starts right after the previous one's full stop: ``member.Last``.

    ## What it does
    Inserts the space lost between a word ending a sentence (``.``, ``!`` or
    ``?``) and the capitalised word that starts the next one. Decimals, times,
    abbreviations (``U.S.``, ``a.m.``, ``Mr.``), URLs, e-mail addresses and
    dotted names (``news.example.org``, ``index.html``) are left alone.

    ## Why it matters
    Scrapers drop the space where HTML put a tag between two sentences. The two
    sentences then read as one token, and sentence splitting, search and
    tokenisation all fail on it.

    ## Example
    >>> from repair import fix
    >>> fix("It rose 2.5% in 2024.The café expanded.Last year it grew.")
    'It rose 2.5% in 2024. The café expanded. Last year it grew.'
    >>> fix("Visit Brite.Tel at 10 a.m.Tomorrow")  # names: an unsafe fix at most
    'Visit Brite.Tel at 10 a.m.Tomorrow'

    ## Fix safety
    Safe when the next word is one that commonly opens a sentence (``The``,
    ``Last``, ``He``), or the word before the stop is in lower case
    (``the storm.Steve``); unsafe otherwise, since ``Brite.Tel`` may be a name.
    """
    text = doc.text
    for m in _MISSING_SPACE.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        word = _WORD_BEFORE.search(before)
        if (not word or _TITLE_END.search(before)
                or doc.is_protected(m.start() - 1, m.end())):
            continue
        word = word.group(1)
        if m.group(2) in SENTENCE_STARTERS or m.group(1) != ".":
            # `!` and `?` do not join names the way `.` does (Brite.Tel, Example.Com).
            confidence = 0.95
        elif word.islower() or word.isdigit():
            confidence = 0.85  # a sentence ends in `year.`, a name rarely in `one.`
        else:
            confidence = 0.5
        yield Finding(f"missing space after {m.group(1)!r} before {m.group(2)!r}",
                      (Edit(m.end(1), m.end(1), " "),), confidence=confidence,
                      safety=Safety.SAFE if confidence >= 0.8 else Safety.UNSAFE)


# Two or three spaces between words. Four or more is alignment (tables, verse),
# and two after sentence punctuation is the typewriter convention, not a defect.
# Starts with a literal two spaces, which the regex engine finds fast; the
# look-behind after them checks the character before the run.
_MULTIPLE_SPACES = re.compile(r"  (?<=[^\s.!?:\"'”’)\]]  ) ?(?=[^\s])")


@rule("W002", "multiple-spaces")
def multiple_spaces(doc: Document) -> Iterator[Finding]:
    """Two or three spaces between words inside a line.

    ## What it does
    Collapses a run of two or three spaces between words to one. Indentation,
    runs of four or more (column alignment) and two spaces after a sentence's
    end (a typing convention) are left alone.

    ## Why it matters
    Doubled spaces are where scraping removed an inline element (a link, an
    icon, a tag); they break phrase search and exact-match deduplication.

    ## Example
    >>> from repair import fix
    >>> fix("the  bloc   expands")
    'the bloc expands'
    >>> fix("Chapter 1.  The end    page 3")
    'Chapter 1.  The end    page 3'

    ## Fix safety
    Safe: one space between two words carries all the meaning two did.
    """
    text = doc.text
    line_start = searched = 0
    for m in _MULTIPLE_SPACES.finditer(text):
        # Look back only as far as the previous match: linear on a long line.
        newline = text.rfind("\n", searched, m.start())
        line_start, searched = (newline + 1 if newline >= 0 else line_start), m.start()
        if text[line_start] in " \t" or text[m.end()] == "#":
            continue  # an indented line (code, verse, a table) or an inline comment
        yield Finding("multiple spaces between words", (Edit(m.start(), m.end(), " "),),
                      confidence=0.9)


# Spaces before , . ; : ! ? that end a word's punctuation. Not an ellipsis (` ...`),
# not a leading dot (`.NET`, `.5`), not an emoticon (`:)`).
# Found from the punctuation mark back (marks are rarer than spaces, so the
# scan is fast); the run of spaces before it is measured at the few hits.
_SPACE_BEFORE = re.compile(
    r"([,.;:!?])(?<=[ \t][,.;:!?])(?![.\w…])(?! [.…])(?<![:;](?=\)))(?=[\s\"”’)]|$)")
_WORD_END = frozenset("\"”’)]%_")


@rule("W003", "space-before-punctuation")
def space_before_punctuation(doc: Document) -> Iterator[Finding]:
    """A space between a word and the comma or full stop that follows it.

    ## What it does
    Removes spaces before ``,`` ``.`` ``;`` ``:`` ``!`` and ``?`` when the mark
    closes the word before it. Ellipses (``wait ...``), leading dots (``.NET``,
    ``.5``) and emoticons are left alone.

    ## Why it matters
    Scrapers leave it where an inline element stood before the punctuation; a
    tokenizer then sees a lone comma and a search for the phrase fails.

    ## Example
    >>> from repair import fix
    >>> fix("Xi added , as expected .")
    'Xi added, as expected.'
    >>> fix("Wait ... use .NET or .5 mm")
    'Wait ... use .NET or .5 mm'

    ## Fix safety
    Safe in English prose. French typography puts a space before ``; : ! ?``:
    ignore this rule (``--ignore W003``) for French text.
    """
    text = doc.text
    for m in _SPACE_BEFORE.finditer(text):
        mark = m.start()
        start = _run_start(text, mark)
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in _WORD_END):
            continue
        if m.group(1) == ":" and text[start - 1].isdigit() and text[m.end() + 1:m.end() + 2].isdigit():
            continue  # a score or a time: "2 : 1", "10 : 30"
        if doc.is_protected(start - 1, m.end()):
            continue
        yield Finding(f"space before {m.group(1)!r}", (Edit(start, mark, ""),),
                      confidence=0.9)


def _run_start(text: str, end: int) -> int:
    """Where the run of spaces and tabs that ends at ``end`` starts."""
    start = end
    while start and text[start - 1] in " \t":
        start -= 1
    return start


# Found from the line break back: line breaks are few, so the scan is fast.
_TRAILING = re.compile(r"\n(?:(?<=[ \t]\n)|(?<=[ \t]\r\n))")


@rule("W004", "trailing-whitespace")
def trailing_whitespace(doc: Document) -> Iterator[Finding]:
    """Spaces or tabs at the end of a line.

    ## What it does
    Removes spaces and tabs before a line break or the end of the text. Line
    breaks themselves (``\\n`` or ``\\r\\n``) are kept as they are.

    ## Why it matters
    Invisible, yet they make equal lines differ, so deduplication and diffs
    see changes that are not there.

    ## Example
    >>> from repair import fix
    >>> fix("first line  \\r\\nsecond\\t\\n")
    'first line\\r\\nsecond\\n'

    ## Fix safety
    Safe: plain text gives trailing spaces no meaning.
    """
    text = doc.text
    ends = [m.start() - (text[m.start() - 1] == "\r") for m in _TRAILING.finditer(text)]
    if text[-1:] in (" ", "\t"):
        ends.append(len(text))
    for end in ends:
        yield Finding("trailing whitespace", (Edit(_run_start(text, end), end, ""),),
                      confidence=1.0)


_EDGE_SPACE = " \t\r\n"


@rule("W005", "blank-lines-at-edges")
def blank_lines_at_edges(doc: Document) -> Iterator[Finding]:
    """Blank lines before the first line of text or after the last.

    ## What it does
    Removes blank lines at the start of the text and after its last line,
    keeping the last line's own line break (or its absence) as it was.

    ## Why it matters
    Scrapers leave them where page furniture was cut away; they carry nothing,
    and they make otherwise equal documents differ.

    ## Example
    >>> from repair import fix
    >>> fix("\\n\\nHeadline\\n\\nLast paragraph.\\n\\n\\n\\n")
    'Headline\\n\\nLast paragraph.\\n'

    ## Fix safety
    Safe: blank lines at the edges of a text have no meaning.
    """
    text = doc.text
    body = text.strip(_EDGE_SPACE)
    if not body:
        return
    head = len(text) - len(text.lstrip(_EDGE_SPACE))
    lead = text.rfind("\n", 0, head) + 1  # keep the first line's indentation
    if lead:
        yield Finding("blank lines before the text", (Edit(0, lead, ""),), confidence=1.0)
    tail = head + len(body)
    newline = text.find("\n", tail)
    if newline >= 0 and newline + 1 < len(text):
        yield Finding("blank lines after the text", (Edit(newline + 1, len(text), ""),),
                      confidence=1.0)
