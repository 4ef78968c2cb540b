"""Table-driven cases for general tagging patterns (victim frames, word forms, senses, plain actor names, malware
as the subject, fiction guards). Sentences are our own, written for these rules; none comes from an eval set."""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


# (pattern, title, text, sectors expected exactly)
SECTORS = [
    # A: weak frame ("observed the campaign against") far from the actor, in a text about a DPRK actor
    (
        "A",
        "Onyx Sleet refreshes its tooling",
        "Microsoft says Onyx Sleet, a North Korean actor, has a new implant. The implant is written in Rust. "
        "It beacons to its server every ten minutes. Analysts saw the campaign against regional hospitals and "
        "credit unions in the Midwest.",
        {"finance", "healthcare"},
    ),
    (
        "A",
        "Kimsuky mail wave",
        "Kimsuky operators sent lure documents this month. The macro drops a small downloader. It checks for "
        "sandboxes first. The operators also went after payment processors in Seoul.",
        {"finance"},
    ),
    # B: "recipients", "reached", "victims were" frames
    (
        "B",
        "Kimsuky lures",
        "Kimsuky sent a new round of spear-phishing mail this month. The attachments drop a backdoor. Recipients "
        "included professors at two universities and correspondents at news agencies.",
        {"media", "think-tanks-academia"},
    ),
    (
        "B",
        "Poisoned library",
        "Moonstone Sleet published trojanised packages to a code registry. The poisoned library also reached three "
        "telecom operators and two electricity providers in Asia.",
        {"energy", "telecommunications"},
    ),
    (
        "B",
        "New RAT",
        "Andariel deployed a new remote access trojan this spring. Victims were engineering consultancy firms and "
        "medical device makers in Korea.",
        {"healthcare", "manufacturing"},
    ),
    # B: one plain word between modifier and head, but not across a hyphen and not a vocabulary word
    (
        "B",
        "Trading firms",
        "North Korean hackers breached two commodity brokers and several financial clearing houses; they also "
        "attacked energy trading firms.",
        {"energy"},
    ),
    ("B", "", "North Korean hackers laundered coins via cloud-mining platforms they had targeted.", set()),
    # C: supply-chain compromise of a software maker named only by its company name
    (
        "C",
        "Installer poisoned",
        "Diamond Sleet carried out a supply-chain compromise of Veltrix, pushing a modified installer to its "
        "customers, Microsoft said.",
        {"technology"},
    ),
    # D: hyphenated start-ups, defence industrial base
    (
        "D",
        "",
        "Stardust Chollima hackers targeted fintech start-ups and crypto start-ups in Singapore.",
        {"cryptocurrency", "finance"},
    ),
    (
        "D",
        "",
        "Andariel hackers targeted the US defense industrial base and aerospace firms.",
        {"aerospace", "defense"},
    ),
    # E: a sector word out of its sense
    (
        "E",
        "",
        "Analysts profiled a North Korean hacking unit that it judges to report to the RGB; its hackers targeted "
        "banks.",
        {"finance"},
    ),
    (
        "E",
        "",
        "Kimsuky phishing targeted non-governmental organisations and non-government groups working on refugees.",
        set(),
    ),
    # E: spoofed senders ("appear to come from") are the bait
    (
        "E",
        "",
        "North Korean hackers sent emails that appear to come from journalists and bankers; recipients were "
        "think tanks.",
        {"think-tanks-academia"},
    ),
    # F: Korean lure forms and a logo in the lure document
    ("F", "", "북한 해킹조직 김수키가 외교부를 가장한 이메일로 대북 전문가들을 노렸다.", {"think-tanks-academia"}),
    ("F", "", "북한 해킹조직이 국방부인 것처럼 꾸민 메일로 연구자들을 겨냥했다.", {"think-tanks-academia"}),
    (
        "F",
        "",
        "북한 해커들이 국세청을 빙자한 메일로 언론사 기자들을 노렸다. 공격자는 통일부 로고를 넣은 파일을 첨부했다.",
        {"media"},
    ),
    (
        "F",
        "",
        "North Korean hackers attached a file bearing the foreign ministry's logo to mail aimed at scholars.",
        {"think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("pattern", "title", "text", "sectors"), SECTORS)
def test_sector_patterns(tagger, pattern, title, text, sectors):
    tags = tagger.tag(title, text)
    assert tags.dprk_cyber, pattern
    assert set(tags.sectors) == sectors, (pattern, tags.evidence)


# (pattern, title, text, dprk_cyber, actors, malware)
VERDICTS = [
    # G: bare "Lazarus" in a clearly cyber text with no country word
    (
        "G",
        "Recruiter scam returns",
        "Lazarus is back with fake recruiter messages aimed at aerospace engineers. The archives contain a "
        "trojanized PDF reader that installs a backdoor.",
        True,
        ("Lazarus Group",),
        (),
    ),
    # G confusers: a person named Lazarus in a cyber text; the IoT Reaper botnet; zinc the metal
    (
        "G",
        "Ransomware",
        "Security researcher John Lazarus said the ransomware used a backdoor and stole credentials.",
        False,
        (),
        (),
    ),
    (
        "G",
        "Botnet",
        "The IoT Reaper botnet infected a million routers; the malware spreads through exploits.",
        False,
        (),
        (),
    ),
    (
        "G",
        "Metals",
        "Zinc prices jumped after a ransomware attack on a smelter; hackers encrypted its servers and stole data.",
        False,
        (),
        (),
    ),
    # H: a DPRK malware family as the subject, no country or group named: dprk_cyber, no invented actor
    (
        "H",
        "New BabyShark variant",
        "A new BabyShark variant spreads through macro documents. It collects system information and sends it "
        "to a remote server, the researchers found, and has hit several victims.",
        True,
        (),
        ("BabyShark",),
    ),
    # H confuser: one passing mention of a DPRK family in another topic's text stays below the line
    (
        "H",
        "Hospital outage",
        "LockBit ransomware hit a hospital chain. Experts compared the outage to WannaCry in 2017. The gang "
        "demanded a ransom.",
        False,
        (),
        ("WannaCry",),
    ),
    # I: actor names made of ordinary words, in texts with no cyber word and no DPRK signal
    (
        "I",
        "Bar menu",
        "Try the Sapphire Sleet, a gin cocktail with blue curacao, or the Jade Sleet with matcha and lime.",
        False,
        (),
        (),
    ),
    (
        "I",
        "Storm names",
        "Emerald Sleet and Onyx Sleet are the names our novel gives two winter storms that close the pass.",
        False,
        (),
        (),
    ),
    ("I", "Garden", "A hidden cobra in the garden bit a dog, the vet said.", False, (), ()),
    ("I", "School", "Someone reported a stolen pencil case at school on Monday.", False, (), ()),
    ("I", "Forms", "Form TA406 must be filed by March.", False, (), ()),
    # I: game guide, the name far from the game words; and a game text with a phishing warning in it
    (
        "I",
        "Walkthrough",
        "Andariel is the first boss in Act I. Bring poison resistance and a good shield. The road east is long. "
        "Later you return to the monastery. Defeat Andariel again in Nightmare.",
        False,
        (),
        (),
    ),
    (
        "I",
        "Patch notes",
        "Andariel is the first boss of the new season for players. Beware phishing sites that steal game "
        "accounts. Andariel now drops better loot.",
        False,
        (),
        (),
    ),
    # I: coined names keep working with attack or security wording and no country word
    (
        "I",
        "Reading list",
        "Worth reading this week: a ScarCruft loader that poses as a PDF viewer, with indicators.",
        True,
        ("APT37",),
        (),
    ),
    ("I", "Cash-out", "The BeagleBoyz emptied ATMs across Asia in a cash-out scheme.", True, ("APT38",), ()),
    ("I", "Supply chain", "Jade Sleet compromised a software vendor, researchers said.", True, ("TraderTraitor",), ()),
    (
        "I",
        "Bridge theft",
        "Lazarus Group stole $600m from the bridge used by the game's players, the FBI said.",
        True,
        ("Lazarus Group",),
        (),
    ),
]


@pytest.mark.parametrize(("pattern", "title", "text", "cyber", "actors", "malware"), VERDICTS)
def test_verdict_patterns(tagger, pattern, title, text, cyber, actors, malware):
    tags = tagger.tag(title, text)
    assert tags.dprk_cyber is cyber, (pattern, tags.evidence)
    assert (tags.score >= 0.5) is cyber
    assert tags.actors == actors, (pattern, tags.evidence)
    assert tags.malware == malware
