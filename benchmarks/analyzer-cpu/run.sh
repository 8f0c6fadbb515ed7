#!/usr/bin/env bash
# The Guardrails analyzers' own CPU time against the compiler's, on the three benchmarks of record, in one command:
#   (a) default:    GenerateLargeProject's ~327,000-line project (a policy in force, approving no AI SDK);
#   (b) enterprise: the same generator's string-heavy enterprise shape (~330,000 lines: SQL, URLs, GUIDs, hashes,
#                   base64, connection strings, key-named settings with placeholders, raw JSON);
#   (c) aisdk:      AiSdkCompile "unapproved" (400 files, 25,600 lines; 6,001 GRD003 and 1,600 GRD004 reports).
# For each: benchmarks/AnalyzerProfile --thread-cpu: the files parsed once per run (read as csc reads them), the compile
# (GetDiagnostics of those trees on one thread, binding every body), then every analyzer alone on its own compilation of
# the SAME trees (declarations already bound, as in csc), its callbacks timed in the CPU time of their own thread; the
# per-text index the analyzers share (TreeText) on its own line. On (a) and (b) the generator's config files (.env,
# config/*.yaml, App.config, the project file, appsettings.json) are AdditionalFiles, as in a build (GRD002's file scan). Median (and min) of RUNS. Figure of record: "charged" =
# own work (thread CPU minus the GC pauses that landed in it) + the run's GC pauses x its share of the run's bytes; raw,
# without-GC-pauses and bytes allocated are printed beside it. Then the IDE figure: a one-line change to a 2,000-line
# file of the enterprise shape in an already-analysed compilation (AnalyzerProfile --ide), charged the same way.
#   usage: [RUNS=3] benchmarks/analyzer-cpu/run.sh [DATA_DIR=/tmp/guardrails-analyzer-cpu] [default|enterprise|aisdk|ide ...]
# The generated inputs are kept in DATA_DIR and reused (delete it to regenerate). Run it on an otherwise idle machine
# for a "% of compile" figure: under load the compile's CPU time grows too (caches, SMT), and the ratios move.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-/tmp/guardrails-analyzer-cpu}
shift || true
WHAT=${*:-default enterprise aisdk ide}
RUNS=${RUNS:-3}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build "$REPO/benchmarks/AnalyzerProfile" -c Release -nologo -v:q -nodeReuse:false >/dev/null
dotnet build "$REPO/benchmarks/GenerateLargeProject" -c Release -nologo -v:q -nodeReuse:false >/dev/null
PROFILE="$REPO/benchmarks/AnalyzerProfile/bin/Release/net10.0/AnalyzerProfile"
GENERATE="$REPO/benchmarks/GenerateLargeProject/bin/Release/net10.0/GenerateLargeProject"
mkdir -p "$DATA"
[ -d "$DATA/default/src" ] || "$GENERATE" --generate-only --out "$DATA/default" >/dev/null
[ -d "$DATA/enterprise/src" ] || "$GENERATE" --generate-only --shape enterprise --out "$DATA/enterprise" >/dev/null
[ -f "$DATA/aisdk/App/refs/OpenAI.dll" ] || GENERATE_ONLY="$DATA/aisdk" "$REPO/benchmarks/AiSdkCompile/run.sh" 400 unapproved >/dev/null
[ -d "$DATA/ide/src" ] || "$GENERATE" --generate-only --shape enterprise --file-lines 2000 --out "$DATA/ide" >/dev/null

echo "Guardrails at $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo ' (+ uncommitted changes)'); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for what in $WHAT; do
  case $what in
    default|enterprise)
      echo "== ($what) $DATA/$what: analyzer thread CPU vs compile CPU, median of $RUNS"
      # The generator's config files, which a build hands the compiler as AdditionalFiles (GRD002/GRD006's file scan).
      CONFIG=$(cd "$DATA/$what" && ls -d "$PWD"/.env "$PWD"/config/*.yaml "$PWD"/App.config "$PWD"/*.csproj "$PWD"/appsettings.json 2>/dev/null | paste -sd, -)
      "$PROFILE" "$DATA/$what/src" --thread-cpu --runs "$RUNS" --policy "$DATA/$what/guardrails/guardrails.effective-policy.json" --additional "$CONFIG" | grep -E '^(thread-cpu|[0-9]+ files|texts read|  run 1:)' ;;
    aisdk)
      echo "== (aisdk) $DATA/aisdk/App (AiSdkCompile unapproved): analyzer thread CPU vs compile CPU, median of $RUNS"
      "$PROFILE" "$DATA/aisdk/App" --thread-cpu --runs "$RUNS" --policy "$DATA/aisdk/App/guardrails/guardrails.effective-policy.json" --report-only 6001 | grep -E '^(thread-cpu|[0-9]+ files|texts read|  run 1:)' ;;
    ide)
      echo "== (ide) a one-line change to a 2,000-line file (enterprise shape, $DATA/ide), analyzers' thread CPU per edit"
      "$PROFILE" "$DATA/ide/src" --ide Service0007.cs --policy "$DATA/ide/guardrails/guardrails.effective-policy.json" | grep -vE '^(run|  run)' ;;
    *) echo "unknown: $what" >&2; exit 2 ;;
  esac
done
echo "(the GRD004 line is GRD004 and GRD008 together: one analyzer reports both; PROF001 reports 6,001 diagnostics and does nothing else;"
echo " 'charged' is the figure of record: own work + the run's GC pauses x the analyzer's share of the run's bytes, see benchmarks/README.md)"
