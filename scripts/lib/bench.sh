# shellcheck shell=bash
# ./gaia bench: benchmarks that write JSON and Markdown under bench/results (DESIGN §9).

bench_results() { printf '%s/bench/results\n' "$GAIA_ROOT"; }

bench_java() {
    local classpath
    classpath="$GAIA_ROOT/bench/target/classes:$(cat "$GAIA_ROOT/bench/target/classpath.txt")"
    "$JAVA_HOME/bin/java" ${GAIA_BENCH_JAVA_OPTS:--Xmx1536m} -cp "$classpath" "$@"
}

# bench_build MODULES: the bench module (and what it needs) packaged without running tests,
# unless GAIA_SKIP_BUILD=1 says they are built already.
bench_build() {
    [[ ${GAIA_SKIP_BUILD:-0} == 1 ]] && return 0
    info "building $1"
    maven -B -q -o -pl "$1" -am package -DskipTests ||
        maven -B -q -pl "$1" -am package -DskipTests
}

# The embedding-model comparison on LoCoMo: both candidate in-process models, Recall@k.
bench_embedding_models() {
    local dataset=${1:-$GAIA_ROOT/../shared/data/locomo/locomo-dev.json}
    [[ -f $dataset ]] || die "no LoCoMo file at $dataset (pass its path: ./gaia bench embedding-models PATH)"
    bench_build bench
    (cd "$GAIA_ROOT" && bench_java dev.gaia.bench.EmbeddingModelComparison "$dataset" "$(bench_results)")
}

# PostgreSQL for the benchmark: the running `./gaia up` one when it answers, else a throw-away
# one of its own under $GAIA_HOME/bench on a free port (never the one `./gaia test` runs).
bench_postgres_up() {
    pg_ensure_installed
    PG_PORT=$GAIA_POSTGRES_PORT
    if [[ $GAIA_POSTGRES_HOST == localhost || $GAIA_POSTGRES_HOST == 127.0.0.1 ]] && pg_ready; then
        info "using the PostgreSQL of ./gaia up on port $GAIA_POSTGRES_PORT"
        return 0
    fi
    INFRA_HOME="$GAIA_HOME/bench"
    PG_FSYNC=off
    PG_PORT=$(free_port_from "$GAIA_TEST_POSTGRES_PORT_BASE")
    add_cleanup bench_postgres_down
    pg_prepare_directories
    pg_init_cluster
    pg_start
    pg_provision gaia gaia gaia
    GAIA_POSTGRES_HOST=127.0.0.1 GAIA_POSTGRES_PORT=$PG_PORT GAIA_POSTGRES_DB=gaia
    GAIA_POSTGRES_USER=gaia GAIA_POSTGRES_PASSWORD=gaia
}

bench_postgres_down() {
    INFRA_HOME="$GAIA_HOME/bench"
    pg_locate
    pg_stop
}

# NATS for model-service's outbox: the one of ./gaia up when it runs, else one of its own.
bench_nats_up() {
    if nats_healthy "$GAIA_NATS_MONITOR_PORT"; then
        info "using the NATS of ./gaia up on port $GAIA_NATS_PORT"
        return 0
    fi
    require_command nats-server nats-server
    INFRA_HOME="$GAIA_HOME/bench"
    NATS_PORT=$(free_port_from "$GAIA_TEST_NATS_PORT_BASE")
    NATS_MONITOR_PORT=$(free_port_from "$GAIA_TEST_NATS_MONITOR_PORT_BASE")
    add_cleanup bench_nats_down
    nats_start
    GAIA_NATS_URL="nats://127.0.0.1:$NATS_PORT"
}

bench_nats_down() {
    INFRA_HOME="$GAIA_HOME/bench"
    nats_stop
}

# model-service against a fake upstream: its share of time to first token, embedding latency and throughput.
bench_model() {
    bench_build bench,model-service
    bench_postgres_up
    bench_nats_up
    export GAIA_POSTGRES_HOST GAIA_POSTGRES_PORT GAIA_POSTGRES_DB GAIA_POSTGRES_USER GAIA_POSTGRES_PASSWORD GAIA_NATS_URL
    (cd "$GAIA_ROOT" && bench_java dev.gaia.bench.ModelBench "$(service_jar model-service)" "$(bench_results)" \
        "${GAIA_BENCH_SERVICE_JAVA_OPTS:--XX:+UseSerialGC -Xms128m -Xmx384m}" "$GAIA_HOME/logs/bench-model-service.log")
}

cmd_bench() {
    local what=${1:-}
    (($# > 0)) && shift
    ensure_jdk
    case $what in
        model) bench_model "$@" ;;
        embedding-models) bench_embedding_models "$@" ;;
        *) die "unknown benchmark '$what' (one of: model, embedding-models)" ;;
    esac
}
