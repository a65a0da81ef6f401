#!/usr/bin/env bash
# Call-rate benchmark of Tandem's Connect path: a carrier (SIPp UAC) calls Tandem at a fixed rate,
# Tandem answers locally, queues the caller and calls an agent's Teams number over Direct Routing,
# where a SIPp UAS answers, talks for hold-ms and hangs up; Tandem then hangs the caller up.
#
#   sip/scripts/tandem-call-rate.sh <rate calls/s> <seconds> [hold-ms=0]
#
# Tandem is io.tandem.sip.bench.ConnectBench (sip test sources; compiled first unless BUILD=0),
# one tenant, AGENTS agents (default 10000) always available, no wrap-up, started in its own JVM on
# free loopback ports and stopped (SIGTERM) after the run. Scenarios: carrier-call-ended-by-agent.xml
# and teams-answers-then-hangs-up.xml (-d hold-ms; it checks the Direct Routing dialect of every
# INVITE). UDP, loopback only, bounded: sipps by -timeout, Tandem by its lifetime and `timeout`.
#
# Prints one line per side and the delays, each from gettimeofday in the sipps' logs, per call:
#   answer  = carrier INVITE sent → Tandem's 200 received (Tandem's local answer; also sipp's rtd)
#   ring    = carrier INVITE sent → the agent-side INVITE received by the Teams UAS (the agent's
#             phone rings: what a proxy's forwarded INVITE is)
#   ringAfterAnswer = Tandem's 200 received → agent-side INVITE received
# with p50/p99/max in ms, then Tandem's CPU (user+system over the call phase, from /proc), the two
# sipps' CPU (over their whole run), and Tandem's own status lines (peak calls, heap, RSS, events). KAMAILIO=1 then runs
# sip/scripts/kamailio-baseline.sh on the same rate, seconds and hold.
# Environment: AGENTS, BUILD=0 (skip compiling), JAVA_OPTS (e.g. "-XX:MaxTenuringThreshold=1
# -XX:MaxGCPauseMillis=10", the options of the latest figures in sip/README.md), KEEP=1 (keep the work directory),
# WARMUP (seconds of unmeasured 0-second calls first, default 20) at WARMUP_RATE (default
# min(rate, 1000)/s: 10 s at 200/s left the JIT compiling through the measured phase),
# KAMAILIO=1, SERVICE (dialled number, default +14255550101), MAX_CALLS (the node's tandem.sip.max-calls,
# default 2000), RTP_TIMEOUT (seconds; the SIPps send no RTP, so a call still up hold + 10 s
# after its answer is one a SIPp gave up on, and it is hung up as in production; 0: off).
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,29p' "$0"
  exit 2
fi
rate=$1
seconds=$2
hold=${3:-0}
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester"; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
scenarios=$here/src/test/resources/sipp
service=${SERVICE:-+14255550101}
agents=${AGENTS:-10000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d /tmp/tandem-call-rate.XXXXXX)
cleanup() {
  [ -n "${uas:-}" ] && kill "$uas" 2>/dev/null || true
  [ -n "${tandem:-}" ] && kill "$tandem" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "files: $work" || rm -rf "$work"
}
trap cleanup EXIT

classpath=$("$here/scripts/bench-classpath.sh")
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
tandem_port=$(free_port)
teams_port=$(free_port)
caller_port=$(free_port)
lifetime=$((seconds + hold / 1000 + ${WARMUP:-20} + 120))

# Tandem
# shellcheck disable=SC2086
timeout $((lifetime + 10)) "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$classpath" \
  io.tandem.sip.bench.ConnectBench port="$tandem_port" teamsPort="$teams_port" agents="$agents" \
  seconds="$lifetime" statusSeconds=5 maxCalls="${MAX_CALLS:-2000}" \
  rtpTimeoutSeconds="${RTP_TIMEOUT:-$((hold / 1000 + 10))}" >"$work/tandem.out" 2>"$work/tandem.err" &
