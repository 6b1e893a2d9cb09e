"""Reading fixture files: input and expected output side by side in one file.

Format (see fixtures/README.md): optional ``%% directive`` lines, the input, a
``%% expected`` line, the expected output. No ``%% expected`` line: a negative
case whose input must come out unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from repair import Options

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEPARATOR = "%% expected\n"


@dataclass
class Fixture:
    path: Path
    input: str
    expected: str
    options: Options
    xfail: str | None

    @property
    def id(self) -> str:
        return self.path.relative_to(FIXTURES).as_posix()


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in value.split(",") if c.strip())


def parse(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8")
    options: dict = {}
    xfail = None
    while text.startswith("%% ") and not text.startswith(SEPARATOR):
        line, _, text = text.partition("\n")
        key, _, value = line[3:].partition(":")
        key, value = key.strip(), value.strip()
        if key == "unsafe-fixes":
            options["unsafe_fixes"] = True
        elif key in ("select", "ignore"):
            options[key] = _codes(value)
        elif key == "min-confidence":
            options["min_confidence"] = float(value)
        elif key == "xfail":
            xfail = value
        else:
            raise ValueError(f"{path}: unknown directive {line!r}")
    before, sep, after = text.partition(SEPARATOR)
    return Fixture(path, before, after if sep else before, Options(**options), xfail)


def all_fixtures() -> list[Fixture]:
    return [parse(p) for p in sorted(FIXTURES.rglob("*.txt"))]
