# Writer for the soak benchmark: appends the way the omne runner does, one line per append, each under
# flock(LOCK_EX) on the events file itself (open append + create, lock, write, unlock, close).
#   soak_writer.py WRITER SECONDS RATE FILE...
# Round-robin over the FILEs for SECONDS seconds, RATE events per second in all (0: as fast as it can). Each event
# carries "writer" and a per-file "seq" counting from 0. When done prints
#   RESULT WRITER RUN=COUNT ... failures=0 seconds=S
# where RUN is the name of the file's folder (the run id).
import fcntl
import os
import sys
import time


def stamp():
    ns = time.time_ns()
    secs, rest = divmod(ns, 1_000_000_000)
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


def main():
    writer, seconds, rate, files = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
    runs = [os.path.basename(os.path.dirname(os.path.abspath(f))) for f in files]
    written = [0] * len(files)
    interval = 1.0 / rate if rate > 0 else 0.0
    start = time.monotonic()
    end = start + seconds
    attempt = 0
    while time.monotonic() < end:
        if interval:
            delay = start + attempt * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        i = attempt % len(files)
        attempt += 1
        seq = written[i]
        line = ('{"type":"soak.tick","id":"ev-%s-%s-%d","ts":"%s","run_id":"%s","writer":"%s","seq":%d}\n'
                % (writer, runs[i], seq, stamp(), runs[i], writer, seq)).encode()
        append(files[i], line)
        written[i] = seq + 1
    counts = " ".join("%s=%d" % (run, n) for run, n in zip(runs, written))
    print("RESULT %s %s failures=0 seconds=%.1f" % (writer, counts, time.monotonic() - start), flush=True)


if __name__ == "__main__":
    main()
