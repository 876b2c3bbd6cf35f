#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need (Debian's chromium for the
# browser test, redis-server for cluster mode, postgresql for the archive, kubectl for the Kubernetes manifests, podman, podman-compose, runc and
# mmdebstrap for the container image and compose stack), builds, runs every test project, prints a summary.
# --fast leaves out the slow tier (tests marked [Trait("Category", "Slow")]: Chromium, multi-process, Redis restarts,
# the silo-kill series, anything over a second or two); the rest runs in under a minute after the build.
set -euo pipefail
filter=()
if [ "${1:-}" = "--fast" ]; then
  filter=(--filter "Category!=Slow")
fi
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# PostgreSQL for the mention archive's tests (each starts its own server in a temporary folder; Debian keeps the
# server's programs under /usr/lib/postgresql/VERSION/bin).
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
# Any kubectl renders deploy/kubernetes (its kustomize); Debian's package when the machine has none.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
# Rootful podman with netavark and aardvark-dns (the compose network and its names) and runc (crun refuses this
# kernel's hybrid cgroups); mmdebstrap makes the local base image (Microsoft's registry is not reachable here).
command -v podman >/dev/null 2>&1 || missing+=(podman netavark aardvark-dns)
# netavark sets up the compose network with iptables, which a minimal Debian lacks (podman fails "netavark: No such file
# or directory").
command -v iptables >/dev/null 2>&1 || [ -x /usr/sbin/iptables ] || missing+=(iptables)
for tool in podman-compose runc mmdebstrap; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages) ..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(mktemp -d)"
status=0
dotnet build Pulse.sln -c Release -warnaserror -nologo -v q || exit 1
dotnet test Pulse.sln -c Release --no-build --nologo "${filter[@]}" \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false || status=$?

# One plain closing line over all projects, from the trx files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
