"""The phrases the coach looks for, grouped by the rule they serve.

Each group is one compiled pattern over the note in lower case with plain apostrophes. The
phrases are ours, written from the method's rules; extend a group rather than adding a check.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


def phrases(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any of the alternatives as whole words."""
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w'])")


# rule N8: something they told the writer last time, recalled: "the boat you were talking
# about", "last time you said", "you mentioned".
THEIR_WORDS_RECALLED = phrases(
    r"(?:the|that|those|your) [\w -]{1,40}? you (?:were |had been )?(?:talking about|telling me"
    r" about|mentioned|described|showed me|planning|dreaming of|thinking (?:about|of))",
    r"(?:last time|when we (?:last )?(?:spoke|talked)),? you (?:said|mentioned|told me|were)",
    r"you (?:mentioned|told me|said) (?:that |you )?(?:you |you'd |you were )?",
)
# rule N2: the writer talking about themselves. "we/our" is shared, so it is not counted.
FIRST_PERSON = phrases(
    r"i", r"me", r"my", r"mine", r"myself", r"i'm", r"i've", r"i'll", r"i'd", r"im"
)
SECOND_PERSON = phrases(
    r"you", r"your", r"yours", r"yourself", r"you're", r"you've", r"you'll", r"you'd", r"u", r"ur"
)
# rule N2: "we" and "our" that leave the reader out are the writer's side ("we're renovating",
# "our company supplies"); they count as self-talk in a sentence that has no "you" in it.
EXCLUSIVE_WE = phrases(r"we", r"we're", r"we've", r"we'll", r"we'd", r"our", r"ours", r"us")
# ... unless the sentence recalls something both did, or proposes something for both.
INCLUSIVE_WE = phrases(
    r"let's",
    r"let us",
    r"(?:shall|should|could|can|must|might) we",
    r"we (?:should|could|must|might|can|'ll have to|will have to)",
    r"we(?:'ve| have)? (?:both|all|never|not)",
    r"(?:both|each) of us",
    r"(?:us|we) (?:two|both)",
    r"together",
    r"our (?:old|former|shared|first|last|whole|chat|talk|conversation|call|class|cohort|crew"
    r"|gang|friends?|mutual)",
    r"our (?:[\w-]+ ){0,2}(?:days|time|years|summer|trip|stint|paper|project|study)",
    r"we (?:met|worked|studied|ran|did|were|had|spent|shared|used to|went|played|sat|volunteered"
    r"|organi[sz]ed|built|co-\w+|served|sailed|trained|interned|taught|hiked|survived|lived)",
)
# The writer's own firm or household, of which "we" then speaks: "my own firm", "our startup".
WRITERS_FIRM = phrases(
    r"(?:my|our) (?:own )?(?:[\w-]+ ){0,2}(?:company|firm|startup|business|agency|studio|shop"
    r"|practice|consultancy|lab|team|clinic|restaurant|cafe|café|store)",
)
# A report from the writer's end: "things have been mad here", "crazy few months here".
FROM_HERE = phrases(
    r"(?:^|(?<=, )|(?<=\. ))been (?:so |super |really |very |crazy |insanely )?(?:busy|crazy"
    r"|hectic|mad"
    r"|swamped|slammed|flat out|run off my feet|chaotic)",
    r"(?:busy|crazy|hectic|mad|swamped|chaotic|quiet) (?:here|on my end|at my end|over here)",
    r"(?:news|update|updates|greetings) from (?:this end|my end|my side|me|here|our end)",
    r"(?:things|life|it|all|everything)(?:'s| has| have|'ve)? been \w+ (?:here|on my end|at my end"
    r"|on my side|over here|for me)",
    r"(?:things|life) (?:here|on my end|at my end|over here)",
    r"\w+ (?:few )?(?:weeks|months|year|days|time) (?:here|on my end|for me)",
)
# rule N2: the writer's news with the "I" left out, as people text: "Got married, changed jobs,
# moved to Porto." Each such clause is one more about the writer (in a sentence without "you").
ELIDED_SELF = re.compile(
    r"^(?:and |then |also |oh,? )?(?:just |finally |also |recently |since then |then )?(?:got|went"
    r"|moved|started|changed|quit|left|sold|bought|joined|finished|took|made|launched|opened"
    r"|closed|married|switched|became|began|had|ran|did|built|found|lost|signed|hired|raised"
    r"|published|passed|graduated|retired|relocated|landed|won|spent|turned|took up|set up)\b"
    r"(?! (?:ages|a while|too long|forever|so long|years|you|your))"
)
# rule N2: what keeps the writer busy, listed: "busy with the new store and the kids and my dad
# being sick" is three things about the writer.
BUSY_WITH = re.compile(
    r"(?:busy|swamped|flat out|run off my feet|snowed under|tied up|buried) (?:here )?with"
    r" ([^.!?;]+)"
)
# rule N2: a sentence that credits them or what they shared is about them, whoever is its
# subject: "I planted my first taro after our talk", "I took up walking, like you advised".
CREDIT = phrases(
    r"(?:after|since|because of|thanks to) (?:our|your) (?:talk|chat|conversation|call|advice"
    r"|tip|tips|suggestion|workshop|class|course|lesson|post|talk|book|example|story|session)",
    r"(?:like|as) you (?:always )?(?:said|advised|suggested|told me|taught me|recommended"
    r"|showed me)",
    r"thanks to you",
    r"because of you",
    # The writer's own story told to share their feeling: "I moved myself last year, so I know
    # how exciting that first month is".
    r"(?:so|and|because|which is why) i (?:know|remember|understand) (?:how|what|exactly|just how"
    r"|the feeling)",
    r"i know the feeling",
    r"you inspired",
    r"(?:inspired|encouraged|prompted|convinced) by (?:you|your|our)",
)

# First-person frames that point at the recipient ("I'd love to hear ...") are not self-talk.
ATTENTIVE_FRAMES = phrases(
    r"i(?:'d| would)(?: (?:really|very much|so|truly|genuinely|much|very))*"
    r" (?:love|like|be glad|be happy|be curious) to (?:hear|know|learn|read)",
    r"i(?:'m| am) (?:so |really |very )?(?:curious|glad|happy|delighted|thrilled|excited) "
    r"(?:to (?:see|hear|read|learn)|about|for you|how|what|that you)",
    r"i (?:was|am) (?:so |really |very )?(?:glad|happy|delighted|thrilled|excited|pleased) "
    r"(?:to (?:see|hear|read|learn)|for you)",
    r"i (?:just )?(?:saw|noticed|read|heard|spotted|see)",
    r"i (?:really )?(?:enjoyed|loved|liked) (?:your|reading|hearing|seeing|watching|working)",
    r"i (?:hope|wonder|remember|still think of|keep thinking about)",
    r"(?:made|makes|got|gets) me (?:smile|think)",
    r"let me know",
    r"tell me",
    r"fill me in",
    r"keep me posted",
    r"(?:send|show) me",  # "send me a photo", "show me the new kitchen": about them
    r"i'd love to",
    r"i (?:want|need|can't wait) to hear",
)

# rule N2: a clause whose subject is the writer and whose verb is about what the writer wants
# ("I'm looking for", "we're selling") weighs more than a passing "I".
SELF_SERVING = phrases(
    r"(?:i|i'm|i am|i've been|i was|i'd|i would|we|we're|we are|we've been)"
    r" (?:\w+ )?(?:(?:and|&) )?(?:(?:want|need)(?:ed)? (?:help|some help|to find|to get"
    r"|to land|to sell|to grow|to hire|to pitch)|looking|seeking|searching|applying"
    r"|hoping to (?:find|get|land|join|sell|move|break|switch)|selling|offering|launching"
    r"|job[ -]hunting|pitching|between jobs|out of work|on the market|open to (?:new )?(?:roles"
    r"|opportunities|offers)"
    r"|raising|hiring for my|trying to (?:find|get|land|sell|grow))",
)

# rule N2: asking them to show what they have made or where they are, in a picture or a visit.
SHARE_WITH_ME = (
    r"(?:send|show|share with) me (?:a |some |the |your |more )?(?:[\w-]+ )?(?:photos?"
    r"|pictures?|pics?|snaps?|snapshots?|videos?|clips?|shots?)"
    r"|show me (?:around|the|your|what|how)"
)

