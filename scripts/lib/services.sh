# shellcheck shell=bash
# The seven services: build what changed, start in the background, wait for readiness, stop.

service_jar() { printf '%s/%s/target/%s-%s.jar\n' "$GAIA_ROOT" "$1" "$1" "$GAIA_VERSION"; }
service_pidfile() { printf '%s/run/%s.pid\n' "$GAIA_HOME" "$1"; }
service_envfile() { printf '%s/run/%s.env\n' "$GAIA_HOME" "$1"; }
service_log() { printf '%s/logs/%s.log\n' "$GAIA_HOME" "$1"; }

service_running() { pid_alive "$(service_pidfile "$1")" "$1"; }

# service_http_status SERVICE PATH: the HTTP status code, 000 when nothing answers.
service_http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$(service_port "$1")$2" 2>/dev/null || true
}

service_ready() { [[ $(service_http_status "$1" /actuator/health/readiness) == 200 ]]; }

# The environment a service was started with, so that a changed setting restarts it. Settings
# that only steer this script are left out.
services_env_fingerprint() {
    env | awk '/^(GAIA_|JAVA_HOME=)/ && !/^GAIA_(SKIP_BUILD|SKIP_SEED|UP_TIMEOUT|STOP_TIMEOUT|INFRA|TEST_[A-Z_]*)=/' |
        LC_ALL=C sort | cksum
}

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------

# service_stale SERVICE: its jar is missing or older than a source it is built from: its own,
# the libraries' (shared-lib, and embedding-model, which only model-service uses) or the parent
# pom. Tests are not in the jar, so only src/main counts.
service_stale() {
    local jar inputs=("$GAIA_ROOT/pom.xml") module
    jar=$(service_jar "$1")
    [[ -f $jar ]] || return 0
    for module in "$1" shared-lib embedding-model; do
        inputs+=("$GAIA_ROOT/$module/src/main" "$GAIA_ROOT/$module/pom.xml")
    done
    [[ -n $(find "${inputs[@]}" -newer "$jar" -print -quit) ]]
}

services_build() {
    if [[ $GAIA_SKIP_BUILD == 1 ]]; then
        info "build: skipped (GAIA_SKIP_BUILD=1)"
        return 0
    fi
    local stale=() s
    for s in "${SERVICES[@]}"; do
        service_stale "$s" && stale+=("$s")
    done
    if ((${#stale[@]} == 0)); then
        info "build: every service jar is up to date"
        return 0
    fi
    local modules started=$SECONDS
    modules=$(IFS=,; printf '%s' "${stale[*]}")
    info "build: $modules (./mvnw -B -q -DskipTests -pl $modules -am package)"
    maven -B -q -DskipTests -pl "$modules" -am package ||
        die "the build failed; fix it and run ./gaia up again"
    info "build: done in $((SECONDS - started))s"
}

# ---------------------------------------------------------------------------------------------
# Start, wait, stop
# ---------------------------------------------------------------------------------------------

# service_start SERVICE: starts it unless the same build runs with the same settings.
service_start() {
    local s=$1 jar pidfile envfile log port fingerprint
    jar=$(service_jar "$s")
    pidfile=$(service_pidfile "$s")
    envfile=$(service_envfile "$s")
    log=$(service_log "$s")
    port=$(service_port "$s")
    fingerprint=$(services_env_fingerprint)
    [[ -f $jar ]] || die "$jar is missing; run ./gaia up without GAIA_SKIP_BUILD=1 to build it"

    if service_running "$s"; then
        if [[ $jar -nt $pidfile ]]; then
            info "$s: restarting with the new build"
        elif [[ $(cat "$envfile" 2>/dev/null) != "$fingerprint" ]]; then
            info "$s: restarting with the changed GAIA_* settings"
        else
            info "$s: already running (pid $(pid_of "$pidfile"), port $port)"
            return 0
        fi
        stop_pid "$pidfile" "$s"
    fi
    if port_open "$port"; then
        local port_var="GAIA_${s%-service}_PORT"
        die "port $port ($s) is taken by another process; stop it or choose another port with ${port_var^^}"
    fi

    [[ -f $log ]] && mv -f "$log" "$log.1"
    rm -f "$pidfile"
    # shellcheck disable=SC2086  # GAIA_JAVA_OPTS holds several options
    start_detached "$pidfile" "$log" "$JAVA_HOME/bin/java" $GAIA_JAVA_OPTS -jar "$jar"
    printf '%s\n' "$fingerprint" >"$envfile"
    info "$s: started (pid $(pid_of "$pidfile"), port $port, log $log)"
}

service_fail() {
    local s=$1 reason=$2
    printf '%serror:%s %s %s\n' "$STYLE_RED" "$STYLE_RESET" "$s" "$reason" >&2
    tail_log "$(service_log "$s")" 40
    printf 'Other services keep running; ./gaia status shows them, ./gaia down stops everything.\n' >&2
    exit 1
}

services_wait_ready() {
    local pending=("${SERVICES[@]}") still s started=$SECONDS
    local deadline=$((SECONDS + GAIA_UP_TIMEOUT))
    info "waiting for ${#pending[@]} services to be ready (up to ${GAIA_UP_TIMEOUT}s)"
    while ((${#pending[@]} > 0)); do
        still=()
        for s in "${pending[@]}"; do
            if service_ready "$s"; then
                info "$s: ready after $((SECONDS - started))s"
            elif ! service_running "$s"; then
                service_fail "$s" "exited before it was ready"
            else
                still+=("$s")
            fi
        done
        pending=("${still[@]}")
        ((${#pending[@]} == 0)) && break
        if ((SECONDS >= deadline)); then
            service_fail "${pending[0]}" "was not ready within ${GAIA_UP_TIMEOUT}s (not ready: ${pending[*]})"
        fi
        sleep 2
    done
}

services_start() {
    mkdir -p "$GAIA_HOME/run" "$GAIA_HOME/logs"
    local s
    # auth-service first: the others fetch its JWKS, lazily, so the order is a courtesy.
    for s in "${SERVICES[@]}"; do
        service_start "$s"
    done
    services_wait_ready
}

services_stop() {
    local s pidfile pids=() names=()
    for s in "${SERVICES[@]}"; do
        pidfile=$(service_pidfile "$s")
        if service_running "$s"; then
            info "$s: stopping (pid $(pid_of "$pidfile"))"
            kill -TERM "$(pid_of "$pidfile")" 2>/dev/null || true
            pids+=("$pidfile")
            names+=("$s")
        else
            rm -f "$pidfile" "$(service_envfile "$s")"
        fi
    done
    local i
    # All got TERM at once; stop_pid now waits for each (and KILLs after the timeout).
    for i in "${!pids[@]}"; do
        stop_pid "${pids[i]}" "${names[i]}"
        rm -f "$(service_envfile "${names[i]}")"
    done
}

# services_status_rows: "name|state|port|pid" for each service.
services_status_rows() {
    local s state code pid
    for s in "${SERVICES[@]}"; do
        code=$(service_http_status "$s" /actuator/health/readiness)
        pid=-
        service_running "$s" && pid=$(pid_of "$(service_pidfile "$s")")
        if [[ $code == 200 ]]; then
            state=healthy
        elif service_running "$s"; then
            state="unhealthy ($code)"
            [[ $code == 000 ]] && state=starting
        else
            state=stopped
        fi
        printf '%s|%s|%s|%s\n' "$s" "$state" "$(service_port "$s")" "$pid"
    done
}
