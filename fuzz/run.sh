#!/usr/bin/env bash
# Coverage-guided fuzzing of the PromQL parser with afl-fuzz (AFL++) and SharpFuzz. Not part of CI.
#
#   fuzz/run.sh [SECONDS]        fuzz for SECONDS (default 900), then replay what was found
#   fuzz/run.sh --replay [PATH]  re-check crashes and hangs of the last run (or the given files/folders)
#
# Installs what it needs: afl++ (Debian package) and the SharpFuzz.CommandLine dotnet tool. Work goes to
# $FUZZ_WORK (default fuzz/work, git-ignored): bin/ (the instrumented build), seeds/, findings/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${FUZZ_WORK:-$here/work}"
bin="$work/bin"
sharpfuzz_version=2.3.0

# Replays run an uninstrumented build: the instrumented one writes to afl-fuzz's shared memory and crashes without it.
replay() {
  dotnet build "$here/PromQL.Fuzzing/PromQL.Fuzzing.csproj" -c Release -o "$work/replay-bin" -nologo -v quiet >/dev/null
  dotnet "$work/replay-bin/PromQL.Fuzzing.dll" "$@"
}

if [[ "${1:-}" == "--replay" ]]; then
  shift
  if [[ $# -eq 0 ]]; then
    set -- "$work/findings/default/crashes" "$work/findings/default/hangs"
  fi
  replay "$@"
  exit $?
fi

seconds="${1:-900}"

# 1. Tools. afl-fuzz from AFL++ (its AFL_SKIP_BIN_CHECK lets it drive a .NET program, no patch needed).
if ! command -v afl-fuzz >/dev/null; then
  sudo_cmd=""
  [[ "$(id -u)" -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y afl++
fi
tools="$here/.tools"
if [[ ! -x "$tools/sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools"
fi

# 2. Build the target and instrument the parser (only PromQL.Parsing.dll: coverage of our code guides the search).
rm -rf "$bin"
dotnet publish "$here/PromQL.Fuzzing/PromQL.Fuzzing.csproj" -c Release -o "$bin" -nologo -v quiet
"$tools/sharpfuzz" "$bin/PromQL.Parsing.dll"

# 3. Seeds: every distinct query of the conformance corpus vendored in tests/Conformance/.
corpus="$repo/tests/Conformance"
[[ -f "$corpus/parser-cases.jsonl" ]] || { echo "conformance corpus not found at $corpus" >&2; exit 2; }
rm -rf "$work/seeds"
dotnet "$bin/PromQL.Fuzzing.dll" --write-seeds "$work/seeds" "$corpus"/*.jsonl

# 4. Fuzz. A fresh findings folder each run; -t is generous because one execution includes a .NET thread start.
rm -rf "$work/findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -i "$work/seeds" -o "$work/findings" -x "$here/promql.dict" -t 5000 -m none -V "$seconds" \
  -- dotnet "$bin/PromQL.Fuzzing.dll" || true

# 5. Report: the figures afl-fuzz kept, then every crash and hang replayed with its message.
stats="$work/findings/default/fuzzer_stats"
if [[ -f "$stats" ]]; then
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)\b' "$stats"
fi
crashes=$(find "$work/findings/default/crashes" "$work/findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "findings to triage: $crashes"
if [[ "$crashes" -gt 0 ]]; then
  replay "$work/findings/default/crashes" "$work/findings/default/hangs" || true
fi
