"""Stray lines: text from around an article that scraping pulled into its body.

Photo credits, captions, a dateline split off its paragraph, bylines, timestamps,
footers, share and newsletter prompts, related-article links, leftover markup and
repeated paragraphs. Each rule proposes deleting the whole line (and one blank
line beside it, so no double blank line is left), with a confidence and a message
saying why; the deleted text stays in the finding, so nothing removed is lost.

A line is judged by what it is and where it stands. :func:`stray_lines` reads
the document once: it splits it into units (a line standing as its own
paragraph), skips every line that looks like prose (long, ending a sentence, no
caption or credit tail), and classifies the few remaining candidates with
compiled patterns and their context: position (top, bottom, between
paragraphs), their neighbours, and whether they repeat another line. Every rule
reads that shared, cached classification, so the family scans a text once.

Precision comes first: a line that is only *shaped* like a stray line (short, no
full stop) is never enough. Headlines, subheadings, list items, dialogue
(``“Yes.”``), verse, chapter headings, and letters' sign-offs have that shape
and are content. Each kind needs positive evidence of what the line is: an
agency name, a caption verb, a date, a known boilerplate phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.fuzz import ratio

from ..model import Document, Edit, Finding, Safety
from ..registry import rule

__all__ = ["StrayLine", "stray_lines"]

SAFE_CONFIDENCE = 0.8

# ---------------------------------------------------------------------------
# Vocabulary

_AGENCY = (
    r"(?:Reuters|AP(?:\sPhoto)?|AFP|Getty\sImages|Getty|EPA(?:-EFE)?|EFE|PA(?:\s(?:Media|Wire|Images))?"
    r"|Shutterstock|REX|Bloomberg|Xinhua|Sputnik|TASS|Kyodo|Yonhap|ANSA|DPA|dpa|Anadolu(?:\sAgency)?"
    r"|Associated\sPress|Agence\sFrance-Presse|Alamy(?:\sStock\sPhoto)?|Corbis|iStock(?:photo)?"
    r"|NurPhoto|SOPA\sImages|LightRocket|ZUMA(?:\sPress|\sWire)?|WireImage|FilmMagic|Pool"
    r"|Handout|Unsplash|Imageplotter|Press\sAssociation|UPI|Sipa(?:\sUSA)?|Redux|Polaris"
    r"|Bloomberg\sNews|BBC|CNN|NBC\sNews|CBS\sNews|ABC\sNews|Fox\sNews|The\sNew\sYork\sTimes"
    r"|The\sWashington\sPost|The\sGuardian|Wikimedia\sCommons|Flickr|Courtesy(?:\sof\s[^/|]+)?)"
)
_AGENCY_RE = re.compile(rf"(?<![\w-]){_AGENCY}(?![\w-])")
_AGENCY_RE_I = re.compile(rf"(?<![\w-]){_AGENCY}(?![\w-])", re.IGNORECASE)
# News outlets that sign bylines: "Jane Doe, Sky News", "Jane Doe | The Telegraph".
_OUTLET = (r"(?:(?:The\s)?(?:[A-Z][\w&-]*\s){0,2}(?:News|Press|Times|Post|Telegraph|Guardian|Journal|Herald"
           r"|Tribune|Independent|Observer|Mail|Express|Mirror|Gazette|Chronicle|Standard|Today|Week|Wire)"
           r"|Al\sJazeera|Agence\sFrance-Presse|CNN|CNBC|BBC|NPR|Reuters|Bloomberg|AP|AFP|Politico|Axios|Vox)")
# "Business reporter", "Hong Kong correspondent", "Staff writer"
_ROLE = (r"(?:(?:[A-Z][\w'’-]*|senior|chief|staff|special|political|business|technology|health|science|economics"
         r"|sports?|foreign|diplomatic|security|home\saffairs|education|environment|legal|[a-z]+)\s){0,3}"
         r"(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ww]riter|[Cc]ontributor|[Cc]olumnist|[Aa]nalyst)")
_ROLE_LINE = re.compile(rf"(?:{_ROLE}|{_OUTLET})(?:,\s{_OUTLET})?")

# A capitalised name token: Sergei, O'Neil, McNamee, Jean-Luc, J., dpa.
_NAME = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}\b|de|van|von|da|del|la|le|al-\w+)"
_NAMES = rf"{_NAME}(?:[ \t]+{_NAME}){{0,5}}"

# Sergei Guneev/Sputnik/Reuters, Win McNamee/Getty Images, AP Photo/Jane Doe.
_SLASH_CREDIT = re.compile(rf"{_NAMES}(?:[ \t]*[/|][ \t]*{_NAMES}){{1,4}}")
# Photo: DPA, Photograph: Imageplotter/REX/Shutterstock, Image copyright Getty Images
_LABELLED_CREDIT = re.compile(
    r"(?:\(|\[)?(?:Photo(?:graph)?s?|Image|Picture|Pic|Credit|Photo\scredit|Image\scredit|Image\scopyright"
    r"|Image\ssource|Image\scaption|Illustration(?:\scredit)?|Video|Photo\sillustration|Graphic|Photography"
    r"|©|\(c\))(?:\s(?:by|courtesy\sof))?\s*[:|,]?\s*"
    r"(?=[A-Z@])", re.IGNORECASE)
_LABEL_WORD = re.compile(r"(?:Photo|Image|Picture|Pic|Credit|Video)", re.IGNORECASE)
# (Photo by Jane Doe/Getty Images)
_PHOTO_BY = re.compile(r"\(?(?:Photo|Image|Picture)s?\s(?:by|courtesy\sof|:)\s", re.IGNORECASE)
_ONLY_AGENCY = re.compile(
    rf"(?:{_NAMES}[ \t]*(?:,|/|\||for|via|-|–)[ \t]*)?(?:{_NAMES}[ \t]+)?(?:via[ \t]+)?{_AGENCY}"
    r"(?:[ \t]+(?:Images|Photo|Pictures|Creative|Archive|file\sphoto|File))?[ \t]*\)?")

# Verbs of captions, present tense (third person singular and plural), with what
# typically follows so that "holds" or "leaves" alone do not count.
_CAPTION_BASES = """
    attend gather walk queue inspect wave watch look pose arrive celebrate board clear
    greet gesture smile march protest rally mourn pray perform kneel hug embrace cheer
    chant salute sit stand ride lay carry shake leave enter exit visit tour cast vote
    sign listen address react hold speak talk pass line fill crowd sweep search survey
    stroll jog climb cross wade dance sing
    """.split()
_ES = ("sh", "ch", "ss", "x", "z")
_CAPTION_FORMS = sorted({w for b in _CAPTION_BASES for w in (b, b + ("es" if b.endswith(_ES) else "s"))}
    | {"carries", "lies", "is seen", "are seen", "is pictured", "are pictured", "is shown", "are shown",
       "pictured", "as seen", "smiling", "waving", "posing", "gesturing"}, key=len, reverse=True)
# The caption's subject, right before its verb: a name (capitalised) or one of these.
_CAPTION_SUBJECTS = frozenset("""
    man woman men women people children boy girl boys girls child crowd crowds protesters supporters
    fans workers residents police officers soldiers troops firefighters students members officials
    leaders players shoppers volunteers delegates journalists investors demonstrators family families
    voters visitors tourists pilgrims migrants refugees staff rescuers worshippers mourners activists
    passengers commuters athletes competitors spectators traders doctors nurses farmers teachers
    pupils relatives guests participants attendees ministers lawmakers diplomats others
