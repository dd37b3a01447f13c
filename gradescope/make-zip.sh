#!/usr/bin/env bash
# Makes the zip a teacher uploads to Gradescope as a programming assignment's autograder: setup.sh and
# run_autograder at its root (where Gradescope looks for them), settings.sh with the choices below, and the
# kit itself under kit/ (the files git tracks, as they are in this working tree).
#
#   gradescope/make-zip.sh [--out FILE] [--lang en|hr] [--visibility visible|after_due_date|after_published|hidden] [--points FILE]
#
# --points takes a points file inside the kit (see grader/Scoring), such as my-points.json at its root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kit=$(cd "$here/.." && pwd)
out="$kit/socket-exercises-gradescope.zip"
lang=en
visibility=visible
points=""
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    --visibility) visibility=$2; shift 2 ;;
    --points) points=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "make-zip.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$lang" in en|hr) ;; *) echo "make-zip.sh: --lang is en or hr, not '$lang'" >&2; exit 2 ;; esac
case "$visibility" in visible|after_due_date|after_published|hidden) ;;
  *) echo "make-zip.sh: --visibility is visible, after_due_date, after_published or hidden, not '$visibility'" >&2; exit 2 ;; esac
if [ -n "$points" ] && [ ! -f "$kit/$points" ]; then
  echo "make-zip.sh: --points $points: no such file in the kit ($kit)" >&2; exit 2
fi
command -v git >/dev/null && git -C "$kit" rev-parse --git-dir >/dev/null 2>&1 \
  || { echo "make-zip.sh: $kit is not a git working tree; the zip holds the files git tracks" >&2; exit 2; }

settings=$(mktemp)
trap 'rm -f "$settings"' EXIT
printf 'GRADER_LANG=%s\nGRADESCOPE_VISIBILITY=%s\nGRADER_POINTS=%s\n' "$lang" "$visibility" "$points" >"$settings"

# Python's zipfile, which every machine with the kit has, rather than zip, which many lack.
git -C "$kit" ls-files -z --cached --others --exclude-standard | python3 -c '
import os, stat, sys, zipfile
kit, here, settings, out = sys.argv[1:5]
def add(archive, path, name):
    info = zipfile.ZipInfo.from_file(path, name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(path, "rb") as f:
        archive.writestr(info, f.read())
with zipfile.ZipFile(out, "w") as archive:
    add(archive, os.path.join(here, "setup.sh"), "setup.sh")
    add(archive, os.path.join(here, "run_autograder"), "run_autograder")
    add(archive, settings, "settings.sh")
    for name in sys.stdin.buffer.read().decode().split("\0"):
        path = os.path.join(kit, name)
        if name and os.path.isfile(path) and not name.endswith(".zip"):
            add(archive, path, "kit/" + name)
' "$kit" "$here" "$settings" "$out"
echo "Written: $out (upload it as the autograder of a Gradescope programming assignment)"
