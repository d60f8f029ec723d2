from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hedgerow.network.agenda import build_agenda


def today(request: HttpRequest) -> HttpResponse:
    agenda = build_agenda(request.user, update_limit=25)
    return render(request, "network/today.html", {"agenda": agenda, "nav": "today"})


def contacts(request: HttpRequest) -> HttpResponse:
    return render(request, "network/contacts.html", {"nav": "contacts"})


def import_page(request: HttpRequest) -> HttpResponse:
    return render(request, "network/import.html", {"nav": "import"})
