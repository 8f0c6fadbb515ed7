#!/usr/bin/env bash
# Shows Guardrails on the samples: the compliant project builds, the violating one fails with Guardrails errors,
# and the guardrails tool turns samples/estate (three repositories' audit records) into an inventory report.
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
echo "== samples/estate (three repositories' audit records -> one inventory report) =="
mkdir -p artifacts
rm -f artifacts/estate-inventory.db
dotnet run --project src/Cli -- inventory samples/estate --db artifacts/estate-inventory.db -o artifacts/estate-inventory.html \
  --policy samples/policy/guardrails.policy.json
inventory=$?
echo "Open artifacts/estate-inventory.html in a browser (it works offline): the Endpoints tab shows what each repository's"
echo "code reaches (hr-portal's are unknown: its analyzers did not run), and Decommission whose builds fail if one is revoked."

echo
if [ "$compliant" -eq 0 ] && [ "$violations" -ne 0 ] && [ "$inventory" -eq 0 ]; then
  echo "Guardrails works: Compliant built, Violations was stopped."
  exit 0
fi
echo "Unexpected: Compliant exit $compliant, Violations exit $violations, inventory exit $inventory."
exit 1
