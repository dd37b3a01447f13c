#!/usr/bin/env bash
# Builds the images the grader's --sandbox docker runs submissions in, without any container registry:
#
#   socket-exercises/python:offline   a minimal Debian with Python and its whole standard library, for programs in Python
#   socket-exercises/dotnet:offline   the same with the .NET runtime of this machine's SDK, for C# servers
#
# A minimal Debian is made with debootstrap from Debian's package mirror, imported with `docker import`, and
# the .NET runtime is copied in from the SDK installed here. Run as root, with a Docker engine running and
# debootstrap installed (apt-get install -y docker.io debootstrap). Images that exist already, built by this
# version of the script, are kept; --force builds them again. Where a registry is reachable, the public images serve as well:
#   --image mcr.microsoft.com/dotnet/runtime:10.0   or   --image python:3-slim
set -euo pipefail

force=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-images.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

# Raised whenever what goes into the images changes, so that images built by an older script are built again.
image_version=2
python_image=socket-exercises/python:offline
dotnet_image=socket-exercises/dotnet:offline
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

need() { command -v "$1" >/dev/null || { echo "build-images.sh: $1 is missing; $2" >&2; exit 1; }; }
need docker "install docker.io and start dockerd"
docker info >/dev/null 2>&1 || { echo "build-images.sh: no Docker engine answers; start one (dockerd &)" >&2; exit 1; }

current() { [ "$(docker image inspect --format '{{index .Config.Labels "socket-exercises.image-version"}}' "$1" 2>/dev/null)" = "$image_version" ]; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! $force && current "$python_image" && current "$dotnet_image"; then
  echo "== $python_image and $dotnet_image exist already (--force builds them again)"
else
  need debootstrap "apt-get install -y debootstrap"
  need dotnet "install the .NET SDK"
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" { v = $2 } END { print v }')
  [ -n "$runtime" ] || { echo "build-images.sh: the SDK here has no Microsoft.NETCore.App runtime" >&2; exit 1; }

  echo "== debootstrap $suite from $mirror"
  # minbase: the essential packages only. python3, not python3-minimal: a correct program may use asyncio,
  # socketserver, json or hmac, and must be graded the same in the sandbox as outside it. libssl3 is what
  # .NET's cryptography (SHA-256) loads at run time.
  debootstrap --variant=minbase --include=python3,libssl3 "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*

  common=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
          --change 'ENV PYTHONUNBUFFERED=1'
          --change 'WORKDIR /submission'
          --change "LABEL socket-exercises.image-version=$image_version")
  echo "== $python_image"
  tar -C "$work/rootfs" -c . | docker import "${common[@]}" - "$python_image" >/dev/null

  echo "== $dotnet_image: the same, with the .NET runtime $runtime from $dotnet_root"
  target="$work/rootfs/usr/share/dotnet"
  mkdir -p "$target/shared/Microsoft.NETCore.App"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$target/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime" "$target/shared/Microsoft.NETCore.App/"
  ln -s /usr/share/dotnet/dotnet "$work/rootfs/usr/bin/dotnet"
  # The kit's programs use invariant globalization; with no ICU in the image, so must every other.
  tar -C "$work/rootfs" -c . | docker import "${common[@]}" \
    --change 'ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1' \
    - "$dotnet_image" >/dev/null
fi

docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^socket-exercises/'
