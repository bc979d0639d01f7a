#!/usr/bin/env bash
# Measures the API over a large generated database: loads what the data folder's database lacks (petitions, cases, disputes;
# a database that holds them already is left as it is) and then rebuilds the metrics from the event history, then starts the real host on Kestrel and prints the table of figures.
#   tests/Fengqiao.Benchmarks/run-benchmarks.sh [data-dir]     default data-dir: data/benchmarks
# Any size works (10,000 petitions and cases load in half a minute): a keyset page is the last page a walk of up to 51
# pages reaches. Environment: PETITIONS (1000000), CASES (1000000; 0 skips the dispatch scenarios and the mixed
# workload), DISPUTES (200000; 0 skips the mediation scenarios) sharing SESSIONS (1000000), REQUESTS per scenario (2000, and at least 3 s of them), METRICS_REQUESTS per metrics scenario (2000), MIXED_REQUESTS of the mixed workload (21000),
# CLIENTS (4); BUILD_ARGS are passed to dotnet build and run, e.g. BUILD_ARGS="--artifacts-path /tmp/fengqiao-bench"
# to keep the output elsewhere.
set -euo pipefail
cd "$(dirname "$0")/../.."

data_dir="${1:-data/benchmarks}"
read -r -a build_args <<< "${BUILD_ARGS:-}"
project=tests/Fengqiao.Benchmarks

dotnet build "$project" -c Release "${build_args[@]}"
run() { dotnet run --project "$project" -c Release --no-build "${build_args[@]}" -- "$@"; }

run generate --petitions "${PETITIONS:-1000000}" --cases "${CASES:-1000000}" --disputes "${DISPUTES:-200000}" --sessions "${SESSIONS:-1000000}" --data-dir "$data_dir"
run run --data-dir "$data_dir" --requests "${REQUESTS:-2000}" --metrics-requests "${METRICS_REQUESTS:-2000}" --mixed-requests "${MIXED_REQUESTS:-21000}" --clients "${CLIENTS:-4}"