# rule N2: a closing question may be a request without a question mark.
REQUEST_TO_HEAR = phrases(
    r"(?:i'd|i would|would)(?: (?:really|very much|so|truly|genuinely|much|very))*"
    r" (?:love|like|enjoy|be glad|be happy) to (?:hear|know|learn|read)",
    # A wish with the writer left out, as people text: "want to hear everything about it",
    # "keen to hear what you're building".
    r"(?:want|wanna|keen|dying|eager|excited|itching|can't wait|cannot wait|looking forward"
    r"|waiting|look forward)"
    r" to (?:hear|know|learn|see|hearing|knowing|learning|seeing) (?:\w+ ){0,2}?(?:about|how"
    r"|what|where|who|which|everything|all|more|your|the|from you|what's|how's|where's|who's)",
    r"(?:i'm|i am) (?:really |so )?curious",
    r"curious (?:to (?:hear|know|learn)|how|what|about)",
    # Imperatives ask to hear about them too, with a word or two between ("tell me also how").
    r"(?:let me know|tell me|fill me in(?: on)?|do share|share|update me(?: on)?)"
    r"(?: (?:also|too|a bit|a little|more|again|honestly|please|sometime|when you can),?)?"
    r" (?:how|what|about|more|where|when|who|which|whether|why|all about|your|who's|what's"
    r"|how's|where's|everything|all(?: of it)?(?=[\s.!]|$))",
    # A wish to hear their news put as a condition: "let me know if there's anything new with
    # you" (not "let me know if you need anything", an offer).
    r"(?:let me know|tell me|keep me posted|fill me in)(?: (?:if|whether|when)) (?:there's|there"
    r" is|you have|you've got|you've|anything|something) (?:\w+ ){0,2}?(?:new|news|changes"
    r"|changed|happening|exciting|happened)",
    # Asking them to show their news: "send me a photo of the lodge", "show me the garden".
    SHARE_WITH_ME,
    r"hear (?:what|how|about|more|where|who|your)",
    r"(?:keen|eager|dying|itching|curious|ready) (?:for|to get) (?:all )?(?:the |your )?(?:details"
    r"|news|update|updates|scoop|story|stories|lowdown|gossip)",
    r"write (?:me|to me|back) (?:how|what|about|with)",
    # "Drop me a line about how it's going", "share some pics of the new office".
    r"(?:drop|send|shoot) me (?:a line|a note|a message|an email|a text)(?: (?:\w+ ){0,3}?(?:about"
    r"|how|what|when|with))?",
    r"share (?:some |a few |a couple of )?(?:pics|photos|pictures|snaps)",
    r"tell me (?:your|all|everything)",
    r"know (?:what|how) you",
    r"keep me posted",
    r"(?:love|like) to hear",
    r"i wonder (?:how|what|whether|if)",
    r"hope to hear",
    r"tell me more",
    r"would you (?:like|be up for|fancy|have time)",
    r"i (?:want|need|can't wait) to hear (?:every|all|everything|more|about|how|what|the)",
)

# rule N4 (a): a concrete experience the two of them shared.
SHARED_EXPERIENCE = phrases(
    r"we (?:met|worked|spoke|talked|chatted|sat|shared|collaborated|were both|both|ran|built|"
    r"shipped|led|organi[sz]ed|studied|taught|presented|co-?hosted|volunteered|paired|hiked|"
    r"planned|launched|wrote|did)",
    r"worked together",
    r"working (?:together|with you|alongside you)",
    r"(?:met|meeting|seeing|hearing) you",
    r"our (?:chat|conversation|talk|panel|workshop|session|keynote|presentation|project"
    r"|time|days|years|team|stint|sprint|collaboration|call|exchange|discussion|course|class"
    r"|cohort|hackathon|offsite)",
    # Their own talk or post, heard by the writer, is theirs, not shared ("I loved your talk").
    r"your (?:chat|conversation|project|team|stint|sprint|collaboration|call|exchange"
    r"|discussion|course|class|cohort|hackathon|offsite|workshop)",
    r"at the (?:conference|meetup|workshop|summit|offsite|hackathon|event|fair|dinner|retreat"
    r"|bootcamp|course|training)",
    r"back (?:at|in|when)",
    r"when we",
    r"together (?:on|at|in)",
    r"same (?:team|project|panel|table|course|class|cohort|floor|office)",
    r"you (?:helped|mentored|taught|showed|gave|reviewed|coached|hired|interviewed|trained|"
    r"onboarded|introduced)",
    r"(?:my|your) (?:mentor|manager|colleague|teammate|co-?founder|classmate|lead)",
)

# rule N3: recalling where the two met ("great meeting you at the Oslo summit"): it must be
# the meeting on record.
MEETING_RECALL = phrases(
    r"(?:meeting|met|seeing|saw|meet) you (?:at|in|during|on)",
    r"we (?:first )?met (?:at|in|during|on)",
    r"when we (?:first )?met",
    r"(?:great|good|lovely|nice|wonderful) to (?:meet|see) you (?:at|in|during)",
)
# ... when the record says where they met or worked.
MET_ON_RECORD = phrases(
    r"met",
    r"worked",
    r"studied",
    r"served",
    r"interned",
    r"volunteered",
    r"sailed",
    r"trained",
    r"together",
    r"co-\w+",
)

# rule N4, N10: saying the two never met denies any shared experience, whatever else it recalls.
# ... and so does a record that says so: "no prior contact; watched his keynotes online" (N10).
RECORD_NEVER_MET = phrases(
    r"no (?:prior |previous |earlier |real |personal )?(?:contact|connection|interaction|meeting)",
    r"never (?:met|spoken|spoke|talked|worked together|been in touch)",
    r"(?:a |complete |total )?strangers?",
)
NEVER_MET = phrases(
    r"(?:we've|we have|we|i've|i have) (?:never|not|not yet|never actually) (?:met|spoken|talked"
    r"|worked together|crossed paths)",
    r"(?:haven't|have not|hadn't|didn't|did not) (?:\w+ )?(?:met|spoken|talked|worked together)",
    r"(?:don't|do not) (?:know each other|know you personally)",
    r"(?:a|an|complete|total) stranger",
    r"you (?:don't|do not|won't|wouldn't|probably don't) (?:know|remember) me",
)

# rule N4 (b): a question about what they do now and how they like it.
INQUIRY_NOW = phrases(
    r"what (?:are|have) you (?:been )?(?:working on|doing|up to|building|focused on|focusing on)",
    r"what(?:'s| is) (?:keeping you busy|next|new with you|on your plate|taking up your time)",
    r"what (?:do|did) you (?:do|end up doing)",
    r"how (?:are|is|do|have) (?:you|things|life|the|your|work)",
    r"how(?:'s| is) (?:it|life|work|everything|the|your|things)",
    r"how(?:'re| are) you",
    r"(?:are you|you're|you are) (?:enjoying|liking|finding)",
    r"(?:do you|are you) (?:still|now)",
    r"where (?:are you|did you end up)",
    r"(?:love|like) to hear (?:what|how|about)",
    r"curious (?:what|how|about)",
    r"what you(?:'re| are) (?:working on|doing|up to|building)",
    r"how you(?:'re| are) (?:doing|finding|getting on|enjoying|liking)",
    r"how you like",
)

# rule N5: tea, coffee, a drink or a meal in the languages notes borrow from ("Çay soon?",
# "fika next week?"). Spelling accepts these words too.
GET_TOGETHER_WORDS = word_set(
    """çay chai chá cha té thé tè kaffee kahve café caffè cafezinho cafecito kopi koffie kaffe
    kaffi kawa fika mate apéro apero aperitivo aperitif borrel cerveza birra bier piwo sake soju
    almuerzo comida déjeuner dîner mittagessen abendessen pranzo cena merienda tapas iftar meze
    mezze"""
)

# rule N5: a follow-up proposes to catch up, in person or by email.
CATCH_UP = phrases(
    # A plan to meet, whatever is eaten or drunk: "we should grab suya when I'm back in Lagos".
    r"(?:let's|we should|shall we|could we|we could|we must|let us) (?:\w+ )?(?:grab|get|have"
    r"|go for|meet|catch|hang|see each other)",
    r"coffees?",
    r"(?:a |quick |short |video |phone |zoom |teams )?call",
    r"lunch",
    r"breakfast",
    r"drinks?",
    r"beers?",
    r"tea",
    r"catch[ -]?up",
    r"meet(?:ing)?(?: up)?",
    r"get together",
    r"(?:video |quick |proper )?chat",
    r"zoom",
    r"phone",
    r"e-?mail",
    r"write (?:to )?(?:me|you|back)",
    r"a walk",
    r"see you",
    r"(?:in|by) person",
    r"pints?",
    r"a drink",
    r"dinner",
    r"hang out",
    r"visit",
    r"video",
    r"swap (?:notes|stories)",
    r"compare notes",
    r"brunch",
    r"(?:grab|get) (?:a bite|food|something to eat)",
    r"dim sum",
    r"cuppa",
    r"brew",
    r"natter",
    r"bevvy",
    r"(?:grab|get) (?:a )?(?:bite|food|something)",
    r"yum cha",
    *sorted(GET_TOGETHER_WORDS),
)

# "Great to see you here", "nice to see you at the fair": glad to see them now, not a plan to.
SEEN_NOW = re.compile(
    r"(?<!would be )(?<!'d be )(?<!will be )(?<!'ll be )(?:great|good|nice|lovely|glad|happy"
    r"|fun) to see you$"
)

