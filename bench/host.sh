#!/usr/bin/env bash
# Host benchmark: start to ready, hot-add and removal of a real plugin jar, idle RSS. Medians over 10 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
./espdesk --help >/dev/null   # builds on first use
java bench/HostBench.java "${1:-10}"
