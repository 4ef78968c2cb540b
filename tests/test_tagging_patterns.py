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
    # P1: a text about a DPRK actor: a victim frame anywhere counts, and so does a "Targets" list or "Sector:" line
    (
        "P1",
        "ALERT | Velvet Chollima password-reset lures",
        "Velvet Chollima, a North Korean group, is sending password-reset lures this month.\n\n"
        "Targets\n- Staff at policy institutes covering East Asia.\n- Producers at two national broadcasters.\n\n"
        "Mitigations\n- Enforce hardware security keys for staff at banks and ministries.",
        {"media", "think-tanks-academia"},
    ),
    (
        "P1",
        "Bulletin 7   Sector: Healthcare providers",
        "Onyx Sleet, a North Korean hacking group, is using a new loader. The loader is signed with a "
        "stolen certificate. It reads its settings from the registry.",
        {"healthcare"},
    ),
    (
        "P1",
        "Ruby Sleet returns with a new downloader",
        "Ruby Sleet, a North Korean actor, has shipped a new downloader. The downloader is written in Go. It uses "
        "a cloud storage API for commands. Persistence comes from a scheduled task. Strings are encrypted with "
        "RC4. In March these actors compromised two shipyards and a satellite operator in Asia.",
        {"manufacturing", "space"},
    ),
    # P1 negatives: the DPRK item comes late in a digest, or another state's item has its own paragraph
    (
        "P1",
        "Weekly digest: a clinic outage, a VPN bug, and a state actor",
        "Clinic chain outage\nA criminal gang attacked a chain of clinics and leaked patient files.\n\n"
        "VPN bug\nA new VPN flaw is being exploited widely.\n\nState actor\nLast month Andariel, a North "
        "Korean group, breached a logistics firm through a stolen account.",
        set(),
    ),
    (
        "P1",
        "Kimsuky phishing and a Chinese telecom intrusion",
        "Kimsuky sent phishing mail to scholars at two universities this month.\n\n"
        "In a separate case, a Chinese group attacked mobile carriers in Europe.",
        {"think-tanks-academia"},
    ),
    # P2: the lure covers the impersonated noun phrase only
    (
        "P2",
        "APT43 reporter ruse",
        "APT43 operators impersonated producers at a broadcaster to request interviews with professors at "
        "universities in Seoul.",
        {"think-tanks-academia"},
    ),
    (
        "P2",
        "Kimsuky spoofing",
        "Kimsuky hackers posed as officials from a foreign ministry and sent phishing mail.",
        set(),
    ),
    # P3: Japanese "claiming to be a reporter" phrasing; a reporter's name used in the mail
    (
        "P3",
        "北朝鮮系ハッカーが研究者を標的に",
        "北朝鮮のハッカー集団「キムスキー」が、新聞社の記者を名乗るメールを大学の研究者に送りつけていた。"
        "メールはテレビ局の記者の名前を使い、取材を依頼する内容だった。",
        {"think-tanks-academia"},
    ),
    # P4: word-list gaps: holders of crypto, "wiped ... at <sector>", Korean maintenance vendor and crypto start-up
    (
        "P4",
        "Citrine Sleet profile",
        "Citrine Sleet, a North Korean actor, mainly targets companies and people managing cryptocurrency.",
        {"cryptocurrency"},
    ),
    (
        "P4",
        "Dark Seoul anniversary",
        "North Korean hackers wiped servers at South Korean broadcasters and at a regional bank in 2013.",
        {"finance", "media"},
    ),
    (
        "P4",
        "북한 해킹조직, 유지보수 업체 통해 침투",
        "북한 해킹조직 라자루스가 병원들이 함께 쓰는 전산 유지보수 업체를 해킹한 뒤 병원 서버에 침투했다.",
        {"healthcare", "technology"},
    ),
    (
        "P4",
        "북한 IT 인력 위장 취업",
        "북한 IT 인력이 가상자산 스타트업의 채용 공고에 지원해 원격 개발자로 취업했다.",
        {"cryptocurrency", "technology"},
    ),
    # P5: a sector modifier decides its head; governments as the authors of a statement are not victims
    (
        "P5",
        "Andariel campaign",
        "Andariel hackers breached aircraft manufacturers and defense contractors in Europe.",
        {"aerospace", "defense"},
    ),
    (
        "P5",
        "Joint statement on DPRK hacking",
        "The Governments of Canada and Australia condemn North Korean hackers, who stole cryptocurrency from "
        "exchanges this year. Our two governments will work with industry to disrupt these thefts.",
        {"cryptocurrency"},
    ),
    # P7: the IT-worker insider scheme with no hacking words: technology (employer) and the stolen asset
    (
        "P7",
        "Two North Korean Men Charged",
        "Two North Korean men were charged with fraud. Using fake identities, they landed remote developer jobs "
        "at a token start-up, altered the smart contract they maintained and stole cryptocurrency from the firm.",
        {"cryptocurrency", "technology"},
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
    # P6: vendor names (Unit 42 Pisces, ESET, katakana)
    ("P6", "Ransomware access", "Jumpy Pisces handed network access to a ransomware crew.", True, ("Andariel",), ()),
    ("P6", "Fake funds", "Alluring Pisces lured traders with fake fund decks and a backdoor.", True, ("APT38",), ()),
    (
        "P6",
        "暗号資産流出",
        "北朝鮮のハッカー集団「トレーダートレイター」が資金を盗んだ。",
        True,
        ("TraderTraitor",),
        (),
    ),
    (
        "P6",
        "Fake interviews",
        "DeceptiveDevelopment sends coding tests laced with a stealer to freelance developers.",
        True,
        ("Famous Chollima",),
        (),
    ),
    # P7: the IT-worker scheme with no hack or malware words is DPRK cyber activity, by Famous Chollima (taxonomy.md
    # lists "DPRK IT workers" as its alias; the labelled corpus names it on every IT-worker text); plain labour
    # exports are not
    (
        "P7",
        "Indictment",
        "Three North Korean nationals used false identities to take remote developer jobs at a payments firm and "
        "diverted funds after changing its source code.",
        True,
        ("Famous Chollima",),
        (),
    ),
    (
        "P7",
        "Labour exports",
        "North Korea sent construction workers to Russia in breach of UN sanctions, officials said.",
        False,
        (),
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