# rule N6: requests for help to a new or renewed contact.
FAVOUR = phrases(
    r"refer(?:ral|rals)?(?! to)",
    r"refer me",
    r"introduc(?:e|tion) (?:me|us)",
    r"(?:an|a warm|any) introduction",
    r"intro to",
    r"put (?:me|us) in touch",
    r"connect me (?:with|to)",
    r"recommend me",
    r"(?:write|give) me a recommendation",
    r"endorse me",
    r"(?:an|your) endorsement",
    r"vouch for",
    r"(?:a|small|quick|big|tiny) favou?r",
    r"(?:could|can|would|will) you (?:please )?help (?:me|us)",
    r"need(?:ed)? your help",
    r"pick your brain",
    r"(?:any|open) (?:other )?(?:openings|vacancies|roles|positions|opportunities)",
    r"(?:could|would|can|will) you (?:please )?(?:share|forward|repost|comment on|sign|fill in"
    r"|vote for|promote|spread)",
    r"(?:mean|help) a lot if you",
    r"share it with your (?:network|team|followers)",
    r"(?:are|is) (?:you|they|your \w+|the \w+)(?: \w+)? (?:hiring|recruiting)",
    # Help wished for as if it were a gift: "any insider advice would be gold".
    r"(?:any|some|your) (?:\w+ ){0,2}?(?:advice|tips|pointers|guidance|insights?|input|feedback"
    r"|help|intros?|introductions?|referrals?) (?:would|will) (?:be|mean)",
    # Their network put to work by an imperative: "send anyone good my way".
    r"send (?:\w+ ){0,3}?(?:my|our) way",
    # The writer putting themselves forward: "I'd love to throw my hat in the ring".
    r"throw my hat in(?:to)? the ring",
    r"(?:i'd|i would|i'm|i am) (?:really |so |very )?(?:love|like|keen|eager|happy|interested)"
    r" (?:to|in) (?:apply|applying|(?:join|joining) (?:you|your)(?! (?:linkedin |professional )?"
    r"network)|work (?:with|for) you"
    r"|working (?:with|for) you|come on board|be part of (?:it|your|the team))",
    r"(?:keep|bear) me in mind",
    # Asking to be taken on, however politely: "if there's ever an opening on your team, I'd love
    # to be considered" (issue 10, third round).
    r"(?:i'd|i would|we'd|we would) (?:really )?(?:love|like|be (?:glad|happy|honou?red|keen|"
    r"grateful)) to be (?:considered|thought of|kept in mind|put forward|recommended|introduced"
    r"|referred|shortlisted|part of (?:your|the) team)",
    r"if there(?:'s| is| are) (?:ever )?(?:an? )?(?:opening|openings|vacancy|vacancies|role|roles"
    r"|position|spot|place|opportunity) (?:on|in|at|for) (?:your|the)",
    r"do the needful",
    # Asking to be thought of for work: "if you hear of anything, do think of me".
    r"(?:think of|remember|mention) me (?:if|when|for|should)",
    r"(?:do|please) (?:think of|remember) me(?= *[.!,]| *$)",
    r"if you (?:ever )?(?:hear of|come across|know of) (?:any (?:roles|jobs|openings|vacancies"
    r"|opportunities)|an opening|a vacancy|a role|a job)",
    r"(?:let me know|tell me|ping me) (?:if|when) (?:anything|something|a role|an opening|a job)"
    r" (?:comes up|opens up|turns up)",
    r"(?:well placed|in a position|the right person|perfectly placed|best placed) to help",
    r"(?:my|the attached) (?:cv|resume|r\u00e9sum\u00e9|portfolio)",
    r"pass (?:along |on )?my",
    r"put in a (?:good )?word",
    r"(?:looking|searching) for (?:a |my next |a new |new )(?:job|role|position|opportunit\w+)",
    r"introductions? (?:you could|you can|to (?:anyone|someone|people))",
    r"(?:grateful|appreciate it) (?:for |if )?(?:any|an|your) (?:help|introductions?|referrals?)",
    r"(?:job|role) (?:at|in) your",
    # A place for someone, the writer or a relative: "an internship for my nephew".
    r"(?:internships?|placements?|apprenticeships?|work experience|traineeships?|jobs?|roles?"
    r"|positions?|openings?|vacanc(?:y|ies)|a spot|a place) (?:going )?(?:for|open to) (?:me|him"
    r"|her|them|my|our)",
    r"any chance (?:\w+ ){0,3}(?:has|have|had|is hiring|offers?|takes? on|would take|could take)"
    r" (?:an? |any |on )?(?:\w+ )?(?:internships?|placements?|apprenticeships?|traineeships?"
    r"|openings?|vacanc(?:y|ies)|jobs?|roles?|positions?|interns?|trainees?)",
    r"(?:take|taking) (?:him|her|them|my \w+) on",
    # Asking them for a contact: "do you know anyone?"
    r"do you know (?:anyone|anybody|someone|somebody)(?= who| at| in| that| looking| hiring|\?|$)",
)
SALES = phrases(
    # The writer's firm and what it does: "my agency does exactly this kind of fit-out".
    r"(?:our|my) (?:[\w-]+ )?(?:agency|firm|studio|company|startup|consultancy|practice|team)"
    r" (?:does exactly|do exactly|specialises|specializes|provides|supplies|sells)",
    r"(?:we should|let's|we could|why don't we) (?:partner|join forces)(?: up)?",
    # Services offered unasked: "if you ever need a good accountant, I'm your guy".
    r"(?:i'm|i am|we're|we are) your (?:guy|girl|man|woman|person|people|team|go-to|firm|agency)",
    r"if you (?:ever )?need (?:a|an|any|some) (?:good |great |reliable |cheap |affordable "
    r"|decent )?[\w-]+(?: [\w-]+)?,? (?:i'm your|we're your|i do|we do|i can do|we can do"
    r"|my (?:rates|firm|company|agency|business)|our (?:rates|firm|company|agency|business))",
    r"(?:our|my) (?:product|platform|solution|service|services|tool|software|app|offering|agency"
    r"|firm|startup|company) (?:helps|can help|could help|offers|makes|lets|saves|is built)",
    r"(?:our|my) (?:[\w-]+ )?(?:product|platform|solution|services|offering|api|software)",
    r"show you how (?:our|my|we|it)",
    # Showing them a product the writer makes: "I'd love to show you the app my startup built".
    r"(?:show|demo|walk) you (?:through )?(?:[\w-]+ ){0,4}(?:app|product|platform|tool|software"
    r"|solution|prototype)",
    r"(?:my|our) (?:startup|company|agency|firm|studio|team) (?:is|are|has|have|just)"
    r" (?:launching|launched|releasing|released|building|built|selling)",
    r"we help",
    r"we (?:specialize|specialise|offer|provide|can help)",
    r"(?:a|quick|short|free|\d+[- ]?(?:minute|min))(?: [\w-]+)? demo",
    # A product the writer's side made, offered as the answer to their problem.
    r"(?:our|my) (?:team|company|startup|studio|firm|agency|lab) (?:\w+ )?(?:built|builds"
    r"|created|creates|developed|develops|designed|makes|made)",
    r"exactly (?:why|what|where|the problem) (?:we|our|my)",
    r"(?:a|an|our|my) (?:[\w-]+ ){0,2}(?:platform|tool|software|solution|app|system|service)"
    r" (?:that|which) (?:cuts|saves|helps|reduces|lowers|automates|solves|fixes|tackles"
    r"|prevents|boosts|removes)",
    r"free trial",
    r"discount",
    # The writer's raise or wares, material offered unasked: "our firm is raising a bridge round,
    # happy to send the teaser", "we do great small-business packages" (rule N6).
    r"(?:our|my) (?:[\w-]+ ){0,2}(?:is|are) raising (?:a|an|our|its|money|funds|capital)",
    r"(?:happy|glad|able) to send (?:you |over )?(?:the|our|my) (?:[\w-]+ )?(?:teaser|deck"
    r"|one-pager|brochure|catalogue|catalog|prospectus|info pack|rate card|price list)",
    r"we (?:do|sell|have|offer) (?:great|good|affordable|competitive|cheap|special|the best)"
    r" (?:[\w-]+ ){0,2}(?:packages|deals|rates|prices|plans|policies|offers|bundles)",
    # The writer's firm sold on its rank: "if you need seeds, we're the best in the region".
    r"(?:we're|we are) the (?:best|cheapest|leading|top|number one|no\. ?1)"
    r" (?:[\w-]+ ){0,2}?(?:in|on|around|for|across) (?:the |this |your )?"
    r"(?:region|country|city|market|area|business|industry|town|state|world|[a-z]+)",
    # The writer's wares fitted to their work (rule N6): "our new sensor module could be perfect
    # for it"; and their buying power probed: "what's your team's budget looking like for Q3?".
    r"(?:our|my) (?:[\w-]+ ){0,3}(?:could|would|might|will) be (?:perfect|ideal|a (?:great|good|"
    r"perfect) fit|just (?:right|what you need)|exactly what you need) for (?:it|you|your|that"
    r"|them)",
    r"your (?:[\w-]+(?:'s|') )?(?:budget|spend) (?:looking|look like|for (?:q\d|next|this|the"
    r" (?:year|quarter)))|(?:how big|how much|what) is your (?:[\w-]+(?:'s|') )?budget",
    r"(?:send|get) you (?:a |our |my )?(?:quote|quotation|price list|pricing|rate card)",
    r"(?:our|special|introductory|early-bird) (?:pricing|offer|rate)",
    r"early-bird",
    r"early access",
    r"(?:we're|we are|i'm|i am) (?:building|launching|selling) (?:a|an)",
    r"(?:you (?:can|could|should|must) |please |why not |just )sign up",
    r"sign up (?:now|today|here|for (?:our|my|a free|free))",
    r"book a (?:call|meeting|demo|slot)",
    r"pain points?",
    r"check out my",
    r"my (?:new )?(?:book|course|newsletter|podcast|webinar|masterclass)",
    r"subscribe",
    r"partnership opportunity",
    r"purchase",
    r"(?:save|saving) you (?:time|money)",
    r"roi",
    r"(?:i am|i'm|we are|we're|always) (?:\w+ )?(?:looking|searching) for (?:new |more )?"
    r"(?:partners|clients|customers|investors|distributors|buyers|stockists|sponsors|resellers)",
)
PRESSURE = phrases(
    r"asap",
    r"(?:at )?your earliest convenience",
    r"at the earliest",
    r"as a matter of urgency",
    r"time[- ]sensitive",
    r"as soon as possible",
    r"urgent(?:ly)?",
    r"(?:by|before) (?:monday|tuesday|wednesday|thursday|friday|tomorrow|tonight|end of)",
    # The writer's deadline put on them; a question about their own deadline is interest.
    r"(?:my|our|the) deadline (?:is|was|for this)|(?:by|before|meet) (?:my|our|the) deadline",
    r"limited (?:time|spots|offer)",
    r"don't miss",
    r"last chance",
    r"need (?:an answer|a reply|a response|to know)",
    # Their time booked for them (rule N7): "I'll send an invite for Thursday 9am unless you tell
    # me otherwise", "I've blocked Thursday 3pm for a call", "I've pencilled you in".
    r"unless you (?:tell me|say|let me know) otherwise",
    r"(?:i'll|i will|i'm going to) (?:send|put) (?:you )?(?:an? |the )?(?:calendar )?(?:invite"
    r"|invitation|meeting|hold)s? (?:in )?for (?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|tomorrow|\d)",
    r"(?:i've|i have) (?:already )?(?:blocked|booked|pencil+ed|scheduled|reserved) (?:you|us|a"
    r" (?:slot|call|meeting)|(?:monday|tuesday|wednesday|thursday|friday|tomorrow))",
    # "right away" asked of them ("could you ... right away"), not "I thought of you right away".
    r"(?:(?:can|could|would|will) you|please|need you to|want you to)[^.!?]{0,40}right away",
)
# rule N7: no nagging.
NAGGING = phrases(
    r"(?:just )?following up again",
    r"following up on my (?:last|previous|earlier)",
    # The writer's own earlier request chased, however it is named: "following up on my
    # invitation from last week", "I'll keep trying until you accept" (rule N7).
    r"following up on (?:my|our) (?:\w+ )?(?:invitation|invite|request|message|email|note"
    r"|proposal|application|question)",
    r"(?:keep|keep on) (?:trying|asking|sending|writing|inviting) (?:until|till|'til) you",
    r"did you (?:see|get|read|receive) my",
    r"(?:my|the) (?:last|previous|earlier) (?:message|email|e-mail|mail|note|invitation|invite"
    r"|request|letter)",
    r"(?:kindly |please )?revert (?:back )?(?:at the earliest|asap|soon|regarding|on my)",
    r"(?:haven't|have not|never) heard back",
    r"(?:still )?waiting (?:for|on) (?:your|a) (?:reply|response|answer)",
    r"bump(?:ing)? (?:this|my)",
    r"(?:gentle|friendly|quick|just a) reminder",
    r"circling back",
    r"checking in again",
    r"any update",
    r"as per my",
    r"(?:second|third|fourth) (?:time|message|email|attempt)",
    r"not sure (?:if|whether) you (?:saw|got)",
    # Chasing a pending invitation or message: "I sent an invite last month, did it reach you?"
    r"(?:did|has|have) (?:my|the) (?:invite|invitation|message|email|note|request|letter)"
    r" (?:\w+ )?(?:reach|get to|arrive|come through|land)",
    r"(?:did|has) (?:it|this|that) (?:reach|get to|come through to) you",
    r"i (?:already )?(?:sent|tried) (?:you )?(?:an?|my) (?:invite|invitation|message|request|email"
    r"|note) (?:last|a few|a couple|two|three|\d|earlier|before)",
    r"in case you missed",
    r"in case (?:it|this|my \w+) got (?:buried|lost|missed)",
    r"(?:to the top of|back up) your inbox",
    r"one more time",
    r"(?:i'll|i will|let me) try (?:once more|again|one more time)",
    r"trying again",
    # The writer's own invitation pointed at as still waiting, or sent again for that: "resending
    # since my invite from 3 weeks ago is still pending" (rule N7, issue 10, sixth round).
    r"(?:re-?sending|re-?sent|re-?send) (?:this |my |the |it |you )?(?:\w+ )?"
    r"(?:since|because|as|in case)",
    r"(?:my|the|our) (?:\w+ )?(?:invite|invitation|request|connection request)(?: [^.!?]{0,30})?"
    r" (?:is|was|has been) still (?:pending|waiting|open|unanswered)",
    # Re-sending and counting: "sending this invite again", "I've sent you three messages".
    r"(?:sending|send|sent|resending|re-sending) (?:you )?(?:this|it|my|the|another)"
    r" (?:\w+ )?again",
    r"(?:sent|written|wrote|messaged) you (?:\w+ )?(?:two|three|four|five|several|many|a few"
    r"|multiple|a couple of|\d+) (?:messages|emails|notes|times|invites|invitations)",
    r"(?:didn't|did not|never) accept(?:ed)? (?:the|my) (?:first|last|other|previous|earlier)",
    # Counting the writer's own tries: "this is my third invite", "I sent you two messages".
    r"(?:my|the|this is my) (?:second|third|fourth|fifth|2nd|3rd|4th|5th|\w+ (?:more|other))"
    r" (?:invite|invitation|message|request|email|note|attempt|try)",
    r"(?:sent|messaged|written|wrote|emailed) you (?:\w+ )?(?:two|three|four|several|many|a few"
    r"|\d+) (?:messages|emails|notes|invites|invitations|times)(?: already)?",
    r"(?:answer|reply|respond|write back|accept)(?: (?:it|me|this))? this time",
    r"(?:trying|try|asking) (?:you )?again",
    # The writer's tries counted, then their silence: "I wrote to you three times about the
    # book and still nothing" (issue 10, third round).
    r"(?:sent|written|wrote|messaged|emailed|texted|pinged|called|tried) (?:to )?(?:you )?"
    r"(?:\w+ ){0,3}?(?:twice|three times|four times|several times|a few times|many times"
    r"|\d+ times|so many times|again and again)",
    r"(?:and )?still (?:nothing|no (?:reply|answer|word|response|news)|not a word|haven't heard)",
    # Their silence, counted: "three months and not a word from you".
    r"(?:and )?(?:not|nary) a (?:word|peep|line|whisper|message|reply) (?:back )?from you",
)

