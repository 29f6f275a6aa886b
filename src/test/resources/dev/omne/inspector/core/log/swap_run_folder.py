# Swaps a run folder for a symbolic link to a folder outside the volume and back, as fast as it can, until the
# stop marker appears; says "ready" when it starts, and at the end how many swaps it made. Arguments: runs folder, run id, outside folder, ready
# marker, stop marker.
import os
import sys

runs, run, outside, ready, stop = sys.argv[1:6]
real = os.path.join(runs, run)
aside = os.path.join(runs, ".aside-" + run)
swaps = 0
open(ready, "w").close()
print("ready", flush=True)
while not os.path.exists(stop):
    os.rename(real, aside)
    os.symlink(outside, real)
    os.unlink(real)
    os.rename(aside, real)
    swaps += 1
print(swaps)
