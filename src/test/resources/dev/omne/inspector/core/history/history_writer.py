# Stand-in for the omne runner writing a run that a test watches grow: copies SOURCE's lines to TARGET, one
# line per append under flock(LOCK_EX) on TARGET (open append + create, lock, write, unlock, close), BURST lines
# at a time with PAUSE_MS between bursts; every 7th line is written in two halves with the lock held, so a
# reader sees half a line now and then.
#   history_writer.py SOURCE TARGET BURST PAUSE_MS
import fcntl
import os
import sys
import time


def locked_append(path, parts):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            for i, part in enumerate(parts):
                if i > 0:
                    time.sleep(0.002)
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view):]
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def main(source, target, burst, pause_ms):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(source, 'rb') as f:
        lines = f.read().split(b'\n')[:-1]
    for n, line in enumerate(lines, 1):
        data = line + b'\n'
        if n % 7 == 0:
            locked_append(target, [data[:len(data) // 2], data[len(data) // 2:]])
        else:
            locked_append(target, [data])
        if n % burst == 0:
            time.sleep(pause_ms / 1000.0)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
