#!/usr/bin/env bash
# A class of submissions, graded with grade-all and timed: finished ones (the starters with the solutions' code),
# unfinished ones (the starters), ones that do not compile, and ones with the echo server in Python, in turn.
#
#   bench/class.sh [submissions]     (30 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-30}
dotnet build grader -v q -nologo -clp:NoSummary >/dev/null
class=$(mktemp -d)
trap 'rm -rf "$class"' EXIT
for i in $(seq -w 1 "$count"); do
  student="$class/student$i"
  mkdir -p "$student/exercises"
  cp Directory.Build.props Directory.Packages.props global.json .editorconfig "$student/"
  cp exercises/Directory.Build.props "$student/exercises/"
  # Every submission is the starters' tree, as a student's copy is; a finished one has the solutions' code in it.
  (cd exercises && tar --exclude=bin --exclude=obj -cf - 0*) | (cd "$student/exercises" && tar -xf -)
  if [ $((10#$i % 4)) -ne 0 ]; then
    (cd solutions && find 0* -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | tar -cf - -T -) | (cd "$student/exercises" && tar -xf -)
  fi
  (cd exercises && tar --exclude=bin --exclude=obj -cf - Common) | (cd "$student/exercises" && tar -xf -)
  case $((10#$i % 4)) in
    2) sed -i '0,/using System.Net;/s//using System.Net/' "$student/exercises/01-echo/EchoServer/Program.cs" ;;
    3) rm -rf "$student/exercises/01-echo/EchoServer" && mkdir -p "$student/exercises/01-echo/EchoServer" &&
       cp tests/Catalogue/Echo/python/echo_server.py "$student/exercises/01-echo/EchoServer/server.py" ;;
  esac
done
echo "grade-all of $count submissions (a quarter each: finished, unfinished, not compiling, echo server in Python)"
run=(dotnet grader/bin/Debug/net10.0/socket-grader.dll grade-all "$class" --out "$class/.grades" --lang en)
source bench/own-peak.sh
read -r seconds kib < <(own_peak "${run[@]}")
echo "wall $seconds s, the grader's own peak memory $((kib / 1024)) MiB (its builds and programs are processes of their own)"
echo "totals (how many submissions got each):"
tail -n +2 "$class/.grades/grades.csv" | cut -d, -f2 | sort -n | uniq -c
