# shellcheck shell=bash
# Infrastructure: Redis and NATS as local processes, the Docker Compose alternative, and the
# infrastructure as a whole for `up`, `down`, `status` and `test`.
#
# Local processes read INFRA_HOME, PG_PORT, PG_FSYNC, REDIS_PORT, NATS_PORT and NATS_MONITOR_PORT.
# shellcheck disable=SC2034  # PG_* are read by postgres.sh

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------

redis_pidfile() { printf '%s/run/redis.pid\n' "$INFRA_HOME"; }

# redis_ping PORT: PING answered with PONG, spoken in RESP over bash's /dev/tcp.
redis_ping() {
    # shellcheck disable=SC2016  # expanded by the inner shell
    timeout 2 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "PING\r\n" >&3
        IFS= read -r reply <&3
        [[ $reply == "+PONG"* ]]' _ "$1" 2>/dev/null
}

redis_start() {
    local pidfile log
    pidfile=$(redis_pidfile)
    log="$INFRA_HOME/logs/redis.log"
    if pid_alive "$pidfile" redis-server; then
        if redis_ping "$REDIS_PORT"; then
            info "redis: already running (pid $(pid_of "$pidfile"), port $REDIS_PORT)"
            return 0
        fi
        info "redis: restarting, it does not answer on port $REDIS_PORT"
        stop_pid "$pidfile" redis
    fi
    port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process; choose another with GAIA_REDIS_PORT"
    info "redis: starting on port $REDIS_PORT"
    mkdir -p "$INFRA_HOME/redis" "$INFRA_HOME/run" "$INFRA_HOME/logs"
    rm -f "$pidfile"
    # Redis is a cache of recent history here, never the record: no snapshots, no AOF.
    "$(find_command redis-server)" --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes \
        --save '' --appendonly no --dir "$INFRA_HOME/redis" \
        --daemonize yes --pidfile "$pidfile" --logfile "$log" >/dev/null ||
        die "redis-server did not start"
    wait_until 30 "redis on port $REDIS_PORT" redis_ping "$REDIS_PORT" || {
        tail_log "$log"
        die "Redis does not answer PING"
    }
}

redis_stop() {
    local pidfile
    pidfile=$(redis_pidfile)
    pid_alive "$pidfile" redis-server || {
        rm -f "$pidfile"
        return 0
    }
    info "redis: stopping (pid $(pid_of "$pidfile"))"
    stop_pid "$pidfile" redis
}

# ---------------------------------------------------------------------------------------------
# NATS with JetStream
# ---------------------------------------------------------------------------------------------

nats_pidfile() { printf '%s/run/nats.pid\n' "$INFRA_HOME"; }

nats_healthy() {
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/healthz?js-enabled-only=true" 2>/dev/null
}

nats_start() {
    local pidfile log
    pidfile=$(nats_pidfile)
    log="$INFRA_HOME/logs/nats.log"
    if pid_alive "$pidfile" nats-server; then
        if nats_healthy "$NATS_MONITOR_PORT" && port_open "$NATS_PORT"; then
            info "nats: already running (pid $(pid_of "$pidfile"), port $NATS_PORT)"
            return 0
        fi
        info "nats: restarting, it is not healthy on ports $NATS_PORT and $NATS_MONITOR_PORT"
        stop_pid "$pidfile" nats
    fi
    local port
    for port in "$NATS_PORT" "$NATS_MONITOR_PORT"; do
        port_open "$port" && die "port $port is taken by another process; choose others with GAIA_NATS_PORT and GAIA_NATS_MONITOR_PORT"
    done
    info "nats: starting with JetStream on port $NATS_PORT (monitoring on $NATS_MONITOR_PORT)"
    mkdir -p "$INFRA_HOME/nats" "$INFRA_HOME/run" "$INFRA_HOME/logs"
    rm -f "$pidfile"
    start_detached "$pidfile" "$log" "$(find_command nats-server)" -a 127.0.0.1 -p "$NATS_PORT" -m "$NATS_MONITOR_PORT" \
        -js -sd "$INFRA_HOME/nats" -l "$log"
    wait_until 30 "nats on port $NATS_PORT" nats_healthy "$NATS_MONITOR_PORT" || {
        tail_log "$log"
        die "NATS did not become healthy"
    }
}

