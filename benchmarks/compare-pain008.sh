#!/usr/bin/env bash
# Side by side: pain.008.001.08 with 100,000 collections written by Tijdig.Sepa (.NET) and by the
# npm package sepa 3.0.0 (Node), each in a fresh process, with GNU time for peak memory (max RSS).
# Installs sepa into benchmarks/node-sepa/node_modules (ignored by git). Usage:
#   benchmarks/compare-pain008.sh [COUNT]
set -euo pipefail
count="${1:-100000}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

(cd "$here/node-sepa" && npm install --no-audit --no-fund --silent)
dotnet build -c Release "$here/Tijdig.Sepa.Benchmarks/Tijdig.Sepa.Benchmarks.csproj" --nologo -v quiet > /dev/null

measure() {
  /usr/bin/time -f "  wall %e s, max RSS %M KiB" "$@"
}

echo "== Tijdig.Sepa (.NET $(dotnet --version))"
measure dotnet "$here/Tijdig.Sepa.Benchmarks/bin/Release/net10.0/Tijdig.Sepa.Benchmarks.dll" pain008-once "$count" "$out/dotnet.xml"
echo "== sepa 3.0.0 (Node $(node --version))"
measure node "$here/node-sepa/pain008.mjs" "$count" "$out/node.xml"
