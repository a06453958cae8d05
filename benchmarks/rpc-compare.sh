#!/usr/bin/env bash
# JSON-RPC throughput and latency, Citrate beside ganache: builds the benchmarks jar and the Citrate distribution
# if they are missing or older than their sources, installs ganache (peers/ganache, pinned) if it is missing,
# starts ganache (the devnet mnemonic, chain id 1337, instamine) and a Citrate devnet node (a temporary copy of
# karaf-assembly/target/assembly with fresh data, free ports, a block per transaction) on 127.0.0.1, waits for
# both to answer, then runs RpcCompare against both: the same signed transactions deploy a contract and emit 300
# events over 10 blocks on each, then eth_chainId, eth_blockNumber, eth_getBalance, eth_call of a view function
# and eth_getLogs over those blocks are measured, closed loop and open loop at a fixed rate. The table goes to
# the terminal and to benchmarks/target/rpc-compare.txt. Both servers are stopped on exit, whatever the outcome.
# Usage: benchmarks/rpc-compare.sh [seconds per run (5)] [repetitions (3)] [open-loop req/s (1000)]
#                                  [connections (16)] [warm-up seconds (5)] [methods, comma-separated (all)]
# Each method is warmed up on each node twice: once in a first pass over all of them (a freshly booted Karaf JVM
# needs more than 10 s of load before the JIT compiler is done with the request path), and again just before
# it is measured.
# Maven options (a local repository, offline mode) can be passed in MAVEN_ARGS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
peer="$here/peers/ganache"
assembly="$root/karaf-assembly/target/assembly"
seconds="${1:-5}"
repetitions="${2:-3}"
rate="${3:-1000}"
connections="${4:-16}"
warm_up="${5:-5}"
methods="${6:-eth_chainId,eth_blockNumber,eth_getBalance,eth_call,eth_getLogs}"
results="$here/target/rpc-compare.txt"
mnemonic="test test test test test test test test test test test junk"
# Karaf boots in 10 to 40 s on a busy 2-core machine; ganache in a few seconds.
start_timeout=180
# Per method and node: two warm-ups, closed-loop runs, open-loop runs that may take twice their time when the
# server falls behind; per node, up to a minute for the fixture's transactions; a minute to spare.
run_timeout=$(( 10 * (2 * warm_up + repetitions * 3 * seconds) + 2 * 60 + 60 ))

if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests)
fi
if [[ ! -x "$assembly/bin/citrate" ]] || [[ -n "$(find "$root/bundles" "$root/features" "$root/karaf-assembly/src" \
    -newer "$assembly/bin/citrate" -path '*/src/main/*' -print -quit)" ]]; then
  (cd "$root" && mvn -q ${MAVEN_ARGS:-} install -pl karaf-assembly -am -DskipTests)
fi
if [[ ! -x "$peer/node_modules/.bin/ganache" ]]; then
  (cd "$peer" && npm ci --no-audit --no-fund)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/citrate-rpc-compare.XXXXXX")"
servers=()

# Each server runs in its own process group (setsid), so stopping it stops its children too (Karaf's JVM).
stop_servers() {
  for pid in "${servers[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${servers[@]}"; do
    for _ in $(seq 1 60); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Sets `key = value` in a Karaf configuration file, failing if the key is not there to be set.
set_property() {
  local file="$1" key="$2" value="$3"
  grep -Eq "^[[:space:]]*#?[[:space:]]*${key//./\\.}[[:space:]]*=" "$file" || { echo "no $key in $file" >&2; exit 1; }
  sed -E -i "s|^[[:space:]]*#?[[:space:]]*${key//./\\.}[[:space:]]*=.*|$key = $value|" "$file"
}

# Waits until the server answers eth_chainId with chain id 1337; fails if it exits or takes too long.
wait_for_rpc() {
  local name="$1" url="$2" pid="$3" log="$4"
  local deadline=$(( $(date +%s) + start_timeout ))
  until curl -s -m 2 -X POST -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url" | grep -q '"0x539"'; do
    if ! kill -0 "$pid" 2>/dev/null || (( $(date +%s) > deadline )); then
      echo "$name did not answer on $url within ${start_timeout} s; the end of $log:" >&2
      tail -n 30 "$log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  echo "$name answers on $url (pid $pid)"
}

ganache_port="$(free_port)"
setsid "$peer/node_modules/.bin/ganache" --server.host 127.0.0.1 --server.port "$ganache_port" \
  --wallet.mnemonic "$mnemonic" --chain.chainId 1337 --miner.instamine eager --logging.quiet \
  > "$work/ganache.log" 2>&1 &
ganache_pid=$!
servers+=("$ganache_pid")

citrate="$work/citrate"
cp -a "$assembly" "$citrate"
rm -rf "$citrate/data"
citrate_port="$(free_port)"
set_property "$citrate/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$citrate_port"
set_property "$citrate/etc/org.apache.karaf.shell.cfg" sshPort "$(free_port)"
set_property "$citrate/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
set_property "$citrate/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$(free_port)"
set_property "$citrate/etc/org.apache.karaf.management.cfg" rmiServerPort "$(free_port)"
# A block as soon as a transaction arrives, as ganache instamines; no empty blocks while measuring.
set_property "$citrate/etc/io.citrate.node.cfg" production.mode per-transaction
setsid "$citrate/bin/citrate" server > "$work/citrate.log" 2>&1 &
citrate_pid=$!
servers+=("$citrate_pid")

wait_for_rpc ganache "http://127.0.0.1:$ganache_port/" "$ganache_pid" "$work/ganache.log"
wait_for_rpc Citrate "http://127.0.0.1:$citrate_port/" "$citrate_pid" "$citrate/data/log/karaf.log"

mkdir -p "$(dirname "$results")"
{
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ); java: $(java -version 2>&1 | head -1); node: $(node --version);" \
    "ganache: $(node -p "require('$peer/node_modules/ganache/package.json').version"); cores: $(nproc);" \
    "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  timeout "$run_timeout" java -cp "$jar" io.citrate.benchmarks.RpcCompare --duration="$seconds" \
    --warmup="$warm_up" --repetitions="$repetitions" --rate="$rate" --connections="$connections" \
    --methods="$methods" \
    "citrate=http://127.0.0.1:$citrate_port/@$citrate_pid" "ganache=http://127.0.0.1:$ganache_port/@$ganache_pid"
} 2>&1 | tee "$results"
