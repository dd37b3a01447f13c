#!/usr/bin/env bash
# Puts a student's work into a trusted copy of the kit, so that it is graded by the kit's own grader, points
# and tests, whatever the student's branch changed. Only the exercise programs are taken: every folder
# exercises/NN-name/Program/ that the kit has, from the student's copy; exercises/Common, the grader and
# everything else stay the kit's. Files the student changed outside those folders are listed, and flagged in
# the job summary when there is one: they are not used.
#
#   take-student-work.sh STUDENT_COPY TRUSTED_KIT
set -euo pipefail
student=$(cd "$1" && pwd)
kit=$(cd "$2" && pwd)

for program in "$kit"/exercises/[0-9]*/*/; do
  relative=${program#"$kit"/}
  rm -rf "${kit:?}/$relative"
  mkdir -p "$kit/$relative"
  if [ -d "$student/$relative" ]; then
    (cd "$student/$relative" && tar --exclude=bin --exclude=obj -cf - .) | (cd "$kit/$relative" && tar -xf -)
  fi
done

# What else the student changed: not graded, but a teacher should know someone tried.
# Files the student does not have are not listed: the kit's own are used, and a copy that holds only exercises/
# (as many upload to Gradescope) would list the whole kit.
changed=$(diff -rq --exclude=.git --exclude=bin --exclude=obj "$kit" "$student" 2>/dev/null | grep -v "^Only in $kit" |
  sed -E "s#^Files $kit/([^ ]+) and .* differ\$#\1#; s#^Only in $student/?([^:]*): (.*)\$#\1/\2#" |
  sed 's#^/##' | grep -Ev '^exercises/[0-9][^/]*/[^/]+(/|$)' | sort -u || true)
if [ -n "$changed" ]; then
  echo "Changed outside the exercises, and not used (graded with the kit's own):"
  echo "$changed" | sed 's/^/  /'
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    {
      echo "> [!WARNING]"
      echo "> This pull request changes files outside \`exercises/NN-*/\`. They were not used: the work was graded with the kit's own grader, points and tests."
      echo "$changed" | sed 's/^/> - `/; s/$/`/'
    } >>"$GITHUB_STEP_SUMMARY"
  fi
fi
