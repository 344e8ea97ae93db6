# shellcheck shell=bash
# Finding (or installing) a JDK 21 or newer; exports JAVA_HOME and puts its bin first on PATH.

MIN_JAVA=21

# java_major JAVA_BINARY: 17, 21, 25 ... ("1" for Java 8 and older, empty when it does not run).
java_major() {
    "$1" -version 2>&1 | sed -n '/version "/{s/^[^"]*"\([0-9]*\).*/\1/p;q;}'
}

# release_major JDK_HOME: the major version its release file declares.
release_major() {
    [[ -r $1/release ]] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

# jdk_ok HOME: HOME is a JDK (java and javac; Maven needs the compiler) of version 21+.
jdk_ok() {
    local home=$1 major
    [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
    major=$(java_major "$home/bin/java")
    [[ -n $major ]] && ((major >= MIN_JAVA))
}

# find_jdk: prints the home of a suitable JDK, or nothing.
find_jdk() {
    local home java_bin dir major best='' best_major=0
    if [[ -n ${JAVA_HOME:-} ]] && jdk_ok "$JAVA_HOME"; then
        printf '%s\n' "$JAVA_HOME"
        return 0
    fi
    if java_bin=$(command -v java); then
        home=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
        if jdk_ok "$home"; then
            printf '%s\n' "$home"
            return 0
        fi
    fi
    for dir in /usr/lib/jvm/*/; do
        dir=${dir%/}
        [[ -L $dir ]] && continue
        major=$(release_major "$dir")
        if [[ -z $major ]] || ((major < MIN_JAVA || major <= best_major)) || ! jdk_ok "$dir"; then
            continue
        fi
        best=$dir
        best_major=$major
    done
    [[ -n $best ]] && printf '%s\n' "$best"
    return 0
}

install_jdk() {
    local package
    apt_update_once
    for package in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
        if apt_has_candidate "$package"; then
            apt_install "$package"
            return 0
        fi
    done
    return 1
}

ensure_jdk() {
    local home
    home=$(find_jdk)
    if [[ -z $home ]] && is_root && command -v apt-get >/dev/null && install_jdk; then
        home=$(find_jdk)
    fi
    [[ -n $home ]] || die "no JDK ${MIN_JAVA}+ found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm).
Install one, e.g.:
    sudo apt-get install -y openjdk-21-jdk-headless    (Ubuntu 24.04+, Debian 13+)
or a Temurin JDK from https://adoptium.net, then set JAVA_HOME to it."
    export JAVA_HOME=$home
    export PATH="$JAVA_HOME/bin:$PATH"
}

# maven ARGS...: the Maven wrapper from the repository root, with the JDK found above.
maven() {
    local options=${MAVEN_OPTS:-} major
    major=$(java_major "$JAVA_HOME/bin/java")
    if ((major >= 24)) && [[ $options != *sun-misc-unsafe-memory-access* ]]; then
        # Maven 3.9's Guice uses sun.misc.Unsafe, which JDK 24 and newer warn about on every run.
        options="$options --sun-misc-unsafe-memory-access=allow"
    fi
    (cd "$GAIA_ROOT" && MAVEN_OPTS=$options ./mvnw "$@")
}
