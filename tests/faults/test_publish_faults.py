"""Fault suite, publishing (geo.site.publish): builds killed with SIGTERM and SIGKILL at
random moments, two builds to one path at once, an output folder that cannot be written,
a full disk, an --out that is not a site.  The path always holds the complete old site or
the complete new one (every file's hash against reference builds), a refusal names the
lock file or the path, and what a killed build leaves beside the site is removed by the
next build."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from faulting import ENV, assert_refused, geo, hashes, read_manifest, spoilt_seeds, write_manifest
from helpers import ROOT, SEEDS

from geo.errors import OutputError
from geo.site import publish


@pytest.fixture(scope="module")
def new_corpus(tmp_path_factory):
    """The seeds without their last document: a site that differs from the seeds' one."""
    corpus = spoilt_seeds(tmp_path_factory.mktemp("new"))
    rows = read_manifest(corpus)
    write_manifest(corpus, rows[:-1])
    (corpus / rows[-1][1]).unlink()
    return corpus


@pytest.fixture(scope="module")
def new_site(new_corpus, tmp_path_factory):
    """The new corpus's site, and how long its build took."""
    out = tmp_path_factory.mktemp("new-site") / "site"
    start = time.monotonic()
    result = geo("build", "--corpus", new_corpus, "--out", out)
    assert result.returncode == 0, result.stderr
    return out, time.monotonic() - start


def _beside(out: Path) -> set[str]:
    return {p.name for p in out.parent.iterdir()} - {out.name, f".{out.name}.lock"}


