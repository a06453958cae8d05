#!/usr/bin/env bash
# Runs every test: unit and conformance tests of each module, then the integration tests that
# boot the real distribution (the dApp acceptance tests among them run an ethers script on
# Node.js). The tensor engine's OpenCL tests run on PoCL when no other OpenCL platform is installed. Conformance fixtures are read from ../shared/testdata unless -Dcitrate.testdata=...
# points elsewhere.
cd "$(dirname "$0")"
. scripts/common.sh
ensure_toolchain
ensure_node
ensure_opencl
exec mvn install "$@"
