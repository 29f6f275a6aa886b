# A stand-in for the omne runner in the multi-process test: each line appended as the runner does
# (runner_append.py, on PYTHONPATH; flock(LOCK_EX) blocking, like fs2's lock_exclusive).
# Arguments: events file, writer name, line count, pad length, ready marker. Makes the ready marker, then starts
# when a line arrives on its standard input (the test's start signal to all writers).
import sys

from runner_append import append

path, writer, count, pad, ready = sys.argv[1:6]
count = int(count)
pad = "x" * int(pad)

open(ready, "w").close()
if not sys.stdin.readline():
    sys.exit("%s: no start signal" % writer)

for seq in range(count):
    append(path, ('{"type":"test.line","id":"%s-%06d","ts":"2026-04-15T00:00:00Z","run_id":"r",'
                  '"writer":"%s","seq":%d,"pad":"%s"}\n' % (writer, seq, writer, seq, pad)).encode())
