#!/usr/bin/env bash
# Times what the Guardrails check adds to a build of samples/Compliant under a large policy (200 assistants,
# 1,000 approved packages, 52 MCP servers): the GuardrailsCheck target when it runs (in-process, as for a package
# consumer; and out-of-process through TaskHostFactory, as the samples build from source), the same with the small
# sample policy, and a no-op incremental build with and without a policy. Median of 5 runs each.
# Usage (from the repository root): benchmarks/policy-check/run.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big="$work/guardrails.policy.json"
python3 benchmarks/policy-check/generate-policy.py "$big"
echo "generated policy: $(wc -c < "$big") bytes"
proj=samples/Compliant
build() { dotnet build "$proj" -nodeReuse:false "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
check_ms() { build "$@" -clp:PerformanceSummary -v:m | grep -E "^ +[0-9]+ ms +GuardrailsCheck +[0-9]+ calls" | head -1 | awk '{print $1}'; }
report() { local name=$1; shift; echo "$name (ms): $* -> median $(printf '%s\n' "$@" | median)"; }

build -p:GuardrailsPolicyPath="$big" > /dev/null
inproc=(); taskhost=(); small=()
for i in 1 2 3 4 5; do
  touch "$big"; inproc+=("$(check_ms -p:GuardrailsPolicyPath="$big" -p:GuardrailsTaskFactory=)")
  touch "$big"; taskhost+=("$(check_ms -p:GuardrailsPolicyPath="$big")")
  touch samples/policy/guardrails.policy.json; small+=("$(check_ms -p:GuardrailsTaskFactory=)")
done
report "GuardrailsCheck target, large policy, in-process" "${inproc[@]}"
report "GuardrailsCheck target, large policy, TaskHostFactory (samples)" "${taskhost[@]}"
report "GuardrailsCheck target, sample policy, in-process" "${small[@]}"

noop=(); noop_without=()
build -p:GuardrailsPolicyPath="$big" > /dev/null
for i in 1 2 3 4 5; do
  s=$(date +%s%N); build -p:GuardrailsPolicyPath="$big" > /dev/null; e=$(date +%s%N); noop+=($(( (e - s) / 1000000 )))
done
build -p:GuardrailsPolicyPath= > /dev/null
for i in 1 2 3 4 5; do
  s=$(date +%s%N); build -p:GuardrailsPolicyPath= > /dev/null; e=$(date +%s%N); noop_without+=($(( (e - s) / 1000000 )))
done
report "no-op incremental build, large policy" "${noop[@]}"
report "no-op incremental build, no policy configured" "${noop_without[@]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
