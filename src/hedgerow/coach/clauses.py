"""Who does what for whom in a note's sentences: the structure the coach's judgements stand on.

Phrase lists fit the phrasing they were written from; an ask is not a phrase but a structure
(rule N6): the reader is the one asked to act (a question or a wish with "you" as the doer, an
imperative, "if you have a moment"), and what they are asked to give is their time, network,
money or effort, for the writer's benefit (the object is the writer's: "our catalogue", "a fund
we are structuring", "my nephew"; or the act itself is a service: look over, introduce, refer,
spare, lend). A wish to hear about *them* has the same shape but serves them, so it is no ask.

Standard library only: a clause is read by position (subject, modal, main verb, object), which
is enough for the short sentences of a note and keeps each call well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The reader asked to act: "could you", "would you be open to", "if you ever have a moment",
# "any chance you could", "I'd be grateful if you", "please" + verb, "keep ... free for me".
READER_ASKED = re.compile(
    r"(?<![\w'])(?:(?:could|can|would|will|might|may) you(?: (?:please|possibly|perhaps|ever|maybe"
    r"|kindly|still))?"
    # "would you mind pointing me to ...", "if it's not too much trouble": the polite mood of a
    # request, whatever verb follows.
    r"|(?:would|do) you mind|mind if (?:i|we|he|she|they|my \w+)"
    r"|if (?:it's|it is|it isn't|it's not|it is not) (?:not )?too much"
    r" (?:trouble|bother)|would it be possible (?:for you )?to|is there any (?:way|chance) you"
    r"|would you be (?:open|willing|able|up for|happy|interested)"
    r"|(?:are|were) you (?:open|willing|able|up for)"
    r"|if you (?:ever |still )?(?:have|had|get|got|find|could|can|would|were able|are able"
    r"|don't mind|wouldn't mind)"
    r"|do you (?:have|mind|think you could)"
    # "Can we hop on a call so I can learn ...": a call asked, for whom the purpose says.
    r"|(?:can|could) we(?= (?:\w+ ){0,4}?(?:a |an )?(?:quick |short |brief )?(?:call|chat|zoom"
    r"|meeting))"
    # Their network asked for: "maybe you know someone?", "do you happen to know anyone".
    r"|(?:do|would|might|may|maybe|perhaps) you (?:happen to )?know"
    # Someone of the writer's hosted by them: "could he spend a week in your kitchen?"
    r"|(?:could|can|may|might) (?:he|she|they)"
    # "I wondered if you could share the ad": a request put as the writer's wondering.
    r"|(?:i )?(?:was |am |'m )?wonder(?:ed|ing)? (?:if|whether) you(?:'d| could| would| might"
    r"| can| ever| have)"
    # "any chance he could shadow you for a week?": someone of the writer's, hosted by the reader.
    r"|any chance (?:you|of|he|she|they|my \w+)"
    r"|(?:grateful|thankful|obliged|appreciate(?: it)?) (?:if|for) (?:you|your|any|a few|some"
    r"|\d+|a (?:quick|short|little|brief))"
    r"|(?:i'd|i would|we'd|we would|and would)(?: (?:really|so|very much|truly|greatly|hugely))?"
    r" (?:love|like|value|welcome|appreciate)"
    r" (?:your|a few|some|to get your|to borrow|to pick)"
    r"|maybe you could|perhaps you could|you could (?:maybe |perhaps )?(?:help|introduce|refer"
    r"|connect|put|pass|share|look|spare|send|lend)"
    r"|^please |[,.!] please |please (?:keep|send|share|look|forward|introduce|call|reply|answer)"
    r"|^kindly |[,.!] kindly |kindly (?:consider|refer|share|send|forward|help|look|check|revert"
    r"|reply|let me|do|introduce|connect|recommend|review|advise|keep|pass|guide)"
    r"|(?:happy|glad) to return the favou?r|i owe you one"
    r"|would (?:mean|help) (?:a lot|so much|the world)"
    r")(?![\w'])"
)


def inflected(*verbs: str) -> str:
    """Each verb with its -s, -ed and -ing forms ("refer" finds "referring me"), as one group."""
    forms = []
    for verb in verbs:
        head, _, rest = verb.partition(" ")
        tail = f" {rest}" if rest else ""
        stem = head[:-1] if head.endswith("e") else head
        double = head + head[-1] if re.search(r"[^aeiou][aeiou][bdgmnprt]$", head) else head
        endings = {f"{head}s", f"{head}es", f"{stem}ed", f"{double}ed", f"{stem}ing"}
        endings |= {f"{double}ing", f"{head}d"}
        forms.append("(?:" + "|".join(sorted({head, *endings})) + ")" + tail)
    return "(?:" + "|".join(forms) + ")"


# What they would give: time, attention, network, money, effort. Verbs in any form: "would you
# mind referring me", "pointing me to whoever handles", "pass her CV along".
SERVICE = re.compile(
    r"(?<![\w'])(?:"
    + inflected(
        "spare",
        "look at",
        "look over",
        "look through",
        "glance at",
        "glance over",
        "review",
        "read over",
        "read through",
        "check out",
        "check over",
        "proofread",
        "sign off",
        "introduce",
        "refer",
        "recommend",
        "vouch",
        "endorse",
        "mentor",
        "advise",
        "help",
        "support",
        "lend",
        "loan",
        "borrow",
        "fund",
        "invest",
        "donate",
        "sponsor",
        "hire",
        "interview",
        "forward",
        "share",
        "sign",
        "proofread",
        "edit",
        "test",
        "try out",
        "fill in",
        "fill out",
        "vote for",
        "repost",
        "consider",
        "guide",
    )
    + r"|"
    + inflected("connect", "point", "put", "steer", "direct")
    + r" (?:me|us|her|him|them)(?: (?:with|to|towards|in touch|in the direction|through))?"
    + r"|"
    + inflected("pass", "send", "forward", "share")
    + r" (?:[\w'-]+ ){0,2}(?:on|along|to|with)"
    + r"|(?:give|gives|giving|gave) (?:it|this|them|my \w+|our \w+) a (?:read|look|listen|try|spin"
    r"|share|watch)"
    r"|have a look|take a (?:quick )?look|introduction|intro|referral|recommendation"
    r"|put in a (?:good )?word|a word with|a (?:good |kind )?word from you|coach me|advice"
    r"|feedback|input|thoughts on|your (?:take|thoughts|views?|perspective|expertise|insights?)"
    r"|(?:any|some|a few) (?:tips|pointers|guidance|steer|direction)"
    r"|opinion on|eyes on|pick your brain|back us|get (?:her|him|them|me|us) (?:an?|in|on|into)"
    r"|jobs?|roles?|internships?|openings?|positions?|placements?|vacanc(?:y|ies)|favou?r"
    r"|\d+ minutes|a few minutes|minutes"
    r"|a quick call|a call|your time|your network|keep [\w ]{0,20}free"
    r"|meet with (?:our|my)|hear (?:our|my) (?:pitch|proposal|idea))(?![\w'])"
)
# The writer's side owns or gains from it.
WRITER_BENEFITS = re.compile(
    r"(?<![\w'])(?:me|us|our|my|mine|for me|for us|we(?:'re| are)? \w+ing|i(?:'m| am) \w+ing"
    r"|my (?:son|daughter|nephew|niece|cousin|brother|sister|friend|wife|husband|partner)"
    r"|(?:get|give|find|offer) (?:her|him|them) (?:an?|a place|in|on|into)"
    r"|(?:our|my) (?:company|startup|firm|business|product|catalogue|catalog|deck|cv|resume"
    r"|portfolio|proposal|fund|app|book|project|application)"
    r"|(?:her|his|their) (?:cv|resume|portfolio|application|details)"
    # A purpose that is the writer's: "a call so I can learn how you prepped for interviews".
    r"|so (?:that )?(?:i|we) (?:can|could|might) (?:learn (?:from you|how|about how)|ask you"
    r"|pick your brain|get your|show you|pitch|tell you about (?:my|our)))(?![\w'])"
)
# A sentence that says what the writer is after: their own draft, deck or bid, or a plan to
# apply, raise, sell or hire ("I'm putting together a deck for our seed round").
# The writer's need for help said outright: "I need advice on getting into Shopify", "we could
# use some help with the launch". Said to them, it asks them for it (rule N6, issue 10, sixth
# round), and a plan to meet beside it is made for it.
HELP_NEEDED = re.compile(
    r"(?<![\w'])(?:i|we) (?:really |badly |urgently |just )?(?:need|could use|could do with"
    r"|would love|'d love|'d appreciate|would appreciate) (?:some |a bit of |a little |your |an? )?"
    r"(?:advice|help|tips|input|guidance|pointers|feedback|a hand|an intro|introductions?"
    r"|a referral|mentoring)(?![\w'])"
)
WRITERS_NEED = re.compile(
    r"(?<![\w'])(?:(?:my|our) (?:[\w-]+ ){0,2}(?:deck|cv|resume|portfolio|proposal|pitch"
    r"|application|draft|manuscript|business plan|grant|bid|tender|round|launch|campaign"
    r"|novel|book|script|screenplay|album|thesis|paper|essay|demo|article|website|poems?"
    r"|short story|collection|film|documentary)"
    r"|(?:i'm|i am|we're|we are|i've been|we've been) (?:\w+ )?(?:applying|raising|pitching"
    r"|hiring|selling|launching|putting together|preparing|bidding|fundraising|job hunting"
    r"|looking for|short (?:of )?(?:a|an|one|two|some|a few))"
    # The writer's own aim, which a request beside it then serves: "I'm trying to break into
    # product, so any tips would mean a lot" (issue 10, fourth round).
    r"|(?:i'm|i am|im|we're|we are|i've been|we've been) (?:\w+ )?(?:trying|hoping|looking"
    r"|planning|aiming|keen|eager|desperate|itching) to (?:break|get|move|switch|transition|find"
    r"|land|raise|launch|grow|pivot|start|make|join|enter|expand)"
    r"|(?:i'm|i am|im) (?:between jobs|on the (?:job )?market|open to (?:work|new))"
    r"|" + HELP_NEEDED.pattern +
    # The writer's side named as the doer: "our NGO in Dakar is applying for a grant".
    r"|(?:my|our) (?:[\w-]+ ){1,4}?(?:is|are)(?: [\w-]+){0,3}? (?:applying|raising|pitching|hiring"
    r"|bidding|fundraising|looking for|launching))(?![\w'])"
)
# Done for the writer's side, whatever the act: "sign a copy for my mum", "do it for us".
FOR_THE_WRITER = re.compile(
    r"(?<![\w'])for (?:me|us|my (?:\w+ )?(?:mum|mom|dad|mother|father|son|daughter|nephew|niece"
    r"|cousin|brother|sister|friend|wife|husband|partner|team|company|startup|firm|business"
    r"|project|students?|kids?|children)|our (?:\w+ )?(?:team|company|startup|firm|business"
    r"|project|event|campaign|fundraiser|podcast|newsletter))(?![\w'])"
)
# The writer wishing for the reader's help: the help is for the writer, said or not.
WISH_FRAME = re.compile(r"(?:i'd|i would|we'd|we would|and would)\b")
HELP = re.compile(
    r"advice|feedback|input|help|support|intro|introduction|referral|recommendation|mentoring"
    r"|eyes on|a word with|put in a (?:good )?word|(?:any|some|a few) (?:tips|pointers|guidance)"
)
# Someone of the writer's, named earlier in the note ("my cousin is looking for ..."): a later
# "her", "him" or "them" in a request is that person, so the favour is the writer's.
WRITERS_PERSON = re.compile(
    r"(?<![\w'])(?:my|our) (?:\w+ )?(?:son|daughter|nephew|niece|cousin|brother|sister|friend"
    r"|wife|husband|partner|kid|child|mentee|student|colleague|former colleague|client|neighbou?r"
    r"|godson|goddaughter|grandson|granddaughter|sister-in-law|brother-in-law)s?(?![\w'])"
)
THIRD_PARTY = re.compile(r"(?<![\w'])(?:her|him|them|his|their|she|he|they)(?![\w'])")
# A wish to hear about them is no ask: "could you tell me how the launch went?"
ABOUT_THEM = re.compile(
    r"(?<![\w'])(?:tell me|let me know|fill me in) (?:\w+ ){0,3}?(?:how|what|about|more"
    r"|where|when|which|whether|your)"
    # "share your news" asks about them; "share your data sources" asks for their resources.
    r"|share (?:\w+ ){0,3}?(?:how|what|about|more|your (?:news|story|experience|journey|plans"
    r"|thoughts on (?:the|your)))|how (?:are|is|did|do|was|has|have) (?:you|your|it|the)"
    r"|(?:hear|know) (?:how|what|about|more)|send (?:me )?(?:a )?(?:photo|picture|pic)s?"
)
NETWORK = re.compile(
    r"(?<![\w'])(?:with|to|among|across|through) your (?:network|followers|contacts|connections"
    r"|audience|mailing list|list|community)(?![\w'])"
)
# Someone they know, asked for: an ask when the writer's need is said beside it ("we're looking
# for distributors, maybe you know someone?"), not when asking after old friends.
KNOWS_SOMEONE = re.compile(
    r"(?<![\w'])know (?:of )?(?:anyone|anybody|someone|somebody|any \w+ who|a good \w+)(?![\w'])"
)
# The reader asked to come, meet or hear: hospitality and catch-ups, not a service (rule N5).
GENEROUS_ACT = re.compile(
    r"(?<![\w'])(?:join|come|visit|meet|see|stay|have|grab|get together|catch up|celebrate|hear"
    r"|tell|say|send (?:me )?(?:a )?(?:photo|picture|pic)|let me know how|drop by|pop in|swing by)"
)
# Something of the writer's side that a request puts the reader to work for: "speak at our
# chamber's breakfast", "judge my students' projects".
WRITERS_THING = re.compile(r"(?<![\w'])(?:our|my) (?:[\w-]+(?:'s|')? ){0,2}?[\w-]+(?![\w'])")
# Writer's commerce, offered unasked: "I can send you our price list".
WRITER_COMMERCE = re.compile(
    r"(?<![\w'])(?:our|my) (?:[\w-]+ ){0,2}(?:price list|prices|pricing|catalogue|catalog"
    r"|brochure|quote|rates|offer|deals?|range|services|products|samples|sample pack|demo)(?![\w'])"
    # What the writer's side sells, fitted to the reader: "we supply recycled packaging for
    # exactly this kind of product" (issue 10, third round).
    r"|(?<![\w'])(?:we|i) (?:supply|sell|provide|offer|distribute|manufacture|make|produce|build)"
    r" [^.!?]{0,60}(?:exactly|for (?:this|that|brands|businesses|companies|firms|shops|teams"
    r"|people) like (?:this|yours|you))"
    r"|(?<![\w'])(?:very |really |the )?(?:good|great|best|competitive|low) prices(?![\w'])"
)
# Taking on what the writer's side is short of: "can you do it?", "could you step in?".
STAND_IN = re.compile(
    r"(?<![\w'])(?:do it|do that|step in|fill in|help out|take it on|take (?:this|that) on"
    r"|cover (?:it|for)|stand in)(?![\w'])"
)
# Frames that put the reader to work: "would you be willing to", "could you", "can you".
ASKING_TO_ACT = re.compile(
    r"(?:(?:could|can|would|will) you|would you be (?:open|willing|able|up for|happy|interested)"
    r"|(?:are|were) you (?:open|willing|able|up for)|would it be possible|any chance you"
    r"|(?:i )?(?:was |am |'m )?wonder)"
)
# The writer's side selling: a firm "offering" its goods, or a price cut ("our company is
# offering solar kits at 20% off for new partners") (rule N6, issue 10 fourth round).
FIRM_SELLING = re.compile(
    r"(?<![\w'])(?:our|my) (?:[\w-]+ ){0,2}(?:company|firm|team|business|shop|store|agency"
    r"|startup|start-up|brand|clinic|studio|practice|consultancy|factory|farm)(?:'s)? (?:is |are"
    r" |now |just |also |has |have )*(?:offering|offers|selling|sells|supplying|supplies"
    r"|providing|provides|running an? (?:promo|promotion|sale|special))(?![\w'])"
    r"|(?<![\w'])\d+ ?%(?: off| discount)|(?:a|our|special|introductory) discount"
    r"|(?:special|introductory|launch|early-bird|early bird) (?:offer|price|rate|discount)s?"
    r"(?![\w'])"
    # What the writer's firm does for teams like theirs: "I run an agency that helps SaaS sales
    # teams book 30% more demos".
    r"|(?<![\w'])(?:i|we) (?:run|own|founded|started|have|launched|lead) (?:a|an|my|our)"
    r" [\w -]{0,40}?"
    r"(?:agency|company|firm|consultancy|business|studio|startup|platform|tool|app|service"
    r"|course|programme|program)(?: that| which|,)? (?:helps?|lets?|makes?|saves?|cuts?|boosts?"
    r"|gets?|teaches|trains)(?![\w'])"
    r"|(?<![\w'])worth a (?:quick |short |brief )?(?:chat|call|demo|look)(?![\w'])"
)
# The writer offering themselves for hire when the reader needs someone: "if your team ever
# needs a contractor, I'm free from March", "let me know if you ever need a merchandiser". A
# hand, help or a reference offered the same way is generosity, not a pitch.
READERS_NEED = re.compile(
    r"(?<![\w'])if (?:you |your (?:[\w-]+ ){1,2}?)(?:ever |ever happen to |happen to |should |do )?"
    r"(?:need|needs|want|wants|are looking for|is looking for|require|requires|hire|hires"
    r"|are hiring|is hiring)(?: an?| any| another| some| extra| more)? (?:[\w-]+ ){0,2}?"
    r"(?P<role>[\w-]{2,}?(?:er|or|ist|ant|ent|ian|eer)s?)(?![\w'])"
)
_NOT_A_ROLE_TEXT = """letter letters number numbers water answer answers paper papers chapter
    shoulder corner reminder other another whatever partner partners dinner order orders cover
    after under over either neither rather whether never ever"""
NOT_A_ROLE = frozenset(_NOT_A_ROLE_TEXT.split())
WRITER_AVAILABLE = re.compile(
    r"(?<![\w'])(?:(?:i'm|i am|im|we're|we are|i'll be|we'll be) (?:now |currently |also )?(?:free"
    r"|available|open to|between|taking on|looking|freelancing)|let me know|lmk|give me a (?:shout"
    r"|call|ring)|hit me up|ping me|drop me a line|think of me|keep me in mind|count me in"
    r"|you know where to find me|my rates)(?![\w'])"
)
CLAUSE_BREAK = re.compile(r"[;:]\s+|\s+[-\u2013\u2014]\s+|,\s+(?=(?:but|and|so|also|or)\s)")


@dataclass(frozen=True)
class Ask:
    """A request found in a clause: the words that ask, and the words that serve the writer."""

    clause: str
    asking: str
    serving: str


def clauses_of(sentence: str) -> list[str]:
    return [part.strip() for part in CLAUSE_BREAK.split(sentence) if part.strip()]


def ask_in(sentence: str, *, for_someone: bool = False, for_writer: bool = False) -> Ask | None:
    """The first clause (lower case, plain apostrophes) that asks the reader to give their time,
    network, money or effort for the writer's benefit (rule N6), or None.

    A sentence is read whole too, since "If you have 20 minutes, I'd be grateful for your
    advice on a fund we are structuring" asks across its comma. `for_someone` says the note
    has named someone of the writer's ("my cousin"), whom "her" or "him" then stands for;
    `for_writer` that a sentence beside it says what the writer needs ("We're applying next
    month."), which a bare "could you take a look?" then serves.
    """
    for clause in [*clauses_of(sentence), sentence]:
        asked = READER_ASKED.search(clause)
        if not asked:
            continue
        # "A word from you would mean the world": the frame comes after what is asked.
        after = not re.match(r"would (?:mean|help)", asked.group(0))
        rest = clause[asked.start() :] if after else clause
        if ABOUT_THEM.search(rest) and not SERVICE.search(rest):
            continue  # "could you tell me how the launch went?"
        service = SERVICE.search(rest)
        if service and HOSPITALITY.match(service.group(0)):
            service = None  # "could you send my love to your mum?" passes greetings on
        benefit = (
            WRITER_BENEFITS.search(rest)
            or (for_someone and THIRD_PARTY.search(rest))
            or (for_writer and not ABOUT_THEM.search(rest))
        )
        favour_returned = "favour" in asked.group(0) or "favor" in asked.group(0)
        # "I'd really value your advice": the writer's own wish frame says whom help is for.
        if service and WISH_FRAME.match(asked.group(0)) and HELP.fullmatch(service.group(0)):
            return Ask(clause, asked.group(0).strip(), service.group(0))
        # "Would you have any advice for someone trying to land a first job?": help asked of
        # them is an ask whoever it is for (rule N6: no requests for help).
        if service and ASKING_TO_ACT.match(asked.group(0)) and HELP.match(service.group(0)):
            return Ask(clause, asked.group(0).strip(), service.group(0))
        if service and (benefit or favour_returned or service.group(0)[0].isdigit()):
            return Ask(clause, asked.group(0).strip(), service.group(0))
        if service and re.search(r"minutes|your time|favou?r", service.group(0)):
            return Ask(clause, asked.group(0).strip(), service.group(0))
        # The writer's gap filled by them: "we're short a speaker for Friday, can you do it?".
        stand_in = STAND_IN.search(rest)
        if stand_in and for_writer and ASKING_TO_ACT.match(asked.group(0)):
            return Ask(clause, asked.group(0).strip(), stand_in.group(0))
        # Their network put to work, for whatever: "could you share the ad with your network".
        network = NETWORK.search(rest) or (
            (for_writer or WRITERS_NEED.search(clause)) and KNOWS_SOMEONE.search(rest)
        )
        if network:
            return Ask(clause, asked.group(0).strip(), network.group(0))
        # "My cousin runs a haulage firm. Would you be open to me sending you his details?":
        # whatever is asked, it is asked on behalf of someone of the writer's (issue 10).
        person = THIRD_PARTY.search(rest) if for_someone else None
        if for_someone and re.match(r"any chance (?:he|she|they|my \w+)$", asked.group(0)):
            return Ask(clause, asked.group(0).strip(), asked.group(0).split(" ", 2)[2])
        if person and not ABOUT_THEM.search(rest):
            return Ask(clause, asked.group(0).strip(), person.group(0))
        # "Could you do this for me?": whatever the verb, it is done for the writer.
        done_for = FOR_THE_WRITER.search(rest)
        if done_for:
            return Ask(clause, asked.group(0).strip(), done_for.group(0))
        # "Would you be willing to speak at our chamber's breakfast?": whatever the verb, their
        # effort goes to something of the writer's, unless they are asked to come, meet or tell.
        acting = rest[asked.end() - asked.start() :]
        thing = WRITERS_THING.search(acting)
        before = acting[: thing.start()] if thing else acting
        generous = GENEROUS_ACT.search(before) or HOSPITALITY.search(acting)
        if (
            thing
            and not generous
            and not ABOUT_THEM.search(rest)
            and ASKING_TO_ACT.match(asked.group(0))
        ):
            return Ask(clause, asked.group(0).strip(), thing.group(0))
    return request_for_writer(sentence)


# --- a request for the writer, in any frame (issue 10, fourth round) -------------------------

# Any way of asking: the reader as doer ("could you", "do you have time to"), the writer asking
# leave ("can I send you", "would it be okay if I", "shall I"), the writer's hope or wish about
# the reader's act ("hoping you can", "I'd appreciate it if you", "I'd love to get you on"), and
# the imperatives of a request ("please consider", "feel free to pass", "know anyone?").
REQUEST_FRAME = re.compile(
    r"(?<![\w'])(?:(?:could|can|would|will) you|do you have (?:time|a (?:minute|moment))"
    r"|are you (?:able|willing|open)|(?:can|could|may|might) (?:i|we)|shall (?:i|we)"
    r"|would it be (?:ok|okay|alright|all right|possible|fine) (?:if|for)"
    r"|(?:i was |i'm |i am |we're |we are |)hoping (?:you|that you)"
    r"|(?:i'd|i would|we'd|we would) (?:really |so |very much )?(?:love|like|appreciate|be"
    r" (?:grateful|honou?red|thrilled|glad)) (?:it )?(?:if you|for you to|to get you|to have you"
    r"|you to)"
    r"|it(?:'d| would) (?:be (?:great|amazing|wonderful|fantastic|lovely|helpful|brilliant)|mean"
    r" (?:a lot|so much|the world)|help (?:a lot|so much)) if you"
    r"|please|feel free to|(?:do )?let me know if (?:you|your)|wonder(?:ed|ing)? (?:if|whether)"
    r"|(?:do you |you )?know (?:anyone"
    r"|anybody|someone|somebody)|in exchange for)(?![\w'])"
)
# What serves the writer's side: their things, themselves as the object, their business.
FOR_THE_WRITERS_SIDE = re.compile(
    r"(?<![\w'])(?:(?:my|our) (?:[\w-]+ ){0,2}?(?:deck|cv|resume|r\u00e9sum\u00e9|application"
    r"|post|posts|book|product|products|portfolio|proposal|career|visa|startup|start-up|company"
    r"|business|website|site|app|draft|paper|article|project|services|course|round|fund|idea"
    r"|pitch|fundraiser|podcast|channel|newsletter|campaign|petition|profile|thesis|novel|album"
    r"|film|shop|store|restaurant|brand|agency|firm|work|script|details|number|offer|platform"
    r"|tool|solution|event|launch|grant|bid|case|request|cause)s?"
    r"|(?:for|forward|recommend|vouch for|put|mentor|hire|back|fund"
    r"|sponsor|consider|introduce|refer|endorse) (?:me|us)|(?:listed|list|name|named|use|used)"
    r" you as (?:a |my )?reference|proposal|demo|partnership|collaborat\w*|work with you"
    r"|(?:needs?|need) (?:an? |any |some )?[\w-]+ (?:help|services?|designer|developer"
    r"|photographer|consultant|writer|translator|accountant)|i'm available|we're available"
    r"|\d+ minutes of your time|your time|co-?founder|investors?|invest(?:ing)? in"
    # Someone of the writer's put in touch with them: "can I have my nephew reach out to you?"
    r"|(?:have|let|get) (?:him|her|them|my \w+) (?:reach out|get in touch|contact|call|email"
    r"|message|write to))(?![\w'])"
)
# ... unless they are only asked to come, meet, see or tell, or offered something.
HOSPITALITY = re.compile(
    r"(?<![\w'])(?:join|come|visit|meet|see (?:you|the|your)|stay|grab|catch up|celebrate"
    r"|tell|say|hear|introduce you|send you (?:the|some|a few) (?:photos?|pictures?|pics|link)"
    r"|share (?:the|some) (?:photos?|pictures?|pics|recording|slides)"
    # Greetings passed on: "please greet the family for me", "give my love to Ama".
    r"|bring|brought|bringing|greet|say (?:hi|hello)|give (?:them )?my (?:love|regards|best)"
    r"|send (?:them )?my (?:love|regards|best|wishes)|hug)(?![\w'])"
)
BUSINESS = re.compile(r"(?<![\w'])(?:proposal|demo|partnership|pitch|deal|contract)(?![\w'])")


def request_for_writer(sentence: str) -> Ask | None:
    """A request, in any frame, whose content serves the writer's side (rule N6): "Can I send
    you my deck?", "Would it be okay if I listed you as a reference?", "Please consider my
    application", "I'm looking for a co-founder, know anyone?". Asking them to come, meet, see
    or tell is no ask, unless the meeting is for the writer's business ("see a demo")."""
    for frame in REQUEST_FRAME.finditer(sentence):
        rest = sentence[frame.start() :]
        if frame.group(0).endswith(
            ("know anyone", "know anybody", "know someone", "know somebody")
        ):
            rest = sentence  # the need is said before the frame
        serving = FOR_THE_WRITERS_SIDE.search(rest)
        if serving is None:
            continue
        after = sentence[frame.end() :]
        generous = HOSPITALITY.search(rest, 0, serving.start()) or ABOUT_THEM.search(after)
        if generous and not BUSINESS.search(rest):
            continue
        return Ask(sentence, frame.group(0), serving.group(0))
    return None


def commerce_in(sentence: str) -> str | None:
    """The writer's wares offered to the reader ("our price list", "very good prices")."""
    found = WRITER_COMMERCE.search(sentence) or FIRM_SELLING.search(sentence)
    if found:
        return found.group(0)
    need = READERS_NEED.search(sentence)
    if need and need.group("role") not in NOT_A_ROLE and WRITER_AVAILABLE.search(sentence):
        return need.group(0)
    return None


# --- the name they are greeted by -----------------------------------------------------------

GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|greetings|caro|cara"
    r"|querid[oa]|hola|ciao|salut|bonjour|hallo|namaste|salaam|shalom|kia ora|sawubona)"
    r"[ ,]+(?:(?:dr|mr|mrs|ms|mx|prof|professor|doctor|sir|madam|auntie|uncle)\.?\s+)?"
    r"(?P<name>[^\W\d_][\w'\u2019-]*)",
    re.IGNORECASE,
)
GREETING_TAIL = re.compile(r"(?:\.?[ \t]+[A-Z][\w'\u2019-]*){1,2}")
_NOT_NAME_TEXT = """there all everyone team folks friend friends you guys colleague colleagues
    again and both everybody"""
