#!/usr/bin/env bash
# Simulation benchmark: 24 h of two boards, 25/50/100 boards on a router for an hour, CPU-bound Lua vs lua5.1.
source "$(dirname "$0")/common.sh"
bench_run java bench/SimBench.java "${1:-10}"
