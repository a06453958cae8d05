#!/usr/bin/env bash
# IPFS import throughput, Citrate beside ipfs-unixfs-importer (npm, configured as Kubo's `ipfs add`) in one run:
# builds the IPFS bundle and the benchmarks jar if the jar is missing or older than their sources, installs the
# peer's npm packages if they are missing, runs IpfsImportBenchmark (blocks discarded, then into a block store
# over an in-memory key-value store) and peers/ipfs-importer/import-throughput.mjs (a black-hole blockstore) on
# the same generated input, and prints per workload the median MiB/s of each side, the ratio, the single-threaded
# SHA-256 throughput of the machine over the same bytes and the share of it reached, and the heap. The root ids of
# both sides must be equal: the script fails otherwise.
# Usage: benchmarks/ipfs-bench.sh
# Environment: IPFS_BENCH_FILE_BYTES (1073741824; 0 skips the large file), IPFS_BENCH_SMALL_FILES (10000; 0
# skips the directory), IPFS_BENCH_RUNS (5), IPFS_BENCH_WARM_UPS (1), IPFS_BENCH_STORE_BYTES (the large file's
# size with the block store, held in memory: 268435456; 0 skips the block store runs). A quick check:
#   IPFS_BENCH_FILE_BYTES=67108864 IPFS_BENCH_SMALL_FILES=1000 IPFS_BENCH_RUNS=2 benchmarks/ipfs-bench.sh
# Maven options (a local repository, offline mode) can be passed in MAVEN_ARGS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
peer="$here/peers/ipfs-importer"
results="$here/target/ipfs-bench"
file_bytes="${IPFS_BENCH_FILE_BYTES:-1073741824}"
small_files="${IPFS_BENCH_SMALL_FILES:-10000}"
runs="${IPFS_BENCH_RUNS:-5}"
warm_ups="${IPFS_BENCH_WARM_UPS:-1}"
store_bytes="${IPFS_BENCH_STORE_BYTES:-268435456}"
# The blocks stay in the heap with the block store: room for the blocks of two runs (the last one's not yet
# collected) and the directory's.
store_heap_mib=$(( 3 * store_bytes / 1048576 + 512 ))

if [[ ! -f "$jar" ]] \
    || [[ -n "$(find "$here/src" "$here/pom.xml" "$root/bundles/ipfs/src" -newer "$jar" -print -quit)" ]]; then
  # The rest of the reactor comes from the local repository (mvn install); the IPFS bundle is built here so that
  # the jar measures its current sources.
  # shellcheck disable=SC2086 # MAVEN_ARGS holds several options
  (cd "$root" && mvn -q ${MAVEN_ARGS:-} -pl bundles/ipfs,benchmarks package -DskipTests)
fi
if [[ ! -d "$peer/node_modules" ]]; then
  (cd "$peer" && npm ci --no-audit --no-fund)
fi

