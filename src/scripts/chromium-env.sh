# Sourced by the check-*.sh scripts: finds Debian's chromium (apt-get install chromium) and sets the flags that
# run it headless and offline with a throw-away profile. Needs $check (the calling script's name for messages).
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "$check: chromium not found (apt-get install chromium)" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile")
