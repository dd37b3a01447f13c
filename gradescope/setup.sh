#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu, with the internet):
# the .NET 10 SDK, Python 3 for submissions written in Python, the user the students' programs run as, and
# the grader, built once here so that each submission only builds its own programs.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

apt-get update
# ICU for the SDK: the build tells the Croatian texts (*.hr.resx) from the English by the culture's name.
apt-get install -y --no-install-recommends ca-certificates curl python3 util-linux passwd libicu-dev

# Microsoft's install script works on every Ubuntu release Gradescope offers, with or without .NET in its archive.
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
  ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
fi

# Students' code never runs as root: run_autograder builds and runs it as this user.
id socket-student >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin socket-student

dotnet build /autograder/source/kit/grader --configuration Release

# The packages the exercises build with, in a folder every submission reads (and none writes to).
for project in /autograder/source/kit/exercises/*/*/*.csproj; do
  NUGET_PACKAGES=/autograder/nuget dotnet restore "$project"
done
chmod -R a+rX /autograder/nuget
