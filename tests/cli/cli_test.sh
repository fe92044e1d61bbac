#!/usr/bin/env bash
# The CLI as a user meets it: exit codes, messages on stderr, --help, --json.
# Usage: cli_test.sh LECTERN FIXTURES SAMPLES
set -u
lectern=$1 fixtures=$2 samples=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name" >&2; fi
}

"$lectern" --help >"$tmp/out" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists parse" grep -q parse "$tmp/out"
"$lectern" parse --help >"$tmp/out" 2>&1
check "parse --help exits 0" test $? -eq 0
check "parse --help shows --format" grep -q -- --format "$tmp/out"

"$lectern" >/dev/null 2>&1
check "no command is a usage error" test $? -eq 2
"$lectern" parse --no-such-flag x >/dev/null 2>&1
check "unknown flag is a usage error" test $? -eq 2
"$lectern" parse --format nonsense "$samples" >/dev/null 2>&1
check "unknown format is a usage error" test $? -eq 2

"$lectern" parse "$samples" >"$tmp/out" 2>"$tmp/err"
check "samples parse with exit 0" test $? -eq 0
check "readable output shows a question" grep -q '^Q \[' "$tmp/out"
check "readable output shows an answer" grep -q '^A \[' "$tmp/out"
check "nothing on stderr for a clean batch" test ! -s "$tmp/err"

"$lectern" parse --json "$fixtures/mfa-en" >"$tmp/out" 2>"$tmp/err"
check "fixture folder parses with exit 0" test $? -eq 0
check "one JSON line per briefing" test "$(wc -l <"$tmp/out")" -eq "$(ls "$fixtures/mfa-en" | wc -l)"
check "JSON lines carry the contract keys" grep -q '"exchanges":\[' "$tmp/out"

"$lectern" parse --json "$fixtures/mfa-en/outlets_2020.html" "$fixtures/not-briefings" /nonexistent >"$tmp/out" 2>"$tmp/err"
check "partial failure exits 1" test $? -eq 1
check "the good page is still printed" test "$(wc -l <"$tmp/out")" -eq 1
check "refusals name path and reason" grep -q "not-briefings/listing.html: not a briefing transcript: " "$tmp/err"
check "a missing path is reported" grep -q "/nonexistent: no such file or directory" "$tmp/err"
check "empty file reason" grep -q "empty.html: not a briefing transcript: empty file" "$tmp/err"

"$lectern" parse --quiet "$fixtures/not-briefings/empty.html" >/dev/null 2>"$tmp/err"
check "--quiet still reports the refusal" grep -q "empty file" "$tmp/err"
check "--quiet drops the summary" bash -c "! grep -q 'refused' '$tmp/err'"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
