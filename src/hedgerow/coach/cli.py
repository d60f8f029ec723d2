"""`hedgerow draft …` and `hedgerow coach check …`: the composer and coach from a terminal."""

from __future__ import annotations

import argparse


def add_commands(commands, person: argparse.ArgumentParser, as_json: argparse.ArgumentParser):
    """Add this app's commands to the `hedgerow` parser."""
