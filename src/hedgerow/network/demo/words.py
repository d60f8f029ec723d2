"""The words the demo network is made of: names from around the world, companies, titles and
the short messages people send. Made up by us."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


# --- what people are called and where they work ----------------------------------------------


@dataclass(frozen=True)
class Region:
    """Names from one part of the world. Non-Latin names carry the romanization used in URLs."""

    firsts: tuple[str | tuple[str, str], ...]
    lasts: tuple[str | tuple[str, str], ...]
    weight: int


REGIONS = (
    Region(
        ("Ana", "María José", "Javier", "Lucía", "Sofía", "Mateo", "Alejandro", "Camila", "Diego"),
        ("Ruiz", "García", "Fernández", "López", "Martínez", "Peña", "Núñez", "Ortega", "Castillo"),
        12,
    ),
    Region(
        ("Élodie", "Camille", "Théo", "Chloé", "Benoît", "Léa", "Hugo", "Manon", "François"),
        ("Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet", "Rousseau", "Mercier"),
        9,
    ),
    Region(
        ("Jürgen", "Anja", "Lukas", "Katrin", "Søren", "Ingrid", "Björn", "Mette", "Jonas", "Lena"),
        ("Müller", "Schäfer", "Becker", "Hoffmann", "Larsen", "Nieminen", "Åberg", "Lindqvist"),
        9,
    ),
    Region(
        ("James", "Emily", "Oliver", "Hannah", "Daniel", "Grace", "Michael", "Sarah", "Thomas"),
        ("Smith", "O'Brien", "Taylor", "Walker", "Hughes", "Bennett", "Clarke", "Murphy", "Reid"),
        16,
    ),
    Region(
        ("Małgorzata", "Piotr", "Zuzana", "Tomáš", "Agnieszka", "Łukasz", "Kateřina"),
        ("Kowalski", "Wiśniewska", "Dvořák", "Nowak", "Zieliński", "Procházková"),
        5,
    ),
    Region(
        ("Giulia", "Marco", "João", "Beatriz", "Francesca", "Luca", "Gonçalo", "Inês"),
        ("Rossi", "Bianchi", "Conceição", "Araújo", "Esposito", "Gonçalves", "Ferreira"),
        7,
    ),
    Region(
        ("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Aditi", "Siddharth"),
        ("Sharma", "Iyer", "Patel", "Reddy", "Banerjee", "Nair", "Gupta", "Menon"),
        10,
    ),
    Region(
        ("Chinwe", "Oluwaseun", "Kwame", "Amara", "Emeka", "Wanjiru", "Adaeze", "Kofi"),
        ("Okafor", "Adeyemi", "Mensah", "Nwosu", "Kamau", "Boateng", "Eze"),
        6,
    ),
    Region(
        ("Ayşe", "Mehmet", "Elif", "Burak", "Thảo", "Minh", "Huy", "Linh"),
        # The Turkish dotless i in Yilmaz is deliberate: real names carry it.
        ("Yılmaz", "Şahin", "Öztürk", "Çelik", "Nguyễn", "Trần", "Phạm", "Lê"),  # noqa: RUF001
        5,
    ),
    Region(
        (("翔太", "shota"), ("美咲", "misaki"), ("健一", "kenichi"), ("由美", "yumi")),
        (("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka")),
        3,
    ),
    Region(
        (("伟", "wei"), ("静", "jing"), ("磊", "lei"), ("芳", "fang"), ("晓明", "xiaoming")),
        (("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen")),
        4,
    ),
    Region(
        (("민준", "minjun"), ("서연", "seoyeon"), ("지훈", "jihoon"), ("하은", "haeun")),
        (("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi")),
        2,
    ),
    Region(
        (("Анна", "anna"), ("Дмитро", "dmytro"), ("Ольга", "olga"), ("Сергій", "serhii")),
        (("Шевченко", "shevchenko"), ("Ковальчук", "kovalchuk"), ("Бондаренко", "bondarenko")),
        2,
    ),
    Region(
        (("ليلى", "layla"), ("عمر", "omar"), ("يوسف", "youssef"), "Karim", "Nour"),
        (("حداد", "haddad"), ("منصور", "mansour"), "El-Amin", "Haddad"),
        3,
    ),
    Region(
        (("Γιώργος", "giorgos"), ("Ελένη", "eleni"), ("Νίκος", "nikos")),
        (("Νικολάου", "nikolaou"), ("Γεωργίου", "georgiou")),
        1,
    ),
)
CREDENTIALS = ("PhD", "MBA", "CFA", "PMP", "MD", "CPA")
EMOJI = ("🚀", "🌱", "🌍", "✨", "🎨")

COMPANIES = (
    "Northwind Analytics",
    "Lumen Labs",
    "Meridian Bank",
    "Verdant Energy",
    "Helix Biotech",
    "Orbital Freight",
    "Bluepeak Consulting",
    "Brightwater Capital",
    "Cedar & Pine Design",
    "Polaris Semiconductors",
    "Andes Mining Co.",
    "Saffron Foods",
    "Kestrel Security",
    "Quill Publishing",
    "Harbor Health",
    "Tessellate Studio",
    "Atlas Insurance",
    "Riverbend University",
    "Universidad de Valdoria",
    "Fjordline Logistics AS",
    "Müller & Söhne GmbH",
    "Café Lumière",
    "Sakura Mobility 株式会社",
    "Nimbus Cloud",
    "Ministry of Digital Affairs",
    "Open Seed Foundation",
    "Banco Solar S.A.",
    "Greenline Transit",
    "Pixel Harbor Games",
    "Ironbridge Engineering",
    "Copperleaf Software",
    "Aurora Health Systems",
    "Tidewater Ventures",
    "Self-employed",
    "Freelance",
)
TITLES = (
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Engineering Manager",
    "Product Manager",
    "Senior Product Manager",
    "Head of Product",
    "Data Scientist",
    "Machine Learning Engineer",
    "UX Researcher",
    "Product Designer",
    "Head of Marketing",
    "Brand Strategist",
    "Account Executive",
    "VP Sales",
    "Customer Success Manager",
    "Talent Acquisition Partner",
    "Chief of Staff",
    "Operations Lead",
    "Solutions Architect",
    "DevOps Engineer",
    "CTO",
    "Founder & CEO",
    "Co-founder",
    "Consultant",
    "Partner",
    "Financial Analyst",
    "Investor Relations",
    "Project Manager, Infrastructure",
    "Research Fellow",
    "PhD Candidate",
    "Professor of Economics",
    "Policy Advisor",
    "Nurse Practitioner",
    "Teacher",
    "Architect | Urban Design",
    "Community Manager",
    "Writer & Editor",
)
RECRUITER_TITLES = ("Technical Recruiter", "Talent Partner", "Executive Search Consultant")
MAIL_DOMAINS = ("gmail.com", "outlook.com", "proton.me", "yahoo.com", "hey.com")

# --- what people write -------------------------------------------------------------------------

NOTES = (
    "Hi {first}, it was great working with you on the {company} migration last spring. "
    "What are you focused on these days, and how are you enjoying it?",
    "{first}, I keep thinking about your talk at the meetup. I'd love to stay in touch - "
    "what are you working on now?",
    "Hello {first}! We sat together at the design sprint in Lisbon. How is life at {company}?",
    "Hi {first}, thanks again for the help with the data model, it saved us weeks. "
    "What's keeping you busy now?",
)
INCOMING_NOTES = (
    "Hi, we met at the conference, would be great to connect.",
    "Hello! I enjoyed your article on onboarding, and I'd like to follow your work.",
    "Hi there, I'm building a team in your area and would love to connect.",
)
OPENERS = (
    "Hi {first}, how are things at {company}?",
    "Hey {first}! Congrats on the new role 🎉",
    "Hi {first},\nthanks for the intro last week. Coffee sometime next month?",
    "{first}, saw your post about the launch - well done, that was a hard one.",
    "Hello {first}, hope you're well. Are you going to the summit in May?",
    'Hi {first}, quick question: did you ever try "the boring solution" for the queue?',
    "Dear {first}, thank you for your time today, it was really helpful.",
    "Hi {first}, I'm putting together a reading list on hiring, any favourites?",
)
INCOMING_OPENERS = (
    "Hi {first}, long time! How are you doing?",
    "Hey {first}, are you around for a coffee next week?",
    "Hi {first}, a friend is hiring product people - would an intro be useful?",
    "{first}, thanks for the kind note on my post, it made my day.",
)
REPLIES = (
    "Thanks! Busy, but in a good way.",
    "Great to hear from you 😊",
    "Yes, let's do it. Tuesday or Thursday work for me.",
    "Ha, we did, and it worked. Happy to walk you through it.",
    "Sounds good, see you there!",
    "Sure, I'll send a couple over tonight.",
    "Thanks for thinking of me, {first_owner}.",
    "Not this year, sadly - too much going on. Next time!",
    "Absolutely. I'll ping you when I'm back from holidays.",
    "Merci ! Ça me ferait très plaisir.",
    "Agreed, that's exactly what we saw too.\nLet me check with the team and come back to you.",
)
RECRUITER_MESSAGES = (
    "Hi {first}, I'm hiring for a role that looks like a great fit for your background. "
    "Open to a chat?",
    "Hello {first}, a fast-growing company in your field is looking for someone like you.",
)
GROUP_TITLES = ("Reunion planning 🎉", "Q3 offsite", "Book club", "Alumni dinner, round 2")
SUBJECTS = ("Quick question", "Re: coffee?", "Introduction", "Following up")
