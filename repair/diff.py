"""The reviewable diff: one pure renderer, and colour as a separate pass.

:func:`unified_diff` renders a plain unified diff that ``patch -p1`` and
``git apply`` accept, each hunk header naming the rules behind it. :func:`colorize`
takes that text and adds terminal colour, with word-level highlights inside
changed lines: a prose paragraph is one long line, and a single inserted
quotation mark must be visible at a glance.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from difflib import SequenceMatcher

from .align import char_edits
from .model import Document, Finding

__all__ = ["unified_diff", "colorize"]

CONTEXT = 3
NO_NEWLINE = "\\ No newline at end of file\n"


def _range(start: int, stop: int) -> str:
    """A hunk range as unified diff writes it (difflib's rule)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


def _split(text: str) -> list[str]:
    """Lines ending in ``\n`` only, as patch reads them (``str.splitlines``
    would also split on form feeds, U+2028 and lone ``\r``)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _codes_by_line(text: str, findings: Iterable[Finding]) -> dict[int, set[str]]:
    """The codes of the applied findings touching each 0-based input line."""
    starts = Document(text).line_starts
    codes: dict[int, set[str]] = {}
    for f in findings:
        if f.applied and f.edits:
            first = bisect.bisect_right(starts, f.start) - 1
            last = bisect.bisect_right(starts, max(f.start, f.end - 1)) - 1
            for line in range(first, last + 1):
                codes.setdefault(line, set()).add(f.code)
    return codes


def unified_diff(before: str, after: str, path: str = "-",
                 findings: Iterable[Finding] = (), context: int = CONTEXT) -> str:
    """A unified diff from ``before`` to ``after`` with ``a/`` and ``b/`` headers.

    The text after each hunk's ``@@ ... @@`` names the codes of the applied
    findings whose edits fall in the hunk. Line endings are kept as they are, so
    CRLF text round-trips through ``patch``.

    >>> print(unified_diff("one\\ntwo.Three\\n", "one\\ntwo. Three\\n", "f.txt"), end="")
    --- a/f.txt
    +++ b/f.txt
    @@ -1,2 +1,2 @@
     one
    -two.Three
    +two. Three
    """
    if before == after:
        return ""
    a, b = _split(before), _split(after)
    by_line = _codes_by_line(before, findings)
    # A name with a space ends in a tab, as `diff -u` writes it, so `patch` reads it whole.
    end = "\t\n" if " " in path else "\n"
    out = [f"--- a/{path}{end}", f"+++ b/{path}{end}"]
    matcher = SequenceMatcher(None, a, b)
    for group in matcher.get_grouped_opcodes(context):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        # Lines a change removes or replaces; for a pure insertion, the lines around it.
        touched = {line for tag, c1, c2, _, _ in group if tag != "equal"
                   for line in (range(c1, c2) if c1 < c2 else (c1 - 1, c1))}
        codes = sorted(set().union(*(by_line.get(line, ()) for line in touched)))
        note = f" {' '.join(codes)}" if codes else ""
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@{note}\n")
        for tag, c1, c2, d1, d2 in group:
            if tag == "equal":
                out.extend(_lines(" ", a[c1:c2]))
                continue
            out.extend(_lines("-", a[c1:c2]))
            out.extend(_lines("+", b[d1:d2]))
    return "".join(out)


def _lines(prefix: str, lines: list[str]) -> Iterable[str]:
    for line in lines:
        if line.endswith("\n"):
            yield prefix + line
        else:
            yield prefix + line + "\n" + NO_NEWLINE


# ANSI styles. Word highlights reverse the line's colour so they read on any theme.
_STYLE = {"header": "\x1b[1m", "hunk": "\x1b[36m", "-": "\x1b[31m", "+": "\x1b[32m",
          "-word": "\x1b[1;7;31m", "+word": "\x1b[1;7;32m"}
_RESET = "\x1b[0m"


def colorize(diff: str) -> str:
    """Add terminal colour to a diff from :func:`unified_diff`.

    Removed and added lines that pair up one to one get word-level highlights
    on what changed between them.
    """
    lines = _split(diff)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(("--- ", "+++ ")) and i < 2:
            out.append(_paint("header", line))
        elif line.startswith("@@"):
            out.append(_paint("hunk", line))
        elif line.startswith("-"):
            minus = _run(lines, i, "-")
            plus = _run(lines, i + len(minus), "+")
            if len(minus) == len(plus):
                pairs = [_highlight(m, p) for m, p in zip(minus, plus)]
                out.extend(m for m, _ in pairs)
                out.extend(p for _, p in pairs)
            else:
                out.extend(_paint("-", m) for m in minus)
                out.extend(_paint("+", p) for p in plus)
            i += len(minus) + len(plus)
            continue
        elif line.startswith("+"):
            out.append(_paint("+", line))
        else:
            out.append(line)
        i += 1
    return "".join(out)


def _run(lines: list[str], i: int, prefix: str) -> list[str]:
    run = []
    while i < len(lines) and (lines[i].startswith(prefix) or lines[i] == NO_NEWLINE):
        if lines[i] == NO_NEWLINE:
            run[-1] += lines[i]
        else:
            run.append(lines[i])
        i += 1
    return run


def _paint(style: str, line: str) -> str:
    body, end = _split_end(line)
    return f"{_STYLE[style]}{body}{_RESET}{end}"


def _split_end(line: str) -> tuple[str, str]:
    """Split the line ending (and any no-newline marker) off a diff line."""
    cut = line.find("\n")
    cut = len(line) if cut < 0 else cut
    if cut and line[cut - 1] == "\r":
        cut -= 1
    return line[:cut], line[cut:]


def _highlight(minus: str, plus: str) -> tuple[str, str]:
    """Colour a removed and an added line, reversing the characters that differ.

    The alignment is linear (:func:`repair.align.char_edits`), so a long line
    with many changes costs no more than reading it.
    """
    (m_body, m_end), (p_body, p_end) = _split_end(minus), _split_end(plus)
    old, new = m_body[1:], p_body[1:]
    m_out, p_out = [_STYLE["-"], "-"], [_STYLE["+"], "+"]
    i = j = 0
    for e in char_edits(old, new, reach=256):
        # The unchanged text before an edit has the same length on both sides.
        j += e.start - i
        m_out.append(old[i:e.start])
        p_out.append(new[j - (e.start - i):j])
        if e.original:
            m_out.append(f"{_STYLE['-word']}{e.original}{_RESET}{_STYLE['-']}")
        if e.replacement:
            p_out.append(f"{_STYLE['+word']}{e.replacement}{_RESET}{_STYLE['+']}")
        i, j = e.end, j + len(e.replacement)
    m_out.append(old[i:])
    p_out.append(new[j:])
    return "".join(m_out) + _RESET + m_end, "".join(p_out) + _RESET + p_end
