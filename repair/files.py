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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["InputError", "Source", "atomic_writer", "read_source", "write_atomic", "display_path"]

SNIFF = 8192  # bytes looked at for NUL bytes, as git and grep do


class InputError(Exception):
    """A file that cannot be read as text; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # as the user gave it; "-" for standard input
    text: str
    bom: bytes = b""  # the byte-order mark the file started with, written back as it was
    codec: str = "utf-8"  # the exact codec, byte order included, to write it back with

    def encode(self, text: str) -> bytes:
        """The text as the file's bytes. Raises :class:`InputError` when the
        repaired text has a character the file's encoding cannot hold."""
        try:
            return self.bom + text.encode(self.codec)
        except UnicodeEncodeError as e:
            line = text.count("\n", 0, e.start) + 1
            raise InputError(f"{self.path}: the repaired text has {text[e.start]!r} (line {line}), "
                             f"which {self.codec} cannot hold; left unchanged") from None


# Byte-order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]


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
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding")
    family = {"utf-8-sig": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}.get(info.name, info.name)
    bom, codec = b"", info.name
    if family in ("utf-8", "utf-16", "utf-32"):
        bom, codec = next(((b, c) for b, c in _BOMS if data.startswith(b) and c.startswith(family)),
                          (b"", family if family == "utf-8" else f"{family}-le"))
    if family == "utf-8":
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(f"{path}: looks like UTF-16 (it starts with a UTF-16 byte-order "
                             "mark); pass --encoding utf-16")
        nul = data.find(b"\0", 0, SNIFF)
        if nul >= 0:
            raise InputError(f"{path}: binary file (NUL byte at offset {nul}); not repaired")
    try:
        text = data[len(bom):].decode(codec)
    except UnicodeDecodeError as e:
        at = e.start + len(bom)
        line = data.count(b"\n", 0, at) + 1
        raise InputError(
            f"{path}: invalid {encoding} at byte {at} (line {line}): {e.reason}; "
            f"if the file is in another encoding, pass it, e.g. --encoding cp1252") from None
    return Source(path, text, bom, codec)


@contextmanager
def atomic_writer(path: str):
    """A binary file that replaces ``path`` all at once when the block ends: a
    temporary file in the same folder, flushed to disk, given the original's
    permissions, then renamed over it. An error or a crash at any point leaves
    the old file or the new one, never half of one. A symbolic link is followed,
    so the file it points to is replaced and the link stays."""
    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once (see :func:`atomic_writer`)."""
    with atomic_writer(path) as f:
        f.write(data)


def display_path(path: str) -> str:
    """The path as a diff header shows it: relative to the working folder, so
    that ``patch -p1`` run there finds the file.

    >>> display_path("./notes/../article.txt")
    'article.txt'
    """
    if path == "-":
        return path
    return Path(os.path.relpath(path)).as_posix()