def test_builds_killed_at_random_moments_leave_the_old_site_or_the_new_one(tmp_path, seeds_site, new_corpus, new_site):
    old, new = hashes(seeds_site), hashes(new_site[0])
    assert old != new
    tmpdir = tmp_path / "tmp"  # the manifest's index goes here: what a killed run leaves is seen
    tmpdir.mkdir()
    env = {**ENV, "TMPDIR": str(tmpdir)}
    out = tmp_path / "published" / "site"
    rng = random.Random(16)
    kills = 12  # at random moments spread over the build's length and a little past it (stratified)
    moments = [(i + rng.random()) / kills * 1.2 * new_site[1] for i in range(kills)]
    stops = [signal.SIGTERM, signal.SIGKILL] * (kills // 2)
    rng.shuffle(stops)
    seen = []
    for moment, stop in zip(moments, stops):
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(seeds_site, out)
        left = _beside(out) | set(os.listdir(tmpdir))  # by the runs killed before
        run = subprocess.Popen([sys.executable, "-m", "geo", "build", "--corpus", str(new_corpus), "--out", str(out)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(moment)
        run.send_signal(stop)
        _, stderr = run.communicate(timeout=120)
        now = hashes(out)
        assert now in (old, new), (stop, run.returncode, stderr[-2000:])
        assert "Traceback" not in stderr, stderr
        seen.append((round(moment, 2), stop.name, run.returncode, "new" if now == new else "old"))
        if stop == signal.SIGTERM:  # a stopped run removes what it made on its way out
            assert run.returncode in (0, 128 + signal.SIGTERM, -signal.SIGTERM), (run.returncode, stderr)
            assert _beside(out) | set(os.listdir(tmpdir)) <= left, (seen, _beside(out), os.listdir(tmpdir))
    print(seen)
    # what the killed runs left, the next build removes
    assert geo("build", "--corpus", new_corpus, "--out", out, env=env).returncode == 0
    assert hashes(out) == new
    assert not _beside(out) and not list(tmpdir.iterdir()), (_beside(out), list(tmpdir.iterdir()))


def test_two_builds_to_one_path_at_once_one_is_refused_naming_the_lock(tmp_path, seeds_site):
    """The second build comes while the first holds the lock: the first is paused
    (SIGSTOP) once its number is in the lock file, so the two overlap however loaded the
    machine is (two builds merely started together may not)."""
    out = tmp_path / "published" / "site"
    lock = out.parent / ".site.lock"
    first = subprocess.Popen([sys.executable, "-m", "geo", "build", "--corpus", str(SEEDS), "--out", str(out)],
                             cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
            time.sleep(0.01)
        first.send_signal(signal.SIGSTOP)
        second = geo("build", "--corpus", SEEDS, "--out", out)
    finally:
        first.send_signal(signal.SIGCONT)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert second.returncode == 1, second.stderr
    assert second.stderr.startswith(f"error: {lock}: another build (process {first.pid}) is publishing to {out}")
    assert hashes(out) == hashes(seeds_site) and not _beside(out)


def test_a_build_is_refused_while_the_lock_is_held(tmp_path, old_site):
    import fcntl

    lock = old_site.out.parent / ".site.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write(f"{os.getpid()}\n")
        held.flush()
        result = geo("build", "--corpus", SEEDS, "--out", old_site.out)
    assert_refused(result, f"{lock}: another build (process {os.getpid()}) is publishing to {old_site.out}",
                   "choose another --out", code=1)
    assert old_site.unchanged()


def test_a_site_left_by_an_older_build_is_replaced_in_place(tmp_path, seeds_site, new_corpus, new_site):
    out = tmp_path / "site"
    shutil.copytree(seeds_site, out)  # a real folder, no lock file beside it: as an older build left it
    assert geo("build", "--corpus", new_corpus, "--out", out).returncode == 0
    assert out.is_dir() and not out.is_symlink() and hashes(out) == hashes(new_site[0]) and not _beside(out)


@pytest.mark.parametrize("kind", ["a folder of other files", "a file", "a link to a site"])
def test_an_out_that_is_not_a_site_is_never_replaced(kind, tmp_path, seeds_site):
    out = tmp_path / "home"
    if kind == "a file":
        out.write_text("keep me", encoding="utf-8")
    elif kind == "a link to a site":
        shutil.copytree(seeds_site, tmp_path / "real-site")
        out.symlink_to(tmp_path / "real-site")
    else:
        out.mkdir()
        (out / "thesis.tex").write_text("keep me", encoding="utf-8")
    before = hashes(tmp_path)
    result = geo("build", "--corpus", SEEDS, "--out", out)
    assert_refused(result, f"{out}: ", "choose another --out", code=1)
    assert hashes(tmp_path) == before and {p.name for p in tmp_path.iterdir()} <= {"home", "real-site"}


def test_an_empty_folder_at_out_is_used(tmp_path, seeds_site):
    out = tmp_path / "site"
    out.mkdir()
    assert geo("build", "--corpus", SEEDS, "--out", out).returncode == 0
    assert hashes(out) == hashes(seeds_site)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a folder whatever its mode (see the read-only mount)")
def test_an_output_folder_without_write_permission_is_refused(tmp_path, old_site):
    parent = old_site.out.parent
    parent.chmod(0o555)
    try:
        result = geo("build", "--corpus", SEEDS, "--out", old_site.out)
    finally:
        parent.chmod(0o755)
    assert_refused(result, str(parent), "Permission denied", code=1)
    assert old_site.unchanged()


def _user_namespace() -> bool:
    """Whether this user can mount in a namespace of its own (unshare -r -m): a
    read-only mount and a small tmpfs, no root needed where user namespaces are allowed."""
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-r", "-m", "mount", "-t", "tmpfs", "tmpfs", "/mnt"], capture_output=True).returncode == 0


needs_namespace = pytest.mark.skipif(not _user_namespace(), reason="no user and mount namespace (unshare -r -m)")


@needs_namespace
def test_a_read_only_output_folder_is_refused(tmp_path, old_site):
    """The folder mounted read-only (a bind mount in a namespace of the test's own): unlike
    chmod, this stops root too."""
    parent = old_site.out.parent
    script = (f'mount --bind "{parent}" "{parent}" && mount -o remount,bind,ro "{parent}" && '
              f'exec "{sys.executable}" -m geo build --corpus "{SEEDS}" --out "{old_site.out}"')
    result = subprocess.run(["unshare", "-r", "-m", "sh", "-c", script], cwd=ROOT, env=ENV, capture_output=True,
                            text=True, timeout=300)
    assert_refused(result, f"{parent / '.site.lock'}: cannot make the lock file", "Read-only file system", code=1)
    assert old_site.unchanged()


_FULL_DISK = textwrap.dedent("""
    import hashlib, json, os, shutil, subprocess, sys
    from pathlib import Path
    mount, site, python = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    out = mount / "site"
    shutil.copytree(site, out)
    def hashes():
        return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*"))
                if p.is_file()}
    before = hashes()
    free = os.statvfs(mount)
    with open(mount / "filler", "wb") as f:  # all but 200 kB
        f.write(b"x" * (free.f_bavail * free.f_frsize - 200_000))
    run = subprocess.run([python, "-m", "geo", "build", "--corpus", sys.argv[4], "--out", str(out)],
                         capture_output=True, text=True)
    print(json.dumps({"code": run.returncode, "stderr": run.stderr, "same": hashes() == before,
                      "beside": sorted(p.name for p in mount.iterdir())}))
""")


@needs_namespace
def test_a_full_disk_is_reported_and_the_old_site_stays(tmp_path, seeds_site, new_corpus):
    """A small tmpfs, mounted in a namespace of the test's own, nearly filled."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["unshare", "-r", "-m", sys.executable, "-c", _FULL_DISK, str(mount), str(seeds_site),
                             sys.executable, str(new_corpus)], cwd=ROOT, env=ENV, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["code"] == 1 and report["stderr"].startswith(f"error: {mount / 'site'}: cannot build the site: ")
    assert "the site there is as it was" in report["stderr"] and "Traceback" not in report["stderr"]
    assert report["same"] and report["beside"] == [".site.lock", "filler", "site"], report


def test_a_file_size_limit_is_reported_and_the_old_site_stays(tmp_path, old_site, new_corpus):
    """The disk full as the build sees it: writes past RLIMIT_FSIZE fail with EFBIG."""
    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    result = geo("build", "--corpus", new_corpus, "--out", old_site.out, preexec_fn=limited)
    assert_refused(result, f"{old_site.out}: cannot build the site: ", "the site there is as it was", code=1)
    assert old_site.unchanged()


# -- the swap itself, in process

def _tiny_site(folder: Path, text: str) -> None:
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "data" / "map-data.js").write_text(text, encoding="utf-8")


def test_the_exchange_is_one_step_and_the_path_is_never_missing(tmp_path):
    """Three hundred publishes while another process looks for the site's page without
    pause: it never finds it missing."""
    a, b = tmp_path / "a", tmp_path / "b"
    _tiny_site(a, "a")
    _tiny_site(b, "b")
    if not publish._exchange(a, b):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the fallback's moment without a site is documented")
    assert (a / "index.html").read_text() == "b" and (b / "index.html").read_text() == "a"
    out = tmp_path / "site"
    with publish.publishing(out) as work:
        _tiny_site(work, "0")
    watcher = subprocess.Popen(["sh", "-c", f'while [ -e "{out}/index.html" ]; do :; done; echo missing'],
                               stdout=subprocess.PIPE, text=True)
    for i in range(1, 301):
        with publish.publishing(out) as work:
            _tiny_site(work, str(i))
    gone = watcher.poll()
    watcher.kill()
    assert gone is None, watcher.stdout.read()
    assert (out / "index.html").read_text() == "300" and _beside(out) == {"a", "b"}


def test_without_the_exchange_a_run_killed_between_the_renames_loses_nothing(tmp_path, monkeypatch):
    """The fallback's two renames, stopped between them: the next build puts the old site back."""
    out = tmp_path / "site"
    with publish.publishing(out) as work:
        _tiny_site(work, "old")
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    renames, rename = [], os.rename

    def rename_then_die(a, b):
        renames.append((a, b))
        rename(a, b)
        raise SystemExit("killed")  # no cleanup runs after a SIGKILL: the finally below is skipped too

    monkeypatch.setattr(publish.os, "rename", rename_then_die)
    monkeypatch.setattr(publish, "_remove", lambda folder: None)
    with pytest.raises(SystemExit):
        with publish.publishing(out) as work:
            _tiny_site(work, "new")
    monkeypatch.undo()
    assert not out.exists() and len(renames) == 1
    assert len(list(tmp_path.glob(".site.old-*"))) == 1 and len(list(tmp_path.glob(".site.build-*"))) == 1
    with pytest.raises(RuntimeError):  # the next build fails, but first puts the old site back
        with publish.publishing(out):
            raise RuntimeError("a failing build")
    assert (out / "index.html").read_text() == "old" and not _beside(out)
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    with publish.publishing(out) as work:  # and the fallback publishes
        _tiny_site(work, "new")
    assert (out / "index.html").read_text() == "new" and not _beside(out)


def test_each_refusal_names_the_lock_file_and_the_lock_outlives_no_build(tmp_path):
    out = tmp_path / "site"
    with publish.publishing(out) as work:
        _tiny_site(work, "1")
        with pytest.raises(OutputError) as refused:
            with publish.publishing(out):
                pass
        assert str(refused.value).startswith(f"{tmp_path / '.site.lock'}: another build (process {os.getpid()})")
    with publish.publishing(out) as work:  # released
        _tiny_site(work, "2")
    assert json.dumps((out / "index.html").read_text()) == '"2"'


@pytest.mark.parametrize("writes_after_s, named", [(0.05, True), (None, False)])
def test_a_refusal_names_the_live_holder_not_the_last_one(tmp_path, monkeypatch, writes_after_s, named):
    """Between taking the lock and writing its number, a holder leaves the last
    holder's number in the file: that ended process is never named."""
    import fcntl
    import threading

    ended = subprocess.Popen(["true"])
    ended.wait()
    lock = tmp_path / ".site.lock"
    lock.write_text(f"{ended.pid}\n")
    monkeypatch.setattr(publish, "_HOLDER_TRIES", 20)
    with lock.open("r+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if writes_after_s is not None:
            threading.Timer(writes_after_s, lambda: os.pwrite(held.fileno(), f"{os.getpid()}\n".encode(), 0)).start()
        with pytest.raises(OutputError) as refused:
            with publish.publishing(tmp_path / "site"):
                pass
    who = f"process {os.getpid()}" if named else "another process"
    assert str(refused.value).startswith(f"{lock}: another build ({who}) is publishing")



# -- the records' files (geo mentions|events --out): the same promises

@pytest.mark.parametrize("command", ["mentions", "events"])
def test_a_records_file_that_cannot_be_written_is_reported_and_the_old_one_stays(command, tmp_path):
    out = tmp_path / "records.out"
    out.write_text("old", encoding="utf-8")

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))

    result = geo(command, "--corpus", SEEDS, "--out", out, preexec_fn=limited)
    assert_refused(result, f"{out}: cannot write it: ", "the file there is as it was", code=1)
    assert out.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["records.out"]


def test_a_full_temporary_folder_is_reported(tmp_path):
    """The manifest's index (in TMPDIR) cannot be written."""
    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))

    result = geo("mentions", "--corpus", SEEDS, "--out", tmp_path / "m.jsonl", preexec_fn=limited,
                 env={**ENV, "TMPDIR": str(tmp_path)})
    assert_refused(result, f"{tmp_path}: cannot write the manifest's index: ", code=1)
    assert os.listdir(tmp_path) == []


def test_a_records_file_gets_the_mode_of_any_new_file(tmp_path):
    out = tmp_path / "mentions.jsonl"
    assert geo("mentions", "--corpus", SEEDS, "--out", out).returncode == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_the_lock_is_not_held_by_a_builds_worker_processes(tmp_path):
    """A worker forked during a build (--jobs) does not keep the lock when the build's
    process is gone (killed outright, its workers still finishing a task)."""
    out = tmp_path / "site"
    started, ready = os.pipe()
    with publish.publishing(out) as work:
        _tiny_site(work, "1")
        worker = os.fork()
        if worker == 0:  # a worker, busy for a while
            os.write(ready, b"!")
            time.sleep(3)
            os._exit(0)
        assert os.read(started, 1) == b"!"  # running (what runs in a child at a fork has run)
    try:
        with publish.publishing(out) as work:  # the build's process let go; its worker lives on
            _tiny_site(work, "2")
    finally:
        os.kill(worker, signal.SIGKILL)
        os.waitpid(worker, 0)
        os.close(started)
        os.close(ready)
    assert (out / "index.html").read_text() == "2"
