#!/usr/bin/env bash
# Serial bridge benchmark: pty -> espdesk -> TCP -> espdesk -> pty vs the same path with socat (when installed).
source "$(dirname "$0")/common.sh"
bench_run java -cp plugins/serial-bridge/target/espdesk-serial-0.1.0.jar bench/SerialBench.java "${1:-128}" "${2:-3}"
