"""The fifteen Great Groups elements a team rates itself on (rule T1), each with a question to
talk over when it comes out among the weakest."""

from __future__ import annotations

from dataclasses import dataclass

SCORES = (1, 2, 3, 4, 5)
SCORE_LABELS = {1: "Not at all", 2: "A little", 3: "Partly", 4: "Mostly", 5: "Fully"}


@dataclass(frozen=True)
class Element:
    number: int
    title: str
    text: str
    prompt: str


ELEMENTS: tuple[Element, ...] = (
    Element(
        1,
        "A clear outcome",
        "We share a clear, tangible outcome that people see as important.",
        "If a newcomer asked what we are here to achieve, would each of us give the same answer?",
    ),
    Element(
        2,
        "A bold vision",
        "We hold an outrageous vision of that outcome.",
        "What would we aim for if we were sure we could not fail?",
    ),
    Element(
        3,
        "Personal commitment",
        "Our leader wins each person's own commitment to the vision and the outcome.",
        "What would make the outcome matter to you personally, not only to the group?",
    ),
    Element(
        4,
        "Capable people",
        "The team has exceptionally capable people, the best talent available.",
        "Which skill is missing today, and who could we bring in or help grow into it?",
    ),
    Element(
        5,
        "A respected leader",
        "The team respects its leader.",
        "What does our leader do that earns respect, and what would earn more?",
    ),
    Element(
        6,
        "Information, recognition, latitude",
        "Our leader gives us the information, recognition and latitude we need.",
        "Which decision or piece of information do you wait for most often?",
    ),
    Element(
        7,
        "Focus without micro-managing",
        "Our leader keeps us focused without micro-managing.",
        "Where do you feel watched rather than trusted, and where would you like more direction?",
    ),
    Element(
        8,
        "The right tools",
        "Our workplace is plain but has every tool, material and kind of training we need.",
        "What one tool or piece of training would save us the most time next month?",
    ),
    Element(
        9,
        "Shielded from bureaucracy",
        "We are protected from our sponsor's bureaucracy.",
        "Which rule or report costs us the most for the least, and who could lift it?",
    ),
    Element(
        10,
        "Made for collaboration",
        "Our workplace makes working together easy.",
        "When did working together last feel hard, and what got in the way?",
    ),
    Element(
        11,
        "Free of distractions",
        "We are insulated from distractions.",
        "What pulled you away from the outcome this week, and could the group absorb it?",
    ),
    Element(
        12,
        "One focus",
        "We have one focus: the outcome.",
        "What are we doing that does not serve the outcome, and could we stop it?",
    ),
    Element(
        13,
        "Roles that fit",
        "Each person's role fits their expertise, interests and abilities.",
        "Which part of your work uses you best, and which would someone else do better?",
    ),
    Element(
        14,
        "Whatever is needed",
        "We are willing to work on what is needed, when it is needed.",
        "When something urgent falls between roles, who picks it up, and how do we know?",
    ),
    Element(
        15,
        "The outcome above conflict",
        "Our shared wish for the outcome outweighs personal conflicts.",
        "Is there a disagreement we keep stepping around that the outcome needs us to settle?",
    ),
)

ELEMENT_BY_NUMBER = {element.number: element for element in ELEMENTS}
NUMBERS = tuple(element.number for element in ELEMENTS)
