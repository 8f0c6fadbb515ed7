#!/usr/bin/env bash
# Shows Guardrails on the samples: the compliant project builds, the violating one fails with Guardrails errors.
set -u
cd "$(dirname "$0")"
export MSBUILDDISABLENODEREUSE=1

echo "== samples/Compliant (expected: build succeeds) =="
dotnet build samples/Compliant -nodeReuse:false -clp:NoSummary
compliant=$?

echo
echo "== samples/Violations (expected: build fails with GRD errors) =="
dotnet build samples/Violations -nodeReuse:false -clp:NoSummary
violations=$?

echo
if [ "$compliant" -eq 0 ] && [ "$violations" -ne 0 ]; then
  echo "Guardrails works: Compliant built, Violations was stopped."
  exit 0
fi
echo "Unexpected: Compliant exit $compliant, Violations exit $violations."
exit 1
