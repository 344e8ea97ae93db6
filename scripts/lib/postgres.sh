# shellcheck shell=bash
# PostgreSQL + pgvector as a local process: binaries, pgvector, a private cluster under
# $INFRA_HOME/postgres, the gaia role and database, start, stop and health.
#
# Callers set INFRA_HOME (the state folder), PG_PORT and PG_FSYNC (on|off) first.

PG_BIN=''
PG_MAJOR=''
PG_OS_USER='postgres' # PostgreSQL refuses to run as root; root runs it as this user

# pg_find_bin: sets PG_BIN and PG_MAJOR from the newest installed server, if any.
pg_find_bin() {
    local dir major
    PG_BIN='' PG_MAJOR=''
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] || continue
        major=${dir#/usr/lib/postgresql/}
        major=${major%/bin}
        [[ $major =~ ^[0-9]+$ ]] || continue
        if [[ -z $PG_MAJOR ]] || ((major > PG_MAJOR)); then
            PG_BIN=$dir PG_MAJOR=$major
        fi
    done
    if [[ -z $PG_BIN ]] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        PG_BIN=$(dirname "$(readlink -f "$(command -v initdb)")")
        PG_MAJOR=$("$PG_BIN/postgres" --version | sed -n 's/.* \([0-9][0-9]*\)[.0-9]*.*/\1/p')
    fi
    [[ -n $PG_BIN && -n $PG_MAJOR ]]
}

pg_ensure_installed() {
    pg_find_bin && return 0
    require_packages postgresql postgresql-contrib
    pg_find_bin || die "PostgreSQL server binaries not found after installing postgresql"
}

# ---------------------------------------------------------------------------------------------
# pgvector
# ---------------------------------------------------------------------------------------------

pg_config_value() {
    if [[ -x $PG_BIN/pg_config ]]; then
        "$PG_BIN/pg_config" "--$1"
    elif [[ $1 == sharedir ]]; then
        printf '/usr/share/postgresql/%s\n' "$PG_MAJOR"
    else
        printf '/usr/lib/postgresql/%s/lib\n' "$PG_MAJOR"
    fi
}

pgvector_installed() {
    [[ -f "$(pg_config_value sharedir)/extension/vector.control" &&
        -f "$(pg_config_value pkglibdir)/vector.so" ]]
}

pgvector_ensure() {
    pgvector_installed && return 0
    local package="postgresql-$PG_MAJOR-pgvector"
    if ! is_root; then
        if apt_has_candidate "$package"; then
            die "pgvector is not installed for PostgreSQL $PG_MAJOR; install it with:
    sudo apt-get install -y $package"
        fi
        die "pgvector is not installed for PostgreSQL $PG_MAJOR and this distribution has no binary
package for it. Run 'sudo ./gaia setup' once: it builds pgvector from Debian's source package."
    fi
    apt_update_once
    if apt_has_candidate "$package"; then
        apt_install "$package"
    else
        pgvector_build_from_source
    fi
    pgvector_installed || die "pgvector is still not installed for PostgreSQL $PG_MAJOR"
}

