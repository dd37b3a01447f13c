#!/usr/bin/env bash
# What reading a program's code costs a grading: the password server graded as a student's is (its project named,
# so its code is reviewed after the checks) and started so that the grader finds no code to read, five times
# each; the medians, and the grader's own largest peak memory. The program is started with dotnet run both ways.
#
#   bench/code-review.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Socket.Exercises.sln -v q -nologo -clp:NoSummary >/dev/null
grader=grader/bin/Debug/net10.0/socket-grader.dll
project=solutions/02-auth/AuthServer

# The grader's own peak (VmHWM), polled from /proc: /usr/bin/time would report its largest child's, here the
# MSBuild inside dotnet run.
run() { # prints "seconds peak-KiB" for one grading
  local started pid hwm=0 value
  started=$(date +%s.%N)
  dotnet "$grader" check auth-server --start "$1" >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    value=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$value" ] && hwm=$value
    sleep 0.05
  done
  wait "$pid" || true
  printf "%.2f %s\n" "$(echo "$(date +%s.%N) - $started" | bc)" "$hwm"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for way in reviewed unreviewed; do
  if [ "$way" = reviewed ]; then start="dotnet run --project $project"; else start="cd $project && dotnet run"; fi
  results=$(for _ in 1 2 3 4 5; do run "$start"; done)
  printf '%-10s  median %s s, peak %s MiB\n' "$way" \
    "$(echo "$results" | cut -d' ' -f1 | median)" \
    "$(( $(echo "$results" | cut -d' ' -f2 | sort -n | tail -1) / 1024 ))"
done
