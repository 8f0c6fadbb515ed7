#!/usr/bin/env bash
# Sums the end-to-end suite's process log per tool and verb: count, wall seconds, child CPU seconds, and the share of
# the whole. Write the log with GUARDRAILS_E2E_TIMINGS=/tmp/e2e.tsv dotnet test tests/EndToEnd (see tests/EndToEnd/DotNet.cs).
set -euo pipefail
log=${1:?usage: tools/e2e-timings.sh LOG.tsv}
awk -F'\t' '{ k = $2 " " $3; n[k]++; w[k] += $6; c[k] += $7; tw += $6; tc += $7 }
  END {
    printf "%-34s %6s %10s %10s %7s\n", "tool verb", "count", "wall s", "cpu s", "cpu %"
    for (k in n) printf "%-34s %6d %10.1f %10.1f %6.1f%%\n", k, n[k], w[k] / 1000, c[k] / 1000, tc ? 100 * c[k] / tc : 0
    printf "%-34s %6d %10.1f %10.1f\n", "total", NR, tw / 1000, tc / 1000
  }' "$log" | sort -k4 -n -r
