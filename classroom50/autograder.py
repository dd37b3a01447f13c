"""Classroom 50 autograder for Socket Exercises: a score for every check of every program, from the kit's grader.

Copy this file to your classroom50 repository as CLASSROOM/autograders/ASSIGNMENT/autograder.py and set
KIT_REPOSITORY and KIT_REF below. Classroom 50's runner calls it in the student's checkout on every submission.
It takes only the student's programs (exercises/NN-*/Program/) into a clean copy of the kit at KIT_REF, grades
them with that copy's grader and points, and leaves result.json (schema classroom50/result/v1) in the checkout:
a test per check, with its points. A student who edits the grader, its points or exercises/Common in their
repository changes nothing.
"""

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The kit your students' repositories were made from, and the tag (or commit) to grade with: tag the template
# when the term starts, and every submission is graded by the same grader, whatever changes after.
KIT_REPOSITORY = os.environ.get("KIT_REPOSITORY", "https://github.com/ORG/socket-exercises")
KIT_REF = os.environ.get("KIT_REF", "main")
# en or hr: the language of the messages students read in their results.
LANGUAGE = os.environ.get("GRADER_LANG", "en")
# A points file of your own inside the kit (see grader/Scoring), or "" for the defaults.
POINTS = os.environ.get("GRADER_POINTS", "")

CHECKOUT = Path.cwd()


def run(command, **options):
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.run(command, check=True, **options)


def dotnet():
    """A .NET 10 SDK: the runner's own when it has one, else installed for this run with Microsoft's script."""
    sdks = subprocess.run(["dotnet", "--list-sdks"], capture_output=True, text=True, check=False) if shutil.which("dotnet") else None
    if sdks and any(line.startswith("10.") for line in sdks.stdout.splitlines()):
        return "dotnet"
    home = Path.home() / ".dotnet"
    script = Path(tempfile.gettempdir()) / "dotnet-install.sh"
    run(["curl", "-fsSL", "https://dot.net/v1/dotnet-install.sh", "-o", str(script)])
    run(["bash", str(script), "--channel", "10.0", "--install-dir", str(home)])
    return str(home / "dotnet")


def submitted_at():
    """The graded commit's date in UTC: the same on every regrade, as the result contract wants."""
    date = subprocess.run(["git", "log", "-1", "--format=%cI"], capture_output=True, text=True, check=False, cwd=CHECKOUT).stdout.strip()
    if not date:
        return ""
    return datetime.datetime.fromisoformat(date).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    work = Path(tempfile.mkdtemp(prefix="socket-exercises-"))
    kit = work / "kit"
    run(["git", "clone", "--quiet", KIT_REPOSITORY, str(kit)])
    run(["git", "-C", str(kit), "checkout", "--quiet", KIT_REF])
    run(["bash", str(kit / ".github" / "scripts" / "take-student-work.sh"), str(CHECKOUT), str(kit)])

    result = CHECKOUT / "result.json"
    result.unlink(missing_ok=True)
    grader = os.environ.get("SOCKET_GRADER")  # a grader already built, for testing this file; else the kit's own
    command = [dotnet(), grader] if grader else [dotnet(), "run", "--project", str(kit / "grader"), "--configuration", "Release", "--"]
    command += ["grade", str(kit), "--classroom50", str(result), "--lang", LANGUAGE]
    if POINTS:
        command += ["--points", str(kit / POINTS)]
    environment = dict(os.environ, SUBMISSION_DATETIME=submitted_at(), DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    # 0: every check passed; 1: some failed, which result.json scores. Anything else: the grader's own trouble.
    graded = subprocess.run(command, env=environment, check=False)
    if not result.is_file():
        print(f"::error::The grader stopped (exit code {graded.returncode}) before it wrote result.json; nothing was graded.", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
