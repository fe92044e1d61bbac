#!/usr/bin/env bash
# One command: install what is missing, build, and run the main job on the
# bundled sample briefings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec make demo
