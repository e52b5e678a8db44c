"""Names in running text: find capitalised name runs, strip titles, and settle on the fullest form.

Used by annotate.py to name speakers ("Mr Lukashenko" -> "Alexander Lukashenko", "Foreign Secretary Dominic
Raab" -> "Dominic Raab") and to guess whether "he" or "she" can refer to a name. Plain rules and small word
lists; nothing here knows about quotation marks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and extend than a literal)."""
    return frozenset(text.split())


# One capitalised token: "Lukashenko", "O'Brien", "H.W.", "U.S.", "Ocasio-Cortez", "RAI-TV", "Jr.". A word
# never takes a full stop (that ends the sentence), so a run never reaches into the next sentence.
_ABBREVIATED = "Mrs|Mr|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Adm|Cmdr|Det|Insp|Supt|Pres|Hon|Mt|Ft"
_TOKEN = rf"(?:(?:{_ABBREVIATED})\.|[A-Z]\.(?:[A-Z]\.)*|[A-Z](?:[\w’'\-]|&(?=[A-Z]))*)"  # "M&S", "AT&T"
_PARTICLE = r"(?:de|da|del|della|der|di|du|la|le|van|von|bin|ibn|al|el|dos|das|y)"
# A run of capitalised tokens on one line, lower-case particles allowed inside ("Ursula von der Leyen").
NAME = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_TOKEN})*"
# A name of at most seven words: for patterns searched from many places, where an unbounded run would be read
# again from each of them.
SHORT_NAME = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,3}}{_TOKEN}){{0,6}}"
NAME_RE = re.compile(rf"(?<![\w’'.\-]){NAME}")

