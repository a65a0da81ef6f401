#!/usr/bin/env bash
# Kamailio baseline for the call-rate benchmark: Kamailio 5.6 as a stateful proxy
# (sip/bench/kamailio.cfg) between the carrier SIPp UAC and the Teams-side SIPp UAS, same traffic as
# call-rate.sh sends through Tandem.
#
#   sip/scripts/kamailio-baseline.sh <rate calls/s> <seconds> [hold-ms=0]
#
# Installs Kamailio when missing (apt-get install -y kamailio; for a workstation, never in CI),
# runs it in the foreground on free loopback ports under `timeout`, runs call-rate.sh through it,
# stops it and prints call-rate.sh's line plus Kamailio's CPU time (user+system, all processes).
# Environment: WORKERS (Kamailio UDP workers, default 1: one process keeps each call's messages in
# order; with more, a 180 can overtake its 200 and sipp fails the call), KEEP=1 keeps the work directory.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0"
  exit 2
fi
rate=$1
seconds=$2
hold=${3:-0}
here=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v kamailio >/dev/null; then
  apt-get install -y kamailio >/dev/null
fi
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
proxy_port=$(free_port)
teams_port=$(free_port)
work=$(mktemp -d /tmp/kamailio-baseline.XXXXXX)
limit=$((seconds + hold / 1000 + 90))

timeout "$limit" kamailio -f "$here/bench/kamailio.cfg" -DD -E -m 512 -M 16 \
  -A "PROXY_PORT=$proxy_port" -A "TEAMS_URI=\"sip:127.0.0.1:$teams_port\"" \
  -A "WORKERS=${WORKERS:-1}" -w "$work" >"$work/kamailio.log" 2>&1 &
bounded=$!
cleanup() {
  kill "$bounded" 2>/dev/null || true
  wait "$bounded" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "files: $work" || rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  ss -Hlun "sport = :$proxy_port" | grep -q . && break
  kill -0 "$bounded" 2>/dev/null || { cat "$work/kamailio.log"; exit 1; }
  sleep 0.05
done
# CPU ticks (user + system) of every Kamailio process: the main one under `timeout` and its
# children (workers, timers), looked up at each call
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}
ticks() {
  local total=0 pid
  for pid in $(descendants "$bounded"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
before=$(ticks)
TEAMS_PORT=$teams_port "$here/scripts/call-rate.sh" "127.0.0.1:$proxy_port" "$rate" "$seconds" "$hold" |
  tee "$work/call-rate.txt"
after=$(ticks)
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" -v w="${WORKERS:-1}" \
  'BEGIN {printf "kamailio workers=%d cpu=%.1fs (%.0f%% of one core over %ds)\n", w, t / hz, 100 * t / hz / s, s}'
