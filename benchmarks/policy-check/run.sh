#!/usr/bin/env bash
# Times what the Guardrails check adds to a build of samples/Compliant under a large policy (200 assistants,
# 1,000 approved packages, 52 MCP servers): the GuardrailsCheck target when it runs (in-process, as for a package
# consumer; and out-of-process through TaskHostFactory, as the samples build from source), the same with the small
# sample policy, and a no-op incremental build with and without a policy. Median of 5 runs each.
#
# The policy path is central configuration: a -p:GuardrailsPolicyPath on the command line is refused (GRD307), so
# each case gets its own copy of samples/Compliant under a Directory.Build.props that names its policy, the way an
# organisation's repository does.
# Usage (from the repository root): benchmarks/policy-check/run.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big="$work/guardrails.policy.json"
python3 benchmarks/policy-check/generate-policy.py "$big"
echo "generated policy: $(wc -c < "$big") bytes"

# workspace NAME POLICY TASKFACTORY: samples/Compliant under a central Directory.Build.props naming POLICY.
workspace() {
  local dir="$work/$1" policy=$2 factory=$3
  mkdir -p "$dir/Compliant"
  (cd samples/Compliant && tar --exclude=bin --exclude=obj -cf - .) | (cd "$dir/Compliant" && tar -xf -)
  sed -e "s|<GuardrailsPolicyPath>[^<]*</GuardrailsPolicyPath>|<GuardrailsPolicyPath>$policy</GuardrailsPolicyPath>|" \
      -e "s|<GuardrailsTaskFactory>[^<]*</GuardrailsTaskFactory>|<GuardrailsTaskFactory>$factory</GuardrailsTaskFactory>|" \
      -e "s|<_GuardrailsRepoRoot>[^<]*</_GuardrailsRepoRoot>|<_GuardrailsRepoRoot>$root</_GuardrailsRepoRoot>|" \
      samples/Directory.Build.props > "$dir/Directory.Build.props"
  cp samples/Directory.Build.targets "$dir/Directory.Build.targets"
  echo "$dir/Compliant"
}
inproc_ws=$(workspace inproc "$big" "")
taskhost_ws=$(workspace taskhost "$big" TaskHostFactory)
small_ws=$(workspace small "$root/samples/policy/guardrails.policy.json" "")
nopolicy_ws=$(workspace nopolicy "" "")

build() { local proj=$1; shift; dotnet build "$proj" -nodeReuse:false "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
check_ms() { build "$1" -clp:PerformanceSummary -v:m | grep -E "^ +[0-9]+ ms +GuardrailsCheck +[0-9]+ calls" | head -1 | awk '{print $1}'; }
report() { local name=$1; shift; echo "$name (ms): $* -> median $(printf '%s\n' "$@" | median)"; }

for ws in "$inproc_ws" "$taskhost_ws" "$small_ws" "$nopolicy_ws"; do
  build "$ws" > "$work/first-build.log" || { echo "first build of $ws failed:"; grep -E "error|warning GRD" "$work/first-build.log" | head -20; exit 1; }
done
inproc=(); taskhost=(); small=()
for i in 1 2 3 4 5; do
  touch "$big"; inproc+=("$(check_ms "$inproc_ws")")
  touch "$big"; taskhost+=("$(check_ms "$taskhost_ws")")
  touch "$work/small/Compliant/ai-assistants.json"; small+=("$(check_ms "$small_ws")")
done
report "GuardrailsCheck target, large policy, in-process" "${inproc[@]}"
report "GuardrailsCheck target, large policy, TaskHostFactory (samples)" "${taskhost[@]}"
report "GuardrailsCheck target, sample policy, in-process" "${small[@]}"

noop=(); noop_without=()
for i in 1 2 3 4 5; do
  s=$(date +%s%N); build "$inproc_ws" > /dev/null; e=$(date +%s%N); noop+=($(( (e - s) / 1000000 )))
done
for i in 1 2 3 4 5; do
  s=$(date +%s%N); build "$nopolicy_ws" > /dev/null; e=$(date +%s%N); noop_without+=($(( (e - s) / 1000000 )))
done
report "no-op incremental build, large policy" "${noop[@]}"
report "no-op incremental build, no policy configured" "${noop_without[@]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
