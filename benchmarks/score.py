"""The scorer: compare a tool's output with the clean original, and the baselines.

Four numbers per tool and scenario, each answering one question a user has:

* **recall**: of the injected defects, how many does the output repair
  (:meth:`Defect.repaired`, judged from the output text alone)?
* **precision**: of the changes the tool made, how many moved the text toward the
  clean original? Each change is one difflib opcode between input and output
  tokens (words, single punctuation marks, whitespace runs), so an inserted
  quotation mark is judged mark by mark; a change counts as right when applying
  it alone brings the input closer (token Levenshtein distance) to the original.
* **content lost**: paragraphs of the original no longer found in the output
  (exactly after whitespace normalisation, else fuzzily with rapidfuzz).
* **clean changed**: the share of untouched clean documents the tool changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .simulate import Sample, normalize

__all__ = ["Tool", "baselines", "repair_tool", "oracle", "c4_filter", "score_samples",
           "score_clean", "tokens", "change_examples"]

Tool = Callable[[str], str]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


_LINE = re.compile(r"[^\n]*\n+|[^\n]+$")


def _lines(text: str) -> list[str]:
    """Lines with the blank lines after them, so blank lines never anchor a diff."""
    return _LINE.findall(normalize(text, strict=True))


def tokens(text: str) -> list[str]:
    """Words, single punctuation marks and whitespace runs (quotes made straight),
    line by line: a line break ends a token, so the two-level diff below lines up."""
    return [t for line in _lines(text) for t in _TOKEN.findall(line)]


def noop(text: str) -> str:
    return text


def ftfy_fix(text: str) -> str:
    import ftfy

    from .corpora import FTFY_CONFIG
    return ftfy.fix_text(text, FTFY_CONFIG)


_TERMINAL = (".", "!", "?", '"', "”", "'", "’")


def c4_filter(text: str) -> str:
    """The C4 line filter (Raffel et al. 2020): keep a line only if it ends in
    terminal punctuation and has at least 3 words. Blank lines are kept so the
    paragraph layout survives; the runs they leave are closed up.

    >>> c4_filter("Photo: AP\\n\\nIt rose 5% today.\\n\\nAdvertisement\\n\\nShares fell back.")
    'It rose 5% today.\\n\\nShares fell back.'
    """
    lines = text.split("\n")
    kept = [line for line in lines
            if not line.strip() or (line.rstrip().endswith(_TERMINAL) and len(line.split()) >= 3)]
    if len(kept) == len(lines):
        return text
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def repair_tool(**options) -> Tool:
    from repair import repair

    def run(text: str) -> str:
        return repair(text, **options).output
    return run


def baselines() -> dict[str, Tool]:
    """The tools compared in every table, baselines first."""
    return {"no-op": noop, "ftfy": ftfy_fix, "C4 filter": c4_filter,
            "repair": repair_tool(), "repair --unsafe": repair_tool(unsafe_fixes=True)}


def oracle(samples: Iterable[Sample]) -> Tool:
    """A tool that returns the clean original: the scorer must give it perfect marks."""
    clean = {s.text: s.clean for s in samples}
    return lambda text: clean.get(text, text)


def _opcodes(a: list, b: list) -> list[tuple[int, int, int, int]]:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _changes(text: str, output: str) -> list[tuple[int, int, list[str]]]:
    """The token changes from ``text`` to ``output`` as ``(i1, i2, new tokens)``.

    Lines are diffed first and only changed blocks token by token: one diff over
    all tokens is quadratic in the (very common) whitespace tokens.
    """
    src = [_TOKEN.findall(line) for line in _lines(text)]
    dst = [_TOKEN.findall(line) for line in _lines(output)]
    starts = [0]
    for line in src:
        starts.append(starts[-1] + len(line))
    changes = []
    for i1, i2, j1, j2 in _opcodes([tuple(x) for x in src], [tuple(x) for x in dst]):
        a = [t for line in src[i1:i2] for t in line]
        b = [t for line in dst[j1:j2] for t in line]
        changes += [(starts[i1] + k1, starts[i1] + k2, b[l1:l2]) for k1, k2, l1, l2 in _opcodes(a, b)]
    return changes


def judge_changes(text: str, output: str, clean: str) -> tuple[int, int]:
    """``(changes, right)``: the tool's changes, and how many of them either are one
    of the changes that turn ``text`` into ``clean`` (the two halves of a moved
    full stop are right only together) or, applied alone, bring ``text`` closer
    to ``clean``."""
    changes = _changes(text, output)
    if not changes:
        return 0, 0
    gold = {(i1, i2, tuple(rep)) for i1, i2, rep in _changes(text, clean)}
    src, ref = tokens(text), tokens(clean)
    base = Levenshtein.distance(src, ref)
    right = sum((i1, i2, tuple(rep)) in gold
                or Levenshtein.distance(src[:i1] + rep + src[i2:], ref) < base
                for i1, i2, rep in changes)
    return len(changes), right


_NON_WORD = re.compile(r"\W+")


def _words(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip()


def _found(par: str, text: str, cutoff: float) -> bool:
    return par in text or fuzz.partial_ratio(par, text, score_cutoff=cutoff) > 0


def lost_paragraphs(clean: str, text: str, output: str, cutoff: float = 90) -> int:
    """Paragraphs (non-blank lines) of ``clean`` found in the input ``text`` but not
    in ``output``. Only words count (a restored quote or space is not content),
    and a paragraph the defects already garbled counts only if the tool removed it."""
    src, out = _words(text), _words(output)
    if src == out:
        return 0
    pars = (_words(line) for line in clean.split("\n"))
    return sum(1 for par in pars
               if par and not _found(par, out, cutoff) and _found(par, src, cutoff))


def score_samples(samples: list[Sample], tool: Tool) -> dict:
    """Recall per kind, precision, content lost for one tool on one scenario."""
    kinds: dict[str, list[int]] = {}
    changes = right = paras = lost = 0
    for s in samples:
        output = tool(s.text)
        for d in s.defects:
            counts = kinds.setdefault(d.kind, [0, 0])
            counts[0] += d.repaired(output)
            counts[1] += 1
        n, ok = judge_changes(s.text, output, s.clean)
        changes, right = changes + n, right + ok
        paras += sum(1 for line in s.clean.split("\n") if line.strip())
        lost += lost_paragraphs(s.clean, s.text, output)
    repaired = sum(c[0] for c in kinds.values())
    total = sum(c[1] for c in kinds.values())
    return {"kinds": {k: kinds[k] for k in sorted(kinds)},
            "recall": repaired / total if total else None,
            "changes": changes, "right": right,
            "precision": right / changes if changes else None,
            "paragraphs": paras, "lost": lost, "lost_rate": lost / paras if paras else 0.0}


def _clip(s: str, n: int = 80) -> str:
    return s if len(s) <= n else f"{s[:n // 2]}…{s[-n // 2:]}"


def change_examples(text: str, output: str, limit: int = 2, context: int = 30) -> list[str]:
    """A few ``…before[old→new]after…`` snippets showing what a tool changed."""
    matcher = SequenceMatcher(None, text, output, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            old, new = _clip(text[i1:i2]), _clip(output[j1:j2])
            out.append(f"…{text[max(0, i1 - context):i1]}[{old!r}→{new!r}]"
                       f"{text[i2:i2 + context]}…".replace("\n", "⏎"))
            if len(out) == limit:
                break
    return out


def score_clean(docs: list[tuple[str, str]], tool: Tool, examples: int = 5) -> dict:
    """How many untouched ``(id, text)`` documents the tool changed, with examples."""
    changed, shown = 0, []
    for doc_id, text in docs:
        output = tool(text)
        if output != text:
            changed += 1
            if len(shown) < examples:
                shown.append({"id": doc_id, "changes": change_examples(text, output)})
    return {"docs": len(docs), "changed": changed,
            "rate": changed / len(docs) if docs else 0.0, "examples": shown}
