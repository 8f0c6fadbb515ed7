#!/usr/bin/env bash
# Times what the Guardrails check adds to a build of samples/Compliant under a large policy (200 assistants,
# 1,000 approved packages): the GuardrailsCheck target when it runs, and a no-op incremental build with and without
# a policy. Median of 5 runs each. Usage: benchmarks/policy-check/run.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benchmarks/policy-check/generate-policy.py "$work/guardrails.policy.json"
echo "policy: $(wc -c < "$work/guardrails.policy.json") bytes"
proj=samples/Compliant
dotnet build "$proj" -nodeReuse:false -p:GuardrailsPolicyPath="$work/guardrails.policy.json" > /dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
target_ms() { grep -E "^ +[0-9]+ ms +$1 " | head -1 | awk '{print $1}'; }

checks=(); noop=(); noop_without=()
for i in 1 2 3 4 5; do
  touch "$work/guardrails.policy.json"   # a newer policy: the check must run again
  out=$(dotnet build "$proj" -nodeReuse:false -p:GuardrailsPolicyPath="$work/guardrails.policy.json" -clp:PerformanceSummary -v:m)
  checks+=("$(echo "$out" | target_ms GuardrailsCheck)")
  s=$(date +%s%N); dotnet build "$proj" -nodeReuse:false -p:GuardrailsPolicyPath="$work/guardrails.policy.json" > /dev/null; e=$(date +%s%N)
  noop+=($(( (e - s) / 1000000 )))
done
dotnet build "$proj" -nodeReuse:false -p:GuardrailsPolicyPath= > /dev/null
for i in 1 2 3 4 5; do
  s=$(date +%s%N); dotnet build "$proj" -nodeReuse:false -p:GuardrailsPolicyPath= > /dev/null; e=$(date +%s%N)
  noop_without+=($(( (e - s) / 1000000 )))
done
echo "GuardrailsCheck target when it runs (ms): ${checks[*]} -> median $(printf '%s\n' "${checks[@]}" | median)"
echo "no-op incremental build with the policy (ms): ${noop[*]} -> median $(printf '%s\n' "${noop[@]}" | median)"
echo "no-op incremental build, no policy configured (ms): ${noop_without[*]} -> median $(printf '%s\n' "${noop_without[@]}" | median)"
