#!/usr/bin/env bash
# One command: install what is missing, build, ingest the bundled sample
# briefings into an index and serve the page on localhost (the address is
# printed; Ctrl-C stops). PORT=8080 and DEMO_INDEX=build/demo-index by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec make demo
