#!/usr/bin/env bash
# Builds the `pulse` container image: publishes silo/ (framework-dependent, Release) into a staging folder with this
# folder's scripts and builds deploy/container/Containerfile on it.
#
#   deploy/container/build-image.sh                  # on mcr.microsoft.com/dotnet/aspnet:10.0
#   deploy/container/build-image.sh --local-base     # on a base made here from Debian packages (local-base.sh)
#
# Environment: ENGINE (podman; docker works too), IMAGE (localhost/pulse:latest), BASE (overrides the base image),
# NO_BUILD=1 (publish the existing Release build instead of building again, as the tests do).
set -euo pipefail
cd "$(dirname "$0")/../.."

engine="${ENGINE:-podman}"
image="${IMAGE:-localhost/pulse:latest}"
base="${BASE:-mcr.microsoft.com/dotnet/aspnet:10.0}"
if [ "${1:-}" = "--local-base" ]; then
  base="$(ENGINE="$engine" deploy/container/local-base.sh)"
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
publish_args=(silo -c Release -o "$stage/app" -nologo -v q)
[ "${NO_BUILD:-0}" = 1 ] && publish_args+=(--no-build)
dotnet publish "${publish_args[@]}"
# Symbols stay out of the image.
rm -f "$stage"/app/*.pdb
cp deploy/container/entrypoint.sh deploy/container/healthcheck.sh "$stage/"

# Docker format: OCI images have no HEALTHCHECK.
format_args=()
[ "$engine" = podman ] || [ "$engine" = buildah ] && format_args=(--format docker)
"$engine" build "${format_args[@]}" --build-arg "BASE=$base" -f deploy/container/Containerfile -t "$image" "$stage" >&2
echo "$image"