mkdir -p "$results"
rm -f "$results"/*.txt
echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores;" \
  "sha_ni: $(grep -qw sha_ni /proc/cpuinfo && echo yes || echo no); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); node: $(node --version); $(openssl version 2>/dev/null || echo 'no openssl')"

java -Xms256m -Xmx256m -cp "$jar" io.citrate.benchmarks.IpfsImportBenchmark discard \
  "$file_bytes" "$small_files" "$runs" "$warm_ups" | tee "$results/java-discard.txt"
if (( store_bytes > 0 )); then
  java -Xmx${store_heap_mib}m -cp "$jar" io.citrate.benchmarks.IpfsImportBenchmark store \
    "$store_bytes" "$small_files" "$runs" "$warm_ups" | tee "$results/java-store.txt"
fi
node "$peer/import-throughput.mjs" "$file_bytes" "$small_files" "$runs" "$warm_ups" | tee "$results/js.txt"
if command -v openssl > /dev/null; then
  openssl speed -seconds 3 -bytes 262144 -evp sha256 2> /dev/null | tee "$results/openssl.txt" | tail -1
fi

python3 - "$results" <<'PY'
import os, statistics, sys

results = sys.argv[1]

def lines(name, kind):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return []
    return [dict(field.split("=", 1) for field in line.split()[1:])
            for line in open(path) if line.startswith(kind + " ")]

runs = lines("java-discard.txt", "RESULT") + lines("java-store.txt", "RESULT") + lines("js.txt", "RESULT")
baselines = {(b["side"], b["what"]): float(b["mibs"])
             for b in lines("java-discard.txt", "BASELINE") + lines("js.txt", "BASELINE")}
heaps = lines("java-discard.txt", "HEAP")
openssl = None
if os.path.exists(os.path.join(results, "openssl.txt")):
    for line in open(os.path.join(results, "openssl.txt")):
        if line.startswith("sha256 "):
            openssl = float(line.split()[-1].rstrip("k")) * 1000 / 2**20

def group(side, subject, cid, sink):
    return [r for r in runs if (r["side"], r["subject"], r["cid"], r["sink"]) == (side, subject, cid, sink)]

def median(rows, field):
    return statistics.median(float(r[field]) for r in rows)

def mib(n):
    n = int(n)
    return f"{n / 2**30:g} GiB" if n >= 2**30 and n % 2**30 == 0 else f"{n / 2**20:.{0 if n % 2**20 == 0 else 1}f} MiB"

def rate(value, form, unit=""):
    return "-" if value is None else format(value, form) + unit

sha = baselines.get(("java", "sha256-256KiB"))
failed = False
print()
print(f"{'workload':<42}{'Java MiB/s':>11}{'JS MiB/s':>10}{'ratio':>8}{'SHA-256':>9}{'% SHA':>7}"
      f"{'cores Java/JS':>15}{'CPU s/GiB Java/JS':>19}{'CPU ratio':>10}  {'roots':<7}Java heap")
for subject, cid, sink in [(s, c, k) for k in ("discard", "store") for s in ("large", "small") for c in ("0", "1")]:
    java, js = group("java", subject, cid, sink), group("js", subject, cid, sink)
    if not java:
        continue
    ours = median(java, "mibs")
    theirs = median(js, "mibs") if js else None
    cores = f"{median(java, 'cpu_seconds') / median(java, 'seconds'):.2f}/" + (
        f"{median(js, 'cpu_seconds') / median(js, 'seconds'):.2f}" if js else "-")
    # CPU time per GiB imported: much less disturbed than wall-clock time by other work on a shared machine.
    gib = int(java[0]["bytes"]) / 2**30
    our_cpu = median(java, "cpu_seconds") / gib
    their_cpu = median(js, "cpu_seconds") / gib if js else None
    cpu = f"{our_cpu:.2f}/" + rate(their_cpu, ".2f")
    size = mib(java[0]["bytes"]) + (" file" if subject == "large" else f" in {java[0]['files']} files")
    label = f"{size}, CIDv{cid}" + (", block store" if sink == "store" else "")
    roots = {r["root"] for r in java + js}
    if js:
        equal = "equal" if len(roots) == 1 else "DIFFER"
        failed |= len(roots) != 1
    else:
        equal = "-"
    if subject == "large" and sink == "discard":
        retained = ", ".join(f"{float(h['retained_mib']):.1f} MiB at {mib(h['bytes'])}"
                             for h in heaps if h["cid"] == cid)
        heap = f"kept alive {retained}; peak {median(java, 'heap_peak_mib'):.0f} MiB"
    else:
        heap = f"peak {median(java, 'heap_peak_mib'):.0f} MiB"
    print(f"{label:<42}{ours:>11.1f}{rate(theirs, '.1f'):>10}{rate(theirs and ours / theirs, '.2f', 'x'):>8}"
          f"{rate(sha, '.1f'):>9}{rate(sha and 100 * ours / sha, '.0f', '%'):>7}{cores:>15}{cpu:>19}{rate(their_cpu and their_cpu / our_cpu, '.2f', 'x'):>10}  {equal:<7}{heap}")
print()
for cid in ("0", "1"):
    java, js = group("java", "large", cid, "discard"), group("js", "large", cid, "discard")
    if java and js and sha:
        ours = median(java, "mibs")
        ratio, share = ours / median(js, "mibs"), ours / sha
        print(f"goals, large file CIDv{cid}: {ratio:.2f}x the JS importer (2x: {'met' if ratio >= 2 else 'NOT met'}), "
              f"{100 * share:.0f}% of one thread's SHA-256 (60%: {'met' if share >= 0.6 else 'NOT met'})")
        # The same by CPU time: SHA-256's seconds per GiB against the importers'.
        our_cpu, their_cpu = median(java, "cpu_seconds"), median(js, "cpu_seconds")
        sha_cpu = int(java[0]["bytes"]) / 2**20 / sha
        print(f"  by CPU time: {their_cpu / our_cpu:.2f}x the JS importer, SHA-256 alone is "
              f"{100 * sha_cpu / our_cpu:.0f}% of the import's CPU time")
for (side, what), rate in sorted(baselines.items()):
    print(f"baseline {side:<5}{what:<24}{rate:10.1f} MiB/s")
if openssl:
    print(f"baseline openssl speed -evp sha256 (256 KiB) {openssl:.1f} MiB/s")
for memory in lines("js.txt", "MEMORY"):
    print(f"node max RSS {memory['max_rss_mib']} MiB")
if failed:
    print("FAILED: the root ids of Citrate and ipfs-unixfs-importer differ", file=sys.stderr)
    sys.exit(1)
PY