# Honorifics and forms of address people greet by in many languages: "Hi Sensei", "Dear Sir";
# a name after one ("Hi Mbak Siti") is the name greeted.
_HONORIFIC_TEXT = """sir madam maam boss chef chief doc coach captain sister brother bro
    sis aunty auntie uncle mama papa senor senora senhor senhora dona don herr frau monsieur
    madame mme mlle signore signora sr sra srta pak bu ibu bapak mbak mas kak abang bhai bhaiya
    didi ji sahib saab alhaji alhaja mallam oga hajia sheikh ustaz hyung noona oppa unnie sunbae
    sensei san sama amigo amiga habibi habibti mate buddy pal engr prof dr mr mrs ms mx"""
HONORIFICS = frozenset(_HONORIFIC_TEXT.split())
NOT_NAMES = frozenset(_NOT_NAME_TEXT.split()) | HONORIFICS
TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "doctor", "sir", "madam"})
# Short forms that share no letters' start with the full name.
DIMINUTIVES = {
    "bob": "robert", "rob": "robert", "bobby": "robert", "bill": "william", "will": "william",
    "liam": "william", "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth",
    "lisa": "elizabeth", "kate": "katherine", "katie": "katherine", "kathy": "katherine",
    "jim": "james", "jimmy": "james", "jack": "john", "johnny": "john", "dick": "richard",
    "rick": "richard", "peggy": "margaret", "maggie": "margaret", "meg": "margaret",
    "sasha": "alexander", "sandy": "alexandra", "ted": "edward", "ned": "edward",
    "chuck": "charles", "hank": "henry", "harry": "henry", "polly": "mary", "molly": "mary",
    "tony": "anthony", "sally": "sarah", "nancy": "ann", "jenny": "jennifer", "kasia": "katarzyna",
    "gosia": "malgorzata", "pepe": "jose", "paco": "francisco", "lupe": "guadalupe",
    "mike": "michael", "mick": "michael", "mikey": "michael", "dave": "david", "davy": "david",
    "steve": "stephen", "andy": "andrew", "drew": "andrew", "jerry": "gerald", "gerry": "gerald",
    "larry": "lawrence", "terry": "terence", "becky": "rebecca", "becca": "rebecca",
    "peg": "margaret", "greta": "margaret", "hal": "henry", "jeff": "geoffrey", "dot": "dorothy",
    "trish": "patricia", "tricia": "patricia", "patsy": "patricia", "sue": "susan",
    "misha": "mikhail", "dima": "dmitry", "kolya": "nikolai", "vanya": "ivan", "sveta": "svetlana",
    "lena": "elena", "tanya": "tatiana", "nastya": "anastasia", "zhenya": "evgeny",
    "pasha": "pavel", "sasza": "aleksander", "chema": "jose", "nacho": "ignacio",
    "lola": "dolores", "charo": "rosario", "fede": "federico", "beppe": "giuseppe",
    "gigi": "luigi", "sepp": "josef", "hans": "johannes", "bram": "abraham",
    # Names clipped from the front, greeted in full (issue 10, fifth round): "Christopher" to Chris.
    "chris": "christopher", "alex": "alexander", "sam": "samuel", "ben": "benjamin",
    "dan": "daniel", "matt": "matthew", "nick": "nicholas", "tom": "thomas", "jen": "jennifer",
    "fred": "frederick", "max": "maximilian", "vic": "victoria", "kat": "katarzyna",
}  # fmt: skip
PET_FORM_MAX = 4  # "Bia", "Tere": short forms people are called by


