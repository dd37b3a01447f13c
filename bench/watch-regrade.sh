#!/usr/bin/env bash
# The student's loop, timed: `watch echo-server` on a copy of the kit whose echo server is finished; the first
# grade from the start, then from each save of Program.cs (a comment added, so the compiler really runs) to the
# new report on screen.
#
#   bench/watch-regrade.sh [SAVES]
set -euo pipefail
cd "$(dirname "$0")/.."
saves=${1:-5}
dotnet build grader -v q -nologo -clp:NoSummary >/dev/null
grader="$PWD/grader/bin/Debug/net10.0/socket-grader.dll"

copy=$(mktemp -d)
log="$copy/watch.log"
cleanup() { [ -n "${watch:-}" ] && kill "$watch" 2>/dev/null; wait 2>/dev/null; rm -rf "$copy"; }
trap cleanup EXIT
cp Directory.Build.props Directory.Packages.props global.json .editorconfig "$copy/"
mkdir "$copy/exercises"
cp exercises/Directory.Build.props "$copy/exercises/"
tar -C exercises --exclude=bin --exclude=obj -cf - . | tar -C "$copy/exercises" -xf -
program="$copy/exercises/01-echo/EchoServer/Program.cs"
cp solutions/01-echo/EchoServer/Program.cs "$program"

now() { date +%s.%N; }
# Waits until the log holds $1 finished reports, and prints the time it took since $2.
reports() { grep -c 'passed, [0-9]* failed' "$log" 2>/dev/null || true; }
wait_for() {
  local want=$1 since=$2 deadline
  deadline=$(echo "$since + 120" | bc)
  until [ "$(reports)" -ge "$want" ]; do
    if [ "$(echo "$(now) > $deadline" | bc)" = 1 ]; then echo "no report within 120 s; the log:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.05
  done
  printf '%.2f' "$(echo "$(now) - $since" | bc)"
}

start=$(now)
(cd "$copy" && exec dotnet "$grader" watch echo-server --lang en >"$log" 2>&1) &
watch=$!
printf '| %-32s | %7s |\n' "step" "time"
printf '|%s|%s|\n' "----------------------------------" "---------"
printf '| %-32s | %5s s |\n' "first grade (build and grade)" "$(wait_for 1 "$start")"
times=()
for i in $(seq "$saves"); do
  sleep 1 # the watcher settles after a save; a student does not save twice a second
  saved=$(now)
  printf '\n// save %d\n' "$i" >>"$program"
  t=$(wait_for $((i + 1)) "$saved")
  times+=("$t")
  printf '| %-32s | %5s s |\n' "save $i to new grade" "$t"
done
grep -q '12 passed, 0 failed' "$log" || { echo "the finished server was not graded 12 of 12:" >&2; cat "$log" >&2; exit 1; }
printf '| %-32s | %5s s |\n' "median, save to new grade" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
