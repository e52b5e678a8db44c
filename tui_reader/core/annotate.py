"""Quotations with their speakers, scare-quoted terms, and figures: ``annotate(article) -> list[Span]``.

Own rules, measured against hand-checked articles (tests/data/annotations.json), because no trained model
is available here. The pipeline, paragraph by paragraph:

1. Quote marks. Curly, straight, low-9 and guillemet double quotes and curly or straight single quotes are
   paired by their flanking (a mark after a space that touches a word opens; one after a word that touches a
   space or punctuation closes). Apostrophes (NATO’s, it’s, the ’90s, rock ’n’ roll, the workers’ union) are
   never quote marks: a single quote only opens when a closing partner exists in its paragraph. Quotes of the
   other family inside an open quote are part of it. A quote left open at the end of a paragraph continues
   when the next paragraph opens again, or when the next paragraph's first mark closes it (text set one
   sentence a line); each paragraph of a multi-paragraph quote is its own span. A quotation that opens a
   sentence and is never closed runs to the end of its paragraph.
2. Quote or term. Quoted text of one or two words, or a Title Case name ("In God We Trust"), is a "term"
   unless it ends in ! or ?, or is attributed right after its closing mark ('"Yeah," Nixon replied').
3. Speaker. In order: an attribution right after the closing mark (", said X", ", X said", ", he told
   RAI-TV", ", X, a spokesperson, said", '"…," Biden fibbed.', "..., according to X"), a speech verb earlier
   in the quote's sentence ("X said on Twitter: ", "X said that ... Belarus “...", "According to X, ...",
   "X, who ... called it"), then the other parts of the same quote (split by its attribution, or continued
   over paragraphs), then the previous paragraph's speaker for a paragraph that is nothing but a quote, or
   the one person its last sentence reported ("Yates insists ..." then a bare quotation paragraph).
   Names become the fullest form the article gives (names.py). An embedded post is a quote by its author.
4. Pronouns, precision first. "he"/"she" is the last person who spoke (also "according to X"), or opened a
   sentence, before the pronoun's sentence, and nobody when anyone else who may be a he (she) was named in
   between: with two fitting candidates the rules cannot know, and a wrong speaker is worse than none. Who a
   speaker talks about in their own sentence ("Peters told the Herald that Tarrant ...") and the object of a
   participle in the pronoun's sentence ("Saying President Obama, he said, was ...") are not candidates.
5. Described speakers. An attribution to someone the article does not name ("the company said", "A top
   Senate Republican leadership aide told POLITICO:") gives the words as written, lower case first
   ("the company", "a top Senate Republican leadership aide"): true, and more use to a reader than
   "unattributed". "the Chester chairman" / "our correspondent" is the one person introduced with that role
   ("Chairman Steve Vaughan"); "the company" / "a statement" is the one organisation that acted in that
   sentence or the one before ("Yahoo was hacked, and the company said"); a later "she said" may be the
   spokeswoman described before. A described speaker always starts lower case; a name never does.

Every span satisfies ``body[start:end] == text``; spans of one kind never overlap; time is linear in the
length of the body (each look-around is bounded).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tui_reader.core.figures import find_figures, trie_pattern
from tui_reader.core.model import Article, Span
from tui_reader.core.names import (
    COURTESY_TITLES,
    HONORIFICS,
    LEADING_STOP,
    NAME,
    NATIONALITIES,
    PLACES,
    SHORT_NAME,
    TITLE_WORDS,
    Mention,
    NameBook,
    clean_name,
    find_mentions,
    is_group,
    is_organisation,
    is_outlet,
    words,
)

__all__ = ["annotate", "find_quotes"]

MASK = "\x00"  # the sanitiser removes C0 controls, so this never occurs in a body

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_APOSTROPHE_RE = re.compile("[’']")
_MARKS_RE = re.compile("[\"“”„«»‘’']")
_ALL_MARKS = "\"“”„«»‘’'"
_OPEN_PUNCT = "([{—–-/"
_CLOSE_PUNCT = ".,;:!?)]}…—–-"
# Text right after a single opening mark that shows it is an apostrophe: ’90s, ’n’, ’em, ’tis, ’cause.
_ELISION = re.compile(r"(?:\d|n[’']|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|s\b)", re.IGNORECASE)
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "from", "or"})

SPEECH_VERBS = words(
    """said says say saying told tells tell telling added adds adding continued continues
    continuing wrote writes writing tweeted tweets tweeting posted posts stated states explained explains
    explaining noted notes noting argued argues arguing asked asks asking replied replies replying responded
    responds responding insisted insists insisting warned warns warning claimed claims claiming declared
    declares declaring announced announces admitted admits admitting acknowledged acknowledges recalled
    recalls recalling remarked remarks observed suggested suggests suggesting urged urges urging complained
    complains complaining conceded concedes cautioned cautions predicted predicts countered counters
    maintained maintains testified testifies concluded concludes recounted shouted yelled cried exclaimed
    quipped joked boasted mused lamented vowed vows vowing pledged promised promises confirmed confirms
    confirming stressed stresses emphasized emphasised reiterated contended contends asserted asserts alleged
    alleges retorted agreed agrees wondered chanted chanting screamed whispered slams slammed blasts blasted
    condemned condemns denied denies denying rejected rejects accused accuses accusing blamed blames
    criticized criticised criticise criticize criticises criticizes praised praises described describes
    describing called calls calling charged
    spoke speaks reported reports revealed reveals demanded demands threatened threatens pleaded wrote remarked read
    expressed expresses expressing
    characterized characterised hailed welcomed thanked apologized apologised posited opined scoffed snapped
    sniffed marveled marvelled gushed fumed raged groused grumbled protested objected mocked taunted teased intoned
    explained elaborated summed answered interjected acknowledged stating"""
) | {"points out", "pointed out", "point out", "pointing out"}
# Verbs that introduce the words themselves right after a closing mark (", he said").
_SAY_VERBS = SPEECH_VERBS - {
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "characterized",
    "characterised",
    "denied",
    "denies",
    "denying",
    "rejected",
    "rejects",
    "blamed",
    "blames",
    "criticized",
    "criticised",
    "praised",
    "praises",
    "hailed",
    "welcomed",
    "thanked",
    "read",
}
_SAY_ALT = "|".join(sorted(_SAY_VERBS, key=len, reverse=True)) + r"|went[ \t]+on"
# Verbs that name the speaker when they come first (", said X"); "told X" names the listener instead.
_VERB_FIRST = words(
    """said says added adds continued continues wrote writes asked asks explained explains noted notes argued
    argues replied replies responded responds insisted insists warned warns recalled recalls remarked observed
    stated states declared declares announced tweeted posted quipped joked concluded conceded cautioned
    countered exclaimed shouted cried wondered sighed admitted admits acknowledged confirmed stressed
    emphasised emphasized predicted recounted retorted suggested maintained contended asserted agreed
    complained lamented boasted vowed promised"""
)
_VERB_FIRST_ALT = "|".join(sorted(_VERB_FIRST, key=len, reverse=True))
_ADV = (
    r"(?:also|later|then|previously|once|again|recently|reportedly|publicly|privately|separately|further|"
    r"earlier|simply|flatly|repeatedly|had|has|have|would|will|quickly|angrily|bluntly|told|[a-z]+ly|"
    r"at\s+the\s+time|on\s+(?:Twitter|Facebook|Instagram|[A-Z][a-z]+day))"
)
_PRONOUN = r"(?:he|she|He|She)"
_VERB_RE = re.compile(rf"(?<![\w’'])(?:{trie_pattern(SPEECH_VERBS)})(?![\w’'])")

# ", a NATO spokesperson,": not a coordinated verb phrase (", went a step further,")
_APPOSITIVE = (
    r"[ \t]*,(?![ \t]*(?:and|but|or|then|so|while|as|because|he|she|they|it|we|I|went|was|were|is|are|has|had|"
    r"have|took|made|added|[a-z]+ed)\b)"
    rf"[^,{MASK}\n]{{1,100}}?,"
)
_LEAD = r"[ \t]*,?[ \t]*(?:[—–-][ \t]*)?"
_CONJUNCTIONS = r"(?:When|If|As|While|After|Before|Because|Although|Though|Since|Until|Unless|But|And|So|Then|Once)"
# A lower-case role word between an organisation and a name: "said Hopman Cup doctor Hamish Osborne".
_ROLE = r"(?!(?:and|or|but|of|in|on|at|for|to|with|by|from|that|who|which|he|she|they|it)\b)[a-z][a-z-]+"
# ", a senior fellow at the Australian National University in Canberra told": an appositive that opens
# with an article and runs into the verb without its closing comma.
_OPEN_APPOSITIVE = rf"[ \t]*,[ \t]+(?:a|an|the)[ \t]+[^,.;{MASK}\n]{{1,140}}?(?=[ \t]+(?:told|said|says|tells)\b)"
# ", said resident Maria Gianni" / ", said he" / ", said the CDC".
_AFTER_VERB_FIRST = re.compile(
    rf"{_LEAD}(?P<verb>{_VERB_FIRST_ALT})(?:[ \t]+(?:{_ADV}))?[ \t]+(?:(?P<pro>{_PRONOUN})\b|"
    rf"(?P<np>(?:(?:the|a|an)[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,3}}"
    rf"(?:{NAME}[ \t]+(?:{_ROLE}[ \t]+){{1,3}}(?=[A-Z]))?(?P<name>{NAME})))"
)
# ", said the Spurs sporting director.": the name only says whose director; the speaker is described.
_ROLE_TAIL = re.compile(rf"(?:[ \t]+{_ROLE}){{1,2}}(?=[ \t]*[.,;:]|[ \t]*$)")
# after a quotation that ended its sentence, an attribution must close its own sentence ('"..." Smith said.')
_ATTRIBUTION_CLOSES = re.compile(
    r"(?:[ \t]+(?:on|in|at|to|during|after|before|from|with|of|yesterday|today|tonight|later|earlier|recently)\b"
    r"[^.,:;!?“”\"\n]{0,50})?[ \t]*(?:[.!?]|$)"
)
# ", said local hospital director Hengky Tewu": the speaker named after the verb, in running text.
_VERB_THEN_NAME = re.compile(
    rf"[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,3}}(?:{NAME}[ \t]+(?:{_ROLE}[ \t]+){{1,3}}(?=[A-Z]))?"
    rf"(?P<name>{NAME})(?P<tail>(?:[ \t]+{_ROLE}){{1,2}}(?=[ \t]*[.,;:]))?"
)
_CLOSES_SENTENCE = re.compile(r"[ \t]*(?:[.!?]|$)")
_JOINT_AT = re.compile(rf"[ \t]+(?:and|&)[ \t]+{NAME}")
_REPORT_VERBS = words("reported reports reporting report wrote writes")
# ", Trump said" / ", civil protection worker Andrea Gentili told the AP" / ", Oana Lungescu, a NATO
# spokesperson, said" / ", he told RAI-TV".
_AFTER_SUBJECT_FIRST = re.compile(
    rf"{_LEAD}(?:(?P<pro>{_PRONOUN})|(?:(?:the|a|an)[ \t]+)?(?:(?!{_CONJUNCTIONS}\b){NAME}[ \t]+(?=[a-z]))?"
    rf"(?!as\b)(?:(?!of\b|from\b|in\b|at\b|for\b|with\b)[a-z][\w-]*[ \t]+){{0,3}}(?P<name>{NAME}))"
    rf"(?:[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?{NAME})?(?:{_APPOSITIVE}|{_OPEN_APPOSITIVE})?"
    rf"(?:[ \t]+{_ADV}){{0,2}}[ \t]+(?P<verb>{_SAY_ALT})(?![\w’'])"
)
# '"…," Biden fibbed.': a name (or he/she) and any past-tense verb closing the sentence after a quotation that
# ends in a comma, ! or ? is its attribution, whatever the verb.
_AFTER_ANY_VERB = re.compile(
    rf"[ \t]*(?:(?P<pro>{_PRONOUN})|(?P<name>{NAME}))[ \t]+[a-z]{{2,}}ed"
    rf"(?=[ \t]*[.;]|[ \t]+(?:on|in|at|to|during|after|before|from|about|with)[ \t])"
)
_AFTER_DASH_LINE = re.compile(rf"[ \t]*\n?\n?[ \t]*(?:--|—|–)[ \t]*(?P<name>{NAME})")
# ", the company said": an attribution to someone the text does not name.
_AFTER_UNNAMED = re.compile(
    rf"{_LEAD}(?P<desc>(?:the|a|an|our|one|two|three)[ \t]+[a-z][\w ’'-]{{0,40}}?)[ \t]+(?:{_SAY_ALT})\b"
)
# A described subject as written, for a speaker the article does not name ("A top Senate Republican
# leadership aide told POLITICO:", "A spokesman for Unison, Britain's biggest union, said").
_DESCRIBED_NP = re.compile(
    rf"(?P<np>(?i:an?|the|one|two|three|several|some|many|another)[ \t]+[^,;:{MASK}\n]{{1,80}}?)"
    rf"(?:,[^,;:{MASK}\n]{{1,80}},)?(?:[ \t]+{_ADV}){{0,2}}[ \t]*$"
)
# Words that stand for an organisation an article named before ("the company said", "a statement said").
_ORG_HEADS = words(
    """company firm group agency ministry department organisation organization corporation carrier
    airline retailer manufacturer maker bank network statement"""
)
# Role words for one person who speaks for others; a he/she may refer back to them.
_PERSON_ROLES = words(
    """spokeswoman spokesman spokesperson official aide adviser advisor source representative lawyer attorney
    chairman chairwoman chief director executive officer"""
)
_RELATIVE_TAIL = re.compile(r"[ \t]+(?:who|that|which)\b.*$")
_CLAUSE_JOINT = re.compile(r"(?:,[ \t]+(?:and|but|while)|;)[ \t]+")
_NOT_A_NOUN = words("that which who whom whose and or but if when while as than then to of in on at for with by")
# Words that show a described "subject" runs on into a clause ("The Atlantic Wire ran a story ... called").
_CLAUSE_WORDS = words("was were is are has had have ran did does do will would can could said told says made got")
# Abbreviated titles and the role a later "the governor said" calls them by.
_TITLE_ROLES = {
    "Gov": "governor",
    "Sen": "senator",
    "Rep": "congressman",
    "Gen": "general",
    "Lt": "lieutenant",
    "Col": "colonel",
    "Sgt": "sergeant",
    "Capt": "captain",
    "Adm": "admiral",
    "Det": "detective",
    "Insp": "inspector",
    "Supt": "superintendent",
    "Prof": "professor",
    "Pres": "president",
}
# "Chester chairman Steve Vaughan", "BBC correspondent James Hardy": a role word right before a name.
_ROLE_BEFORE_NAME = re.compile(rf"(?<![\w’'-])(?P<role>[a-z][a-z-]{{2,}})[ \t]+(?P<name>{NAME})")
_AFTER_ACCORDING = re.compile(rf"{_LEAD}according[ \t]+to[ \t]+(?:(?:the|a|an)[ \t]+)?(?P<name>{NAME})")
# "…" about the purchaser, he said.  (the attribution closes the sentence)
_SENTENCE_TAIL = re.compile(
    rf",[ \t]+(?:(?P<pro>{_PRONOUN})|(?P<name>{NAME}))(?:[ \t]+{_ADV})?[ \t]+(?:{_SAY_ALT})"
    rf"(?:[ \t]+[^,.!?{MASK}\n]{{0,40}})?[.!?]?[ \t]*$"
)
# Subject right before a speech verb (the window ends at the verb).
_SUBJECT_NAMED = re.compile(
    rf"(?P<name>{NAME})(?:[ \t]+of[ \t]+(?:the[ \t]+)?{NAME}(?:[ \t]+in[ \t]+{NAME})?)?"
    rf"(?:{_APPOSITIVE}"
    rf"|[ \t]+(?:a|an)[ \t]+(?:(?!that\b|which\b|who\b|and\b|but\b)[\w’'-]+[ \t]+){{1,4}}?)?"
    rf"(?:[ \t]+{_ADV}){{0,3}}[ \t]*$"
)
# "Her spokesman, Bill McAllister, said": the name in apposition to a described subject.
_SUBJECT_APPOSED = re.compile(rf"(?<![\w’'])[a-z][\w-]*,[ \t]+(?P<name>{NAME}),[ \t]*$")
# "Trump, who on Monday called ...": the subject of a relative clause is the name before ", who".
_SUBJECT_RELATIVE = re.compile(
    rf"(?P<name>{NAME}),[ \t]+who[ \t]+(?:[^,.;!?{MASK}\n]{{0,60}}?[ \t]+)?$"
    rf"|(?P<name2>{NAME}),[ \t]+who[ \t]+[^.;!?{MASK}\n]{{1,200}}?,[ \t]*$"  # "X, who is ..., and was ..., told"
)
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w’'])(?:for|of|at|from|to|by|on|in|about|against|like|than|toward|towards)[ \t]+(?:the[ \t]+)?$"
)
# "A blogger on the Web site Freedom’s Lighthouse said": a sentence whose subject is described, not named;
# the name is where they write.
_DESCRIBED_OPENING = re.compile(
    r"(?:An?|The|One)[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,3}(?:for|of|at|from|on|in|with|near)[ \t]"
    rf"[^,;{MASK}\n]*$"
)
_SUBJECT_PRONOUN = re.compile(rf"(?<![\w’'])(?P<pro>{_PRONOUN})(?:[ \t]+{_ADV}){{0,3}}[ \t]*$")
_SUBJECT_UNNAMED = re.compile(
    r"(?<![\w’'])(?i:the|a|an|his|her|its|their|one|two|three|several|many|some|other|another|each|every)[ \t]+"
    r"(?:[\w’'-]+[ \t]+){0,5}(?!(?:including|by|while|after|before|when|without|with|for|of|to|in|on|at|and|"
    r"or|but|that|which|who|then|also)[ \t])[a-z][\w’'-]*(?<!ing)[ \t]+$"
)
_VERBISH = (
    r"(?:[a-z]+ed|[a-z]+s|has|had|have|was|is|will|would|can|could|also|later|then|said|told|wrote|took|went|"
    r"made|got|gave|came|saw|met|spoke|sent|kept|held|left|won|lost|ran|began|became|put|set|brought|thought|"
    r"felt|knew|found|chose|did|rode|stood|sat|led|struck|sought|fought|bought|caught|meant|drew|threw|grew|shook|"
    r"broke|swore|rose|fell|fled|paid|heard|sold|built|spent|stuck|dealt|hit|cut|quit|[a-z]+ly)(?![\w’'])"
)
# A role noun between an organisation and a name ("NATO spokesperson Oana Lungescu"): not a verb or a
# preposition, so "She said she worried Flynn ..." and "Simsek traveled to Gaziantep" do not qualify.
_ROLE_WORD = rf"(?!{_VERBISH}|(?:to|of|in|on|at|for|with|by|from|he|she|they|it|that|and|but|the|a|an)\b)[a-z][\w-]*"
_THEN_VERB = rf"(?:{_APPOSITIVE})?(?:[ \t]+{_ADV})?[ \t]+{_VERBISH}"
# A name and the verb it is the subject of ("Napolitano brushed him off"), for a participle that follows.
_PAST = (
    r"(?:[a-z]{2,}ed|has|had|have|was|were|is|are|said|told|wrote|took|went|made|got|gave|came|saw|met|spoke|sent|"
    r"kept|held|left|"
    r"won|lost|ran|began|became|put|set|brought|thought|felt|knew|found|chose|did|stood|sat|led)(?![\w’'])"
)
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'])(?:was|were|been|being|be|is|are|am|get|gets|got)[ \t]+$")
_RELATIVE_AFTER = re.compile(r",[ \t]+(?:who|whose|whom)\b")
_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:[a-z]{3,}ed|was|were|been|being)[ \t]+$")
# A name right after a verb or a preposition is what a sentence is about, not who acts in it.
_OBJECT_OF = re.compile(
    r"(?<![\w’'-])(?:[a-z]{3,}ed|[a-z]+s|was|were|been|being|met|hit|told|asked|saw|beat|sent|gave|let|made|"
    r"(?i:to|of|with|by|for|against|from|about|on|at|in|over|than|like|as|into|onto|upon|after|before|between|"
    r"among|toward|towards|behind|beside|under|without|via|versus|vs\.?))"
    r"[ \t]+(?:(?:the|a|an|his|her|their|its)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}(?:[A-Z][\w.’'-]*[ \t]+){0,4}$"
)
_PRONOUN_SAYS = re.compile(rf"(?<![\w’'])(?:[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?:{_SAY_ALT})(?![\w’'])")
_GOES_ON = re.compile(
    r"[^\w\n]{0,4}(?:he|she)[ \t]+(?:continued|continues|added|adds|went[ \t]+on|goes[ \t]+on)(?![\w’'])"
)
_SAYS_BEFORE = re.compile(rf"(?<![\w’'])(?:{_SAY_ALT})[ \t]+(?:that[ \t]+)?$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
_DETERMINERS = frozenset({"The", "A", "An", "His", "Her", "Their", "Its", "Our", "This", "That"})
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{3,}(?![\w’'-])")
_PRONOUN_OPENING = re.compile(r"(?:He|She|They|It|We|I|You|His|Her|Their|Its)(?![\w’'])")
# "Saying President Obama, he said": a name that is the object of a participle
_GERUND_OBJECT = re.compile(r"(?<![\w’'])[A-Za-z][a-z]{2,}ing[ \t]+(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w’'-]*$")
_CLAUSE_SUBJECT = re.compile(rf"(?<![\w’'])(?P<name>{NAME})(?:[ \t]+{_ADV}){{0,2}}[ \t]+{_PAST}")
# "the approach that Sotomayor condemns": a speech verb inside a relative clause after a noun.
_RELATIVE_BEFORE = re.compile(
    rf"(?<![\w’'])(?P<word>[a-z]+)[ \t]+(?:that|which)[ \t]+{NAME}(?:[ \t]+{_ADV}){{0,2}}[ \t]+$"
)
_OPENING_SUBJECT = re.compile(
    rf"(?:(?!{_CONJUNCTIONS}\b){NAME}[ \t]+(?:{_ROLE_WORD}[ \t]+){{1,3}}(?P<name>{NAME})|(?P<name2>{NAME})"
    rf"|(?:The|A|An|His|Her|Their|Its)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}[a-z][\w-]*,[ \t]+(?P<name3>{NAME}),"
    # "NRA Executive Vice President and CEO Wayne LaPierre struck": two titles of one person (checked in code)
    rf"|(?P<titles>{NAME})[ \t]+(?:and|&)[ \t]+(?P<name4>{NAME})"
    rf"|(?P<pro>{_PRONOUN}))(?={_THEN_VERB})"
)
# "The Australian has suffered", "The 28-year-old said": a sentence opening with a person it does not name.
_DESCRIBED_PERSON = re.compile(rf"(?:The|This|That)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}(?P<head>[\w-]+)(?={_THEN_VERB})")
_SUBORDINATE_OPENING = re.compile(rf"{_CONJUNCTIONS}\b[^,;{MASK}\n]{{1,200}},")
_ACCORDING_OPENING = re.compile(rf"[Aa]ccording[ \t]+to[ \t]+(?:the[ \t]+)?(?P<name>{NAME})[ \t]*,")
_SUBJECT_COORDINATED = re.compile(rf"(?:(?<![\w’'])and|(?<![\w’'])but|,)(?:[ \t]+{_ADV}){{0,2}}[ \t]*$")
_ADJECTIVAL = re.compile(r"(?<![\w’'])(?i:the|a|an|this|his|her|its|their)[ \t]+$")
_SENTENCE_INTRO = re.compile(
    # a dateline: "WASHINGTON — ", "LONDON (Reuters) - "
    r"[ \t]*(?:[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+){0,3}(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*(?:—|–|--?)[ \t]*)?"
    r"(?:(?:However|But|And|Meanwhile|Still|Yet|Later|Earlier|Instead|Separately),?[ \t]+)?"
    r"(?:(?:In|On|At|During|After|Before|Speaking|Asked|Earlier|Later|Last|This|Yesterday|Writing|Amid|Amidst|"
    r"Despite|Following|Under|With|As|Since|While|When|Unlike|Like|For|From|Without|Through|Within)\b"
    rf"[^,{MASK}\n]{{0,60}},[ \t]*)?"
)
_ACCORDING_ANYWHERE = re.compile(rf"(?<![\w’'])[Aa]ccording[ \t]+to[ \t]+(?:the[ \t]+)?(?P<name>{NAME})")
# "In Patrick Leahy's view", "in the words of Jane Smith"; the name is bounded so that a run of capitalised
# words ("In In In ...") is not read again from every "In" (quadratic on hostile text).
_IN_THE_VIEW_OF = re.compile(
    rf"(?<![\w’'])[Ii]n[ \t]+(?:(?P<name>{SHORT_NAME})['’]s[ \t]+(?:view|words|opinion|estimation|telling)"
    rf"|the[ \t]+(?:view|words|opinion)[ \t]+of[ \t]+(?P<name2>{SHORT_NAME}))(?![\w’'])"
)
_ACCORDING_BEFORE = re.compile(_ACCORDING_ANYWHERE.pattern + r"[ \t]*,?[ \t]*$")
_SENTENCE_BREAK = re.compile(r"[.!?](?P<close>[”\"’'»)]*)[ \t\n]+(?=[\"“‘'«(]?[A-Z0-9])")
_ABBREVIATIONS = words(
    """Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Sgt Capt Jr Sr Prof Rev No vs Inc Corp Co Ltd Jan Feb Mar Apr Jun Jul
    Aug Sep Sept Oct Nov Dec Mt Ft Ave Adm Cmdr Det Insp Supt Pres Sec Hon"""
)
# An embedded post's signature at the end of a paragraph: "— Name (@handle) Date".
_SIGNATURE = re.compile(r"[ \t\n]*[—–][ \t]*(?P<author>[^()\n—–]{1,80}?)[ \t]*\((?P<handle>@\w{1,30})\)[^\n]{0,40}$")
_POST_TAIL = re.compile(r"(?:[ \t\n]+(?:\d{1,2}/\d{1,2}|pic\.twitter\.com/\w+|https?://\S+))+[ \t\n]*$")

_WINDOW = 240  # how far attributions are looked for on either side of a quote
_SINGLE_REACH = 600  # a quotation in single marks (headlines, nested) is short; bounded so scans stay linear
_FOCUS_REACH = 3000  # how far back a pronoun looks for the person it names
# how far apart two parts of one paragraph may be to share a speaker: about one attribution sentence
_INHERIT_REACH = 160


@dataclass(slots=True)
class _Part:
    """One quoted stretch inside a paragraph (or an embedded post), before it becomes a Span."""

    open_at: int  # index of the opening mark (or the start of a post)
    close_at: int | None  # index of the closing mark, None when the quote runs to the paragraph end
    start: int  # content start (after the mark, whitespace trimmed)
    end: int  # content end
    para: int
    kind: str = "quote"
    speaker: str | None = None
    pronoun: tuple[str, int] | None = None  # ("he"|"she", position) waiting to be resolved
    direct: bool = False  # attributed right after its closing mark
    chain: int = -1  # parts of one multi-paragraph quote share a chain id
    post: bool = False


@dataclass(slots=True)
class _Context:
    """Everything the passes share for one article."""

    body: str
    masked: str = ""
    paragraphs: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)
    book: NameBook | None = None
    events: list[tuple[int, str]] = field(default_factory=list)  # (position, named speaker) of speech verbs
    # names that open a sentence ("Glenn Beck, ..., ripped"): weaker candidates for "he"/"she"
    subjects: list[tuple[int, str]] = field(default_factory=list)
    by_para: dict[int, list[_Part]] = field(default_factory=dict)
    sentences: _Sentences | None = None
    mentions: list[Mention] = field(default_factory=list)  # names outside quotations, in text order
    roles: dict[str, list[tuple[int, str]]] | None = None  # role word -> (where, name) it stands before
    unnamed: list[int] = field(default_factory=list)  # sentences opening with a person not named ("The Australian")
    # (position, words, gender) of a described person who spoke ("a France Telecom spokeswoman ... said")
    described: list[tuple[int, str, str | None]] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)


def annotate(article: Article) -> list[Span]:
    """Quote, term and figure spans of ``article.body``, sorted by start (then end, then kind)."""
    spans = find_quotes(article) + find_figures(article.body)
    return sorted(spans, key=lambda s: (s.start, s.end, s.kind))


def find_quotes(article: Article) -> list[Span]:
    """Quotations (kind "quote", with ``speaker`` when the article says who) and scare-quoted "term" spans."""
    ctx = _Context(body=article.body)
    ctx.paragraphs = _paragraphs(article)
    for index, (start, end, kind, author) in enumerate(ctx.paragraphs):
        if kind == "post":
            _add_post(ctx, index, start, end, author)
        elif (sig := _SIGNATURE.search(article.body, start, end)) and sig.end() == end:
            _add_post(ctx, index, start, sig.start(), sig["author"].strip())
        else:
            ctx.parts.extend(_scan_paragraph(article.body, start, end, index))
    _link_paragraphs(ctx)
    ctx.masked = _mask(article.body, [p for p in ctx.parts if p.kind == "quote"])
    mentions = _outside_headlines(ctx, find_mentions(ctx.masked))
    ctx.book = NameBook(mentions)
    ctx.mentions = mentions
    ctx.mention_starts = [m.start for m in mentions]
    ctx.sentences = _Sentences(article.body, ctx.masked)
    _classify(ctx)
    for part in ctx.parts:
        ctx.by_para.setdefault(part.para, []).append(part)
    _collect_events(ctx)
    for part in ctx.parts:
        if part.kind == "quote" and not part.post:
            _attribute(ctx, part)
    ctx.events.sort()
    _resolve_pronouns(ctx)
    _propagate(ctx)
    out = []
    for part in ctx.parts:
        speaker = ctx.book.speaker(part.speaker) if part.speaker and part.kind == "quote" else None
        out.append(Span(part.kind, part.start, part.end, article.body[part.start : part.end], speaker=speaker))  # type: ignore[arg-type]
    return out


# ---------------------------------------------------------------------------------------------------------
# 1. Quote marks


def _outside_headlines(ctx: _Context, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without those in a headline repeated in the body ("Obama Makes 'No Apologies' For ..."):
    Title Case runs there are not names, and a headline is not where a pronoun finds its person."""
    heads = [
        (start, end)
        for start, end, kind, _author in ctx.paragraphs
        if kind != "post" and _headline(ctx.body, start, end)
    ]
    if not heads:
        return mentions
    out = []
    i = 0
    for mention in mentions:
        while i < len(heads) and heads[i][1] <= mention.start:
            i += 1
        if i < len(heads) and heads[i][0] <= mention.start:
            continue
        out.append(mention)
    return out