""".split())
_CAPTION_VERB = re.compile(
    r"(?<=[\w,)]\s)(?:" + "|".join(re.escape(f) for f in _CAPTION_FORMS) + r")\b(?!-)"
    r"|\((?:L|R|C|left|right|centre|center|front|top|bottom|L-R|R-L|from\sleft|left\sto\sright)\)"
    r"|,\s(?:left|right|centre|center),\s"
    r"|\bin\sthis\s(?:photo|picture|image|file\sphoto|handout|undated)\b|\b(?:file|handout)\s(?:photo|picture|image)\b")

# Tenses and reporting verbs captions do not use ("will take part", "has confirmed").
_NOT_CAPTION = re.compile(r"\b(?:said|says|told|tells|will|would|could|should|might|must|has|have|had|was|were"
                          r"|did|does|announced|confirmed|expected|due\sto|hopes?|hoping|plans?|wants?)\b"
                          r"|[“\"]", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:to|will|would|can|could|may|might|not|and|then|help(?:s|ed)?|let|make)\s+(?:\w+\s+)?$")
_PAST_BEFORE = re.compile(r"\b[a-z]{2,}(?<!e)(?<!se)ed\b|\b(?:ran|won|lost|beat|led|made|took|gave|went|came|saw)\b")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
# A caption's trailing date: ", July 3, 2024." / " on 3 July 2024." / " in 2015." / " on Friday."
_DATE_END = re.compile(
    rf"(?:,|\son|\sin)\s(?:(?:{_WEEKDAY},?\s)?(?:{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?|\d{{1,2}}\s{_MONTH}(?:\s\d{{4}})?"
    rf"|{_MONTH},?\s\d{{4}}|\d{{4}})|{_WEEKDAY})\.?$")
# ... or a place: " in Astana, Kazakhstan." / " near Geneva."
_PLACE_END = re.compile(r"\s(?:in|near|at|outside)\s(?:the\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}"
                        r"(?:,\s[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})?\.$")

# A line made of a date and/or time and the words that label them.
# Longest alternatives first: a line is read token by token (see _is_timestamp),
# each token the first alternative that fits, never re-split.
_TS_TOKEN = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+Z?)?|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?|\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?|{_WEEKDAY}|{_MONTH}"
    rf"|[ap]\.?m\.?|AM|PM|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|IST|JST|HKT|AEST|AEDT"
    rf"|at|on|of|the|and|\||-|–|—|·|•|,|updated|published|posted|modified|last|first|created"
    rf"|date|time|hours?|minutes?|mins?|days?|weeks?|ago|hrs?|yesterday|today|just\snow)")
_TS_PIECE = re.compile(rf"\s*{_TS_TOKEN}\s*[:,.]?", re.IGNORECASE)


def _is_timestamp(s: str) -> bool:
    """Whether ``s`` is made only of date and time tokens. Read one token at a
    time, so a long run of digits costs one step a token, never a search over
    the ways to split it (which a repeated regex group would try)."""
    pos = 0
    while pos < len(s):
        m = _TS_PIECE.match(s, pos)
        if m is None or m.end() == pos:
            return False
        pos = m.end()
    return bool(s)
_TS_LABEL = re.compile(r"(?:updated|published|posted|modified|ago|first\spublished|last\supdated)\b"
                       r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|AM|PM|ET|GMT|BST|UTC|EST|EDT)?",
                       re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WEEKDAY_MONTH = re.compile(rf"\b{_WEEKDAY},?\s(?:{_MONTH}\s\d{{1,2}}|\d{{1,2}}\s{_MONTH})")
_TS_WORD = re.compile(r"updated|published|posted|modified|ago\b", re.IGNORECASE)
_DATE_ANY = re.compile(rf"\b(?:{_MONTH}\s\d{{1,2}}|\d{{1,2}}\s{_MONTH}|\d{{4}}|\d{{1,2}}[:.]\d{{2}}"
                       rf"|\d+\s(?:hours?|minutes?|mins?|days?|weeks?)\sago)\b")

_BYLINE = re.compile(
    rf"(?:by|By|BY|Written\sby|Words\sby|Story\sby|Reporting\sby|Text\sby|Author:|Posted\sby)[ \t]+"
    rf"(?:{_NAMES})(?:[ \t]*(?:,|and|&)[ \t]*{_NAMES})*"
    rf"(?:[ \t]*(?:,|\||-|–|—|for)[ \t]*(?:{_AGENCY}|{_NAMES}))?"
    rf"(?:[ \t]*(?:,|\||-|–|—|·)[ \t]*[^.!?]{{0,60}})?[ \t]*")
_NOT_BYLINE = re.compile(r"By\s(?:the|a|an|now|then|this|that|far|contrast|comparison|law|day|night|all|way)\b")
_BARE_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s[A-Z]\.)?(?:\s(?:de|van|von|da|al-)?[A-Z][\w'’-]+){1,2}")
# "Jane Doe, CNN" / "Jane Doe | Reuters" / "Jane Doe, Staff Writer"
_AUTHOR_AGENCY = re.compile(
    rf"{_NAMES}[ \t]*(?:,|\||-|–|—)[ \t]*(?:{_AGENCY}|(?:Senior\s|Chief\s|Staff\s|Political\s|Special\s)?"
    rf"(?:Writer|Reporter|Correspondent|Editor|Contributor|Columnist)(?:\s\w+){{0,3}})")

_AUTHOR_OUTLET = re.compile(rf"{_NAMES}[ \t]*(?:,|\||-|–|—)[ \t]*(?:{_OUTLET}|{_ROLE})")
_FOOTER = re.compile(
    r"(?:this|the)\s(?:story|article|post|report|piece|page)\s(?:has\sbeen|was|is\sbeing|will\sbe)\s(?:updated|corrected|amended|changed|edited)"
    r"|^(?:©|\(c\)\s?\d{4}|copyright\s(?:©\s?|\(c\)\s?)?\d{4}|copyright\s(?:©|\(c\)))|all\srights\sreserved|\bcontributed\s(?:to\s)?(?:this|reporting|to\sthe)\b"
    r"|^(?:additional\s)?(?:reporting|writing|editing|research)\sby\b|;\s(?:editing|writing)\sby\b"
    r"|\boriginally\s(?:appeared|published|ran)\s(?:on|in|at)\b|\bmay\snot\sbe\s(?:published|reproduced|redistributed)"
    r"|^(?:follow|contact|email|e-mail|reach)\s(?:him|her|them|me|us|the\sauthor|the\swriter|[\w'’-]+(?:\s[\w'’-]+)?)\s(?:on|at|via)\s"
    r"(?:twitter|x\b|facebook|instagram|linkedin|threads|bluesky|mastodon|tiktok|@|\S+@\S+|e-?mail)"
    r"|^this\sis\sa\s(?:developing|breaking)\s(?:news\s)?story|^(?:more|further)\sdetails\sto\sfollow|^check\sback\s(?:later|soon)"
    r"|^the\sviews\s(?:and\sopinions\s)?expressed|^have\sa\s(?:news\s)?tip|^(?:corrections?|clarification):"
    r"|^this\s(?:story|article|content)\s(?:was|is)\s(?:produced|written|published|brought|supported|part)"
    r"|^(?:an\searlier|a\sprevious)\sversion\sof\sthis\s(?:story|article)|^(?:this|the)\s(?:story|article)\s(?:continues|is\sdeveloping)"
    r"|^(?:read|see)\sthe\s(?:full|original)\s(?:story|article)|^filed\sunder\b|^(?:tags|topics|categories)\s?:",
    re.IGNORECASE)

_PROMO_WHOLE = re.compile(
    r"(?:advertisement|advertising|ad|sponsored(?:\scontent)?|paid\scontent|promoted(?:\sstories)?"
    r"|story\scontinues\s(?:below|after)(?:\s(?:this\s)?(?:advertisement|ad))?|continue\sreading(?:\sthe\smain\sstory|\sbelow)?"
    r"|skip\s(?:to\s(?:main\s)?content|ad|advertisement)|scroll\s(?:down|to\scontinue)(?:\sfor\smore)?|article\scontinues\s(?:below|after)"
    r"|share(?:\sthis(?:\s(?:article|story|page|post))?)?(?:\son\s\w+)?|tweet|email|e-mail|print|comments?|\d+\scomments?"
    r"|view\scomments|leave\sa\scomment|show\s(?:more|comments)|load\smore|back\sto\stop|next(?:\sstory|\sarticle)?"
    r"|previous(?:\sstory|\sarticle)?|menu|home|log\s?in|sign\s?in|sign\sup|subscribe(?:\snow)?|register|search"
    r"|play|play\svideo|watch|watch\svideo|watch\snow|listen|pause|mute|replay|close|facebook|twitter|x|linkedin|pinterest"
    r"|whatsapp|reddit|google\s?\+|google\splus|instagram|youtube|copy\slink|copy\slink\sto\sclipboard|link\scopied"
    r"|(?:play\s)?(?:facebook|twitter|email|share|pinterest|linkedin|whatsapp|reddit)(?:[\s|/,•·]+(?:facebook|twitter|google\splus|email|share|pinterest|linkedin|whatsapp|reddit|print|x))+"
    r"|click\shere(?:\sfor\smore)?|read\smore|see\smore|more\son\sthis\sstory|most\s(?:read|popular|viewed)|trending(?:\snow)?"
    r"|top\sstories|you\smay\salso\slike|you\smight\salso\slike|recommended(?:\sfor\syou)?|related(?:\s(?:articles?|stories|content|coverage|topics|links))?"
    r"|more\sfrom\s[\w .]{1,30}|around\sthe\sweb|from\sour\spartners|image|photo|video|gallery|slideshow|enlarge(?:\sthis\simage)?"
    r"|toggle\scaption|hide\scaption|expand|collapse|open\sin\sapp|download\sthe\sapp|get\sthe\sapp|cookie\s(?:policy|settings)"
    r"|accept(?:\sall)?(?:\scookies)?|privacy\spolicy|terms\sof\s(?:use|service)|(?:media|video)\splayback\sis\s(?:not\s)?supported\son\sthis\sdevice"
    r"|loading(?:\.\.\.|…)?|please\swait|listen\sto\sthis\s(?:article|story)|(?:email|print|save)\sthis\s(?:article|story|page)"
    r"|advertisement\s[-–—:]\s.{1,40}|scroll\sdown\sfor\s(?:video|more)|newsletter(?:\ssign-?\s?up)?|related\stopics"
    r"|watch\sthe\svideo(?:\sabove|\sbelow)?|most\s(?:read|popular|shared|watched)(?:\sstories)?|live\s(?:updates|blog)"
    r"|related\sstories|more\sfrom\sthis\s(?:section|author)"
    r"|editor[’']s\spicks|popular\snow|what\sto\sread\snext|up\snext)[\s.:!…»›>|]*", re.IGNORECASE)
_PROMO_START = re.compile(
    r"(?:sign\sup\s(?:for|to)\s(?:our|the|a)\b|subscribe\s(?:to|for|now)\b|get\s(?:our|the)\s[\w\s-]{0,30}newsletter"
    r"|(?:enter|type)\syour\semail|don[’']t\smiss\s(?:out|a\sthing)|click\shere\s(?:to|for)|tap\shere\sto"
    r"|follow\s(?:us|\w+)\son\s(?:twitter|facebook|instagram)|like\sus\son\sfacebook|join\sthe\sconversation"
    r"|(?:download|get)\s(?:our|the)\s(?:free\s)?(?:app|\w+\sapp)\b|share\s(?:this|on)\s|want\smore\s(?:stories|news|of)"
    r"|support\s(?:our|independent)\sjournalism|become\sa\s(?:member|subscriber|supporter)|already\sa\ssubscriber"
    r"|embed\b.*copy\sthis\scode|we\suse\scookies|by\s(?:clicking|continuing|using\sthis\ssite)|this\s(?:video|content)\sis\s(?:not\s)?available"
    r"|(?:play|watch)\s(?:video|now):?\s|your\sbrowser\sdoes\snot\ssupport|media\splayback\sis\sunsupported"
    r"|(?:image|photo|slide|picture|video)s?\s\d+\s(?:of|/)\s\d+|\d+\s(?:of|/)\s\d+\s(?:photos|images|slides)"
    r"|enlarge\sthis\simage|toggle\scaption|hide\scaption|(?:story|article)\scontinues\s(?:below|after)"
    r"|enjoying\sthis\s(?:article|story)\?|get\s(?:our|the)\s(?:free\s)?(?:daily\s|weekly\s|morning\s)?(?:email|newsletter|briefing)"
    r"|already\sa\s(?:subscriber|member)\?|(?:download|get)\sour\sapp|play\s(?:facebook|twitter|video)"
    r"|photos?:\s(?:in\spictures|gallery)|in\spictures:|(?:gallery|slideshow):\s|\(\d+\s(?:images|photos)\))",
    re.IGNORECASE)
_PROMO_ANYWHERE = re.compile(r"copy\sthis\scode\sto\syour\swebsite|autoplay\sautoplay|\bnewsletter\b.{0,40}\bsign\sup\b"
                             r"|\bsign\sup\b.{0,40}\bnewsletter\b", re.IGNORECASE)
_COUNTER = re.compile(r"(?:(?:image|photo|slide|picture|video)s?\s)?\d{1,3}\s?(?:of|/)\s?\d{1,3}"
                      r"(?:\s(?:photos|images|slides))?", re.IGNORECASE)

_RELATED = re.compile(
    r"(?:read\s(?:more|also|next|this)|related(?:\s(?:article|story|content|coverage|reading))?|see\salso"
    r"|also\sread|also\sin\s[\w ]{1,20}|more(?:\son\sthis\sstory|\sfrom\s[\w .]{1,30}|\scoverage|\sstories)?"
    r"|recommended(?:\sreading)?|don[’']t\smiss|must\sread|further\sreading|top\sstory"
    r"|in\scase\syou\smissed\sit|live(?:\supdates|\sblog)?|more|also\son\s[\w ]{1,20})\s?(?:[:|»›>–—]|\s-)\s*\S"
    r"|(?:watch|listen|video|gallery|photos|podcast)\s?[:|»›]\s*\S", re.IGNORECASE)
_READ_MORE_TAIL = re.compile(r"(?:\s\|\s.{3,80})?\s(?:Read\smore|READ\sMORE|Read\sthe\sstory|Continue\sreading)\s*[»›>…]*$")
# Menu words that are everyday words too: alone between two paragraphs they may
# be the text's own ("Listen!", "Close"), unlike "Advertisement".
_EVERYDAY_WORDS = frozenset(
    "ad watch listen close search play pause mute replay home menu next previous print email "
    "e-mail comment comments tweet share register image photo video gallery expand collapse "
    "loading x more".split())
_LABEL = re.compile(r"[^:|»›>–—-]*")
_WEAK_LABELS = frozenset({"more", "live", "watch", "listen", "video", "gallery", "photos", "podcast",
                          "read"})
_READ_ONLY = re.compile(r"(?:Read|READ):\s[A-Z“\"‘']")
# Lines that label a column of other stories' headlines.
_RELATED_HEADER = re.compile(
    r"(?:related(?:\s(?:stories|articles|content|coverage|links|topics))?|more\son\sthis\sstory|you\smay\salso\slike"
    r"|you\smight\salso\slike|top\sstories|around\sthe\sweb|more\sfrom\sthis\ssection|trending(?:\snow)?"
    r"|most\s(?:read|popular|viewed|shared)|recommended(?:\sfor\syou|\sstories)?|read\snext|what\sto\sread\snext"
    r"|more\sstories|latest(?:\snews|\sstories)?|see\salso|more\sfrom\s[\w .]{1,30})[\s:.…»›>|]*", re.IGNORECASE)
_OPINION = re.compile(r"(?:Opinion|Analysis|Comment|Explainer|Editorial|Review|Profile|Q&A)\s?:\s+[A-Z“\"‘'0-9]")

_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"
    r"|\{\{[^{}]*\}\}|\[/?(?:caption|embed|gallery|video|audio|quote|tweet|instagram|youtube)\b[^\]]*\]"
    r"|<!--|-->|\bfunction\s*\(|\bvar\s\w+\s*=|\bwindow\.\w|\bdocument\.\w+\(|googletag|\.push\(|\bjQuery\b"
    r"|^\s*[.#][\w-]+\s*\{|\{\s*[\w-]+\s*:\s*[^;{}]+;|^\s*[@$]media\b|\[(?:embedded\scontent|image|photo|video|ad)\]",
    re.IGNORECASE)
# A line of nothing but entities; an entity inside words is an encoding defect (E rules).
_ENTITIES_ONLY = re.compile(r"(?:\s*&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)+\s*")
_MARKUP_CHARS = re.compile(r"[<>{}\[\]=;&]|\.push|googletag|jQuery|\bwindow\.|\bdocument\.")
# Not dashes, rules or tildes: a scene break or a heading's underline is the text's own.
_SYMBOLS_ONLY = re.compile(r"[|»›>•·^<]{1,6}")


# Datelines: a place, alone, right before the first paragraph. A known place is
# strong evidence; an all-capitals place with a dash or an agency is too.
_PLACES = frozenset("""
    abu-dhabi accra addis-ababa amsterdam ankara astana athens atlanta auckland baghdad
    bangkok barcelona beijing beirut belfast belgrade berlin bern bogota boston brasilia
    brussels bucharest budapest buenos-aires cairo canberra cape-town caracas chicago
    copenhagen dakar dallas damascus delhi new-delhi dhaka doha dubai dublin edinburgh
    frankfurt geneva gaza glasgow hanoi harare havana helsinki hong-kong houston islamabad
    istanbul jakarta jerusalem johannesburg kabul kampala karachi kathmandu khartoum kyiv
    kiev kinshasa kuala-lumpur lagos la-paz lima lisbon london los-angeles luxembourg
    madrid manchester manila mexico-city miami milan minsk montreal moscow mumbai munich
    nairobi new-york oslo ottawa paris phnom-penh prague pretoria pyongyang quito rabat
    riga rio-de-janeiro riyadh rome san-francisco santiago sao-paulo seattle seoul shanghai
    singapore sofia stockholm sydney taipei tallinn tashkent tbilisi tehran tel-aviv tokyo
    toronto tripoli tunis vancouver vienna vilnius warsaw washington wellington yangon
    zagreb zurich united-nations the-hague colombo ho-chi-minh-city sao-paulo são-paulo lagos
    manila astana almaty bishkek dushanbe baku yerevan kampala luanda lusaka abuja accra
    mogadishu sanaa muscat kuwait amman ramallah nicosia valletta reykjavik bratislava
    ljubljana sarajevo skopje tirana chisinau podgorica montevideo asuncion panama-city
    san-jose guatemala-city havana kingston port-au-prince santo-domingo bogotá brasília
    washington-dc beverly-hills hollywood las-vegas detroit philadelphia denver phoenix
    new-orleans geneva davos strasbourg brussels-belgium
    afghanistan australia austria belgium brazil canada china egypt france germany greece
    india indonesia iran iraq ireland israel italy japan kenya mexico nigeria pakistan
    russia scotland spain sweden switzerland syria taiwan turkey ukraine wales
    california texas florida
