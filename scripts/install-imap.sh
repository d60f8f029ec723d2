#!/bin/sh
# Installs Debian's dovecot, the real IMAP server the `hedgerow sync imap` tests start on
# loopback. It is only installed, never started as a service: each test starts its own on a
# free port with a generated mailbox. Where it cannot be had, those tests skip and say why.
if [ ! -x /usr/sbin/dovecot ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian's dovecot for the IMAP sync tests…"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends dovecot-imapd >/dev/null) \
            || echo "Could not install dovecot; IMAP sync tests will be skipped."
    else
        echo "dovecot is not installed (try: sudo apt-get install dovecot-imapd); IMAP sync tests will be skipped."
    fi
fi
exit 0
