"""Hidden staging folders: an output is written in a hidden folder beside it and moved into place once
complete, so that a run that fails, is cancelled or is killed leaves nothing half-written under the output's
name (no torch, no QGIS).

Each such folder holds a file :data:`IN_USE` that the run writing there keeps locked (``fcntl.flock``) for as
long as it lives: the system drops the lock when the process ends, however it ends, so the next run into that
folder can tell a folder a killed run left (kill -9, a crash, a qgis_process ended by a signal) from one a live
run is writing, and removes it (:func:`remove_abandoned`).  Used by the detection's partial outputs
(:mod:`model_core.predict`), the polygons, the sample, the change per zone and compare's CSV
(:func:`staged_output`), the JSON of assess, evaluate and ablation, every weights file, the HTML reports and
the ``.qml`` styles beside outputs, detect's quicklook (:func:`staged_file`, :func:`write_text`), the
trainer's checkpoints (:mod:`model_core.train`) and the split into dates (:mod:`model_core.stacked`).
The same locks make a run's claim on its output files (:func:`claim_outputs`): a second run into them while it
lives is refused.
"""

import contextlib
import os
import shutil
import tempfile

from model_core.errors import OutputError
from model_core.i18n import _, os_reason

IN_USE = ".in-use"  # in a partial-output folder: locked by the run writing there for as long as it lives