def folded(name: str) -> str:
    """Lower case without accents, so "José" meets "Jose"."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("\u2019", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def greeted_name(text: str) -> str | None:
    """The name right after an opening greeting ("Hi Maria,"), as written, or None."""
    found = GREETING.match(text)
    if not found:
        return None
    name = found.group("name")
    if name.lower() in HONORIFICS:
        after = GREETING_TAIL.match(text, found.end())
        return after.group(0).split()[0].strip(".") if after else None
    if name.lower() in NOT_NAMES or not name[0].isupper():
        return None
    return name


# The name called at the end of the opening sentence: "Thanks for accepting, Tunde!",
# "Congratulations on the move, Seun." A capital after a comma inside a sentence is a name.
VOCATIVE = re.compile(r"^[^.!?\n]{3,120}?,\s+(?P<name>[A-Z][^\W\d_]*[\w'\u2019-]*)\s*[!.?]")
# The comma is often left out after thanks or congratulations: "Thanks for accepting Harjeet!"
# (issue 10, sixth round). Only these openings, so "great to meet you at Collision!" names none.
BARE_VOCATIVE = re.compile(
    r"^(?:many |big |huge )?(?:thanks|thank you|congrats|congratulations|welcome)"
    r"(?: (?:so much|for (?:accepting|connecting|the (?:add|invite|connection))))?"
    r"\s+(?P<name>[A-Z][^\W\d_]*[\w'\u2019-]*)\s*[!.?]",
    re.IGNORECASE,
)


def called_name(text: str, about: str | None = None) -> str | None:
    """The name called at the end of the first sentence, as written, or None. A word of the
    record ("..., Lagos!" when the update names Lagos) is no name."""
    found = VOCATIVE.match(text.strip()) or BARE_VOCATIVE.match(text.strip())
    if not found or not found.group("name")[0].isupper():
        return None
    name = found.group("name")
    if name.lower() in NOT_NAMES | TITLES or (about and name.lower() in about.lower()):
        return None
    return name


PET_FORM_CORE = 3
NAME_EXTENSION_MAX = 2
PET_FORM_LONGEST = 6


def sounded(name: str) -> str:
    """The name as it sounds, roughly: "c" before a, o, u and "ch" as "k", "ph" as "f"."""
    return re.sub(r"c(?=[aou])|ch", "k", name).replace("ph", "f")


def same_person(greeted: str, to: str) -> bool:
    """Whether the greeting's name can be the recipient's: one of their names, a short form or
    a part of one ("Ben" for Benjamin, "Seun" for Oluwaseun), a common diminutive, or a typo."""
    name = folded(greeted).strip("'")
    parts = [folded(part) for part in re.findall(r"[^\W\d_][\w'\u2019-]*", to)]
    for part in parts:
        if not part:
            continue
        if part.startswith(name) or name in part:
            return True
        if name.startswith(part):
            # A longer name that begins with theirs is another person's ("Priyanka" to Priya),
            # unless it is their pet name's full form ("Christopher" to Chris), an honorific
            # joined to it or a letter or two longer ("Anna" to Ann).
            extension = name[len(part) :]
            if (
                len(extension) <= NAME_EXTENSION_MAX
                or extension[0] in "-'"  # "Kobayashi-san", "Sharma-ji": an honorific
                or DIMINUTIVES.get(part) == name
            ):
                return True
            continue
        # Their name misspelt ("Dorotha" to Dorota, "Adowa" to Adwoa) is no longer forgiven as a
        # typo: proof-reading starts with the name (rule N3, issue 10, sixth round).
        if DIMINUTIVES.get(name) == part:
            return True
        # A pet form made of the name's own letters ("Bia" for Beatriz, "Xan" for Alexandra
        # fails, "Tere" for Teresa passes): same first letter, nothing foreign to the name.
        if len(name) <= PET_FORM_MAX and name[0] == part[0] and set(name) <= set(part):
            return True
        # A pet form cut from inside the name, as it sounds: "Kate" for Catherine, "Katya" for
        # Ekaterina, "Lexi" for Alexandra, "Nikos" for Nikolaos, "Toks" for Tokunbo.
        if (
            len(name) < len(part)
            and len(name) <= PET_FORM_LONGEST
            and sounded(name)[:PET_FORM_CORE] in sounded(part)
        ):
            return True
    # Initials of their names in a row: "JP" for Juan Pablo, "AJ" for Ana Julia.
    initials = "".join(part[0] for part in parts if part)
    letters = re.sub(r"[^a-z]", "", name)
    return 2 <= len(letters) <= 3 and letters == name.replace(".", "") and letters in initials


def wrong_name(text: str, to: str | None, about: str | None = None) -> str | None:
    """The greeted name, or the name called at the end of the opening sentence, when it cannot
    be the recipient's (rule N3: addressed to someone else)."""
    if not to:
        return None
    greeted = greeted_name(text) or called_name(text, about)
    if greeted is None or same_person(greeted, to):
        return None
    # An honorific of another language goes before the name ("Hi Mbak Siti", "Dear Pak Budi",
    # "Hola Don Ernesto"): any capitalised word of the greeting may be theirs.
    tail = GREETING_TAIL.match(text[text.find(greeted) + len(greeted) :])
    if tail and any(same_person(word, to) for word in tail.group(0).split()):
        return None
    return greeted


