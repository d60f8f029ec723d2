"""Today's tests share the network pages' clock and factories (a Monday, 16 March 2026)."""

from tests.network.views.conftest import (  # noqa: F401 - fixtures, found by name
    NOW,
    TODAY,
    at,
    frozen,
    make_follow_up,
    make_interaction,
    make_update,
)
