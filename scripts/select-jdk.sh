# Sourced by .ci/run and ./demo: points JAVA_HOME at a JDK >= 21 (these machines default to 17),
# trying $JAVA_HOME, Temurin 25 and 21, then any JDK under /usr/lib/jvm; installs Debian's JDK 21 as
# a last resort when running as root.

tandem_jdk_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {print $2}'
}

tandem_pick_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$(tandem_jdk_version "$candidate")
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(tandem_pick_jdk); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "No JDK >= 21 found; installing Debian's openjdk-21-jdk-headless" >&2
    apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless >/dev/null
    JAVA_HOME=$(tandem_pick_jdk)
  else
    echo "Tandem needs a JDK 21 or newer: install one and set JAVA_HOME" >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
