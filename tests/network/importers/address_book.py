"""A large Google address book like the ones people really have, made up (seeded): long names that
share several words (compound Spanish and Portuguese family names, Arabic and Vietnamese names,
"de", "bin", "Al"), most with an address of their own, some with none, and a few people truly
entered twice. Never anyone's real data."""

from __future__ import annotations

import csv
import io
import random

GIVEN = [
    "María José",
    "María del Carmen",
    "Ana María",
    "Juan Carlos",
    "José Luis",
    "Luis Miguel",
    "Mohammed",
    "Ahmed",
    "Fatima",
    "Nguyen Thi",
    "Tran Van",
    "João Pedro",
    "Maria Eduarda",
    "Ana Paula",
    "Carlos Alberto",
    "Francisco Javier",
    "Abdullah",
    "Khalid",
    "Pham Minh",
]
FAMILY = [
    "García",
    "Fernández",
    "González",
    "Rodríguez",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "da Silva",
    "dos Santos",
    "Oliveira",
    "Souza",
    "Al Saud",
    "Al Rashid",
    "bin Abdullah",
    "Nguyen",
    "Tran",
    "Le",
    "Hoang",
    "de la Cruz",
    "del Río",
    "Castillo",
    "Morales",
    "Ortega",
    "Delgado",
    "Castro",
    "Ramos",
    "Romero",
    "Navarro",
    "Domínguez",
    "Vázquez",
    "Herrera",
]
COMPANIES = ["", "", "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent"]
HEADER = [
    "First Name",
    "Middle Name",
    "Last Name",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Organization Name",
    "Labels",
]


def address_book(rows: int = 2278, duplicated: int = 10, seed: int = 9) -> tuple[str, int]:
    """The CSV text, and how many of its rows are someone entered a second time."""
    rng = random.Random(seed)
    people: list[list[str]] = []
    seen: set[str] = set()
    while len(people) < rows - duplicated:
        given = rng.choice(GIVEN)
        family = " ".join(rng.sample(FAMILY, 2))
        words = " ".join(sorted(f"{given} {family}".split()))
        if words in seen:
            continue  # the same words in another order would be the same name
        seen.add(words)
        number = len(people)
        email = f"person{number}@mail{number % 7}.example" if rng.random() < 0.85 else ""
        phone = f"+34 6{rng.randint(10, 99)} {rng.randint(100, 999)} {number:03d}"[-16:]
        phone = phone if rng.random() < 0.5 else ""
        people.append(
            [
                given,
                "",
                family,
                "Home" if email else "",
                email,
                "Mobile" if phone else "",
                phone,
                rng.choice(COMPANIES),
                "* myContacts",
            ]
        )
    twice = rng.sample(people, duplicated)
    for person in twice:  # the same person again, with the same address or none
        again = list(person)
        again[4] = person[4] if rng.random() < 0.5 else ""
        again[7] = ""
        people.append(again)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(people)
    return out.getvalue(), duplicated