# --- a pitch put as interest (issue 10, fifth round) ------------------------------------------

# What they seek or take on, asked about: "What kinds of manuscripts are you looking for?"
SEEKING = re.compile(
    r"(?<![\w'])(?:are|is) (?:you|your (?:[\w-]+ )?(?:team|firm|house|list|fund|company))"
    r" (?:currently |still |now )?(?:looking for|acquiring|buying|commissioning|signing|hiring"
    r"|taking on|investing in|accepting|after)(?![\w'])"
)
# ... beside the writer's own work of that kind: "I've just finished my first novel".
WRITERS_OWN_WORK = re.compile(
    r"(?<![\w'])(?:i've|i have|i|we've|we have|we) (?:just |recently |finally |also )?(?:finished"
    r"|completed|written|wrote|built|made|launched|released|developed|designed|produced|recorded"
    r"|have|got) (?:my|our|a|an) (?:[\w-]+ ){0,2}?(?:novel|book|manuscript|memoir|script"
    r"|screenplay|album|film|portfolio|product|app|prototype|startup|collection|range|design"
    r"|pitch|deck|proposal|course|cookbook|thesis)s?(?![\w'])"
)


def pitch_as_interest(sentences: list[str], index: int) -> str | None:
    """A question about what they seek or take on, with the writer's own work of that kind in
    the same sentence or the next: the question is the pitch's opening, not interest in them
    (rule N6)."""
    asked = SEEKING.search(sentences[index])
    if asked is None:
        return None
    beside = " ".join(sentences[index : index + 2])
    own = WRITERS_OWN_WORK.search(beside)
    return f"{asked.group(0)} \u2026 {own.group(0)}" if own else None


