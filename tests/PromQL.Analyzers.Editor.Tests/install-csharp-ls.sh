#!/usr/bin/env bash
# Installs the csharp-ls language server that the editor tests drive, into <repo>/.tools (git-ignored).
# Idempotent: does nothing when the pinned version is already there. Needs the NuGet registry.
set -euo pipefail

version="0.28.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tool_path="$repo_root/.tools"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

installed=""
if [ -x "$tool_path/csharp-ls" ]; then
    installed="$(dotnet tool list --tool-path "$tool_path" | awk '$1 == "csharp-ls" { print $2 }' || true)"
fi
if [ "$installed" = "$version" ]; then
    echo "csharp-ls $version already installed in $tool_path"
    exit 0
fi

# A different version (or a half-finished install) is replaced, not upgraded in place.
dotnet tool uninstall csharp-ls --tool-path "$tool_path" >/dev/null 2>&1 || true
dotnet tool install csharp-ls --version "$version" --tool-path "$tool_path"