# Words that open a sentence or a clause and are capitalised only because of that.
LEADING_STOP = words(
    """The A An But And Or So Yet However In On At By For From With As After Before When While If Since Until
    Although Though Because During Then Now Meanwhile Earlier Later Also Still Speaking Asked According This That
    These Those It He She They We I His Her Their Our Its My Your There Here What Why How Who Where Last Next
    Yesterday Today Tonight Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
    Nov Dec Instead Indeed Still Even Only Just Both Each Every Some Many Most Several Despite Amid Under Over
    Through Across Against Among Like Unlike Please Thanks Thank Sources Source Officials Critics Police Reporters
    Analysts Experts Residents Witnesses Photo Video Image Read Watch Related Contact Follow Cover Enlarge Caption
    Getty Reuters AP AFP Instead Once Twice Neither Either Not No Nor All Any None Whether Although Whatever
    Whoever Dozens Hundreds Thousands Millions Billions One Two Three Four Five Six Seven Eight Nine Ten Twenty
    Many Few Several Other Others Another Such Yes Oh Well Why JUST WATCHED MUST WATCH READ MORE VIDEO PHOTOS
    PHOTO RELATED BREAKING UPDATE UPDATED EXCLUSIVE LIVE NEW ADVERTISEMENT Advertisement Story Continued Below
    Click Share Tweet Email Print Comments Subscribe Sign Log Hide Show Replay Amidst Following Dear Hey Hello
    Sure Okay OK Up You Newsletter Continue Reading View Error Without Within Upon Toward Towards Beyond Besides
    Except Along Around Behind Below Beneath Between Beside Inside Outside Onto Per Via Regardless Perhaps
    Possibly Probably Clearly Obviously Certainly Surely Apparently Unfortunately Fortunately Sadly Hopefully"""
)
# Titles and roles written before a name; the name is what follows the last of them.
TITLE_WORDS = words(
    """President Vice Premier Prime Minister Secretary Foreign Home Defence Defense Interior Treasury Chancellor
    Senator Sen Representative Rep Congressman Congresswoman Gov Governor Mayor Lt Gen General Col Sgt Capt Adm
    Admiral Cmdr Commander Chief Justice Judge Attorney Director Commissioner Chairman Chairwoman Chair Speaker
    Leader Majority Minority Whip Spokesman Spokeswoman Spokesperson Ambassador Mr Mrs Ms Miss Dr Prof Professor
    Rev Reverend Sir Dame Lord Lady King Queen Prince Princess Pope Pastor Father Sheriff Detective Inspector
    Superintendent Officer Deputy Assistant Acting Former Sheikh Emir Ayatollah CEO Chancellor Archbishop Bishop
    Cardinal Rabbi Imam Coach Manager Captain Sergeant Lieutenant Colonel Major Private Corporal Constable
    Councillor Councilman Councilwoman Alderman Delegate Assemblyman Assemblywoman Minister-President Elect Mister
    Madam Dean Chef Gen. Premier Presidential Candidate Nominee Founder Owner Editor Columnist Correspondent
    Anchor Host Justice Sec Pres Supt Insp Det Capt Cpl Pvt Hon Rt Counselor Counsellor Adviser Advisor Aide
    Strategist Economist Analyst Reporter Secretary-General Envoy Negotiator Lawyer Attorney-General Senior
    Principal Press Journalist Activist Author Writer Scientist Doctor Nurse Teacher Actor Actress Singer Comedian
    Rapper Historian Researcher Epidemiologist Physician Entrepreneur Investor Businessman Businesswoman
    Billionaire Filmmaker Director-General Commentator Pundit Blogger MP MEP MSP MLA MPP"""
)
# Titles anyone may carry; other titles tell people apart ("President Trump" is not "Ivanka Trump").
COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mister", "Madam", "Former", "Sir", "Dame"})
# The titles that only ever stand before one person's name ("Mr Irish"), unlike "Former".
HONORIFICS = COURTESY_TITLES - {"Former"}
MALE_TITLES = frozenset({"Mr", "Sir", "Lord", "King", "Prince", "Father", "Brother", "Mister", "Pope"})
FEMALE_TITLES = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess", "Sister", "Madam"})
# Tokens that make a run an organisation rather than a person.
ORG_WORDS = words(
    """Department Ministry Agency Office Council Committee Commission House Party Company Corp Corporation Inc Ltd
    LLC Group University College School Association Union Court Congress Senate Parliament Government
    Administration Bureau Service Services Police Army Navy Force Forces Guard Center Centre Institute Foundation
    Bank Fund Times News Post Journal Press Network Organization Organisation Alliance Federation Board Authority
    Energy Kremlin Pentagon Ministry Embassy Campaign Church Club Team Airlines Airways Motors Industries Holdings
    Partners Capital Media Television Radio TV Channel Magazine Tribune Herald Agency Coalition Movement Front
    Council Assembly Cabinet Commission Secretariat Reserve Exchange Department Hospital Library Museum Foundation
    Trust Society Institute Program Programme Project Initiative Studios Records Pictures Games Club Stadium
    Street Avenue Square Road Bridge Airport Station Region Province State States County City Republic Kingdom
    Union Nations Europe America Facebook Twitter Google Apple Microsoft Amazon Boeing Open Cup Championship
    Championships Games Olympics League Series Tour Award Awards Prize Festival Conference Convention Summit Forum
    Act Law Program Plan Report Index Prix Trophy Classic Stakes Bowl Amendment Amendments Constitution Treaty
    Accord Accords Agreement Directive Protocol Charter Declaration"""
)
COMPASS = words("North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old Fort Port")
# A run opening with one of these is a thing, an event or a team, not a person ("Australian Open").
NATIONALITIES = words(
    """American British English Scottish Welsh Irish French German Italian Spanish Portuguese Dutch Belgian Swiss
    Austrian Swedish Norwegian Danish Finnish Polish Russian Ukrainian Chinese Japanese Korean Indian Pakistani
    Afghan Iranian Iraqi Syrian Israeli Palestinian Egyptian Turkish Greek Canadian Mexican Brazilian Argentine
    Australian Zealand African European Asian Arab Catholic Christian Muslim Jewish Islamic National Federal
    Royal International Global United Democratic Republican Conservative Liberal Labour Socialist"""
)
# News outlets: they report what others said ("..., USA Today reported", "according to the Post"); the words
# are not theirs unless they say them ("The Star-Ledger said in an editorial").
OUTLET_WORDS = words(
    """Times Post News Journal Press Herald Tribune Telegraph Guardian Gazette Chronicle Globe Observer Mail Mirror
    Express Independent Economist Reuters AP AFP Bloomberg CNN NPR BBC ABC CBS NBC MSNBC Fox Politico Axios Hill
    Atlantic Vox Slate Salon Breitbart Newsmax Caller Beacon Examiner Register Bulletin Wire Newsweek Insider
    Yahoo Today Radio TV Television Magazine Agency Newspaper"""
)
# Plural groups: never a he or a she, and never the one speaker of a quote.
GROUP_WORDS = words(
    """Democrats Republicans Conservatives Liberals Tories Americans Russians Britons Europeans Democrats
    Palestinians Israelis Muslims Christians Jews Catholics Protestants Evangelicals Progressives Socialists
    Communists Nationalists Republicans Independents Libertarians Unionists Loyalists Kurds Sunnis Shias Shiites
    Iranians Syrians Iraqis Afghans Chinese Japanese Germans French Italians Spaniards Canadians Mexicans Caribs
    Caribbeans Africans Asians Arabs Latinos Hispanics Whites Blacks Millennials Boomers Britons Scots Irish
    Democrat Republican Conservative Liberal Tory Independent Libertarian Socialist Progressive GOP Dems"""
)
# Places that open a run by accident ("in California Reagan told ...").
PLACES = words(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
    Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
    Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
    Wisconsin Wyoming America Britain England Scotland Wales Ireland France Germany Italy Spain Portugal Russia
    Ukraine Belarus Poland China Japan Korea India Pakistan Afghanistan Iran Iraq Syria Israel Egypt Turkey Greece
    Canada Mexico Brazil Australia Africa Europe Asia London Paris Berlin Moscow Beijing Tokyo Minsk Kyiv Kiev
    Rome Madrid Brussels Geneva Washington Jerusalem Baghdad Kabul Tehran Damascus Istanbul Ankara Cairo Delhi
    Toronto Sydney Chicago Boston Dallas Houston Miami Atlanta Seattle"""
)
# Common given names whose gender is settled enough to rule a pronoun in or out.
MALE_NAMES = words(
    """James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
    Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob
    Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick
    Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah
    Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan
    Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell
    Bobby Mason Philip Louis Barack Bill Bernie Mike Jim Tom Bob Joe Ted Newt Mitt Rand Marco Jeb Ben Chuck Mitch
    Nancy Boris Vladimir Dmitry Sergei Sergey Alexei Viktor Emmanuel Angela Recep Tayyip Binali Mehmet Ahmed
    Mohammed Muhammad Ali Hassan Hussein Omar Abdul Xi Kim Shinzo Narendra Justin Jair Nicolas Hugo Fidel Raul
    Silvio Matteo Giuseppe Mario Sergio Fabrizio Stefano Andrea Francesco Luigi Jacques Francois Pierre Jean
    Nicolas Helmut Gerhard Olaf Tony Gordon Nigel Jeremy Dominic Rishi Keir Theresa Liam Ned Rick Ken Doug Greg
    Jerzy Lech Andrzej Ehud Benjamin Bibi Yair Jared Rudy Rudolph Rex Mick Steve Sam Dick Al Newt Harry Jimmy
    Lyndon Dwight Franklin Herbert Woodrow Calvin Warren Ulysses Abraham Rodrigo Pedro Carlos Luis Jorge Manuel
    Antonio Francisco Miguel Alejandro Fernando Diego Pablo Enrique Javier Andres Ricardo Eduardo Roberto Oscar
    Alberto Kristian Brenton Scott Hunter Beto Pete Cory Eric Tim Jay Jon Josh Chris Andy Dan Matt Nick Pat Phil
    Vince Wes Zach Bret Brett Jake Luke Ron Don Hank Dave Darrell Fred Howard Ronan Devin"""
)
FEMALE_NAMES = words(
    """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
    Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura
    Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra
    Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina
    Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara
    Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia
    Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Huma Melania Ivanka Michelle Kamala
    Elizabeth Nikki Sarah Condoleezza Madeleine Theresa Angela Ursula Christine Marine Jacinda Oana Sviatlana
    Svetlana Tatiana Olga Natalia Irina Yulia Liz Patti Carmen Nancy Dianne Kirsten Amy Tammy Susan Lisa Maxine
    Ilhan Alexandria Rashida Ayanna Tulsi Kellyanne Sarah Hope Betsy Elaine Nikki Gina Janet Loretta Sally
    Samantha Valerie Huma Chelsea Malia Sasha Farhana Jill Laura Barbara Rosalynn Eleanor Hilary Harriet Margaret
    Nicola Priti Yvette Diane Emily Kate Meghan Camilla Anne Beatrice Eugenie Ruth Sonia Elena Ketanji Amy Stacey
    Gretchen Kristi Lori Muriel Lori Kim Deborah Lee Lesa Elise Marianne Brooke Jen Celine Céline Shannon Anita
    Sheila Dana Debbie Kay Leah Lynn Mia Nina Rita Tina Vicki Wendy Zoe Gail Joni Megyn Maggie"""
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name run outside quotations: where it is and its cleaned form (titles and possessive removed)."""

    start: int
    end: int
    name: str
    title: str | None = None
    possessive: bool = False


@lru_cache(maxsize=8192)  # the same runs recur throughout an article (and a corpus)
def clean_name(run: str) -> tuple[str | None, str | None, bool]:
    """Return ``(name, last_title, possessive)`` for a capitalised run, or ``(None, ...)`` if no name is left.

    Leading sentence words and places are dropped ("Sunday Lukashenko" -> "Lukashenko"); a person's titles are
    dropped ("Foreign Secretary Dominic Raab" -> "Dominic Raab"); organisations keep their words ("Justice
    Department").
    """
    possessive = False
    text = run.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            possessive = suffix in ("’s", "'s") or text[-len(suffix) - 1] == "s"
            text = text[: -len(suffix)]
            break
    # "Donald John TrumpTrump faces ...": a hover card pasted its link text twice; the name ends there
    tokens = []
    for tok in text.split():
        doubled = _DOUBLED.fullmatch(tok)
        tokens.append(doubled[1] if doubled else tok)
        if doubled:
            break
    if tokens and tokens[-1].endswith(".") and not _keeps_dot(tokens[-1]):
        tokens[-1] = tokens[-1][:-1]
    while (
        tokens
        and len(tokens) > 1
        and (_bare(tokens[0]) in LEADING_STOP or _bare(tokens[0]) in PLACES or _gerund(tokens[0]))
        and tokens[0] not in _UNDOTTED_GIVEN
    ):
        tokens.pop(0)
    if tokens and _bare(tokens[0]) in LEADING_STOP and (len(tokens) == 1 or tokens[0] not in _UNDOTTED_GIVEN):
        return None, None, possessive
    title = None
    last_title = -1
    for i, tok in enumerate(tokens):
        if _is_title(tok):
            last_title = i
    if last_title >= 0:
        rest = tokens[last_title + 1 :]
        title = _bare(tokens[last_title])
        if rest and not any(_bare(t) in ORG_WORDS for t in rest):
            tokens = rest
        elif not rest:
            return None, title, possessive
    if not tokens:
        return None, title, possessive
    # "Germany's Tommy Haas": a possessive inside the run belongs to what comes before the name.
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].endswith(("’s", "'s")):
            tokens = tokens[i + 1 :]
            break
    # "White House Counselor Kellyanne Conway": the person starts at the first given name after the role.
    # Not inside an organisation's name ("St. Louis Tea Party Coalition").
    for i in range(1, len(tokens) - 1):
        if (
            _is_given_name(tokens[i])
            and not _is_given_name(tokens[i - 1])
            and not any(_bare(t) in ORG_WORDS for t in tokens[i + 1 :])
        ):
            tokens = tokens[i:]
            break
    return " ".join(tokens), title, possessive


