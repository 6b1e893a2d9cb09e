"""The rule registry: every rule registers itself here with its code, name and docs.

A rule is a pure function from a :class:`~repair.model.Document` to findings. Adding
one means writing the function in a module under ``repair/rules/`` and decorating
it with :func:`rule`; the engine finds it here and needs no change.
"""

from __future__ import annotations

import inspect
import re
from functools import lru_cache
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .model import Document, Finding, Safety

__all__ = ["Rule", "UnknownRule", "rule", "all_rules", "get_rule", "select_rules"]

Check = Callable[[Document], Iterable[Finding]]

_CODE = re.compile(r"[A-Z]{1,3}\d{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix safety")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    safety: Safety
    check: Check

    @property
    def doc(self) -> str:
        """The rule's documentation: its docstring, dedented."""
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


_RULES: dict[str, Rule] = {}


class UnknownRule(ValueError):
    """A selector that names no rule."""


def rule(code: str, name: str, *, safety: Safety = Safety.SAFE) -> Callable[[Check], Check]:
    """Register a check function as rule ``code`` (``W001``) named ``name``.

    ``safety`` is the default for its findings; a finding may lower it (a doubtful
    case of a safe rule is unsafe). The family is the module's name.
    """
    if not _CODE.fullmatch(code):
        raise ValueError(f"rule code {code!r} is not like W001")
    if not _NAME.fullmatch(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")

    def register(check: Check) -> Check:
        if code in _RULES:
            raise ValueError(f"rule code {code} registered twice")
        family = check.__module__.rsplit(".", 1)[-1]
        _RULES[code] = Rule(code, name, family, safety, check)
        return check

    return register


def _load() -> None:
    # Importing the rules package registers every rule module it imports.
    from . import rules  # noqa: F401


def all_rules() -> list[Rule]:
    """Every registered rule, in code order (which is also the order they run)."""
    _load()
    return [_RULES[c] for c in sorted(_RULES)]


def get_rule(key: str) -> Rule | None:
    """A rule by code (``W001``) or name (``missing-space-after-sentence-punctuation``)."""
    _load()
    key_upper = key.upper()
    if key_upper in _RULES:
        return _RULES[key_upper]
    return next((r for r in _RULES.values() if r.name == key), None)


def _matches(r: Rule, selectors: Sequence[str]) -> bool:
    return any(s.upper() == "ALL" or r.code.startswith(s.upper()) or r.name == s
               for s in selectors)


def select_rules(select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None) -> list[Rule]:
    """Rules chosen by code prefix or name: ``select`` (default: all) minus ``ignore``.

    An unknown selector is an error, not a silent no-op: a typo must not turn a
    rule off unnoticed.
    """
    return list(_select(tuple(select or ()), tuple(ignore or ()), len(_RULES)))


@lru_cache(maxsize=256)
def _select(select: tuple[str, ...], ignore: tuple[str, ...], _registered: int) -> tuple[Rule, ...]:
    # Cached: a batch asks for the same selection once per document. The number
    # of registered rules is part of the key, so a rule added later is seen.
    rules = all_rules()
    for s in [*(select or ()), *(ignore or ())]:
        if not any(_matches(r, [s]) for r in rules) and s.upper() != "ALL":
            raise UnknownRule(f"unknown rule selector {s!r} (see `repair rules`)")
    chosen = [r for r in rules if not select or _matches(r, select)]
    return tuple(r for r in chosen if not (ignore and _matches(r, ignore)))