def hold(folder):
    """Lock the file :data:`IN_USE` in the partial-output folder ``folder`` for as long as this run lives (the
    system drops the lock when the process ends, however it ends: a run killed on the spot cannot remove its
    folder, but the next run into that output folder can tell it is nobody's).  The file is locked under
    another name and renamed, so that it is never seen unlocked.  Returns the file descriptor to close at the
    end, or None where there are no such locks (Windows, a file system without them)."""
    try:
        import fcntl
    except ImportError:
        return None
    path = os.path.join(folder, IN_USE)
    try:
        fd = os.open(path + ".new", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.replace(path + ".new", path)
    except OSError:
        os.close(fd)
        return None
    return fd


def let_go(fd, folder):
    """End :func:`hold` of ``folder`` whose run goes on with it (a split's folder, complete, to be renamed):
    its :data:`IN_USE` file is removed before the lock is dropped, so that no other process's
    :func:`remove_abandoned` sees the folder unlocked and removes it meanwhile."""
    if fd is None:
        return
    try:
        os.remove(os.path.join(folder, IN_USE))
    except OSError:
        pass
    os.close(fd)


def remove_abandoned(folder, prefix, pattern=None):
    """Remove the partial-output folders in ``folder`` that runs killed on the spot left (kill -9, a crash, a
    qgis_process ended by a signal, a machine switched off): those whose :data:`IN_USE` file no process has
    locked.  One without that file (being made now, or by an older version) is left alone.  ``prefix`` and
    ``pattern`` (a regular expression the whole name matches): which folders are such (the
    .caim-partial-* of :func:`model_core.predict.detect`, ...).  Returns [(folder name, bytes)] of those removed."""
    import re

    try:
        import fcntl
        names = [n for n in os.listdir(folder)
                 if n.startswith(prefix) and (pattern is None or re.fullmatch(pattern, n))]
    except (ImportError, OSError):
        return []
    removed = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            fd = os.open(os.path.join(path, IN_USE), os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # the file opened is still the folder's: one its run removed (:func:`let_go`, a complete folder
            # about to be renamed) before it let go of the lock is not a sign of an abandoned folder
            mine, now = os.fstat(fd), os.stat(os.path.join(path, IN_USE))
            if (mine.st_dev, mine.st_ino) != (now.st_dev, now.st_ino):
                raise OSError("replaced")
        except OSError:  # a live run's (or locks do not work here)
            os.close(fd)
            continue
        try:
            size = sum(e.stat().st_size for e in os.scandir(path) if e.is_file(follow_symlinks=False))
        except OSError:
            size = 0
        shutil.rmtree(path, ignore_errors=True)
        os.close(fd)
        if not os.path.exists(path):
            removed.append((name, size))
    return removed


def scratch_folder(folder, prefix):
    """A hidden folder ``prefix*`` in ``folder`` to write an output in before it is moved into place, locked for
    this process (:func:`hold`: ``(path, file descriptor to close or None)``); those that processes
    killed on the spot left there before (kill -9, a crash) are removed first."""
    remove_abandoned(folder, prefix)
    try:
        scratch = tempfile.mkdtemp(prefix=prefix, dir=folder)
    except OSError as exc:
        raise OutputError(_("Cannot write in the folder '{folder}' ({value}). Choose a folder you "
                            "can write to.").format(folder=folder, value=os_reason(exc))) from None
    return scratch, hold(scratch)


@contextlib.contextmanager
def staged_output(out_path, prefix):
    """``(scratch, staged)``: a :func:`scratch_folder` beside ``out_path`` for work files, and the path to write
    the output at, alone in a folder of its own there (as :func:`put_in_place` moves it: with its parts) under
    ``out_path``'s name.  On leaving, the lock is dropped and the folder removed with what is left in it."""
    folder = os.path.dirname(os.path.abspath(out_path))
    scratch, held = scratch_folder(folder, prefix)
    try:
        staged = os.path.join(scratch, "out", os.path.basename(out_path))
        try:
            os.mkdir(os.path.dirname(staged))
        except OSError as exc:
            raise OutputError(_("Cannot write in the folder '{folder}' ({value}). Choose a folder "
                                "you can write to.").format(folder=folder, value=os_reason(exc))) from None
        yield scratch, staged
    finally:
        if held is not None:
            os.close(held)
        shutil.rmtree(scratch, ignore_errors=True)


def put_in_place(driver, staged, out_path):
    """Move the vector file ``staged``, written alone in a folder of its own (with its parts: a Shapefile's
    .shx, .dbf, ...) under the file name of ``out_path``, to ``out_path``, replacing what is there.  A file of
    one part replaces the old one in one step (os.replace), so the old file stays whole until the new one is."""
    from model_core.polygons import delete_vector

    folder, target = os.path.dirname(staged), os.path.dirname(os.path.abspath(out_path))
    parts = sorted(os.listdir(folder))  # (named as the output: ``staged`` has its file name)
    if parts != [os.path.basename(staged)] and os.path.exists(out_path):
        delete_vector(driver, out_path)  # the old file's parts, which the new ones would not all replace
    for name in parts:
        os.replace(os.path.join(folder, name), os.path.join(target, name))


@contextlib.contextmanager
def staged_file(out_path, prefix):
    """The path to write the one file ``out_path`` at, in a hidden folder ``prefix*`` beside it locked for this
    process (:func:`staged_output`); when the block ends without an error the file is moved over ``out_path``
    in one step (os.replace), so ``out_path`` is either the old file or the complete new one.  A process
    killed on the spot (kill -9) while writing leaves only that hidden folder, which the next writer into the
    folder with the same ``prefix`` removes (:func:`remove_abandoned`)."""
    with staged_output(out_path, prefix) as (_scratch, staged):
        yield staged
        os.replace(staged, out_path)


def write_text(out_path, text, prefix):
    """Write ``text`` (UTF-8) to ``out_path`` through :func:`staged_file`: a run killed while writing (kill -9,
    a disk full) leaves ``out_path`` as it was (absent, or the old file whole), never a half file under its
    name.  Errors of the folder are :class:`OutputError`; those of the writing itself OSError."""
    with staged_file(out_path, prefix) as staged, open(staged, "w", encoding="utf-8") as f:
        f.write(text)


CLAIM_PREFIX = ".caim-claim-"  # a run's claim on the output files it writes in a folder (:func:`claim_outputs`)
CLAIMED = "claimed"  # in a claim folder: the process and the output file names it claims (JSON)


def _live_claims(folder, exclude):
    """[(pid, {file names})] of the claims in ``folder`` that live runs hold (other than ``exclude``); those of runs
    killed on the spot are removed."""
    import json

    try:
        import fcntl
    except ImportError:
        return []
    remove_abandoned(folder, CLAIM_PREFIX)
    try:
        names = [n for n in os.listdir(folder) if n.startswith(CLAIM_PREFIX) and os.path.join(folder, n) not in exclude]
    except OSError:
        return []
    claims = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            fd = os.open(os.path.join(path, IN_USE), os.O_RDWR)
        except OSError:  # not held yet (being made): that run looks for this one's claim once it holds its own
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            live = False  # nobody's: a run ended meanwhile
        except OSError:
            live = True
        os.close(fd)
        if not live:
            continue
        try:
            with open(os.path.join(path, CLAIMED), encoding="utf-8") as f:
                record = json.load(f)
            claims.append((record.get("pid"), set(record.get("names") or [])))
        except (OSError, ValueError):
            continue
    return claims


@contextlib.contextmanager
def claim_outputs(paths, make=False):
    """Claim the output files ``paths`` (None entries skipped) for this run while it lives: a hidden folder
    :data:`CLAIM_PREFIX`* in each output folder, holding their names and locked (:func:`hold`) until the run ends
    (however it ends).  Raises :class:`OutputError` when another live run, in this process or another (two
    ``qgis_process`` at once, two toolbox runs), has claimed one of them: the two would replace each other's files
    and leave a mix of both.  All or nothing: the claims are placed and checked while the output folders themselves
    are locked (:func:`_lock_folders`), so of two runs into the same files that start at the same instant exactly
    one goes through (the one that locked the folders first), never both, never neither.

    ``make``: output folders that do not exist yet are made for the claim, each appearing with this run's claim
    already in it (made in a hidden claim folder of the nearest existing folder, locked meanwhile, and renamed into
    place): of two runs into the same new folder the one that makes it goes through, the other finds its claim.
    Yields the folders made (deepest first; []): a run refused, or whose block raises, removes those that are left
    empty.  A folder that cannot be made is :class:`CannotMake` (with the message of
    :func:`model_core.predict.make_folders`).  Without ``make`` folders that do not exist are not claimed (the run's own checks say so).  Without
    locks (Windows) nothing is claimed; where folders cannot be locked (some network file systems) the claims are
    placed first and checked after, so two runs at the same instant may both be refused, never both let through."""
    wanted = {}
    for p in paths:
        if p:
            full = os.path.abspath(p)
            wanted.setdefault(os.path.dirname(full), set()).add(os.path.basename(full))
    mine, made = [], []  # [[claim folder, file descriptor]], [folders made]
    failed = True
    try:
        for attempt in range(_ATTEMPTS):
            mutexes, anchors = _lock_folders(wanted, make)
            try:
                try:
                    _place_claims(wanted, make, anchors, mine, made)
                except _Moved:  # a folder made, or removed, by another run meanwhile: all again, as it is now
                    if attempt < _ATTEMPTS - 1:
                        _release(mine, made)
                        mine, made = [], []
                        continue
                _refuse_others(wanted, {path for path, fd in mine if fd is not None})
            finally:
                for fd in mutexes:
                    os.close(fd)
            break
        yield sorted(made, key=lambda d: -d.count(os.sep))
        failed = False
    finally:
        _release(mine, made if failed else [])


_ATTEMPTS = 20  # of placing the claims, each time another run made or removed one of the folders meanwhile
_LOCK_WAIT = 30.0  # seconds to wait for another run to finish claiming in a folder (it takes milliseconds)


class CannotMake(OutputError):
    """An output folder :func:`claim_outputs` cannot make; ``reason``: why (the system's words)."""

    def __init__(self, message, reason):
        super().__init__(message)
        self.reason = reason


class _Moved(Exception):
    """A folder to claim in was made or removed by another run while this run was claiming."""


def _nearest_existing(folder):
    """``folder`` itself, or its nearest ancestor that is a folder (None: none is)."""
    d = folder
    while not os.path.isdir(d):
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent
    return d


def _cannot_make(folder, exc):
    """:class:`CannotMake` ``folder``, for the OSError ``exc``."""
    reason = os_reason(exc)
    return CannotMake(_("Cannot make the output folder '{abspath}' ({value}). Choose a folder you can write "
                        "to.").format(abspath=folder, value=reason), reason)


def missing_folders(folder):
    """The folders ``os.makedirs(folder)`` would create, deepest first, making none; raises :class:`CannotMake`
    naming the file when one stands in the way (the message of :func:`model_core.predict.make_folders`, and of the
    QGIS dialog, which asks before a run whose claim makes the folders)."""
    created, d = [], os.path.abspath(folder)
    while not os.path.exists(d):
        created.append(d)
        parent = os.path.dirname(d)
        if parent == d:
            return created
        d = parent
    if not os.path.isdir(d):
        import errno

        raise CannotMake(_("Cannot make the output folder '{abspath}': '{d}' is a file, not a folder. Choose "
                           "another place for the output.").format(abspath=os.path.abspath(folder), d=d),
                         os.strerror(errno.ENOTDIR))
    return created


def _lock_folders(wanted, make):
    """Lock (``fcntl.flock``, for the few milliseconds of claiming) each output folder of ``wanted`` that exists
    and, for those that do not (with ``make``), the nearest folder that does, where they will be made; in the
    order of their inodes, so that no two runs each wait for a folder the other holds.  Returns the file descriptors to close
    and {output folder: :func:`_where`} as it was when locked.
    Another run claiming in one of them waits until this run has placed and checked its claims.  A folder that
    cannot be locked (no locks on its file system, another run stopped for more than :data:`_LOCK_WAIT` s in its
    claiming) is claimed as before, without."""
    import time

    anchors, where = {}, {}
    for folder in wanted:
        anchor = _where(folder, make)
        if anchor is not None:
            where[folder] = anchor
            anchors[anchor[1]] = anchor[0]
    try:
        import fcntl
    except ImportError:
        return [], where
    deadline = time.monotonic() + _LOCK_WAIT
    fds = []
    for key in sorted(anchors):
        try:
            fd = os.open(anchors[key], os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(0.002)
                    continue
                os.close(fd)
            except OSError:  # no locks on folders here
                os.close(fd)
            else:
                fds.append(fd)
            break
    return fds, where


def _where(folder, make):
    """``(folder locked to claim in folder, its (device, inode))``: the folder itself or, with ``make``, the
    nearest one that exists (None: none)."""
    anchor = _nearest_existing(folder) if make else folder if os.path.isdir(folder) else None
    if anchor is None:
        return None
    try:
        st = os.stat(anchor)
    except OSError:
        return None
    return anchor, (st.st_dev, st.st_ino)


def _new_claim(folder, names):
    """A claim folder in ``folder`` naming ``names``, held: ``[path, file descriptor or None]``.  OSError when it
    cannot be made."""
    import json

    path = tempfile.mkdtemp(prefix=CLAIM_PREFIX, dir=folder)
    claim = [path, None]
    try:
        with open(os.path.join(path, CLAIMED), "w", encoding="utf-8") as f:
            json.dump({"pid": os.getpid(), "names": sorted(names)}, f)
    except OSError:
        return claim
    claim[1] = hold(path)
    return claim


def _place_claims(wanted, make, where, mine, made):
    """Place this run's claims (added to ``mine``) in the folders of ``wanted``; with ``make``, the folders that do
    not exist are made (added to ``made``) with the claim in them.  Raises :class:`_Moved` when a folder appeared or
    went since it was locked (``where``: :func:`_lock_folders`)."""
    import errno

    if any(_where(folder, make) != where.get(folder) for folder in wanted):
        raise _Moved()
    missing = {}  # {nearest existing folder: [folders to make under it]}
    for folder, names in wanted.items():
        if os.path.isdir(folder):
            try:
                mine.append(_new_claim(folder, names))
            except FileNotFoundError:
                raise _Moved() from None
            except OSError:  # a folder this run cannot write in: its own checks say so
                continue
        elif make:
            missing_folders(folder)  # (a file in the way: said)
            anchor = _nearest_existing(folder)
            if anchor is not None:
                missing.setdefault(anchor, []).append(folder)
    for anchor, folders in missing.items():
        remove_abandoned(anchor, CLAIM_PREFIX)  # (such a box of a run killed on the spot)
        # made in a claim folder of ``anchor`` (held: the next run removes it if this one is killed meanwhile) and
        # renamed into place, so that each appears with this run's claim in it
        try:
            box = _new_claim(anchor, [])
        except FileNotFoundError:
            raise _Moved() from None
        except OSError as exc:
            raise _cannot_make(folders[0], exc) from None
        try:
            inner = []
            for folder in folders:
                rel = os.path.relpath(folder, anchor)
                try:
                    os.makedirs(os.path.join(box[0], rel), exist_ok=True)
                    claim = _new_claim(os.path.join(box[0], rel), wanted[folder])
                except OSError as exc:
                    raise _cannot_make(folder, exc) from None
                inner.append((folder, claim))
            tops = sorted({os.path.relpath(f, anchor).split(os.sep)[0] for f in folders})
            for top in tops:
                if os.path.lexists(os.path.join(anchor, top)):
                    raise _Moved()
                try:
                    os.rename(os.path.join(box[0], top), os.path.join(anchor, top))
                except OSError as exc:
                    if exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOENT):
                        raise _Moved() from None
                    raise _cannot_make(os.path.join(anchor, top), exc) from None
                for folder, claim in inner:  # now in place (the descriptors go with the folders)
                    rel = os.path.relpath(folder, anchor)
                    if rel.split(os.sep)[0] == top:
                        mine.append([os.path.join(folder, os.path.basename(claim[0])), claim[1]])
                        d = folder
                        while d != anchor:
                            if d not in made:
                                made.append(d)
                            d = os.path.dirname(d)
                        claim[1] = None
        finally:
            for _folder, claim in inner:
                if claim[1] is not None:  # not moved into place
                    os.close(claim[1])
            shutil.rmtree(box[0], ignore_errors=True)
            if box[1] is not None:
                os.close(box[1])


def _refuse_others(wanted, held):
    """Raise :class:`OutputError` when a live run other than the claims ``held`` has claimed one of the files of
    ``wanted``."""
    for folder, names in wanted.items():
        for pid, theirs in _live_claims(folder, held):
            common = sorted(names & theirs)
            if common:
                who = _("in this process") if pid == os.getpid() else _("process {pid}").format(pid=pid)
                raise OutputError(_(
                    "Another run ({who}) is writing {files} in '{folder}' now: two runs would replace each "
                    "other's files and leave a mix of both. Wait until it has finished, or give this run other "
                    "output files. Nothing was written.").format(
                        who=who, files=", ".join(repr(n) for n in common), folder=folder))


def _release(mine, made):
    """Remove this run's claims ``mine`` and then the folders ``made`` that are left empty (deepest first)."""
    for path, fd in mine:
        shutil.rmtree(path, ignore_errors=True)
        if fd is not None:
            os.close(fd)
    for d in sorted(made, key=lambda d: -d.count(os.sep)):
        with contextlib.suppress(OSError):  # not empty (another run's files, or this run's): kept
            os.rmdir(d)
