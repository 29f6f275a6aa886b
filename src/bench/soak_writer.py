# Writer for the soak benchmark: appends the way the omne runner does (runner_append.py).
#   soak_writer.py WRITER SECONDS RATE FILE...
# Round-robin over the FILEs for SECONDS seconds, RATE events per second in all (0: as fast as it can). Each event
# carries "writer" and a per-file "seq" counting from 0. When done prints
#   RESULT WRITER RUN=COUNT ... failures=0 seconds=S
# where RUN is the name of the file's folder (the run id).
import os
import sys
import time

from runner_append import append, stamp


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
