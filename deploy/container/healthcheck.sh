#!/bin/bash
# The image's health check: GET /healthz on the container's own port, no curl needed (bash's /dev/tcp).
# Exit 0 on HTTP 200 (Healthy or Degraded), 1 otherwise. Host: localhost, which every AllowedHosts list should keep.
port="${PULSE_HEALTH_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /healthz HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 3 _ status _ <&3 || exit 1
[ "$status" = "200" ]