# Builds pgvector from Debian's source package (from $GAIA_PGVECTOR_SOURCE_SUITE, trixie by
# default) against the installed server. apt runs with a private sources list, lists and cache,
# so the system's apt configuration and state are left exactly as they were.
pgvector_build_from_source() {
    local started=$SECONDS
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    local suite=$GAIA_PGVECTOR_SOURCE_SUITE
    info "pgvector: no binary package for PostgreSQL $PG_MAJOR; building Debian's source package from $suite"
    require_packages "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev debian-archive-keyring ca-certificates
    if [[ ! -e /usr/share/keyrings/debian-archive-$suite-automatic.gpg ]]; then
        # The signing keys of a newer release arrive with an update of the keyring package.
        apt_install debian-archive-keyring
        [[ -e /usr/share/keyrings/debian-archive-$suite-automatic.gpg ]] ||
            die "$keyring has no key for Debian $suite; cannot verify its source package"
    fi

    local work
    work=$(mktemp -d "${TMPDIR:-/tmp}/gaia-pgvector.XXXXXX")
    add_cleanup "rm -rf '$work'"
    mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
    printf 'deb-src [signed-by=%s] %s %s main\n' "$keyring" "$GAIA_DEBIAN_MIRROR" "$suite" >"$work/sources.list"
    local apt_options=(
        -o "Dir::Etc::sourcelist=$work/sources.list"
        -o "Dir::Etc::sourceparts=/dev/null"
        -o "Dir::State::Lists=$work/lists"
        -o "Dir::Cache=$work/cache"
        -o "APT::Sandbox::User=root"
        -o "Acquire::Languages=none"
    )
    apt-get "${apt_options[@]}" -qq update >"$work/build.log" 2>&1 || {
        tail_log "$work/build.log"
        die "could not read Debian $suite's source index from $GAIA_DEBIAN_MIRROR"
    }
    (cd "$work/src" && apt-get "${apt_options[@]}" -q source pgvector) >>"$work/build.log" 2>&1 || {
        tail_log "$work/build.log"
        die "could not fetch the pgvector source package from Debian $suite"
    }

    local source_dir
    source_dir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' -print -quit)
    [[ -n $source_dir ]] || die "the pgvector source package did not unpack"
    # with_llvm=no: the server's JIT bitcode would need clang, which pgvector does not need.
    local make_args=(-C "$source_dir" "PG_CONFIG=$PG_BIN/pg_config" with_llvm=no)
    info "pgvector: building $(basename "$source_dir")"
    make "${make_args[@]}" -j "$(nproc)" >>"$work/build.log" 2>&1 || {
        tail_log "$work/build.log"
        die "building pgvector failed"
    }
    make "${make_args[@]}" install >>"$work/build.log" 2>&1 || {
        tail_log "$work/build.log"
        die "installing pgvector failed"
    }
    info "pgvector: built and installed in $((SECONDS - started))s"
}

# ---------------------------------------------------------------------------------------------
# The cluster
# ---------------------------------------------------------------------------------------------

# pg_as_owner COMMAND...: runs COMMAND as the cluster's owner.
pg_as_owner() {
    if is_root; then
        "$(find_command runuser)" -u "$PG_OS_USER" -- "$@"
    else
        "$@"
    fi
}

