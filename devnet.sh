#!/usr/bin/env bash
# Builds the Citrate distribution and starts a single-node devnet in this terminal (the node's
# shell opens; `shutdown` stops it). Data stays in karaf-assembly/target/assembly/data.
# Pass `server` to run without a console.
cd "$(dirname "$0")"
. scripts/common.sh
ensure_toolchain
ensure_opencl
mvn -q install -DskipTests -pl karaf-assembly -am
exec karaf-assembly/target/assembly/bin/citrate "$@"
