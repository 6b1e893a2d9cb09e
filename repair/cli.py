"""The command line: ``repair diff | fix | check | batch | rules | rule``.

Exit codes follow ruff: 0 nothing to change, 1 changes proposed or findings
left, 2 an error (bad input, bad options). One bad path never stops the others.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .diff import colorize, unified_diff
from .engine import Options, repair
from .files import InputError, atomic_writer, display_path, read_source, write_atomic
from .model import Edit, Finding, Result, Safety
from .pipeline import repair_records
from .registry import UnknownRule, all_rules, get_rule

OK, CHANGES, ERROR = 0, 1, 2


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    """``--select W,E001 --select S`` → ("W", "E001", "S")."""
    if not values:
        return None
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def _options(args) -> Options:
    options = Options(select=_codes(args.select), ignore=_codes(args.ignore),
                      unsafe_fixes=args.unsafe_fixes, min_confidence=args.min_confidence)
    options.rules()  # an unknown selector fails here, before any file is touched
    return options


def _shown(result: Result, options: Options) -> list[Finding]:
    """Findings worth reporting: applied ones, and pending ones above the floor."""
    return [f for f in result.findings
            if f.applied or f.confidence >= options.min_confidence]


def _error(message: str) -> None:
    print(f"repair: error: {message}", file=sys.stderr)


class Run:
    """One command over many paths: reads each, repairs it, remembers the worst
    exit status, and keeps going after a bad path."""

    def __init__(self, args) -> None:
        self.args = args
        self.options = _options(args)
        self.status = OK
        self.hidden_unsafe = 0

    def sources(self):
        for path in self.args.paths:
            try:
                source = read_source(path, self.args.encoding)
            except InputError as e:
                _error(str(e))
                self.status = ERROR
                continue
            result = repair(source.text, self.options)
            if not self.options.unsafe_fixes:
                self.hidden_unsafe += sum(1 for f in result.pending
                                          if f.edits and f.safety is Safety.UNSAFE
                                          and f.confidence >= self.options.min_confidence)
            yield source, result

    def flag(self, changes: bool) -> None:
        if changes and self.status == OK:
            self.status = CHANGES

    def finish(self) -> int:
        if self.hidden_unsafe:
            print(f"{self.hidden_unsafe} unsafe fix(es) not applied; "
                  "see them with --unsafe-fixes", file=sys.stderr)
        if self.args.exit_zero and self.status == CHANGES:
            return OK
        return self.status


def cmd_diff(args) -> int:
    run = Run(args)
    color = _want_color(args.color)
    out = sys.stdout
    for source, result in run.sources():
        # The diff is of the file's own bytes: its byte-order mark and encoding.
        bom = "\ufeff" if source.bom == codecs.BOM_UTF8 else ""
        findings = [_shifted(f, len(bom)) for f in result.findings] if bom else result.findings
        text = unified_diff(bom + source.text, bom + result.output, display_path(source.path),
                            findings)
        if color:
            text = colorize(text)
        codec = source.codec if "a\n".encode(source.codec, "ignore") == b"a\n" else "utf-8"
        out.flush()
        out.buffer.write(text.encode(codec, "replace"))
        run.flag(bool(text))
    out.flush()
    return run.finish()


def _shifted(f: Finding, by: int) -> Finding:
    return dataclasses.replace(f, edits=tuple(
        Edit(e.start + by, e.end + by, e.replacement, e.original) for e in f.edits))


def cmd_fix(args) -> int:
    run = Run(args)
    fixed_files = fixes = 0
    for source, result in run.sources():
        try:
            data = source.encode(result.output)
            if source.path == "-":
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            elif result.changed:
                write_atomic(source.path, data)
                fixed_files += 1
        except InputError as e:
            _error(str(e))
            run.status = ERROR
            continue
        except OSError as e:
            _error(f"{source.path}: cannot write: {e.strerror or e}")
            run.status = ERROR
            continue
        fixes += len(result.applied)
        left = [f for f in _shown(result, run.options) if not f.applied]
        run.flag(bool(left) or (args.exit_non_zero_on_fix and result.changed))
    if not args.quiet and args.paths != ["-"]:
        print(f"fixed {fixes} defect(s) in {fixed_files} file(s)", file=sys.stderr)
    return run.finish()


def cmd_check(args) -> int:
    run = Run(args)
    out = sys.stdout
    records = []
    for source, result in run.sources():
        shown = _shown(result, run.options)
        run.flag(bool(shown))
        path = source.path
        for f in shown:
            if args.format == "text":
                safety = "" if str(f.safety) == "safe" else ", unsafe"
                out.write(f"{path}:{f.line}:{f.column}: {f.code} {f.name}: {f.message} "
                          f"({f.confidence:.2f}{safety})\n")
            elif args.format == "github":
                out.write(f"::warning file={_gh_escape(path, True)},line={f.line},col={f.column},"
                          f"title={f.code} {f.name}::{_gh_escape(f.message)}\n")
            else:
                record = {"path": path, **f.to_dict()}
                if args.format == "jsonl":
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    records.append(record)
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return run.finish()


def _gh_escape(value: str, prop: bool = False) -> str:
    """GitHub workflow-command escaping; properties also escape ``:`` and ``,``."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def cmd_batch(args) -> int:
    options = _options(args)
    if args.output and args.input != "-" and Path(args.output).resolve() == Path(args.input).resolve():
        _error("the output file is the input file; write elsewhere, then rename")
        return ERROR
    if args.input != "-" and Path(args.input).is_dir():
        _error(f"{args.input}: is a directory")
        return ERROR
    try:
        source = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")
    except OSError as e:
        _error(f"{args.input}: cannot read: {e.strerror or e}")
        return ERROR
    try:
        with source, _output(args.output) as out:
            stats = repair_records(source, out, options, args.field, args.findings, args.jobs)
    except InputError as e:
        _error(str(e))
        return ERROR
    name = args.input if args.input != "-" else "<stdin>"
    for p in stats.problems[:args.max_problems]:
        print(f"{name}:{p.line}: {'error' if p.fatal else 'warning'}: {p.message}",
              file=sys.stderr)
    if len(stats.problems) > args.max_problems:
        print(f"{name}: ... and {len(stats.problems) - args.max_problems} more problem(s)",
              file=sys.stderr)
    if not args.quiet:
        print(f"{stats.records} record(s): {stats.changed} changed, {stats.fixes} fix(es); "
              f"{len(stats.problems)} passed through unchanged with a problem",
              file=sys.stderr)
    return ERROR if stats.errors else OK


