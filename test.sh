#!/usr/bin/env bash
# Runs every test: unit and conformance tests of each module, then the integration tests that
# boot the real distribution. Conformance fixtures are read from ../shared/testdata unless
# -Dcitrate.testdata=... points elsewhere.
cd "$(dirname "$0")"
. scripts/common.sh
ensure_toolchain
exec mvn install "$@"
