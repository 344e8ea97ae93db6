# shellcheck shell=bash
# First-run demo data through the gateway's public API, and the closing instructions of `up`.

DEMO_GAME_SLUG=demo
DEMO_GAME_NAME='Demo World'
DEMO_DESIGNER=designer
DEMO_PLAYER=player
ELENA_SEED=seeds/npcs/elena-rodriguez.json

HTTP_STATUS=''
HTTP_BODY=''
TOKEN=''
ELENA_ID=''

# api METHOD PATH [BODY] [TOKEN]: calls the gateway; sets HTTP_STATUS and HTTP_BODY.
# A BODY starting with @ names a file.
api() {
    local method=$1 path=$2 body=${3:-} token=${4:-}
    local out
    out=$(mktemp "${TMPDIR:-/tmp}/gaia-api.XXXXXX")
    local args=(-sS -o "$out" -w '%{http_code}' --max-time 30 -X "$method" -H 'Accept: application/json')
    [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    HTTP_STATUS=$(curl "${args[@]}" "http://127.0.0.1:$GAIA_GATEWAY_PORT$path") || HTTP_STATUS=000
    HTTP_BODY=$(<"$out")
    rm -f "$out"
}

# json_string FIELD: the first string value of FIELD in HTTP_BODY (flat enough for sed).
json_string() {
    local value
    value=$(sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$HTTP_BODY")
    printf '%s' "${value%%$'\n'*}"
}

api_expect() {
    local what=$1
    shift
    local status
    for status in "$@"; do
        [[ $HTTP_STATUS == "$status" ]] && return 0
    done
    die "$what failed: HTTP $HTTP_STATUS ${HTTP_BODY:0:500}"
}

# A password of 24 letters and digits with at least one of each kind.
random_password() {
    local password=''
    until [[ ${#password} -ge 24 && $password =~ [a-z] && $password =~ [A-Z] && $password =~ [0-9] ]]; do
        password=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
        password=${password:0:24}
    done
    printf '%s' "$password"
}

credentials_file() { printf '%s/demo-credentials\n' "$GAIA_HOME"; }
seed_file() { printf '%s/seed.json\n' "$GAIA_HOME"; }

load_or_create_credentials() {
    local file
    file=$(credentials_file)
    if [[ ! -f $file ]]; then
        (
            umask 077
            cat >"$file" <<EOF
# Demo accounts created by ./gaia up (game '$DEMO_GAME_SLUG')
DEMO_GAME=$DEMO_GAME_SLUG
DEMO_DESIGNER_USERNAME=$DEMO_DESIGNER
DEMO_DESIGNER_PASSWORD=$(random_password)
DEMO_PLAYER_USERNAME=$DEMO_PLAYER
DEMO_PLAYER_PASSWORD=$(random_password)
EOF
        )
    fi
    chmod 600 "$file"
    DEMO_DESIGNER_PASSWORD=$(sed -n 's/^DEMO_DESIGNER_PASSWORD=//p' "$file")
    DEMO_PLAYER_PASSWORD=$(sed -n 's/^DEMO_PLAYER_PASSWORD=//p' "$file")
    [[ -n $DEMO_DESIGNER_PASSWORD && -n $DEMO_PLAYER_PASSWORD ]] || die "$file is damaged; delete it to start the demo afresh"
}

# login USERNAME PASSWORD: sets TOKEN.
login() {
    api POST /api/auth/login "{\"game\":\"$DEMO_GAME_SLUG\",\"username\":\"$1\",\"password\":\"$2\"}"
    [[ $HTTP_STATUS == 200 ]] ||
        die "cannot log in as '$1' in game '$DEMO_GAME_SLUG' (HTTP $HTTP_STATUS): the accounts exist with other passwords than $(credentials_file) holds. Reset the demo with: ./gaia down && rm -rf $GAIA_HOME && ./gaia up"
    TOKEN=$(json_string access_token)
    [[ -n $TOKEN ]] || die "the login answer carries no access_token: ${HTTP_BODY:0:300}"
}

seed_demo() {
    if [[ $GAIA_SKIP_SEED == 1 ]]; then
        info "seed: skipped (GAIA_SKIP_SEED=1)"
        return 0
    fi
    load_or_create_credentials

    api POST /api/auth/games "{\"name\":\"$DEMO_GAME_NAME\",\"slug\":\"$DEMO_GAME_SLUG\",\"admin_username\":\"$DEMO_DESIGNER\",\"admin_password\":\"$DEMO_DESIGNER_PASSWORD\"}"
    api_expect "creating the demo game" 201 409
    if [[ $HTTP_STATUS == 201 ]]; then
        info "seed: created game '$DEMO_GAME_SLUG' with admin and designer '$DEMO_DESIGNER'"
    fi

    api POST /api/auth/register "{\"game\":\"$DEMO_GAME_SLUG\",\"username\":\"$DEMO_PLAYER\",\"password\":\"$DEMO_PLAYER_PASSWORD\"}"
    api_expect "registering the demo player" 201 409
    if [[ $HTTP_STATUS == 201 ]]; then
        info "seed: registered player '$DEMO_PLAYER'"
    fi

    local npc_id=''
    login "$DEMO_DESIGNER" "$DEMO_DESIGNER_PASSWORD"

    if [[ -f $(seed_file) ]]; then
        HTTP_BODY=$(<"$(seed_file)")
        npc_id=$(json_string npc_id)
    fi
    if [[ -n $npc_id ]]; then
        api GET "/api/npcs/$npc_id" '' "$TOKEN"
        if [[ $HTTP_STATUS == 200 ]]; then
            ELENA_ID=$npc_id
            return 0
        fi
        info "seed: Elena ($npc_id) is gone (HTTP $HTTP_STATUS); creating her again"
    fi

    [[ -f $GAIA_ROOT/$ELENA_SEED ]] || die "$ELENA_SEED is missing"
    api POST /api/npcs "@$GAIA_ROOT/$ELENA_SEED" "$TOKEN"
    api_expect "creating Elena Rodriguez from $ELENA_SEED" 200 201
    npc_id=$(json_string npc_id)
    [[ -n $npc_id ]] || die "POST /api/npcs answered without npc_id: ${HTTP_BODY:0:300}"
    printf '{"game":"%s","npc_id":"%s"}\n' "$DEMO_GAME_SLUG" "$npc_id" >"$(seed_file)"
    ELENA_ID=$npc_id
    info "seed: created Elena Rodriguez ($npc_id)"
}

print_welcome() {
    local gateway="http://localhost:$GAIA_GATEWAY_PORT"
    printf '\n%sGaia is up.%s Gateway: %s\n' "$STYLE_BOLD" "$STYLE_RESET" "$gateway"
    if [[ $GAIA_SKIP_SEED == 1 ]]; then
        return 0
    fi
    cat <<EOF

Demo game '$DEMO_GAME_SLUG' ($(credentials_file)):
    designer (admin, designer): $DEMO_DESIGNER / $DEMO_DESIGNER_PASSWORD
    player:                     $DEMO_PLAYER / $DEMO_PLAYER_PASSWORD
    NPC Elena Rodriguez:        $ELENA_ID

Talk to Elena as the player (paste into a shell):

GAIA=$gateway
LOGIN=\$(curl -s -X POST "\$GAIA/api/auth/login" -H 'Content-Type: application/json' \\
  -d '{"game":"$DEMO_GAME_SLUG","username":"$DEMO_PLAYER","password":"$DEMO_PLAYER_PASSWORD"}')
TOKEN=\$(printf '%s' "\$LOGIN" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
USER_ID=\$(printf '%s' "\$LOGIN" | sed -n 's/.*"user_id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
SESSION=\$(curl -s -X POST "\$GAIA/api/conversations/start" -H "Authorization: Bearer \$TOKEN" \\
  -H 'Content-Type: application/json' -d "{\"npc_id\":\"$ELENA_ID\",\"user_id\":\"\$USER_ID\"}" \\
  | sed -n 's/.*"session_id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
curl -N -sS -X POST "\$GAIA/api/conversations/\$SESSION/message" -H "Authorization: Bearer \$TOKEN" \\
  -H 'Content-Type: application/json' -d '{"content":"Hello Elena! What are you working on these days?"}'

(Add -H 'Accept: text/event-stream' to the last curl for Server-Sent Events.)
EOF
    if [[ -z ${GAIA_OPENAI_BASE_URL:-} ]]; then
        cat <<'EOF'

No model provider is configured, so conversations answer 503. Configure an OpenAI-compatible
provider and run ./gaia up again (it restarts the services with the new settings):

    export GAIA_OPENAI_BASE_URL=https://api.openai.com/v1   # or http://localhost:11434/v1 (Ollama),
    export GAIA_OPENAI_API_KEY=sk-...                        #    http://localhost:8000/v1 (vLLM) ...
    export GAIA_CHAT_MODEL=gpt-4o-mini
    ./gaia up
EOF
    fi
    printf '\n./gaia status shows every part, ./gaia logs [service] follows the logs, ./gaia down stops it all.\n'
}
