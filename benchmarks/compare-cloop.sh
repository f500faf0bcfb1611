#!/usr/bin/env bash
# The trajectory engine against the C reference loop benchmarks/src/main/c/cloop.c (see TrajectoryEngineBenchmark):
# alternates `cloop MODE 800 50000 LAMBDA 0.5` (run just before and just after, averaged) and the matching JMH
# benchmark REPS times, so that both see the same load on a shared machine, and prints every pair and the medians in
# ns per run-step.
# Usage (from the repository root, after `mvn -B -q -pl benchmarks -am package -DskipTests`):
#   REPS=5 LAMBDA=0.3 benchmarks/compare-cloop.sh            # MODE 1 (renormalised) and MODE 0 (paper protocol)
set -euo pipefail
REPS=${REPS:-5}
LAMBDA=${LAMBDA:-0.3}
CLOOP_SRC=${CLOOP_SRC:-benchmarks/src/main/c/cloop.c}
JAR=${JAR:-benchmarks/target/benchmarks.jar}
gcc -O3 -march=native -o /tmp/cloop "$CLOOP_SRC" -lm
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# JMH refuses to start while another JMH run holds /tmp/jmh.lock (a shared machine): wait and retry.
jmh() {
  until java -jar "$JAR" "$@" > /tmp/compare-jmh.log 2>&1; do
    grep -q "Unable to acquire the JMH lock" /tmp/compare-jmh.log || { cat /tmp/compare-jmh.log; exit 1; }
    sleep 10
  done
}
for mode in 1 0; do
  bench=$([ "$mode" = 1 ] && echo renormalised || echo cutoff)
  : > /tmp/compare-c.txt
  : > /tmp/compare-j.txt
  for i in $(seq "$REPS"); do
    c1=$(/tmp/cloop "$mode" 800 50000 "$LAMBDA" 0.5 | sed 's/.*(\([0-9.]*\) ns each).*/\1/')
    jmh "TrajectoryEngineBenchmark.$bench\$" -p algorithm=XOSHIRO256_PLUS -p lambda="$LAMBDA" \
      -wi 2 -w 2 -i 3 -r 2 -f 1 -rf csv -rff /tmp/compare-jmh.csv
    c2=$(/tmp/cloop "$mode" 800 50000 "$LAMBDA" 0.5 | sed 's/.*(\([0-9.]*\) ns each).*/\1/')
    c=$(awk -v a="$c1" -v b="$c2" 'BEGIN {printf "%.3f", (a + b) / 2}')
    j=$(awk -F, 'NR == 2 {print $5}' /tmp/compare-jmh.csv)
    echo "mode $mode ($bench) lambda $LAMBDA: cloop $c ns, engine $j ns, ratio $(awk -v a="$j" -v b="$c" 'BEGIN {printf "%.3f", a / b}')"
    echo "$c" >> /tmp/compare-c.txt
    echo "$j" >> /tmp/compare-j.txt
  done
  mc=$(median < /tmp/compare-c.txt)
  mj=$(median < /tmp/compare-j.txt)
  echo "mode $mode median: cloop $mc ns, engine $mj ns, ratio of medians $(awk -v a="$mj" -v b="$mc" 'BEGIN {printf "%.3f", a / b}')"
done