# --- a name of the record swapped for another (issue 10, sixth round) -------------------------

TOKEN = re.compile(r"[^\W_][\w'\u2019&-]*|[^\w\s'\u2019&-]+")
SLOT_WORD_MIN = 3  # "startup", "Summit": a word that names the slot, not "at" or "the"


def tokens(text: str) -> list[str]:
    """Words and breaks ("," "." "(" …) in order; a break keeps two names from being neighbours."""
    return [word if word[0].isalnum() else "|" for word in TOKEN.findall(text)]


def same_word(one: str, other: str) -> bool:
    """Folded, and one a prefix of the other ("Kraków" and "Krakow", "Fest" and "Festival",
    "Arup" and "Arup's"), or its letters in order, from the first ("Ops" for "Operations")."""
    return same_folded(folded(one).strip("'"), folded(other).strip("'"))


def same_folded(one: str, other: str) -> bool:
    short, long = sorted((one, other), key=len)
    if not short or short[0] != long[0]:
        return False
    rest = iter(long)
    return long.startswith(short) or all(letter in rest for letter in short)


def swapped_name(text: str, about: str | None, to: str | None) -> tuple[str, str] | None:
    """A capitalised name of the note standing where the record has another one, in the same
    words: "Head of Data at Zomato" when the record says "Head of Data at Swiggy", "the Seoul
    startup festival" for the "Busan startup festival", "Web Summit" for "RD Summit". Returns
    (written, recorded), or None. Only a record's name that the note leaves out counts, so
    "from Swiggy to Zomato" names both and passes; acronyms may shorten the record's names
    ("LUTH"), so they are left alone (rule N3: proof-read the facts)."""
    if not about:
        return None
    note, record = tokens(text), tokens(about)
    # The record's names the note leaves out, found once: the note's words are many.
    written = {folded(word).strip("'") for word in note if word != "|"}
    missing = [
        spot
        for spot, name in enumerate(record)
        if is_name(record, spot, in_record=True)
        and not any(same_folded(folded(name).strip("'"), other) for other in written)
    ]
    if not missing:
        return None
    others = [word for word in record + tokens(to or "") if word != "|"]
    for index, word in enumerate(note):
        if not is_name(note, index) or any(same_word(word, other) for other in others):
            continue
        for spot in missing:
            if same_slot(note, index, record, spot):
                return word, record[spot]
    return None


