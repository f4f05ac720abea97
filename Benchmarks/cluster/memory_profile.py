#!/usr/bin/env python3
"""Resident memory of one `parallax cluster` run over a long synthetic stream, sampled as it goes.

Pipes `synthetic_stream.py N` into `parallax cluster -` (no file of N articles on disk) and reads
the process's VmRSS and VmHWM (peak) from /proc when its output reaches N/10, N/2 and N
articles: memory is flat when the three agree. Run from the repository root:
    python3 Benchmarks/cluster/memory_profile.py [PARALLAX] [N]
"""
import os, subprocess, sys, time

def status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) // 1024  # MB
    return fields

def main(parallax, n):
    here = os.path.dirname(os.path.abspath(__file__))
    generator = subprocess.Popen([sys.executable, os.path.join(here, "synthetic_stream.py"), str(n)], stdout=subprocess.PIPE)
    cluster = subprocess.Popen([parallax, "cluster", "-"], stdin=generator.stdout, stdout=subprocess.PIPE, text=True)
    generator.stdout.close()
    checkpoints = sorted({max(1, n // 10), max(1, n // 2), n})
    start = time.time()
    stories = set()
    placed = 0
    for line in cluster.stdout:
        placed += 1
        stories.add(line.split('"cluster":"', 1)[1].split('"', 1)[0])
        if placed in checkpoints:
            s = status(cluster.pid)
            print(f"{placed:>9,} articles: RSS {s['VmRSS']} MB, peak {s['VmHWM']} MB, "
                  f"{len(stories):,} stories, {placed / (time.time() - start):,.0f} articles/s", flush=True)
    cluster.wait()
    generator.wait()

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build-release/release/parallax",
         int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