_DOUBLED = re.compile(r"([A-Z][a-z]{2,})\1")
# A month abbreviated without its dot before a name is a given name ("Jan Berry said"; a date has "Jan. 5").
_UNDOTTED_GIVEN = frozenset({"Jan"})


def _is_given_name(token: str) -> bool:
    return token in MALE_NAMES or token in FEMALE_NAMES


def _gerund(token: str) -> bool:
    """ "Saying President Obama, ...": a sentence-opening -ing word is not part of a name."""
    return len(token) > 5 and token.endswith("ing") and token[1:].islower()


def _bare(token: str) -> str:
    return token.rstrip(".,")


def _keeps_dot(token: str) -> bool:
    """Initials and abbreviations keep their dot ("H.W.", "Jr.", "U.S.")."""
    bare = token[:-1]
    return len(bare) == 1 or "." in bare or bare in {"Jr", "Sr", "St"}


def _is_title(token: str) -> bool:
    bare = _bare(token)
    if bare in TITLE_WORDS:
        return True
    return "-" in bare and any(part.capitalize() in TITLE_WORDS for part in bare.split("-"))


def find_mentions(masked: str) -> list[Mention]:
    """Every name run in ``masked`` (quoted text already blanked out), cleaned, in text order."""
    out: list[Mention] = []
    for m in NAME_RE.finditer(masked):
        name, title, possessive = clean_name(m.group())
        if name:
            out.append(Mention(m.start(), m.end(), name, title, possessive))
    return out