""".split())
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3})"
    r"(?:,[ \t]+(?P<region>[A-Z0-9][\w'’.-]*(?:,?[ \t][\w'’.-]+){0,3}))?"
    r"(?P<agency>[ \t]*\((?:[A-Z][\w&.'’-]*[ \t]?){1,4}\))?(?P<dash>[ \t]*(?:-|–|—|--|:))?")
_OUTLETS = frozenset(["CNN", "BBC", "BBC News", "NBC News", "CBS News", "ABC News", "Fox News", "Sky News",
                      "The Associated Press", "Associated Press", "The Guardian", "Al Jazeera", "The Telegraph",
                      "Agence France-Presse", "Reuters", "Bloomberg", "AP", "AFP", "UPI", "CNBC"])
_GLUED_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?:[ \t][A-Z][A-Z'’.-]+){0,3}|[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2})"
    r"(?:,[ \t]+[A-Z0-9][\w'’.-]*(?:[ \t][\w'’.-]+){0,2})?"
    r"(?:[ \t]*\((?:Reuters|AP|AFP|CNN|UPI|Bloomberg|dpa|Xinhua|PA|CNBC|BBC)\)[ \t]*(?:-|–|—|--)[ \t]+"
    r"|(?<=[A-Z])[ \t]+(?:–|—|--)[ \t]+)(?=[A-Z\"“‘'])")
_NOT_PLACE = frozenset("""
    The A An And Or But In On At Of For To By With From This That These Those It He She
    We They I You Chapter Part Book Volume Contents Index Introduction Preface Epilogue
    Prologue Conclusion Summary Background Notes Note Update Updates Advertisement Share
    Email Print Comments Related Watch Video Photo Image More Read Home Menu News Sport
    Business Politics Opinion Analysis Yes No Oh Ah Well Mr Mrs Miss Sir Madam Dear
