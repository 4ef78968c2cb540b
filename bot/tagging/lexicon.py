"""The tagger's vocabulary, declared once as data: DPRK signals, cyber context, sector nouns, target verbs.

Rules: English phrases are matched case-insensitively on spaCy tokens (PhraseMatcher, attr LOWER), so write
them as the tokenizer splits them; `*_EXACT` entries match only as written. Korean and Japanese entries are
matched on characters by korean.py (particles may follow). Sector vocabulary names organisations
("medical providers"), never adjectives alone ("medical certificates" is stolen data, not a sector).
"""

# fmt: off
# A text about North Korea at all.
DPRK = [
    "north korea", "north korean", "north koreans", "dprk", "pyongyang", "n. korea", "n. korean", "n.korea",
    "n.korean", "n korea", "n korean", "democratic people's republic of korea",
    "democratic people’s republic of korea", "reconnaissance general bureau", "kim jong un", "kim jong-un",
    "kim jong - un", "bureau 121", "unit 180", "lab 110", "hermit kingdom", "kim regime", "korean people's army",
    "korean workers' party", "workers' party of korea",
]
DPRK_EXACT = [
    "NK", "RGB", "N.K.",
]
DPRK_CJK = [
    "북한", "북측", "북 해킹", "북한발", "대북", "조선민주주의인민공화국", "정찰총국", "김정은", "평양", "北朝鮮",
    "朝鮮民主主義人民共和国",
]
# Cyber context: words that make a text (or a sentence) about computer intrusion, theft or fraud.
CYBER = [
    "hack", "hacks", "hacked", "hacker", "hackers", "hacking", "cyber", "cyberattack", "cyberattacks",
    "cyber-attack", "cyber-attacks", "cyber attack", "cyber attacks", "cybersecurity", "cyber security",
    "cyberespionage", "cyber espionage", "cyber-espionage", "cybercrime", "cybercriminals", "cyber-thieves",
    "cyber thieves", "cyber actors", "cyber operations", "malware", "ransomware", "spyware", "trojan", "trojans",
    "trojanized", "backdoor", "backdoors", "phishing", "spear-phishing", "spearphishing", "spear phishing",
    "phished", "spear-phished", "exploit", "exploits", "exploited", "exploiting", "exploitation", "vulnerability",
    "vulnerabilities", "zero-day", "zero-days", "zero day", "threat actor", "threat actors", "threat group",
    "botnet", "keylogger", "command-and-control", "command and control", "infostealer", "wiper",
    "supply chain attack", "supply-chain attack", "crypto heist", "crypto hack", "cryptocurrency theft",
    "cryptocurrency thefts", "crypto theft", "data breach", "breached", "intrusion", "intrusions", "it workers",
    "it worker", "laptop farm", "laptop farms", "remote it workers", "ioc", "iocs", "indicators of compromise",
    "ttps", "sigma rule", "yara", "cyber heist", "bank heist", "cyberheist",
    "malicious", "stolen cryptocurrency", "stolen crypto", "crypto thieves", "cyber theft", "cyber-enabled",
    "private keys", "seed phrases", "crypto mixer", "mixers", "tornado cash", "credentials", "passwords", "npm",
    "pypi", "stealer", "drainer", "watering hole", "watering-hole", "ddos", "smishing",
]
CYBER_EXACT = [
    "APT", "RAT", "RATs", "C2", "APTs",
]
CYBER_CJK = [
    "해킹", "해커", "사이버", "악성코드", "악성 코드", "랜섬웨어", "피싱", "취약점", "백도어", "공격그룹",
    "공격 그룹", "해킹조직", "해킹 조직", "정보탈취", "APT",
    "보안업계", "보안업체", "보안 업체", "보안기업", "사이버보안", "정보보호", "침해사고", "디도스", "DDoS",
    "가상자산 탈취", "암호화폐 탈취", "ハッカー", "サイバー",
    "マルウェア", "ハッキング",
]
# Words right next to an ambiguous alias that make it a group name ("Konni group", "the Reaper APT").
ACTOR_NOUNS = {
    "actor", "actors", "apt", "apts", "attack", "attacks", "backdoor", "campaign", "cluster", "crew", "gang",
    "group", "hacker", "hackers", "hackers'", "hacking", "intrusion", "malware", "operators", "rat", "sub-group",
    "subgroup", "subgroups", "threat", "umbrella",
}
# Tokens before a capitalised name that make it a person ("President Lazarus Chakwera").
PERSON_TITLES = {
    "archbishop", "bishop", "brother", "dr", "dr.", "emma", "father", "king", "minister", "mr", "mr.", "pastor",
    "president", "prof", "prof.", "rev", "rev.", "saint", "sir", "st", "st.",
}
# Verbs and nouns that say who was hit: a sector noun counts only in a sentence framed like this.
TARGET = [
    "target", "targets", "targeted", "targeting", "targetting", "attack", "attacks", "attacked", "attacking", "hit",
    "hits", "breach", "breached", "breaching", "compromise", "compromised", "compromising", "victim", "victims",
    "steal", "stole", "stolen", "stealing", "theft", "thefts", "heist", "heists", "hack", "hacked", "hacking",
    "hacks", "infiltrate", "infiltrated", "infiltrating", "spear-phishing", "phishing", "phished", "phish",
    "spear-phished", "robbery", "robberies", "drained", "looted", "infected", "penetrated", "neutralize",
    "neutralized", "disrupt", "disrupted", "sabotage", "extorted", "ransomed", "against", "espionage",
    "cyberattacks", "cyberattack", "cyber-attacks", "intrusions", "hiring", "employers",
]
# Agents a sentence may name instead of repeating the DPRK actor ("the group targeted banks").
AGENTS = [
    "hackers", "hacker", "the group", "the gang", "the actor", "the actors", "threat actor", "threat actors",
    "cyber actors", "attackers", "the north", "cyber-thieves", "the regime", "hacking groups",
]
# Lures and impersonation: a sector named after these is the bait, not the victim.
LURE = {
    "decoy", "disguised", "fake", "fictitious", "impersonate", "impersonating", "lure", "lures", "masquerading",
    "pose", "poses", "posing", "pretending", "spoofed", "spoofing", "themed",
}
# Words that end a lure phrase when reading back from a sector noun ("... were sent to diplomats").
LURE_STOP = {
    "against", "are", "delivered", "emailed", "is", "sending", "sent", "to", "was", "were",
}
# Possessors that make a sector the DPRK's own programme ("its nuclear programme", "North Korean banks").
OWN = {
    "country's", "country’s", "dprk", "dprk's", "dprk’s", "its", "north korea's", "north korean", "north korea’s",
    "pyongyang's", "pyongyang’s", "regime's", "regime’s", "their",
}
# Head nouns that turn a sector modifier into an organisation: "defense" + "contractors".
HEADS = {
    "agencies", "agency", "bodies", "business", "businesses", "center", "centers", "centre", "centres", "community",
    "companies", "company", "contractor", "contractors", "department", "departments", "developers", "employees",
    "entities", "entity", "exchange", "exchanges", "facilities", "firm", "firms", "groups", "hack", "hacks",
    "heist", "heists", "holders", "industries", "industry", "institute", "institutes", "institution",
    "institutions", "investors", "laboratories", "labs", "makers", "manufacturer", "manufacturers", "networks",
    "officials", "operator", "operators", "organisation", "organisations", "organization", "organizations",
    "outlet", "outlets", "personnel", "plants", "platform", "platforms", "producers", "projects", "provider",
    "providers", "sector", "sectors", "services", "staff", "startups", "suppliers", "targets", "theft", "thefts",
    "users", "utilities", "vendor", "vendors", "workers",
}
# Sector modifiers (need a head) and heads they may not take ("research" + "companies" is not academia).
MODIFIERS = {
    "cryptocurrency": [
        "cryptocurrency", "crypto", "blockchain", "web3", "defi", "nft", "crypto-currency", "virtual asset",
        "digital asset", "digital currency",
    ],
    "finance": [
        "financial", "banking", "fintech", "payment", "payments", "insurance", "investment",
    ],
    "defense": [
        "defense", "defence", "military", "weapons", "arms",
    ],
    "aerospace": [
        "aerospace", "aviation", "aircraft", "airline", "airlines",
    ],
    "space": [
        "space", "satellite", "satellites",
    ],
    "government": [
        "government", "governmental", "diplomatic", "federal", "public-sector", "state agency",
    ],
    "think-tanks-academia": [
        "research", "academic", "policy", "university",
    ],
    "healthcare": [
        "healthcare", "health care", "health-care", "medical", "pharmaceutical", "pharma", "public health",
        "hospital", "biotech", "health",
    ],
    "energy": [
        "energy", "nuclear", "power", "oil", "gas", "electricity", "utility",
    ],
    "technology": [
        "software", "it", "tech", "technology", "cloud", "saas", "internet",
    ],
    "telecommunications": [
        "telecommunications", "telecom", "telecoms", "telco", "mobile operator",
    ],
    "media": [
        "media", "news", "broadcasting", "press",
    ],
    "judiciary": [
        "legal", "judicial", "law",
    ],
    "manufacturing": [
        "manufacturing", "engineering", "shipbuilding", "semiconductor", "semiconductors", "industrial",
        "automotive", "chemical",
    ],
}
MODIFIER_HEADS_ONLY = {
    "research": {
        "bodies", "center", "centers", "centre", "centres", "institute", "institutes", "institutions",
        "organisations", "organizations",
    },
    "policy": {
        "centers", "centres", "experts", "institute", "institutes", "organisations", "organizations",
    },
    "law": {
        "enforcement", "firm", "firms",
    },
    "power": {
        "companies", "grid", "operators", "plants", "providers", "sector", "stations", "utilities",
    },
    "health": {
        "institutions", "organisations", "organizations", "providers", "sector", "services",
    },
    "it": {
        "businesses", "companies", "company", "departments", "firm", "firms", "industry", "providers", "sector",
        "services", "staff", "vendors",
    },
    "internet": {
        "companies", "company", "firms", "providers",
    },
    "federal": {
        "agencies", "agency", "departments", "employees", "networks",
    },
    "press": {
        "agencies", "organisations", "organizations", "outlets",
    },
    "space": {
        "agencies", "agency", "companies", "industry", "organisations", "organizations", "sector",
    },
    "payment": {
        "companies", "networks", "platforms", "processors", "providers", "services", "systems",
    },
}
# Whole noun phrases that name a sector's organisations on their own.
NOUNS = {
    "cryptocurrency": [
        "cryptocurrency exchange", "cryptocurrency exchanges", "crypto exchange", "crypto exchanges", "defi",
        "decentralized finance", "decentralised finance", "blockchain technology", "blockchain bridge",
        "cross-chain bridge", "bridges", "wallets", "crypto wallets", "blockchain games", "play-to-earn", "nft",
        "nfts", "crypto firms", "web3", "cryptocurrency-related firms", "virtual asset service providers", "vasps",
    ],
    "finance": [
        "bank", "banks", "banks'", "central bank", "swift", "atm", "atms", "atm machines", "financial institutions",
        "point-of-sale", "fastcash", "credit unions", "brokerages",
    ],
    "defense": [
        "defense contractors", "defence contractors", "defense industry", "defence industry", "ministry of defense",
        "ministry of defence", "armed forces", "military organizations",
    ],
    "aerospace": [
        "aerospace", "airlines", "airports",
    ],
    "space": [
        "satellite operators", "launch sites", "space agency",
    ],
    "government": [
        "governments", "ministry", "ministries", "diplomats", "embassies", "embassy", "government agency",
        "government agencies", "foreign ministry", "state agencies", "public officials",
    ],
    "think-tanks-academia": [
        "think tank", "think tanks", "think-tanks", "universities", "university", "academics", "academia",
        "scholars", "professors", "north korea experts", "researchers on north korea", "research institutes",
        "research centers",
    ],
    "healthcare": [
        "hospitals", "hospital", "healthcare", "pharmaceutical companies", "clinics",
    ],
    "energy": [
        "power grid", "power plants", "utilities", "nuclear power plants", "energy providers",
    ],
    "technology": [
        "software supply chain", "software companies", "software developers", "it companies", "tech companies",
        "technology companies", "it firms", "software vendors",
    ],
    "telecommunications": [
        "telecommunications", "telecom operators", "telecoms", "mobile carriers",
    ],
    "media": [
        "journalists", "journalist", "news outlets", "broadcasters", "news media", "newspapers", "reporters",
    ],
    "judiciary": [
        "court", "courts", "judiciary", "supreme court", "law firms", "judges", "prosecutors",
    ],
    "manufacturing": [
        "shipbuilders", "shipyards", "semiconductor companies", "chipmakers", "manufacturers",
    ],
}
# Korean sector nouns (matched on characters, particles may follow).
NOUNS_KO = {
    "cryptocurrency": [
        "가상자산", "가상화폐", "암호화폐", "코인 거래소", "거래소", "디파이", "블록체인",
    ],
    "finance": [
        "은행", "금융기관", "금융회사", "금융권", "금융사", "증권사", "카드사",
    ],
    "defense": [
        "방산", "방위산업", "방산업체", "군사기관", "국방부",
    ],
    "aerospace": [
        "항공우주", "항공사", "항공",
    ],
    "space": [
        "위성 운영", "우주항공청",
    ],
    "government": [
        "정부기관", "정부 기관", "공공기관", "외교부", "통일부", "외교관", "부처",
    ],
    "think-tanks-academia": [
        "싱크탱크", "대학", "연구기관", "연구소", "연구원", "북한 전문가", "교수",
    ],
    "healthcare": [
        "병원", "의료기관", "제약사",
    ],
    "energy": [
        "에너지", "원자력", "발전소", "한국수력원자력",
    ],
    "technology": [
        "IT 기업", "소프트웨어", "IT기업", "개발자", "보안업체",
    ],
    "telecommunications": [
        "통신사", "이동통신",
    ],
    "media": [
        "언론", "기자", "방송사", "언론사",
    ],
    "judiciary": [
        "법원", "사법", "법원행정처", "대법원",
    ],
    "manufacturing": [
        "조선업", "조선소", "반도체", "제조업",
    ],
}
AGENTS_KO = [
    "해커", "해커들", "해킹조직", "해킹 조직", "해킹그룹", "공격그룹", "공격 그룹", "북한", "북측",
]
TARGET_KO = [
    "공격", "해킹", "표적", "겨냥", "탈취", "침투", "유출", "피해", "노려", "노린", "빼돌",
]
# fmt: on
