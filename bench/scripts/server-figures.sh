#!/usr/bin/env bash
# Measures the server figures of issue 3 on this machine, on loopback, bounded in time:
#   1. start-up: from process start until /actuator/health/readiness answers 200 (fresh H2 database),
#   2. read throughput of live queue statistics under load (wrk, 3 runs of 20 s, median),
#   3. heap in use after the demo has run for 5 minutes (after a full GC).
# Needs: the jar (./mvnw -DskipTests install), wrk (apt-get install wrk), a JDK >= 21 in JAVA_HOME.
# Usage: bench/scripts/server-figures.sh [demo-minutes]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/select-jdk.sh
MINUTES=${1:-5}
PORT=18080
WORK=$(mktemp -d)
JAR=$PWD/server/target/tandem.jar
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

start=$(date +%s%N)
(cd "$WORK" && exec java -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 > "$WORK/server.log" 2>&1) &
PID=$!
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; do
  sleep 0.05
  if (( ($(date +%s%N) - start) / 1000000000 > 120 )); then echo "not ready in 120 s"; exit 1; fi
done
ready=$(date +%s%N)
echo "start-up to ready: $(( (ready - start) / 1000000 )) ms ($(grep -o 'Started TandemApplication in [0-9.]* seconds' "$WORK/server.log"))"

sleep 20   # let the demo get calls going
URL="http://127.0.0.1:$PORT/api/v1/tenants/demo/statistics"
for run in 1 2 3; do
  wrk -t2 -c32 -d20s --latency "$URL" | tee "$WORK/wrk-$run.txt" | grep -E "Requests/sec|50%|99%"
done
echo -n "statistics reads/s, median of 3: "
grep -h "Requests/sec" "$WORK"/wrk-*.txt | awk '{print $2}' | sort -n | sed -n 2p

elapsed=$(( ($(date +%s%N) - ready) / 1000000000 ))
rest=$(( MINUTES * 60 - elapsed ))
if (( rest > 0 )); then sleep $rest; fi
jcmd $PID GC.run > /dev/null
echo "after ${MINUTES} min of demo traffic (full GC):"
jcmd $PID GC.heap_info | head -3
curl -fs "http://127.0.0.1:$PORT/api/v1/tenants/demo/statistics" | head -c 400; echo
