"""Regenerate the README's demo diff and rules table from the code itself, so
they never drift from what the tool really prints. Run: python scripts/update_readme.py"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _section(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def main() -> None:
    diff = subprocess.run([sys.executable, "-m", "repair", "diff", "--no-color",
                           "examples/sco-summit.txt"], cwd=ROOT, capture_output=True,
                          text=True).stdout
    from repair import all_rules

    rows = ["| code | name | family | default fix | what it finds |", "|---|---|---|---|---|"]
    rows += [f"| {r.code} | `{r.name}` | {r.family} | {r.safety} | {r.summary} |"
             for r in all_rules()]
    text = README.read_text(encoding="utf-8")
    text = _section(text, "demo", f"```diff\n{diff}```\n")
    text = _section(text, "rules", "\n".join(rows) + "\n")
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
