#!/usr/bin/env bash
# The test command (README "Run all tests", and CI through .ci/run): installs what the tests need on a fresh machine,
# then runs every test project. The inventory report's browser test drives the system Chromium (Debian package
# 'chromium'); it is installed here when missing. Extra arguments go to dotnet test.
set -uo pipefail
cd "$(dirname "$0")"
if [ -z "${GUARDRAILS_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  echo "test.sh: installing Chromium (Debian package 'chromium') for the inventory report's browser test..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; }; then
    echo "test.sh: could not install chromium; the browser test will fail and say how to install it." >&2
  fi
fi
exec dotnet test Guardrails.sln "$@"
