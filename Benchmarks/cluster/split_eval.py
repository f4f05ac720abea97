#!/usr/bin/env python3
"""B-cubed F1 of `parallax cluster` on the two halves of each dev set, split by a hash of the
gold cluster id: tune on one half, check on the other. Each half is clustered as a stream of
its own (as a held-out set would be). Needs the streams `clustering_eval.sh` prepares.

    python3 Benchmarks/cluster/split_eval.py BIN [extra cluster options…]
"""
import hashlib, json, os, subprocess, sys

OUT = "Benchmarks/out/cluster"
BENCH = os.environ.get("PARALLAX_SHARED_BENCH", "../shared/bench")


def half(cluster):
    """0 or 1, from the cluster id alone: the same split on every run and machine."""
    return hashlib.md5(cluster.encode()).digest()[0] % 2


def main():
    parallax, options = sys.argv[1], sys.argv[2:]
    for name in ("wikinews", "itn"):
        gold = [json.loads(l) for l in open(f"{OUT}/{name}.gold.jsonl", encoding="utf-8")]
        stream = open(f"{OUT}/{name}.stream.jsonl", encoding="utf-8").read().splitlines()
        scores = []
        for h in (0, 1):
            keep = [i for i, g in enumerate(gold) if half(g["cluster"]) == h]
            base = f"{OUT}/{name}.half{h}"
            with open(base + ".stream.jsonl", "w", encoding="utf-8") as s, open(base + ".gold.jsonl", "w") as g:
                for i in keep:
                    s.write(stream[i] + "\n")
                    g.write(json.dumps(gold[i]) + "\n")
            with open(base + ".pred.jsonl", "w") as pred:
                subprocess.run([parallax, "cluster", base + ".stream.jsonl", *options], stdout=pred, check=True)
            run = subprocess.run([sys.executable, f"{BENCH}/clustering_eval.py", base + ".gold.jsonl", base + ".pred.jsonl",
                                  "--crosslingual"], capture_output=True, text=True, check=True)
            b = json.loads(run.stdout)["bcubed"]
            scores.append(f"half {h} ({len(keep)}): {b['f1']:.3f} (P {b['p']:.3f} R {b['r']:.3f})")
        print(f"{name}: " + "; ".join(scores))


if __name__ == "__main__":
    main()
