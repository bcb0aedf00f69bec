# Sourced by every bench: builds espdesk on first use, and on any exit (done, failed, Ctrl-C) stops every process the
# bench started, however deep (a bench's java starts espdesk links, which start java), so none is left running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench_descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    bench_descendants "$child"
    echo "$child"
  done
}

bench_cleanup() {
  local pids
  pids="$(bench_descendants $$)"
  if [ -n "$pids" ]; then
    kill $pids 2>/dev/null || true
    sleep 0.5
    kill -9 $pids 2>/dev/null || true
  fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

./espdesk --help >/dev/null   # builds on first use

# Runs a bench program as a background child and waits for it: bash runs a signal's trap only between commands, so
# a foreground child would keep Ctrl-C or SIGTERM from cleaning up until it ended by itself.
bench_run() {
  "$@" &
  wait $!
}
