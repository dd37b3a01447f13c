#!/usr/bin/env bash
# Echo servers side by side under the same load, with the kit's own `bench` command: the reference echo server,
# the reference password and challenge servers after their logins, a Python asyncio server, the course's first
# Python server, and socat where it is installed. Prints a table like the one in docs/performance.md.
#
#   bench/echo-servers.sh [seconds] [rounds]
#
# Every server runs for the whole script; each round loads each of them in turn, one measure after another, so
# that a busy moment of the machine falls on all of them alike. A cell is the median of the rounds, with the
# lowest and highest in brackets; the last rows are the reference servers' medians over asyncio's.
#
# ECHO_LOAD=/path/to/tool also loads the servers that need no login with an independent load generator, to show
# the kit's own is not what limits the figures: it is called as `tool PORT CONNECTIONS BLOCK SECONDS` and must
# print "… MiB/s …, N round trips/s …" as ../shared/tools/echobench.c does.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
rounds=${2:-5}
build() { dotnet build "$1" -v q -nologo -clp:NoSummary >/dev/null; }
build grader
for project in solutions/01-echo/EchoServer solutions/02-auth/AuthServer solutions/04-challenge/ChallengeServer; do build $project; done
grader=(dotnet grader/bin/Debug/net10.0/socket-grader.dll)
out() { echo "solutions/$1/bin/Debug/net10.0/$(basename "$1").dll"; }
password=bench-$RANDOM$RANDOM

# name|bench subcommand|command (PORT is replaced by the server's port)
servers=(
  "reference echo server|echo-server|dotnet $(out 01-echo/EchoServer) --port PORT"
  "reference password server, logged in|auth-server|dotnet $(out 02-auth/AuthServer) --port PORT --password $password"
  "reference challenge server, logged in|challenge-server|dotnet $(out 04-challenge/ChallengeServer) --port PORT --password $password"
  "Python asyncio, 20 lines|echo-server|python3 tests/Catalogue/Echo/python/asyncio_server.py"
  "Python, the course's first|echo-server|python3 tests/Catalogue/Echo/python/echo_server.py"
)
if command -v socat >/dev/null; then
  servers+=("socat EXEC:cat|echo-server|socat TCP-LISTEN:PORT,reuseaddr,fork EXEC:cat")
fi
cases=("1 65536" "64 65536" "64 64")

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
ports=()
port=47311
for entry in "${servers[@]}"; do
  port=$((port + 1))
  command=${entry##*|}
  SOCKET_PORT=$port ${command//PORT/$port} >/dev/null 2>&1 &
  pids+=($!)
  ports+=("$port")
done
for s in "${!servers[@]}"; do
  for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/"${ports[$s]}") 2>/dev/null && break; sleep 0.1; done
  # A server that could not bind its port has exited, and whatever else holds the port would be measured.
  if ! kill -0 "${pids[$s]}" 2>/dev/null; then
    echo "${servers[$s]%%|*} did not start: is port ${ports[$s]} in use?" >&2
    exit 2
  fi
done

# One figure of one load: MiB/s for large blocks, round trips/s for small ones; "-" when there is none.
kit_figure() { # subcommand port connections block
  local login=()
  [ "$1" = echo-server ] || login=(--password "$password")
  local text
  text=$("${grader[@]}" bench "$1" --port "$2" --connections "$3" --block "$4" --seconds "$seconds" "${login[@]}" 2>/dev/null || true)
  if [ "$4" -ge 4096 ]; then awk '/throughput/ {gsub(",", "", $2); print $2}' <<<"$text"; else awk '/round trips/ {gsub(",", "", $3); print $3}' <<<"$text"; fi
}
tool_figure() { # subcommand port connections block
  [ "$1" = echo-server ] || { echo "-"; return; }
  local text
  text=$("$ECHO_LOAD" "$2" "$3" "$4" "$seconds" 2>/dev/null || true)
  if [ "$4" -ge 4096 ]; then awk '{print $1}' <<<"$text"; else awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "round") print $i}' <<<"$text"; fi
}

declare -A kit tool
for round in $(seq "$rounds"); do
  for c in "${!cases[@]}"; do
    read -r connections block <<<"${cases[$c]}"
    for s in "${!servers[@]}"; do
      IFS='|' read -r _ subcommand _ <<<"${servers[$s]}"
      kit[$s,$c]+=" $(kit_figure "$subcommand" "${ports[$s]}" "$connections" "$block")"
      if [ -n "${ECHO_LOAD:-}" ]; then
        tool[$s,$c]+=" $(tool_figure "$subcommand" "${ports[$s]}" "$connections" "$block")"
      fi
    done
  done
  echo "round $round of $rounds done" >&2
done

figures() { tr ' ' '\n' <<<"$1" | grep -E '^[0-9.]+$' | sort -g || true; }
median() { figures "$1" | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }
cell() { # figures, unit
  local m lo hi
  m=$(median "$1")
  [ -n "$m" ] || { echo "-"; return; }
  lo=$(figures "$1" | head -1)
  hi=$(figures "$1" | tail -1)
  echo "$(grouped "$m") $2 ($(grouped "$lo")–$(grouped "$hi"))"
}
# 1,234 for large figures, 1.5 for small ones.
grouped() { awk -v v="$1" 'BEGIN {printf (v < 10 ? "%.1f" : "%.0f"), v}' | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }
table() { # name of the associative array
  local -n figures=$1
  echo "| echo server | 1 conn × 64 KiB | 64 conns × 64 KiB | 64 conns × 64 B |"
  echo "|---|---|---|---|"
  for s in "${!servers[@]}"; do
    printf '| %s | %s | %s | %s |\n' "${servers[$s]%%|*}" \
      "$(cell "${figures[$s,0]}" MiB/s)" "$(cell "${figures[$s,1]}" MiB/s)" "$(cell "${figures[$s,2]}" "round trips/s")"
  done
  # The ratios compare every reference server with asyncio, both found by name so that the list can grow.
  local asyncio s
  for s in "${!servers[@]}"; do [[ ${servers[$s]} == "Python asyncio"* ]] && asyncio=$s; done
  for s in "${!servers[@]}"; do
    [[ ${servers[$s]} == reference* ]] || continue
    local ratios=()
    for c in 0 1 2; do
      local mine theirs
      mine=$(median "${figures[$s,$c]}"); theirs=$(median "${figures[$asyncio,$c]}")
      if [ -n "$mine" ] && [ -n "$theirs" ]; then ratios+=("$(awk -v a="$mine" -v b="$theirs" 'BEGIN {printf "%.2f×", a / b}')"); else ratios+=("-"); fi
    done
    printf '| %s | %s | %s | %s |\n' "${servers[$s]%%|*} ÷ asyncio" "${ratios[@]}"
  done
}

echo "Medians of $rounds round(s) of $seconds s each, the kit's own load (bench):"
table kit
if [ -n "${ECHO_LOAD:-}" ]; then
  echo
  echo "The same servers, the same rounds, with $ECHO_LOAD (it cannot log in):"
  table tool
fi
