#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan, and runs
# each for SECONDS.
#
#   scripts/fuzz.sh [options] SECONDS [TARGET...]
#
# TARGET is fuzz_html_reader, fuzz_text_reader, fuzz_decode, fuzz_query_parser,
# fuzz_analyzer or fuzz_store (or html, text, decode, query, analyzer, store);
# default: all, one after another. Options:
#   --seeds DIR   also read DIR as seed inputs (read only; may be repeated),
#                 e.g. --seeds /work/shared/corpus/mfa-en-html
#   --no-build    run the targets already built in the build directory
# Environment: FUZZ_BUILD (build directory, default build-fuzz),
#   FUZZ_BUILD_JOBS (parallel compile jobs, default nproc).
#
# Each target keeps its working corpus in fuzz/corpus-<target>/ (grows from
# run to run) and starts from fuzz/seeds/<target>/. Crashing, leaking or
# slow inputs are written to fuzz/artifacts/<target>-{crash,leak,timeout,oom}-*
# and the full log to fuzz/artifacts/<target>.log. Prints, per target, the
# executions, coverage, corpus size and whether anything was found; exits 1
# if any target found something, 2 on usage or build errors.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FUZZ_BUILD:-$ROOT/build-fuzz}"
ALL_TARGETS=(fuzz_html_reader fuzz_text_reader fuzz_decode fuzz_query_parser fuzz_analyzer fuzz_store)

usage() {
  sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

seconds=""
targets=()
extra_seeds=()
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds)
      [ $# -ge 2 ] || usage
      [ -d "$2" ] || { echo "fuzz.sh: no such directory: $2" >&2; exit 2; }
      extra_seeds+=("$(cd "$2" && pwd)")
      shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; usage ;;
    *)
      if [ -z "$seconds" ]; then
        seconds="$1"
      else
        case "$1" in
          html|fuzz_html_reader) targets+=(fuzz_html_reader) ;;
          text|fuzz_text_reader) targets+=(fuzz_text_reader) ;;
          decode|fuzz_decode) targets+=(fuzz_decode) ;;
          query|fuzz_query_parser) targets+=(fuzz_query_parser) ;;
          analyzer|fuzz_analyzer) targets+=(fuzz_analyzer) ;;
          store|fuzz_store) targets+=(fuzz_store) ;;
          *) echo "fuzz.sh: unknown target '$1' (known: ${ALL_TARGETS[*]})" >&2; exit 2 ;;
        esac
      fi
      shift ;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || usage
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

if [ "$build" -eq 1 ]; then
  for tool in clang clang++ cmake; do
    command -v "$tool" >/dev/null 2>&1 || {
      echo "fuzz.sh: $tool not found (run scripts/setup.sh fuzz)" >&2
      exit 2
    }
  done
  # CMake never switches compilers in an existing build directory.
  if [ -f "$BUILD/CMakeCache.txt" ] &&
     ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$BUILD/CMakeCache.txt"; then
    echo "fuzz.sh: $BUILD was configured with another compiler; reconfiguring from scratch" >&2
    rm -rf "$BUILD"
  fi
  generator=()
  if [ ! -f "$BUILD/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
  fi
  # Optimised, with debug info and with assertions (no -DNDEBUG).
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" \
    -DLECTERN_FUZZ=ON -DLECTERN_TESTS=OFF >"$BUILD.configure.log" 2>&1 || {
    cat "$BUILD.configure.log" >&2
    echo "fuzz.sh: cmake configure failed" >&2
    exit 2
  }
  rm -f "$BUILD.configure.log"
  cmake --build "$BUILD" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" --target "${targets[@]}" || {
    echo "fuzz.sh: build failed" >&2
    exit 2
  }
fi

ARTIFACTS="$ROOT/fuzz/artifacts"
mkdir -p "$ARTIFACTS"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

found=0
summary=()
for target in "${targets[@]}"; do
  binary="$BUILD/fuzz/$target"
  [ -x "$binary" ] || { echo "fuzz.sh: $binary is not built" >&2; exit 2; }
  corpus="$ROOT/fuzz/corpus-$target"
  seeds="$ROOT/fuzz/seeds/$target"
  dict="$ROOT/fuzz/dicts/$target.dict"
  log="$ARTIFACTS/$target.log"
  mkdir -p "$corpus"
  args=(-max_total_time="$seconds" -rss_limit_mb=4096 -max_len=262144 -timeout=10
        -artifact_prefix="$ARTIFACTS/$target-" -print_final_stats=1)
  [ -f "$dict" ] && args+=(-dict="$dict")
  dirs=("$corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  dirs+=("${extra_seeds[@]}")

  echo "== $target: fuzzing for ${seconds}s (log: ${log#"$ROOT"/})"
  start=$(date +%s)
  "$binary" "${args[@]}" "${dirs[@]}" >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))

  # "Done 123456 runs in 600 second(s)" ends a clean run; after a crash the
  # last status line ("#123456 ... cov: ...") is the best count there is.
  runs=$(sed -n 's/^Done \([0-9]*\) runs in .*/\1/p' "$log" | tail -n 1)
  if [ -z "$runs" ]; then
    runs=$(grep -a -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#')
  fi
  status_line=$(grep -a -E '^#[0-9]+.* cov: ' "$log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status_line")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[A-Za-z]*\).*/\1/p' <<<"$status_line")
  files=$(find "$corpus" -type f | wc -l)

  line="$target: ${runs:-0} runs in ${elapsed}s, cov ${cov:-?} ft ${ft:-?}, corpus ${corp:-?} (in ${files} files in ${corpus#"$ROOT"/}/)"
  if [ "$rc" -eq 0 ]; then
    line+=" -- no crash"
  else
    found=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    kind=$(grep -a -o -E 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer): [a-zA-Z-]+|invariant violated: .*|runtime error: .*' "$log" | head -n 1)
    line+=" -- FOUND (exit $rc): ${kind:-see log}; input: ${artifact:-none written}"
    [ -n "$artifact" ] && line+="; reproduce: ${binary#"$ROOT"/} $artifact"
  fi
  echo "$line"
  summary+=("$line")
done

if [ ${#summary[@]} -gt 1 ]; then
  echo "== summary"
  printf '%s\n' "${summary[@]}"
fi
exit "$found"
