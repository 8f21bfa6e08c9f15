#!/usr/bin/env bash
# Installs promtool (Debian's prometheus package) for the engine tests, unless it is already there.
# Needs root or sudo and Debian's package index; the tests report themselves skipped without promtool.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 || [ -x /usr/bin/promtool ]; then
    echo "promtool: $( (command -v promtool || echo /usr/bin/promtool) | head -n 1)"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# The package's service does not start in a container without systemd; promtool is all the tests use.
$sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
promtool --version | head -n 1
