#!/usr/bin/env bash
# Network plugin benchmark: 10,000 connections on one tcp-listen, relay throughput vs socat, WebSocket round trips vs npm ws.
set -euo pipefail
cd "$(dirname "$0")/.."
./espdesk --help >/dev/null   # builds on first use
java bench/NetBench.java "${1:-10000}"