# rule N3: what would not feel good to receive.
BACKHANDED = phrases(
    # Surprise at their success, and their past failures recalled beside it.
    r"(?:didn't|did not|never|wouldn't have) (?:think|thought|expect|expected|imagine|imagined"
    r"|believe|believed) you(?:'d| would| could| were going to)(?: \w+)? (?:stick|last|make it"
    r"|manage|finish|pull it off|pull this off|succeed|land|pass|do it|survive|stay|get (?:it|in"
    r"|there|this far))",
    r"who(?:'d| would)(?: have|'ve)? (?:thought|guessed|believed|imagined)",
    # Their past held against the news (rule N3, issue 10 fourth round): a hope that this one
    # goes better than the last, someone "finally" taking them, the news made small, a doubt of
    # their skill as a joke, low expectations proved wrong, the odds of the seat.
    r"(?:hope|hopefully|let's hope)[^.!?]{0,30}?(?:better than (?:the|your) (?:last|previous)"
    r"|(?:this one|this time|it) (?:sticks|lasts|works out this time))",
    r"(?:finally|at last) (?:someone|somebody|they|a company|an employer|people) (?:gave|give"
    r"|hired|took|noticed|recogni[sz]ed|saw|believed)",
    r"even (?:if|though) (?:it's|it is|they're|they are) (?:just|only)",
    r"(?:it's|it is) (?:just|only) a (?:small|tiny|little)",
    r"(?:hope|let's hope) they don't find out",
    r"must have been desperate",
    r"(?:didn't|did not|never) expect(?:ed)? (?:much|a lot) (?:from|of)",
    r"proved me wrong",
    r"(?:the last|the previous) (?:person|guy|woman|man|one|\w+) (?:in (?:that|the) (?:role|job"
    r"|seat|post|position) |there )?(?:only )?(?:lasted|survived|quit|left|burned out|burnt out)",
    r"(?:enjoy it|make the most of it) before (?:the )?(?:burnout|reality|it)",
    r"or (?:maybe|perhaps|probably) not",
    # Surprise that they were chosen or made it: "I'm surprised they took someone without a PhD".
    r"(?:surprised|shocked|stunned|baffled|amazed) (?:that )?(?:they|anyone|someone|somebody"
    r"|the \w+) (?:\w+ )?(?:took|hired|picked|chose|accepted|promoted|let|gave|went for)",
    r"(?:surprised|shocked|stunned|baffled) (?:that )?you (?:actually |even |really )?(?:got"
    r"|made|managed|passed|landed|pulled|won|finished)",
    r"but (?:hey,? )?good for you",
    r"(?:after|given|despite|considering) (?:the|that|your) (?:mess|disaster|fiasco|chaos"
    r"|shambles|flop|failure|debacle) (?:of|at|with|in|on)",
    r"hope they know what they(?:'re| are) getting",
    r"(?:brave|bold) \(?or (?:crazy|mad|foolish|stupid)\)?",
    r"(?:actually|even|really) (?:paying|making|covering|earning) (?:the bills|money|a living"
    r"|anything)(?: \w+)? yet",
    r"surprisingly (?:good|well|nice|decent|smart|solid|competent|professional|sharp)",
    # "finally" about them reaching something, as if it were overdue; not "you finally have
    # a kitchen of your own", which is glad for them.
    r"(?:you|they)(?:'ve| have)? finally (?:got|get|landed|made|did|managed|were|are|became"
    r"|noticed|passed|finished|graduated|shipped|launched|found|won|published|been|left|quit)",
    r"finally(?:,| a| an| the| some)? (?:promot\w*|recogni\w*|noticed|hired|got there|made it)",
    r"^(?:[^\W\d_]+, )?finally!",  # "Peter, finally!": impatience, not joy
    # Praise undercut by a qualifier at the end of the clause ("you did well, surprisingly").
    r"surprisingly(?= *(?:[.!?,;]|$))",
    r"(?:surprisingly|unexpectedly) (?:well|good|fine|decent|competent|capable)",
    # Crediting the writer's absence or doubts for how they turned out.
    r"you[^.!?]{0,60}(?:after|since|once) i (?:left|was gone|moved on|stepped down)",
    r"you[^.!?]{0,40}without me",
    # Condescending intensifiers aimed at them.
    r"(?:do|did|are|were|can|could) you (?:actually|even|somehow) (?:enjoy|like|know|manage"
    r"|understand|believe|want|do)",
    r"you (?:actually|somehow|even) (?:managed|pulled|made|got|did|survived|finished)",
    r"your (?:cute |little |tiny )+(?:[\w-]+ )?(?:project|startup|company|business|side|idea"
    r"|blog|hobby|app|team|job|venture|shop|store|stall|cafe|café|bakery|studio|practice"
    r"|clinic|band|book|podcast|channel)",
    # Success put down to sheer persistence, or counted in tries: "persistence pays off
    # eventually", "only took them three rounds of interviews".
    r"(?:pays? off|paid off|got there|made it|figured it out|caught on|came round|came around)"
    r" eventually",
    # ... or "this time", as if the last ones had failed: "did you pass the bar this time?"
    r"(?:third|fourth|fifth|next) time'?s? (?:the|a|lucky) charm",
    r"(?:pass|passed|make it|made it|get in|got in|get through|got through|win|won|land|landed)"
    r" (?:it |the \w+ )?this time",
    r"(?:only|just) took (?:them|you|him|her) (?:\w+ ){0,2}(?:rounds|tries|attempts|goes|times"
    r"|applications|interviews|auditions|years)",
    # ... or in the wait, as if overdue: "finally, took them long enough".
    r"took (?:them|you|him|her|'em) (?:long enough|ages|forever)",
    # Their past setback recalled beside the news: "a relief after being passed over last year".
    r"(?:after|since) (?:being|getting|you were|you got) (?:passed over|turned down|rejected"
    r"|let go|laid off|fired|overlooked|demoted)",
    r"(?:after|since) (?:failing|flunking) (?:it|the \w+|\w+ times|twice|again)",
    # A loss not reported, consoled in advance: "I hope you didn't lose your job in the shake-up".
    r"(?:hope|hoping) (?:you )?(?:didn't|did not|haven't|have not|weren't|won't) (?:\w+ )?(?:lose"
    r"|lost|get|got|been) (?:your (?:job|role|position|seat|place|funding)|fired|laid off|let go"
    r"|cut|made redundant)",
    # The writer's doubt about their venture: "your startup idea sounded a bit risky to me".
    r"your [\w -]{0,30}?(?:sounded|seemed|looked) (?:a bit |a little |kind of |rather |pretty "
    r"|quite |really )?(?:risky|crazy|mad|naive|far-fetched|doomed|silly|unrealistic|odd|weird)"
    r" to me",
    # Their old slight of the writer recalled, or a grudge kept: "remember when you rejected
    # every one of my pull requests?", "still bitter about how they treated us" (rule N3).
    r"you (?:rejected|turned down|shot down|vetoed|overruled|ignored|blocked|refused)"
    r" (?:[\w-]+ ){0,4}?(?:my|our|me|us)",
    r"still (?:bitter|resentful|salty|sore) (?:about|over|at|that|with)",
    r"for someone (?:like you|your age|with your|of your)",
    r"at your age",
    r"nice try",
    r"(?:in over your head|out of your depth|punching above)",
    r"at last",
    r"for once",
    # Surprise that it works this time: "looks like it actually works this time".
    # "glad it worked this time" is kind; "actually" or "somehow" makes it a surprise.
    r"(?:actually|somehow|even|really) (?:works|worked|working|went (?:well|right|smoothly)"
    r"|got it right|held up|stayed up|runs|ran|did it right)(?: \w+)? this time",
    # Their past, held up as a joke: "given the state of your desk back then".
    r"(?:given|considering|judging by|remembering) the state of (?:your|you)",
    r"about time",
    r"not bad for",
    r"better than (?:i|we) (?:expected|thought)",
    r"who knew you",
    r"(?:didn't|did not|never) (?:expect|think|thought|imagine) you",
    r"even you",
    r"for a change",
    r"not as bad as",
    r"lucky (?:break|you)",
    r"must have been (?:luck|lucky)",
    r"of all people",
    # Their success put down to a lack of rivals, or their venture to a lost cause.
    # The same honour claimed by the writer: "funny, I won the same one back in 2015".
    r"(?:i|we) (?:won|got|earned|received|took) (?:the same|that same|the very same) (?:one|award"
    r"|prize|title|medal|trophy|honour|honor)",
    # An old flaw of theirs, hoped mended: "I hope you've improved your punctuality".
    r"hope you(?:'ve| have) (?:improved|fixed|worked on|got better at|gotten better at) your",
    r"(?:ran out of|no other|nobody else|no one else) (?:other )?(?:candidates|applicants|options"
    r"|choice|takers|contenders)",
    r"(?:someone|somebody) (?:has|had|needs|needed) to (?:try|do it|go first)",
)
# rule N3: doubting them in advance. A failure not reported, consoled ("don't worry if it
# didn't work out"), the odds against people like them ("most people don't make it"), and
# trying called brave ("brave of you to try"). "Don't worry if you can't reply" is kind.
DOUBTING = phrases(
    r"(?:don't|do not|no need to|try not to|never) (?:worry|fret|feel bad|be (?:too |so )?(?:hard"
    r" on yourself|disappointed|upset|discouraged|down))[^.!?]{0,30}?\b(?:if|when|that) (?:it"
    r"|you|things|they|the \w+|your \w+)(?:'s|'re| is| are| was| were)?[^.!?]{0,30}?(?:(?:didn't"
    r"|did not|doesn't|does not|don't|do not|won't|will not|isn't|is not|wasn't) (?:\w+ )?(?:work"
    r" out|go (?:well|to plan|your way)|pan out|take off|get (?:it|in|through|picked|chosen)"
    r"|make it|succeed|sell|pass|win|last)|fail\w*|slow|flop\w*|struggl\w*|rejected|quiet|rough"
    r"|tough|bumpy|shaky|overwhelming|hard going|messy)",
    r"(?:most|many|lots of|plenty of) (?:people|\w+s) (?:don't|do not|never|fail to|won't|can't)"
    r" (?:make it|last|survive|succeed|get (?:in|through|past)|pass|manage)",
    # The odds against them, told as what "most new leads" go through: "most new leads struggle".
    r"(?:most|many|lots of|plenty of) (?:\w+ )?(?:people|\w+s) (?:struggle|fail|quit|give up"
    r"|burn out|drop out|flounder|crash|go under|close|fold|shut down|go bust|don't survive"
    r"|never make it)",
    # ... or as how long it takes most: "most people I know took over a year to find something".
    r"(?:most|many) (?:people|\w+s)(?: i know)? (?:took|take|needed|need|spent|spend) (?:over"
    r"|more than|at least|almost|nearly) (?:a|an|\d+|two|three|six|several) (?:year|years"
    r"|months)",
    # The writer's doubt, in the past, that their venture would survive: "I wasn't sure it
    # would make it through the summer" (rule N3, issue 10 fourth round).
    r"i (?:\w+ )?(?:wasn't|was not|wasnt|was never|didn't|did not|never|honestly didn't)"
    r" (?:really |entirely |totally |quite |even )?(?:sure|certain|convinced|think|expect|believe)"
    r"[^.!?]{0,30}?\b(?:you|it|they|the \w+|your \w+|that \w+)(?:'d| would| could| was going to"
    r"| were going to| will| can)? (?:\w+ )?(?:make it|last|survive|succeed|work out|stick|get"
    r" through|pull (?:it|this|that) off|take off|stay open|keep going|go anywhere|come together"
    r"|fly)",
    # ... or that they would stay where they were: "I thought you'd stay a supervisor forever".
    r"i (?:\w+ )?(?:thought|figured|assumed|expected|was sure|bet)(?: that)? you(?:'d| would"
    r"| were going to| will)(?: \w+)? (?:stay|be stuck|remain|be)\b[^.!?]{0,40}?\b(?:forever"
    r"|for ever|for life|the rest of your life)",
    r"i (?:\w+ )?(?:thought|figured|assumed|expected|was sure|bet)(?: that)? you(?:'d| would"
    r"| were going to)? never (?:leave|move|get|make|finish|change|grow|manage|land)",
    r"not (?:everyone|everybody|everyone's|all of us) (?:is|are)? ?cut out for",
    # Their good news treated as fleeting: "enjoy it while it lasts".
    r"(?:enjoy it|make the most of it) while (?:it lasts|you can|they last)",
    r"(?:won't|doesn't|never) last (?:long|forever)",
    r"(?:brave|bold|gutsy|plucky|sweet) of you to (?:even )?(?:try|attempt|have a go|give it a"
    r" (?:go|shot|try)|go for)",
    r"(?:try|trying|start|starting|begin|beginning|attempt|launch|learn)\w*[^.!?]{0,30} at your"
    r" (?:age|stage)",
)
# ... unless the sentence goes on to make them the exception: "most people don't last, but you".
THE_EXCEPTION = phrases(r"but (?:not )?you", r"except you", r"unlike (?:them|most)", r"you're the")
SARCASM = phrases(
    r"yeah,? right",
    r"oh,? great",
    r"must be nice",
    r"good for some",
    r"how nice for you",
    r"slow clap",
    r"sure,? because",
    r"wow,? just wow",
    r"what a shock",
    r"shocking,? i know",
    r"/s",
    # Hedged sarcasm: "I guess" followed by a dig at them.
    r"i guess (?:you|some of us|some people)(?:'re| are| were)? (?:too|so|just|now|busy|not"
    r"|must|don't|didn't|never|forgot|only)",
    r"(?:you're|you are|you've become|you became|you got|now|clearly) too (?:busy|important|good"
    r"|big|famous|grand|fancy|senior)",
)
# Their news turned into the writer's own (rule N3, N2; issue 10, sixth round): the writer did
# the same first ("I wrote basically the same thing last year"), or their own went unnoticed
# ("nobody shared mine"). Read aloud, it competes with them rather than cheering them.
ONE_UPPING = phrases(
    r"(?:i|we) (?:already |also )?(?:wrote|said|posted|published|made|built|predicted"
    r"|proposed|suggested|pitched|launched) (?:basically |pretty much |almost |exactly |much )?"
    r"(?:(?:the|that|this) (?:exact |very )?same|that exact|this exact|that very|this|that)"
    r" (?:\w+ ){0,2}?(?:years ago|last year|ages ago|first|before you|long before|back in"
    r"|months ago)",
    r"(?:nobody|no one|no-one) (?:\w+ )?(?:shared|liked|read|noticed|cared about|listened to"
    r"|commented on) (?:mine|my)",
    r"(?:been saying|said) (?:this|that|it) for (?:years|ages|a decade)",
)
NEGATIVITY = phrases(
    r"hate",
    r"hated",
    r"terrible",
    r"awful",
    r"sucks?",
    r"sucked",
    r"worst",
    r"toxic",
    r"stupid",
    r"idiots?",
    r"boring",
    r"ridiculous",
    r"disaster",
    r"pathetic",
    r"useless",
    r"garbage",
    r"crap",
    r"losers?",
    r"incompetent",
    r"sinking ship",
    r"escaped",
    r"miserable",
    r"nightmare",
    r"clowns?",
)
GUILT = phrases(
    # Their silence or their choices, held against them.
    r"(?:keep|kept|still) ignoring",
    r"not sure why you (?:keep|never|didn't|did not|haven't|won't)",
    r"you (?:never|didn't|did not|haven't|have not) accept(?:ed)?",
    r"(?:and|but) no (?:reply|answer|response)",
    r"you (?:disappeared|vanished|went quiet|went silent|dropped off)",
    # Imagining they will now look down on the writer: "no time for us little people".
    r"(?:no|won't have|not have|never have) (?:any )?time for (?:us|me|old friends|the rest of us"
    r"|little people|the little people)",
    r"(?:us|we) (?:little|ordinary|mere|lowly) (?:people|folk|mortals)",
    # The same, put as a hope: "hope you can still make time for old friends now".
    r"(?:hope|hopefully) you(?:'ll| will| can| could)? (?:still )?(?:make|have|find) (?:some )?time"
    r" for (?:us|me|old friends|the rest of us|your (?:old )?friends)",
    r"(?:don't|do not|dont) forget (?:about )?(?:us|me|your (?:old )?(?:friends|people|roots)"
    r"|where you (?:came|come) from|the little people)",
    r"more important than (?:old |your )?(?:friends|me|us|the rest of us|your friends)",
    r"(?:too busy|too important) to (?:write|reply|answer|call)(?: back)?",
    r"you never (?:reply|replied|answer|answered|write|wrote|respond|responded|call|called)",
    r"you (?:always )?ignore(?:d)?",
    r"ignor(?:e|ed|ing) (?:me|us|my)",
    r"at least you",
    r"(?:forgot|forgotten) (?:about )?(?:me|us)",
    r"too (?:busy|important|good) (?:for|to)",
    r"after (?:all|everything) i",
    r"you could at least",
    r"would it kill you",
    r"i thought we were",
    r"remember me\?",
    r"ghost(?:ed|ing)?",
    r"left me hanging",
    r"since you (?:clearly |obviously )?(?:don't|do not|didn't|did not|never|haven't|have not)"
    r" (?:care|reply|replied|answer|answered|respond|responded|accept|accepted|write|written"
    r"|get back|got back|call|called)",
    r"(?:never|didn't|did not|haven't|have not) (?:heard|got|gotten) (?:a thing|a word|anything"
    r"|a peep|a reply|an answer|a response)(?: back)?",
    r"i guess you(?:'re| are)? (?:busy|not)",
    # Their being busy, or in town without a word, held against them.
    r"(?:i know|i'm sure|i suppose|i guess|i get it,?) you(?:'re| are) (?:so |too |very )?(?:busy"
    r"|important) (?:these days|now|nowadays)",
    r"(?:and|but) (?:you )?(?:didn't|did not|never) (?:call|ring|get in touch|reach out|say hi"
    r"|say hello|look me up|drop by|tell me)",
    r"no (?:reply|answer|response) (?:from you )?(?:yet|again)",
    # What they should have done for the writer, or how long they took.
    r"would(?:'ve| have) been nice (?:to|if)",
    r"you (?:could|should|might)(?:'ve| have) (?:invited|told|asked|called|written|mentioned"
    r"|let me|thanked|included)",
    r"(?:given|considering|after|with) (?:how much|all|everything|all the \w+) i(?:'ve)?"
    r" (?:helped|did|done|gave|given|taught|put in|invested|wrote|written|did for)",
    r"it took you (?:\w+ ){0,2}(?:weeks?|days?|months?|ages|forever|long enough|a while|so long)",
    r"took you long enough",
    # Wistful reproach: hearing the news second-hand, drifting apart, their silence.
    r"i (?:only|had to) (?:found|find|heard|hear|learned|learnt|learn|saw|see|read)"
    r" (?:out |it |about it |the news )?(?:from|through|via|on|in) (?:your|a|the|linkedin"
    r"|someone|other|others|mutual|instagram|facebook)",
    r"you (?:never|didn't|did not) (?:told|tell|mentioned|mention) (?:me|us)",
    r"(?:don't|do not|doesn't|never) (?:talk|speak|chat|write|see each other) (?:like|as much as"
    r"|the way|as often as) we used to",
    r"i suppose (?:you(?:'re| are)?|you've been|we|we're|we've) (?:\w+ )?(?:busy|too|don't|do not"
    r"|never|not|drifted|lost|moved on|forgot|forgotten)",
    # Their silence, counted: "you ... still haven't answered", "I never heard back".
    r"you(?:'ve)?[^.!?]{0,40}?(?:still (?:haven't|havent|have not) |never |haven't yet |havent yet"
    r" )(?:answered|replied|responded|got back|gotten back|written back)",
    r"(?:never|didn't|did not|haven't|havent|have not) heard? back(?! from (?!you))",
)
# rule N3: "I always thought ..." plus a dismissive word is I-told-you-so, even when kindly
# followed by "but you'll land on your feet". Both must be in one sentence.
TOLD_YOU_SO = phrases(
    r"i (?:always |never |kind of |sort of |honestly |secretly )?(?:thought|knew|said|felt"
    r"|suspected|told you|warned you|had (?:my )?doubts|wondered why)",
    # An old disagreement kept: "I still think the call was wrong".
    r"i (?:honestly |really )?still (?:think|believe|maintain|feel|say)",
)
DISMISSIVE = phrases(
    r"(?:was|were|is|'s) (?:\w+ )?(?:wrong|a mistake|misguided|the wrong (?:call|decision|choice"
    r"|move|way)|a bad (?:call|decision|idea|move))",
    r"naive",
    r"silly",
    r"doomed",
    r"pointless",
    r"unrealistic",
    r"half-baked",
    r"a long shot",
    r"a bad idea",
    r"a mistake",
    r"(?:wouldn't|would not|won't|was never going to|never going to|couldn't) (?:work|last"
    r"|fly|succeed)",
    r"crazy idea",
    r"overrated",
    r"gimmick\w*",
    r"(?:too|a bit|kind of|pretty) (?:risky|ambitious|optimistic|idealistic)",
)

