#!/usr/bin/env bash
# Every benchmark, one command:  bench/run_all.sh   (QUESTIONS=DIR bench/run_all.sh for another bank)
#
# Order matters: browser_start.py goes first, while the machine is quiet (its start-up figures are
# the ones that move with load); it builds its own copy (_build/bench/site, for the port it serves
# on), which slow_network.py, slow_laptop.py and bulk_scoring.py --browser reuse; build_time.py goes last, as it
# removes _build/.
# Logs go to bench/results/*.txt; a summary of every PASS/MISS line is printed at the end.
# Exits 0 when every benchmark ran, whatever the figures; non-zero only if one could not run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
bank=()
[[ -n "${QUESTIONS:-}" ]] && bank=(--questions "$QUESTIONS")
failed=0

run() {
  local name=$1; shift
  echo
  echo ">>> python3 $*"
  python3 "$@" 2>&1 | tee "bench/results/$name.txt"
  local code=${PIPESTATUS[0]}
  if [[ $code -ne 0 ]]; then
    echo "!!! $name exited $code" | tee -a "bench/results/$name.txt"
    failed=1
  fi
}

run browser_start bench/browser_start.py "${bank[@]}" --json bench/results/browser_start.json
run slow_network bench/slow_network.py "${bank[@]}" --no-build --json bench/results/slow_network.json
run slow_laptop bench/slow_laptop.py "${bank[@]}" --no-build --json bench/results/slow_laptop.json
run bulk_scoring bench/bulk_scoring.py "${bank[@]}" --browser --no-build
run build_time bench/build_time.py "${bank[@]}"

echo
echo "================================ summary ================================"
for name in browser_start slow_network slow_laptop bulk_scoring build_time; do
  echo "-- $name"
  grep -E "PASS|MISS" "bench/results/$name.txt" | sed 's/^/   /'
done
exit $failed
