#!/usr/bin/env bash
# Makes a local stand-in for mcr.microsoft.com/dotnet/aspnet:10.0 from Debian packages, for machines that reach a
# Debian mirror but not Microsoft's registry: Debian 12 (essential packages, CA certificates, OpenSSL, time zones) with
# this machine's .NET runtime (Microsoft.NETCore.App and Microsoft.AspNetCore.App) under /usr/share/dotnet and the
# `app` user (1654) of Microsoft's images. It also holds Debian's redis-server, so a test stack can run Redis from it.
# Pulse needs no ICU: it runs with InvariantGlobalization (Directory.Build.props).
#
#   deploy/container/local-base.sh        # prints the image name; builds it only when missing
#
# The tag names what went in (runtime version, this script's hash), so a built one is reused until either changes.
# Environment: ENGINE (podman), MIRROR (http://deb.debian.org/debian), SUITE (bookworm).
set -euo pipefail

engine="${ENGINE:-podman}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
suite="${SUITE:-bookworm}"
dotnet_root="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
runtime="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -n 1)"
[ -n "$runtime" ] || { echo "No ASP.NET Core runtime under $dotnet_root/shared" >&2; exit 1; }
hash="$(cat "$0" | sha256sum | cut -c1-12)"
image="localhost/pulse-base-local:$runtime-$suite-$hash"

if "$engine" image exists "$image" 2>/dev/null || "$engine" image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi
command -v mmdebstrap >/dev/null || { echo "mmdebstrap is not installed (Debian: apt-get install mmdebstrap)." >&2; exit 1; }

# The runtime as Microsoft's images lay it out: the muxer, the host resolver, and the two shared frameworks.
runtime_paths=("$dotnet_root/dotnet" "$dotnet_root/host")
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  runtime_paths+=("$dotnet_root/shared/$framework")
done

echo "Building $image with mmdebstrap (Debian $suite) ..." >&2
# force-unsafe-io: no fsync per unpacked file (the result is a tarball made at the end); docs, man pages and
# translations left out.
mmdebstrap --quiet --variant=essential --aptopt='APT::Install-Recommends "false"' --dpkgopt=force-unsafe-io \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --include=ca-certificates,libssl3,libstdc++6,zlib1g,tzdata,hostname,redis-server \
  --customize-hook='mkdir -p "$1/usr/share/dotnet/shared"' \
  --customize-hook="copy-in $dotnet_root/dotnet $dotnet_root/host /usr/share/dotnet" \
  --customize-hook="copy-in ${runtime_paths[2]} ${runtime_paths[3]} /usr/share/dotnet/shared" \
  --customize-hook='ln -s /usr/share/dotnet/dotnet "$1/usr/bin/dotnet"' \
  --customize-hook='echo "app:x:1654:1654::/home/app:/usr/sbin/nologin" >>"$1/etc/passwd"' \
  --customize-hook='echo "app:x:1654:" >>"$1/etc/group"' \
  --customize-hook='mkdir -p "$1/home/app" && chown 1654:1654 "$1/home/app"' \
  "$suite" - "$mirror" |
  "$engine" import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV APP_UID=1654' \
    --change 'ENV DOTNET_ROOT=/usr/share/dotnet' \
    --change "ENV DOTNET_VERSION=$runtime" \
    --change 'CMD ["/bin/bash"]' \
    - "$image" >/dev/null
echo "$image"