""".split())

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_PROSE_SENTENCES = re.compile(r"[a-z0-9%)\"'”’][.!?][\"'”’)]*\s+[\"“‘'(]?[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*\b")
_WORD = re.compile(r"[\w'’-]+")
_NORMALIZE = re.compile(r"[\W_]+")

_TERMINAL = ".!?…\"'”’)]:;"


class StrayLine:
    """One line standing as its own paragraph, and what it was judged to be."""

    __slots__ = ("index", "line", "unit", "text", "start", "end", "kind", "confidence",
                 "reason", "strong", "last", "prefix", "after_running", "after_prose", "between")

    def __init__(self, index: int, line: int, text: str, start: int, end: int) -> None:
        self.index = index      # position among the document's units
        self.line = line        # line number (0-based)
        self.text = text        # stripped content
        self.start, self.end = start, end  # span of the deletion edit
        self.kind = ""
        self.confidence = 0.0
        self.reason = ""
        self.strong = False     # unmistakable boilerplate: may be removed even as line 1
        self.last = line        # last line the deletion takes (a byline's role line, a links block)
        self.prefix = 0         # > 0: delete only this many leading characters (a glued dateline)
        self.after_running = False  # running text before it
        self.after_prose = False    # a paragraph of several sentences before it
        self.between = False        # running text both before and after it

    def __repr__(self) -> str:
        return f"StrayLine({self.line}, {self.kind!r}, {self.confidence:.2f}, {self.text[:40]!r})"


def stray_lines(doc: Document) -> list[StrayLine]:
    """The document's lines judged stray (``kind`` set), computed once per document."""
    cached = doc.__dict__.get("_stray_lines")
    if cached is None:
        cached = doc.__dict__["_stray_lines"] = _classify(doc)
    return cached


# ---------------------------------------------------------------------------
# Layout


def _layout(doc: Document) -> tuple[list[int], list[bool]]:
    """Line indices of the units (lines that are paragraphs), and which lines are blank.

    In a hard-wrapped text (most lines 50 to 100 characters, in multi-line
    blocks) only a line that stands alone between blank lines is a unit; the
    lines of a wrapped paragraph never are. Otherwise every non-blank line is.
    """
    text, spans = doc.text, doc.lines
    blank = [e == s or text[s:e].isspace() for s, e in spans]
    nonblank = [i for i, b in enumerate(blank) if not b]
    if len(nonblank) >= 20:
        wrapped = sum(1 for i in nonblank if 45 <= spans[i][1] - spans[i][0] <= 100)
        long_ = sum(1 for i in nonblank if spans[i][1] - spans[i][0] > 110)
        if wrapped > 0.5 * len(nonblank) and long_ < 0.05 * len(nonblank):
            last = len(spans) - 1
            return [i for i in nonblank if (i == 0 or blank[i - 1]) and (i == last or blank[i + 1])], blank
    return nonblank, blank


def _deletion(doc: Document, first: int, last: int, blank: list[bool],
              last_content: int) -> tuple[int, int]:
    """Span deleting lines ``first..last`` with their line breaks, and one blank line
    beside them when they stand alone between blank lines.

    At the end of the text the line break before them goes instead (with the blank
    line before), so the text ends as the previous paragraph did.
    """
    starts, spans = doc.line_starts, doc.lines
    n = len(spans)
    if last >= last_content:  # nothing but blank lines after it
        prev = next((j for j in range(first - 1, -1, -1) if not blank[j]), None)
        if prev is None:
            return 0, spans[last][1]
        return spans[prev][1], spans[last][1]
    end = starts[last + 1]
    if (first == 0 or blank[first - 1]) and blank[last + 1] and last + 2 < n:
        end = starts[last + 2]
    return starts[first], end


# ---------------------------------------------------------------------------
# Classification


_LOWER_RUN = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*\s+[a-z][a-z'’-]*\s+[a-z][a-z'’-]*\b")


def _is_prose(s: str) -> bool:
    """A paragraph of running text: long enough, ends a sentence, has runs of lowercase words."""
    return len(s) >= 60 and bool(_SENTENCE_END.search(s, len(s) - 4)) and bool(_LOWER_RUN.search(s))


def _cap_share(s: str) -> float:
    words = _WORD.findall(s)
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) / len(words) if words else 0.0


