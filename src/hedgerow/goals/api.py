"""This app's part of the JSON API at /api/v1/."""

from __future__ import annotations

from ninja import Router

router = Router()
