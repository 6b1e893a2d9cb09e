"""Speed benchmark: ``repair`` against ftfy on the same texts, in one run.

    python -m benchmarks.speed [--docs 2000] [--max-size 10] [--jobs 2]

Throughput (MB/s of UTF-8 input) of ``ftfy.fix_text`` (repair steps only, quotes
left curly), ``repair`` as a library (default options), ``repair fix -`` and
``repair batch`` as the CLI (subprocesses, start-up included), with the ratio to
ftfy; then how time grows with the size of one document (1 KB to 10 MB, built by
concatenating BBC articles): seconds per MB should stay flat. Figures vary with
the machine; the ratio is what to compare. Never asserted in a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import corpora

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = [("1 KB", 1_000), ("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000),
         ("10 MB", 10_000_000)]


def _mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def _best(fn, *args, repeat: int = 3) -> float:
    return min(_timed(fn, *args) for _ in range(repeat))


def _cli() -> list[str] | None:
    """How to run the CLI: the installed ``repair`` script, else ``python -m repair``."""
    try:
        import repair.cli  # noqa: F401
    except ImportError:
        return None
    exe = shutil.which("repair")
    return [exe] if exe else [sys.executable, "-m", "repair"]


def _run(cmd: list[str], stdin: bytes | None = None) -> None:
    # Exit 1 means "changes proposed", not failure.
    done = subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode > 1:
        raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")


def throughput(texts: list[str], jobs: int) -> list[dict]:
    """MB/s for each way of running, on the same texts, one after the other."""
    import ftfy

    from repair import fix
    mb = _mb(texts)
    rows = [("ftfy.fix_text", _timed(lambda: [ftfy.fix_text(t, corpora.FTFY_CONFIG) for t in texts])),
            ("repair (library)", _timed(lambda: [fix(t) for t in texts]))]
    cli = _cli()
    if cli:
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = Path(tmp) / "in.jsonl"
            jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
            joined = "\n\n".join(texts).encode("utf-8")
            rows.append(("repair fix - (CLI, one text)", _timed(_run, [*cli, "fix", "-"], joined)))
            rows.append(("repair batch (CLI, -j 1)",
                         _timed(_run, [*cli, "batch", str(jsonl), "-o", str(Path(tmp) / "o.jsonl"),
                                       "-q", "-j", "1"])))
            if jobs > 1:
                rows.append((f"repair batch (CLI, -j {jobs})",
                             _timed(_run, [*cli, "batch", str(jsonl), "-o",
                                           str(Path(tmp) / "o.jsonl"), "-q", "-j", str(jobs)])))
    ftfy_s = rows[0][1]
    return [{"tool": name, "seconds": round(s, 3), "mb_per_s": round(mb / s, 2),
             "time_vs_ftfy": round(s / ftfy_s, 2)} for name, s in rows]


def one_document(texts: list[str], size: int) -> str:
    """A single document of about ``size`` bytes: articles joined, then cut at a
    paragraph boundary (repeated if the corpus is too small)."""
    parts, total, i = [], 0, 0
    while total < size:
        t = texts[i % len(texts)]
        parts.append(t)
        total += len(t.encode("utf-8")) + 2
        i += 1
    doc = "\n\n".join(parts)
    cut = doc.rfind("\n\n", 0, size)
    return doc[:cut] if cut > size // 2 else doc[:size]


def scaling(texts: list[str], max_bytes: int) -> list[dict]:
    import ftfy

    from repair import fix
    rows = []
    for label, size in SIZES:
        if size > max_bytes:
            break
        doc = one_document(texts, size)
        mb = _mb([doc])
        repeat = 5 if size <= 100_000 else 1
        r = _best(fix, doc, repeat=repeat)
        f = _best(ftfy.fix_text, doc, corpora.FTFY_CONFIG, repeat=repeat)
        rows.append({"size": label, "bytes": len(doc.encode("utf-8")),
                     "repair_s": round(r, 4), "repair_s_per_mb": round(r / mb, 3),
                     "ftfy_s": round(f, 4), "ftfy_s_per_mb": round(f / mb, 3)})
    return rows


def render(report: dict) -> str:
    t = report["throughput"]
    out = [f"## Speed: {report['docs']} BBC articles, {report['mb']:.2f} MB, "
           f"{report['cpus']} CPUs", "",
           "| how | seconds | MB/s | time ÷ ftfy |", "|---|---:|---:|---:|"]
    out += [f"| {r['tool']} | {r['seconds']:.2f} | {r['mb_per_s']:.2f} | {r['time_vs_ftfy']:.2f} |"
            for r in t]
    if len(t) == 2:
        out.append("\n(the CLI is not available yet: `repair fix` and `repair batch` not measured)")
    out += ["", "### One document of growing size", "",
            "| size | repair s | repair s/MB | ftfy s | ftfy s/MB |", "|---|---:|---:|---:|---:|"]
    out += [f"| {r['size']} | {r['repair_s']:.4f} | {r['repair_s_per_mb']:.3f} | "
            f"{r['ftfy_s']:.4f} | {r['ftfy_s_per_mb']:.3f} |" for r in report["scaling"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=None, help="BBC articles (default all)")
    parser.add_argument("--max-size", type=float, default=10,
                        help="largest single document in MB (default 10)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for `repair batch -j`")
    parser.add_argument("--json", type=Path, default=RESULTS / "speed.json")
    args = parser.parse_args(argv)
    texts = [r["text"] for r in corpora.bbc()][:args.docs]
    if not texts:
        print("benchmarks: ../shared/corpus not found (set REPAIR_SHARED); nothing to measure.")
        return 0
    report = {"docs": len(texts), "mb": _mb(texts), "cpus": os.cpu_count(),
              "throughput": throughput(texts, args.jobs),
              "scaling": scaling(texts, int(args.max_size * 1e6))}
    print(render(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
