#!/bin/sh
# Installs Debian's redis-server, which the background-import tests start on loopback to run
# imports through Redis (HEDGEROW_REDIS_URL). It is only installed, never started as a service:
# each test starts its own on a free port. Where it cannot be had, those tests skip and say why.
if ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian's redis-server for the background-import tests…"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends redis-server >/dev/null) \
            || echo "Could not install redis-server; the Redis queue tests will be skipped."
    else
        echo "redis-server is not installed (try: sudo apt-get install redis-server); the Redis queue tests will be skipped."
    fi
fi
exit 0
