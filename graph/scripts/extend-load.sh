#!/usr/bin/env bash
# Notification-to-action latency and concurrent callers of one Extend node against the emulator.
#
#   graph/scripts/extend-load.sh [callsPerSecond=50] [seconds=30] [concurrentTargets=1000]
#
# Runs the JUnit benchmark ExtendLoadBenchmark (tag `benchmark`, excluded from the normal build)
# in one JVM with the in-process emulator, loopback only, on the wall clock:
#   1. `callsPerSecond` new PSTN calls per second for `seconds` s (after a 5 s warm-up): time from
#      the emulator sending the incoming-call notification to the bot's answer arriving, and from
#      the first tone notification to the bot's next request on that call (cancelMediaProcessing);
#   2. unless `concurrentTargets` is 0: callers ramped at `callsPerSecond` to each step of the
#      comma-separated targets (e.g. 1000,2000), all queued with music on hold, held HOLD seconds
#      (environment, default 30); stops at the first step not held.
# Prints the report of each; fails only when a call was dropped or failed, never on timing.
# Environment: JAVA_HOME (Temurin 25), HOLD, JVM_OPTS (flags for the test JVM, e.g.
# -XX:StartFlightRecording=filename=/tmp/extend.jfr), OFFLINE (default -o; set empty to allow
# downloads).
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-50}
seconds=${2:-30}
targets=${3:-1000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
tests=ExtendLoadBenchmark#notificationToAction_atAFixedRateOfNewCalls
[ "$targets" = "0" ] || tests="$tests+concurrentCallers_queuedWithMusicOnHold"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
./mvnw -B ${OFFLINE--o} -pl core,media,emulator,identity,graph -am test \
  -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgroups=benchmark -DexcludedGroups=none \
  -Dextend.bench.rate="$rate" -Dextend.bench.seconds="$seconds" \
  -Dextend.bench.concurrent="$targets" -Dextend.bench.hold="${HOLD:-30}" \
  ${JVM_OPTS:+"-DargLine=$JVM_OPTS"} -Dsurefire.redirectTestOutputToFile=false -Dspotless.check.skip=true \
  | grep -E '^(Extend|  |\[ERROR\]|Tests run:|\[INFO\] BUILD)' || true
report=graph/target/surefire-reports/io.tandem.graph.extend.bench.ExtendLoadBenchmark.txt
[ -f "$report" ] && grep -q 'FAILURE' "$report" && { cat "$report"; exit 1; }
exit 0
