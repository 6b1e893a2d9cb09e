"""Reading and writing the user's files without losing a byte.

Text is decoded strictly (an undecodable file is an error, never a guess), a
UTF-8 byte-order mark is remembered and written back, line endings are never
translated, and a file is replaced only by renaming a complete temporary file
over it.
"""

from __future__ import annotations

import codecs
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["InputError", "Source", "read_source", "write_atomic", "display_path"]

SNIFF = 8192  # bytes looked at for NUL bytes, as git and grep do


class InputError(Exception):
    """A file that cannot be read as text; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # as the user gave it; "-" for standard input
    text: str
    bom: bool = False
    encoding: str = "utf-8"

    def encode(self, text: str) -> bytes:
        data = text.encode(self.encoding)
        return codecs.BOM_UTF8 + data if self.bom else data


def read_source(path: str, encoding: str = "utf-8") -> Source:
    """Read ``path`` (``-``: standard input) as text, or raise :class:`InputError`."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{path}: is a directory (give the files in it)")
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    return decode(path, data, encoding)


def decode(path: str, data: bytes, encoding: str = "utf-8") -> Source:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    utf8 = codecs.lookup(encoding).name == "utf-8"
    if utf8 and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: looks like UTF-16 (it starts with a UTF-16 byte-order "
                         "mark); pass --encoding utf-16")
    nul = data.find(b"\0", 0, SNIFF)
    if utf8 and nul >= 0:
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}); not repaired")
    bom = utf8 and data.startswith(codecs.BOM_UTF8)
    try:
        text = data[len(codecs.BOM_UTF8) if bom else 0:].decode(encoding)
    except UnicodeDecodeError as e:
        at = e.start + (3 if bom else 0)
        line = data.count(b"\n", 0, at) + 1
        raise InputError(
            f"{path}: invalid {encoding} at byte {at} (line {line}): {e.reason}; "
            f"if the file is in another encoding, pass it, e.g. --encoding cp1252") from None
    return Source(path, text, bom, encoding)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file in the same
    folder, flushed to disk, given the original's permissions, then renamed over
    it. A crash at any point leaves the old file or the new one, never half."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def display_path(path: str) -> str:
    """The path as a diff header shows it: relative to the working folder, so
    that ``patch -p1`` run there finds the file.

    >>> display_path("./notes/../article.txt")
    'article.txt'
    """
    if path == "-":
        return path
    return Path(os.path.relpath(path)).as_posix()
