"""Goal commands for the `hedgerow` CLI."""

from __future__ import annotations

import argparse


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this module's commands to the `hedgerow` parser."""
