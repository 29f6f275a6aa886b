# The `follow` command on a large volume and over a long run, measured from outside as a person would see it.
#   volume: start-up time (launch to its first line), resident memory and CPU while nothing happens, and the delay
#           from an append (as the runner makes it) to the line on follow's output; with change events (inotify) and
#           without them (strace makes every inotify_add_watch fail, as when the watches run out, so only polls
#           remain). Medians of REPEAT runs. References measured in the same runs: `follow` on a volume of one run
#           (the JVM's and the command's own start, which no volume size changes), and inotifywait (inotify-tools)
#           watching every run folder: its time to "Watches established.", its memory and its append-to-event delay.
#   soak:   a million appends to a followed run; the heap after a full GC sampled every 100,000, its slope reported.
# Usage: follow_volume.py volume JAVA_CMD_JSON VOLUME REPEAT   |   follow_volume.py soak JAVA_CMD_JSON DIR APPENDS
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from runner_append import append, stamp  # noqa: E402

HZ = os.sysconf("SC_CLK_TCK")


class Follower:
    """A follow process whose output lines are read on a thread; waits on a line by its marker."""

    def __init__(self, cmd, stderr=subprocess.DEVNULL):
        self.start = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr)
        self.first_line_at = None
        self.lines = 0
        self.seen = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stdout:
            now = time.monotonic()
            with self.cond:
                if self.first_line_at is None:
                    self.first_line_at = now
                self.lines += 1
                at = raw.find(b"mark=")
                if at >= 0:
                    self.seen[raw[at + 5:].split()[0].decode()] = now
                elif raw.startswith(b"@"):  # inotifywait --format '@%w': the run folder written
                    self.seen[raw[1:].strip().decode()] = now
                self.cond.notify_all()

    def wait_first_line(self, timeout=60):
        with self.cond:
            self.cond.wait_for(lambda: self.first_line_at is not None, timeout)
            return self.first_line_at - self.start

    def wait_mark(self, mark, timeout=30):
        with self.cond:
            self.cond.wait_for(lambda: mark in self.seen, timeout)
            return self.seen.get(mark)

    def wait_lines(self, n, timeout=600):
        with self.cond:
            return self.cond.wait_for(lambda: self.lines >= n, timeout)

    def java_pid(self):
        # The JVM itself (under strace it is a child of strace).
        pids = [self.proc.pid]
        while pids:
            pid = pids.pop()
            try:
                with open("/proc/%d/comm" % pid) as f:
                    if f.read().strip() == "java":
                        return pid
                with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
                    pids.extend(int(p) for p in f.read().split())
            except OSError:
                pass
        return self.proc.pid

    def rss_mib(self):
        with open("/proc/%d/status" % self.java_pid()) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self):
        with open("/proc/%d/stat" % self.java_pid()) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / HZ

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def event(run, mark):
    return ('{"type":"bench.mark","id":"ev-%s","ts":"%s","run_id":"%s","mark":"%s"}\n'
            % (mark, stamp(), run, mark)).encode()


def latencies(f, runs_dir, runs, count, rng, pause):
    out = []
    for i in range(count):
        run = rng.choice(runs)
        mark = "m%d-%d" % (os.getpid(), random.getrandbits(40))
        sent = time.monotonic()
        append(os.path.join(runs_dir, run, "events.jsonl"), event(run, mark))
        seen = f.wait_mark(mark)
        out.append(float("inf") if seen is None else (seen - sent) * 1000)
        time.sleep(pause)
    return out


