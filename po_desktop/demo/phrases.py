"""Titles and problem statements composed from the corpus."""

from __future__ import annotations

from po_desktop.demo.corpus import (
    CONSTRAINTS,
    DURATIONS,
    GENERIC_QUALIFIERS,
    PROBLEM_EXTRAS,
    SYMPTOMS,
    TITLE_SUFFIXES,
    Theme,
    Topic,
)
from po_desktop.demo.rng import Rng


def _de(phrase: str) -> str:
    """« de » with the French elision before a vowel or a mute h."""
    return f"d'{phrase}" if phrase[:1].lower() in "aàâeéèêiîoôuûyh" else f"de {phrase}"


def _bare(noun_phrase: str) -> tuple[str, bool]:
    """The noun without its article, capitalised for a title, and whether it is plural."""
    for article in ("les ", "le ", "la ", "l'"):
        if noun_phrase.startswith(article):
            rest = noun_phrase[len(article) :]
            return rest[0].upper() + rest[1:], article == "les "
    return noun_phrase[0].upper() + noun_phrase[1:], False


def need_title(rng: Rng, theme: Theme, topic: Topic) -> tuple[str, bool]:
    """A varied title: templates × actions × objects × contexts (thousands per theme).

    Returns the title and whether it reports a defect (always technical).
    """
    phrase = rng.choice(topic.objects)
    roll = rng.random()
    suffix = f" {rng.choice(TITLE_SUFFIXES)}" if rng.random() < 0.3 else ""
    if roll < 0.5:
        context = f" {rng.choice(theme.contexts)}" if rng.random() < 0.6 else ""
        return f"{rng.choice(theme.actions)} {phrase}{context}{suffix}", False
    bare, plural = _bare(phrase)
    if roll < 0.78:
        aspects = topic.qualifiers if rng.random() < 0.85 else GENERIC_QUALIFIERS
        return f"{bare} : {rng.choice(aspects)}{suffix}", False
    if roll < 0.9:
        symptom = rng.choice(SYMPTOMS)[1 if plural else 0]
        context = rng.choice(theme.contexts) if rng.random() < 0.5 else ""
        text = f"Anomalie : {phrase} {symptom}"
        return (f"{text} {context}" if context else text), True
    action = rng.choice(theme.actions)
    return f"Étude : {action[0].lower()}{action[1:]} {phrase}", False


def need_problem(rng: Rng, theme: Theme, topic: Topic) -> str:
    """A problem phrased as a challenge to meet, never as a solution."""
    dative, goal = rng.choice(topic.goals)
    challenge = f"Comment permettre {dative} {_de(goal)}"
    roll = rng.random()
    if roll < 0.4:
        text = f"{challenge} ?"
    else:
        who, pain = rng.choice(topic.pains)
        if roll < 0.75:
            text = (
                f"{who[0].upper()}{who[1:]} perdent {rng.choice(DURATIONS)} par semaine à "
                f"{pain}. {challenge} ?"
            )
        else:
            constraint = "" if " sans " in goal else f" sans {rng.choice(CONSTRAINTS)}"
            text = (
                f"Aujourd'hui, {who} doivent {pain}, ce qui {rng.choice(theme.impacts)}. "
                f"{challenge}{constraint} ?"
            )
    if rng.random() < 0.35:
        text += f"\n\n{rng.choice(PROBLEM_EXTRAS)}"
    return text