def is_group(name: str) -> bool:
    """ "Democrat", "Republicans": a party or people in general, never a named speaker."""
    return any(_bare(t) in GROUP_WORDS for t in name.split())


def is_outlet(name: str) -> bool:
    """ "USA Today", "The Washington Post", "Reuters", "Fox News": a news outlet (by its words)."""
    return any(_bare(t) in OUTLET_WORDS for t in name.split())


def is_organisation(name: str) -> bool:
    """True for "CDC", "Whitefish Energy", "Justice Department", "Democrats": not a he or a she."""
    tokens = name.split()
    if any(_bare(t) in ORG_WORDS or _bare(t) in GROUP_WORDS for t in tokens):
        return True
    if len(tokens) >= 2 and (tokens[0] in NATIONALITIES or tokens[0] in COMPASS):
        return True  # "Australian Open", "West Ham", "North Carolina"
    return len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1


class NameBook:
    """What one article says about names: the full forms, how often each occurs, and known genders."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.counts: Counter[str] = Counter(m.name for m in mentions)
        self.first_at: dict[str, int] = {}
        self.gender: dict[str, str] = {}
        self.titled: set[str] = set()
        self.titles: dict[str, set[str]] = {}
        for m in mentions:
            self.first_at.setdefault(m.name, m.start)
            if m.title and _bare(m.title) in TITLE_WORDS and m.title not in ORG_WORDS:
                self.titled.add(m.name)
                if m.title not in COURTESY_TITLES:
                    self.titles.setdefault(m.name, set()).add(m.title)
            if m.title in MALE_TITLES:
                self.gender.setdefault(m.name.split()[-1], "m")
            elif m.title in FEMALE_TITLES:
                self.gender.setdefault(m.name.split()[-1], "f")
        # "Mr Irish", "Dr Israel": a surname that a courtesy title puts on a person is no people or place, and
        # neither is the full name ending in it ("Oliver Irish")
        surnames = {m.name for m in mentions if m.title in HONORIFICS and " " not in m.name}
        self.people: set[str] = surnames | {
            n for n in self.first_at if " " in n and n.split()[-1] in surnames and _could_be_given(n.split()[0])
        }
        by_last: dict[str, list[str]] = {}
        by_first: dict[str, list[str]] = {}
        for name in self.first_at:
            tokens = name.split()
            if len(tokens) >= 2 and not self.organisation(name):
                by_last.setdefault(tokens[-1], []).append(name)
                by_first.setdefault(tokens[0], []).append(name)
        self._by_last = by_last
        self._by_first = by_first
        # the fuller names of people that end with a run of two words or more ("Manning Barish"), made once
        by_tail: dict[tuple[str, ...], list[str]] = {}
        for name in self.first_at:
            tokens = name.split()
            if len(tokens) >= 3 and self._personal(name):
                for k in range(2, len(tokens)):
                    by_tail.setdefault(tuple(tokens[-k:]), []).append(name)
        self._by_tail = by_tail

    def organisation(self, name: str) -> bool:
        """:func:`is_organisation`, except for the people a courtesy title showed to be people."""
        return name not in self.people and is_organisation(name)

    def fullest(self, name: str) -> str:
        """The fullest form of ``name`` the article gives ("Lukashenko" -> "Alexander Lukashenko").

        A bare surname becomes the one full name ending in it; when several people share it ("Bush") it
        stays as it is. Full names that differ only by a middle name ("Donald Trump", "Donald J. Trump") are
        one person, named as the article first names them.
        """
        tokens = name.split()
        if len(tokens) >= 2 and _bare(tokens[0]) in PLACES:
            rest = " ".join(tokens[1:])
            if rest in self.first_at or rest.split()[-1] in self._by_last:
                return self.fullest(rest)
        if len(tokens) >= 2 and not self.organisation(name):
            # "Manning Barish" -> "Michelle Manning Barish": the one fuller name of a person that ends with it
            longer = self._by_tail.get(tuple(tokens), [])
            return longer[0] if len(longer) == 1 else name
        if len(tokens) != 1 or self.organisation(name):
            return name
        # a titled surname ("President Trump") is not a relative named in full without a title ("Ivanka
        # Trump"), but may be a titled one ("Congressman Israel", "DCCC Chairman Steve Israel")
        own = self.titles.get(name, set())
        candidates = [c for c in self._by_last.get(tokens[0], []) if not own or self.titles.get(c)]
        if not candidates:
            # "Gen. Prayuth Chan-ocha" ... "Prayuth said": a given name used alone, when one full name has it
            firsts = [c for c in self._by_first.get(tokens[0], []) if c in self.titled]
            return firsts[0] if len(firsts) == 1 else name
        if len(candidates) == 1:
            return candidates[0]
        ordered = sorted(candidates, key=lambda n: self.first_at[n])
        first = ordered[0].split()
        if all(_same_person(first, c.split()) for c in ordered[1:]):
            return ordered[0]
        return name

    def speaker(self, name: str) -> str:
        """The fullest form of a speaker's name: as ``fullest``, and a lone name that speaks and starts one
        person's full name is that person ("James Johnson ... James said"), titled or not (a lone word that
        does not speak, "the Carib council", is not taken for "Carib Indians")."""
        full = self.fullest(name)
        if " " in full or self.organisation(full) or full in self._by_last:
            return full
        firsts = [c for c in self._by_first.get(full, []) if self._personal(c)]
        return firsts[0] if len(firsts) == 1 else full

    def _personal(self, name: str) -> bool:
        """A full name that reads as a person's: two or three words, none of a place, nationality or group."""
        tokens = name.split()
        return (
            2 <= len(tokens) <= 3
            and not any(_bare(t) in PLACES or t in NATIONALITIES or t in COMPASS for t in tokens)
            and not is_outlet(name)
            and not is_group(name)
        )

    def is_person(self, name: str) -> bool:
        """A person, as far as the article shows: a full name, a titled name ("President Trump"), or a
        surname of a full name elsewhere in it; not an organisation, a group or a place."""
        full = self.fullest(name)
        if self.organisation(full) or full in PLACES or full.split()[0] in _NUMBER_NAMES:
            return False  # "Two Ronnies", "Three Lions": a show or a team
        if len(full.split()) >= 2 or full in self.titled or self.gender_of(full) is not None:
            return True
        # a surname several full names share ("Bush": George and Jeb) is a person, if not which one; those
        # names must be people by a given name or a title ("No Deal Brexit" does not make "Brexit" one)
        return any(  # (_by_last holds no organisation)
            c in self.titled or self.gender_of(c) is not None for c in self._by_last.get(full, ())
        )

    def gender_of(self, name: str) -> str | None:
        """ "m", "f" or None, from a title the article used or a common given name."""
        tokens = name.split()
        if not tokens:
            return None
        if tokens[-1] in self.gender:
            return self.gender[tokens[-1]]
        # a given name, also alone ("Keith and Ann Blake ... Keith said"): a name the article gives in full
        # was resolved to that full name before this
        if tokens[0] in MALE_NAMES and tokens[0] not in FEMALE_NAMES:
            return "m"
        if tokens[0] in FEMALE_NAMES and tokens[0] not in MALE_NAMES:
            return "f"
        return None