def _classify(doc: Document) -> list[StrayLine]:
    text = doc.text
    spans = doc.lines
    units, blank = _layout(doc)
    if not units:
        return []
    n_units = len(units)
    wrapped_doc = len(units) < sum(1 for b in blank if not b)
    recs: list[StrayLine] = []
    prose: list[bool] = []  # certainly prose: not a candidate for most kinds
    running: list[bool] = []  # running text, as context for its neighbours
    for k, li in enumerate(units):
        s, e = spans[li]
        raw = text[s:e]
        st = raw.strip()
        r = StrayLine(k, li, st, 0, 0)
        recs.append(r)
        if len(st) > 250:
            running.append(bool(_SENTENCE_END.search(st, len(st) - 4)))
            prose.append(True)
        else:
            run = _is_prose(st)
            running.append(run)
            prose.append(run and bool(_PROSE_SENTENCES.search(st)))
        if raw[:2] in ("  ", "\t") or raw[:1] == "\t":
            r.kind = "!"  # indented: centred title pages, verse, tables. Never stray.
    # What stands before and after each unit, counted once, not per candidate.
    total = sum(running)
    seen_running = seen_prose = 0
    for k, r in enumerate(recs):
        r.after_running, r.after_prose = seen_running > 0, seen_prose > 0
        r.between = r.after_running and total - seen_running - running[k] > 0
        seen_running += running[k]
        seen_prose += prose[k]
    for k, r in enumerate(recs):
        if r.kind in ("!", "-"):
            continue
        _judge(r, k, recs, prose, running, n_units)
    _related_tail(recs, running, text)
    _repeats(recs)
    if all(r.kind and r.kind != "!" for r in recs):
        return []  # it would take every line: no article here to tell stray lines from
    out = []
    last_content = max(i for i, b in enumerate(blank) if not b)
    for r in recs:
        if not r.kind or r.kind in ("!", "-"):
            continue
        if r.index == 0 and not r.strong:
            continue  # the headline is content unless unmistakably boilerplate
        if wrapped_doc and r.kind in ("byline", "dateline", "timestamp"):
            r.confidence -= 0.2  # a hard-wrapped book, not a scraped page
        if r.prefix:
            s0 = spans[r.line][0] + (len(text[spans[r.line][0]:spans[r.line][1]]) -
                                     len(text[spans[r.line][0]:spans[r.line][1]].lstrip()))
            r.start, r.end = s0, s0 + r.prefix
        else:
            r.start, r.end = _deletion(doc, r.line, r.last, blank, last_content)
        out.append(r)
    return out


def _set(r: StrayLine, kind: str, confidence: float, reason: str, strong: bool = False) -> None:
    if confidence > r.confidence:
        r.kind, r.confidence, r.reason, r.strong = kind, min(confidence, 0.99), reason, strong


def _agency(s: str) -> str:
    m = _AGENCY_RE.search(s)
    return m.group(0) if m else ""


def _judge(r: StrayLine, k: int, recs: list[StrayLine], prose: list[bool], running: list[bool],
           n: int) -> None:
    s = r.text
    length = len(s)
    if not s:
        return
    top = k <= 4
    bottom = k >= n - 3
    next_prose = k + 1 < n and running[k + 1]
    prev_prose = k > 0 and running[k - 1]
    ends_sentence = bool(_SENTENCE_END.search(s, max(0, length - 4)))
    low = s.lower()

    # A dateline glued to the first paragraph: "LONDON (Reuters) - The ...".
    if k <= 4 and running[k] and s[:1].isupper():
        m = _GLUED_DATELINE.match(s)
        if m and sum(running[:k]) <= 1:
            place = m.group("place")
            if place.isupper() or place.lower().replace(" ", "-") in _PLACES:
                _set(r, "dateline", 0.85, f"dateline {m.group(0).strip()!r} at the start of the first paragraph",
                     strong=True)
                r.prefix = len(m.group(0))
                return
    # Prose paragraphs: only a caption with its credit at the end, or a footer.
    if prose[k]:
        if length < 400:
            tail = _credit_tail(s)
            if tail:
                _set(r, "caption", 0.9, f"image caption ending in its credit ({tail!r})", strong=True)
                return
        if length < 300 and bottom:
            m = _footer(s, low)
            if m:
                _set(r, "footer", 0.9, f"article footer at the end: {m.group(0).strip()!r}", strong=True)
        return

    # --- markup remnant
    m = _MARKUP.search(s) if _MARKUP_CHARS.search(s) else None
    if m:
        tagged = sum(len(x.group(0)) for x in _MARKUP.finditer(s))
        if tagged >= 0.3 * length or not _LOWER_WORD.search(_MARKUP.sub(" ", s)):
            _set(r, "markup", 0.95, f"markup remnant: {m.group(0)[:30]!r}", strong=True)
            return
        _set(r, "markup", 0.6, f"line containing markup: {m.group(0)[:30]!r}")
    if _ENTITIES_ONLY.fullmatch(s):
        _set(r, "markup", 0.9, f"line of HTML entities {s[:30]!r}", strong=True)
        return
    if _SYMBOLS_ONLY.fullmatch(s):
        _set(r, "markup", 0.85, f"separator remnant {s!r}")
        return

    # --- promotion / navigation
    if length <= 80 and _PROMO_WHOLE.fullmatch(s):
        if r.between and s.strip(" .:!…»›>|").lower() in _EVERYDAY_WORDS:
            # One word between paragraphs ("Listen!", "Close", "Search") may be the text's own.
            _set(r, "promo", 0.6, f"possible navigation text {s!r}")
            return
        conf = 0.95 if length > 3 else 0.85
        _set(r, "promo", conf, f"promotion or navigation text {s!r}", strong=True)
        return
    if length <= 200:
        m = _PROMO_START.match(s) or (_PROMO_ANYWHERE.search(s) if any(w in low for w in _PROMO_KEYS) else None)
        if m:
            _set(r, "promo", 0.9, f"promotion or navigation: {m.group(0)!r}", strong=True)
            return
    if length <= 40 and _COUNTER.fullmatch(s):
        worded = any(c.isalpha() for c in s)
        _set(r, "promo", 0.9 if worded else 0.85, f"slideshow counter {s!r}", strong=True)
        return

    # --- related headline
    if length <= 220:
        m = _RELATED.match(s) or _READ_ONLY.match(s)
        if m and not (ends_sentence and _PROSE_SENTENCES.search(s)):
            label = _LABEL.match(s).group(0).lower()
            if label in _WEAK_LABELS and r.between:
                # "More: the council will vote", "Live: the match has started":
                # a one-word label between paragraphs may be the text's own.
                _set(r, "related", 0.65, f"possible related-article link: {label!r}")
                return
            _set(r, "related", 0.9, f"related-article link: {m.group(0)[:-1].strip()!r}", strong=True)
            return
        m = _OPINION.match(s)
        if m and not ends_sentence or m and s.endswith("?"):
            # "Analysis: ..." heads many a real article, but never after its
            # first paragraph: there it is a link to another one.
            after_prose = r.after_running
            _set(r, "related", 0.85 if after_prose else 0.7,
                 f"{'' if after_prose else 'possible '}link to another article: "
                 f"{s.split(':')[0]!r}{' section' if after_prose else ''}")
            return
        m = _READ_MORE_TAIL.search(s, max(0, length - 100))
        if m:
            _set(r, "related", 0.9, f"related-article link ending in {m.group(0).split()[-2:]!r}",
                 strong=True)
            return

    # --- footer
    if length <= 300 and not (length <= 80 and "/" in s and not ends_sentence):
        m = _footer(s, low)
        if m:
            conf = 0.95 if bottom else 0.85 if k >= n // 2 else 0.7
            _set(r, "footer", conf, f"article footer{' at the end' if bottom else ''}: "
                 f"{m.group(0).strip()!r}", strong=bottom)
            return

    # --- photo credit
    if length <= 120 and not ends_sentence or (length <= 120 and s.endswith(")")):
        cred = _credit(s)
        if cred:
            conf, why = cred
            if prev_prose and not top and conf < 0.9:
                conf -= 0.1
            _set(r, "credit", conf, why, strong=conf >= 0.85)
            if conf >= 0.9:
                return

    # --- byline
    if length <= 120:
        m = _BYLINE.fullmatch(s)
        if m and not _NOT_BYLINE.match(s):
            conf = 0.92 if (top or bottom) else 0.75
            _set(r, "byline", conf, f"byline {s!r}" + (" at the top" if top else ""), strong=True)
            return
        m = _AUTHOR_AGENCY.fullmatch(s) or _AUTHOR_OUTLET.fullmatch(s)
        if m and (top or bottom):
            _set(r, "byline", 0.9, f"author and outlet or role {s!r}", strong=True)
            return
        # A bare name with its role or outlet on the next line ("Jane Doe" / "Business reporter").
        if (top or bottom) and _BARE_NAME.fullmatch(s) and k + 1 < n and \
                _ROLE_LINE.fullmatch(recs[k + 1].text):
            _set(r, "byline", 0.9, f"byline: a name and its role ({recs[k + 1].text!r})", strong=True)
            r.last = recs[k + 1].line
            recs[k + 1].kind = "-"  # taken with the name
            return

    # --- timestamp
    if length <= 80 and _DATE_ANY.search(s):
        if _is_timestamp(s):
            labelled = bool(_TS_LABEL.search(s))
            year = bool(_YEAR.search(s))
            dated = year or bool(_WEEKDAY_MONTH.search(s))
            if _TS_WORD.search(s) or labelled and dated:
                conf = 0.92
            elif year and (top or bottom) or dated and k <= 3 and next_prose:
                conf = 0.85
            else:
                conf = 0.6  # a bare day or time: schedules, fixture lists, diaries
            if conf < 0.9 and any(0 <= j < n and len(recs[j].text) <= 80 and _DATE_ANY.search(recs[j].text)
                                  for j in (k - 1, k + 1)):
                conf = min(conf, 0.5)  # one of a list of dates
            _set(r, "timestamp", conf, f"timestamp line {s!r}", strong=conf >= 0.9)
            return

    # --- caption
    if 25 <= length <= 400 and not s.endswith(("?", "”", "\"", ":")) and (
            k > 0 or s.endswith(".") or _credit_tail(s)):
        cap = _caption(s, k, recs, n)
        if cap:
            _set(r, "caption", *cap)
            if r.kind == "caption":
                return

    # --- dateline
    if length <= 60 and not ends_sentence and (next_prose or any(
            k + j < n and running[k + j] and all(len(recs[i].text) <= 100 for i in range(k + 1, k + j))
            for j in (2, 3))):
        dl = _dateline(s, r.after_prose, top)
        if dl:
            _set(r, "dateline", *dl, strong=dl[0] >= 0.85)