def _headline(body: str, start: int, end: int) -> bool:
    """A short paragraph in Title Case with no full stop at its end."""
    text = body[start:end].strip().rstrip("”\"’'")
    if not text or text[-1] in ".!?:" or end - start > 200:
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _paragraphs(article: Article) -> list[tuple[int, int, str, str | None]]:
    if article.blocks:
        return [(b.start, b.end, b.kind, b.author) for b in article.blocks]
    return [(s, e, "paragraph", None) for s, e in article.paragraphs()]


def _add_post(ctx: _Context, index: int, start: int, end: int, author: str | None) -> None:
    """An embedded post is one quote by its author, without its signature, link or "2/2" counter."""
    body = ctx.body
    sig = _SIGNATURE.search(body, start, end)
    if sig and sig.end() == end:
        end = sig.start()
        author = author or sig["author"].strip()
    tail = _POST_TAIL.search(body, start, end)
    if tail:
        end = tail.start()
    start, end = _trim(body, start, end)
    first, _, rest = (author or "").partition(" ")
    if first.rstrip(".") in COURTESY_TITLES and " " in rest:
        author = rest  # "— Dr Brenda Fitzgerald (@CDCDirector)": the name without its title
    if end > start:
        ctx.parts.append(_Part(start, end, start, end, index, speaker=author or None, post=True, direct=True))


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _flanks(body: str, k: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(opens, closes): whether the mark at ``k`` can open (touches the next word) or close a quote."""
    prev = body[k - 1] if k > lo else " "
    nxt = body[k + 1] if k + 1 < hi else " "
    opens = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PUNCT or prev in _ALL_MARKS)
    closes = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in _ALL_MARKS)
    return opens, closes


def _single_closers(body: str, lo: int, hi: int) -> list[int]:
    """Every ’ or ' in ``body[lo:hi]`` that could close a single quote (not it’s, not rock ’n’ roll)."""
    out = []
    for m in _APOSTROPHE_RE.finditer(body, lo, hi):
        j = m.start()
        prev = body[j - 1] if j > lo else " "
        nxt = body[j + 1] if j + 1 < hi else " "
        if (prev.isalnum() and nxt.isalnum()) or (prev == "n" and body[j - 2 : j - 1] in ("’", "'")):
            continue  # it’s, Lukashenko's, rock ’n’ roll
        if _flanks(body, j, lo, hi)[1]:
            out.append(j)
    return out


def _single_closer(body: str, k: int, closers: list[int]) -> int | None:
    """The mark that closes a single quote opened at ``k``, or None (then ``k`` was an apostrophe)."""
    i = bisect.bisect_right(closers, k)
    candidates = [j for j in closers[i : i + 4] if j < k + _SINGLE_REACH]
    if not candidates:
        return None
    first = candidates[0]
    # "‘the workers’ union’": a plural possessive is followed by a lower-case word; prefer a later closer.
    after = body[first + 1 : first + 3]
    if body[first - 1] == "s" and len(after) == 2 and after[0] == " " and after[1].islower() and len(candidates) > 1:
        between = body[first + 1 : candidates[1]]
        if not re.search(r"(?:^|[\s(])[‘']\w", between):  # unless another quote opens in between
            return candidates[1]
    return first


def _scan_paragraph(body: str, lo: int, hi: int, index: int) -> list[_Part]:
    """Pair the quote marks of ``body[lo:hi]`` into parts (the last may stay open)."""
    parts: list[_Part] = []
    closers: list[int] | None = None  # found when the first single opening mark needs them
    open_at: int | None = None
    skip_until = -1
    for m in _MARKS_RE.finditer(body, lo, hi):
        k = m.start()
        if k < skip_until:
            continue
        ch = body[k]
        opens, closes = _flanks(body, k, lo, hi)
        if not parts and open_at is None and ch in '”"' and closes and not opens:
            # the paragraph's first double mark closes: a quotation the previous paragraph left open may go
            # on here without reopening (text split one sentence a line); _link_paragraphs decides
            parts.append(_Part(lo - 1, k, *_trim(body, lo, k), index, kind="orphan"))
            continue
        if open_at is None:
            if ch in _DOUBLE_OPEN or (ch == '"' and (opens or not closes)):
                if ch == "“" and closes and not opens:
                    continue  # a stray closing-style mark with nothing open
                open_at = k
            elif ch in "‘'" and opens and not _ELISION.match(body, k + 1):
                if closers is None:
                    closers = _single_closers(body, lo, hi)
                closer = _single_closer(body, k, closers)
                if closer is not None:
                    parts.append(_make_part(body, k, closer, index))
                    skip_until = closer + 1
            continue
        # A double quote is open: only double marks matter (single ones are nested quotes or apostrophes).
        if ch in _DOUBLE_CLOSE or (ch == '"' and (closes or not opens)) or (ch == "“" and closes and not opens):
            parts.append(_make_part(body, open_at, k, index))
            open_at = None
        elif ch in "“„" or ch == '"':
            # A new opening mark while one is open. After a full stop it starts the next paragraph of the same
            # quotation run together ('... until people drop. "In the 20th century ...'): close the first
            # there; otherwise the first mark was never closed and is dropped.
            if _ends_sentence(body, open_at + 1, k):
                parts.append(_make_part(body, open_at, k, index))
            open_at = k
    if open_at is not None:
        parts.append(_make_part(body, open_at, None, index, hi))
    return [p for p in parts if p.end > p.start]


def _ends_sentence(body: str, start: int, end: int) -> bool:
    text = body[start:end].rstrip()
    return len(text.split()) >= 3 and text[-1:] in ".!?…"


def _make_part(body: str, open_at: int, close_at: int | None, index: int, hi: int | None = None) -> _Part:
    end = close_at if close_at is not None else (hi if hi is not None else len(body))
    start, end = _trim(body, open_at + 1, end)
    return _Part(open_at, close_at, start, end, index)


def _link_paragraphs(ctx: _Context) -> None:
    """Chain a quote left open at a paragraph's end to the quote that reopens the next paragraph."""
    by_para: dict[int, list[_Part]] = {}
    for part in ctx.parts:
        by_para.setdefault(part.para, []).append(part)
    keep: list[_Part] = []
    chain = 0
    for index in range(len(ctx.paragraphs)):
        for part in by_para.get(index, []):
            if part.kind == "orphan":
                if part.chain >= 0:  # an open quotation went on into this paragraph: it is a quote
                    part.kind = "quote"
                    keep.append(part)
                continue
            if part.close_at is not None or part.post:
                keep.append(part)
                continue
            nxt = by_para.get(index + 1, [])
            para_start = ctx.paragraphs[index][0]
            reopens = (
                bool(nxt)
                and not nxt[0].post
                and (nxt[0].kind == "orphan" or _only_space(ctx.body, ctx.paragraphs[index + 1][0], nxt[0].open_at))
            )
            if reopens:
                if part.chain < 0:
                    chain += 1
                    part.chain = chain
                nxt[0].chain = part.chain
                keep.append(part)
            elif part.chain >= 0 or _opens_sentence(ctx.body, para_start, part.open_at):
                # the last paragraph of a chain, or a quotation opening a sentence that the paragraph ends
                # without closing ('… list. “That’s not something he’s done … on Monday.')
                keep.append(part)
    ctx.parts = keep


def _opens_sentence(body: str, para_start: int, open_at: int) -> bool:
    """True when the mark at ``open_at`` opens its paragraph or follows the end of a sentence."""
    before = body[para_start:open_at].rstrip().rstrip("”\"’'»)")
    return not before or before[-1:] in ".!?…:"


def _only_space(body: str, start: int, end: int) -> bool:
    return not body[start:end].strip()


def _mask(body: str, parts: list[_Part]) -> str:
    """``body`` with quoted words blanked, so names and verbs inside quotations are never attributions."""
    pieces: list[str] = []
    pos = 0
    for part in sorted(parts, key=lambda p: p.start):
        if part.start < pos:
            continue
        pieces.append(body[pos : part.start])
        pieces.append(MASK * (part.end - part.start))
        pos = part.end
    pieces.append(body[pos:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------------------------
# 2. Quote or term


def _classify(ctx: _Context) -> None:
    chained = {p.chain for p in ctx.parts if p.chain >= 0}
    for part in ctx.parts:
        if part.post or (part.chain >= 0 and part.chain in chained):
            continue
        text = ctx.body[part.start : part.end]
        words = text.split()
        if text.rstrip("”’\"' ")[-1:] in "!?":
            continue
        if len(words) > 2 and not _title_case(words):
            continue
        if part.close_at is not None and _direct_attribution(ctx.body, part.close_at + 1) is not None:
            continue
        part.kind = "term"


def _title_case(words: list[str]) -> bool:
    """ "In God We Trust", "Make America Great Again.": every word capitalised but the small ones."""
    letters = [w.strip("“”\"'‘’.,:;()[]") for w in words]
    letters = [w for w in letters if w]
    if not letters or not letters[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w in _SMALL_WORDS or not w[:1].isalpha() for w in letters)


def _direct_attribution(text: str, pos: int, last: str = "") -> tuple[str | None, str | None, str | None] | None:
    """(name, pronoun, described) of an attribution starting right at ``pos`` (after a closing mark), or None.

    ``(None, None, None)`` means an attribution to someone the rules will not name ("the Democrats said", "USA
    Today reported": an outlet reports others' words); ``described`` holds the words of a described speaker
    (", said the Spurs sporting director"). ``last`` is the quotation's last character when ``text`` has the
    quotation masked.
    """
    sentence_ended = (last or text[pos - 2 : pos - 1]) == "."
    for pattern in (_AFTER_SUBJECT_FIRST, _AFTER_VERB_FIRST):
        m = pattern.match(text, pos, min(len(text), pos + _WINDOW))
        if m and sentence_ended and m["pro"] and m["pro"][0].isupper():
            continue  # '“hoax.” He said on television that …' starts a new sentence
        if m and sentence_ended and not _ATTRIBUTION_CLOSES.match(text, m.end()):
            continue  # '“… breakpoint.” Sir Archy Kirkwood, who chairs …, said: “…”': a new sentence, its own quote
        if m:
            name, title, _possessive = clean_name(m["name"]) if m["name"] else (None, None, False)
            pronoun = m["pro"].lower() if m["pro"] else None
            # "said Mr Irish": a courtesy title makes a people's name a person's
            group = name is not None and is_group(name) and title not in HONORIFICS
            if name and (group or (is_outlet(name) and m["verb"] in _REPORT_VERBS)):
                return None, None, None
            if name and _JOINT_AT.match(text, m.end("name")):
                return None, None, None  # "wrote Wehner and Gerson": two speakers, not one
            if name and pattern is _AFTER_VERB_FIRST and (tail := _ROLE_TAIL.match(text, m.end())):
                return None, None, text[m.start("np") : tail.end()]
            if name or pronoun:
                return name, pronoun, None
    if (last or text[pos - 2 : pos - 1]) in (",", "!", "?"):
        m = _AFTER_ANY_VERB.match(text, pos, min(len(text), pos + 80))
        if m and m["pro"] and m["pro"][0].islower():
            return None, m["pro"].lower(), None
        if m and m["name"]:
            name, title, possessive = clean_name(m["name"])
            group = is_group(name) and title not in HONORIFICS if name else False
            if name and not possessive and not group and name.split()[0] not in LEADING_STOP:
                return (None if is_outlet(name) else name), None, None
    m = _AFTER_DASH_LINE.match(text, pos, min(len(text), pos + _WINDOW))
    if m:
        name, title, _possessive = clean_name(m["name"])
        if name and (len(name.split()) >= 2 or title) and not is_organisation(name):
            return name, None, None  # a quotation followed by "-- Charles Krauthammer on Fox"
    return None


# ---------------------------------------------------------------------------------------------------------
# 3. Speakers


class _Sentences:
    """Sentence breaks of the masked body, found once (abbreviations and initials do not end a sentence)."""

    def __init__(self, body: str, masked: str) -> None:
        self.dots: list[int] = []  # index of the full stop (or ! ?)
        self.starts: list[int] = []  # where the next sentence starts
        for m in _SENTENCE_BREAK.finditer(body):
            inside_quote = masked[m.start()] == MASK
            if inside_quote and m["close"] == "":
                continue  # a full stop inside a quotation ends no sentence of the article
            if not _is_abbreviation(body, m.start()):
                self.dots.append(m.start())
                self.starts.append(m.end())

    def bounds(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """Start and end of the sentence around ``pos``, within ``[lo, hi)`` and at most _WINDOW away."""
        i = bisect.bisect_right(self.starts, pos) - 1
        start = self.starts[i] if i >= 0 else lo
        start = max(start, lo, pos - _WINDOW)
        end = min(hi, pos + _WINDOW)
        j = bisect.bisect_left(self.dots, pos)
        if j < len(self.dots) and self.starts[j] <= end:
            end = self.dots[j] + 1
        return start, end

    def starts_within(self, lo: int, hi: int) -> list[int]:
        """``lo`` and every sentence start inside ``(lo, hi)``."""
        i = bisect.bisect_right(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        return [lo, *self.starts[i:j]]


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z]+)$", text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m[1]
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _collect_events(ctx: _Context) -> None:
    """Every speech verb outside quotations with a named subject: the speakers pronouns can refer to."""
    masked = ctx.masked
    sentences = ctx.sentences
    assert sentences is not None
    for start, end, _kind, _author in ctx.paragraphs:
        for m in _VERB_RE.finditer(masked, start, end):
            sent_start, _ = sentences.bounds(m.start(), start, end)
            after = None
            if masked[max(start, m.start() - 2) : m.start()] == ", ":
                after = _VERB_THEN_NAME.match(masked, m.end(), min(end, m.end() + 120))
                if after and (after["tail"] or not (named := clean_name(after["name"])[0])):
                    after = None
            if after and m.group() in _VERB_FIRST and _CLOSES_SENTENCE.match(masked, after.end()):
                # "..., whose head was crushed, said local hospital director Hengky Tewu.": the name after an
                # inverted verb that ends the sentence is who spoke, not the name before the verb
                ctx.events.append((m.start(), named))
                continue
            name, pronoun, _known = _subject(ctx, m, sent_start)
            if name:
                ctx.events.append((m.start(), name))
            elif after:  # "..., said local hospital director Hengky Tewu, who ..."
                ctx.events.append((m.start(), named))
            elif not pronoun and (np := _DESCRIBED_NP.search(masked, max(sent_start, m.start() - 100), m.start())):
                _note_described(ctx, np["np"], m.start())
        for m in (*_ACCORDING_ANYWHERE.finditer(masked, start, end), *_IN_THE_VIEW_OF.finditer(masked, start, end)):
            # "..., according to Danny McPherson, chief security officer ...", "In Patrick Leahy's view, ...":
            # a source speaks too
            name = clean_name(m["name"] or m["name2"])[0]
            if name and not is_outlet(name) and not is_group(name):
                ctx.events.append((m.start(), name))
        for sent_start in sentences.starts_within(start, end):
            name, _pronoun = _sentence_subject(ctx, sent_start, end)
            if name and ctx.book is not None and ctx.book.is_person(name):
                ctx.subjects.append((sent_start, name))
            elif _opens_with_described_person(masked, sent_start, end):
                ctx.unnamed.append(sent_start)
    ctx.events.extend((part.start, part.speaker) for part in ctx.parts if part.post and part.speaker)
    ctx.events.sort()


def _note_described(ctx: _Context, np: str, at: int) -> None:
    """Keep a described person who speaks at ``at`` ("a France Telecom spokeswoman who asked not to be named
    said") as someone a later "she said" may refer to, with the gender the role word gives."""
    np = _RELATIVE_TAIL.sub("", np)
    words = np.split()
    if len(words) < 2 or words[-1].lower() not in _PERSON_ROLES:
        return
    described = _described_speaker(ctx, np, at)
    if described and described[:1].islower():
        head = words[-1].lower()
        gender = "f" if head.endswith("woman") else "m" if head.endswith("man") else None
        ctx.described.append((at, described, gender))


def _opens_with_described_person(masked: str, sent_start: int, limit: int) -> bool:
    """ "The Australian has suffered ...", "The 28-year-old said ...", "The striker scored": a sentence whose
    subject is a person the article describes instead of naming (a rival candidate for a later "he")."""
    intro = _SENTENCE_INTRO.match(masked, sent_start, limit)
    m = _DESCRIBED_PERSON.match(masked, intro.end() if intro else sent_start, limit)
    if not m:
        return False
    head = m["head"]
    return (
        head in NATIONALITIES
        or head.capitalize() in TITLE_WORDS
        or bool(re.fullmatch(r"\d+-year-old|[a-z]+(?:er|or|ist|ian|man|woman)", head))
    )


def _subject(ctx: _Context, verb: re.Match[str], sent_start: int) -> tuple[str | None, str | None, bool]:
    """(name, pronoun, known) for the subject of the speech verb ``verb``.

    A pronoun that opens the sentence rather than standing before the verb is returned upper-cased ("HE"),
    so the caller knows it stands at ``sent_start``.

    known is True when the subject was found, even if it is someone unnamed ("the company said", "a
    blogger on the Web site Freedom's Lighthouse said"), and False when the verb has no recognisable
    subject (then an earlier verb may have one).
    """
    masked = ctx.masked
    v = verb.start()
    lo = max(sent_start, v - 120)
    if not verb.group().endswith("ing") and _PASSIVE_BEFORE.search(masked, max(lo, v - 12), v):
        # "de Lesseps, who was accused of ...": the subject did not speak; "she was told:" introduces words
        # nobody here said, while in "X said Labour was characterised by '...'" the earlier verb is the one
        return None, None, masked[verb.end() : verb.end() + 1] == ":"
    m = _SUBJECT_PRONOUN.search(masked, max(lo, v - 40), v)
    if m:
        return None, m["pro"].lower(), True
    rel = _RELATIVE_BEFORE.search(masked, max(lo, v - 100), v)
    if rel and rel["word"] not in SPEECH_VERBS:
        return None, None, False  # "the approach that Sotomayor condemns": not the clause the quote is in
    m = _SUBJECT_NAMED.search(masked, lo, v)
    if (
        m
        and _RELATIVE_AFTER.match(masked, m.end("name"))
        and _OBJECT_BEFORE.search(masked, max(0, m.start() - 30), m.start())
    ):
        m = None  # "The Scot defended Beattie, whose dismissal ..., saying": the object of a verb, not its subject
    if m and verb.group().endswith("ing") and _CLAUSE_SUBJECT.search(masked, m.end("name"), v):
        # "In an interview with the Financial Times, Mr Blair refused ..., saying": a later clause's subject
        # is who the participle hangs on (found below), not a name the clause stands in apposition to
        m = None
    if m and m.start() >= lo and verb.group().endswith("ing"):
        name, _title, possessive = clean_name(m["name"])
        if name and possessive and _only_space(masked, m.end(), v):
            return name, None, True  # "former President Clinton's calling the system 'the craziest thing'"
    if m and m.start() >= lo:
        first = m["name"].split()[0]
        # a place alone after a preposition ("a poll in Wyoming said") is where, not who
        place = all(_bare_word(t) in PLACES for t in m["name"].split())
        if (
            (first not in LEADING_STOP and (first not in PLACES or place))
            and _PREPOSITION_BEFORE.search(masked, max(0, m.start() - 12), m.start())
        ) or _described_opening(masked, sent_start, m.start()):
            return None, None, True  # "A spokesman for Unison, Britain's biggest union, said"
        name, _title, possessive = clean_name(m["name"])
        if name and not possessive:
            return name, None, True
    m = _SUBJECT_APPOSED.search(masked, lo, v) or _SUBJECT_RELATIVE.search(masked, sent_start, v)
    if m:
        name, _title, possessive = clean_name(m["name"] or m["name2"])
        if name and not possessive:
            return name, None, True
    if _SUBJECT_UNNAMED.search(masked, max(lo, v - 60), v):
        return None, None, True
    if verb.group().endswith("ing"):
        # "Mr X rejected the claim, saying ...": the subject of the clause the participle hangs on
        # ("..., Napolitano brushed him off, stating ..."), else the sentence's; nobody else's
        last = None
        for m in _CLAUSE_SUBJECT.finditer(masked, sent_start, v):
            # "... says Mr Schneiderman called her 'brown slave', adding:": who a speech verb reports on does
            # not go on speaking ("USA Today said that Panetta is critical ..., writing" is Panetta's, though)
            reported = verb.group() in ("adding", "continuing") and _SAYS_BEFORE.search(
                masked, max(sent_start, m.start() - 20), m.start()
            )
            if m["name"].split()[0] not in LEADING_STOP and not reported:
                last = m
        if last is not None:
            name, _title, possessive = clean_name(last["name"])
            if name and not possessive:
                return name, None, True
        name, pronoun = _sentence_subject(ctx, sent_start, v)
        return name, pronoun and pronoun.upper(), True
    if _SUBJECT_COORDINATED.search(masked, max(lo, v - 30), v):
        name, pronoun = _sentence_subject(ctx, sent_start, v)
        return name, pronoun and pronoun.upper(), True
    return None, None, False


def _bare_word(token: str) -> str:
    """``token`` without a possessive or trailing punctuation ("Wyoming's," -> "Wyoming")."""
    token = token.rstrip(".,;:")
    return token[:-2] if token.endswith(("’s", "'s")) else token


def _described_opening(masked: str, sent_start: int, name_at: int) -> bool:
    """True when the sentence opens with a described subject and the name at ``name_at`` is inside it."""
    intro = _SENTENCE_INTRO.match(masked, sent_start, name_at)
    return bool(_DESCRIBED_OPENING.match(masked, intro.end() if intro else sent_start, name_at))


def _sentence_subject(ctx: _Context, sent_start: int, limit: int) -> tuple[str | None, str | None]:
    """(name, pronoun) a sentence opens with ("Mr Lukashenko rejected ... and said", "On Monday he ...").

    The name must be followed by a verb-like word ("rejected", "has") or by a role and a second name
    ("NATO spokesperson Oana Lungescu said"), so "Trump administration officials" gives nothing. One
    capitalised word the article names nowhere else is how the sentence starts, not who ("Possibly as a
    result, ... calling it ...").
    """
    masked = ctx.masked
    intro = _SENTENCE_INTRO.match(masked, sent_start, limit)
    pos = intro.end() if intro else sent_start
    m = _ACCORDING_OPENING.match(masked, pos, limit)
    if m:
        pos = m.end()
    m = _OPENING_SUBJECT.match(masked, pos, limit)
    if not m:
        return None, None
    if m["pro"]:
        return None, m["pro"].lower()
    name, title, possessive = clean_name(m["name"] or m["name2"] or m["name3"] or m["name4"])
    if possessive or not name:
        return None, None
    if m["name4"] and (
        title is None
        or title in HONORIFICS
        or _bare_word(m["titles"].split()[-1]) not in TITLE_WORDS
        or m["titles"].split()[0] in _DETERMINERS
    ):
        # "Smith and Jones said", "The Prime Minister and Mr Smith struck": two people, neither the subject alone
        return None, None
    book = ctx.book
    acronym = name.isupper() and len(name) > 1
    if book is not None and " " not in name and not book.is_person(name) and book.counts[name] < 2 and not acronym:
        return None, None
    return name, None


def _attribute(ctx: _Context, part: _Part) -> None:
    masked = ctx.masked
    sentences = ctx.sentences
    assert sentences is not None
    p_start, p_end = ctx.paragraphs[part.para][0], ctx.paragraphs[part.para][1]
    # a) right after the closing mark
    # '… Kleinwort said: "… merchandise." Stuart Rose, head of M&S, said …': a quotation its sentence
    # introduced with a colon is that sentence's, whatever follows it
    introduced = (
        part.close_at is not None
        and ctx.body[part.close_at - 1] == "."
        and masked[p_start : part.open_at].rstrip().endswith(":")
    )
    if part.close_at is not None and not introduced:
        direct = _direct_attribution(masked, part.close_at + 1, ctx.body[part.close_at - 1])
        if direct is not None:
            name, pronoun, described = direct
            part.direct = True
            if name:
                part.speaker = name
                ctx.events.append((part.close_at, name))
            elif pronoun:
                part.pronoun = (pronoun, part.close_at)
            elif described:
                part.speaker = _described_speaker(ctx, described, part.open_at)
            return
        if m := _AFTER_UNNAMED.match(masked, part.close_at + 1, min(p_end, part.close_at + _WINDOW)):
            part.direct = True
            part.speaker = _described_speaker(ctx, m["desc"], part.open_at)
            return
        _, sent_end = sentences.bounds(part.close_at, p_start, p_end)
        tail = _SENTENCE_TAIL.search(masked, part.close_at + 1, max(part.close_at + 1, sent_end))
        if tail and MASK not in masked[part.close_at + 1 : tail.start()]:
            if tail["name"]:
                name = clean_name(tail["name"])[0]
                if name:
                    part.speaker, part.direct = name, True
                    return
            elif tail["pro"]:
                part.pronoun, part.direct = (tail["pro"].lower(), part.close_at), True
                return
    # b) a speech verb earlier in the same sentence
    floor = p_start
    for other in ctx.by_para.get(part.para, ()):
        if other.kind == "quote" and other.close_at is not None and other.close_at < part.open_at:
            floor = max(floor, other.close_at + 1)
    sent_start, _ = sentences.bounds(part.open_at, floor, p_end)
    intro = _SENTENCE_INTRO.match(masked, sent_start, part.open_at)
    according = _ACCORDING_BEFORE.search(masked, sent_start, part.open_at) or _ACCORDING_OPENING.match(
        masked, intro.end() if intro else sent_start, part.open_at
    )
    if according and not _names_a_thing(masked, according):
        name = clean_name(according["name"])[0]
        if name and not is_outlet(name):  # "according to the Post": a report of what others said
            part.speaker = name
            return
    view = _IN_THE_VIEW_OF.search(masked, sent_start, part.open_at)
    if view and not _VERB_RE.search(masked, view.end(), part.open_at):
        # "In Judiciary Committee Chairman Patrick Leahy's view, the overhaul is "moving very well."" (but "In
        # Smith's view, it is bad, but Jones said it is "a triumph"" is Jones's)
        name = clean_name(view["name"] or view["name2"])[0]
        if name and not is_outlet(name) and not is_group(name):
            part.speaker = name
            return
    subordinate = _SUBORDINATE_OPENING.match(masked, intro.end() if intro else sent_start, part.open_at)
    for verb in reversed(list(_VERB_RE.finditer(masked, sent_start, part.open_at))):
        if _ADJECTIVAL.search(masked, max(sent_start, verb.start() - 8), verb.start()):
            continue  # "the alleged build-up"
        if subordinate and verb.start() < subordinate.end():
            continue  # "When host Eric Shawn asked Napolitano ..., Napolitano brushed him off, stating “…”"
        name, pronoun, known = _subject(ctx, verb, sent_start)
        if name:
            part.speaker = name
        elif pronoun:
            part.pronoun = (pronoun.lower(), sent_start if pronoun.isupper() else verb.start())
        elif known:
            # the described subject opens the sentence, or its last clause ("Yahoo was hacked, and the company
            # said in a statement that ...")
            clause = intro.end() if intro else sent_start
            for joint in _CLAUSE_JOINT.finditer(masked, clause, verb.start()):
                clause = joint.end()
            opening = intro.end() if intro else sent_start
            m = _DESCRIBED_NP.fullmatch(masked, opening, verb.start()) or _DESCRIBED_NP.fullmatch(
                masked, clause, verb.start()
            )
            if m:
                part.speaker = _described_speaker(ctx, m["np"], part.open_at)
        if known:
            return
    # c) "…," according to X  (a source; the weakest sign)
    if part.close_at is not None:
        m = _AFTER_ACCORDING.match(masked, part.close_at + 1, min(p_end, part.close_at + _WINDOW))
        if m and not is_outlet(name := clean_name(m["name"])[0] or "") and not _names_a_thing(masked, m):
            part.speaker = name or None


def _names_a_thing(masked: str, m: re.Match[str]) -> bool:
    """ "according to the Mueller report", "according to the Trump campaign": the name after "the" qualifies a
    thing, which is not its speaker (a person is "according to Robert Mueller")."""
    before = masked[m.start() : m.start("name")].lower()
    return before.rstrip().endswith(" the") and _LOWER_AFTER.match(masked, m.end("name")) is not None


def _described_speaker(ctx: _Context, np: str, before: int) -> str | None:
    """The speaker an attribution describes rather than names.

    "the Chester chairman said" / "our correspondent said" is the one person the article introduced with
    that role before ("Chester chairman Steve Vaughan"); otherwise the words as written, starting lower case
    ("a France Telecom spokeswoman", "the company"): true, and more than "unattributed". None when the words
    do not read as a noun phrase ("the company that", "The Atlantic Wire ran a story about that cover").
    """
    tokens = np.split()
    if not 2 <= len(tokens) <= 10 or tokens[-1].lower() in _NOT_A_NOUN or not tokens[-1][:1].isalpha():
        return None
    if any(t in _CLAUSE_WORDS or (t.endswith("ed") and t.islower()) for t in tokens[1:]):
        return None
    if tokens[-1].endswith("s") and tokens[-2][:1].isupper():
        return None  # "The USDA keeps (warning)": a verb after the name, not a description
    determiner = tokens[0].lower()
    if len(tokens) == 2 and tokens[1].lower() in _ORG_HEADS and (actor := _acting_organisation(ctx, before)):
        return actor  # "Yahoo was hacked, and the company said": the organisation the sentence is about
    if determiner in ("the", "our"):
        roles = [" ".join(tokens[-2:]).lower(), tokens[-1].lower()] if len(tokens) > 2 else [tokens[-1].lower()]
        for role in roles:  # "the foreign secretary" before "the secretary"
            if holder := _role_holder(ctx, role, before):
                return holder
    return " ".join([determiner, *tokens[1:]])


def _acting_organisation(ctx: _Context, before: int) -> str | None:
    """The organisation that is the subject of a clause in the sentence before ``before`` or the one ahead of it
    ("The Vatican sent a team ... A statement said"), when exactly one acts after the last person who does."""
    sentences = ctx.sentences
    book = ctx.book
    assert sentences is not None and book is not None
    start = sentences.bounds(before, 0, before)[0]
    start = sentences.bounds(max(0, start - 2), 0, start)[0] if start > 0 else 0
    found: set[str] = set()
    for m in _CLAUSE_SUBJECT.finditer(ctx.masked, start, before):  # "Yahoo was hacked"
        name, _title, possessive = clean_name(m["name"])
        if not name or possessive or name.split()[0] in LEADING_STOP:
            continue
        if book.is_person(name) or is_group(name) or name in PLACES:
            found = set()  # a person acts later than any organisation so far: the words may be theirs
        else:
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _role_holder(ctx: _Context, role: str, before: int) -> str | None:
    """The one person named right after ``role`` before ``before`` ("chairman Steve Vaughan"), or None."""
    if ctx.roles is None:
        ctx.roles = {}
        for m in _ROLE_BEFORE_NAME.finditer(ctx.masked):
            name = clean_name(m["name"])[0]
            if name:
                ctx.roles.setdefault(m["role"], []).append((m.start(), name))
        for mention in ctx.mentions:  # "Chairman Steve Vaughan": the role written as a title
            if mention.title:
                titled = _TITLE_ROLES.get(mention.title.rstrip("."), mention.title.lower())
                ctx.roles.setdefault(titled, []).append((mention.start, mention.name))
                run = ctx.masked[mention.start : mention.end].split()
                if mention.name.split()[0] in run:  # "Foreign Secretary Jack Straw": also "foreign secretary"
                    prefix = run[: run.index(mention.name.split()[0])]
                    if len(prefix) >= 2:
                        key = " ".join(prefix[-2:]).lower()
                        ctx.roles.setdefault(key, []).append((mention.start, mention.name))
    book = ctx.book
    assert book is not None
    people = {book.fullest(name) for pos, name in ctx.roles.get(role, ()) if pos < before and book.is_person(name)}
    return people.pop() if len(people) == 1 else None


def _resolve_pronouns(ctx: _Context) -> None:
    """ "he told RAI-TV": the last person who spoke, or opened a sentence, before the pronoun's sentence.

    That person must be a person (names.NameBook.is_person) whose known gender does not clash, within
    _FOCUS_REACH; a run of "he said" goes on naming whoever the last quotation was given to. When anyone
    else who may be a he (or a she) is named between that person and the pronoun's sentence ("Saying
    President Obama, he said, ..."), the pronoun stays unresolved: a wrong speaker is worse than none.
    Names inside the pronoun's own sentence ("Mr Blair has '...', he said") are what it talks about, not
    who speaks, and are not counted.
    """
    book = ctx.book
    sentences = ctx.sentences
    assert book is not None and sentences is not None
    topics = sorted(ctx.events + ctx.subjects)
    # where each speaker spoke -> where that sentence ends (None: find it); the rest of it is what they talk
    # about or who they are ('said Robert Thomas, who lives near Carolina Beach'), not a rival
    spoke_at: dict[int, int | None] = {pos: None for pos, _name in ctx.events}
    undecided = {"m": -1, "f": -1}  # where the last pronoun of each gender was left unresolved
    for part in sorted(ctx.parts, key=lambda p: p.start):
        if part.kind != "quote" or part.pronoun is None or part.speaker:
            continue
        pronoun, at = part.pronoun
        want = "m" if pronoun == "he" else "f"
        if at > part.open_at:  # '"...," he said': the quote's own sentence is not where its speaker is named
            p_start = ctx.paragraphs[part.para][0]
            limit = min(sentences.bounds(part.open_at, p_start, len(ctx.body))[0], part.open_at)
        else:  # 'Conway confirmed ..., but she said it remains "..."'
            limit = at
        introduced = _introduced_before(ctx, part, limit, want) if at > part.open_at else None
        if introduced is not None:
            # 'Sen. Lindsey Graham, R-S.C., helped defeat it. / "I want ...," he says.'
            part.speaker = introduced
            bisect.insort(topics, (part.end, introduced))
            spoke_at[part.end] = None
            continue
        topic = _last_topic(ctx, topics, limit, want)
        described = _last_described(ctx, limit, want)
        if described and (topic is None or topic[0] < described[0]):
            # "a France Telecom spokeswoman ... said" and no fitting person named since: "she" is her
            d_end = sentences.bounds(described[0], 0, len(ctx.body))[1]
            if not _someone_else_named(ctx, min(d_end, limit), limit, want, ""):
                part.speaker = described[1]
            continue
        if topic is None:
            continue
        where, full = topic
        # a run of pronouns that could not be told apart stays undecided until someone new is named; a
        # person described rather than named in between ("The Australian has suffered ...") competes too
        unnamed = bisect.bisect_left(ctx.unnamed, where) < bisect.bisect_left(ctx.unnamed, limit)
        rivals_from = where
        if where in spoke_at:
            # "Peters told the Herald that Tarrant appeared lucid": who a speaker talks about is no rival
            said_until = spoke_at[where]
            rivals_from = said_until if said_until is not None else sentences.bounds(where, 0, len(ctx.body))[1]
            rivals_from = min(max(where, rivals_from), limit)
        rival = _someone_else_named(ctx, rivals_from, limit, want, full)
        if rival and at < part.open_at:
            # "Saying President Obama, he said, was ...": in the pronoun's own sentence the object of a
            # participle is what it talks about; any other name there ("As for Tlaib, she said") competes
            own = max(sentences.bounds(at, ctx.paragraphs[part.para][0], len(ctx.body))[0], rivals_from)
            rival = _someone_else_named(ctx, rivals_from, own, want, full) or _someone_else_named(
                ctx, own, limit, want, full, skip_objects=True
            )
        if where < undecided[want] or unnamed or rival:
            undecided[want] = at
            continue
        if _named_inside(ctx, part, full):
            continue  # '"I refer to him (Schiff) as a disgrace," he said': whom the words name is not who says them
        part.speaker = full
        bisect.insort(topics, (part.end, full))  # the next "he said" may refer to them too
        # 'he asked: "...?"' ends its sentence with the quotation; '"...," he said.' goes on after it
        ends = at < part.open_at and ctx.body[part.end - 1 : part.end] in (".", "?", "!")
        spoke_at[part.end] = part.end if ends else None


def _introduced_before(ctx: _Context, part: _Part, limit: int, want: str) -> str | None:
    """The one person the paragraph before introduces, for a paragraph that opens with a quotation and gives it
    to "he" or "she" ('Sen. Lindsey Graham, R-S.C., a member of the Gang of Eight, helped defeat it. / "I want
    biometrics ...," he says.'): the last sentence before names that person and no other who may be a
    ``want``, not as the object of a verb or a preposition, in a sentence that reports nobody's words and does
    not open with a pronoun or a described person (who would be the one the "he" goes on about)."""
    book, sentences = ctx.book, ctx.sentences
    assert book is not None and sentences is not None
    p_start = ctx.paragraphs[part.para][0]
    if part.para == 0 or limit > p_start or ctx.masked[p_start : part.open_at].strip():
        return None
    if _GOES_ON.match(ctx.masked, part.end):
        return None  # '"...," he continued': the speaker before goes on
    prev_start_para, prev_end_para = ctx.paragraphs[part.para - 1][0], ctx.paragraphs[part.para - 1][1]
    last = max(prev_start_para, _trim(ctx.masked, prev_start_para, prev_end_para)[1] - 1)
    s_start, s_end = sentences.bounds(last, prev_start_para, prev_end_para)
    if (
        ctx.masked[last] not in ".!?"
        or ctx.masked.endswith("..", 0, last + 1)
        or not _LOWER_WORD.search(ctx.masked, s_start, s_end)
    ):
        return None  # a heading or a widget ("More On This..."), not a sentence
    if MASK in ctx.masked[s_start:s_end] or any(s_start <= pos < s_end for pos, _name in ctx.events):
        return None  # a sentence with a quotation or a speaker of its own
    intro = _SENTENCE_INTRO.match(ctx.masked, s_start, s_end)
    begin = intro.end() if intro else s_start
    if _PRONOUN_OPENING.match(ctx.masked, begin) or _opens_with_described_person(ctx.masked, s_start, s_end):
        return None  # "He ...", "The president ...": the one who may speak next is not named here
    # "The Prime Minister and Mr Smith struck a deal": a name in a subject that a described person opens
    # shares it ("The group has advocated ... an idea Mr. LaPierre repeated" does not)
    described_until = s_start
    if ctx.masked[begin:s_end].split(maxsplit=1)[:1] and ctx.masked[begin:s_end].split()[0] in _DETERMINERS:
        verb = re.search(rf"(?<![\w’'-]){_VERBISH}", ctx.masked[begin:s_end])
        described_until = begin + verb.start() if verb else s_end
    people = set()
    i = bisect.bisect_left(ctx.mention_starts, s_start)
    while i < len(ctx.mentions) and ctx.mentions[i].start < s_end:
        mention = ctx.mentions[i]
        i += 1
        if not book.is_person(mention.name):
            continue
        if mention.start < described_until:
            return None
        full = book.fullest(mention.name)
        if book.gender_of(full) not in (None, want):
            continue
        # where the name itself starts: a run may open with a word that is no part of it ("With Jools Holland")
        at = ctx.masked.find(mention.name.split()[0], mention.start, mention.end)
        at = mention.start if at < 0 else at
        if _OBJECT_OF.search(ctx.masked, max(s_start, at - 30), at):
            return None  # "questioned Jeff Sessions", "with Mr Smith": whom the sentence is about
        people.add(full)
    if len(people) != 1:
        return None
    person = people.pop()
    return None if _named_inside(ctx, part, person) else person


def _named_inside(ctx: _Context, part: _Part, person: str) -> bool:
    """Whether the quotation names ``person`` (by the last word of the name): 'Schiff won his race ... / "I
    refer to him (Schiff) as a National Disgrace," he continued' is somebody else speaking of him. A surname
    that is also a place ("Steve Israel": "how Israel has been used") says nothing."""
    last = person.split()[-1]
    if _bare_word(last) in PLACES:
        return False
    # not as part of another name ("The Trump Organization did nothing wrong")
    pattern = rf"(?<![\w’'-]){re.escape(last)}(?![\w’'-])(?![ \t]+[A-Z])"
    return re.search(pattern, ctx.body[part.start : part.end]) is not None


def _last_described(ctx: _Context, before: int, want: str) -> tuple[int, str] | None:
    """(position, words) of the last described person fitting ``want`` who spoke before ``before``."""
    for pos, described, gender in reversed(ctx.described):
        if pos < before and before - pos <= _FOCUS_REACH:
            return (pos, described) if gender in (None, want) else None
    return None


def _last_topic(ctx: _Context, topics: list[tuple[int, str]], before: int, want: str) -> tuple[int, str] | None:
    """(position, fullest name) of the last person fitting ``want`` who spoke or was a subject before ``before``."""
    book = ctx.book
    assert book is not None
    i = bisect.bisect_left(topics, (before, "")) - 1
    while i >= 0 and before - topics[i][0] <= _FOCUS_REACH:
        name = topics[i][1]
        if book.is_person(name):
            full = book.fullest(name)
            if book.gender_of(full) in (None, want):
                return topics[i][0], full
        i -= 1
    return None


def _someone_else_named(ctx: _Context, lo: int, hi: int, want: str, full: str, *, skip_objects: bool = False) -> bool:
    """True when a person other than ``full`` who may be a ``want`` is named in ``[lo, hi)`` (with
    ``skip_objects``, not counting the object of a participle: "Saying President Obama, ...")."""
    book = ctx.book
    assert book is not None
    i = bisect.bisect_left(ctx.mention_starts, lo)
    while i < len(ctx.mentions) and ctx.mentions[i].start < hi:
        mention = ctx.mentions[i]
        name = mention.name
        i += 1
        if not book.is_person(name):
            continue
        if (
            skip_objects
            and ctx.masked[mention.end : mention.end + 1] == ","
            and _GERUND_OBJECT.search(ctx.masked, max(0, mention.start - 20), mention.end)
        ):
            continue
        other = book.fullest(name)
        if other == full or (" " not in other and full.endswith(" " + other)):
            continue  # a surname the article shares among several may be this very person ("Cheney")
        if book.gender_of(other) in (None, want):
            return True
    return False


def _propagate(ctx: _Context) -> None:
    """Parts of one quote share a speaker: across paragraphs, around an attribution, and quote paragraphs."""
    sentences = ctx.sentences
    assert sentences is not None
    quotes = [p for p in ctx.parts if p.kind == "quote"]
    chains: dict[int, str] = {}
    for part in quotes:
        if part.chain >= 0 and part.speaker and part.chain not in chains:
            chains[part.chain] = part.speaker
    for part in quotes:
        if part.chain >= 0 and not part.speaker and part.chain in chains:
            part.speaker = chains[part.chain]
    by_para: dict[int, list[_Part]] = {}
    for part in quotes:
        if not part.post:
            by_para.setdefault(part.para, []).append(part)
    for parts in by_para.values():
        # the nearest later part with its own attribution, for parts before any attributed one
        following: list[_Part | None] = [None] * len(parts)
        nxt: _Part | None = None
        for i in range(len(parts) - 1, -1, -1):
            following[i] = nxt
            if parts[i].speaker and parts[i].direct:
                nxt = parts[i]
        last: _Part | None = None
        for i, part in enumerate(parts):
            if not part.speaker and not part.direct and part.pronoun is None:  # not an unresolved "he said"
                source = last
                if source is None and (nxt := following[i]) is not None and _leads_to(ctx, part, nxt):
                    source = nxt
                if source is not None and not _other_speaker_between(ctx, source, part):
                    part.speaker = source.speaker
                elif source is None and i == 0:
                    # '..., Mr Straw said. "Our role as a leading member of the EU is ..."': a sentence of
                    # bare quotation after one that reports a single speaker in the same paragraph
                    part.speaker = _reported_just_before(ctx, part)
            if part.speaker:
                last = part
    # A paragraph that opens with an unattributed quotation continues the previous paragraph's speaker when
    # that paragraph was a quote paragraph itself, or ended with a quotation and its attribution.
    for index, (start, end, _kind, _author) in enumerate(ctx.paragraphs):
        parts = by_para.get(index, [])
        prev_parts = by_para.get(index - 1, [])
        if not parts or parts[0].direct or parts[0].speaker or not _only_space(ctx.body, start, parts[0].open_at):
            continue
        if _unread_attribution(ctx, parts[0], start, end):
            continue  # '"…," Johnson's father, James Johnson, said': its own speaker, unread, is not the last one
        if _subheading(ctx.body, start, end):
            continue  # "'It was just smoke'" over a section: a line quoted as its title, not more of the speech
        if index > 0 and _only_quotes(ctx, start, end) and not any(p.direct or p.pronoun for p in parts):
            # 'Yates insists her decision was not political ...' then a paragraph of nothing but quotation:
            # the words of whoever the previous paragraph's last sentence reported
            reported = _last_sentence_speaker(ctx, index - 1, prev_parts)
            if reported:
                for part in parts:
                    part.speaker = part.speaker or reported
                continue
        if not prev_parts or not prev_parts[-1].speaker:
            continue
        previous = prev_parts[-1]
        p_start, p_end = ctx.paragraphs[index - 1][0], ctx.paragraphs[index - 1][1]
        whole = _only_quotes(ctx, start, end) and _only_space(ctx.body, p_start, prev_parts[0].open_at)
        if whole or _ends_paragraph(ctx, previous, p_start, p_end):
            first_sentence_end = sentences.bounds(parts[0].open_at, start, end)[1]
            for part in parts:
                if part.open_at <= first_sentence_end or whole:
                    part.speaker = part.speaker or previous.speaker


def _unread_attribution(ctx: _Context, part: _Part, p_start: int, p_end: int) -> bool:
    """True when a speech verb follows ``part`` in its sentence: it has an attribution the rules did not read."""
    if part.close_at is None or ctx.body[part.close_at - 1 : part.close_at] in (".", "!", "?"):
        return False  # '"... or dial-up." He said BT ...': the quotation ended its sentence
    assert ctx.sentences is not None
    _, sent_end = ctx.sentences.bounds(part.close_at, p_start, p_end)
    return _VERB_RE.search(ctx.masked, part.close_at + 1, max(part.close_at + 1, sent_end)) is not None


def _subheading(body: str, start: int, end: int) -> bool:
    """A short paragraph with no punctuation at its end, inside or outside its marks: a section title."""
    text = body[start:end].strip().strip(_ALL_MARKS).rstrip()
    return len(text.split()) <= 8 and text[-1:] not in ".!?,;:…—–-)"


def _last_sentence_speaker(ctx: _Context, index: int, parts: list[_Part]) -> str | None:
    """Who the last sentence of paragraph ``index`` says spoke ("Yates insists ..."), when that sentence has
    no quotation and nobody else speaks or opens a sentence after them in it; else None."""
    sentences = ctx.sentences
    assert sentences is not None
    p_start, p_end, kind, _author = ctx.paragraphs[index]
    if kind == "post" or p_end <= p_start:
        return None
    return _sentence_speaker(ctx, p_start, p_end, parts)


def _sentence_speaker(ctx: _Context, p_start: int, end: int, parts: list[_Part]) -> str | None:
    """Who the sentence ending at ``end`` (within a paragraph starting at ``p_start``) says spoke, when it has
    no quotation of ``parts`` and nobody else speaks or opens a sentence after them in it; else None."""
    sentences = ctx.sentences
    assert sentences is not None
    last = max(p_start, _trim(ctx.body, p_start, end)[1] - 1)
    sent_start, _ = sentences.bounds(last, p_start, end)
    if (
        any(sent_start < part.end <= end for part in parts)
        or _sentence_subject(ctx, sent_start, end)[1]
        or _PRONOUN_SAYS.search(ctx.masked, sent_start, end)
    ):
        # a quotation there, "He said Smith told him ...", "Obama is letting Russia lead, she said": not one
        # named speaker's sentence
        return None
    lo = bisect.bisect_left(ctx.events, (sent_start, ""))
    hi = bisect.bisect_left(ctx.events, (end, ""))
    book = ctx.book
    assert book is not None
    raw = [name for _pos, name in ctx.events[lo:hi]]
    raw.extend(
        name
        for _pos, name in ctx.subjects[
            bisect.bisect_left(ctx.subjects, (sent_start, "")) : bisect.bisect_left(ctx.subjects, (end, ""))
        ]
    )
    names = {book.fullest(name) for name in raw}
    if len(names) != 1 or any(is_outlet(name) or is_group(name) for name in raw):
        return None  # "The Hill writes that:" reports others' words
    name = names.pop()
    # a person only: "noting: 'It's decision time.'" after "He warned ... Parliament will" is his, not its
    return name if book.is_person(name) else None


def _reported_just_before(ctx: _Context, part: _Part) -> str | None:
    """The one speaker the sentence before ``part``'s reports, in the same paragraph, when ``part`` opens a
    sentence of nothing but quotation."""
    sentences = ctx.sentences
    assert sentences is not None
    p_start, p_end = ctx.paragraphs[part.para][0], ctx.paragraphs[part.para][1]
    start, end = sentences.bounds(part.open_at, p_start, p_end)
    if start <= p_start or not _only_quotes(ctx, start, end) or _unread_attribution(ctx, part, p_start, p_end):
        return None
    return _sentence_speaker(ctx, p_start, start, [part])


def _leads_to(ctx: _Context, part: _Part, later: _Part) -> bool:
    """True when ``part`` may take the speaker of the ``later`` quotation's attribution: both are in one
    sentence ('"A," and "B," he said'), or ``part`` is a sentence of nothing but quotation ('"A." "B," he
    said'); not a phrase quoted in the writer's own sentence ('The "rule of thumb" story ...')."""
    sentences = ctx.sentences
    assert sentences is not None
    p_start, p_end = ctx.paragraphs[part.para][0], ctx.paragraphs[part.para][1]
    start, end = sentences.bounds(part.open_at, p_start, p_end)
    if later.open_at < end:
        return True
    return _only_quotes(ctx, start, end)


def _ends_paragraph(ctx: _Context, part: _Part, p_start: int, p_end: int) -> bool:
    """True when ``part`` and its attribution are the last sentence of their paragraph."""
    if part.close_at is None or not part.direct:
        return False
    assert ctx.sentences is not None
    _, sent_end = ctx.sentences.bounds(part.close_at, p_start, p_end)
    return _only_space(ctx.body, sent_end, p_end)


def _other_speaker_between(ctx: _Context, a: _Part, b: _Part) -> bool:
    """True when ``b`` must not take ``a``'s speaker: they are far apart, or someone else speaks between."""
    lo, hi = sorted((a.end, b.start))
    if hi - lo > _INHERIT_REACH:
        return True
    i = bisect.bisect_left(ctx.subjects, (lo, ""))
    while i < len(ctx.subjects) and ctx.subjects[i][0] < hi:
        name = ctx.subjects[i][1]
        if a.speaker and ctx.book and ctx.book.fullest(name) != ctx.book.fullest(a.speaker):
            return True
        i += 1
    i = bisect.bisect_left(ctx.events, (lo, ""))
    while i < len(ctx.events) and ctx.events[i][0] < hi:
        name = ctx.events[i][1]
        if a.speaker and ctx.book and ctx.book.fullest(name) != ctx.book.fullest(a.speaker):
            return True
        i += 1
    return False


def _only_quotes(ctx: _Context, start: int, end: int) -> bool:
    outside = ctx.masked[start:end].replace(MASK, "")
    return not re.sub(r"[\s\"“”„«»‘’'.,;:!?…—–-]", "", outside)