nats_stop() {
    local pidfile
    pidfile=$(nats_pidfile)
    pid_alive "$pidfile" nats-server || {
        rm -f "$pidfile"
        return 0
    }
    info "nats: stopping (pid $(pid_of "$pidfile"))"
    stop_pid "$pidfile" nats
}

# ---------------------------------------------------------------------------------------------
# Packages for local infrastructure
# ---------------------------------------------------------------------------------------------

ensure_local_infra_packages() {
    require_command curl curl
    pg_ensure_installed
    pgvector_ensure
    require_command redis-server redis-server
    require_command nats-server nats-server
}

# ---------------------------------------------------------------------------------------------
# Docker Compose
# ---------------------------------------------------------------------------------------------

docker_engine_available() {
    command -v docker >/dev/null && timeout 20 docker info >/dev/null 2>&1
}

# compose ARGS...: `docker compose` or, without the plugin, `docker-compose`.
compose() {
    if docker compose version >/dev/null 2>&1; then
        docker compose -f "$GAIA_ROOT/docker-compose.yml" -p gaia "$@"
    else
        docker-compose -f "$GAIA_ROOT/docker-compose.yml" -p gaia "$@"
    fi
}

compose_available() {
    { command -v docker >/dev/null && docker compose version >/dev/null 2>&1; } ||
        command -v docker-compose >/dev/null
}

ensure_compose_cli() {
    compose_available && return 0
    require_packages docker-compose
    compose_available || die "docker-compose is still missing after installing it"
}

# ---------------------------------------------------------------------------------------------
# The infrastructure of `./gaia up`
# ---------------------------------------------------------------------------------------------

infra_mode_file() { printf '%s/run/infra-mode\n' "$GAIA_HOME"; }

# Sets the local-process context to the development instance.
infra_context_dev() {
    INFRA_HOME=$GAIA_HOME
    PG_PORT=$GAIA_POSTGRES_PORT
    PG_FSYNC=on
    REDIS_PORT=$GAIA_REDIS_PORT
    NATS_PORT=$GAIA_NATS_PORT
    NATS_MONITOR_PORT=$GAIA_NATS_MONITOR_PORT
}

# The mode this GAIA_HOME uses: recorded by `up`, else chosen from GAIA_INFRA.
infra_mode() {
    local file
    file=$(infra_mode_file)
    if [[ -s $file ]]; then
        cat "$file"
        return 0
    fi
    case $GAIA_INFRA in
        local | docker | external) printf '%s\n' "$GAIA_INFRA" ;;
        auto) if docker_engine_available; then echo docker; else echo local; fi ;;
        *) die "GAIA_INFRA must be auto, local, docker or external (not '$GAIA_INFRA')" ;;
    esac
}

infra_up() {
    local mode
    case $GAIA_INFRA in
        auto) if docker_engine_available; then mode=docker; else mode=local; fi ;;
        local | docker | external) mode=$GAIA_INFRA ;;
        *) die "GAIA_INFRA must be auto, local, docker or external (not '$GAIA_INFRA')" ;;
    esac
    mkdir -p "$GAIA_HOME/run" "$GAIA_HOME/logs"
    infra_context_dev
    case $mode in
        docker)
            info "infrastructure: Docker Compose (postgres, redis, nats)"
            compose up -d postgres redis nats
            wait_until 120 "postgres on port $PG_PORT" port_open "$PG_PORT" || die "PostgreSQL (Docker) is not reachable"
            wait_until 120 "postgres in its container" compose exec -T postgres pg_isready -q -U "$GAIA_POSTGRES_USER" ||
                die "PostgreSQL (Docker) is not ready"
            compose exec -T postgres psql -q -U "$GAIA_POSTGRES_USER" -d "$GAIA_POSTGRES_DB" \
                -c 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null
            wait_until 60 "redis on port $REDIS_PORT" redis_ping "$REDIS_PORT" || die "Redis (Docker) is not reachable"
            wait_until 60 "nats on port $NATS_PORT" port_open "$NATS_PORT" || die "NATS (Docker) is not reachable"
            ;;
        local)
            ensure_local_infra_packages
            pg_prepare_directories
            pg_init_cluster
            pg_start
            pg_provision "$GAIA_POSTGRES_USER" "$GAIA_POSTGRES_PASSWORD" "$GAIA_POSTGRES_DB"
            redis_start
            nats_start
            ;;
        external)
            info "infrastructure: external (GAIA_POSTGRES_*, GAIA_REDIS_*, GAIA_NATS_URL as given)"
            ;;
    esac
    printf '%s\n' "$mode" >"$(infra_mode_file)"
}