_FOOTER_KEYS = ("updated", "corrected", "amended", "changed", "edited", "©", "(c)", "copyright", "reserved",
                "contributed", "reporting", "writing", "editing", "research", "originally", "may not be",
                "follow", "contact", "email", "e-mail", "reach", "views", "tip", "correction", "clarification",
                "this story", "this article", "this content", "version", "developing", "breaking", "details",
                "check back", "read the", "see the", "filed under", "tags", "topics", "categories")
_FOOTER_KEY = re.compile("|".join(re.escape(k) for k in _FOOTER_KEYS))
_PROMO_KEYS = ("copy this code", "autoplay", "newsletter")


def _footer(s: str, low: str) -> re.Match | None:
    return _FOOTER.search(s) if _FOOTER_KEY.search(low) else None


_SENTENCE_GAP = re.compile(r"[.!?)”\"][ \t]+(?=\S)")


def _credit_tail(s: str) -> str:
    """The photo credit a caption ends with (its last sentence, if that is a credit)."""
    gaps = [m.end() for m in _SENTENCE_GAP.finditer(s)]
    for at in gaps[-2:][::-1]:
        tail = s[at:]
        if len(tail) <= 80 and not _SENTENCE_END.search(tail) or tail.endswith(")"):
            cred = _credit(tail.strip("() "))
            if cred and cred[0] >= 0.8:
                return tail
    return ""


def _credit(s: str) -> tuple[float, str] | None:
    if s.startswith("[Illustration"):
        return None  # Project Gutenberg's convention: part of the book
    upper = s.isupper() and _AGENCY_RE_I.search(s)
    agency = _agency(s) or (upper.group(0) if upper else "")
    if _LABELLED_CREDIT.match(s) and len(s) <= 100 and _label_ok(s):
        return 0.95, f"photo credit: labelled {s.split(':')[0].split()[0]!r}" + (
            f" ({agency})" if agency else "")
    if _PHOTO_BY.match(s):
        return 0.95, "photo credit: 'photo by'"
    if _SLASH_CREDIT.fullmatch(s) or (s.isupper() and _SLASH_CREDIT.fullmatch(s.title())):
        parts = [p.strip() for p in re.split(r"[/|]", s)]
        if agency:
            return 0.95, f"photo credit: names separated by '/' ending in an agency ({agency})"
        if all(len(p.split()) <= 3 for p in parts) and len(parts) >= 3:
            return 0.8, "photo credit: three or more names separated by '/'"
        return 0.6, "possible photo credit: names separated by '/'"
    if agency and (_ONLY_AGENCY.fullmatch(s) or s.isupper() and _ONLY_AGENCY.fullmatch(
            s.title().replace("Via", "via"))):
        return (0.9 if " " in s.strip() or "/" in s else 0.85), f"photo credit: a name and an agency ({agency})"
    return None


def _label_ok(s: str) -> bool:
    # "Photo: DPA", "Image copyright Getty Images" -- not "Pictures of Lily".
    head = s.split(":", 1)
    if len(head) == 2 and len(head[0].split()) <= 3:
        return True
    return bool(re.match(r"(?:Image|Photo)\s(?:copyright|credit|source|caption)|(?:Photo|Picture|Image|Illustration)s?\sby\s"
                         r"|(?:©|\(c\))\s?\S+(?:\s\S+){0,3}\s?[/|]", s, re.I))


def _caption(s: str, k: int, recs: list[StrayLine], n: int) -> tuple[float, str, bool] | None:
    tail = _credit_tail(s)
    if tail and len(s) - len(tail) >= 15:
        return 0.9, f"image caption ending in its credit ({tail!r})", True
    date = _DATE_END.search(s, max(0, len(s) - 40))
    place = _PLACE_END.search(s, max(0, len(s) - 70))
    near_credit = any(0 <= j < n and recs[j].kind == "credit" and recs[j].confidence >= 0.8
                      for j in (k - 1, k + 1))
    if not (date or place or near_credit):
        return None
    verb = next((v for v in _CAPTION_VERB.finditer(s) if _subject_before(s, v.start())), None)
    if not verb or verb.start() == 0 or _NOT_CAPTION.search(s) or _MODAL_BEFORE.search(s, 0, verb.start()) \
            or _PAST_BEFORE.search(s, 0, verb.start()):
        return None
    sentences = len(_PROSE_SENTENCES.findall(s)) + 1
    if sentences > 2 or s[0].islower() or _cap_share(s) < 0.15:
        return None
    why = f"image caption: present-tense {verb.group(0)!r}"
    if date and sentences == 1:
        return 0.9, why + f", ending in a date ({date.group(0).strip(' ,.')!r})", True
    if near_credit:
        if not _SENTENCE_END.search(s, max(0, len(s) - 4)):
            # No full stop: as likely a headline under the credit as a caption.
            return 0.7, why + ", beside a photo credit (but shaped like a headline)", False
        return 0.9, why + ", beside a photo credit", True
    if place and sentences == 1 and len(s) <= 200:
        return 0.85, why + f", ending in a place ({place.group(0).strip(' .')!r})", True
    if date:
        return 0.75, why + f", ending in a date ({date.group(0).strip(' ,.')!r})", False
    return None


def _subject_before(s: str, at: int) -> bool:
    """Whether the word before ``at`` can be a caption's subject (a name, ``Protesters``)."""
    before = s[:at].rstrip()
    if before.endswith((",", ")")):
        return True  # "Jane Doe, left, and John Roe look", "Jane Doe (R) speaks"
    word = before.rsplit(None, 1)[-1] if before else ""
    return bool(word) and (word[0].isupper() or word.lower() in _CAPTION_SUBJECTS)