# Words in capitals that are names of things, not shouting.
ACRONYM_WORDS = """
    aws gcp api sdk saas cto ceo cfo coo cmo cio vp hr ux ui ai ml nlp mba phd usa uk eu nyc
    sf la okr okrs kpi kpis faq crm erp sql gdpr hipaa nasa nato ngo un ipo seo pr qa devops b2b
    b2c ios asap"""
ACRONYMS = word_set(ACRONYM_WORDS)

# rule N2 kin: LinkedIn's default invitation text and other canned openers.
BOILERPLATE = phrases(
    r"i'd like to (?:add you to|join) my professional network",
    r"i'd like to (?:add you|join your)",
    r"i would like to (?:add you|join your|connect with you)",
    r"add you to my (?:professional )?network",
    r"join (?:your|my) (?:professional |linkedin )?network",
    r"(?:expand|grow|extend|build) my (?:professional )?network",
    r"i came across your profile",
    r"i'd like to connect with you",
    r"i(?:'m| am) reaching out to connect",
    r"please accept my (?:invitation|request)",
    r"people i trust",
    r"(?:i|we) have (?:\w+ )?mutual connections",
)
# LinkedIn's wish to connect, which beside a real shared memory is only a courtesy (rule N4).
WISH_TO_CONNECT = re.compile(
    r"(?:i'd|i would) like to (?:add you(?: to my (?:professional )?network)?|join your"
    r"|connect with you)|add you to my (?:professional )?network|join (?:your|my) (?:professional "
    r"|linkedin )?network"
)
# Courtesies that carry nothing of this person: fine beside something of their own, boilerplate
# when a note has nothing else ("Hope this finds you well. Let's connect.").
GENERIC_TEXT = """
    hi hello hey dear thanks thank accepting accepted accept invitation invite connecting connect
    connected connection network hope hoping well good great nice lovely fine best wishes regards
    cheers warm kind message note email finds find trust glad happy pleased delighted see saw
    seeing update news congrats congratulations role new job position post keep stay touch soon
    sometime catch coffee call chat talk speak long time ago since months weeks ages while
    checking check saying wanted say forward looking look staying family everything things life
    going doing been what's new how are up these days lately whats hear love like would let's
    let reach reaching out drop line just quick again remember old friend friends well done
    deserved amazing awesome wonderful fantastic exciting excited proud happy birthday anniversary
    work working year years today week day couple last chat conversation spoke talked
    know anything something see explore exploring opportunities opportunity together add adding
    linkedin profile professional staying connected grow growing mutual interests request
    agree agreed totally absolutely completely spot insightful interesting inspiring inspired
    sharing shared share article piece read reading brilliant true
"""
GENERIC_WORDS = word_set(GENERIC_TEXT)

