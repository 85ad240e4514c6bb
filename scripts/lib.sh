# Sourced by the scripts: the project root and a virtualenv matching requirements.lock.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            echo "$candidate"
            return 0
        fi
    done
    echo "需要 Python 3.11 (Python 3.11 is required); set PYTHON=/path/to/python3.11" >&2
    return 1
}

# Create .venv, install the locked dependencies and the plugin itself (editable, from src/);
# reinstall only when the lock or the package metadata changes.
ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        local python
        python="$(find_python)" || exit 1
        echo "==> creating $VENV"
        "$python" -m venv "$VENV"
    fi
    local stamp="$VENV/.requirements.lock.sha256"
    local want
    want="$(cat "$ROOT/requirements.lock" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        echo "==> installing dependencies from requirements.lock"
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -r "$ROOT/requirements.lock"
        "$VENV/bin/python" -m pip install --quiet --no-deps -e "$ROOT"
        echo "$want" >"$stamp"
    fi
}
