#!/usr/bin/env bash
# Concurrent SIP calls with RTP the emulated Direct Routing proxy sustains on this machine.
#
#   emulator/scripts/direct-routing-load.sh [calls=500] [rate=100] [hold=30]
#
# Runs the emulator jar alone (java -jar tandem-emulator.jar --sip …, loopback, UDP) and SIPp
# (Debian sip-tester 3.6.1) as the SBC: `calls` calls at `rate` calls/s to a Teams user who answers
# at once; every call streams G.711 both ways (SIPp's rtp_stream loops a 440 Hz tone, the
# emulator's Teams side sends its tone back) and lasts until all `calls` have been up together for
# `hold` seconds, then SIPp sends BYE. Every second it samples the emulator JVM's and SIPp's CPU
# (/proc/<pid>/stat), the kernel's UDP counters (/proc/net/snmp) and SIPp's current calls; at the
# end it prints one summary line for the hold window and keeps the files in a /tmp/dr-load.* folder.
#
# Bounded: SIPp stops after `calls` calls or its -timeout; the emulator runs under `timeout`.
# Environment: JAVA_HOME (Temurin 25), JVM_OPTS (extra JVM flags), PORT_BASE (default 35060),
# JAR (default emulator/target/tandem-emulator.jar, built when missing).
#
# SIPp 3.6.1 notes: it has no -min_rtp_port/-max_rtp_port (3.7 has): passing them makes it print
# its usage and exit 1 at once, without statistics. Every call's RTP uses the -mp port (6000);
# SIPp does not read what arrives there unless -rtp_echo is on, so the emulator's RTP towards SIPp
# is dropped by the kernel at SIPp's socket (counted in RcvbufErrors); drops at the emulator's own
# sockets are reported separately.
set -euo pipefail
cd "$(dirname "$0")/../.."
calls=${1:-500}
rate=${2:-100}
hold=${3:-30}
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester"; exit 2; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=${JAR:-emulator/target/tandem-emulator.jar}
[ -f "$jar" ] || ./mvnw -B -q -o -pl media,emulator -am package -DskipTests
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

base=${PORT_BASE:-35060}
http=$((base + 3340))
work=$(mktemp -d /tmp/dr-load.XXXXXX)
ramp=$(((calls + rate - 1) / rate))
call_ms=$(((ramp + hold) * 1000))
limit=$((ramp + hold + ramp + 120))

"$java" emulator/scripts/ToneFile.java "$work/tone.ulaw"
sed -e "s#\[rtp_file\]#$work/tone.ulaw#" -e "s#\[call_ms\]#$call_ms#" \
  emulator/scripts/sipp/sbc-uac-rtp-load.xml >"$work/sbc.xml"

# shellcheck disable=SC2086
timeout $((limit + 60)) "$java" ${JVM_OPTS:-} -jar "$jar" \
  --world emulator/src/test/resources/directrouting/world-load.yaml \
  --http-port "$http" --sip-port-base "$base" --sip-proxies 1 --sip-transports udp \
  --carrier-port $((base + 20)) --sip-max-calls 100000 \
  >"$work/emulator.log" 2>&1 &
bounded=$!
trap 'kill "$bounded" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "localhost:$http/emulator/health" >/dev/null && break
  sleep 0.5
done
emulator=$(pgrep -P "$bounded")

timeout $((limit + 30)) sipp "127.0.0.1:$base" -sf "$work/sbc.xml" -s +14255550101 \
  -i 127.0.0.1 -p $((base + 40)) -m "$calls" -r "$rate" -l "$calls" -timeout "${limit}s" \
  -nostdin -max_socket 65000 -trace_stat -stf "$work/stat.csv" -fd 1 \
  -trace_err -error_file "$work/errors.log" >"$work/sipp.out" 2>&1 &