def _dateline(s: str, after_prose: bool, top: bool) -> tuple[float, str] | None:
    m = _DATELINE.fullmatch(s)
    if not m:
        return None
    place = m.group("place")
    first = place.split()[0]
    if first in _NOT_PLACE or first.rstrip(".") in _NOT_PLACE:
        return None
    key = place.lower().replace(" ", "-").strip(".")
    known = key in _PLACES
    caps = place.isupper() and len(place) >= 3
    if after_prose:
        return None  # a dateline stands before the first paragraph, never after it
    if (m.group("agency") or m.group("dash")) and (caps or known):
        return 0.95, f"dateline {s!r} split off the first paragraph"
    if m.group("agency") and _AGENCY_RE.search(m.group("agency")) or (m.group("agency") or "").strip("() ") in _OUTLETS:
        return 0.85, f"dateline {s!r} with its agency, split off the first paragraph"
    if known:
        return 0.9, f"dateline {s!r} (a place) split off the first paragraph"
    if caps and len(place.split()) <= 3 and (not m.group("region") or m.group("region").isupper()):
        return 0.85, f"dateline {s!r} (a place in capitals) split off the first paragraph"
    if len(place.split()) <= 3 and top and m.group("region"):
        return 0.7, f"possible dateline {s!r} before the first paragraph"
    return None


_HEADLINE = re.compile(r"[A-Z‘“'\"][^.!?:;()\[\]|]{8,95}[^.!?:;,\s\]]")


def _related_tail(recs: list[StrayLine], running: list[bool], text: str) -> None:
    """Other stories' headlines after the article's last paragraph, under a header
    (``Related``, ``More on this story``) or a column of them."""
    last = max((k for k, run in enumerate(running) if run), default=-1)
    if last < 1:
        return
    tail = recs[last + 1:]
    if not tail or len(tail) > 8:
        return
    header = next((r for r in tail if _RELATED_HEADER.fullmatch(r.text)), None)
    # Under a header, a question is a headline too ("What now for the mayor?");
    # without one it may be the story's own last line.
    heads = [r for r in tail if not r.kind and not r.text.isupper()
             and 3 <= r.text.count(" ") + 1 <= 16
             and (_HEADLINE.fullmatch(r.text) or header is not None and r.text.endswith("?")
                  and _HEADLINE.fullmatch(r.text[:-1]))]
    if not heads:
        return
    if header is not None and header.index < heads[0].index:
        under = [r for r in heads if r.index > header.index]
        header.kind, header.confidence, header.strong = "", 0.0, False
        _set(header, "related", 0.95, f"related-article links: {header.text!r} and {len(under)} "
             f"headline{'s' if len(under) > 1 else ''}", strong=True)
        header.last = under[-1].line
        for r in tail:
            if header.index < r.index <= under[-1].index and not r.kind:
                r.kind = "-"  # taken with the header
        return
    # No header: a headline after the last paragraph that shares little with the body.
    body = text.lower()
    for r in heads:
        words = [w for w in _WORD.findall(r.text.lower()) if len(w) > 3]
        shared = sum(1 for w in words if body.count(w) > 1) / len(words) if words else 1.0
        conf = 0.8 if shared < 0.5 and len(heads) == len(tail) else 0.6
        _set(r, "related", conf, f"headline after the last paragraph, sharing {shared:.0%} of its words "
             "with the article")


def _normal(s: str) -> str:
    return _NORMALIZE.sub(" ", s.lower()).strip()


def _repeats(recs: list[StrayLine]) -> None:
    """Repeated paragraphs: the first occurrence stays, later copies go.

    Units are bucketed by their first and last 16 characters (lowercased), so a
    paragraph is compared (normalised, then with rapidfuzz) only with the few
    earlier ones that start or end like it.
    """
    buckets: dict[str, list[StrayLine]] = {}
    for r in recs:
        t = r.text
        if r.kind or len(t) < 50 or t.count(" ") < 9 or "   " in t:
            continue  # short lines repeat in prose: "Yes, sir.", refrains, headings
        low = t.lower()
        head, tail = "^" + low[:16], "$" + low[-16:]
        # The nearest few earlier candidates: a bucket cannot make this quadratic.
        earlier = buckets.get(head, [])[-32:] + buckets.get(tail, [])[-32:]
        for o in earlier:
            if o.text == t:
                _set(r, "repeat", 0.95, f"repeats line {o.line + 1} word for word")
                break
            a, b = _normal(t), _normal(o.text)
            if a == b:
                _set(r, "repeat", 0.95, f"repeats line {o.line + 1} (but for punctuation or case)")
                break
            if t.count(" ") >= 11 and abs(len(a) - len(b)) <= 0.1 * len(a):
                score = ratio(a, b, score_cutoff=90)
                if score:
                    _set(r, "repeat", 0.7,
                         f"near-duplicate ({score:.0f}%) of line {o.line + 1}")
                    break
        if r.kind:
            continue
        buckets.setdefault(head, []).append(r)
        buckets.setdefault(tail, []).append(r)


# ---------------------------------------------------------------------------
# Rules

def _findings(doc: Document, kind: str) -> Iterator[Finding]:
    for r in stray_lines(doc):
        if r.kind == kind and r.confidence > 0:
            conf = round(r.confidence, 3)
            yield Finding(r.reason, (Edit(r.start, r.end, ""),), confidence=conf,
                          safety=Safety.SAFE if conf >= SAFE_CONFIDENCE else Safety.UNSAFE)


@rule("S001", "photo-credit")
def photo_credit(doc: Document) -> Iterator[Finding]:
    """A photo credit left on its own line: ``Sergei Guneev/Sputnik/Reuters``.

    ## What it does
    Removes a short line that credits a photograph: names separated by ``/``
    or ``|`` ending in an agency, a line labelled ``Photo:`` or ``Image
    copyright``, or a name and an agency alone (``Jane Doe, AFP via Getty
    Images``).

    ## Why it matters
    The credit sits under the picture on the page; in the text it interrupts
    the article (often between the headline and the first paragraph) and
    pollutes names and entities extracted from it.

    ## Example
    >>> from repair import fix
    >>> fix("Leaders meet in Astana\\nSergei Guneev/Sputnik/Reuters\\n\\nThe summit opened on Thursday, "
    ...     "officials said. It lasted two days.\\n")
    'Leaders meet in Astana\\n\\nThe summit opened on Thursday, officials said. It lasted two days.\\n'
    >>> fix("AC/DC\\n\\nThe band played on.\\n")  # a headline: content
    'AC/DC\\n\\nThe band played on.\\n'

    ## Fix safety
    Safe with an agency name or a ``Photo:`` label (confidence 0.9-0.95); three
    or more bare names separated by ``/`` are safe at 0.8; two bare names
    (``Jekyll/Hyde``) are unsafe.
    """
    return _findings(doc, "credit")


@rule("S002", "image-caption")
def image_caption(doc: Document) -> Iterator[Finding]:
    """An image caption left in the text: ``Putin and Xi attend a meeting ..., July 3, 2024.``

    ## What it does
    Removes a one-sentence line that describes a picture: written in the
    caption's present tense (``attend``, ``speaks during``, ``is seen``,
    ``(L-R)``) and ending in a date, or standing beside a photo credit, or
    ending in its own credit (``... in Washington. Win McNamee/Getty Images``).

    ## Why it matters
    A caption reads like a sentence, so the usual "no full stop" filters keep
    it; but it describes a picture the text no longer has, and it repeats the
    article's names out of context.

    ## Example
    >>> from repair import fix
    >>> text = ("Summit opens\\n\\nLeaders attend a meeting in Astana, Kazakhstan, July 3, 2024.\\n\\n"
    ...         "The leaders met on Wednesday and agreed to meet again. Talks went on late.\\n")
    >>> print(fix(text))
    Summit opens
    <BLANKLINE>
    The leaders met on Wednesday and agreed to meet again. Talks went on late.
    <BLANKLINE>

    ## Fix safety
    Safe (0.9) with a trailing date, a credit beside it or a credit at its end;
    a caption verb alone near the top is only unsafe (0.55), since a lead
    paragraph can be written in the present tense too.
    """
    return _findings(doc, "caption")


@rule("S003", "split-dateline")
def split_dateline(doc: Document) -> Iterator[Finding]:
    """A dateline split off the first paragraph onto a line of its own: ``Hong Kong``.

    ## What it does
    Removes a short line naming a place (``Hong Kong``, ``WASHINGTON --``,
    ``LONDON (Reuters) -``) that stands right before the article's first
    paragraph. The place must be a known dateline city or country, be written
    in capitals, or carry an agency; other short lines there (subheadings,
    ``Background``) are kept.

    ## Why it matters
    Split from its paragraph, the dateline reads as a one-line paragraph: a
    heading that is not one, and a broken first sentence for summarisers.

    ## Example
    >>> from repair import fix
    >>> print(fix("Summit opens\\n\\nHong Kong\\n\\nChinese leader Xi Jinping urged leaders on Thursday "
    ...           "to resist interference. He spoke in Astana.\\n"))
    Summit opens
    <BLANKLINE>
    Chinese leader Xi Jinping urged leaders on Thursday to resist interference. He spoke in Astana.
    <BLANKLINE>

    ## Fix safety
    Safe for a known place, a place in capitals, or one with an agency tag
    (0.8-0.95); an unknown ``Place, Region`` is unsafe (0.7).
    """
    return _findings(doc, "dateline")


