#!/usr/bin/env bash
# Concurrent SIP calls with RTP the emulated Direct Routing proxy sustains on this machine: SIPp
# (Debian sip-tester) plays the SBC over UDP on loopback, each call streams G.711 both ways.
# Usage: emulator/scripts/direct-routing-load.sh [calls=500] [rate=100] [holdSeconds=15]
# Bounded: SIPp stops after `calls` calls and its own timeout.
set -euo pipefail
cd "$(dirname "$0")/../.."
calls=${1:-500}; rate=${2:-100}; hold=${3:-15}
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester"; exit 2; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ulimit -n 65536 || true
./mvnw -B -q -o -pl media,emulator -am test -Dtest=DirectRoutingLoadBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true \
  -DargLine="-Dbenchmark=true -Dcalls=$calls -Drate=$rate -DholdSeconds=$hold" 2>&1 \
  | grep -E 'calls=|Call\(C\)' || true
grep -h -E 'calls=|Call\(C\)' emulator/target/surefire-reports/*DirectRoutingLoadBenchmark-output.txt 2>/dev/null || true
