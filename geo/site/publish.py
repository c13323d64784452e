"""Publishing a site: built in a folder beside its path, then put in its place in one step,
one build at a time.

``publishing(out)`` gives the build an empty folder beside ``out``
(``.<name>.build-<random>``) and, when the build completes, exchanges it with the site at
``out`` in one atomic step, then removes the old site.  The choice, and why:

* **One exchange of two real folders** (Linux ``renameat2(RENAME_EXCHANGE)``, called
  through ctypes).  The path stays a real folder, so what users and hosts do with it does
  not change: ``open site/index.html``, ``cp -r``, ``rsync``, a zip or a static host's
  upload all see plain files, and a site left at ``--out`` by an older build is simply
  exchanged.  The other design, a symbolic link at the path replaced by ``os.replace``
  (also atomic), would make ``site`` a link to ``.site.<version>``: a copy of the folder
  that keeps links (``cp -r``, ``rsync -a``, many upload actions) would then carry a
  dangling link, and a real folder left by an older build cannot be replaced by a link in
  one step anyway.  At every moment the path holds the complete old site or the
  complete new one; a reader never sees it missing or half-written.
* **Where the exchange is not available** (another system, a filesystem that refuses the
  flag, such as some network filesystems): two renames, the old site first moved to
  ``.<name>.old-<random>``.  A run killed between the two leaves that folder, and the next
  build puts it back at the path before anything else: the site is still never lost,
  but for that moment the path is empty.
* **One build at a time** per path: the build holds an exclusive ``flock`` on
  ``.<name>.lock`` beside the site from before it makes its folder until the old site is
  removed (its ``--jobs`` workers close their inherited copy, so none holds it on).  A
  second build to the same path is refused at once with an error naming the lock file
  and the process that holds it; two builds never interleave.  The lock file stays
  (removing it would let a third build lock a file that no longer has that name).
* **Leftovers**: a build killed outright (SIGKILL, a power cut) leaves its
  ``.<name>.build-*`` folder; the next build to the same path, holding the lock, removes
  every such folder (no other build can be using them).  Stopped by SIGINT or SIGTERM, a
  build removes its own folder on its way out.
* **Not a site**: a folder at the path that is neither empty nor a site (``index.html``
  and ``data/map-data.js``) is never replaced: ``--out ~`` must not remove a home folder.

Atomic here means against a stopped or killed process.  Against a power cut the new
files would also need fsync before the exchange, which the build does not pay for.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

from geo.errors import OutputError
from geo.io import alive, stops_deferred

try:
    import fcntl
except ImportError:  # not a POSIX system: no lock
    fcntl = None  # type: ignore[assignment]

__all__ = ["lock_path", "publishing"]

_SITE_FILES = ("index.html", "data/map-data.js")  # a folder with these is a site a build made
_HELD: set[int] = set()  # the lock files this process holds open
_HOLDER_TRIES = 50  # reads of a lock's holder, 10 ms apart


def _let_go_in_a_child() -> None:
    """A process forked while a lock is held (a --jobs worker) closes its copy: a flock
    belongs to the open file, and a worker left running by a killed build would otherwise
    hold the lock on until it ended."""
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_in_a_child)


def lock_path(out: Path) -> Path:
    """The lock file of a site's path: ``.<name>.lock`` beside it."""
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def publishing(out: str | Path) -> Iterator[Path]:
    """An empty folder beside ``out`` to build a site in; when the block completes, the
    folder takes the place of ``out`` in one step.  Whatever ends the block otherwise (an
    error, SIGINT, SIGTERM), ``out`` is as it was and the folder is removed."""
    out = Path(os.path.abspath(out))  # "." and "site/" have a name and a folder beside them
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out.parent, f"cannot make the folder of the site: {_reason(exc)}") from None
    _check_replaceable(out)  # before the lock, so that a refused --out is left without one
    with _locked(out):
        _restore_or_remove_leftovers(out)
        _check_replaceable(out)
        work: Path | None = None
        try:
            with stops_deferred():  # a stop waits until the folder is known to the cleanup below
                work = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
            work.chmod(0o755)  # mkdtemp makes it private; a static host must read it
            yield work
            _swap(work, out)  # work now holds the old site, if there was one
        except (OSError, sqlite3.Error) as exc:  # a full disk, a folder made read-only ...
            raise OutputError(out, f"cannot build the site: {_reason(exc)}; the site there is as it was") from exc
        finally:
            if work is not None:
                _remove(work)


def _reason(exc: Exception) -> str:
    if not isinstance(exc, OSError):
        return str(exc)  # SQLite's: "database or disk is full", "disk I/O error"
    reason = exc.strerror or str(exc)
    return f"{reason}: {exc.filename}" if exc.filename else reason


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold the lock of ``out``'s path, or refuse at once naming the lock and its holder."""
    path = lock_path(out)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(path, f"cannot make the lock file of {out}: {_reason(exc)}") from None
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputError(path, f"another build ({_holder(fd)}) is publishing to {out} and holds this lock; "
                                        f"wait for it to end, or choose another --out") from None
        _HELD.add(fd)
        mark = f"{os.getpid()}\n".encode()
        os.pwrite(fd, mark, 0)  # in one write, then cut: the file is never seen empty
        os.ftruncate(fd, len(mark))
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    """Who holds a lock: the process whose number it wrote.  A holder writes it just
    after it takes the lock, so until then the file holds the last holder's (ended)
    process, or nothing: wait a moment for a live one."""
    for _ in range(_HOLDER_TRIES):
        written = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if written.isdigit() and alive(int(written)):
            return f"process {written}"
        time.sleep(0.01)
    return "another process"


def _leftovers(out: Path, kind: str) -> list[Path]:
    return sorted(p for p in out.parent.glob(f".{out.name}.{kind}-*") if p.is_dir() and not p.is_symlink())


def _restore_or_remove_leftovers(out: Path) -> None:
    """With the lock held: put back an old site that a build killed between its two
    renames left aside (the fallback swap), and remove the folders of killed builds."""
    for old in _leftovers(out, "old"):
        if not os.path.lexists(out) and (old / "site").is_dir():
            os.rename(old / "site", out)
        _remove(old)
    for folder in _leftovers(out, "build"):
        _remove(folder)


def _check_replaceable(out: Path) -> None:
    if not os.path.lexists(out):
        return
    if out.is_symlink() or not out.is_dir():
        raise OutputError(out, "is not a folder: the site is published as a folder; remove it or choose another --out")
    if any(out.iterdir()) and not all((out / f).is_file() for f in _SITE_FILES):
        raise OutputError(out, f"is a folder that holds no site ({' and '.join(_SITE_FILES)} are missing): it is not "
                               f"replaced; empty it, or choose another --out")


def _swap(new: Path, out: Path) -> None:
    """``new`` in the place of ``out`` in one step; ``new`` then holds the old site."""
    with stops_deferred():  # nothing stops a run between the steps of the fallback
        if not os.path.lexists(out):
            os.rename(new, out)
        elif not _exchange(new, out):
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.rename(out, old / "site")  # into a folder of its own: the next build finds it by name
            try:
                os.rename(new, out)
            except BaseException:
                os.rename(old / "site", out)
                raise
            os.rename(old / "site", new)
            old.rmdir()


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where
    the system or the filesystem cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28 and later, musl 1.1.24
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
