#!/usr/bin/env bash
# Builds Tandem and runs the staffing simulator on a scenario (default scenarios/demo.yaml), e.g.
#   scripts/simulate.sh --json scenarios/million.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh
./mvnw -q -ntp -DskipTests install
if [ $# -eq 0 ]; then
  set -- scenarios/demo.yaml
fi
exec java -jar simulator/target/tandem-simulator.jar "$@"