# LinkedIn's one-tap suggestions: a note that is nothing more than one of these.
CANNED = re.compile(
    r"^(?:hi|hey|hello|dear)?\s*[\w .'-]{0,30}?[,!]?\s*"
    r"(?:congrats|congratulations|happy work anniversary|happy anniversary|happy birthday|"
    r"well done|nice|great news|good luck|thanks for connecting|thank you for connecting)"
    r"(?: on (?:the|your) (?:new )?(?:role|position|job|promotion|work anniversary))?"
    r"(?:,\s*[\w'-]+)?\s*[.!]*\s*$"
)

# Stock lines a note can be made of and still say nothing: "Just checking in! Hope all is well.",
# "Congrats, well deserved!". Each sentence may open with a greeting and their name.
STOCK_PHRASE = (
    r"(?:just )?(?:checking in|touching base|saying hi|wanted to say hi|dropping a line)"
    r"|(?:i )?hope (?:all is well|all's well|you're well|you are well|you're doing well"
    r"|you are doing well|you're good|things are good|everything is (?:well|good))"
    r"|(?:congrats|congratulations)(?: on (?:the|your) (?:new )?(?:role|position|job|promotion"
    r"|work anniversary|news|move))?"
    r"|(?:so |well |much |very )?deserved|well done|great news|good luck|nice|amazing|awesome"
    r"|happy (?:work )?anniversary|happy birthday|thanks for connecting|thank you for connecting"
    r"|have a (?:great|good|nice|lovely) (?:day"
    r"|week|weekend)"
)
STOCK_LINE = re.compile(
    r"^(?:(?:hi|hey|hello|dear)\s+)?(?:[^\W\d_][\w'-]*\s*){0,2}?[,!]?\s*"
    r"(?:" + STOCK_PHRASE + r")(?:\s*[,;.!-]+\s*(?:" + STOCK_PHRASE + r"))*"
    r"(?:,\s*[\w'-]+)?\s*[.!]*$"
)

