"""The data a repair is made of: edits, findings, the document view and the result.

A fix is data, not a rewrite: every change is an :class:`Edit` of a character span,
grouped into a :class:`Finding` that names the rule behind it, so a change can be
explained, filtered, reviewed and undone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

__all__ = ["Document", "Edit", "Finding", "Result", "Safety"]


class Safety(str, Enum):
    """How far a fix can be trusted without review (ruff's classes).

    Safe fixes are applied by default. Unsafe fixes are guesses: shown when asked
    for (``--unsafe-fixes``), never applied by default.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``.

    An insertion has ``start == end``; a deletion an empty ``replacement``.
    ``original`` keeps what the span held, so nothing an edit removes is lost.
    """

    start: int
    end: int
    replacement: str
    original: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "original": self.original,
                "replacement": self.replacement}


@dataclass(slots=True)
class Finding:
    """One defect found by one rule, with the edits that would repair it.

    Rules create findings with a message, edits and a confidence; the engine
    stamps the rule's ``code`` and ``name``, fills each edit's ``original`` text,
    and records whether the fix was ``applied``. A finding with no edits only
    reports. Edits are offsets into the input; the rare fix that only appears
    in a later pass (once another fix has changed the text) is placed at its
    mapped position in the input, and its ``original`` is the text it replaced
    at that time.
    """

    message: str
    edits: tuple[Edit, ...] = ()
    confidence: float = 1.0
    safety: Safety | None = None  # None: the rule's default
    code: str = ""
    name: str = ""
    applied: bool = False
    # 1-based line and column of the first edit in the input the user gave.
    line: int = 0
    column: int = 0

    @property
    def start(self) -> int:
        return self.edits[0].start if self.edits else 0

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits) if self.edits else 0

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "confidence": round(self.confidence, 3),
            "safety": str(self.safety),
            "applied": self.applied,
            "line": self.line,
            "column": self.column,
            "edits": [e.to_dict() for e in self.edits],
        }


_LINE_BREAK = re.compile(r"\n")


class Document:
    """A read-only view of a text that rules share.

    Derived views (line offsets, whether it is ASCII) are computed once, on first
    use, so a rule that needs none of them costs nothing for them.
    """

    __slots__ = ("text", "__dict__")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets at which each line starts (lines end at ``\\n``)."""
        return [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each line's content, without ``\\r\\n`` or ``\\n``."""
        text, starts = self.text, self.line_starts
        spans = []
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
            if end > start and text[end - 1] == "\r":
                end -= 1
            spans.append((start, end))
        return spans

    @cached_property
    def is_ascii(self) -> bool:
        """Pure ASCII text can hold no mojibake and no invisible characters."""
        return self.text.isascii()

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def is_protected(self, start: int, end: int | None = None) -> bool:
        """Whether ``[start, end)`` touches a URL, e-mail address, domain or file
        name, whose dots and spacing are not prose.

        Only the whitespace-delimited token around the span is examined: rules
        ask at the few places they match, so the whole text is never scanned.

        >>> doc = Document("See www.example.com/News.Today or Brite.Tel today.")
        >>> doc.is_protected(24), doc.is_protected(38)
        (True, False)
        """
        text = self.text
        end = start + 1 if end is None else end
        left = text[max(0, start - _TOKEN_REACH):start]
        lo = start - len(left) + max(left.rfind(c) for c in " \t\r\n") + 1
        hi = min(_NON_SPACE.match(text, end).end(), end + _TOKEN_REACH)
        return any(m.start() < end and m.end() > start
                   for m in _PROTECTED.finditer(text, lo, hi))


_TOKEN_REACH = 300  # a token longer than this is not a URL anyone reads
_NON_SPACE = re.compile(r"\S*")

# URLs, e-mail addresses and dotted names (example.com, news.example.org, index.html).
# Every quantifier is over a class that cannot also match what follows it, so the
# pattern cannot backtrack catastrophically.
_PROTECTED = re.compile(
    r"""
      \b(?:https?|ftp)://[^\s<>"]+        # URL with a scheme
    | \bwww\.[^\s<>"]+                    # bare www. address
    | [\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+   # e-mail address (local part <= 64, as RFC 5321)
    | \b\w+(?:\.\w+){2,}                  # a.b.c dotted names (domains, versions)
    | \b[\w-]+\.(?:com|org|net|edu|gov|io|co|uk|de|fr|html?|php|aspx?|js|py|txt|pdf)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(slots=True)
class Result:
    """What a repair returns: the input, the repaired output and every finding.

    ``findings`` holds applied and unapplied findings alike; ``applied`` and
    ``pending`` split them.
    """

    text: str
    output: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.output != self.text

    @property
    def applied(self) -> list[Finding]:
        return [f for f in self.findings if f.applied]

    @property
    def pending(self) -> list[Finding]:
        return [f for f in self.findings if not f.applied]
