#!/usr/bin/env bash
# Prints the class path of the sip module's benchmarks (io.tandem.sip.bench, test sources): the
# reactor's compiled classes of core, media and sip, and sip's third-party runtime jars from the
# local Maven repository. Compiles core, media and sip (with sip's test sources) first, offline,
# unless BUILD=0.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$root"
if [ "${BUILD:-1}" != 0 ]; then
  ./mvnw -B -q -o -pl core,media,emulator,identity,sip -am test-compile -Dspotless.check.skip=true \
    >/dev/null 2>&1 || { echo "compiling failed: run ./mvnw -o -pl sip -am test-compile" >&2; exit 1; }
fi
jars=$(mktemp)
trap 'rm -f "$jars"' EXIT
./mvnw -B -q -o -pl sip dependency:build-classpath -Dmdep.outputFile="$jars" >/dev/null 2>&1
third_party=$(tr ':' '\n' <"$jars" | grep -v -e '/io/tandem/' -e '/junit' -e '/assertj' \
  -e '/archunit' -e '/byte-buddy' | paste -sd:)
echo "$root/core/target/classes:$root/media/target/classes:$root/sip/target/classes:$root/sip/target/test-classes:$third_party"
