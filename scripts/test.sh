#!/usr/bin/env bash
# One command: install what is missing, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec make test
