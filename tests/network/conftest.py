"""The network's tests share the page tests' clock and factories (tests/network/views/conftest)."""

from tests.network.views.conftest import (  # noqa: F401 - fixtures, found by name
    frozen,
    make_follow_up,
    make_interaction,
    make_update,
)
