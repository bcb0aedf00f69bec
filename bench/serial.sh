#!/usr/bin/env bash
# Serial bridge benchmark: pty -> espdesk -> TCP -> espdesk -> pty vs the same path with socat (when installed).
set -euo pipefail
cd "$(dirname "$0")/.."
./espdesk --help >/dev/null   # builds on first use
java -cp plugins/serial-bridge/target/espdesk-serial-0.1.0.jar bench/SerialBench.java "${1:-128}" "${2:-3}"
