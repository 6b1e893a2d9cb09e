"""The engine: run the chosen rules, settle overlapping edits, apply the winners.

This is the one place where findings from different rules meet. Rules never see
each other's output within a pass; when fixes overlap, one wins (deterministically)
and the others are tried again on the repaired text in the next pass, until a pass
changes nothing. That loop is what makes ``repair(repair(x).output)`` a no-op.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Document, Edit, Finding, Result, Safety
from .registry import Rule, select_rules

__all__ = ["Options", "repair", "fix", "apply_edits"]

MAX_PASSES = 16  # each pass applies a fix or ends the loop; deferred chains are short


@dataclass(frozen=True, slots=True)
class Options:
    """Which rules run and which of their fixes are applied."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    unsafe_fixes: bool = False
    min_confidence: float = 0.0

    def rules(self) -> list[Rule]:
        return select_rules(self.select, self.ignore)

    def applies(self, finding: Finding) -> bool:
        """Whether this finding's fix is applied under these options."""
        return bool(finding.edits) and finding.confidence >= self.min_confidence and (
            self.unsafe_fixes or finding.safety is Safety.SAFE)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits in one pass over ``text``.

    >>> apply_edits("member.Last", [Edit(7, 7, " ")])
    'member. Last'
    """
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _run_rules(rules: list[Rule], doc: Document) -> list[Finding]:
    found = []
    text = doc.text
    for r in rules:
        for f in r.check(doc):
            f.code, f.name = r.code, r.name
            if f.safety is None:
                f.safety = r.safety
            f.edits = tuple(e if e.original else Edit(e.start, e.end, e.replacement,
                                                      text[e.start:e.end])
                            for e in f.edits)
            found.append(f)
    return found


def _resolve(findings: list[Finding], options: Options) -> list[Edit]:
    """Mark the findings whose fixes apply and return their edits.

    Most confident first, then by rule code and position, so the outcome never
    depends on the order rules ran in. A finding's edits are all-or-nothing; one
    that conflicts with an edit already taken waits for the next pass.
    """
    taken: list[tuple[int, int]] = []  # sorted; no two conflict
    for f in sorted((f for f in findings if options.applies(f)),
                    key=lambda f: (-f.confidence, f.code, f.start)):
        spans = sorted((e.start, e.end) for e in f.edits)
        if any(_conflicts(a, b) for a, b in zip(spans, spans[1:])) or any(
                _conflicts_taken(taken, span) for span in spans):
            continue
        for span in spans:
            bisect.insort(taken, span)
        f.applied = True
    return [e for f in findings if f.applied for e in f.edits]


def _conflicts(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edits conflict when their spans overlap, or when an insertion falls
    anywhere on the other's span, ends included: which goes first would be a
    guess. Two deletions that merely touch (``[1, 3)`` and ``[3, 5)``) do not."""
    if a[0] < a[1] and b[0] < b[1]:
        return a[0] < b[1] and b[0] < a[1]
    return a[0] <= b[1] and b[0] <= a[1]


def _conflicts_taken(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    # Taken spans do not conflict with each other, so sorted by start they are
    # sorted by end too: only the neighbours around ``span`` need a look.
    i = max(0, bisect.bisect_left(taken, (span[0], -1)) - 1)
    while i < len(taken) and taken[i][0] <= span[1]:
        if _conflicts(taken[i], span):
            return True
        i += 1
    return False


class _OffsetMap:
    """Maps offsets in a repaired text back to the text before the repair."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.new_starts: list[int] = []
        self.edits = sorted(edits, key=lambda e: e.start)
        delta = 0
        for e in self.edits:
            self.new_starts.append(e.start + delta)
            delta += len(e.replacement) - (e.end - e.start)

    def back(self, pos: int) -> int:
        i = bisect.bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        e = self.edits[i]
        new_end = self.new_starts[i] + len(e.replacement)
        # Inside a replacement: the replaced span's start. After it: shifted back.
        return e.start if pos < new_end else e.end + (pos - new_end)


def repair(text: str, options: Options | None = None, **kwargs) -> Result:
    """Find the defects in ``text`` and repair those the options allow.

    Keyword arguments are :class:`Options` fields (``select``, ``ignore``,
    ``unsafe_fixes``, ``min_confidence``).

    >>> r = repair("after Iran.Last year")
    >>> r.output
    'after Iran. Last year'
    >>> [(f.code, f.applied) for f in r.findings]
    [('W001', True)]
    >>> repair(r.output).changed
    False
    """
    if not isinstance(text, str):
        raise TypeError(f"repair() takes str, not {type(text).__name__}")
    options = options or Options(**{k: tuple(v) if isinstance(v, list) else v
                                    for k, v in kwargs.items()})
    rules = options.rules()
    original = Document(text)
    current = text
    findings: list[Finding] = []
    maps: list[_OffsetMap] = []
    first_pass = 0
    for n in range(MAX_PASSES):
        found = _run_rules(rules, Document(current) if n else original)
        edits = _resolve(found, options)
        # Later passes report only the fixes they apply: what they merely find
        # again was already reported by the first pass.
        new = found if n == 0 else [f for f in found if f.applied]
        for f in new:
            if maps:
                f.edits = tuple(_map_back(e, maps) for e in f.edits)
            f.line, f.column = original.line_col(f.start)
        findings.extend(new)
        first_pass = first_pass if n else len(findings)
        if not edits:
            break
        maps.append(_OffsetMap(edits))
        current = apply_edits(current, edits)
    if len(maps) > 1:
        # A fix that lost a conflict in the first pass and was applied in a later
        # one is reported once, as applied.
        later = {_key(f) for f in findings[first_pass:] if f.applied}
        findings = [f for f in findings[:first_pass] if f.applied or _key(f) not in later
                    ] + findings[first_pass:]
    findings.sort(key=lambda f: (f.start, f.code))
    return Result(text=text, output=current, findings=findings)


def _key(f: Finding) -> tuple:
    return f.code, tuple((e.start, e.end, e.replacement) for e in f.edits)


def _map_back(e: Edit, maps: list[_OffsetMap]) -> Edit:
    start, end = e.start, e.end
    for m in reversed(maps):
        start, end = m.back(start), m.back(end)
    return Edit(start, max(start, end), e.replacement, e.original)


def fix(text: str, **kwargs) -> str:
    """The repaired text alone: ``repair(text, **kwargs).output``.

    >>> fix("Hello  world .")
    'Hello world.'
    """
    return repair(text, **kwargs).output
