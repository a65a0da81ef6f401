#!/usr/bin/env bash
# Call-rate benchmark: a carrier (SIPp UAC) calls a target at a fixed rate, the target forwards to
# the agent's Teams side (a SIPp UAS) and the call is answered there.
#
#   sip/scripts/call-rate.sh <target host:port> <rate calls/s> <seconds> [hold-ms=0]
#
# The target is Tandem or a proxy (sip/scripts/kamailio-baseline.sh). The caller plays
# sip/src/test/resources/sipp/carrier-call-zero-seconds.xml (hold-ms 0: BYE right after the ACK) or
# carrier-call-hold-time.xml (BYE after hold-ms); the Teams side plays teams-answers.xml (which
# checks the Direct Routing dialect of every INVITE it gets) without RTP. UDP, loopback only.
#
# Prints one line: calls attempted/successful/failed on the caller side, calls the Teams side
# completed/failed, and the caller's INVITE→200 response time (sipp's rtd, from -trace_rtt): p50,
# p99, max in ms (sipp's clock has whole milliseconds), and the kernel's UDP receive-buffer drops
# during the run (all sockets on the machine, /proc/net/snmp RcvbufErrors). That is the post-dial delay through the target. sipp's own share: call the Teams
# side directly, which then cannot check the dialect (a carrier sends no X-MS-SBC):
#   TEAMS_SCENARIO=standin/tandem-answers.xml TEAMS_PORT=5070 sip/scripts/call-rate.sh 127.0.0.1:5070 …
#
# Environment: TEAMS_PORT (where the target forwards INVITEs; default 5070), TEAMS_SCENARIO (default
# teams-answers.xml), CALLER_PORT (default a free port), SERVICE (dialled number, default
# +14255550101), KEEP=1 keeps the work directory.
# Bounded: both sipps stop by their -timeout (seconds + hold + 30 s); the UAS is killed at the end.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,20p' "$0"
  exit 2
fi
target=$1
rate=$2
seconds=$3
hold=${4:-0}
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester"; exit 2; }
case "$target" in
  127.* | localhost:*) ;;
  *) echo "loopback targets only: $target"; exit 2 ;;
esac
here=$(cd "$(dirname "$0")/.." && pwd)
scenarios=$here/src/test/resources/sipp
teams_port=${TEAMS_PORT:-5070}
service=${SERVICE:-+14255550101}
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
caller_port=${CALLER_PORT:-$(free_port)}
ulimit -n 65536 2>/dev/null || true

work=$(mktemp -d /tmp/call-rate.XXXXXX)
cleanup() {
  [ -n "${uas:-}" ] && kill "$uas" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "files: $work" || rm -rf "$work"
}
trap cleanup EXIT

# -key arguments for a scenario's declared keys (<!-- keys: a=1 b=2 -->): name=value arguments
# override the declared defaults
keys() {
  local file=$1 pair name
  shift
  for pair in $(sed -n 's/.*<!-- keys:\(.*\)-->.*/\1/p' "$file"); do
    name=${pair%%=*}
    for override in "$@"; do
      if [ "${override%%=*}" = "$name" ]; then pair=$override; fi
    done
    printf -- '-key\n%s\n%s\n' "$name" "${pair#*=}"
  done
}
if [ "$hold" -gt 0 ]; then caller=carrier-call-hold-time.xml; else caller=carrier-call-zero-seconds.xml; fi
teams=${TEAMS_SCENARIO:-teams-answers.xml}
cp "$scenarios/$caller" "$work/"
cp "$scenarios/$teams" "$work/teams.xml"
# teams-answers.xml loads its tone even with rtp=off: one second of µ-law silence stands in
head -c 8000 /dev/zero | tr '\0' '\377' >"$work/tone-440hz.ulaw"
calls=$((rate * seconds))
limit=$((seconds + hold / 1000 + 30))
cd "$work"

if grep -q 'keys:.*rtp=' teams.xml; then mapfile -t uas_keys < <(keys teams.xml rtp=off); else mapfile -t uas_keys < <(keys teams.xml); fi
sipp -sf teams.xml -i 127.0.0.1 -p "$teams_port" -mp "$(free_port)" -t u1 \
  "${uas_keys[@]}" -timeout "${limit}s" -nostdin -max_socket 65000 \
  -buff_size 4194304 -trace_stat -stf uas-stat.csv -fd 1 -trace_err -error_file uas-errors.log \
  >uas.out 2>&1 &
uas=$!
for _ in $(seq 1 100); do
  ss -Hlun "sport = :$teams_port" | grep -q . && break
  kill -0 "$uas" 2>/dev/null || { cat uas.out; exit 1; }
  sleep 0.05
done

mapfile -t uac_keys < <(keys "$caller")
udp_errors() { awk '/^Udp: [0-9]/ {print $6}' /proc/net/snmp; }
drops_before=$(udp_errors)
set +e
sipp "$target" -sf "$caller" -i 127.0.0.1 -p "$caller_port" -mp "$(free_port)" -t u1 \
  -s "$service" -r "$rate" -m "$calls" -l $((rate * (hold / 1000 + 5))) -d "$hold" \
  "${uac_keys[@]}" -timeout "${limit}s" -timeout_error -nostdin -max_socket 65000 \
  -buff_size 4194304 -trace_stat -stf uac-stat.csv -fd 1 -trace_rtt -rtt_freq 100 \
  -trace_err -error_file uac-errors.log >uac.out 2>&1
uac_exit=$?
set -e
drops=$(($(udp_errors) - drops_before))
# the Teams side gets its last BYE within a round trip: ask it to stop (USR1 lets calls finish),
# and end it after two seconds if a call still waits for a BYE that will never come
kill -USR1 "$uas" 2>/dev/null || true
for _ in $(seq 1 40); do kill -0 "$uas" 2>/dev/null || break; sleep 0.05; done
kill "$uas" 2>/dev/null || true
wait "$uas" 2>/dev/null || true
uas=

column() { # column <csv> <name>: the named column of the last row
  awk -F';' -v name="$2" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == name) c = i; next}
    {last = $c} END {print last + 0}' "$1"
}
attempted=$(column uac-stat.csv 'OutgoingCall(C)')
ok=$(column uac-stat.csv 'SuccessfulCall(C)')
failed=$(column uac-stat.csv 'FailedCall(C)')
teams_ok=$(column uas-stat.csv 'SuccessfulCall(C)')
teams_failed=$(column uas-stat.csv 'FailedCall(C)')
# response times: <scenario>_<pid>_rtt.csv rows "Date_ms;response_time_ms;rtd_no", whole ms (sipp's clock)
rtt=$( (cat ./*_rtt.csv 2>/dev/null || true) | awk -F';' 'NR > 1 && $2 ~ /^[0-9.]+$/ {print $2}' | sort -n)
percentile() { echo "$rtt" | awk -v p="$1" 'NF {v[++n] = $1} END {if (!n) {print "-"; exit}
  i = int(p * n + 0.999999); if (i < 1) i = 1; printf "%d", v[i]}'; }
printf 'target=%s rate=%d/s seconds=%d hold=%dms: attempted=%d successful=%d failed=%d teamsSide=%d/%dfailed sippExit=%d invite200 p50=%sms p99=%sms max=%sms udpRcvbufErrors=%d\n' \
  "$target" "$rate" "$seconds" "$hold" "$attempted" "$ok" "$failed" "$teams_ok" "$teams_failed" \
  "$uac_exit" "$(percentile 0.5)" "$(percentile 0.99)" "$(percentile 1)" "$drops"
