"""Our own date formats (settings.FORMAT_MODULE_PATH): one style, "7 Nov 2026", everywhere."""
