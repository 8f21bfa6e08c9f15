#!/usr/bin/env bash
# Compares the vendored corpus (this folder) with a master copy, file by file, and says which files differ.
# Informational: always exits 0. Usage: compare-with-master.sh <folder of the master copy>
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
master="${1:?usage: compare-with-master.sh <folder of the master copy>}"

if [ ! -d "$master" ]; then
    echo "no master copy at $master; the tests use the vendored copy in tests/Conformance/"
    exit 0
fi

differ=0
for name in parser-cases.jsonl container-memory-queries.jsonl sources.json; do
    if [ ! -f "$master/$name" ]; then
        echo "the master copy has no $name"
        differ=1
    elif ! cmp -s "$here/$name" "$master/$name"; then
        ours="$(grep -c . "$here/$name")"
        theirs="$(grep -c . "$master/$name")"
        echo "DIFFERS: tests/Conformance/$name ($ours lines) and $master/$name ($theirs lines); copy the master over and rerun the conformance tests"
        differ=1
    fi
done

if [ "$differ" -eq 0 ]; then
    echo "the vendored corpus is the same as the master copy at $master"
fi
exit 0