bounded=$!
for _ in $(seq 1 600); do
  grep -q '^ready.* pid=[0-9]*$' "$work/tandem.out" && break
  kill -0 "$bounded" 2>/dev/null || { cat "$work/tandem.out" "$work/tandem.err"; exit 1; }
  sleep 0.1
done
tandem=$(sed -n 's/^ready.* pid=\([0-9]*\).*/\1/p' "$work/tandem.out")
[ -n "$tandem" ] || { echo "Tandem did not start"; cat "$work/tandem.err"; exit 1; }

cp "$scenarios/carrier-call-ended-by-agent.xml" "$work/carrier.xml"
cp "$scenarios/teams-answers-then-hangs-up.xml" "$work/teams.xml"
cd "$work"
udp_errors() { awk '/^Udp: [0-9]/ {print $6}' /proc/net/snmp; }
ticks() { awk '{print $14 + $15}' "/proc/$tandem/stat"; }

# load <rate> <seconds> <hold-ms> <prefix> <grace-s>: a Teams UAS and a carrier UAC, files
# <prefix>-*; calls still open grace-s after the last one was placed fail
load() {
  local rate=$1 seconds=$2 hold=$3 prefix=$4 limit=$(($2 + $3 / 1000 + $5))
  sipp -sf teams.xml -i 127.0.0.1 -p "$teams_port" -mp "$(free_port)" -t u1 -d "$hold" -aa \
    -timeout "${limit}s" -nostdin -max_socket 65000 -buff_size 4194304 \
    -trace_stat -stf "$prefix-uas-stat.csv" -fd 1 -trace_err -error_file "$prefix-uas-errors.log" \
    -trace_logs -log_file "$prefix-uas.log" >"$prefix-uas.out" 2>&1 &
  uas=$!
  for _ in $(seq 1 100); do
    ss -Hlun "sport = :$teams_port" | grep -q . && break
    kill -0 "$uas" 2>/dev/null || { cat "$prefix-uas.out"; exit 1; }
    sleep 0.05
  done
  set +e
  sipp "127.0.0.1:$tandem_port" -sf carrier.xml -i 127.0.0.1 -p "$caller_port" \
    -mp "$(free_port)" -t u1 -s "$service" -r "$rate" -m $((rate * seconds)) \
    -l $((rate * (hold / 1000 + 5) + 1000)) -key caller "+1999$prefix" -timeout "${limit}s" \
    -timeout_error -nostdin -max_socket 65000 -buff_size 4194304 -trace_stat \
    -stf "$prefix-uac-stat.csv" -fd 1 -trace_rtt -rtt_freq 100 -trace_err \
    -error_file "$prefix-uac-errors.log" -trace_logs -log_file "$prefix-uac.log" \
    >"$prefix-uac.out" 2>&1 &
  local uac=$! seen
  uac_ticks=0
  while kill -0 "$uac" 2>/dev/null; do # its CPU time, read until it ends (0.2 s may go unseen)
    seen=$(awk '{print $14 + $15}' "/proc/$uac/stat" 2>/dev/null) && [ -n "$seen" ] && uac_ticks=$seen
    sleep 0.2
  done
  wait "$uac"
  uac_exit=$?
  set -e
  uas_ticks=$(awk '{print $14 + $15}' "/proc/$uas/stat" 2>/dev/null || echo 0)
  # the Teams side has sent its last BYE by now: ask it to stop, then end it
  kill -USR1 "$uas" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$uas" 2>/dev/null || break; sleep 0.05; done
  kill "$uas" 2>/dev/null || true
  wait "$uas" 2>/dev/null || true
  uas=
}

# warm-up (the JIT compiles the hot paths): WARMUP seconds of 0-second calls at WARMUP_RATE,
# not measured
if [ "${WARMUP:-20}" -gt 0 ]; then
  load "${WARMUP_RATE:-$((rate < 1000 ? rate : 1000))}" "${WARMUP:-20}" 0 0 5
