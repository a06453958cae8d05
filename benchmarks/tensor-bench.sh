#!/usr/bin/env bash
# The tensor engine's SGEMM, Conv2D and int8 GEMM beside ONNX Runtime in one JMH run (TensorBenchmark):
# builds the benchmarks jar if it is missing or older than its sources or the tensor bundle's, prints the
# machine, its theoretical single-precision peak and the OpenCL devices, runs JMH and prints per subject and
# backend the median GFLOP/s (GOP/s for int8), the share of the peak and the ratio to ONNX Runtime.
# Usage: benchmarks/tensor-bench.sh [JMH options and regex, replacing the defaults
#                                    -f 1 -wi 3 -w 1s -i 10 -r 1s TensorBenchmark]
# PEAK_FLOP_PER_CYCLE overrides the single-precision FLOP per cycle and core derived from the CPU flags,
# PEAK_INT8_FACTOR the int8 operations per float32 one, CPU_MHZ the clock (by default measured under load
# with src/main/c/core-clock.c where gcc is present). Maven options (a local
# repository, offline mode) can be passed in MAVEN_ARGS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
results="$here/target/tensor-results.json"
log="$here/target/tensor-bench.txt"

if [[ ! -f "$jar" ]] \
    || [[ -n "$(find "$here/src" "$here/pom.xml" "$root/bundles/tensor-opencl/src" -newer "$jar" -print -quit)" ]]; then
  # shellcheck disable=SC2086 # MAVEN_ARGS holds several options
  (cd "$root" && mvn -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests)
fi

cpu_field() { lscpu | sed -n "s/^$1:[[:space:]]*//p" | head -1; }
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() { [[ "$flags" == *" $1 "* ]]; }
vendor="$(cpu_field 'Vendor ID')"
cores="$(nproc)"
reported_mhz="$(grep -m1 '^cpu MHz' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')"
# The clock under load on every core at once (the slowest core), measured where gcc and x86-64 allow;
# otherwise the clock the kernel reports, which in a virtual machine is often the base clock.
measured_mhz=""
if [[ -z "${CPU_MHZ:-}" && "$(uname -m)" == x86_64 ]] && command -v gcc > /dev/null; then
  gcc -O1 -o "$here/target/core-clock" "$here/src/main/c/core-clock.c"
  measured_mhz="$(for _ in $(seq "$(nproc)"); do "$here/target/core-clock" & done | sort -n | head -1)"
fi
mhz="${CPU_MHZ:-${measured_mhz:-$reported_mhz}}"
clock_source="${CPU_MHZ:+set by CPU_MHZ}"
clock_source="${clock_source:-${measured_mhz:+measured under load on all cores; the kernel reports $reported_mhz MHz}}"
clock_source="${clock_source:-reported by the kernel}"
isa="$(for flag in avx2 fma avx512f avx512_vnni; do has "$flag" && echo "$flag"; done | paste -sd' ')"

if [[ -n "${PEAK_FLOP_PER_CYCLE:-}" ]]; then
  flop_per_cycle="$PEAK_FLOP_PER_CYCLE"
  assumption="set by PEAK_FLOP_PER_CYCLE"
elif has avx512f && has fma && [[ "$vendor" == AuthenticAMD ]]; then
  flop_per_cycle=32
  assumption="AMD with AVX-512 (Zen 4): 512-bit FMAs double-pumped on two 256-bit pipes, 2 x 8 lanes x 2"
elif has avx512f && has fma; then
  flop_per_cycle=64
  assumption="AVX-512 with two 512-bit FMA units, 2 x 16 lanes x 2 (parts with one FMA unit have half)"
elif has avx2 && has fma; then
  flop_per_cycle=32
  assumption="AVX2 with two 256-bit FMA units, 2 x 8 lanes x 2"
elif has avx; then
  flop_per_cycle=16
  assumption="AVX without FMA: one 256-bit add and one multiply, 2 x 8 lanes"
else
  flop_per_cycle=8
  assumption="SSE: one 128-bit add and one multiply, 2 x 4 lanes"
fi
if [[ -n "${PEAK_INT8_FACTOR:-}" ]]; then
  int8_factor="$PEAK_INT8_FACTOR"
  int8_assumption="set by PEAK_INT8_FACTOR"
elif has avx512_vnni || has avx_vnni; then
  int8_factor=4
  int8_assumption="VNNI: one VPDPBUSD does 4 multiply-accumulates per 32-bit lane where an FMA does 1"
else
  int8_factor=2
  int8_assumption="no VNNI: VPMADDUBSW and VPMADDWD, about 2 multiply-accumulates per 32-bit lane and FMA slot"