# pg_locate: sets PG_DATA (the cluster's real directory) and PG_SOCK (its socket directory).
# Root runs PostgreSQL as the postgres user, which may not be able to reach $INFRA_HOME (a clone
# under /root, say); then the cluster lives in /var/lib/gaia and $INFRA_HOME/postgres links to it.
pg_locate() {
    local link="$INFRA_HOME/postgres" key
    key=$(printf '%s' "$INFRA_HOME" | cksum | cut -d ' ' -f 1)
    if [[ -L $link ]]; then
        PG_DATA=$(readlink -f "$link")
    else
        PG_DATA=$link
    fi
    PG_SOCK=$PG_DATA
    # A Unix socket path is limited to 107 bytes.
    if ((${#PG_SOCK} + 20 > 107)); then
        PG_SOCK="${TMPDIR:-/tmp}/gaia-pg-$key"
    fi
}

pg_prepare_directories() {
    local key
    key=$(printf '%s' "$INFRA_HOME" | cksum | cut -d ' ' -f 1)
    mkdir -p "$INFRA_HOME"
    if [[ ! -e $INFRA_HOME/postgres ]]; then
        mkdir -p "$INFRA_HOME/postgres"
    fi
    pg_locate
    mkdir -p "$PG_DATA" "$PG_SOCK"
    chmod 700 "$PG_DATA" "$PG_SOCK"
    is_root || return 0

    id "$PG_OS_USER" >/dev/null 2>&1 ||
        die "running as root, PostgreSQL must run as the '$PG_OS_USER' user, which does not exist"
    chown "$PG_OS_USER:" "$PG_DATA" "$PG_SOCK"
    if ! pg_as_owner test -w "$PG_DATA"; then
        if [[ -f $PG_DATA/PG_VERSION ]]; then
            die "the '$PG_OS_USER' user cannot reach the cluster in $PG_DATA"
        fi
        local relocated="/var/lib/gaia/postgres-$key"
        info "the '$PG_OS_USER' user cannot reach $INFRA_HOME; keeping the cluster in $relocated"
        rmdir "$INFRA_HOME/postgres"
        mkdir -p "$relocated"
        chmod 755 /var/lib/gaia
        chmod 700 "$relocated"
        chown "$PG_OS_USER:" "$relocated"
        ln -s "$relocated" "$INFRA_HOME/postgres"
        pg_locate
        if [[ $PG_SOCK != "$PG_DATA" ]]; then
            mkdir -p "$PG_SOCK"
            chown "$PG_OS_USER:" "$PG_SOCK"
        fi
    fi
}

pg_log() { printf '%s/server.log\n' "$PG_DATA"; }

pg_pid() { [[ -s $PG_DATA/postmaster.pid ]] && head -n 1 "$PG_DATA/postmaster.pid"; }

pg_running() {
    local pid
    pid=$(pg_pid) || return 1
    kill -0 "$pid" 2>/dev/null
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

pg_init_cluster() {
    if [[ -f $PG_DATA/PG_VERSION ]]; then
        local version
        version=$(<"$PG_DATA/PG_VERSION")
        [[ $version == "$PG_MAJOR" ]] ||
            die "$PG_DATA holds a PostgreSQL $version cluster but PostgreSQL $PG_MAJOR is installed; remove it or install PostgreSQL $version"
        return 0
    fi
    info "postgres: creating a cluster in $PG_DATA"
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 >"$INFRA_HOME/initdb.log" 2>&1 || {
        tail_log "$INFRA_HOME/initdb.log"
        die "initdb failed"
    }
    rm -f "$INFRA_HOME/initdb.log"
    # Only the owner can use the socket directory, so trust on the socket admits nobody else.
    cat >>"$PG_DATA/postgresql.conf" <<EOF

# Written by ./gaia
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_SOCK'
max_connections = 200
fsync = $PG_FSYNC
synchronous_commit = $PG_FSYNC
full_page_writes = $PG_FSYNC
EOF
}

pg_start() {
    if pg_running; then
        if wait_until 30 "postgres on port $PG_PORT" pg_ready; then
            info "postgres: already running (pid $(pg_pid), port $PG_PORT)"
            return 0
        fi
        info "postgres: restarting, it does not answer on port $PG_PORT"
        pg_stop
    fi
    port_open "$PG_PORT" && die "port $PG_PORT is taken by another process; choose another with GAIA_POSTGRES_PORT"
    info "postgres: starting PostgreSQL $PG_MAJOR on port $PG_PORT"
    local log
    log=$(pg_log)
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -o "-p $PG_PORT" -w -t 120 start >/dev/null || {
        tail_log "$log"
        die "PostgreSQL did not start"
    }
    wait_until 30 "postgres on port $PG_PORT" pg_ready || die "PostgreSQL does not accept connections"
}

# pg_provision USER PASSWORD DB: the role, its database and the vector extension, idempotently.
pg_provision() {
    pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres \
        -v user="$1" -v password="$2" -v db="$3" >/dev/null <<'SQL'
SET client_min_messages = warning;
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
\connect :"db"
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
SQL
}

pg_stop() {
    pg_running || return 0
    info "postgres: stopping (pid $(pg_pid))"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$GAIA_STOP_TIMEOUT" stop >/dev/null ||
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null ||
        warn "PostgreSQL in $PG_DATA did not stop"
}

# pg_remove: deletes the cluster, following the link to a relocated one.
pg_remove() {
    local link="$INFRA_HOME/postgres"
    if [[ -L $link ]]; then
        rm -rf "$(readlink -f "$link")"
    fi
    rm -rf "$link"
}
