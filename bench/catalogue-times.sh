#!/usr/bin/env bash
# Every program of the catalogue (tests/Catalogue, the C# ones: 135 broken and unusual programs), graded as
# a teacher would grade it, two at a time: how long each grading took from the grader's start to its exit,
# and the grader's peak memory. Prints the slowest, and the worst of each.
#
#   bench/catalogue-times.sh [SHOWN]
set -euo pipefail
cd "$(dirname "$0")/.."
shown=${1:-15}
dotnet build grader -v q -nologo -clp:NoSummary >/dev/null
dotnet build tests/Catalogue -v q -nologo -clp:NoSummary >/dev/null
catalogue="dotnet $PWD/tests/Catalogue/bin/Debug/net10.0/Catalogue.dll"
export grader="$PWD/grader/bin/Debug/net10.0/socket-grader.dll" catalogue
results=$(mktemp)
trap 'rm -f "$results"' EXIT
source bench/own-peak.sh

grade_one() {
  local index=$1 exercise=$2 name=$3 program
  program="$catalogue $exercise $name --port {port}"
  if [[ $exercise == *-server ]]; then
    # A port of its own (below the ephemeral range): two gradings at once must not share the default one.
    set -- check "$exercise" --start "$program" --port $((20000 + index)) --lang en
  else
    set -- check "$exercise" --client "$program" --lang en
  fi
  read -r seconds kib < <(own_peak dotnet "$grader" "$@")
  printf '%s %s %s %s\n' "$seconds" "$kib" "$exercise" "$name"
}
export -f grade_one own_peak

$catalogue --list | nl -w1 -s' ' | xargs -P 2 -L 1 bash -c 'grade_one "$0" "$1" "$2"' >"$results"

printf '| %-17s | %-40s | %7s | %10s |\n' "program" "catalogue name" "time" "peak"
printf '|%s|%s|%s|%s|\n' "-------------------" "------------------------------------------" "---------" "------------"
sort -rn "$results" | head -n "$shown" | while read -r seconds kib exercise name; do
  printf '| %-17s | %-40s | %5.1f s | %6.0f MiB |\n' "$exercise" "$name" "$seconds" "$(echo "$kib / 1024" | bc -l)"
done
echo
echo "Graded: $(wc -l <"$results") programs; over 10 s: $(awk '$1 > 10' "$results" | wc -l)"
echo "Slowest: $(sort -rn "$results" | head -1 | awk '{print $1 " s, " $3 " " $4}')"
echo "Largest grader: $(sort -k2 -rn "$results" | head -1 | awk '{printf "%.0f MiB, %s %s", $2 / 1024, $3, $4}')"
