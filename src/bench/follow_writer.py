# Writer for the follow benchmark: appends the way the omne runner does (runner_append.py).
#   latency FILE COUNT RATE   COUNT events at RATE per second on a fixed schedule; each event's "ts" is the
#                             wall-clock time (microseconds) just before its append: the send time
#   burst FILE COUNT          COUNT events as fast as possible
# Prints one line when done: "wrote COUNT events in SECONDS s".
import os
import sys
import time

from runner_append import append, stamp


def event(seq, ts, run):
    return ('{"type":"bench.tick","id":"ev-%08d","ts":"%s","run_id":"%s","node_id":"n%d","seq":%d,'
            '"pad":"%s"}\n' % (seq, ts, run, seq % 8, seq, "x" * 80)).encode()


def main():
    mode, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    run = os.path.basename(os.path.dirname(os.path.abspath(path)))
    start = time.monotonic()
    if mode == "latency":
        interval = 1.0 / float(sys.argv[4])
        for seq in range(count):
            due = start + seq * interval
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            append(path, event(seq, stamp(time.time_ns()), run))
    elif mode == "burst":
        ts = stamp(time.time_ns())
        for seq in range(count):
            append(path, event(seq, ts, run))
    else:
        sys.exit("unknown mode " + mode)
    print("wrote %d events in %.3f s" % (count, time.monotonic() - start), flush=True)


if __name__ == "__main__":
    main()
