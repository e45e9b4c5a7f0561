#!/usr/bin/env bash
# Side by side: pain.008.001.08 with 100,000 collections written by Tijdig.Sepa (.NET) and by the
# npm package sepa 3.0.0 (Node), each in a fresh process, both writing the XML to disk.
# Tijdig.Sepa runs twice: as a Native AOT executable (benchmarks/Tijdig.Sepa.WriteOnce: no start-up
# JIT) and as the JIT-compiled benchmark project. hyperfine (Debian package hyperfine) alternates
# the runs; GNU time gives peak memory (max RSS). Native AOT needs clang (or gcc) and lld to link.
# Installs sepa into benchmarks/node-sepa/node_modules (ignored by git). Usage:
#   benchmarks/compare-pain008.sh [COUNT] [RUNS]
set -euo pipefail
count="${1:-100000}"
runs="${2:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

(cd "$here/node-sepa" && npm install --no-audit --no-fund --silent)
dotnet build -c Release "$here/Tijdig.Sepa.Benchmarks/Tijdig.Sepa.Benchmarks.csproj" --nologo -v quiet > /dev/null
dotnet publish -c Release -r linux-x64 "$here/Tijdig.Sepa.WriteOnce/Tijdig.Sepa.WriteOnce.csproj" --nologo -v quiet > /dev/null

aot="$here/Tijdig.Sepa.WriteOnce/bin/Release/net10.0/linux-x64/publish/Tijdig.Sepa.WriteOnce $count $out/aot.xml"
jit="dotnet $here/Tijdig.Sepa.Benchmarks/bin/Release/net10.0/Tijdig.Sepa.Benchmarks.dll pain008-once $count $out/jit.xml"
node="node $here/node-sepa/pain008.mjs $count $out/node.xml"

echo "== machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version), Node $(node --version)"
echo "== load before: $(uptime)"
for command in "$aot" "$jit" "$node"; do
  /usr/bin/time -f "  wall %e s, user %U s, sys %S s, max RSS %M KiB" $command
done

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs "$runs" -N -n "Tijdig.Sepa AOT" "$aot" -n "Tijdig.Sepa JIT" "$jit" -n "sepa 3.0.0" "$node"
else
  for i in $(seq "$runs"); do
    for command in "$aot" "$node"; do
      /usr/bin/time -f "  $command: wall %e s" $command > /dev/null
    done
  done
fi

echo "== load after: $(uptime)"