infra_down() {
    local mode=local file
    file=$(infra_mode_file)
    # Only what this GAIA_HOME started: without a record, at most local processes of ours run.
    [[ -s $file ]] && mode=$(<"$file")
    infra_context_dev
    case $mode in
        docker) compose stop postgres redis nats ;;
        local)
            nats_stop
            redis_stop
            if pg_find_bin; then
                pg_locate
                pg_stop
            fi
            ;;
        external) ;;
    esac
    rm -f "$(infra_mode_file)"
}

# infra_status_rows: "name|state|port|pid" for each part of the infrastructure.
infra_status_rows() {
    local mode state pid
    mode=$(infra_mode)
    infra_context_dev
    if [[ $mode == external ]]; then
        printf 'infrastructure|external|-|-\n'
        return 0
    fi
    if [[ $mode == local ]] && pg_find_bin; then
        pg_locate
        pid=$(pg_pid || echo '-')
    else
        pid=docker
        [[ $mode == local ]] && pid='-'
    fi
    state=stopped
    if { [[ -n $PG_BIN ]] && pg_ready; } || { [[ -z $PG_BIN ]] && port_open "$PG_PORT"; }; then
        state=healthy
    fi
    printf 'postgres|%s|%s|%s\n' "$state" "$PG_PORT" "$pid"

    state=stopped
    redis_ping "$REDIS_PORT" && state=healthy
    [[ $mode == local ]] && pid=$(pid_of "$(redis_pidfile)")
    printf 'redis|%s|%s|%s\n' "$state" "$REDIS_PORT" "$pid"

    state=stopped
    if [[ $mode == local ]]; then
        nats_healthy "$NATS_MONITOR_PORT" && state=healthy
        pid=$(pid_of "$(nats_pidfile)")
    else
        port_open "$NATS_PORT" && state=healthy
    fi
    printf 'nats|%s|%s|%s\n' "$state" "$NATS_PORT" "$pid"
}

# ---------------------------------------------------------------------------------------------
# The infrastructure of `./gaia test`: one throw-away set under $GAIA_HOME/test on free ports
# ---------------------------------------------------------------------------------------------

test_infra_up() {
    INFRA_HOME="$GAIA_HOME/test"
    PG_FSYNC=off
    test_infra_down # leftovers of an interrupted run
    rm -rf "$INFRA_HOME"
    mkdir -p "$INFRA_HOME/run" "$INFRA_HOME/logs"
    PG_PORT=$(free_port_from "$GAIA_TEST_POSTGRES_PORT_BASE")
    REDIS_PORT=$(free_port_from "$GAIA_TEST_REDIS_PORT_BASE")
    NATS_PORT=$(free_port_from "$GAIA_TEST_NATS_PORT_BASE")
    NATS_MONITOR_PORT=$(free_port_from "$GAIA_TEST_NATS_MONITOR_PORT_BASE")
    add_cleanup test_infra_down
    pg_prepare_directories
    pg_init_cluster
    pg_start
    pg_provision gaia gaia gaia
    redis_start
    nats_start
    export GAIA_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/gaia"
    export GAIA_TEST_POSTGRES_USER=gaia
    export GAIA_TEST_POSTGRES_PASSWORD=gaia
    export GAIA_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    export GAIA_TEST_NATS_URL="nats://127.0.0.1:$NATS_PORT"
}

test_infra_down() {
    INFRA_HOME="$GAIA_HOME/test"
    [[ -d $INFRA_HOME ]] || return 0
    nats_stop
    redis_stop
    if pg_find_bin; then
        pg_locate
        pg_stop
    fi
}
