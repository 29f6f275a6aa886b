# Stand-in for the omne runner in the tail tests: every line is appended under flock(LOCK_EX) on the events
# file itself, as the runner does (open append + create, lock, write, unlock, close).
#   append FILE COUNT SPLIT_EVERY PAUSE_MS   COUNT lines; every SPLIT_EVERY-th is written in two halves
#                                            with a pause between (the lock held), so a reader sees half a line
#   runs RUNS_DIR COUNT LINES                COUNT run folders at once, each with LINES lines
#   copy SOURCE TARGET BURST PAUSE_MS        SOURCE's lines, a line per append (every 7th in two halves), BURST
#                                            lines at a time with PAUSE_MS between bursts; makes TARGET's folder
# The lines match Lines.line in the tests: the sequence number is in the timestamp's microseconds.
import fcntl
import os
import sys
import time


def line(seq):
    return ('{"type":"test.line","id":"ev-%06d","ts":"2026-04-15T00:00:%02d.%06dZ","run_id":"r","seq":%d}\n'
            % (seq, seq // 1000000, seq % 1000000, seq)).encode()


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def locked_append(path, parts, pause):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            for i, part in enumerate(parts):
                if i > 0:
                    time.sleep(pause)
                write_all(fd, part)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def append(path, count, split_every, pause_ms):
    for seq in range(count):
        data = line(seq)
        if split_every > 0 and seq % split_every == split_every - 1:
            half = len(data) // 2
            locked_append(path, [data[:half], data[half:]], pause_ms / 1000.0)
        else:
            locked_append(path, [data], 0)


def runs(runs_dir, count, lines):
    for i in range(count):
        run = os.path.join(runs_dir, "bulk-%04d" % i)
        os.mkdir(run)
        locked_append(os.path.join(run, "events.jsonl"), [b"".join(line(s) for s in range(lines))], 0)


def copy(source, target, burst, pause_ms):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(source, "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    for n, text in enumerate(lines, 1):
        data = text + b"\n"
        half = len(data) // 2
        locked_append(target, [data[:half], data[half:]] if n % 7 == 0 else [data], 0.002)
        if n % burst == 0:
            time.sleep(pause_ms / 1000.0)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "append":
        append(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    elif mode == "runs":
        runs(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif mode == "copy":
        copy(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))
    else:
        sys.exit("unknown mode " + mode)
