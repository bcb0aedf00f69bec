#!/usr/bin/env bash
# Host benchmark: start to ready, hot-add and removal of a real plugin jar, idle RSS. Medians over 10 runs.
source "$(dirname "$0")/common.sh"
bench_run java bench/HostBench.java "${1:-10}"
