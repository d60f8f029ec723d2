#!/bin/sh
# Installs what the browser journeys need: Debian's chromium, and axe-core from package.json.
# Where neither can be had, the browser tests skip and say why; the rest of the suite runs.
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian's chromium for the browser tests…"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
            || echo "Could not install chromium; browser tests will be skipped."
    else
        echo "chromium is not installed (try: sudo apt-get install chromium); browser tests will be skipped."
    fi
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/axe-core/axe.min.js ]; then
    if command -v npm >/dev/null 2>&1; then
        npm ci --silent --no-audit --no-fund >/dev/null || echo "npm ci failed; browser tests will be skipped."
        touch node_modules/axe-core/axe.min.js 2>/dev/null || true
    else
        echo "npm is not installed; browser tests will be skipped (they need axe-core)."
    fi
fi
exit 0
