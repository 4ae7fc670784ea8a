"""Reading the files a user names, and writing reports, without hanging, filling memory or losing the old one.

Reading: only regular files. A device (/dev/zero) never ends and a named pipe (FIFO) waits for
a writer, so both are refused before reading; the size is checked before anything is read, and
no more than the limit (and one byte) is ever read, in case the file grows meanwhile.

Writing: the text goes to a temporary file in the same folder, is flushed to the disk (fsync), and
then replaces the report in one step (os.replace), so a failed write (a full disk, say) leaves the
old report as it was, never half written. Every command's ``-o`` writes through here.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

NOT_REGULAR = "it is not a regular file (a device, a named pipe or the like)"
A_FOLDER = "it is a folder"
CHUNK = 1 << 20


class UnreadableFile(Exception):
    """The file cannot be read; ``reason`` says why in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class FileTooLarge(UnreadableFile):
    """The file is larger than the limit the caller gave (nothing more than the limit was read)."""


class UnwritableFile(Exception):
    """The output could not be written; the message names the file and the reason."""


def read_regular_file(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; UnreadableFile (or FileTooLarge) otherwise."""
    try:
        _check_kind(os.stat(path).st_mode)  # before opening: opening a device can itself do something
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        )
    except OSError as error:
        raise UnreadableFile(
            A_FOLDER if isinstance(error, IsADirectoryError) else error.strerror or str(error)
        ) from None
    try:
        status = os.fstat(fd)
        _check_kind(status.st_mode)  # what was opened, should the name now point elsewhere
        if status.st_size > limit:
            raise FileTooLarge(f"larger than {limit} bytes")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileTooLarge(f"larger than {limit} bytes")
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    finally:
        os.close(fd)


def _check_kind(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise UnreadableFile(A_FOLDER)
    if not stat.S_ISREG(mode):
        raise UnreadableFile(NOT_REGULAR)


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` whole, or leave what was there; UnwritableFile otherwise."""
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write where the link points, and keep the link
    folder = target.parent
    if target.is_dir():
        raise UnwritableFile(f"cannot write {path}: {A_FOLDER}")
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise UnwritableFile(f"cannot write {path}: the folder {folder} {what}")
    if target.exists() and not os.access(target, os.W_OK):
        raise UnwritableFile(f"cannot write {path}: the file is read-only")  # replacing it would get round that
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise UnwritableFile(
            f"cannot write {path}: the text has a character that cannot be written as UTF-8 ({error.reason})"
        ) from None
    mode = _mode_for(target)
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise UnwritableFile(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _write_all(fd: int, data: bytes) -> None:
    """Every byte, however many calls it takes (a write may take fewer bytes than it is given)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view[:CHUNK]) :]


def _mode_for(target: Path) -> int:
    """The report keeps its permissions; a new one gets those of any new file (mkstemp's are private)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
