# The one stand-in for the omne runner's append, shared by the benchmark writers and the tests' writers: one line
# per append under flock(LOCK_EX) on the events file itself (open append + create, lock, write, unlock, close),
# and the runner's timestamps. The tests put this folder on PYTHONPATH (surefire's omne.runner.append).
import fcntl
import os
import time


def stamp(ns=None):
    """An RFC 3339 UTC time with microseconds, of ns (epoch nanoseconds) or now."""
    secs, rest = divmod(time.time_ns() if ns is None else ns, 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs)) + ".%06dZ" % (rest // 1000)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def append(path, data, parts=None, pause=0.0):
    """Appends data under the lock; with parts, writes those pieces of it with pause seconds between them (the
    lock held), so that a reader sees a line cut in two."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            for i, part in enumerate(parts or [data]):
                if i > 0:
                    time.sleep(pause)
                _write_all(fd, part)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
