#!/usr/bin/env bash
# The reference echo and password servers against hostile clients (bench/soak.py): 1,000 and 10,000 idle
# connections, 10,000 connect-and-reset cycles, 100 clients that send and never read, and on the password
# server 500 slow-loris clients, a 10 MB first line and odd AUTH lines; after each, a legitimate client's
# whole exchange, the server's peak memory and whether it is still up. Loopback only, bounded in count and time.
#
#   bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build solutions/01-echo/EchoServer -v q -nologo -clp:NoSummary >/dev/null
dotnet build solutions/02-auth/AuthServer -v q -nologo -clp:NoSummary >/dev/null
# Room for 10,000 connections, where the system allows it: the servers read their own limit and say so.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "Descriptor limit: $(ulimit -n)"

soak() {
  local kind=$1 port=$2 log
  shift 2
  log=$(mktemp)
  "$@" >"$log" 2>&1 &
  local server=$!
  trap 'kill $server 2>/dev/null || true; rm -f "$log"' RETURN
  for _ in $(seq 100); do grep -q "listening" "$log" && break; sleep 0.1; done
  grep -q "listening" "$log" || { echo "the $kind server did not start:" >&2; cat "$log" >&2; return 1; }
  echo
  echo "$kind server: $(head -1 "$log")"
  python3 bench/soak.py "$kind" "$port" "$server" "${SOAK_PASSWORD:-}" "${SOAK_LOGIN_TIMEOUT:-}"
}

soak echo 30411 dotnet solutions/01-echo/EchoServer/bin/Debug/net10.0/EchoServer.dll --port 30411
SOAK_PASSWORD=soak-pass-word SOAK_LOGIN_TIMEOUT=2 soak auth 30412 \
  env SOCKET_PASSWORD=soak-pass-word dotnet solutions/02-auth/AuthServer/bin/Debug/net10.0/AuthServer.dll --port 30412 --login-timeout 2