def is_name(words: list[str], index: int, *, in_record: bool = False) -> bool:
    """A capitalised word inside a sentence, not "I'm"; in the note, not an acronym either (it
    may shorten the record's name); a record's first word counts."""
    word = words[index]
    if len(word) < 2 or not word[0].isupper() or folded(word).split("'")[0] == "i":
        return False
    if in_record:
        return True
    return not word.isupper() and index > 0 and words[index - 1] != "|"


def same_slot(note: list[str], index: int, record: list[str], spot: int) -> bool:
    """The words around two names are the same and say which name belongs there: the next one
    or two ("… Summit", "… startup festival"), or the two before ("Data at …"), with a name
    among them or two real words. "a bakery in Headingley" for one "in Leeds" may be the same
    place, nearer."""
    after = shared_run(note[index + 1 : index + 3], record[spot + 1 : spot + 3])
    before = shared_run(
        note[max(0, index - 2) : index][::-1], record[max(0, spot - 2) : spot][::-1]
    )
    return any(telling(run) for run in (after, before))


def shared_run(one: list[str], other: list[str]) -> list[tuple[str, str]]:
    run = []
    for mine, theirs in zip(one, other, strict=False):
        if mine == "|" or mine.lower() != theirs.lower():
            break
        run.append((mine, theirs))
    return run


def telling(run: list[tuple[str, str]]) -> bool:
    if any(mine[0].isupper() and theirs[0].isupper() for mine, theirs in run):
        return True
    return sum(len(mine) >= SLOT_WORD_MIN for mine, _ in run) >= 2
