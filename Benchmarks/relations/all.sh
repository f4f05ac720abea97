#!/usr/bin/env bash
# Precision of the relation events on every judged sample, one line per sample, then the total.
#   bash Benchmarks/relations/all.sh [PARALLAX]
# Each line is `evaluate.py` on one sample as BENCHMARKS.md ("Relation events") describes it.
set -euo pipefail
PARALLAX=${1:-.build-release/release/parallax}
HERE=$(dirname "$0")
samples=(
    "--seed 3"
    "--seed 11"
    "--seed 17 --articles 100"
    "--seed 23 --articles 80"
    "--corpus cited --seed 5 --articles 70"
    "--corpus cited --seed 9 --articles 80"
    "--corpus cited --seed 13 --articles 100 --exclude 5:70,9:80"
    "--corpus wikinews --seed 41 --articles 293 --exclude 3:60,11:60,17:100,23:80"
    "--corpus cited --seed 43 --articles 320 --exclude 5:70,9:80,13:100,31:100"
    "--corpus cited --seed 31 --articles 100"
    "--corpus stream --seed 1 --articles 1165"
    "--corpus stream --language de --seed 1 --articles 806"
    "--corpus stream --language es --seed 1 --articles 592"
    "--corpus stream --language fr --seed 1 --articles 234"
)
right=0 wrong=0
for sample in "${samples[@]}"; do
    # shellcheck disable=SC2086  # each sample is a list of options
    line=$(python3 "$HERE/evaluate.py" "$PARALLAX" $sample | grep -v '^seeds')
    printf '%-78s %s\n' "$sample" "$(echo "$line" | sed 's/  */ /g')"
    right=$((right + $(echo "$line" | awk '{print $5}')))
    wrong=$((wrong + $(echo "$line" | awk '{print $7}')))
done
seeds=$(python3 "$HERE/evaluate.py" "$PARALLAX" --articles 0 | grep '^seeds' | sed 's/  */ /g')
echo "all samples: right $right wrong $wrong precision $(python3 -c "print(f'{$right / max($right + $wrong, 1):.3f}')")"
echo "$seeds"
