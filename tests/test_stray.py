"""The stray-line rules (S001-S010): the seed article, each rule on its fixture,
deletion spans, and the false-removal rate on clean corpora."""

from __future__ import annotations

import json

import pytest

from repair import repair
from repair.model import Document
from repair.rules.stray import stray_lines

from .fixtures import FIXTURES, ROOT, parse

SEED = ROOT / "examples" / "sco-summit.txt"  # the seed article, as scraped
CORPUS = ROOT.parent / "shared" / "corpus"

SEED_STRAY = {
    "Sergei Guneev/Sputnik/Reuters",
    "Russian President Vladimir Putin and Chinese leader Xi Jinping attend a bilateral meeting on "
    "the sidelines of the Shanghai Cooperation Organization summit in Astana, Kazakhstan, July 3, 2024.",
    "Hong Kong",
    "This story has been updated with additional information.",
}


def _removed(result) -> set[str]:
    """The lines the stray rules proposed to delete (applied or not)."""
    return {f.edits[0].original.strip() for f in result.findings if f.code.startswith("S")}


# --------------------------------------------------------------------------- seed

def test_seed_article_exactly_its_four_stray_lines():
    text = SEED.read_text(encoding="utf-8")
    result = repair(text)
    assert _removed(result) == SEED_STRAY
    assert all(f.applied for f in result.findings if f.code.startswith("S"))
    out = result.output
    assert out.startswith("Xi Jinping urges regional leaders")  # the headline stays
    for line in SEED_STRAY:
        assert line not in out.splitlines()
    assert "\n\n\n" not in out.strip()
    assert repair(out).output == out


# --------------------------------------------------------------------------- each rule

RULE_FIXTURES = {
    "S001": "credit-slash-agency.txt",
    "S002": "caption-date.txt",
    "S003": "dateline-known-city.txt",
    "S004": "byline.txt",
    "S005": "timestamp.txt",
    "S006": "footer.txt",
    "S007": "promotion.txt",
    "S008": "related.txt",
    "S009": "markup.txt",
    "S010": "repeated-paragraph.txt",
}


@pytest.mark.parametrize("code", sorted(RULE_FIXTURES))
def test_rule_fires_on_its_fixture(code):
    """Each rule alone repairs its fixture (tests/test_fixtures.py runs them all)."""
    fixture = parse(FIXTURES / "stray" / RULE_FIXTURES[code])
    result = repair(fixture.input, select=[code])
    assert any(f.code == code and f.applied for f in result.findings)
    assert result.output == fixture.expected


# --------------------------------------------------------------------------- deletion spans

def test_lone_line_takes_one_blank_line_with_it():
    body = "The next paragraph begins here, with enough words in it to read as prose.\n"
    assert repair("Summit opens\n\nHong Kong\n\n" + body, select=["S"]).output == \
        "Summit opens\n\n" + body


def test_crlf_line_endings():
    text = ("The bridge reopened on Friday after a long wait.\r\n\r\nAdvertisement\r\n\r\n"
            "Traffic was light on the first day.\r\n")
    assert repair(text, select=["S"]).output == (
        "The bridge reopened on Friday after a long wait.\r\n\r\nTraffic was light on the first day.\r\n")


def test_last_line_removed_keeps_final_line_break():
    text = "The talks ended without a deal, officials said.\n\nAdvertisement\n"
    assert repair(text, select=["S"]).output == "The talks ended without a deal, officials said.\n"


def test_headline_is_never_a_weak_candidate():
    text = "Reuters Pool\n\nThe talks ended without a deal, officials said on Friday evening.\n"
    lines = stray_lines(Document(text))
    assert all(r.line != 0 or r.strong for r in lines)
    assert repair("Minister visits troops in Basra\n\nThe minister arrived on Monday and "
                  "met commanders at the base.\n", select=["S"]).changed is False


def test_messages_say_why():
    result = repair("Talks resume\nSergei Guneev/Sputnik/Reuters\n\nThe talks resumed on Monday "
                    "after a break of two weeks.\n", select=["S001"])
    (finding,) = result.findings
    assert "agency" in finding.message and "Sputnik" in finding.message
    assert finding.edits[0].original == "Sergei Guneev/Sputnik/Reuters\n"


def test_doubtful_is_unsafe():
    # Two bare names separated by '/' may be a headline ("Jekyll/Hyde"): unsafe only.
    text = ("The play opened in March.\n\nLondon Players/Harbour Theatre\n\n"
            "Critics were kind to it and the run was extended.\n")
    result = repair(text, select=["S"])
    assert not result.changed
    assert all(f.safety == "unsafe" for f in result.findings)


# --------------------------------------------------------------------------- clean corpora

def _rate(texts: list[str]) -> tuple[float, list[str]]:
    removed, chars = [], 0
    for text in texts:
        chars += len(text)
        for f in repair(text, select=["S"]).findings:
            if f.applied:
                removed.append(f.edits[0].original.strip())
    return len(removed) / chars * 100_000, removed


@pytest.mark.skipif(not (CORPUS / "bbc.jsonl").is_file(), reason="../shared corpus absent")
def test_clean_bbc_articles_keep_their_lines():
    with (CORPUS / "bbc.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    texts = [r["title"] + "\n\n" + r["text"] for r in records]
    rate, removed = _rate(texts)
    assert rate <= 1.0, removed[:20]


@pytest.mark.skipif(not (CORPUS / "gutenberg").is_dir(), reason="../shared corpus absent")
@pytest.mark.parametrize("novel", ["pg1342_pride_and_prejudice.txt",
                                   "pg1661_adventures_of_sherlock_holmes.txt"])
def test_novels_keep_their_lines(novel):
    path = CORPUS / "gutenberg" / novel
    if not path.is_file():
        pytest.skip(f"{novel} absent")
    text = path.read_text(encoding="utf-8")
    # As wrapped, and unwrapped (one paragraph a line), as the benchmark lays them out.
    unwrapped = "\n\n".join(" ".join(b.split()) for b in text.split("\n\n") if b.strip())
    for version in (text, unwrapped):
        rate, removed = _rate([version])
        assert rate <= 1.0, removed[:20]


@pytest.mark.parametrize("text", ["x", "Listen!", "Home", "Reuters", "By Jane Austen",
                                  "Copyright 2024", "2 hours ago", "1 of 3",
                                  "Follow me on Twitter", "Read more: the best books of 2024",
                                  "Advertisement\n\nSign up for our newsletter\n"])
def test_a_text_is_never_deleted_whole(text):
    """With no article around them, there is nothing to tell stray lines from."""
    assert repair(text).output == text


def test_timestamp_lines_with_long_digit_runs_are_not_timestamps():
    """A repeated regex group over date tokens backtracked exponentially on
    these lines (hours at this length); they are read token by token now."""
    prose = "The committee met on Tuesday to discuss the budget and agreed to meet again soon."
    more = "Members said they expected a long session, with many questions still to settle."
    text = f"Head\n\n2024 {'1' * 60}x\n\n{prose}\n\nPosted on {'at on ' * 12}zz 2024\n\n{more}\n"
    assert repair(text).output == text
