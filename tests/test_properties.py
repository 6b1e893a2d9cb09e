"""Properties that must hold for any text whatsoever (hypothesis)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unittest import mock

from repair import Options, apply_edits, repair
from repair.diff import unified_diff

# Pieces of scraped text: words, the defects the rules look for, and the lookalikes
# they must leave alone, so that random texts exercise every rule and its guards.
PIECES = ["the", "The", "Xi", "bloc", "U.S.", "a.m.", "2.5", "10:30", ".", ",", ";", "!", "?",
          " ", "  ", "   ", "    ", "\t", "\n", "\n\n", "\r\n", "Ã©", "â€™", "&amp;", "&lt;", "<b>",
          "\u200b", "\u00ad", "\x00", "\x1b[1m", "\ufeff", "\ud83d", "\ude00", "...", "“", "”",
          "http://x.com/a.Html", "a@b.org", "Brite.Tel", "Last", "member.Last", " .", "é", "中文"]
scraped = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=200), scraped,
                     st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x3000),
                             max_size=100))
options = st.builds(Options, unsafe_fixes=st.booleans(),
                    min_confidence=st.sampled_from([0.0, 0.6, 0.99]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, options)
def test_never_crashes_and_is_idempotent(text, opts):
    result = repair(text, opts)
    assert isinstance(result.output, str)
    assert repair(result.output, opts).output == result.output


@settings(max_examples=300, deadline=None)
@given(any_text, options)
def test_applied_edits_never_overlap_and_keep_what_they_replace(text, opts):
    with mock.patch("repair.engine.MAX_PASSES", 1):  # one pass: edits all on the input
        result = repair(text, opts)
    spans = sorted((e.start, e.end) for f in result.applied for e in f.edits)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2 and (s1 < e1 and s2 < e2 or e1 < s2)  # an insertion never touches
    assert all(text[e.start:e.end] == e.original for f in result.findings for e in f.edits)
    assert apply_edits(text, [e for f in result.applied for e in f.edits]) == result.output
    for f in result.findings:
        assert 0.0 <= f.confidence <= 1.0
        assert f.code and f.name and f.message


@settings(max_examples=40, deadline=None)
@given(scraped)
def test_diff_applied_with_patch_gives_the_fixed_text(text):
    if not shutil.which("patch"):
        return
    result = repair(text)
    diff = unified_diff(text, result.output, "doc.txt", result.findings)
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp, "doc.txt")
        doc.write_bytes(text.encode("utf-8", "surrogatepass"))
        if diff:
            subprocess.run(["patch", "-p1", "--quiet", "--binary"], input=diff.encode(
                "utf-8", "surrogatepass"), cwd=tmp, check=True, capture_output=True)
        assert doc.read_bytes() == result.output.encode("utf-8", "surrogatepass")
