#!/usr/bin/env bash
# Runs the JMH benchmarks (building the jar first if needed) and prints, per subject and parameter set,
# the median Citrate and peer scores and the speed-up factor (peer time / Citrate time), then the median
# speed-up per subject. Arguments go to JMH, e.g.: benchmarks/run.sh -f 1 -wi 2 -w 1s -i 3 -r 1s Keccak
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
results="$here/target/jmh-results.json"

if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests)
fi

java -jar "$jar" -rf json -rff "$results" "$@"

python3 - "$results" <<'PY'
import json, statistics, sys
from collections import defaultdict

runs = json.load(open(sys.argv[1]))
# (subject, params) -> implementation -> (median score, unit, mode)
table = defaultdict(dict)
for run in runs:
    cls, impl = run["benchmark"].rsplit(".", 1)
    subject = cls.rsplit(".", 1)[1].removesuffix("Benchmark")
    params = ",".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
    samples = [x for fork in run["primaryMetric"]["rawData"] for x in fork]
    table[(subject, params)][impl] = (statistics.median(samples), run["primaryMetric"]["scoreUnit"], run["mode"])

ratios = defaultdict(list)
print(f"{'subject':<16}{'params':<12}{'citrate':>14}{'peer':>22}{'speed-up':>10}")
for (subject, params), impls in sorted(table.items()):
    if "citrate" not in impls or len(impls) < 2:
        continue
    citrate, unit, mode = impls["citrate"]
    peer_name, (peer, _, _) = next((k, v) for k, v in impls.items() if k != "citrate")
    # Lower is better for time per operation, higher for throughput.
    speed_up = peer / citrate if mode != "thrpt" else citrate / peer
    ratios[subject].append(speed_up)
    print(f"{subject:<16}{params:<12}{citrate:>10.3f} {unit:<5}{peer_name + ' ' + format(peer, '.3f'):>20} {unit:<5}{speed_up:>6.2f}x")

print()
for subject, values in sorted(ratios.items()):
    print(f"{subject:<16}median speed-up {statistics.median(values):.2f}x over {len(values)} parameter set(s)")
PY
