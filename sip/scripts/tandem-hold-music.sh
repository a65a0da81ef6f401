#!/usr/bin/env bash
# Media benchmark of Tandem's Connect path: N callers wait in a queue with no agents, each hearing
# music on hold (one paced RTP stream from Tandem per caller), while Tandem's RTP pacer measures how
# late each 20 ms tick runs against its schedule (io.tandem.sip.bench.MeasuringPacer).
#
#   sip/scripts/tandem-hold-music.sh <callers> [measure-seconds=30]
#
# Tandem is io.tandem.sip.bench.ConnectBench with agents=0 (compiled first unless BUILD=0). The
# carrier (SIPp UAC, carrier-call-hold-time.xml) places the callers at RAMP calls/s (default 200)
# and holds each for ramp + settle (10 s) + measure-seconds + 10 s, then hangs up; all of Tandem's
# streams go to that sipp's media port, which does not read them (the kernel drops them: udp drops
# are expected here and are not Tandem's). Loopback only, bounded by sipp's -timeout and Tandem's
# lifetime.
#
# Prints: the callers answered and queued, the pacing lateness p50/p99/p99.9/max over the measured
# window (from Tandem's 5-second status lines), Tandem's CPU over the window (% of one core, and
# per 100 callers), heap after a full GC (jcmd GC.run) before the calls and with every caller
# queued, and RSS, each also per caller.
# Environment: BUILD=0, JAVA_OPTS, KEEP=1, RAMP, PACER_THREADS (threads of the RTP pacer, default 1),
# PACER (phased, the default: PhasedPacer; scheduled: ScheduledPacer, one job per session and tick).
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,20p' "$0"
  exit 2
fi
callers=$1
measure=${2:-30}
ramp=${RAMP:-200}
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester"; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
work=$(mktemp -d /tmp/tandem-hold-music.XXXXXX)
cleanup() {
  [ -n "${uac:-}" ] && kill "$uac" 2>/dev/null || true
  [ -n "${tandem:-}" ] && kill "$tandem" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "files: $work" || rm -rf "$work"
}
trap cleanup EXIT
classpath=$("$here/scripts/bench-classpath.sh")
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
tandem_port=$(free_port)
ramp_seconds=$(((callers + ramp - 1) / ramp))
hold_s=$((ramp_seconds + 10 + measure + 10))
lifetime=$((hold_s + 90))

# shellcheck disable=SC2086
timeout $((lifetime + 10)) "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$classpath" \
  io.tandem.sip.bench.ConnectBench port="$tandem_port" teamsPort="$(free_port)" agents=0 \
  pacerThreads="${PACER_THREADS:-1}" pacer="${PACER:-phased}" \
  seconds="$lifetime" statusSeconds=5 >"$work/tandem.out" 2>"$work/tandem.err" &
bounded=$!
for _ in $(seq 1 600); do
  grep -q '^ready.* pid=[0-9]*$' "$work/tandem.out" && break
  kill -0 "$bounded" 2>/dev/null || { cat "$work/tandem.out" "$work/tandem.err"; exit 1; }
  sleep 0.1
done
tandem=$(sed -n 's/^ready.* pid=\([0-9]*\)$/\1/p' "$work/tandem.out")
[ -n "$tandem" ] || { echo "Tandem did not start"; cat "$work/tandem.err"; exit 1; }

heap_after_gc() { # heap in use after a full GC, in KB
  "$JAVA_HOME/bin/jcmd" "$tandem" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$tandem" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1
}
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$tandem/status"; }
ticks() { awk '{print $14 + $15}' "/proc/$tandem/stat"; }
heap_before=$(heap_after_gc)
rss_before=$(rss)

cp "$here/src/test/resources/sipp/carrier-call-hold-time.xml" "$work/carrier.xml"
cd "$work"
sipp "127.0.0.1:$tandem_port" -sf carrier.xml -i 127.0.0.1 -p "$(free_port)" -mp "$(free_port)" \
  -t u1 -s +14255550101 -r "$ramp" -m "$callers" -l "$callers" -d $((hold_s * 1000)) \
  -key caller +17168712781 -timeout "$((hold_s + 30))s" -timeout_error -nostdin \
  -max_socket 65000 -buff_size 4194304 -trace_stat -stf uac-stat.csv -fd 1 \
  -trace_err -error_file uac-errors.log >uac.out 2>&1 &
uac=$!
# the ramp, then 10 s to settle
sleep $((ramp_seconds + 10))
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
marker=$(wc -l <tandem.out)
ticks_before=$(ticks)
sleep "$measure"
ticks_after=$(ticks)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
window=$(tail -n +$((marker + 1)) tandem.out | grep '^status' || true)
heap_full=$(heap_after_gc)
rss_full=$(rss)
active=$( (grep -o ' calls=[0-9]*' tandem.out || true) | tail -1 | cut -d= -f2)
kill "$uac" 2>/dev/null || true
wait "$uac" 2>/dev/null || true
uac=

echo "$window" | awk -v n="$callers" -v active="$active" -v t=$((ticks_after - ticks_before)) \
  -v hz="$(getconf CLK_TCK)" -v s="$measure" -v lb="$load_before" -v la="$load_after" '
  function field(name,   i) {for (i = 1; i <= NF; i++) if (index($i, name "=") == 1) {v = substr($i, length(name) + 2); sub(/ms$/, "", v); return v + 0}}
  NF {lines++; ticks += field("rtpTicks"); p99s[lines] = field("lateP99")
      if (field("lateP50") > p50) p50 = field("lateP50"); if (field("lateP99") > p99) p99 = field("lateP99")
      if (field("lateP999") > p999) p999 = field("lateP999"); if (field("lateMax") > max) max = field("lateMax")}
  END {
    cpu = 100 * t / hz / s
    printf "tandem hold music callers=%d active=%d window=%ds (%d status lines, %d RTP ticks = %.0f streams) load=%s→%s\n", n, active, s, lines, ticks, ticks / (lines * 5 * 50), lb, la
    for (i = 2; i <= lines; i++) for (j = i; j > 1 && p99s[j - 1] > p99s[j]; j--) {t2 = p99s[j]; p99s[j] = p99s[j - 1]; p99s[j - 1] = t2}
    printf "pacing lateness, worst 5-s interval of the window: p50=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms; p99 of the median interval=%.1fms\n", p50, p99, p999, max, p99s[int((lines + 1) / 2)]
    printf "cpu=%.0f%% of one core = %.1f%% per 100 callers\n", cpu, cpu * 100 / n
  }'
awk -v hb="$heap_before" -v hf="$heap_full" -v rb="$rss_before" -v rf="$rss_full" -v n="$callers" 'BEGIN {
  printf "heap after full GC: %.0f MB idle, %.0f MB with the callers = %.1f KB per caller; RSS %.0f MB → %.0f MB = %.1f KB per caller\n",
    hb / 1024, hf / 1024, (hf - hb) / n, rb / 1024, rf / 1024, (rf - rb) / n }'
grep -v -E 'log4j|^$' tandem.err | sed 's/^[A-Z][a-z][a-z] [0-9]*, .* [AP]M //' | sort | uniq -c | sort -rn | head -5 || true
