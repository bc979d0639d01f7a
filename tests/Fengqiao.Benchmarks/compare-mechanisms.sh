#!/usr/bin/env bash
# Measures the mixed workload with each performance mechanism switched off in turn (docs/adr), interleaved: every round
# runs all settings once, each on a fresh copy of the data folder, so drift of the machine's load and the registrations
# of earlier runs fall on every setting alike. Prints each run, then per setting the median and the range.
#   tests/Fengqiao.Benchmarks/compare-mechanisms.sh data-dir [rounds]     rounds: 5
# Environment: MIXED_REQUESTS (21000), CLIENTS (4), SCRATCH (a temporary folder for the copies), BUILD_ARGS as in
# run-benchmarks.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

data_dir="${1:?usage: compare-mechanisms.sh data-dir [rounds]}"
rounds="${2:-5}"
read -r -a build_args <<< "${BUILD_ARGS:-}"
project=tests/Fengqiao.Benchmarks
scratch="${SCRATCH:-$(mktemp -d)}"
results="$scratch/results.txt"
: > "$results"

dotnet build "$project" -c Release "${build_args[@]}"

settings=(
  "all-on"
  "ReadCache__Enabled=false"
  "Database__SqliteStatementCache=false"
)

for round in $(seq "$rounds"); do
  for setting in "${settings[@]}"; do
    rm -rf "$scratch/data"
    cp -r "$data_dir" "$scratch/data"
    environment=()
    [[ "$setting" == *=* ]] && environment=("$setting")
    line=$(env "${environment[@]}" dotnet run --project "$project" -c Release --no-build "${build_args[@]}" -- \
      run --data-dir "$scratch/data" --mixed-only true --mixed-requests "${MIXED_REQUESTS:-21000}" --clients "${CLIENTS:-4}" \
      | grep '^  mixed:')
    echo "round $round  $setting  $line" | tee -a "$results"
  done
done
rm -rf "$scratch/data"

# Lines read: "round R  SETTING    mixed: ...: N requests, X req/s, p50 A ms, p95 P ms, p99 B ms, C µs CPU".
echo
printf '%-40s %22s %22s %18s\n' setting "req/s median (range)" "CPU µs median (range)" "p99 ms median"
for setting in "${settings[@]}"; do
  grep "  $setting  " "$results" | sed -E 's/.* ([0-9,]+) req\/s, p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 ([0-9.]+) ms, ([0-9]+) µs CPU/\1 \2 \3/; s/,//g' \
    | awk -v name="$setting" '
        { rate[NR] = $1; p99[NR] = $2; cpu[NR] = $3 }
        function median(values, n,   i, j, t, sorted) {
          for (i = 1; i <= n; i++) sorted[i] = values[i]
          for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
          low = sorted[1]; high = sorted[n]
          return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
        }
        END {
          r = median(rate, NR); rl = low; rh = high
          c = median(cpu, NR); cl = low; ch = high
          printf "%-40s %8d (%d-%d) %12d (%d-%d) %14.2f\n", name, r, rl, rh, c, cl, ch, median(p99, NR)
        }'
done
