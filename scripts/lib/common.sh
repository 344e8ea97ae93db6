# shellcheck shell=bash
# Shared helpers of ./gaia: messages, configuration defaults, processes, ports and packages.

# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------

if [[ -t 2 ]]; then
    STYLE_BOLD=$'\e[1m' STYLE_RED=$'\e[31m' STYLE_YELLOW=$'\e[33m' STYLE_RESET=$'\e[0m'
else
    STYLE_BOLD='' STYLE_RED='' STYLE_YELLOW='' STYLE_RESET=''
fi

info() { printf '%s==>%s %s\n' "$STYLE_BOLD" "$STYLE_RESET" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$STYLE_YELLOW" "$STYLE_RESET" "$*" >&2; }
die() {
    printf '%serror:%s %s\n' "$STYLE_RED" "$STYLE_RESET" "$*" >&2
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Clean-up on exit: commands registered here run once, in reverse order, however the script ends.
# ---------------------------------------------------------------------------------------------

CLEANUPS=()

add_cleanup() { CLEANUPS+=("$1"); }

run_cleanups() {
    local i
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${CLEANUPS[i]}" || true
    done
    CLEANUPS=()
}

trap run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Configuration: every GAIA_* variable with its default.
# ---------------------------------------------------------------------------------------------

SERVICES=(auth-service gateway-service chat-service npc-service memory-service model-service asset-service)

gaia_defaults() {
    : "${GAIA_HOME:=$GAIA_ROOT/.gaia}"
    : "${GAIA_INFRA:=auto}"
    : "${GAIA_POSTGRES_HOST:=localhost}"
    : "${GAIA_POSTGRES_PORT:=15432}"
    : "${GAIA_POSTGRES_DB:=gaia}"
    : "${GAIA_POSTGRES_USER:=gaia}"
    : "${GAIA_POSTGRES_PASSWORD:=gaia}"
    : "${GAIA_REDIS_HOST:=localhost}"
    : "${GAIA_REDIS_PORT:=16379}"
    : "${GAIA_NATS_PORT:=14222}"
    # Derived from the client port, so that two instances on different ports never collide.
    : "${GAIA_NATS_MONITOR_PORT:=$((GAIA_NATS_PORT + 4000))}"
    : "${GAIA_NATS_URL:=nats://localhost:$GAIA_NATS_PORT}"
    : "${GAIA_GATEWAY_PORT:=8666}"
    : "${GAIA_AUTH_PORT:=8081}"
    : "${GAIA_CHAT_PORT:=8082}"
    : "${GAIA_NPC_PORT:=8083}"
    : "${GAIA_MEMORY_PORT:=8084}"
    : "${GAIA_MODEL_PORT:=8085}"
    : "${GAIA_ASSET_PORT:=8086}"
    : "${GAIA_GATEWAY_URL:=http://localhost:$GAIA_GATEWAY_PORT}"
    : "${GAIA_AUTH_URL:=http://localhost:$GAIA_AUTH_PORT}"
    : "${GAIA_CHAT_URL:=http://localhost:$GAIA_CHAT_PORT}"
    : "${GAIA_NPC_URL:=http://localhost:$GAIA_NPC_PORT}"
    : "${GAIA_MEMORY_URL:=http://localhost:$GAIA_MEMORY_PORT}"
    : "${GAIA_MODEL_URL:=http://localhost:$GAIA_MODEL_PORT}"
    : "${GAIA_ASSET_URL:=http://localhost:$GAIA_ASSET_PORT}"
    # Seven JVMs share two cores and a laptop's memory: serial GC, a bounded heap and the C1
    # compiler only start them fastest and keep each one small; override for benchmarks.
    : "${GAIA_JAVA_OPTS:=-XX:+UseSerialGC -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m}"
    : "${GAIA_UP_TIMEOUT:=300}"
    : "${GAIA_STOP_TIMEOUT:=30}"
    : "${GAIA_SKIP_BUILD:=0}"
    : "${GAIA_SKIP_SEED:=0}"
    : "${GAIA_TEST_POSTGRES_PORT_BASE:=25432}"
    : "${GAIA_TEST_REDIS_PORT_BASE:=26379}"
    : "${GAIA_TEST_NATS_PORT_BASE:=24222}"
    : "${GAIA_TEST_NATS_MONITOR_PORT_BASE:=28222}"
    : "${GAIA_MODELS_DIR:=$GAIA_ROOT/models}"
    : "${GAIA_HF_ENDPOINT:=https://huggingface.co}"
    : "${GAIA_DEBIAN_MIRROR:=http://deb.debian.org/debian}"
    : "${GAIA_PGVECTOR_SOURCE_SUITE:=trixie}"

    case $GAIA_HOME in
        /*) ;;
        *) GAIA_HOME=$PWD/$GAIA_HOME ;;
    esac
    case $GAIA_MODELS_DIR in
        /*) ;;
        *) GAIA_MODELS_DIR=$PWD/$GAIA_MODELS_DIR ;;
    esac
}

# Exports every GAIA_* setting, defaults included, for the services (and docker compose) that
# `up` starts. `test` does not: a platform that a test starts derives its own defaults.
export_gaia_environment() {
    local name
    for name in $(compgen -v GAIA_); do
        # shellcheck disable=SC2163  # exporting the variable named by $name
        export "$name"
    done
}

# The version every module's jar carries, read from the root pom.
gaia_version() {
    local version
    version=$(sed -n '/<artifactId>gaia<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$GAIA_ROOT/pom.xml")
    printf '%s\n' "${version:-0.1.0-SNAPSHOT}"
}

# gateway-service -> GAIA_GATEWAY_PORT's value
service_port() {
    local name=${1%-service}
    local var="GAIA_${name^^}_PORT"
    printf '%s\n' "${!var}"
}

# Accepts "chat" as well as "chat-service"; prints the module name or fails.
service_name() {
    local wanted=$1 s
    for s in "${SERVICES[@]}"; do
        if [[ $wanted == "$s" || $wanted-service == "$s" ]]; then
            printf '%s\n' "$s"
            return 0
        fi
    done
    return 1
}

# ---------------------------------------------------------------------------------------------
# Processes and ports
# ---------------------------------------------------------------------------------------------

is_root() { [[ $EUID -eq 0 ]]; }

# pid_alive PIDFILE [PATTERN]: the pid in the file runs (and its command line contains PATTERN,
# so that a pid reused by an unrelated process after a reboot is not mistaken for ours).
pid_alive() {
    local file=$1 pattern=${2:-} pid
    [[ -s $file ]] || return 1
    pid=$(head -n 1 "$file")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -n $pattern && -r /proc/$pid/cmdline ]]; then
        local cmdline
        cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
        [[ $cmdline == *"$pattern"* ]] || return 1
    fi
}

pid_of() {
    if [[ -s $1 ]]; then head -n 1 "$1"; else printf '%s\n' '-'; fi
}

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
    # shellcheck disable=SC2016  # expanded by the inner shell
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# free_port_from BASE: the first port from BASE upwards that nothing listens on.
free_port_from() {
    local port=$1
    while port_open "$port"; do
        port=$((port + 1))
    done
    printf '%s\n' "$port"
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds.
wait_until() {
    local timeout=$1 what=$2
    shift 2
    local deadline=$((SECONDS + timeout))
    until "$@"; do
        if ((SECONDS >= deadline)); then
            warn "$what did not become ready within ${timeout}s"
            return 1
        fi
        sleep 0.5
    done
}

# stop_pid PIDFILE NAME [TIMEOUT]: TERM, wait, then KILL.
stop_pid() {
    local file=$1 name=$2 timeout=${3:-$GAIA_STOP_TIMEOUT} pid
    if ! pid_alive "$file"; then
        rm -f "$file"
        return 0
    fi
    pid=$(head -n 1 "$file")
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + timeout))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            warn "$name (pid $pid) did not stop within ${timeout}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.5
    done
    rm -f "$file"
}

# start_detached PIDFILE LOGFILE COMMAND...: runs COMMAND in its own session, immune to the
# terminal closing, and records the pid of COMMAND itself (not of a wrapper).
start_detached() {
    local pidfile=$1 log=$2
    shift 2
    # shellcheck disable=SC2016  # expanded by the inner shell
    setsid bash -c 'printf "%s\n" "$$" >"$1"; shift; exec "$@"' gaia-start "$pidfile" "$@" \
        </dev/null >>"$log" 2>&1 &
    local deadline=$((SECONDS + 10))
    until [[ -s $pidfile ]]; do
        ((SECONDS < deadline)) || die "could not start $*"
        sleep 0.1
    done
}

tail_log() {
    local log=$1 lines=${2:-40}
    if [[ -f $log ]]; then
        printf -- '--- last %s lines of %s ---\n' "$lines" "$log" >&2
        tail -n "$lines" "$log" >&2
        printf -- '---\n' >&2
    fi
}

# ---------------------------------------------------------------------------------------------
# System packages (Debian/Ubuntu). Installing never starts a system service.
# ---------------------------------------------------------------------------------------------

APT_UPDATED=0

package_installed() {
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == 'install ok installed' ]]
}

apt_update_once() {
    ((APT_UPDATED)) && return 0
    info "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq || die "apt-get update failed"
    APT_UPDATED=1
}

# apt_has_candidate PACKAGE: the configured archives offer PACKAGE.
apt_has_candidate() {
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
    [[ -n $candidate && $candidate != '(none)' ]]
}

# apt_install PACKAGE...: installs with a temporary policy-rc.d that forbids starting services
# (redis-server, postgresql and nats-server would otherwise start their system service).
apt_install() {
    command -v apt-get >/dev/null || die "no apt-get here: install $* with your package manager"
    apt_update_once
    local policy=/usr/sbin/policy-rc.d created=0 rc=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\n# Written by ./gaia while it installs packages: start no service.\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        created=1
        add_cleanup "rm -f '$policy'"
    fi
    info "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$@" || rc=$?
    ((created)) && rm -f "$policy"
    ((rc == 0)) || die "apt-get install $* failed"
}

# require_packages PACKAGE...: installs the missing ones when root; otherwise prints the exact
# command to run and fails.
require_packages() {
    local missing=() p
    for p in "$@"; do
        package_installed "$p" || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    if is_root; then
        apt_install "${missing[@]}"
    else
        die "missing packages; install them with:
    sudo apt-get update && sudo apt-get install -y ${missing[*]}
or run 'sudo ./gaia setup' once, then run this command again"
    fi
}

# find_command NAME: prints the path of NAME, looking on PATH and then in the sbin directories
# (where Debian puts nats-server, and which a user's PATH often lacks).
find_command() {
    local dir
    command -v "$1" && return 0
    for dir in /usr/local/sbin /usr/sbin /sbin; do
        if [[ -x $dir/$1 ]]; then
            printf '%s\n' "$dir/$1"
            return 0
        fi
    done
    return 1
}

# require_command COMMAND PACKAGE: the command exists, installing PACKAGE when it does not.
require_command() {
    find_command "$1" >/dev/null && return 0
    require_packages "$2"
    find_command "$1" >/dev/null || die "$1 is still missing after installing $2"
}