# rule N3: sympathy is not negativity ("that must be awful").
# rule N7: patience said outright ("don't worry if you're too busy to reply") is the opposite of
# guilt or sarcasm about their silence.
REASSURANCE = phrases(
    r"(?:don't|do not|dont|never) worry",
    r"no (?:worries|pressure|rush|hurry|stress)",
    r"no need to (?:reply|answer|respond|rush|write back)",
    r"(?:whenever|when) you (?:get a (?:chance|moment|minute)|have (?:a )?(?:time|moment|minute))",
    r"in your own (?:time|good time)",
    r"i (?:totally |completely |fully )?(?:understand|get it|know how busy)",
)
EMPATHY = phrases(r"must be", r"must have been", r"sorry", r"i know", r"sounds?", r"sounded")

# rule N6: after a pitch, a question about their costs or challenges is part of the pitch.
DISCOVERY = phrases(
    r"how (?:are|is|do) (?:you|your team|your company) (?:handling|managing|dealing with|tackling"
    r"|solving)",
    r"how (?:you|your (?:[\w-]+ )?\w+)(?:'re| are| is)? (?:handling|managing|dealing with"
    r"|coping with|tackling|solving)",
    r"(?:your|the) (?:biggest )?(?:challenges?|costs?|bills?|spend)",
    # Their opinion of the pitch: "curious what you think", "thoughts?".
    r"what (?:do )?you think|(?:your|any) (?:thoughts|opinion|take)|^thoughts",
)

# rule N2: a closing pleasantry after the question still leaves the note ending on them.
WELL_WISHES = re.compile(
    r"^(?:i )?(?:hope|wishing|rooting for|thinking of|sending|fingers crossed|good luck|enjoy"
    r"|take care|have a (?:great|good|lovely)|no rush|whenever suits|all the best|best of luck"
    r"|congrats again|congratulations again)",
)