bounded_sipp=$!
sleep 0.2
sipp=$(pgrep -P "$bounded_sipp")

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
udp() { awk '/^Udp: [0-9]/ {print $2, $5, $6}' /proc/net/snmp; }
current() {
  [ -s "$work/stat.csv" ] || { echo 0; return; }
  tail -n 1 "$work/stat.csv" | awk -F';' -v h="$(head -n 1 "$work/stat.csv")" \
    'BEGIN {n = split(h, f, ";"); for (i = 1; i <= n; i++) if (f[i] == "CurrentCall") c = i}
     {print (c ? $c : 0)}'
}
echo "t emulatorTicks sippTicks udpIn udpOut rcvbufErrors currentCalls" >"$work/samples.txt"
start=$(date +%s.%N)
while kill -0 "$bounded_sipp" 2>/dev/null; do
  now=$(date +%s.%N)
  echo "$(echo "$now - $start" | bc) $(ticks "$emulator") $(ticks "$sipp") $(udp) $(current)" \
    >>"$work/samples.txt"
  # drops at the emulator's own sockets, read while its calls are up
  inodes=$(ls -l "/proc/$emulator/fd" 2>/dev/null | grep -o 'socket:\[[0-9]*\]' | grep -o '[0-9]*' || true)
  echo "$inodes" | awk 'NR == FNR {own[$1] = 1; next} FNR > 1 && ($10 in own) {d += $13}
    END {print d + 0}' - /proc/net/udp >"$work/emulator-drops.txt"
  sleep 1
done
wait "$bounded_sipp" && sipp_exit=0 || sipp_exit=$?
# what the emulator journalled about the calls (call.connected, call.ended, sip.sendFailed …)
curl -s "localhost:$http/emulator/journal?channel=sip&limit=10000&kind=call." |
  grep -o '"kind":"[^"]*"' | sort | uniq -c >"$work/journal-kinds.txt" || true
curl -s "localhost:$http/emulator/journal?channel=sip&limit=10000&kind=sip." |
  grep -o '"kind":"[^"]*"' | sort | uniq -c >>"$work/journal-kinds.txt" || true

hz=$(getconf CLK_TCK)
last=$(tail -n 1 "$work/stat.csv")
head=$(head -n 1 "$work/stat.csv")
column() { awk -F';' -v h="$head" -v name="$1" -v row="$last" \
  'BEGIN {n = split(h, f, ";"); split(row, v, ";"); for (i = 1; i <= n; i++) if (f[i] == name) print v[i]}'; }
ok=$(column 'SuccessfulCall(C)')
failed=$(column 'FailedCall(C)')
awk -v calls="$calls" -v rate="$rate" -v hold="$hold" -v hz="$hz" -v ok="$ok" -v failed="$failed" \
  -v exitcode="$sipp_exit" -v drops="$(cat "$work/emulator-drops.txt")" -v cores="$(nproc)" '
  NR == 1 {next}
  {t[NR] = $1; e[NR] = $2; s[NR] = $3; in_[NR] = $4; out[NR] = $5; rb[NR] = $6; c[NR] = $7
   if ($7 > peak) peak = $7; if (!first && $7 > 0) first = $1; last = NR}
  END {
    for (i = 2; i <= last; i++) if (c[i] >= peak && !from) {from = i; up = t[i]}
    for (i = from; i <= last && c[i] >= peak; i++) to = i
    dt = t[to] - t[from]
    if (dt <= 0) {print "no hold window (peak " peak ")"; exit 1}
    printf "calls=%d rate=%d/s hold=%ds: ok=%d failed=%d sippExit=%d peakConcurrent=%d", calls, rate, hold, ok, failed, exitcode, peak
    printf " setup=%.0f calls/s", peak / (up - first + 1)
    printf " | hold window %.0fs: emulatorCpu=%.0f%% sippCpu=%.0f%% (of one core; %d cores)", dt, 100 * (e[to] - e[from]) / hz / dt, 100 * (s[to] - s[from]) / hz / dt, cores
    printf " udpIn=%.0f/s udpOut=%.0f/s (expected RTP %d/s each way) rcvbufErrors=%.0f/s emulatorSocketDrops=%d\n", (in_[to] - in_[from]) / dt, (out[to] - out[from]) / dt, 50 * peak, (rb[to] - rb[from]) / dt, drops
  }' "$work/samples.txt" | tee "$work/summary.txt"
echo "files: $work"
