# A stand-in for the omne runner in the multi-process test: each append opens the file
# append + create, takes flock(LOCK_EX) (blocking, like fs2's lock_exclusive), writes, unlocks.
# Arguments: events file, writer name, line count, pad length, ready marker, go marker.
import fcntl
import os
import sys
import time

path, writer, count, pad, ready, go = sys.argv[1:7]
count = int(count)
pad = "x" * int(pad)

open(ready, "w").close()
deadline = time.monotonic() + 30
while not os.path.exists(go):
    if time.monotonic() > deadline:
        sys.exit("%s: no start signal" % writer)
    time.sleep(0.002)

for seq in range(count):
    line = ('{"type":"test.line","id":"%s-%06d","ts":"2026-04-15T00:00:00Z","run_id":"r",'
            '"writer":"%s","seq":%d,"pad":"%s"}\n' % (writer, seq, writer, seq, pad)).encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
