# What the benchmark writers share: appending as the omne runner does, one line per append under
# flock(LOCK_EX) on the events file itself (open append + create, lock, write, unlock, close), and its timestamps.
import fcntl
import os
import time


def stamp(ns=None):
    """An RFC 3339 UTC time with microseconds, of ns (epoch nanoseconds) or now."""
    secs, rest = divmod(time.time_ns() if ns is None else ns, 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs)) + ".%06dZ" % (rest // 1000)


def append(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