fi
ghz="$(python3 -c "print(f'{$mhz / 1000:.3f}')")"
peak_gflops="$(python3 -c "print(f'{$cores * $ghz * $flop_per_cycle:.1f}')")"
peak_int8_gops="$(python3 -c "print(f'{$peak_gflops * $int8_factor:.1f}')")"

echo "cpu: $(cpu_field 'Model name') ($vendor, family $(cpu_field 'CPU family') model $(cpu_field 'Model'))"
echo "cores: $cores; clock: $mhz MHz ($clock_source); ISA: ${isa:-none of avx2 fma avx512f avx512_vnni}"
echo "peak: $cores cores x $ghz GHz x $flop_per_cycle FLOP/cycle = $peak_gflops GFLOP/s" \
  "single precision ($assumption)"
echo "int8 peak: $int8_factor x $peak_gflops = $peak_int8_gops GOP/s ($int8_assumption)"
echo "java: $(java -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
if command -v clinfo > /dev/null; then
  echo "OpenCL devices (clinfo -l):"
  clinfo -l
  if clinfo 2> /dev/null | grep -Eq '^[[:space:]]*Device Type[[:space:]]+GPU'; then
    echo "A GPU OpenCL device exists: the opencl backend (selector ANY prefers GPUs) runs on it."
  else
    echo "No GPU OpenCL device: the opencl backend runs on a CPU device."
  fi
else
  echo "clinfo is not installed: the opencl backend names its device in the JMH output below."
fi
echo

if (( $# )); then
  options=("$@")
else
  options=(-f 1 -wi 3 -w 1s -i 10 -r 1s TensorBenchmark)
fi
java -jar "$jar" -rf json -rff "$results" "${options[@]}" | tee "$log"

echo
# JMH may print a trial's first output on the line of its first iteration's label.
grep -o 'TENSOR-DEVICE .*' "$log" | cut -d' ' -f2- | sort -u | sed 's/^/device of /'
python3 - "$results" "$peak_gflops" "$peak_int8_gops" <<'PY'
import json, statistics, sys
from collections import defaultdict

runs = json.load(open(sys.argv[1]))
peak, int8_peak = float(sys.argv[2]), float(sys.argv[3])
# Operations per call: a multiply and an add per multiply-accumulate.
CONV = 2 * 64 * 56 * 56 * 64 * 3 * 3
def operations(subject, size):
    if subject in ("sgemm", "matMulInteger", "sgemmReadback"):
        return 2 * size ** 3
    return CONV
SIZES = {"sgemmReadback": 1024, "matMulInteger": 1024}
TIME_UNITS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}

rates = {}
times = {}
for run in runs:
    subject = run["benchmark"].rsplit(".", 1)[1]
    params = run.get("params", {})
    size = int(params.get("size", SIZES.get(subject, 0)))
    samples = [x for fork in run["primaryMetric"]["rawData"] for x in fork]
    seconds = statistics.median(samples) * TIME_UNITS[run["primaryMetric"]["scoreUnit"]]
    key = (subject, size, params["backend"])
    times[key] = seconds
    rates[key] = operations(subject, size) / seconds / 1e9

order = {"sgemm": 0, "sgemmReadback": 1, "conv2d": 2, "matMulInteger": 3}
backends = {"opencl": 0, "java": 1, "onnxruntime": 2}
print()
print("| subject | size | backend | median time | rate | % of peak | / ONNX Runtime |")
print("|---|---|---|---|---|---|---|")
for key in sorted(rates, key=lambda k: (order.get(k[0], 9), k[1], backends.get(k[2], 9))):
    subject, size, backend = key
    peer = rates.get((subject, size, "onnxruntime"))
    ratio = "peer" if backend == "onnxruntime" else f"{rates[key] / peer:.3f}x" if peer else "-"
    unit, top = ("GOP/s", int8_peak) if subject == "matMulInteger" else ("GFLOP/s", peak)
    shape = {"conv2d": "1x64x56x56, 64 3x3"}.get(subject, f"{size}")
    print(f"| {subject} | {shape} | {backend} | {times[key] * 1e3:.3f} ms | {rates[key]:.2f} {unit} | "
          f"{100 * rates[key] / top:.1f}% | {ratio} |")
print()
print(f"Peaks: {peak} GFLOP/s single precision, {int8_peak} GOP/s int8 (matMulInteger). A core running above the")
print("clock used for the peak can exceed 100%. sgemm, conv2d and matMulInteger leave the result on the device;")
print("sgemmReadback includes reading it back into a Java array.")
PY
