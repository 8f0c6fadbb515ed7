#!/usr/bin/env bash
# Times `guardrails scan` on a generated repository of about 1,000,000 lines of C# (the GenerateLargeProject generator:
# 2,000 string-heavy files with 7 planted keys, plus config files with 4 keys). Prints wall-clock and CPU time of each
# of 3 runs and checks that all 11 planted keys (and the one unapproved endpoint) were found. Target: under 30 s on 2 cores.
# Usage (from the repository root): benchmarks/cli-scan/run.sh [lines]
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
lines=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Cli -c Release -nodeReuse:false -v:q > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet run -c Release --project benchmarks/GenerateLargeProject -- --lines "$lines" --out "$work/repo" --generate-only
echo "C# lines: $(find "$work/repo" -name '*.cs' -exec cat {} + | wc -l), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
  /usr/bin/time -f "run $i: wall %e s, user %U s, sys %S s, max RSS %M KB" \
    dotnet src/Cli/bin/Release/net8.0/guardrails.dll scan "$work/repo" --format json -o "$work/scan.json" 2>&1 | grep -v "report written"
done
found=$(python3 -c "import json;print(len(json.load(open('$work/scan.json'))['findings']))")
echo "findings: $found (expected 12: 7 GRD001 in C#, 4 GRD002 in config files, 1 GRD004: appsettings.json names an endpoint the generated policy does not approve)"
