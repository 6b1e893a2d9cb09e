"""The registry and the rules' documentation."""

import re

import pytest

from repair import Edit, Finding, all_rules, get_rule, repair
from repair.registry import DOC_SECTIONS, UnknownRule, select_rules

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented_like_ruff(rule):
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    headings = re.findall(r"^## (.+)$", rule.doc, re.M)
    assert headings == list(DOC_SECTIONS), rule.code
    assert ">>> " in rule.doc.split("## Example", 1)[1], "the example must be a doctest"


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


def test_selection_by_code_prefix_and_name():
    assert {r.code for r in select_rules(["W"])} == {r.code for r in RULES if r.family == "whitespace"}
    assert [r.code for r in select_rules(["mojibake"])] == ["E001"]
    assert "W002" not in {r.code for r in select_rules(None, ["W002"])}
    assert get_rule("w001").name == "missing-space-after-sentence-punctuation"
    with pytest.raises(UnknownRule):
        select_rules(["nonsense"])


def test_overlapping_fixes_are_settled_deterministically(monkeypatch):
    """Two rules editing the same span: the more confident wins this pass; the
    loser is retried on the repaired text and reported only if it still applies."""
    from repair import registry

    def first(doc):
        if doc.text.startswith("abc"):
            yield Finding("a", (Edit(0, 3, "xyz"),), confidence=0.9)

    def second(doc):
        if doc.text.startswith("abc"):
            yield Finding("b", (Edit(1, 2, "B"),), confidence=0.8)

    monkeypatch.setattr(registry, "select_rules", lambda *a: [
        registry.Rule("T001", "first", "test", registry.Safety.SAFE, first),
        registry.Rule("T002", "second", "test", registry.Safety.SAFE, second)])
    monkeypatch.setattr("repair.engine.select_rules", registry.select_rules)
    result = repair("abc def")
    assert result.output == "xyz def"
    assert [(f.code, f.applied) for f in result.findings] == [("T001", True), ("T002", False)]


def test_findings_are_data():
    result = repair("The cafÃ© opened.Then it closed.")
    f = result.findings[0]
    assert (f.code, f.name, f.line, f.column, f.safety.value) == ("E001", "mojibake", 1, 8, "safe")
    assert f.to_dict()["edits"] == [{"start": 7, "end": 9, "original": "Ã©", "replacement": "é"}]


def test_a_fix_deferred_to_a_later_pass_is_reported_once(monkeypatch):
    from repair import registry

    def delete_abc(doc):
        if doc.text.startswith("abc"):
            yield Finding("abc", (Edit(0, 3, ""),), confidence=0.9)

    def space_before_d(doc):
        i = doc.text.find("d")
        if i >= 0 and doc.text[i - 1:i] != " ":
            yield Finding("space", (Edit(i, i, " "),), confidence=0.8)

    monkeypatch.setattr("repair.engine.select_rules", lambda *a: [
        registry.Rule("T001", "delete-abc", "test", registry.Safety.SAFE, delete_abc),
        registry.Rule("T002", "space-before-d", "test", registry.Safety.SAFE, space_before_d)])
    result = repair("abcdef")
    assert result.output == " def"
    assert [(f.code, f.applied, f.edits[0].start) for f in result.findings] == [
        ("T001", True, 0), ("T002", True, 3)]
