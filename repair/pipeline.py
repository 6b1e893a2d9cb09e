"""Batch repair of JSON Lines: the data engineer's pre-processing step.

One record per line in, the same record out, in the same order, with one text
field repaired. Nothing is dropped: a line that is not valid JSON, or a record
without the field, is written out exactly as it came and reported, so the
output always has as many lines as the input.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context

from .engine import Options, repair

__all__ = ["BatchStats", "Problem", "repair_records"]

FINDINGS_KEY = "repair"


@dataclass(slots=True)
class Problem:
    line: int
    message: str
    fatal: bool  # malformed input (exit 2) rather than a record left as it was


@dataclass(slots=True)
class BatchStats:
    records: int = 0
    changed: int = 0
    fixes: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.fatal for p in self.problems)


def _dumps(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:  # a lone surrogate: keep it escaped
        return json.dumps(value)


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _spans(line: str) -> tuple[dict[str, list[tuple[int, int]]], int]:
    """Where each top-level member's value lies in a JSON object's text, and
    where its closing brace is. The line is known to be a valid object."""
    spans: dict[str, list[tuple[int, int]]] = {}
    i = _SPACE.match(line, 0).end() + 1  # past "{"
    while True:
        i = _SPACE.match(line, i).end()
        if line[i] == "}":
            return spans, i
        name, i = scanstring(line, i + 1)
        i = _SPACE.match(line, i).end() + 1  # past ":"
        start = _SPACE.match(line, i).end()
        _, end = _DECODER.raw_decode(line, start)
        spans.setdefault(name, []).append((start, end))
        i = _SPACE.match(line, end).end()
        if line[i] == ",":
            i += 1


def _one(job: tuple[int, bytes, str, bool, Options]) -> tuple[bytes, int, int, str | None, bool]:
    """Repair one raw line. Returns (output line, changed, fixes, problem, fatal)."""
    number, raw, key, with_findings, options = job
    body = raw.rstrip(b"\r\n")
    ending = raw[len(body):]
    if not body.strip():
        return raw, 0, 0, None, False
    try:
        record = json.loads(body)
    except (UnicodeDecodeError, ValueError) as e:
        return raw, 0, 0, f"malformed JSON ({e}); line passed through unchanged", True
    except RecursionError:
        return raw, 0, 0, "JSON nested too deeply to read; line passed through unchanged", True
    if not isinstance(record, dict):
        return raw, 0, 0, "record is not a JSON object; passed through unchanged", False
    text = record.get(key)
    if not isinstance(text, str):
        what = ("has no" if key not in record else
                f"has a {'null' if text is None else type(text).__name__}, not a string, as its")
        return raw, 0, 0, f"record {what} {key!r} field; passed through unchanged", False
    if with_findings and FINDINGS_KEY in record:
        return raw, 0, 0, (f"record already has a {FINDINGS_KEY!r} field; passed through "
                           "unchanged rather than overwrite it"), False
    result = repair(text, options)
    fixes = len(result.applied)
    if not result.changed and not with_findings:
        return raw, 0, 0, None, False  # byte for byte as it came
    line = body.decode("utf-8")
    spans, close = _spans(line)  # read again only when the line is to change
    if len(spans[key]) > 1:
        return raw, 0, 0, f"record has {key!r} more than once; passed through unchanged", False
    # Splice the repaired text into the line as it came: every other byte (number
    # formats, key order, spacing) stays as it was.
    (start, end), = spans[key]
    tail = line[end:]
    if with_findings:
        report = _dumps({"changed": result.changed,
                         "findings": [f.to_dict() for f in result.findings]})
        at = close - end
        tail = f"{tail[:at]}, {_dumps(FINDINGS_KEY)}: {report}{tail[at:]}"
    out = line[:start] + _dumps(result.output) + tail
    return out.encode("utf-8", "surrogatepass") + ending, int(result.changed), fixes, None, False


def repair_records(lines: Iterable[bytes], out, options: Options, key: str = "text",
                   with_findings: bool = False, jobs: int = 1) -> BatchStats:
    """Repair the ``key`` field of each JSON line from ``lines``, writing each
    record to the binary stream ``out`` in input order."""
    stats = BatchStats()
    jobs_in = ((n, raw, key, with_findings, options) for n, raw in enumerate(lines, 1))
    results: Iterator
    if jobs > 1:
        pool = get_context().Pool(jobs)
        results = pool.imap(_one, jobs_in, chunksize=64)
    else:
        pool, results = None, map(_one, jobs_in)
    try:
        for number, (data, changed, fixes, problem, fatal) in enumerate(results, 1):
            out.write(data)
            if data.strip():
                stats.records += 1
            stats.changed += changed
            stats.fixes += fixes
            if problem:
                stats.problems.append(Problem(number, problem, fatal))
    finally:
        if pool is not None:
            pool.terminate()
    return stats
