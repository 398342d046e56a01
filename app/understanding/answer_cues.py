"""Words said around an answer rather than the answer itself: holding the write off for a
question first ("hold on a sec, before you change it: …?", "改之前先问一下"), doing it
oneself instead of a colleague ("alright, I'll send you a video then"), and the write given
up by name ("不换了")."""

from __future__ import annotations

from app.understanding.cue import Cue

# what the shopper will do themselves, said to the offer of a person: "alright, I'll send
# you a video then", "好的 我让行政发邮件过去" (an ok that takes no colleague)
DOES_IT_THEMSELVES = Cue(r"\bi(?:'ll|\s+will)\s+(?!wait\b|hold\b|talk\b|speak\b|chat\b|take\b"
                         r"|go\s+with\b)(?:just\s+)?[a-z]+|我(?:让|去|自己|回头|再去|先去)")
# "wait", "hold on": no answer yet when a question of its own follows
HOLDS = Cue(r"^(?:(?:actually|oh|hmm+|um+|ok|okay|sorry)[\s,.]+)*(?:hold\s+on|wait)\b"
            r"|^(?:等等|等一下|等下|稍等)")
# the write held off for a question first: "hold on a sec, before you change it: without
# tubes do I pump them up the same?", "改之前先问一下，…"
HELD_FOR_A_QUESTION = Cue(
    r"^\W*(?:(?:hmm+|oh|ah|eh|actually|ok(?:ay)?|sorry|wait|hold\s+on(?:\s+a\s+(?:sec|second"
    r"|moment|min(?:ute)?))?)[\s,!.]+)*before\s+you\s+[\w\s']{1,30}?\s*[,:;\-\u2013\u2014]"
    r"|^\W*(?:等一?下)?[\s,，]*(?:先别\w{1,2}|\w{1,2}之前)[\s,，]*(?:先)?问(?:一下|下|一句)")
# a question put before anything is done: "先问一句，…这样能退吧？", "before I say yes, …"
asks_first = Cue(r"^\W*(?:那)?(?:我)?先问(?:一下|下|一句|个事|问)"
                 r"|\bbefore\s+i\s+(?:say\s+yes|confirm|agree|go\s+ahead)\b")
# the write given up, named: "不换了", "不退了", "don't change it"
NAMES_THE_WRITE = Cue(r"(?:不|别)(?:改|换|退|取消)|\b(?:don'?t|do\s+not|not)\s+(?:change|swap"
                      r"|return|cancel|send)\b")