_NUMBER_NAMES = words("One Two Three Four Five Six Seven Eight Nine Ten Twelve Twenty Hundred Thousand")


def _could_be_given(word: str) -> bool:
    """A word that may be a given name before a surname: not "Northern" (Irish), "Irish", "The" or "NATO"."""
    return not (
        word in COMPASS or word in NATIONALITIES or word in LEADING_STOP or is_organisation(word) or word.isupper()
    )


def _same_person(a: list[str], b: list[str]) -> bool:
    """ "Donald Trump" and "Donald J. Trump", "Richard Blumenthal" and "Dick Blumenthal": same last name, the
    same given name or a usual short form of it, and the rest of one's names all in the other."""
    if a[-1] != b[-1] or _given(a[0]) != _given(b[0]):
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return all(tok in long for tok in short[1:])


# Usual short forms of English given names: one person whom an article names both ways (not the forms that
# women's and men's names share: "Pat Jones and her son Patrick Jones" are two people).
_SHORT_FORMS: dict[str, str] = {
    short: full
    for full, shorts in {
        "Richard": "Dick Rick Rich",
        "William": "Bill Will Billy",
        "Robert": "Bob Rob Bobby",
        "James": "Jim Jimmy",
        "Michael": "Mike",
        "Thomas": "Tom Tommy",
        "Joseph": "Joe Joey",
        "Daniel": "Dan Danny",
        "David": "Dave",
        "Edward": "Ed Ted Eddie",
        "Anthony": "Tony",
        "Charles": "Chuck Charlie",
        "Lawrence": "Larry",
        "Ronald": "Ron",
        "Donald": "Don",
        "Timothy": "Tim",
        "Kenneth": "Ken",
        "Gregory": "Greg",
        "Jeffrey": "Jeff",
        "Matthew": "Matt",
        "Andrew": "Andy",
        "Nicholas": "Nick",
        "Benjamin": "Ben",
        "Elizabeth": "Liz Beth Betsy",
        "Margaret": "Maggie Peggy",
        "Katherine": "Kate Katie Kathy",
        "Susan": "Sue",
        "Jennifer": "Jen Jenny",
        "Rebecca": "Becky",
    }.items()
    for short in shorts.split()
}


def _given(name: str) -> str:
    return _SHORT_FORMS.get(name, name)
