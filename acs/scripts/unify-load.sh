#!/usr/bin/env bash
# IncomingCall-to-answer and key-to-next-prompt latency, and concurrent callers, of one Unify node
# (ACS Call Automation) against the emulator.
#
#   acs/scripts/unify-load.sh [callsPerSecond=50] [seconds=30] [concurrentTargets=1000]
#
# Runs the JUnit benchmark UnifyLoadBenchmark (tag `benchmark`, excluded from the normal build) in
# one JVM with the in-process emulator, loopback only, on the wall clock:
#   1. `callsPerSecond` new PSTN calls per second for `seconds` s (after a 5 s warm-up): time from
#      the emulator POSTing the IncomingCall Event Grid delivery to the application's :answer
#      arriving, and from the caller's key to the application's next request on that call after the
#      RecognizeCompleted callback (the queue's music-on-hold :play);
#   2. unless `concurrentTargets` is 0: callers ramped at `callsPerSecond` to each step of the
#      comma-separated targets (e.g. 1000,2000), all queued with music on hold, held HOLD seconds
#      (environment, default 30); stops at the first step not held.
# Prints the report of each; fails only when a call was dropped, refused or failed, never on timing.
# Environment: JAVA_HOME (Temurin 25), HOLD, JVM_OPTS (flags for the test JVM, e.g.
# -XX:StartFlightRecording=filename=/tmp/unify.jfr), OFFLINE (default -o; set empty to allow
# downloads).
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-50}
seconds=${2:-30}
targets=${3:-1000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
tests=UnifyLoadBenchmark#answerAndKeyToNextPrompt_atAFixedRateOfNewCalls
[ "$targets" = "0" ] || tests="$tests+concurrentCallers_queuedWithMusicOnHold"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
echo "load average before the build: $(cat /proc/loadavg 2>/dev/null || echo n/a)"
./mvnw -B ${OFFLINE--o} -pl core,media,emulator,identity,acs -am test \
  -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgroups=benchmark -DexcludedGroups=none \
  -Dunify.bench.rate="$rate" -Dunify.bench.seconds="$seconds" \
  -Dunify.bench.concurrent="$targets" -Dunify.bench.hold="${HOLD:-30}" \
  ${JVM_OPTS:+"-DargLine=$JVM_OPTS"} -Dsurefire.redirectTestOutputToFile=false -Dspotless.check.skip=true \
  | grep -E '^(Unify|  |\[ERROR\]|Tests run:|\[INFO\] BUILD)' || true
report=acs/target/surefire-reports/io.tandem.acs.unify.bench.UnifyLoadBenchmark.txt
[ -f "$report" ] && grep -q 'FAILURE' "$report" && { cat "$report"; exit 1; }
exit 0
