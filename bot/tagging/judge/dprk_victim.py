"""The DPRK as the victim of a hack, not its author: "Anonymous hacker claims hack of North Korean propaganda site",
"북한 선전매체 해킹", "北朝鮮の宣伝サイトがダウン", "North Korea's internet knocked offline", "a South Korea-linked
group targeted North Korean officials", "북한 인사 겨냥" (its officials or bodies spied on; not its defectors), "북한에
대한 사이버 공격을 개시" (the DPRK itself attacked).

Rules: a text whose DPRK signals include one that owns the disrupted thing (its websites, propaganda outlets,
internet, servers; then a hacking or outage word within a short reach) and that never names the DPRK as an
agent (a DPRK actor, or a DPRK signal right before hackers, a hacking group, 소행, 배후, "-linked", "-backed") is
not DPRK cyber activity: signals.py then pairs no DPRK signal with a cyber word (taxonomy.md: dprk_cyber is the
DPRK's cyber activity; the text stays dprk_related).
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit

OWNED_REACH = 16  # characters between the DPRK word and the thing it owns
DISRUPTED_REACH = 40  # characters between that thing and the hacking or outage word

_OWNED = re.compile(
    r"[、,]\s?(?:インターネット|ネット(?!ワーク)|인터넷)|"  # 北朝鮮、ネットが接続不能に: its internet, after a comma
    r"(?:'s|’s|의|の|\s)*\s?(?:[A-Za-z\uac00-\ud7a3-]+\s){0,2}?"  # spaced words only (Japanese has none)
    r"(?:선전\s?매체|선전\s?사이트|웹사이트|사이트|홈페이지|인터넷|서버|매체|宣伝サイト|宣伝メディア|ウェブサイト|サイト|"
    r"インターネット|ネット(?!ワーク)|サーバー|propaganda\s+(?:sites?|outlets?|websites?)|websites?|internet|servers?|"
    r"페이스북|트위터|웹페이지|フェイスブック|facebook\s+(?:page|account)s?|twitter\s+accounts?|"
    r"web\s+sites?)",
    re.IGNORECASE,
)
_GLUED = re.compile(r"(?![이가은는을를의에도과와만망인로라들엔서])[\uac00-\ud7a3]|[A-Za-z]")
_OTHER_PARTICLE = re.compile(r"(?![의の])[\uac00-\ud7a3\u3041-\u3096]")
_DISRUPTED = re.compile(
    r"해킹|공격|마비|다운|차단|불통|먹통|접속\s?불가|원활하지\s?않|접속\s?장애|ハッキング|攻撃|ダウン|停止|接続不能|不通|つながらな|hack|attack|"
    r"knocked|offline|outage|down\b|ddos|disrupt|crash",
    re.IGNORECASE,
)
# An outage, not an attack: after a topic comma the internet named may be the DPRK's tool (北朝鮮、ネットで攻撃).
_OUTAGE = re.compile(
    r"마비|다운|불통|먹통|접속\s?불가|ダウン|停止|接続不能|不通|つながらな|offline|outage|crash", re.IGNORECASE
)
_DISRUPTED_OF = re.compile(
    r"\b(?:hacks?|hacking|(?:cyber[-\s]?)?attacks?|ddos|outages?)\s+(?:of|on|against)\s+(?:the\s+)?$"
    r"|\b(?:took|take|takes|taking|knocked|knock|knocks|knocking|brought|bring|brings|shut|shuts)\s+down\s+(?:the\s+)?$",
    re.I,
)
# The DPRK's people or bodies spied on by someone else (not its defectors: the DPRK's own hackers go after them).
_TARGETED_BEFORE = re.compile(  # verbs, not nouns ("crypto hack north korea" is a slug's topic list); one line
    r"\b(?:(?:targeted|targeting|hacked|hacking|to[ \t]+hack|to[ \t]+target|spying[ \t]+on|spied[ \t]+on|compromised|"
    r"attacked)[ \t]+(?:(?:targets|victims|users|people|individuals)[ \t]+in[ \t]+)?(?:the[ \t]+)?"
    r"|\bagainst[ \t]+(?:the[ \t]+)?)$",
    re.I,
)
# The DPRK or its people as the object itself: "hacked North Koreans", "targeted North Korea", "targets in North Korea".
_DPRK_AS_OBJECT = re.compile(r"(?:north\s+koreans|north\s+korea|the\s+north|pyongyang|dprk)\s$", re.I)
_PEOPLE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:officials?|diplomats?|government|leadership|elites?|users|citizens|entities|organi[sz]ations)\b",
    re.I,
)
_TARGETED_PEOPLE = re.compile(
    r"\s?(?:관련\s?)?(?:인사|당국자|관리|관료|외교관|기관|정부|주민|사용자)들?(?:을|를)?\s?(?:겨냥|노린|노려|표적|대상으로|감시)"
    r"|の?(?:関係者|当局者|政府|外交官|機関|高官|住民|利用者)ら?を(?:標的|狙|対象)"
)
# "blamed those attacks on North Korea", "blame Sony hack on North Korea": an attribution, not a victim
_BLAMED_BEFORE = re.compile(r"\b(?:blam\w*|pinn?(?:ed|ing|s)?)\b[^.!?\n]{0,40}$", re.I)
# "attacks on North Korea experts": the people who study the DPRK, not the DPRK
_STUDIED_AFTER = re.compile(
    r"\s+(?:experts?|watchers?|researchers?|specialists?|analysts?|scholars?|defectors?|observers?|policy|human\s+rights)\b",
    re.I,
)
# The DPRK itself attacked: 북한에 대한 사이버 공격, 北朝鮮に対するサイバー攻撃 (not 북한에 대한 해킹 책임: its blame).
_ATTACK_ON = re.compile(
    r"[^。.\n]{0,8}?[「“]?(?:サイバー攻撃|ハッキング|사이버\s?(?:공격|테러))\s?(?:の)?(?:被害|피해)[」”]?\s?(?:を|를)?\s?"
    r"(?:訴え|주장|호소)"  # 北朝鮮が初めて「サイバー攻撃被害」訴える: the DPRK claims it was hit
    r"|(?:에|に)\s?(?:宣戦布告|선전\s?포고)"  # ハッカー集団、北朝鮮に宣戦布告: war declared on the DPRK
    r"|(?:에\s?대한|을\s?겨냥한|를\s?겨냥한|に対する|への)\s?(?:사이버\s?|サイバー)?(?:공격|해킹|攻撃|ハッキング)"
    r"(?!\s?(?:책임|혐의|배후|의혹|소행|の責任|の背後))"
    r"|(?<=대북)\s?(?:사이버|싸이버)\s?(?:공격|작전|전|해킹)"  # 美 대북 사이버공격 준비: an attack on the North
    # another state's agency at work against the DPRK (fifteenth round): 北韓やテロ対策の目的でハッキング,
    # 北韓に対するもの (of its hacking files), 북한에 대한 감시·공작
    r"|(?:や[^、。\n]{1,8})?対策(?:の|用|目的)|に対する(?:もの|工作|作戦|監視|諜報)"
    r"|(?:에\s?대한|을\s?상대로\s?한)\s?(?:감시|공작|작전|첩보)"
    # 북한 사이버 공격 받아 인터넷 먹통, 북한을 겨냥해 이뤄진 사이버 공격 (twelfth round): the DPRK hit
    r"|\s?(?:이|가|은|는)?\s?(?:사이버\s?|디도스\s?|DDoS\s?)?공격(?:을)?\s?받"
    r"|(?:을|를)\s?겨냥(?:해|하여)\s?(?:이뤄진\s?|벌어진\s?)?(?:사이버\s?)?(?:공격|해킹)"
)
_AGENT_AFTER = re.compile(
    r"(?:'s|’s|의|の)?\s?(?:[-‐]?(?:linked|backed|affiliated|sponsored|nexus|aligned)|state\s+hackers|hackers?|"
    r"hacking\s+group|cyber\s+actors|threat\s+actors|operatives|해커|해킹\s?조직|해킹\s?그룹|해킹|소행|배후|추정|"
    r"ハッカー|系|犯行|関与)"
    r"|(?:'s|’s)\s+(?:hacking|hacks?|cyber[-\s]?attacks?)\b",  # "Pyongyang's hacking of a think tank" (eleventh round)
    re.IGNORECASE,
)


def agent_after(ctx: Context, hit: Hit) -> bool:
    """ "North Korean hackers", "북한 소행", "北朝鮮系": the DPRK word names the DPRK as an agent."""
    return bool(_AGENT_AFTER.match(ctx.text, hit.end, hit.end + OWNED_REACH + 40))


def only_as_victim(ctx: Context, dprk: list[Hit], actors: int) -> bool:
    """True when the DPRK is named as the owner of something hacked or knocked out, or as the people spied on, and
    never as an agent."""
    if actors or not dprk:
        return False
    owner = False
    for hit in dprk:
        if agent_after(ctx, hit):
            return False
        if _ATTACK_ON.match(ctx.text, hit.end) or (
            _DISRUPTED_OF.search(ctx.text, max(0, hit.start - 24), hit.start)
            and _DPRK_AS_OBJECT.match(hit.text + " ")
            and not _BLAMED_BEFORE.search(ctx.text, max(0, hit.start - 60), hit.start)
            and not _STUDIED_AFTER.match(ctx.text, hit.end)
        ):
            owner = True  # 북한에 대한 사이버 공격, 北朝鮮へのサイバー攻撃, "cyberattacks on North Korea"
            continue
        if _OTHER_PARTICLE.match(ctx.text, hit.end):
            continue  # 북한이, 북한으로부터, 北朝鮮が: the DPRK as subject or source, not an owner
        targeted_before = _TARGETED_BEFORE.search(ctx.text, max(0, hit.start - 30), hit.start)
        if _TARGETED_PEOPLE.match(ctx.text, hit.end, hit.end + 40) or (
            targeted_before
            and (_PEOPLE_AFTER.match(ctx.text, hit.end, hit.end + 30) or _DPRK_AS_OBJECT.match(hit.text + " "))
        ):
            owner = True  # "DarkHotel targeted North Korean officials", "북한 인사 겨냥", "北朝鮮の外交官を標的"
            continue
        owned = _OWNED.match(ctx.text, hit.end, hit.end + OWNED_REACH + 24)
        if owned and _GLUED.match(ctx.text, owned.end()):
            continue  # 북한의 국내 인터넷뱅킹 보안업체: a longer word, not the DPRK's internet
        disrupted = _OUTAGE if owned and owned.group()[:1] in "、," else _DISRUPTED  # 北朝鮮、ネットが接続不能に
        if owned and disrupted.search(ctx.text, owned.end(), owned.end() + DISRUPTED_REACH):
            owner = True
        elif owned and _DISRUPTED_OF.search(ctx.text, max(0, hit.start - 24), hit.start):
            owner = True  # "claims hack of North Korean websites", "attack on North Korea's internet"
    return owner
