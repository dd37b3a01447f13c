#!/usr/bin/env bash
# Echo servers side by side under the same load, with the kit's own `bench` command: the reference server, a
# Python asyncio server, the course's first Python server, and socat where it is installed. Prints a table
# like the one in docs/performance.md.
#
#   bench/echo-servers.sh [seconds]
#
# ECHO_LOAD=/path/to/tool also runs an independent load generator, to show the kit's own is not what limits
# the figures: it is called as `tool PORT CONNECTIONS BLOCK SECONDS` and its output is printed as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
dotnet build grader -v q -nologo -clp:NoSummary >/dev/null
dotnet build solutions/01-echo/EchoServer -v q -nologo -clp:NoSummary >/dev/null
grader=(dotnet grader/bin/Debug/net10.0/socket-grader.dll)
port=47311

servers=(
  "reference C#|dotnet solutions/01-echo/EchoServer/bin/Debug/net10.0/EchoServer.dll --port PORT"
  "Python asyncio|python3 tests/Catalogue/Echo/python/asyncio_server.py"
  "Python, the course's first|python3 tests/Catalogue/Echo/python/echo_server.py"
)
if command -v socat >/dev/null; then
  servers+=("socat EXEC:cat|socat TCP-LISTEN:PORT,reuseaddr,fork EXEC:cat")
fi
cases=("1 65536" "64 65536" "64 64")

printf '| %-27s | %-16s | %-17s | %-22s |\n' "echo server" "1 conn × 64 KiB" "64 conns × 64 KiB" "64 conns × 64 B"
printf '|%s|%s|%s|%s|\n' "-----------------------------" "------------------" "-------------------" "------------------------"
for entry in "${servers[@]}"; do
  name=${entry%%|*}
  command=${entry#*|}
  port=$((port + 1))
  SOCKET_PORT=$port ${command//PORT/$port} >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  row=()
  for case in "${cases[@]}"; do
    read -r connections block <<<"$case"
    out=$("${grader[@]}" bench echo-server --port "$port" --connections "$connections" --block "$block" --seconds "$seconds" 2>/dev/null || true)
    if [ "$block" -ge 4096 ]; then
      row+=("$(awk '/throughput/ {print $2 " MiB/s"}' <<<"$out")")
    else
      row+=("$(awk '/round trips/ {print $3 " round trips/s"}' <<<"$out")")
    fi
    if [ -n "${ECHO_LOAD:-}" ]; then
      echo "  ($name, $connections × $block with $ECHO_LOAD: $("$ECHO_LOAD" "$port" "$connections" "$block" "$seconds"))" >&2
    fi
  done
  printf '| %-27s | %16s | %17s | %22s |\n' "$name" "${row[0]}" "${row[1]}" "${row[2]}"
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
done