@rule("S004", "byline")
def byline(doc: Document) -> Iterator[Finding]:
    """An author's byline on its own line: ``By Jane Doe, CNN``.

    ## What it does
    Removes a line that names the author: ``By`` (or ``Written by``,
    ``Reporting by``) and names, optionally an outlet or a role
    (``Jane Doe | Reuters``, ``John Smith, Staff Writer``), at the top or the
    bottom of the article.

    ## Why it matters
    A byline is page furniture: it is not part of the article's text and
    misleads author and entity extraction.

    ## Example
    >>> from repair import fix
    >>> print(fix("Summit opens\\nBy Jane Doe and John Roe, CNN\\n\\nThe leaders met on Wednesday. "
    ...           "They agreed to meet again next year.\\n"))
    Summit opens
    <BLANKLINE>
    The leaders met on Wednesday. They agreed to meet again next year.
    <BLANKLINE>
    >>> fix("By the river\\n\\nThe water was high that year, and the fields flooded.\\n")
    'By the river\\n\\nThe water was high that year, and the fields flooded.\\n'

    ## Fix safety
    Safe at the top or bottom (0.85-0.92); in the middle of the text a ``By``
    line is unsafe (0.75), and in a hard-wrapped book (``by Jane Austen`` on a
    title page) lower still.
    """
    return _findings(doc, "byline")


@rule("S005", "timestamp-line")
def timestamp_line(doc: Document) -> Iterator[Finding]:
    """A publication timestamp on its own line: ``Updated 10:32 AM ET, Thu July 4, 2024``.

    ## What it does
    Removes a line made only of a date and/or time and the words that label
    them (``Published``, ``Updated``, ``Posted on``, ``2 hours ago``, time
    zones).

    ## Why it matters
    The timestamp belongs to the page, not the article; left in, it becomes a
    one-line paragraph and a false date in the text.

    ## Example
    >>> from repair import fix
    >>> print(fix("Summit opens\\nUpdated 10:32 AM ET, Thu July 4, 2024\\n\\nThe leaders met on Wednesday. "
    ...           "They agreed to meet again.\\n"))
    Summit opens
    <BLANKLINE>
    The leaders met on Wednesday. They agreed to meet again.
    <BLANKLINE>

    ## Fix safety
    Safe with a label or a clock time (0.92), or a bare date at the top or
    bottom (0.85). A bare date in the middle (a letter's date, a diary entry)
    is unsafe (0.7).
    """
    return _findings(doc, "timestamp")


@rule("S006", "article-footer")
def article_footer(doc: Document) -> Iterator[Finding]:
    """A footer line: ``This story has been updated with additional information.``

    ## What it does
    Removes an update note, a copyright line, ``Reporting by ...; Editing by
    ...``, ``The Associated Press contributed to this report``, ``originally
    appeared on``, ``Follow her on Twitter``, tags and similar lines, most
    confidently at the end of the article.

    ## Why it matters
    Footers end with a full stop, so punctuation filters keep them, yet they
    are notes about the page, not part of the story.

    ## Example
    >>> from repair import fix
    >>> print(fix("The leaders met on Wednesday. They agreed to meet again.\\n\\n"
    ...           "This story has been updated with additional information.\\n"))
    The leaders met on Wednesday. They agreed to meet again.
    <BLANKLINE>

    ## Fix safety
    Safe at the end of the text (0.95) or in its second half (0.85); a footer
    phrase near the top is unsafe (0.7).
    """
    return _findings(doc, "footer")


@rule("S007", "promotion-or-navigation")
def promotion_or_navigation(doc: Document) -> Iterator[Finding]:
    """A page's prompts and controls: ``Advertisement``, ``Sign up for our newsletter``, ``Image 4 of 5``.

    ## What it does
    Removes lines that are advertising labels, newsletter and subscription
    prompts, share buttons (``Facebook Twitter Email``), video player text
    (``Play video``, ``Copy this code to your website``), slideshow counters,
    ``Story continues below`` and menu words standing alone.

    ## Why it matters
    They are interface, not text; they split paragraphs and repeat across
    every page of a site, so they also skew deduplication and language models.

    ## Example
    >>> from repair import fix
    >>> print(fix("The leaders met on Wednesday. They agreed to meet again.\\n\\nAdvertisement\\n\\n"
    ...           "Talks continue today. A statement is expected.\\n"))
    The leaders met on Wednesday. They agreed to meet again.
    <BLANKLINE>
    Talks continue today. A statement is expected.
    <BLANKLINE>

    ## Fix safety
    Safe (0.85-0.95): the whole line must be one of these phrases, or start
    with one (``Sign up for our ...``).
    """
    return _findings(doc, "promo")


@rule("S008", "related-headline")
def related_headline(doc: Document) -> Iterator[Finding]:
    """A link to another article: ``Read more: Xi meets Putin in Astana``.

    ## What it does
    Removes a line introduced by ``Read more:``, ``Related:``, ``See also:``,
    ``Read:``, ``Watch:`` and the like, or a headline ending in ``Read more``.

    ## Why it matters
    The headline of another story, dropped into this one, is off-topic text
    that readers and models take for part of the article.

    ## Example
    >>> from repair import fix
    >>> print(fix("The leaders met on Wednesday. They agreed to meet again.\\n\\n"
    ...           "Read more: Xi and Putin hail ties in Astana\\n\\nTalks continue today. It is hot.\\n"))
    The leaders met on Wednesday. They agreed to meet again.
    <BLANKLINE>
    Talks continue today. It is hot.
    <BLANKLINE>

    ## Fix safety
    Safe (0.9): the introducing phrase names the line for what it is.
    """
    return _findings(doc, "related")


@rule("S009", "markup-remnant")
def markup_remnant(doc: Document) -> Iterator[Finding]:
    """Leftover markup on its own line: ``<div class="ad">``, ``[caption id=...]``, ``&nbsp;``.

    ## What it does
    Removes a line that is mostly HTML tags, entities, template or shortcode
    syntax, script or style code, or a lone separator (``|``, ``»``).
    Bracketed book conventions such as ``[Illustration]`` are kept.

    ## Why it matters
    Markup is not text; it breaks tokenisation and shows up verbatim to
    readers.

    ## Example
    >>> from repair import fix
    >>> print(fix('The leaders met. They agreed.\\n\\n<div class="ad-slot"></div>\\n\\nTalks continue.\\n'))
    The leaders met. They agreed.
    <BLANKLINE>
    Talks continue.
    <BLANKLINE>

    ## Fix safety
    Safe (0.95) when markup is most of the line; a sentence that merely
    contains a tag is unsafe (0.6).
    """
    return _findings(doc, "markup")


@rule("S010", "repeated-line")
def repeated_line(doc: Document) -> Iterator[Finding]:
    """A line or paragraph repeated later in the text: the first stays, the copies go.

    ## What it does
    Removes a paragraph (at least ten words) that repeats an earlier one
    word for word, or nearly (rapidfuzz ratio of 95% or more after
    lowercasing and dropping punctuation).

    ## Why it matters
    Scrapers take the same block twice (a teaser and the body, a pull quote,
    a mobile and desktop copy); the duplicate skews counts, summaries and
    training data.

    ## Example
    >>> from repair import fix
    >>> para = "The leaders met on Wednesday in Astana and agreed to meet again next year."
    >>> print(fix(f"{para}\\n\\nTalks went on late into the night.\\n\\n{para}\\n"))
    The leaders met on Wednesday in Astana and agreed to meet again next year.
    <BLANKLINE>
    Talks went on late into the night.
    <BLANKLINE>

    ## Fix safety
    Safe for an exact (0.95) or very close (>= 95%, 0.9) repeat; a looser
    match (90-95%) is unsafe (0.7): it may be a refrain or a deliberate echo.
    """
    return _findings(doc, "repeat")
