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

source bench/own-peak.sh
run() { own_peak dotnet "$grader" check auth-server --start "$1"; } # "seconds peak-KiB" of one grading
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for way in reviewed unreviewed; do
  if [ "$way" = reviewed ]; then start="dotnet run --project $project"; else start="cd $project && dotnet run"; fi
  results=$(for _ in 1 2 3 4 5; do run "$start"; done)
  printf '%-10s  median %s s, peak %s MiB\n' "$way" \
    "$(echo "$results" | cut -d' ' -f1 | median)" \
    "$(( $(echo "$results" | cut -d' ' -f2 | sort -n | tail -1) / 1024 ))"
done