# Questions without a question mark still start like one (rule N2: "a ? is not required").
QUESTION_START = re.compile(
    r"^(?:[^\W\d_]+, )?(?:(?:and|so|but|also|anyway|oh),? )?"
    r"(?:how|what|what's|where|when|who|which|why|how's"
    r"|are you|were you|is it|is the|did you|do you|have you|has the|would you|could you|will you"
    r"|shall we|any chance|fancy|up for)\b"
)

# The same openers inside a sentence typed without stops: "congrats on the new job hows the
# team treating you". Not after a verb that embeds them ("I remember how we ...").
QUESTION_INSIDE = re.compile(
    r"(?<![\w'])(?<!know )(?<!remember )(?<!tell me )(?<!hear )(?<!wonder )(?<!see )"
    r"(?<!about )(?<!learn )(?<!show me )(?<!ask )(?<!understand )(?<!forget )"
    r"(?:how|what|what's|where|when|which|why|how's|are you|were you|is it|is the|did you|do you"
    r"|have you|would you|will you|any chance|fancy)\b(?! (?:i|we)\b)"
    # A second question joined to the first: "how long did it take, and was it a commission".
    r"|(?:(?<=, )|(?<=\band )|(?<=\bor ))(?:was|were|is|are|did|does|do|has|have) (?:it|they"
    r"|there|that|she|he)\b"
)

# A question about now (rule N4 b) when the question also speaks of the present, or of the
# time since they last met ("where has the work taken you since?").
NOW_WORDS = phrases(
    r"now",
    r"these days",
    r"at the moment",
    r"currently",
    r"still",
    r"nowadays",
    r"since",
    r"since then",
    r"lately",
    r"these past",
    r"yet",
)
# rule N4 (a): a memory the writer is unsure of is no shared experience: "I think we may have
# met", "not sure if we met", "we might have crossed paths".
HEDGED_MEMORY = phrases(
    r"(?:may|might|could|must) have (?:met|crossed paths|spoken|talked|worked|been at|sat)",
    r"(?:not sure|unsure|can't remember|cannot remember|don't remember) (?:if|whether|where|when)"
    r" (?:we|i)",
    r"(?:maybe|perhaps|possibly) we (?:met|crossed paths|spoke|talked|worked)",
    r"i think we (?:may|might|once)",
    # A memory put as a question ("I think we met at some trade fair?") or at "some" place the
    # writer can't name: unsure, so it names nothing they shared (issue 10, third round).
    r"(?:i think|i guess|i believe|pretty sure) we (?:met|crossed paths|spoke|talked|worked)"
    r"[^.!?]*\?",
    r"(?:met|crossed paths|spoke|talked|worked together|saw each other) (?:at|in|on|during)"
    r" some (?!of\b)[\w-]+",
    r"i think you (?:were|might have been|may have been) (?:at|in|on|there)",
    r"(?:weren't|were) you (?:also )?(?:at|in|on) [^.?!]{0,50}(?:too|as well)\?",
    r"(?:if|unless) i(?:'m| am) (?:mistaken|misremembering|confusing)",
)

# Words too vague to be the concrete shared experience of rule N4 (a).
# "We met at a conference a while ago" names no event, place, topic or time; "at some point",
# "somewhere", "an event", "great memories of working together" are just as vague. Words that
# name the occasion itself ("accepted invitation", "last conversation") aren't particular either.
VAGUE_EXPERIENCE = word_set(
    """met meet meeting conference conferences event events meetup while ago time times people
    back years long some point somewhere sometime once before earlier past thing things place
    party webinar session sessions talk talked chat chatted spoke spoken ages remember think
    thought great nice good lovely fun memories memory crossed paths together worked collaborated
    accepted accepting accept invitation invite connected connecting connection request last
    conversation profile changed added"""
)

# Small families of words that name the same news (the `about` and the note may differ).
RELATED_WORDS = (
    frozenset(
        {"father", "mother", "parent", "baby", "dad", "mum", "mom", "son", "daughter", "newborn"}
        | {"little", "sleep", "nappies", "diapers", "maternity", "paternity", "born"}
    ),
    frozenset({"married", "wedding", "wife", "husband", "marriage", "honeymoon"}),
    frozenset({"moved", "moving", "move", "relocated", "relocating"}),
    frozenset({"promoted", "promotion"}),
    frozenset(
        {"phd", "dissertation", "thesis", "doctorate", "doctoral", "viva", "defence", "defense"}
    ),
    frozenset({"book", "published", "author"}),
    frozenset({"article", "post", "essay", "piece", "blog"}),
    frozenset({"talk", "keynote", "presentation", "slides", "speaking"}),
)

# Words with their apostrophe missing: real words to the dictionary, typos in a note.
MISSING_APOSTROPHE = word_set(
    """whats dont youre isnt didnt doesnt thats theyre ive im wasnt couldnt wouldnt shouldnt
    hasnt havent arent heres theres youve youll wouldve couldve shouldve"""
)
# Words that sound alike and swap places ("your welcome").
CONFUSED = phrases(
    r"your (?:welcome|well|right|probably|going|so|not|very|always|never|still|just|looking"
    r"|getting|being|the|a)",
    r"you're (?:story|team|job|company|post|book|talk|article|work|slides|photos|new role|group"
    r"|project|idea|plan|profile|message|paper|thesis|presentation|launch|startup|app|course"
    r"|family|kids|wedding|podcast|newsletter|essay|comment|feedback|advice|help|manager|boss"
    r"|colleagues|lab|shop|studio|restaurant|website|keynote|demo|research|own)",
    r"its (?:been|a|the|going|so|great|nice)",
    r"there (?:going|doing|new|team|company)",
)

# Honorifics joined to a name ("Watanabe-san", "Sharma-ji") and titles before one ("Dr Okafor"):
# the word they mark is a name, for spelling.
HONORIFICS = word_set("san sama kun chan sensei senpai sempai ji nim ssi jan bhai didi hanim bey")
TITLES = word_set(
    """mr mrs ms mx dr prof herr frau sr sra señor señora monsieur madame mme signor signora pak
    ibu bapak mister doctor professor"""
)

# rule N8: a keep-in-touch record that says only who they are to the writer, how long it has been
# and how they first met ("core contact: mentor; last contact 2 months ago", "college friend; no
# contact since 2023", "last contact: 9 months ago; met on a sales trip") holds no update: the
# calendar is the reason to write. A part of the record (between ; , or brackets) is background
# when it is made only of these words, once a relationship's "from …"/"at …" is cut off.
RECORD_PARTS = re.compile(r"[;,()]|\s+[-\u2013\u2014]\s+")
RECORD_BACKGROUND = word_set(
    """contact contacts contacted spoke spoken speak talked talk wrote written write chat chatted
    message messaged messages email emailed emails mail call called calls met meet check check-in
    checkin check-ins catch-up touch keep core periodic quarterly regular routine reminder note
    notes last since ago over about every each no not recent recently long while time times
    approximately roughly around almost nearly just more than
    day days week weeks month months year years spring summer autumn fall winter christmas
    january february march april may june july august september october november december
    one two three four five six seven eight nine ten eleven twelve couple few several half
    manager managers boss mentor mentee colleague colleagues co-worker coworker teammate
    team-mate co-founder cofounder founder client customer supplier vendor partner peer coach
    classmate schoolmate flatmate roommate friend buddy pal mate neighbour neighbor professor
    teacher tutor student supervisor intern advisor adviser investor report employee employer
    collaborator co-author associate acquaintance ex former old fellow industry close trusted
    long-time longtime college university uni school good dear family"""
)
RECORD_ORIGIN = re.compile(
    r"^(?:we\s+)?(?:met|worked|studied|served|interned|volunteered|trained|sat)\b(?!.*\blast\b)"
)
# "friend from the Accra meetup", "old teammate from Intel": where they know each other from.
RECORD_RELATION_TAIL = re.compile(r"\s(?:from|at|in|of|with)\s.*$")
# "about" a topic is an update; "about 3 months ago" is a time.
RECORD_TOPIC = re.compile(
    r"\babout (?!\d|an? |one |two |three |four |five |six |seven |eight |nine |ten |twelve"
    r"|half )|\b(?:on|re|regarding|concerning):?\s+(?:her|his|their)\b"
)

# rule N5 asks the warm reply to an acceptance to propose a catch-up. A follow-up whose record is a
# conversation already under way ("earlier exchange: she replied to his congratulations", "she
# asked for his slides") continues it: the exchange is the catching up.
EXCHANGE_UNDER_WAY = re.compile(
    r"\b(?:earlier|ongoing|previous|recent) (?:exchange|conversation|thread|messages?)\b"
    r"|\b(?:she|he|they) (?:replied|answered|wrote back|asked|said|told|mentioned|thanked)\b"
)

# An invitation accepted or a connection made, in the record or the note: "accepted invitation",
# "thanks for accepting", "great to be connected". Rule N5's warm reply answers one of these.
ACCEPTANCE = re.compile(
    r"\b(?:accept(?:ed|ing|s)?|connect(?:ed|ing)|connection|added me|the add)\b"
)