class Inotifywait(Follower):
    """inotifywait watching every run folder; its first line is the "Watches established." on its stderr."""

    @staticmethod
    def start_watching(runs_dir, runs):
        f = Follower.__new__(Inotifywait)
        f.start = time.monotonic()
        f.proc = subprocess.Popen(["inotifywait", "-m", "-e", "modify", "--format", "@%w", "--fromfile", "-"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        f.first_line_at = None
        f.lines = 0
        f.seen = {}
        f.cond = threading.Condition()
        f.proc.stdin.write("".join(os.path.join(runs_dir, r) + "/\n" for r in runs).encode())
        f.proc.stdin.close()
        threading.Thread(target=f._read, daemon=True).start()

        def established():
            for raw in f.proc.stderr:
                if b"established" in raw:
                    with f.cond:
                        f.first_line_at = time.monotonic()
                        f.cond.notify_all()
        threading.Thread(target=established, daemon=True).start()
        return f


def inotifywait_latencies(f, runs_dir, runs, count, rng, pause):
    out = []
    for i in range(count):
        run = rng.choice(runs)
        key = os.path.join(runs_dir, run) + "/"
        with f.cond:
            f.seen.pop(key, None)
        sent = time.monotonic()
        append(os.path.join(runs_dir, run, "events.jsonl"), event(run, "ref%d" % i))
        seen = f.wait_mark(key)
        out.append(float("inf") if seen is None else (seen - sent) * 1000)
        time.sleep(pause)
    return out


def volume(java, vol, repeat):
    runs_dir = os.path.join(vol, ".omne", "var", "runs")
    runs = sorted(os.listdir(runs_dir))
    rng = random.Random(7)
    one = os.path.join(os.path.dirname(os.path.abspath(vol)), "volume-1")
    if not os.path.isdir(os.path.join(one, ".omne")):
        subprocess.run(java + ["generate", "--out", one, "--runs", "1", "--events", "50"], check=True,
                       stdout=subprocess.DEVNULL)
    has_ref = subprocess.run(["sh", "-c", "command -v inotifywait"], stdout=subprocess.DEVNULL).returncode == 0
    keys = ["start_s", "start_1_run_s", "rss_mib", "startup_cpu_pct", "idle_cpu_pct", "inotify_ms", "poll_ms",
            "poll_quiet_ms"]
    if has_ref:
        keys += ["ref_start_s", "ref_rss_mib", "ref_inotify_ms"]
    rows = {k: [] for k in keys}
    loads = []
    for r in range(repeat):
        loads.append(os.getloadavg()[0])
        small = Follower(java + ["follow", one])
        rows["start_1_run_s"].append(small.wait_first_line())
        small.stop()
        if has_ref:
            ref = Inotifywait.start_watching(runs_dir, runs)
            rows["ref_start_s"].append(ref.wait_first_line(timeout=120))
            rows["ref_inotify_ms"].append(statistics.median(inotifywait_latencies(ref, runs_dir, runs, 20, rng, 0.05)))
            rows["ref_rss_mib"].append(ref.rss_mib())
            ref.stop()
        f = Follower(java + ["follow", vol])
        rows["start_s"].append(f.wait_first_line())
        # CPU from 5 to 25 s after the first line (the watches registered, the code compiled: start-up work), then
        # from 30 to 60 s, with nothing happening (the first safety polls of watched runs fall in it).
        time.sleep(5)
        c0, t0 = f.cpu_seconds(), time.monotonic()
        time.sleep(20)
        rows["startup_cpu_pct"].append(100 * (f.cpu_seconds() - c0) / (time.monotonic() - t0))
        time.sleep(5)
        c0, t0 = f.cpu_seconds(), time.monotonic()
        time.sleep(30)
        rows["idle_cpu_pct"].append(100 * (f.cpu_seconds() - c0) / (time.monotonic() - t0))
        rows["rss_mib"].append(f.rss_mib())
        rows["inotify_ms"].append(statistics.median(latencies(f, runs_dir, runs, 20, rng, 0.05)))
        f.stop()
        # No change events: every inotify_add_watch fails, so only the polls see appends. One run is written
        # every 100 ms (it stays at the shortest poll), then runs quiet for 10 s are written once each.
        g = Follower(["strace", "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null", "-e", "trace=inotify_add_watch",
                      "-e", "inject=inotify_add_watch:error=ENOSPC"] + java + ["follow", vol])
        g.wait_first_line()
        time.sleep(10)
        busy = runs[r % len(runs)]
        rows["poll_ms"].append(statistics.median(latencies(g, runs_dir, [busy], 20, rng, 0.1)))
        rows["poll_quiet_ms"].append(statistics.median(latencies(g, runs_dir, runs, 5, rng, 0)))
        g.stop()
        print("run %d: %s" % (r + 1, ", ".join("%s %.2f" % (k, v[-1]) for k, v in rows.items())), flush=True)
    print("runs %d, load average %s (1-minute load at the start of each run: %s)"
          % (len(runs), " ".join("%.2f" % x for x in os.getloadavg()), ", ".join("%.2f" % x for x in loads)))
    for k, v in rows.items():
        print("%-14s median %8.2f   (%s)" % (k, statistics.median(v), ", ".join("%.2f" % x for x in v)))
    med = {k: statistics.median(v) for k, v in rows.items()}
    print("start on %d runs less start on 1 run: %.2f s (the volume's own cost)"
          % (len(runs), med["start_s"] - med["start_1_run_s"]))
    if has_ref:
        print("ratios to inotifywait watching the same %d folders: start %.2f, RSS %.2f, append-to-line %.2f"
              % (len(runs), med["start_s"] / med["ref_start_s"], med["rss_mib"] / med["ref_rss_mib"],
                 med["inotify_ms"] / med["ref_inotify_ms"]))


def heap_after_gc_mib(pid, jcmd):
    subprocess.run([jcmd, str(pid), "GC.run"], stdout=subprocess.DEVNULL, check=True)
    out = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        words = line.replace(",", " ").split()
        if "used" in words:
            value = words[words.index("used") + 1]
            return int(value.rstrip("KkMm")) / (1024 if value[-1] in "Kk" else 1)
    raise RuntimeError("no heap figure in: " + out)


def soak(java, jcmd, d, appends):
    runs_dir = os.path.join(d, ".omne", "var", "runs")
    os.makedirs(os.path.join(runs_dir, "soak"), exist_ok=True)
    log = os.path.join(runs_dir, "soak", "events.jsonl")
    open(log, "wb").close()
    f = Follower(java + ["follow", d])
    f.wait_first_line()
    samples = []
    peak = 0.0
    line = '{"type":"bench.soak","id":"ev-%d","ts":"%s","run_id":"soak","node_id":"n1","seq":%d,"pad":"%s"}\n'
    pad = "x" * 60
    step = appends // 10
    start = time.monotonic()
    for i in range(appends):
        append(log, (line % (i, stamp(), i, pad)).encode())
        if (i + 1) % step == 0:
            f.wait_lines(i + 2)  # the header and every event so far
            samples.append((i + 1, heap_after_gc_mib(f.java_pid(), jcmd)))
            peak = max(peak, f.rss_mib())
            print("%9d appends: heap after GC %.1f MiB, RSS %.0f MiB" % (i + 1, samples[-1][1], f.rss_mib()),
                  flush=True)
    elapsed = time.monotonic() - start
    seen = f.lines - 1
    f.stop()
    xs = [x for x, _ in samples[1:]]
    ys = [y for _, y in samples[1:]]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    print("appends %d, followed %d, %.1f s, load average %s" % (appends, seen, elapsed,
                                                               " ".join("%.2f" % x for x in os.getloadavg())))
    print("heap after GC: first %.1f MiB, last %.1f MiB, slope %.3f MiB per 100,000 appends (%.2f bytes per append),"
          " peak RSS %.0f MiB" % (samples[0][1], samples[-1][1], slope * 100_000, slope * 1024 * 1024, peak))
    return 0 if seen == appends else 1


if __name__ == "__main__":
    if sys.argv[1] == "volume":
        volume(json.loads(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(soak(json.loads(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])))
