#!/bin/sh
# Starts `pulse` with the container's arguments. Pulse__AdvertisedAddress=auto advertises the container's own address
# (its first one), for networks where addresses are handed out at start (compose, docker run on a user network);
# Kubernetes passes the pod IP instead (deploy/kubernetes).
set -eu
if [ "${Pulse__AdvertisedAddress:-}" = "auto" ]; then
  address="$(hostname -I 2>/dev/null | cut -d' ' -f1)"
  if [ -z "$address" ]; then
    echo "pulse-entrypoint: Pulse__AdvertisedAddress=auto, but this container has no address besides loopback." >&2
    exit 1
  fi
  export Pulse__AdvertisedAddress="$address"
fi
exec dotnet /app/pulse.dll "$@"
