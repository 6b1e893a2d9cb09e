"""Quality benchmark: one table per defect family, baselines in the same table.

    python -m benchmarks.quality [--sample 300] [--fiction 30] [--seed 0] [--scenario stray]

Prints the tables (markdown) and the do-no-harm checks, and writes every figure to
``benchmarks/results/quality.json``. Exits 0 with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from . import corpora
from .score import baselines, oracle, score_clean, score_samples
from .simulate import SCENARIOS, SEED_SCENARIO, base_doc, simulate

RESULTS = Path(__file__).resolve().parent / "results"


def pick_records(sample: int, fiction: int, seed: int) -> list[dict]:
    """A seeded sample of BBC articles plus Gutenberg chunks (fiction)."""
    rng = random.Random(seed)
    news, novels = list(corpora.bbc()), list(corpora.gutenberg())
    return (rng.sample(news, min(sample, len(news)))
            + rng.sample(novels, min(fiction, len(novels))))


def clean_docs(records: list[dict], seed: int) -> list[tuple[str, str]]:
    """The untouched originals, laid out exactly as the simulator lays them out."""
    out = []
    for r in records:
        paras, sep = base_doc(r, random.Random(f"{seed}:{r['id']}"))
        out.append((r["id"], sep.join(paras)))
    return out


def run(sample: int = 300, fiction: int = 30, seed: int = 0,
        scenarios: list[str] | None = None, tools: dict | None = None) -> dict:
    """Every figure of the quality benchmark, as a dict (also what the test uses)."""
    records = pick_records(sample, fiction, seed)
    titles = [r["title"] for r in corpora.bbc()]
    tools = tools or baselines()
    scenarios = scenarios or [*SCENARIOS, SEED_SCENARIO]
    clean = clean_docs(records, seed)
    report = {"sample": sample, "fiction": fiction, "seed": seed, "docs": len(records),
              "clean": {name: score_clean(clean, tool) for name, tool in tools.items()},
              "scenarios": {}}
    for scenario in scenarios:
        samples = simulate(records, scenario, seed=seed, titles=titles)
        scores = {name: score_samples(samples, tool) for name, tool in tools.items()}
        scores["(oracle)"] = score_samples(samples, oracle(samples))
        report["scenarios"][scenario] = {"docs": len(samples), "scores": scores}
    return report


def _pct(x) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def table(scenario: str, entry: dict, clean: dict) -> str:
    """One markdown table: rows are defect kinds and the summary figures, columns tools."""
    scores = {k: v for k, v in entry["scores"].items() if k != "(oracle)"}
    names = list(scores)
    first = next(iter(scores.values()))
    lines = [f"### {scenario} ({entry['docs']} documents)", "",
             "| | n | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    for kind, (_, total) in first["kinds"].items():
        cells = [_pct(scores[n]["kinds"][kind][0] / total) for n in names]
        lines.append(f"| recall {kind} | {total} | " + " | ".join(cells) + " |")
    total = sum(c[1] for c in first["kinds"].values())
    rows = [("**recall**", total, lambda s, n: _pct(s["recall"])),
            ("precision (right/changes)", "", lambda s, n: f"{_pct(s['precision'])} "
             f"({s['right']}/{s['changes']})"),
            ("content lost (paragraphs)", first["paragraphs"],
             lambda s, n: f"{_pct(s['lost_rate'])} ({s['lost']})"),
            ("clean docs changed", clean[names[0]]["docs"],
             lambda s, n: f"{_pct(clean[n]['rate'])} ({clean[n]['changed']})")]
    for label, count, cell in rows:
        lines.append(f"| {label} | {count} | " + " | ".join(cell(scores[n], n) for n in names) + " |")
    return "\n".join(lines)


def do_no_harm() -> dict:
    """pySBD golden rules must come out unchanged; the E rules must match ftfy."""
    import ftfy

    from repair import repair
    golden = corpora.pysbd_rules()
    changed = [{"id": g["id"], "text": g["text"], "output": repair(g["text"]).output}
               for g in golden if repair(g["text"]).changed]
    mismatches, expected_ok = [], 0
    cases = corpora.ftfy_cases()
    for case in cases:
        text = case["original"]
        ours = repair(text, select=["E"]).output
        theirs = ftfy.fix_text(text, corpora.FTFY_CONFIG)
        expected_ok += ours == case.get("fixed-encoding", case["fixed"])
        if ours != theirs:
            mismatches.append({"file": case["file"], "label": case["label"],
                               "original": text, "repair": ours, "ftfy": theirs})
    return {"pysbd": {"rules": len(golden), "changed": changed},
            "ftfy": {"cases": len(cases), "mismatches": mismatches,
                     "matches_expected_field": expected_ok}}


def render(report: dict, harm: dict | None) -> str:
    out = [f"## Quality: {report['docs']} documents ({report['sample']} news, "
           f"{report['fiction']} fiction), seed {report['seed']}", ""]
    for scenario, entry in report["scenarios"].items():
        out += [table(scenario, entry, report["clean"]), ""]
        bad = {k: v for k, v in entry["scores"]["(oracle)"].items()
               if k in ("recall", "precision", "lost") and v not in (1.0, None, 0)}
        if bad:
            out += [f"**self-check failed** (oracle not perfect): {bad}", ""]
    out += ["### Clean documents changed (examples)", ""]
    for name, c in report["clean"].items():
        if c["examples"]:
            out.append(f"- **{name}**: {c['changed']}/{c['docs']} changed")
            out += [f"  - {e['id']}: {' '.join(e['changes'])}" for e in c["examples"]]
    if harm:
        p, f = harm["pysbd"], harm["ftfy"]
        out += ["", "### Do no harm", "",
                f"- pySBD golden rules changed by `repair`: {len(p['changed'])}/{p['rules']}"]
        out += [f"  - {c['id']}: {c['text']!r} → {c['output']!r}" for c in p["changed"]]
        out.append(f"- ftfy test cases where `repair --select E` differs from ftfy: "
                   f"{len(f['mismatches'])}/{f['cases']} (agreeing with the cases' own expected "
                   f"field: {f['matches_expected_field']}/{f['cases']})")
        out += [f"  - {m['file']}: {m['label']}: repair {m['repair']!r} vs ftfy {m['ftfy']!r}"
                for m in f["mismatches"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=300, help="news articles (default 300)")
    parser.add_argument("--fiction", type=int, default=None,
                        help="Gutenberg chunks (default: a tenth of --sample)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", action="append", choices=[*SCENARIOS, SEED_SCENARIO],
                        help="only this scenario (repeatable)")
    parser.add_argument("--json", type=Path, default=RESULTS / "quality.json")
    args = parser.parse_args(argv)
    if not corpora.bbc():
        print("benchmarks: ../shared/corpus not found (set REPAIR_SHARED); nothing to measure.")
        return 0
    fiction = args.sample // 10 if args.fiction is None else args.fiction
    started = time.perf_counter()
    report = run(args.sample, fiction, args.seed, args.scenario)
    harm = do_no_harm()
    report["do_no_harm"] = harm
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(render(report, harm))
    print(f"\n({report['seconds']} s)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
