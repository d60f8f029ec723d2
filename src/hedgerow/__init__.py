"""Hedgerow: cultivate your professional network, pursue one big goal, work with a coach."""

__version__ = "0.1.0"
