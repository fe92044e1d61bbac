#!/usr/bin/env bash
# Installs everything lectern's build, tests, benchmarks and demo need on
# Debian 12, as root or as a user with sudo. Safe to run again: it installs
# only what is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ make cmake ninja-build pkg-config git ca-certificates
  # libraries
  libicu-dev libgumbo-dev nlohmann-json3-dev libcli11-dev libzstd-dev zlib1g-dev
  libcurl4-openssl-dev
  # tests
  googletest libgtest-dev libcpp-httplib-dev
  # the page's browser tests (tests/web): Debian's Chromium, driven by playwright-core from npm
  chromium
)
# Node.js and npm for tests/web, from Debian unless a node is already there.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
# Optional groups: `scripts/setup.sh fuzz bench`
for group in "$@"; do
  case "$group" in
    fuzz) PACKAGES+=(clang libclang-rt-dev) ;;
    bench) PACKAGES+=(libsqlite3-dev libxapian-dev wrk ripgrep) ;;
    *) echo "setup.sh: unknown group '$group' (known: fuzz bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
install_packages() {
  [ ${#missing[@]} -gt 0 ] || return 0

  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi

  echo "setup.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
install_packages

# playwright-core for the browser tests, exactly as tests/web/package-lock.json
# pins it (it drives the Debian chromium above; it downloads no browser).
web_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/web"
wanted=$(sed -n 's/.*"playwright-core": "\([0-9.]*\)".*/\1/p' "$web_tests/package.json")
installed=""
if [ -f "$web_tests/node_modules/playwright-core/package.json" ]; then  # absent on a fresh checkout
  installed=$(sed -n 's/^ *"version": "\([0-9.]*\)".*/\1/p' \
    "$web_tests/node_modules/playwright-core/package.json" | head -n 1)
fi
if [ "$installed" != "$wanted" ]; then
  echo "setup.sh: npm ci in tests/web (playwright-core $wanted)" >&2
  (cd "$web_tests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
