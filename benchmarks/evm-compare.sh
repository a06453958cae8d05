#!/usr/bin/env bash
# EVM throughput, Citrate beside @ethereumjs/vm in the same run: builds the benchmarks jar if it is missing or
# older than the sources, installs the peer's npm packages if they are missing, runs
# EvmThroughputBenchmark and peers/ethereumjs/evm-throughput.mjs on the workloads of evm-workloads.txt and
# prints per workload the median Mgas/s of each side, the ratio, and whether gas used and state roots agree.
# Usage: benchmarks/evm-compare.sh [repetitions (5)] [Citrate warm-up repetitions (5)] [ethereumjs warm-ups (1)]
# Maven options (a local repository, offline mode) can be passed in MAVEN_ARGS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
peer="$here/peers/ethereumjs"
repetitions="${1:-5}"
citrate_warm_ups="${2:-5}"
peer_warm_ups="${3:-1}"
results="$here/target/evm-throughput"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests)
fi
if [[ ! -d "$peer/node_modules" ]]; then
  (cd "$peer" && npm ci --no-audit --no-fund)
fi

mkdir -p "$results"
echo "java: $(java -version 2>&1 | head -1); node: $(node --version); cores: $(nproc)"
java -cp "$jar" io.citrate.benchmarks.EvmThroughputBenchmark "$repetitions" "$citrate_warm_ups" \
  | tee "$results/citrate.txt"
node "$peer/evm-throughput.mjs" "$repetitions" "$peer_warm_ups" | tee "$results/ethereumjs.txt"

python3 - "$results/citrate.txt" "$results/ethereumjs.txt" <<'PY'
import statistics, sys

def results(path):
    runs = {}
    for line in open(path):
        if line.startswith("RESULT "):
            fields = dict(field.split("=", 1) for field in line.split()[1:])
            runs.setdefault(fields["workload"], []).append(fields)
    return runs

citrate, peer = results(sys.argv[1]), results(sys.argv[2])
print()
print(f"{'workload':<12}{'Citrate Mgas/s':>16}{'ethereumjs Mgas/s':>19}{'ratio':>9}{'gas used':>12}  {'gas equal':<10}{'state root equal'}")
for workload, runs in citrate.items():
    ours = statistics.median(float(run["mgas"]) for run in runs)
    theirs = statistics.median(float(run["mgas"]) for run in peer[workload])
    gas = {run["gas"] for run in runs + peer[workload]}
    roots = {run["root"] for run in runs + peer[workload]}
    print(f"{workload:<12}{ours:>16.1f}{theirs:>19.2f}{ours / theirs:>8.1f}x{runs[0]['gas']:>12}  "
          f"{'yes' if len(gas) == 1 else 'no':<10}{'yes' if len(roots) == 1 else 'no'}")
PY
grep '^ALLOCATION' "$results/citrate.txt" | tail -1
