#!/usr/bin/env bash
# How long grading takes, from the grader's start to its exit, the grader already built: each reference server
# and client, and the slowest kinds of broken server in the catalogue.
#
#   bench/grading-times.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Socket.Exercises.sln -v q -nologo -clp:NoSummary >/dev/null
grader="dotnet grader/bin/Debug/net10.0/socket-grader.dll"
catalogue="dotnet tests/Catalogue/bin/Debug/net10.0/Catalogue.dll"
out() { echo "solutions/$1/bin/Debug/net10.0/$(basename "$1").dll"; }

time_it() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  printf '| %-44s | %6.2f s |\n' "$label" "$(echo "$end - $start" | bc)"
}

printf '| %-44s | %8s |\n' "graded" "time"
printf '|%s|%s|\n' "----------------------------------------------" "----------"
for server in echo-server:01-echo/EchoServer auth-server:02-auth/AuthServer chat-server:03-chat/ChatServer challenge-server:04-challenge/ChallengeServer; do
  time_it "${server%%:*}, reference (--start)" $grader check "${server%%:*}" --start "dotnet $(out "${server#*:}")"
done
# The echo server already running, as a student runs it and grades it with --port: the grading alone.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dotnet "$(out 01-echo/EchoServer)" --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
time_it "echo-server, reference, running (--port)" $grader check echo-server --port "$port"
kill "$server" 2>/dev/null || true
for client in echo-client:01-echo/EchoClient auth-client:02-auth/AuthClient chat-client:03-chat/ChatClient challenge-client:04-challenge/ChallengeClient; do
  time_it "${client%%:*}, reference" $grader check "${client%%:*}" --client "dotnet $(out "${client#*:}") --port {port}"
done
for broken in echo-server:waits-for-full-buffer echo-server:one-client-at-a-time auth-server:one-client-at-a-time chat-server:delivers-to-first-only challenge-server:waits-for-client; do
  time_it "${broken%%:*}, catalogue ${broken#*:}" $grader check "${broken%%:*}" --start "$catalogue ${broken%%:*} ${broken#*:} --port {port}"
done
