"""Load the development corpora from ``../shared`` without ever copying them in.

Everything here returns ``[]`` (or ``None``) when the corpora are absent, so the
benchmarks and tests can say so and skip instead of failing on a fresh clone.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["shared_dir", "corpus_dir", "bbc", "gutenberg", "pysbd_rules", "ftfy_cases",
           "seed_article", "FTFY_CONFIG"]


def shared_dir() -> Path | None:
    """``$REPAIR_SHARED`` or ``../shared`` beside the repository, if it exists."""
    env = os.environ.get("REPAIR_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"
    return path if path.is_dir() else None


def corpus_dir() -> Path | None:
    shared = shared_dir()
    return shared / "corpus" if shared and (shared / "corpus").is_dir() else None


@lru_cache(maxsize=1)
def bbc() -> tuple[dict, ...]:
    """BBC articles (id, title, category, text), exact duplicates left out so no
    article is counted twice."""
    root = corpus_dir()
    path = root / "bbc.jsonl" if root else None
    if not path or not path.is_file():
        return ()
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return tuple({k: r[k] for k in ("id", "title", "category", "text")}
                 for r in records if not r.get("duplicate_of"))


_ILLUSTRATION = re.compile(r"\[Illustration|^\s", re.MULTILINE)


@lru_cache(maxsize=1)
def gutenberg(paragraphs_per_doc: int = 12) -> tuple[dict, ...]:
    """The novels cut into documents of a dozen paragraphs each.

    The hard wrap is undone (each paragraph becomes one line): wrapping is a
    defect the simulator injects, so the clean reference must not already have it.
    Front matter, illustration blocks and centred (indented) lines are dropped.
    """
    root = corpus_dir()
    if not root or not (root / "gutenberg").is_dir():
        return ()
    docs = []
    for path in sorted((root / "gutenberg").glob("pg*.txt")):
        if path.name.endswith(".LICENSE.txt"):
            continue
        blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
        paras = [" ".join(b.split("\n")).strip() for b in blocks
                 if b.strip() and not _ILLUSTRATION.search(b)]
        first_prose = next(i for i, p in enumerate(paras) if len(p) > 300)
        paras = paras[first_prose:]
        for n, i in enumerate(range(0, len(paras) - paragraphs_per_doc + 1, paragraphs_per_doc)):
            docs.append({"id": f"{path.stem}-{n:04d}", "title": "", "category": "fiction",
                         "text": "\n\n".join(paras[i:i + paragraphs_per_doc])})
    return tuple(docs)


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pysbd_rules() -> list[dict]:
    """pySBD's English golden rules: text that ``repair`` must leave unchanged."""
    root = corpus_dir()
    path = root / "pysbd_golden_rules.jsonl" if root else None
    return _jsonl(path) if path and path.is_file() else []


def ftfy_cases() -> list[dict]:
    """ftfy's own test cases, each tagged with the file it came from."""
    root = corpus_dir()
    if not root or not (root / "ftfy_cases").is_dir():
        return []
    cases = []
    for path in sorted((root / "ftfy_cases").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append({**case, "file": path.name})
    return cases


def seed_article() -> str | None:
    shared = shared_dir()
    path = shared / "seed" / "sco-summit.txt" if shared else None
    return path.read_text(encoding="utf-8") if path and path.is_file() else None


def _ftfy_config():
    import ftfy
    # The repair steps only: no restyling, so ftfy and the E rules are comparable.
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False,
                                fix_character_width=False, fix_line_breaks=False,
                                normalization=None)


FTFY_CONFIG = _ftfy_config()