fi
drops_before=$(udp_errors)
ticks_before=$(ticks)
phase_start=$(date +%s.%N)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
load "$rate" "$seconds" "$hold" 1 30
ticks_after=$(ticks)
phase_end=$(date +%s.%N)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
drops=$(($(udp_errors) - drops_before))
kill -TERM "$tandem" 2>/dev/null || true
wait "$bounded" 2>/dev/null || true
tandem=

column() { # column <csv> <name>: the named column of the last row
  awk -F';' -v name="$2" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == name) c = i; next}
    {last = $c} END {print last + 0}' "$1"
}
printf 'tandem rate=%d/s seconds=%d hold=%dms agents=%d: attempted=%d successful=%d failed=%d teamsSide=%d/%dfailed sippExit=%d udpRcvbufErrors=%d load=%s→%s\n' \
  "$rate" "$seconds" "$hold" "$agents" "$(column 1-uac-stat.csv 'OutgoingCall(C)')" \
  "$(column 1-uac-stat.csv 'SuccessfulCall(C)')" "$(column 1-uac-stat.csv 'FailedCall(C)')" \
  "$(column 1-uas-stat.csv 'SuccessfulCall(C)')" "$(column 1-uas-stat.csv 'FailedCall(C)')" \
  "$uac_exit" "$drops" "$load_before" "$load_after"
# per-call delays from the two logs, joined on the caller's number
awk '
  $1 == "invite" {invite[$2] = $3 + $4 / 1e6}
  $1 == "answered" {answered[$2] = $3 + $4 / 1e6}
  $1 == "rings" {rings[$2] = $3 + $4 / 1e6}
  END {
    for (n in answered) if (n in invite) print "answer", (answered[n] - invite[n]) * 1000
    for (n in rings) if (n in invite) print "ring", (rings[n] - invite[n]) * 1000
    for (n in rings) if (n in answered) print "ringAfterAnswer", (rings[n] - answered[n]) * 1000
  }' 1-uac.log 1-uas.log >delays.txt
for kind in answer ring ringAfterAnswer; do
  awk -v k="$kind" '$1 == k {print $2}' delays.txt | sort -g | awk -v k="$kind" '
    {v[++n] = $1}
    END {
      if (!n) {print k ": no calls"; exit}
      p50 = v[int(0.5 * n + 0.999999)]; p99 = v[int(0.99 * n + 0.999999)]
      printf "%s: calls=%d p50=%.2fms p99=%.2fms max=%.2fms\n", k, n, p50, p99, v[n]
    }'
done
# the phase lasts from the first call to the sipps' end: longer than <seconds> when calls stay open
awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v r="$rate" -v s="$seconds" \
  -v wall="$(awk -v a="$phase_start" -v b="$phase_end" 'BEGIN {print b - a}')" \
  'BEGIN {printf "tandem cpu=%.1fs over the call phase (%.0f%% of one core over its %.0fs; %.0f µs per call)\n", t / hz, 100 * t / hz / wall, wall, 1e6 * t / hz / (r * s)}'
awk -v c="$uac_ticks" -v t="$uas_ticks" -v hz="$(getconf CLK_TCK)" -v s="$seconds" \
  'BEGIN {printf "sipp cpu: carrier %.1fs, teams %.1fs (%.0f%% and %.0f%% of one core over %ds, start and end included)\n", c / hz, t / hz, 100 * c / hz / s, 100 * t / hz / s, s}'
grep -E '^(status|final)' "$work/tandem.out" | tail -3
grep -v -E 'log4j|^$' "$work/tandem.err" | sort | uniq -c | sort -rn | head -5 || true
if [ "${KAMAILIO:-0}" = 1 ]; then
  "$here/scripts/kamailio-baseline.sh" "$rate" "$seconds" "$hold"
fi
