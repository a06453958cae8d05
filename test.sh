#!/usr/bin/env bash
# Runs every test: unit and conformance tests of each module, then the integration tests that
# boot the real distribution (the dApp acceptance tests among them run an ethers script on
# Node.js). Conformance fixtures are read from ../shared/testdata unless -Dcitrate.testdata=...
# points elsewhere.
cd "$(dirname "$0")"
. scripts/common.sh
ensure_toolchain
ensure_node
exec mvn install "$@"
