# shellcheck shell=bash
# ./gaia models: the GGUF files model-service runs in process (models named local/<file>).

# The file names model-service accepts: a plain name in the folder, ending in .gguf.
MODEL_FILE_PATTERN='^[A-Za-z0-9][A-Za-z0-9._-]{0,199}\.gguf$'

cmd_models() {
    local action=${1:-list}
    (($# > 0)) && shift
    case $action in
        list) models_list "$@" ;;
        pull) models_pull "$@" ;;
        status) models_status "$@" ;;
        *) die "unknown 'models' action '$action': use list, pull <owner>/<repo>/<file>.gguf or status" ;;
    esac
}

# Every GGUF file of GAIA_MODELS_DIR with its size.
models_list() {
    (($# == 0)) || die "usage: ./gaia models list"
    if ! compgen -G "$GAIA_MODELS_DIR/*.gguf" >/dev/null; then
        info "no models in $GAIA_MODELS_DIR; download one with ./gaia models pull <owner>/<repo>/<file>.gguf"
        return 0
    fi
    local file
    printf '%-60s %10s\n' MODEL SIZE
    for file in "$GAIA_MODELS_DIR"/*.gguf; do
        printf '%-60s %10s\n' "local/$(basename "$file")" "$(human_size "$(stat -c %s "$file")")"
    done
}

# pull <owner>/<repo>[@revision]/<path/in/repo>.gguf [--sha256 HEX]: downloads a GGUF file from
# Hugging Face into GAIA_MODELS_DIR with a progress bar, resuming a broken download, and keeps it
# only when its SHA-256 is the one Hugging Face publishes for it (or the one given).
models_pull() {
    local name='' expected=''
    while (($# > 0)); do
        case $1 in
            --sha256)
                [[ ${2:-} =~ ^[0-9a-fA-F]{64}$ ]] || die "--sha256 needs the file's 64 hex digits"
                expected=${2,,}
                shift 2
                ;;
            -*) die "unknown option $1; usage: ./gaia models pull <owner>/<repo>/<file>.gguf [--sha256 HEX]" ;;
            *)
                [[ -z $name ]] || die "pull takes one model; usage: ./gaia models pull <owner>/<repo>/<file>.gguf"
                name=$1
                shift
                ;;
        esac
    done
    [[ $name =~ ^([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9][A-Za-z0-9._-]*)(@([A-Za-z0-9._/-]+))?/(([A-Za-z0-9._-]+/)*([A-Za-z0-9._-]+))$ ]] ||
        die "'$name' is not <owner>/<repo>/<file>.gguf, such as TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    local repo="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}" revision=${BASH_REMATCH[4]:-main}
    local path=${BASH_REMATCH[5]} file=${BASH_REMATCH[7]}
    [[ $file =~ $MODEL_FILE_PATTERN ]] || die "'$file' is not a GGUF file name model-service can load (letters, digits, '.', '_', '-', ending in .gguf)"
    require_command curl curl
    require_command sha256sum coreutils

    local url="${GAIA_HF_ENDPOINT%/}/$repo/resolve/$revision/$path"
    local auth=()
    [[ -n ${GAIA_HF_TOKEN:-} ]] && auth=(-H "Authorization: Bearer $GAIA_HF_TOKEN")
    if [[ -z $expected ]]; then
        expected=$(published_sha256 "$url" "${auth[@]}") ||
            die "Hugging Face publishes no SHA-256 for $repo/$path (not stored with Git LFS?); pass it with --sha256 HEX"
    fi

    mkdir -p "$GAIA_MODELS_DIR"
    local target="$GAIA_MODELS_DIR/$file" partial="$GAIA_MODELS_DIR/$file.part"
    if [[ -f $target ]] && [[ $(sha256sum "$target" | cut -d' ' -f1) == "$expected" ]]; then
        info "local/$file is already in $GAIA_MODELS_DIR and intact"
        return 0
    fi
    info "downloading $repo/$path ($revision) to $target"
    curl -fL --retry 3 --progress-bar -C - "${auth[@]}" -o "$partial" "$url" ||
        die "the download of $url failed; run the same command again to resume it"
    info "checking its SHA-256"
    local actual
    actual=$(sha256sum "$partial" | cut -d' ' -f1)
    if [[ $actual != "$expected" ]]; then
        rm -f "$partial"
        die "the download of $repo/$path is damaged: its SHA-256 is $actual, not $expected; it was deleted, try again"
    fi
    mv -f "$partial" "$target"
    info "local/$file is ready ($(human_size "$(stat -c %s "$target")"), sha256 $actual); name it as local/$file, e.g. GAIA_CHAT_MODEL=local/$file"
}

# published_sha256 URL [CURL ARGS]: the SHA-256 Hugging Face publishes for a file stored with Git
# LFS: the X-Linked-Etag of its resolve URL (or the ETag, when that is a SHA-256).
published_sha256() {
    local url=$1
    shift
    local headers etag
    headers=$(curl -fsSI --max-time 30 "$@" "$url" | tr -d '\r') || return 1
    etag=$(sed -n 's/^[Xx]-[Ll]inked-[Ee][Tt]ag:[[:space:]]*"\{0,1\}\([0-9a-fA-F]\{64\}\)"\{0,1\}$/\1/p' <<<"$headers" | head -n1)
    [[ -n $etag ]] ||
        etag=$(sed -n 's/^[Ee][Tt]ag:[[:space:]]*\(W\/\)\{0,1\}"\{0,1\}\([0-9a-fA-F]\{64\}\)"\{0,1\}$/\2/p' <<<"$headers" | head -n1)
    [[ -n $etag ]] || return 1
    printf '%s' "${etag,,}"
}

# What model-service has in memory, its budget and queue, asked as the demo admin.
models_status() {
    (($# == 0)) || die "usage: ./gaia models status"
    local file
    file=$(credentials_file)
    [[ -f $file ]] || die "no demo credentials in $file: start the platform with ./gaia up first"
    DEMO_DESIGNER_PASSWORD=$(sed -n 's/^DEMO_DESIGNER_PASSWORD=//p' "$file")
    login "$DEMO_DESIGNER" "$DEMO_DESIGNER_PASSWORD"
    api GET /api/models/local '' "$TOKEN"
    api_expect "asking model-service for its local models" 200
    printf '%s\n' "$HTTP_BODY" | local_models_table
}

# Reads the status JSON on stdin and prints the budget and one line per model file (the JSON as it
# is where python3 is missing).
local_models_table() {
    if ! find_command python3 >/dev/null; then
        cat
        return 0
    fi
    python3 -c '
import json, sys
status = json.load(sys.stdin)
mib = lambda n: "%.1f MiB" % (n / 1048576)
print("memory: %s of %s used, %d calls waiting; models in %s" % (mib(status["memory_used_bytes"]),
      mib(status["memory_budget_bytes"]), status["queued"], status["models_dir"]))
print("%-48s %-9s %11s %8s %6s %9s  %s" % ("MODEL", "STATE", "MEMORY", "IN FLIGHT", "QUEUED", "TOKENS/S", "ROLES"))
for m in status["models"]:
    speed = "%.1f" % m["tokens_per_second"] if m.get("tokens_per_second") else "-"
    print("%-48s %-9s %11s %8d %6d %9s  %s" % ("local/" + m["name"], m["state"], mib(m["memory_bytes"]),
          m["in_flight"], m["queued"], speed, ",".join(m["roles"]) or "-"))
'
}

human_size() {
    numfmt --to=iec --suffix=B --format='%.1f' "$1"
}
