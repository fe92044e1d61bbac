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

# Index and search.
idx="$tmp/index"
"$lectern" ingest "$samples" "$fixtures/not-briefings/listing.html" --index "$idx" >"$tmp/out" 2>"$tmp/err"
check "ingest with a refused file exits 1" test $? -eq 1
check "ingest summary counts" grep -q "3 briefings added, 0 replaced, 0 unchanged, 1 refused" "$tmp/out"
check "ingest names the refused file" grep -q "listing.html: not ingested: " "$tmp/err"
"$lectern" ingest "$samples" --index "$idx" --json >"$tmp/out" 2>&1
check "re-ingest exits 0" test $? -eq 0
check "re-ingest changes nothing" grep -q '"unchanged":3' "$tmp/out"
"$lectern" search --index "$idx" 'outlet:AFP visas' >"$tmp/out" 2>&1
check "search exits 0" test $? -eq 0
check "search counts matches" grep -q "^1 turns in 1 briefings match" "$tmp/out"
check "search shows the exchange" grep -q "A \[Zhao Lijian\]" "$tmp/out"
"$lectern" search --index "$idx" --json '"release information"' >"$tmp/out" 2>&1
check "search --json has hits" grep -q '"total_turns":' "$tmp/out"
"$lectern" search --index "$idx" 'outlet:Reuters "unclosed' >"$tmp/out" 2>"$tmp/err"
check "bad query is a usage error" test $? -eq 2
check "bad query says where" grep -q "col 16: unclosed quote" "$tmp/err"
"$lectern" show --index "$idx" mfa-china-en-2020-09-07 >"$tmp/out" 2>&1
check "show exits 0" test $? -eq 0
check "show prints the briefing" grep -q "Q \[Bloomberg\]" "$tmp/out"
"$lectern" show --index "$idx" no-such-id >/dev/null 2>"$tmp/err"
check "show of an unknown id exits 1" test $? -eq 1
"$lectern" stats --index "$idx" --json >"$tmp/out" 2>&1
check "stats counts briefings" grep -q '"briefings":3' "$tmp/out"
"$lectern" search --index "$tmp/nowhere" china >/dev/null 2>"$tmp/err"
check "search without an index exits 1" test $? -eq 1
check "search without an index says so" grep -q "no index" "$tmp/err"
for cmd in ingest search show stats optimize; do
  "$lectern" $cmd --help >/dev/null 2>&1
  check "$cmd --help" test $? -eq 0
done

echo "$passed passed, $failed failed"
test "$failed" -eq 0