@contextmanager
def _output(path: str | None):
    """Standard output, or ``path`` written atomically: an interrupted run leaves
    no half-written output."""
    if not path or path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if Path(path).is_dir():
        raise InputError(f"{path}: is a directory")
    with atomic_writer(path) as f:
        yield f


def cmd_rules(args) -> int:
    for r in all_rules():
        print(f"{r.code}  {r.name:<42} {r.family:<11} {r.safety!s:<7} {r.summary}")
    return OK


def cmd_rule(args) -> int:
    r = get_rule(args.code)
    if r is None:
        _error(f"no rule {args.code!r} (see `repair rules`)")
        return ERROR
    print(f"# {r.name} ({r.code})\n\nFamily: {r.family}. Default fix safety: {r.safety}.\n")
    print(r.doc)
    return OK


def _want_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def _unit_interval(value: str) -> float:
    x = float(value)
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return x


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--select", action="append", metavar="CODES",
                        help="only these rules: codes, prefixes or names, comma-separated")
    common.add_argument("--ignore", action="append", metavar="CODES",
                        help="skip these rules: codes, prefixes or names, comma-separated")
    common.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply fixes that are guesses (review them)")
    common.add_argument("--min-confidence", type=_unit_interval, default=0.0, metavar="X",
                        help="ignore findings less confident than X (0 to 1)")
    common.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when changes are proposed (errors still exit 2)")
    files = argparse.ArgumentParser(add_help=False)
    files.add_argument("paths", nargs="+", metavar="PATH", help="files to read; - for stdin")
    files.add_argument("--encoding", default="utf-8",
                       help="the files' text encoding (default utf-8)")

    top = argparse.ArgumentParser(
        prog="repair", description="Find the defects scraping leaves in plain text and "
        "propose fixes as a reviewable diff.")
    top.add_argument("--version", action="version", version=f"repair {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("diff", parents=[common, files],
                       help="show the proposed changes as a unified diff")
    p.add_argument("--color", action=argparse.BooleanOptionalAction, default=None,
                   help="colour the diff (default: on a terminal, unless NO_COLOR is set)")
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("fix", parents=[common, files],
                       help="apply the fixes (files in place, atomically; - to stdout)")
    p.add_argument("--exit-non-zero-on-fix", action="store_true",
                   help="exit 1 when anything was fixed")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(run=cmd_fix)

    p = sub.add_parser("check", parents=[common, files], help="list the findings")
    p.add_argument("--format", choices=["text", "json", "jsonl", "github"], default="text")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("batch", parents=[common],
                       help="repair one text field of each JSON Lines record")
    p.add_argument("input", metavar="INPUT.jsonl", help="JSON Lines input; - for stdin")
    p.add_argument("-o", "--output", metavar="OUTPUT.jsonl",
                   help="write here (atomically) instead of stdout")
    p.add_argument("--field", default="text", help="the field to repair (default: text)")
    p.add_argument("--findings", action="store_true",
                   help=f"add each record's findings under a {'repair'!r} key")
    p.add_argument("-j", "--jobs", type=_positive, default=1,
                   help="worker processes (default 1)")
    p.add_argument("--max-problems", type=int, default=20, metavar="N",
                   help="report at most N problem lines (default 20)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(run=cmd_batch)

    p = sub.add_parser("rules", help="list every rule")
    p.set_defaults(run=cmd_rules)
    p = sub.add_parser("rule", help="show a rule's documentation")
    p.add_argument("code", help="rule code or name, e.g. W001")
    p.set_defaults(run=cmd_rule)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except UnknownRule as e:
        _error(str(e))
        return ERROR
    except BrokenPipeError:  # `repair diff x | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
