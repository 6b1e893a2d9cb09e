"""The command line, run as a user runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .fixtures import FIXTURES

SEED = FIXTURES / "seed" / "sco-summit.txt"
DIRTY = "The cafÃ© opened.Then  it closed .\n"
CLEAN = "The café opened. Then it closed.\n"


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None, env: dict | None = None):
    return subprocess.run([sys.executable, "-m", "repair", *args], input=stdin,
                          capture_output=True, cwd=cwd, env={**os.environ, **(env or {})},
                          timeout=120)


@pytest.fixture
def seed_text() -> str:
    from .fixtures import parse

    return parse(SEED).input


# -- diff ---------------------------------------------------------------------------

def test_diff_of_the_seed_applies_with_patch_and_equals_fix(tmp_path, seed_text):
    article = tmp_path / "article.txt"
    article.write_text(seed_text, encoding="utf-8")
    diff = run("diff", "article.txt", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    out = diff.stdout.decode()
    assert out.startswith("--- a/article.txt\n+++ b/article.txt\n")
    assert "\x1b[" not in out  # piped: no colour
    assert all(line.split("@@")[2].strip() for line in out.splitlines()
               if line.startswith("@@"))  # every hunk names its rules

    fixed = run("fix", "-", stdin=seed_text.encode())
    assert fixed.returncode in (0, 1), fixed.stderr

    if shutil.which("patch"):
        patched = subprocess.run(["patch", "-p1", "--quiet"], input=diff.stdout, cwd=tmp_path,
                                 capture_output=True)
        assert patched.returncode == 0, patched.stderr
        assert article.read_bytes() == fixed.stdout

    again = run("fix", "-", stdin=fixed.stdout)
    assert again.stdout == fixed.stdout


def test_diff_applies_with_git_apply(tmp_path):
    if not shutil.which("git"):
        pytest.skip("git not installed")
    (tmp_path / "a.txt").write_bytes(b"line one  \r\nsecond.The end\r\nno newline ")
    diff = run("diff", "a.txt", cwd=tmp_path).stdout
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    applied = subprocess.run(["git", "apply", "-"], input=diff, cwd=tmp_path,
                             capture_output=True)
    assert applied.returncode == 0, applied.stderr
    assert (tmp_path / "a.txt").read_bytes() == b"line one\r\nsecond. The end\r\nno newline"


def test_diff_nothing_to_change_exits_0(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN)
    r = run("diff", str(tmp_path / "clean.txt"))
    assert (r.returncode, r.stdout) == (0, b"")


def test_diff_colour_is_forced_or_refused(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    coloured = run("diff", "--color", "a.txt", cwd=tmp_path).stdout.decode()
    assert "\x1b[32m" in coloured and "\x1b[1;7;32m" in coloured  # word-level highlight
    plain = run("diff", "--no-color", "a.txt", cwd=tmp_path).stdout.decode()
    assert "\x1b[" not in plain
    no_color = run("diff", "a.txt", cwd=tmp_path, env={"NO_COLOR": "1"}).stdout.decode()
    assert "\x1b[" not in no_color


# -- fix ----------------------------------------------------------------------------

def test_fix_rewrites_in_place_keeping_the_mode(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    f.chmod(0o640)
    r = run("fix", str(f))
    assert r.returncode == 0, r.stderr
    assert f.read_text(encoding="utf-8") == CLEAN
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary left
    assert run("fix", str(f)).returncode == 0 and f.read_text(encoding="utf-8") == CLEAN


def test_fix_stdin_to_stdout():
    r = run("fix", "-", stdin=DIRTY.encode())
    assert (r.returncode, r.stdout.decode()) == (0, CLEAN)


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfBOM kept.The end\n",            # UTF-8 byte-order mark
    b"CRLF kept.The end\r\nline two\r\n",         # Windows line endings
    b"no final newline kept.The end",              # missing final newline
    b"",                                           # empty file: fine
])
def test_round_trip_byte_for_byte(tmp_path, data):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    r = run("fix", str(f))
    assert r.returncode == 0, r.stderr
    assert f.read_bytes() == data.replace(b"kept.The", b"kept. The")
    assert run("fix", "-", stdin=data).stdout == f.read_bytes()


def test_other_encodings_are_read_and_written_back(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Caf\xe9.The end\n".encode("cp1252"))
    r = run("fix", "--encoding", "cp1252", str(f))
    assert r.returncode == 0, r.stderr
    assert f.read_bytes() == "Caf\xe9. The end\n".encode("cp1252")


# -- bad input ----------------------------------------------------------------------

def test_missing_path_is_an_error_but_the_others_are_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(DIRTY)
    r = run("fix", str(tmp_path / "missing.txt"), str(good))
    assert r.returncode == 2
    assert b"missing.txt: no such file" in r.stderr
    assert good.read_text() == CLEAN


def test_directory_binary_and_invalid_utf8_are_clear_errors(tmp_path):
    (tmp_path / "bin.dat").write_bytes(b"PK\x03\x04\x00\x00binary")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine line\ncaf\xe9 au lait.The end\n")
    for args, message in [((str(tmp_path),), b"is a directory"),
                          ((str(tmp_path / "bin.dat"),), b"binary file"),
                          ((str(bad),), b"invalid utf-8 at byte 13 (line 2)")]:
        r = run("fix", *args)
        assert r.returncode == 2
        assert message in r.stderr
        errors = [x for x in r.stderr.splitlines() if x.startswith(b"repair: error:")]
        assert len(errors) == 1, r.stderr  # one clear line
    assert b"--encoding" in run("fix", str(bad)).stderr
    assert bad.read_bytes() == b"fine line\ncaf\xe9 au lait.The end\n"  # never written


def test_unknown_rule_and_bad_option_are_errors(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    r = run("check", "--select", "Z999", str(tmp_path / "a.txt"))
    assert r.returncode == 2 and b"unknown rule selector 'Z999'" in r.stderr
    assert run("check", "--min-confidence", "2", str(tmp_path / "a.txt")).returncode == 2


# -- check --------------------------------------------------------------------------

def test_check_formats(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY)
    text = run("check", str(f))
    assert text.returncode == 1
    lines = text.stdout.decode().splitlines()
    assert lines[0] == f"{f}:1:8: E001 mojibake: mojibake 'Ã©' should read 'é' (1.00)"
    assert any(":1:18: W001 missing-space-after-sentence-punctuation:" in x for x in lines)

    records = json.loads(run("check", "--format", "json", str(f)).stdout)
    assert {r["code"] for r in records} == {"E001", "W001", "W002", "W003"}
    assert records[0]["edits"][0] == {"start": 7, "end": 9, "original": "Ã©",
                                      "replacement": "é"}
    jsonl = run("check", "--format", "jsonl", str(f)).stdout.decode().splitlines()
    assert [json.loads(x) for x in jsonl] == records
    github = run("check", "--format", "github", str(f)).stdout.decode()
    assert github.startswith(f"::warning file={f},line=1,col=8,title=E001 mojibake::")


def test_select_ignore_unsafe_and_min_confidence(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Talks in Paris.Moscow agreed  today.\n")
    fixed = lambda *a: run("fix", *a, "-", stdin=f.read_bytes()).stdout.decode()  # noqa: E731
    assert fixed() == "Talks in Paris.Moscow agreed today.\n"  # the guess is not applied
    assert fixed("--unsafe-fixes") == "Talks in Paris. Moscow agreed today.\n"
    assert fixed("--unsafe-fixes", "--min-confidence", "0.6") == "Talks in Paris.Moscow agreed today.\n"
    assert fixed("--select", "W001", "--unsafe-fixes") == "Talks in Paris. Moscow agreed  today.\n"
    assert fixed("--ignore", "multiple-spaces") == "Talks in Paris.Moscow agreed  today.\n"
    r = run("fix", "-", stdin=f.read_bytes())
    assert r.returncode == 1 and b"1 unsafe fix(es) not applied" in r.stderr


# -- rules --------------------------------------------------------------------------

def test_rules_and_rule_docs():
    listing = run("rules").stdout.decode()
    assert "W001  missing-space-after-sentence-punctuation" in listing
    doc = run("rule", "W001")
    assert doc.returncode == 0
    for section in ("## What it does", "## Why it matters", "## Example", "## Fix safety"):
        assert section.encode() in doc.stdout
    assert run("rule", "mojibake").stdout.startswith(b"# mojibake (E001)")
    assert run("rule", "X001").returncode == 2


# -- batch --------------------------------------------------------------------------

def _records():
    return [{"id": 1, "text": DIRTY, "meta": {"k": [1, 2]}},
            {"id": 2, "text": CLEAN},
            {"id": 3, "body": "no text field"},
            {"id": 4, "text": "Ünïcödé stays.\n", "n": 1.5}]


def test_batch_repairs_the_field_and_keeps_everything_else(tmp_path):
    lines = [json.dumps(r, ensure_ascii=False) for r in _records()]
    raw = ("\n".join(lines) + "\n").encode()
    r = run("batch", "-", stdin=raw)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode().splitlines()
    assert json.loads(out[0]) == {**_records()[0], "text": CLEAN}
    assert out[1:] == lines[1:]  # untouched records come out byte for byte
    assert b":3: warning: record has no 'text' field" in r.stderr


def test_batch_findings_keep_what_was_removed(tmp_path):
    raw = (json.dumps({"text": DIRTY}) + "\n").encode()
    record = json.loads(run("batch", "--findings", "-", stdin=raw).stdout)
    report = record["repair"]
    assert report["changed"] is True
    assert {"original": "Ã©", "replacement": "é", "start": 7, "end": 9} in [
        e for f in report["findings"] for e in f["edits"]]


def test_batch_malformed_line_is_reported_and_never_dropped(tmp_path):
    raw = b'{"text": "done.The"}\n{"text": broken\n\n{"text": "ok"}'
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(raw)
    r = run("batch", str(src), "-o", str(dst))
    assert r.returncode == 2
    assert f"{src}:2: error: malformed JSON".encode() in r.stderr
    out = dst.read_bytes().split(b"\n")
    assert out == [b'{"text": "done. The"}', b'{"text": broken', b"", b'{"text": "ok"}']


def test_batch_jobs_keep_order(tmp_path):
    records = [{"i": i, "text": f"Record {i}.The end  "} for i in range(300)]
    raw = "".join(json.dumps(r) + "\n" for r in records).encode()
    r = run("batch", "-j", "2", "-", stdin=raw)
    assert r.returncode == 0, r.stderr
    got = [json.loads(x) for x in r.stdout.splitlines()]
    assert [g["i"] for g in got] == list(range(300))
    assert all(g["text"] == f"Record {g['i']}. The end" for g in got)


def test_batch_refuses_to_overwrite_its_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "x"}\n')
    assert run("batch", str(src), "-o", str(src)).returncode == 2
    assert src.read_bytes() == b'{"text": "x"}\n'


def test_the_demo_article_is_the_seed_fixture():
    from .fixtures import ROOT, parse

    assert (ROOT / "examples" / "sco-summit.txt").read_text(encoding="utf-8") == parse(SEED).input


def test_fix_follows_a_symlink_and_keeps_it(tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text(DIRTY)
    link.symlink_to(target.name)
    assert run("fix", str(link)).returncode == 0
    assert link.is_symlink() and target.read_text() == CLEAN


def test_unencodable_repair_is_an_error_and_the_file_is_untouched(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(b"It&#8217;s here.\n")
    r = run("fix", "--encoding", "latin-1", str(f))
    assert r.returncode == 2 and b"cannot hold" in r.stderr and b"Traceback" not in r.stderr
    assert f.read_bytes() == b"It&#8217;s here.\n"


def test_utf16_keeps_its_byte_order_and_mark(tmp_path):
    f = tmp_path / "be.txt"
    f.write_bytes(codecs.BOM_UTF16_BE + "Done.The end\n".encode("utf-16-be"))
    assert run("fix", "--encoding", "utf-16", str(f)).returncode == 0
    assert f.read_bytes() == codecs.BOM_UTF16_BE + "Done. The end\n".encode("utf-16-be")


def test_diff_of_a_file_with_a_bom_applies(tmp_path):
    if not shutil.which("patch"):
        pytest.skip("patch not installed")
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfFirst.The end\nsecond line\n")
    diff = run("diff", "bom.txt", cwd=tmp_path).stdout
    assert subprocess.run(["patch", "-p1", "--quiet"], input=diff, cwd=tmp_path).returncode == 0
    assert f.read_bytes() == b"\xef\xbb\xbfFirst. The end\nsecond line\n"


def test_batch_errors_are_one_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "x"}\n' + b"[" * 100_000 + b"\n")
    r = run("batch", str(src), "-o", str(tmp_path / "missing" / "out.jsonl"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    r = run("batch", str(src))
    assert r.returncode == 2 and b":2: error: JSON nested too deeply" in r.stderr
    assert r.stdout.split(b"\n")[1] == b"[" * 100_000  # passed through, not dropped


def test_batch_changes_only_the_field_bytes():
    """Numbers, spacing and key order of a changed record stay as they came;
    a record with the field twice is not guessed at."""
    raw = (b'{ "n": 1e400, "f": 1.10, "text" : "a  b" , "g": 1E5 }\n'
           b'{"text": "dup  one .", "text": "dup  two ."}\n')
    r = run("batch", "-", stdin=raw)
    out = r.stdout.split(b"\n")
    assert out[0] == b'{ "n": 1e400, "f": 1.10, "text" : "a b" , "g": 1E5 }'
    assert out[1] == b'{"text": "dup  one .", "text": "dup  two ."}'
    assert b":2: warning: record has 'text' more than once" in r.stderr


def test_diff_of_a_path_with_a_space_applies(tmp_path):
    if not shutil.which("patch"):
        pytest.skip("patch not installed")
    f = tmp_path / "with space.txt"
    f.write_text(DIRTY)
    diff = run("diff", "with space.txt", cwd=tmp_path).stdout
    assert subprocess.run(["patch", "-p1", "--quiet"], input=diff, cwd=tmp_path).returncode == 0
    assert f.read_text() == CLEAN
