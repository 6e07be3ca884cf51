#!/usr/bin/env bash
# Installs the same-run baselines of `npm run bench` when they are missing, the way .ci/run
# installs bind9-utils: FireHOL iprange (IPv4 set difference) and BIND's zone tools. A machine
# without apt or without rights to use it still runs the bench; the missing rows say so.
set -uo pipefail
missing=()
command -v iprange >/dev/null 2>&1 || missing+=(iprange)
command -v named-compilezone >/dev/null 2>&1 || missing+=(bind9-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "bench: ${missing[*]} not installed and no apt-get here"; exit 0; }
echo "bench: installing ${missing[*]}"
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/tmp/endpoint-drift-bench-apt.log 2>&1 ||
  { tail -5 /tmp/endpoint-drift-bench-apt.log; echo "bench: could not install ${missing[*]}; those baselines are skipped"; }
exit 0
