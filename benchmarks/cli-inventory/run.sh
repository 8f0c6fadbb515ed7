#!/usr/bin/env bash
# Times `guardrails inventory` on N generated audit records (default 10,000: 1,000 repositories x 10 builds, each record
# shaped like samples/estate's, with components, findings and waivers), into a fresh SQLite database, rendering the
# HTML report. Prints wall-clock time, CPU time and peak memory. Target: under 10 s, memory bounded (records are
# streamed one at a time, never all held).
# Usage (from the repository root): benchmarks/cli-inventory/run.sh [records]
# POLICY=samples/policy/guardrails.policy.json also computes the decommission view (every recorded build replayed per
# revocable entry), as demo.sh does.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Cli -c Release -nodeReuse:false -v:q > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 - "$work/estate" "$n" <<'PY'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
base = json.load(open("samples/estate/checkout/guardrails.audit.json"))
for i in range(n):
    repo, build = i % 1000, i // 1000
    r = json.loads(json.dumps(base))
    r["repository"] = r["build"]["repository"] = "github.com/contoso/repo-%04d" % repo
    r["build"]["time"] = r["generatedAt"] = "2026-11-%02dT08:00:00Z" % (1 + build)
    r["build"]["commit"] = "%040x" % i
    r["manifest"]["owner"]["team"] = "Team %d" % (repo % 40)
    d = os.path.join(out, "repo-%04d" % repo, "build-%02d" % build)
    os.makedirs(d, exist_ok=True)
    json.dump(r, open(os.path.join(d, "guardrails.audit.json"), "w"))
PY
echo "records: $(find "$work/estate" -name guardrails.audit.json | wc -l), $(du -sh "$work/estate" | cut -f1); cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "inventory: wall %e s, user %U s, sys %S s, max RSS %M KB" \
  dotnet src/Cli/bin/Release/net8.0/guardrails.dll inventory "$work/estate" ${POLICY:+--policy "$POLICY"} --db "$work/inv.db" -o "$work/report.html" --now 2026-12-03
echo "report: $(du -h "$work/report.html" | cut -f1), database: $(du -h "$work/inv.db" | cut -f1)"
