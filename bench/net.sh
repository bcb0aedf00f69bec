#!/usr/bin/env bash
# Network plugin benchmark: 10,000 connections on one tcp-listen, relay throughput vs socat, WebSocket round trips vs npm ws.
source "$(dirname "$0")/common.sh"
# $1: connections (10000); $2: MiB per relay run (1024)
bench_run java -Drelay.mib="${2:-1024}" bench/NetBench.java "${1:-10000}"
