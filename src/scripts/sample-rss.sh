#!/usr/bin/env bash
# Runs a command and samples the resident memory (RSS) of its whole process tree every INTERVAL seconds
# (default 2) until it exits. Writes OUT.csv (seconds, total RSS in MB over the tree, RSS of the largest
# process in MB) and prints the peak of each. The exit status is the command's.
# Usage: src/scripts/sample-rss.sh OUT.csv [INTERVAL] -- COMMAND [ARGS...]
# Example: src/scripts/sample-rss.sh /tmp/rss.csv 2 -- java -jar target/splab.jar run --out runs/default
set -euo pipefail
out="${1:?usage: sample-rss.sh OUT.csv [INTERVAL] -- COMMAND...}"; shift
interval=2
if [ "${1:-}" != "--" ]; then interval="$1"; shift; fi
[ "${1:-}" = "--" ] || { echo "sample-rss: expected -- before the command" >&2; exit 2; }
shift
[ $# -gt 0 ] || { echo "sample-rss: no command given" >&2; exit 2; }

tree() { # the pid and all its descendants
  local p="$1"; echo "$p"
  for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do tree "$c"; done
}

"$@" &
pid=$!
tmp="$out.tmp.$$"
echo "seconds,total_rss_mb,largest_process_rss_mb" > "$tmp"
start=$(date +%s.%N)
peak_total=0; peak_one=0
while kill -0 "$pid" 2>/dev/null; do
  total=0; one=0
  for p in $(tree "$pid"); do
    kb=$(awk '/^VmRSS:/ {print $2}' /proc/"$p"/status 2>/dev/null || true)
    kb=${kb:-0}
    total=$((total + kb)); [ "$kb" -gt "$one" ] && one=$kb
  done
  now=$(date +%s.%N)
  printf '%.1f,%d,%d\n' "$(echo "$now - $start" | bc)" $((total / 1024)) $((one / 1024)) >> "$tmp"
  [ "$total" -gt "$peak_total" ] && peak_total=$total
  [ "$one" -gt "$peak_one" ] && peak_one=$one
  sleep "$interval"
done
set +e; wait "$pid"; status=$?; set -e
mv "$tmp" "$out"
echo "sample-rss: peak RSS $((peak_total / 1024)) MB over the process tree, $((peak_one / 1024)) MB in one process ($out)"
exit "$status"
