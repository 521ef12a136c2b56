#!/usr/bin/env bash
# Runs fuzz targets one after the other (or FUZZ_PARALLEL at a time), each for SECONDS, and prints one line
# per target: executions, coverage and corpus size. Any crash, leak, sanitizer report, invariant failure or
# input slower than a second stops that target; its input lands in build/fuzz/findings and the run fails.
#   tests/fuzz/run.sh SECONDS CORPUS_ROOT TARGET...      (CORPUS_ROOT/<target> must exist)
set -uo pipefail
seconds=$1 corpus_root=$2
shift 2
build=build/fuzz
mkdir -p "$build/logs" "$build/findings"

max_len() {
  case $1 in
    count) echo 1024 ;;         # count strings; platforms print under 100 bytes
    audit_counts) echo 64 ;;    # three counts and four rates
    factory) echo 32768 ;;      # 4,096 creation dates
    *) echo 65536 ;;            # responses: the seeds are cut to fit, and longer inputs slow the search
  esac
}

run_one() {
  local t=$1 log=$build/logs/$1.log
  "$build/$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=1 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$t-" "$corpus_root/$t" >"$log" 2>&1
  local rc=$?
  local execs cov
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -1)
  if [ $rc -ne 0 ]; then
    echo "FAIL $t after ${execs:-?} executions (log: $log)"
    grep -E 'ERROR|runtime error|invariant broken|Test unit written|SUMMARY' "$log" | head -8
    return 1
  fi
  printf '%-28s %12s execs in %ss  %s\n' "$t" "$execs" "$seconds" "$cov"
}
export -f run_one max_len
export seconds corpus_root build

printf '%s\n' "$@" | xargs -P "${FUZZ_PARALLEL:-1}" -I{} bash -c 'run_one {}'
