"""The tagger's vocabulary, declared once as data: DPRK signals, cyber context, sector nouns, target verbs.

Rules: English phrases are matched case-insensitively on spaCy tokens (PhraseMatcher, attr LOWER), so write
them as the tokenizer splits them; `*_EXACT` entries match only as written. Korean and Japanese vocabulary
lives in lexicon_cjk.py. Sector vocabulary names organisations
("medical providers"), never adjectives alone ("medical certificates" is stolen data, not a sector).
"""

# fmt: off
# A text about North Korea at all.
DPRK = [
    "north korea", "north korean", "north koreans", "dprk", "pyongyang", "n. korea", "n. korean", "n.korea",
    "n.korean", "n korea", "n korean", "nkorea", "nkorean", "nkoreans", "democratic people's republic of korea",
    "democratic people’s republic of korea", "reconnaissance general bureau", "kim jong un", "kim jong-un",
    "kim jong - un", "bureau 121", "unit 180", "lab 110", "hermit kingdom", "kim regime", "korean people's army",
    "korean workers' party", "workers' party of korea",
    # sixteenth round: the earlier leaders, and the schools named after them
    "kim il sung", "kim il-sung", "kim jong il", "kim jong-il",
    "north koreas",  # a headline from a URL slug drops the apostrophe ("North Koreas Crypto Theft Hits Record")
    # twenty-fifth round: the headline abbreviation ("Fallout Over Hack by N. Koreans Hits Philippines Bank")
    "n. korea", "n. korean", "n. koreans", "n.korea", "n.korean", "n.koreans", "n. korea's", "n. korea’s",
    # the leader's hackers in headline idiom ("Kim's cyber army"): no other Kim has an army of hackers
    "kim's hackers", "kim’s hackers", "kim's cyber army", "kim’s cyber army", "kim's hacker army",
    "kim’s hacker army", "kim's cyber warriors", "kim’s cyber warriors", "kim's hacking army", "kim’s hacking army",
]
DPRK_EXACT = [
    "NK", "RGB", "N.K.",
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
    "supply chain attack", "supply-chain attack", "supply chain attacks",
    # twelfth round: the verb forms ("Lazarus attacks supply chain in South Korea"), phishing as an adjective
    "attacks supply chain", "attacked supply chain", "attacking supply chain", "attacks supply chains",
    "attacked supply chains", "attacking supply chains", "phishy", "hacktivist", "hacktivists",
    "supply-chain attacks", "crypto heist", "crypto hack", "cryptocurrency theft", "crypto attack", "crypto attacks",
    "crypto-attacks", "cryptocurrency attacks", "illegal leak", "illegal outflow", "unauthorized outflow",
    "cryptocurrency thefts", "crypto theft", "data breach", "breached", "intrusion", "intrusions", "it workers",
    "it worker", "laptop farm", "laptop farms", "remote it workers", "ioc", "iocs", "indicators of compromise",
    "information technology workers", "information technology (it) workers",  # nineteenth round, from AC
    "ttps", "sigma rule", "yara", "cyber heist", "bank heist", "cyberheist",
    # twenty-fifth round: one-word and hyphenated spellings ("in alleged North Korean cyberhack")
    "cyberhack", "cyberhacks", "cyber-hack", "cyber-hacks", "cyber-heist", "cyber-heists", "cybertheft",
    "cyber-theft",
    "malicious", "stolen cryptocurrency", "stolen crypto", "crypto thieves", "cyber theft", "cyber-enabled",
    "private keys", "seed phrases", "crypto mixer", "mixers", "tornado cash", "credentials", "passwords", "npm",
    "pypi", "stealer", "drainer", "watering hole", "watering-hole", "ddos", "smishing",
    "trojanised", "backdoored", "remote access tool", "remote access tools", "remote access trojan",
    "remote access trojans", "supply chain compromise", "supply-chain compromise", "credential theft",
    "credential harvesting", "credential-harvesting", "cash-out", "cash-outs", "infostealers", "stealers",
    # the IT-worker scheme: remote jobs under false identities, then theft or extortion from the employer
    "remote developers", "remote developer", "remote software developers", "remote software developer",
    "remote it jobs", "remote developer jobs", "remote jobs", "remote positions", "remote it worker",
    "false identities", "fake identities", "stolen identities", "fraudulent identities", "false and stolen identities",
    "fake identity", "false identity", "stolen identity", "smart contract", "smart contracts", "source code",
    "stealing virtual currency", "stole virtual currency", "stealing cryptocurrency", "stole cryptocurrency",
    "steal cryptocurrency", "virtual currency theft", "cryptocurrency mixer", "crypto mixers",
    # headline words: the IT-worker scheme in news wording, wallet thefts, advisories, known job-lure operations
    "remote worker", "remote workers", "remote work scheme", "remote work", "remote-work", "remote-worker",
    "information technology workers", "information technology worker", "information technology jobs",
    "wallet theft", "wallet thefts", "hot wallet", "hot wallets", "wallet hack", "stopransomware",
    "fake job offers", "fake job offer", "fake recruiter", "fake recruiters", "operation dream job", "dream job",
    "tech jobs", "tech job", "tech workers", "tech worker", "identity theft", "dmarc",
    "it warriors", "it warrior", "workers scheme", "worker scheme", "fake workers", "fake us workers",
    "fake it workers",
    "social engineering attacks", "social engineering attack", "social-engineering attacks",
    "social engineering campaign", "social engineering campaigns",
    "social engineering threat", "linked actors", "backed actors", "nexus actors", "aligned actors",
    "affiliated actors", "sponsored actors", "laundering crypto", "laundered crypto", "launder crypto",
    "crypto laundering", "laundering cryptocurrency", "laundered cryptocurrency", "launder cryptocurrency",
    "cryptocurrency laundering", "threat landscape", "posed as recruiters", "posing as recruiters",
    "pose as recruiters", "posed as a recruiter", "posing as a recruiter", "as freelancers", "freelance developers",
    "freelance it", "it freelancers", "freelance programmers", "fake resumes", "fake résumés", "fake job interviews",
    # eighth session: a computer network knocked out or broken into
    "network breakdown", "network breakdowns", "network paralysis", "network outage", "network outages",
    "network intrusion", "network intrusions",
    # tenth round: the IT-worker scheme in the Justice Department's and hiring managers' words, crypto fraud
    "revenue generation scheme", "revenue-generation scheme", "revenue generation schemes", "crypto fraud",
    "cryptocurrency fraud", "job applicants", "job applicant", "fake applicants", "fake candidates", "tech hiring",
    # tenth round: crypto hauls, job and LinkedIn scams, fake venture capital firms as lures
    "crypto haul", "cryptocurrency haul", "crypto loot", "linkedin scam", "linkedin scams", "job scam", "job scams",
    "recruitment scam", "recruitment scams", "fake vc firms", "fake vc firm", "fake venture capital firms",
    "fake venture capital firm", "fake investors",
    # tenth round: thieves and heists called digital, drive-by downloads, networks tapped into
    "digital heist", "digital heists", "digital bank robbers", "digital bank robber", "digital bank robbery",
    "digital bank robberies", "digital robbers", "digital thieves", "online heist", "online heists",
    "online bank robbery", "drive-by download", "drive-by downloads", "tapped into networks", "cyberspying",
    "cyber-spying", "cyber spying", "cyberspies", "cyber spies",
    # ninth session: accounts taken over, the wallets and addresses the DPRK's thieves hold
    "account takeover", "account takeovers", "account hijacking", "hijacked accounts", "hijacks accounts",
    "hijack accounts", "hijacking accounts", "linked wallets", "linked wallet", "linked addresses",
    "wallet addresses", "crypto addresses", "cryptocurrency addresses",
    # a fourth battery by kind: packages, extensions, defacement, zombie computers, VPNs, the hacking units
    "malicious packages", "malicious package", "malicious npm", "malicious apps", "malicious app",
    "browser extensions", "browser extension", "chrome extensions", "chrome extension", "defacement",
    "defaced", "zombie pcs", "zombie computers", "vpn", "vpns", "bureau 121", "unit 180", "lab 110",
    # a fifth battery by kind: AI misused (not the DPRK's own AI work), scam coins and rug pulls
    "openai", "chatgpt", "abuses ai", "abused ai", "abusing ai", "misuses ai", "misused ai", "misusing ai",
    "misuse of ai", "ai misuse", "abuse of ai", "scam coins", "scam coin", "scam tokens", "scam token", "rug pull",
    "rug pulls", "rug-pull", "rug-pulls", "laptop farmer", "laptop farmers", "it infiltration",
    # a sixth battery by kind: files, addresses and certificates of an intrusion
    "malicious files", "malicious file", "digital certificates", "digital certificate",
    "code-signing certificates", "code-signing certificate", "code signing certificates", "relay servers",
    # an eighth battery (English headline words): fake video calls, crypto laundered or its proceeds moved
    "fake zoom", "fake zoom calls", "fake zoom meetings", "fake video calls", "fake teams meetings",
    "launders crypto", "launders cryptocurrency", "crypto proceeds", "cryptocurrency proceeds", "stolen ether",
]
CYBER_EXACT = [
    "APT", "RAT", "RATs", "C2", "APTs", "IT jobs", "IT work", "IT job", "IT Workers", "IT Worker",
    # eleventh round: the scheme named a scam or a fraud
    "IT scam", "IT Scam", "IT scams", "IT Scams", "IT scheme", "IT Scheme", "IT schemes", "IT fraud", "IT Fraud",
    "IT professionals", "IT Professionals", "IT specialists", "IT Specialists",
]
# Words right next to an ambiguous alias that make it a group name ("Konni group", "the Reaper APT").
ACTOR_NOUNS = {
    "actor", "actors", "apt", "apts", "attack", "attacks", "backdoor", "campaign", "cluster", "crew", "gang",
    "group", "hacker", "hackers", "hackers'", "hacking", "intrusion", "malware", "operators", "rat", "sub-group",
    "subgroup", "subgroups", "threat", "umbrella",
}
# The DPRK IT-worker scheme: with a DPRK signal near, the companies hiring them (technology) were hit.
SCHEME = {
    "it workers", "it worker", "remote it workers", "remote it worker", "laptop farm", "laptop farms",
    "remote developers", "remote developer", "remote software developers", "remote software developer",
    "remote it jobs", "remote developer jobs", "remote jobs", "remote positions", "remote worker", "remote workers",
    "remote work scheme", "remote work", "remote-work", "remote-worker", "information technology workers",
    "information technology (it) workers", "information technology (it) worker",  # nineteenth round, from AC
    "information technology worker", "information technology jobs", "it jobs", "it work", "it job",
    "tech jobs", "tech job", "tech workers", "tech worker", "it warriors", "it warrior", "workers scheme",
    "worker scheme", "fake workers", "fake us workers", "fake it workers", "as freelancers", "freelance developers",
    "freelance it", "it freelancers", "freelance programmers",
}
# Other states' actors: a sentence naming them (and no DPRK agent) does not give DPRK sectors. Bare country names
# are left out: they are usually where the victims are ("in Europe, Russia and Japan").
OTHER_STATES = [
    "russian", "russia's", "russia’s", "chinese", "china's", "china’s", "iranian", "iran's", "iran’s", "typhoon",
    "blizzard", "sandstorm", "sandworm", "fancy bear",
    "cozy bear", "charming kitten", "apt28", "apt29", "apt35", "apt41", "turla", "gru",
]
# Games, fiction, entertainment: with these and no DPRK signal, a name is a character (see actors.py).
FICTION = [
    "boss", "bosses", "character", "characters", "anime", "episode", "episodes", "season", "players", "gamers",
    "novel", "musical", "album", "podcast", "podcasts", "film", "movie", "dungeon", "pinnacle boss",
]
# Reporting verbs around a sector noun, and phrases before it, that make it the source ("prosecutors said",
# "continued the developers"), and nouns after it that make it the means ("software supply chain routes").
REPORTING = {
    "said", "say", "says", "allege", "alleged", "alleges", "told", "added", "noted", "warned", "believe", "believes",
    "continued", "wrote", "explained", "stated", "announced", "warn", "recommended", "urged", "advised",
    "issued", "issue", "issues",  # "federal agencies have issued an alert" (nineteenth round)
}
# Words between a sector modifier and "institute" that make it a research body, not the sector ("defense analysis
# institute" is a think tank).
RESEARCH_BRIDGES = {"analysis", "analyses", "research", "studies", "policy", "strategy"}
# Words between a head noun and its reporting verb ("industry sources told"), and law-enforcement acts whose subject
# is the actor, not a victim ("federal prosecutors have indicted").
SPEAKERS = {"sources", "source", "officials", "spokesperson", "spokesman", "spokeswoman", "outlets", "outlet"}
LAW_ACTS = {
    "indicted", "charged", "disrupted", "seized", "unsealed", "arrested", "filed", "sanctioned", "attributed",
    "suspect", "suspects", "accuse", "accuses", "blame", "blames", "blamed",
}
MEANS = {"route", "routes", "vector", "vectors", "technique", "techniques", "tactic", "tactics", "method", "methods"}
# Sentence openers that change the subject (judge/signals.py: a cyber word after them is not about the DPRK sentence
# before; sectors/find.py: a victim after them needs its own agent).
SHIFTS = ("separately", "meanwhile", "elsewhere", "in other news", "in a separate", "also on")
SOURCE_BEFORE = (
    "according to",
    # who found or looked into the attack: "discovered by the defence ministry", "a division ... in charge of
    # investigating"
    "discovered by", "detected by", "uncovered by", "spotted by", "investigated by", "confirmed by", "tracked by",
    # who accuses the actor: "has been accused by U.S. prosecutors of orchestrating heists"
    "accused by", "charged by", "indicted by", "blamed by", "sanctioned by",
    # "according to sources in the Supreme Prosecutors' Office"
    "sources in", "sources at", "sources from", "a report from", "a report by", "report from", "report by",
)
# Cyber words that say a software maker was breached to reach its customers: the technology sector was hit.
SUPPLY_CHAIN = {
    "supply chain attack", "supply-chain attack", "supply chain compromise", "supply-chain compromise",
    "supply chain attacks", "supply-chain attacks", "supply chain compromises", "supply-chain compromises",
}
# Target words that make a sentence naming cryptocurrency a theft of it ("stole $700 million in crypto"): cyber
# context for a DPRK signal or an ambiguous actor name in that sentence (see frames.py).
# Theft in headline verbs (tenth round): target words, crypto and money thefts, aimed at organisations.
THEFT_VERBS = (
    "drains", "drain", "draining", "siphons", "siphon", "siphoning", "pilfers", "pilfered", "pilfering", "snatched",
    "snatches", "plundered", "plunders", "robbed", "robs", "swiped", "swipes", "nabbed", "looting", "loots", "grabbed",
)
CRYPTO_THEFT = {
    "steal", "steals", "stole", "stolen", "stealing", "theft", "thefts", "heist", "heists", "drained", "looted",
    "hack", "hacked", "hacks", "robbery", "robberies",
    *THEFT_VERBS,
}
# Targeting and theft words after which a sector's organisations are what the DPRK aimed at (see frames.py).
AIMED = {
    "target", "targets", "targeted", "targeting", "targetting", "steal", "steals", "stole", "stolen", "stealing",
    "theft", "thefts", "went after", "go after", "goes after", "going after", "set its sights on", "sets its sights on",
    "sets sights on", "set sights on", "crosshairs", "cross-hairs", "attack", "attacks", "attacked", "attacking",
    *THEFT_VERBS, "infiltrate", "infiltrated", "infiltrates", "infiltrating", "heist", "heists",
}
# Organisation heads that make a state sector's noun a company or an industry ("defense contractors").
COMPANY_HEADS = (
    "contractors", "contractor", "industry", "industries", "companies", "company", "firms", "firm", "makers", "maker",
    "manufacturers", "manufacturer", "suppliers", "supplier", "businesses", "sector", "sectors", "providers",
)
# A bare "government" after a target word is the victim when one of these (or punctuation) follows it
# ("targeting the South Korean government and ..."), not a modifier ("government agencies", "government-backed").
# Sector words that name the organisation bare when they end their noun phrase after a target word
# ("targeting the government.", "hacked the South's military"): see sectors/frames.bare_sector_noun.
BARE_NOUNS = ("government", "military")
GOVERNMENT_ENDS = {
    "and", "or", "in", "of", "with", "by", "for", "to", "from", "on", "at", "as", "over", "since", "last", "this",
    "during", "through", "between", "until",
    # sixteenth round: the attack is the subject ("attacks against the government were launched by ...")
    "was", "were", "have", "had", "presumably", "allegedly", "reportedly",
}
# Verbs and prepositions after which a cryptocurrency word is the stolen asset, i.e. its holders were hit.
THEFT = {
    "steal", "steals", "stole", "stolen", "stealing", "theft of", "heist of", "launder", "laundered", "laundering",
    "drained", "pilfered",
    *(v for v in THEFT_VERBS if v != "pilfered"),
}
# Tokens before a capitalised name that make it a person ("President Lazarus Chakwera").
PERSON_TITLES = {
    "archbishop", "bishop", "brother", "dr", "dr.", "emma", "father", "king", "minister", "mr", "mr.", "pastor",
    "president", "prof", "prof.", "rev", "rev.", "saint", "sir", "st", "st.",
}
# Capitalised words before an ambiguous name that are not a first name ("The Lazarus", "North Korea's Lazarus").
NOT_NAMES = {
    "the", "a", "an", "this", "that", "these", "those", "north", "korea", "korean", "dprk", "pyongyang", "notorious",
    "infamous", "by", "from", "and", "with", "how", "when", "why", "as", "of", "at", "says", "microsoft", "google",
}
# Verbs and nouns that say who was hit: a sector noun counts only in a sentence framed like this.
TARGET = [
    "target", "targets", "targeted", "targeting", "targetting", "attack", "attacks", "attacked", "attacking", "hit",
    "hits", "breach", "breached", "breaching", "compromise", "compromised", "compromising", "victim", "victims",
    "steal", "steals", "stole", "stolen", "stealing", "theft", "thefts", "heist", "heists", "hack", "hacked", "hacking",
    "hacks", "infiltrate", "infiltrated", "infiltrating", "spear-phishing", "phishing", "phished", "phish",
    "spear-phished", "robbery", "robberies", "drained", "looted", "siphoned", "infected", "penetrated", "neutralize",
    "neutralized", "disrupt", "disrupted", "sabotage", "extorted", "ransomed", "against", "espionage",
    "cyberattacks", "cyberattack", "cyber-attacks", "intrusions", "hiring", "employers", "focused on", "focuses on",
    "focusing on", "went after", "go after", "goes after", "going after", "aimed at", "aiming at", "aims at", "sending",
    "sent", "sends", "emailed", "contacting", "contacted", "approached", "approaching", "lured", "luring", "tricked",
    "duped", "encrypted", "encrypting", "affected", "impacted", "infection", "infections", "preyed", "victimized",
    "singled out", "recipients", "reached", "among the victims", "compromises", "breaches", "infects",
    "infiltrates", "encrypts", "wiped", "wipes", "wiping", "erased", "to request", "requesting", "to reach",
    "reached out", "reaching out", "to contact", "to approach", "to solicit", "soliciting",
    "broke into", "break into", "breaking into", "broken into", "focus on", "set its sights on", "sets its sights on",
    "crosshairs", "cross-hairs",
    # eighteenth round: "on the APT's radar" (not "the navy's radar": a radar, no frame)
    "on its radar", "on their radar", "on the radar", "on the apt's radar", "on the group's radar",
    "on the actor's radar", "on the hackers' radar", "on the attackers' radar",
    *THEFT_VERBS,
    "sets sights on", "set sights on", "suffered", "suffers", "suffer", "hackings", "gain access to",
    "gained access to", "gaining access to", "concentrates on", "concentrated on", "concentrating on",
    "concentrate on", "spy on", "spied on", "spying on",
    # twenty-fifth round (AK, AL): malware found on a victim's machines ("spotted in financial institutions")
    "spotted in", "detected in", "detected on", "detected at", "found on the networks of", "found in the networks of",
    # eleventh round: aim taken; the firms where the IT-worker scheme placed its workers ("got jobs at")
    "taken aim at", "took aim at", "take aim at", "takes aim at", "taking aim at", "jobs at", "job at",
    "employment at", "employment with", "hired by", "employed by", "employed at", "positions at", "disabled",
    # twenty-fourth round (AJ, AK): "placed these workers at ... a defense contractor", "fake remote workers at
    # unsuspecting tech and crypto companies" (a target word also ends the lure walk: the firms are real)
    "workers at", "workers with",
    "knocked out", "knocked offline", "taken offline", "hijacking", "hijacked",
    # a network paralysed or crippled was hit (fifth session: the sector's wording, not a text's)
    "paralysed", "paralyzed", "paralysing", "paralyzing", "crippled", "crippling",
]
# Target words that are intrusions on their own ("Jade Sleet compromised a vendor"): with no cyber word or DPRK
# signal, a plain actor name (ordinary words) still counts beside one of these.
INTRUSION = {
    "compromise", "compromised", "compromising", "hack", "hacked", "hacking", "breach", "breached", "breaching",
    "infiltrate", "infiltrated", "infiltrating", "phished", "spear-phished", "infected", "ransomed", "extorted",
}
# Security wording that lets a coined actor name (Kimsuky, TA444) count in a text with no cyber word and no DPRK
# signal ("a Kimsuky loader posing as a browser update"); too weak to pair with a DPRK signal as cyber context.
SECURITY = [
    "loader", "loaders", "implant", "implants", "payload", "payloads", "dropper", "droppers", "indicators",
    "samples", "threat", "threats", "security", "espionage", "spying", "campaign", "campaigns", "attacker",
    "attackers", "researchers", "fbi", "cisa", "nsa", "mandiant", "kaspersky", "crowdstrike", "proofpoint",
    "sanctions", "sanctioned", "indicted", "indictment", "scheme", "fraud", "laundering", "laundered",
    # a state's actor, not a state's grant ("state-sponsored tuition grants" with a form number stays quiet)
    "state-sponsored actor", "state-sponsored actors", "state-backed actor", "state-backed actors",
    "nation-state actor", "nation-state actors", "apt group", "apt groups", "apt actor", "apt actors",
]
# Agents a sentence may name instead of repeating the DPRK actor ("the group targeted banks").
AGENTS = [
    "hackers", "hacker", "the group", "the gang", "the actor", "the actors", "threat actor", "threat actors",
    "cyber actors", "attackers", "the north", "cyber-thieves", "the regime", "hacking groups", "these actors",
    "this actor", "this group", "the intruders", "the threat group", "the defendants", "the defendant",
    "the same people", "the same operators",
]
# Words that refer back to the DPRK activity a text is about ("observed the campaign against banks"): agents only
# in a text that names a DPRK actor or malware family (see sectors/find.py).
ANAPHORS = [
    "the campaign", "this campaign", "the operation", "this operation", "the operators", "its operators",
    "the activity", "this activity", "the intrusions", "the attacks", "these attacks", "the intrusion",
    "this intrusion", "this wave", "the wave",
]
# Lures and impersonation: a sector named after these is the bait, not the victim.
LURE = {
    "decoy", "disguised", "fake", "fictitious", "impersonate", "impersonating", "lure", "lures", "masquerading",
    "pose", "poses", "posing", "pretending", "spoofed", "spoofing", "themed", "appear", "appears", "appearing",
    "purporting", "purported", "claiming", "mimicking", "imitating", "masquerade", "impersonated", "impersonates",
    "posed", "resembling", "resembled", "disguising", "spoof", "spoofs",
}
# Words right after a sector noun that make it the bait: "the ministry's logo", "bank letterhead".
LURE_AFTER = {"logo", "logos", "letterhead", "letterheads", "branding", "insignia"}
# Words that end a lure phrase when reading back from a sector noun ("... were sent to diplomats").
LURE_STOP = {
    "against", "are", "delivered", "emailed", "is", "sending", "sent", "to", "was", "were", "request", "ask",
    "asking", "asked", "contact", "reach", "approach", "then", "and then", "targeting", "targeted",
}
# First-person possessors: the authors' own bodies ("our three governments"), not victims.
AUTHORS = {"our", "my"}
# Words after which a cryptocurrency word names its holders ("organisations managing cryptocurrency").
HOLDING = {"managing", "holding", "handling", "storing", "trading", "owning", "custody of"}
# A sector modifier before these is a policy field ("defence-policy officials"), not the sector's organisations.
FIELDS = {"policy"}
# Possessors that make a sector the DPRK's own programme ("its nuclear programme", "North Korean banks").
DPRK_OWN = (
    "dprk", "dprk's", "dprk’s", "north korea's", "north korean", "north korea’s", "pyongyang's", "pyongyang’s",
    "regime's", "regime’s",
)
OWN = {*DPRK_OWN, "country's", "country’s", "its", "their"}
# Words before a sector noun that make it a verb ("that it judges to serve", "he courts investors").
SUBJECTS = {"it", "he", "she", "they", "we", "who"}
ADVERBS = {"also", "often", "still", "now", "only", "later", "then", "usually"}  # may stand between the two
# Prefixes that negate a sector modifier: "non-governmental organisations", "non-financial firms".
NEGATING = {"non", "non-", "not-for", "anti"}
# Head nouns that turn a sector modifier into an organisation: "defense" + "contractors".
HEADS = {
    "agencies", "agency", "bodies", "business", "businesses", "center", "centers", "centre", "centres", "community",
    "companies", "company", "contractor", "contractors", "department", "departments", "developers", "employees",
    "verticals", "vertical",  # "blockchain and fintech verticals" (nineteenth round)
    "entities", "entity", "exchange", "exchanges", "facilities", "firm", "firms", "groups", "hack", "hacks",
    "heist", "heists", "holders", "industries", "industry", "institute", "institutes", "institution",
    "institutions", "investors", "laboratories", "labs", "makers", "manufacturer", "manufacturers", "networks",
    "officials", "operator", "operators", "organisation", "organisations", "organization", "organizations",
    "outlet", "outlets", "personnel", "plants", "platform", "platforms", "producers", "projects", "provider",
    "providers", "sector", "sectors", "services", "staff", "engineers", "startups", "start-ups", "start-up", "startup",
    "suppliers", "targets", "theft", "thefts", "processors", "service", "clients", "customers",
    "users", "utilities", "vendor", "vendors", "workers", "executives", "websites", "servers", "systems",
    # one maker or supplier: "a missile maker", "a vaccine developer", "a software supplier"
    "maker", "producer", "developer", "builder", "builders", "supplier", "processor",
    # a company's legal suffix: "X Shipbuilding Co.", "Y Engineering Corp."
    "co", "co.", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.",
    "sites",  # eleventh round: "government sites and media organizations were knocked offline"
}
# A defense ministry's own systems hit are a ministry's too ("stole documents from a Defense Ministry database",
# "国防省のシステムに侵入"): defense and government (a ministry that speaks or investigates is neither).
ALSO_GOVERNMENT = {
    "defense ministry", "defence ministry", "ministry of defense", "ministry of defence",
    "ministry of national defense", "ministry of national defence", "국방부", "防衛省", "国防省", "国防部",
}
# A space agency is a government agency too (taxonomy.md: government is agencies; the convention of the labelled
# sets: a national space agency hit is government and space).
SPACE_AGENCIES = (
    "space agency", "space agencies", "space administration",
    "宇宙局", "航空宇宙局", "宇宙機関", "우주항공청", "우주국", "항공우주국",
)
# Sector modifiers (need a head) and heads they may not take ("research" + "companies" is not academia).
MODIFIERS = {
    "cryptocurrency": [
        "cryptocurrency", "crypto", "blockchain", "web3", "defi", "nft", "crypto-currency", "virtual asset", "bitcoin",
        "ethereum",
        "digital asset", "digital currency",
        # eleventh round: the older name of the asset ("launder stolen virtual currencies")
        "virtual currency",
    ],
    "finance": [
        "financial", "banking", "fintech", "payment", "payments", "insurance", "investment",
        "credit card", "securities", "brokerage",
        "finance",  # thirteenth round: "the media and finance sectors", a list's "... technology and finance"
    ],
    "defense": [
        "defense", "defence", "military", "weapons", "arms", "missile", "missiles", "warship", "warships",
        "munitions",
    ],
    "aerospace": [
        "aerospace", "aviation", "aircraft", "airline", "airlines",
        "fighter jet", "fighter jets", "helicopter", "helicopters", "drone", "drones",
        # fourteenth round: the drone's other names ("defence and unmanned aerial vehicle (UAV) manufacturers")
        "uav", "uavs", "unmanned aerial vehicle", "unmanned aerial vehicles", "unmanned-aerial-vehicle",
        "unmanned aircraft",
    ],
    "space": [
        "space", "satellite", "satellites",
        "rocket", "rockets", "launch vehicle", "launch vehicles",
    ],
    "government": [
        "government", "governmental", "diplomatic", "federal", "public-sector", "state agency", "diplomacy",
    ],
    "think-tanks-academia": [
        "research", "academic", "policy", "university", "educational", "education",
    ],
    "healthcare": [
        "healthcare", "health care", "health-care", "medical", "pharmaceutical", "pharma", "public health",
        "hospital", "biotech", "health", "vaccine", "vaccines", "drug",
        "medicine",  # "British medicine manufacturer" (twenty-fifth round)
    ],
    "energy": [
        "energy", "nuclear", "power", "oil", "gas", "electricity", "utility", "power generation", "electric",
    ],
    "technology": [
        "software", "it", "tech", "technology", "cloud", "saas", "internet", "information technology",
    ],
    "telecommunications": [
        "telecommunications", "telecom", "telecoms", "telco", "mobile operator",
        "telecommunication",  # "telecommunication firms" (twenty-fourth round)
    ],
    "media": [
        "media", "news", "broadcasting", "press", "broadcast",
    ],
    "judiciary": [
        "legal", "judicial", "law",
    ],
    "manufacturing": [
        "manufacturing", "engineering", "shipbuilding", "semiconductor", "semiconductors", "industrial",
        "automotive", "chemical", "chemicals", "electronics", "chip", "chips", "machinery",
    ],
}
_PLURALS = {"sector": "sectors", "industry": "industries", "institution": "institutions", "institute": "institutes"}
MODIFIER_HEADS_ONLY = {
    # "industrial control systems" are the machinery of plants, not manufacturers
    "industrial": {
        "companies", "company", "firms", "firm", "sector", "manufacturers", "manufacturer", "conglomerates",
        "businesses", "organizations", "organisations", "enterprises",
    },
    "education": {
        "institutions", "institution", "institutes", "institute", "sector", "organizations", "organisations",
        "establishments",
    },
    "educational": {
        "institutions", "institution", "institutes", "institute", "organizations", "organisations", "establishments",
    },
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
        "companies", "company", "firm", "firms", "grid", "operators", "plants", "providers", "sector", "stations",
        "utilities", "utility",
    },
    "electric": {  # "electric companies", not "electric vehicles"
        "companies", "company", "firm", "firms", "grid", "operators", "plants", "providers", "sector", "stations",
        "utilities", "utility", "cooperatives",
    },
    "health": {
        "institutions", "organisations", "organizations", "providers", "sector", "services", "service",
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
        "agencies", "agency", "companies", "company", "firm", "firms", "industry", "organisations", "organizations",
        "sector",
    },
    "payment": {
        "companies", "networks", "platforms", "processors", "providers", "services", "systems",
        "company", "firm", "firms", "network", "platform", "processor", "provider", "service",
    },
    "drug": {  # "a drug company", not "drug trafficking"
        "companies", "company", "firms", "firm", "makers", "maker", "manufacturers", "manufacturer", "developers",
        "developer",
    },
}
# A head allowed in the singular is allowed in the plural too (twenty-fifth round: "media, defense, and IT
# industries", "the manufacturing, finance and education sectors" lost their last item)
for _heads in MODIFIER_HEADS_ONLY.values():
    _heads |= {_PLURALS[h] for h in _heads if h in _PLURALS}
# Whole noun phrases that name a sector's organisations on their own.
NOUNS = {
    "cryptocurrency": [
        "cryptocurrency exchange", "cryptocurrency exchanges", "crypto exchange", "crypto exchanges", "defi",
        "decentralized finance", "decentralised finance", "blockchain technology", "blockchain bridge",
        "cross-chain bridge", "bridges", "wallets", "crypto wallets", "blockchain games", "play-to-earn", "nft",
        "nfts", "crypto firms", "web3", "cryptocurrency-related firms", "virtual asset service providers", "vasps",
        "hot wallet", "hot wallets", "crypto platform", "crypto platforms", "cryptocurrencies", "digital assets",
        "virtual assets", "crypto assets", "wallet", "bridge", "cryptocurrency market", "crypto market",
        # the sector's common news nouns (fourth session), not a text's errors
        "defi protocols", "defi protocol", "defi platforms", "nft marketplace", "nft marketplaces", "crypto users",
        "crypto investors", "crypto traders", "cryptocurrency holders",
        "virtual currencies",
    ],
    "finance": [
        "bank", "banks", "banks'", "central bank", "swift", "atm", "atms", "atm machines", "financial institutions",
        "point-of-sale", "fastcash", "credit unions", "brokerages", "financial system", "financial systems",
        # the sector's common news nouns (fourth session), not a text's errors
        "insurers", "stock exchange", "stock exchanges", "lenders", "asset managers", "hedge funds",
    ],
    "defense": [
        "defense contractors", "defence contractors", "defense industry", "defence industry", "ministry of defense",
        "ministry of defence", "armed forces", "military organizations", "defense industrial base",
        "defence industrial base", "defense industrial bases", "defence industrial bases", "the military",
        "south korean military", "u.s. military", "us military", "american military", "military officials",
        "military personnel", "navy", "air force", "marine corps",
        # the sector's common news nouns (fourth session), not a text's errors
        "defense contractor", "defence contractor", "military base", "military bases",
        # fifth session: the military as an institution and its people
        "defense ministry", "defence ministry", "ministry of national defense", "ministry of national defence",
        "cyber command", "military command", "soldiers",
        "troops", "military officers", "military commanders", "army officers", "military units", "military unit",
        "the army", "army units",
    ],
    "aerospace": [
        "aerospace", "airlines", "airports",
        # the sector's common news nouns (fourth session), not a text's errors
        "airline", "airport",
    ],
    "space": [
        "satellite operators", "launch sites", "space agency",
        # the sector's common news nouns (fourth session), not a text's errors
        "satellite operator", "space agencies",
        # tenth round: generic organisations of the sector
        "space research organisation", "space research organization", "space research agency",
        "space research institute", "space research center", "satellite makers", "satellite maker",
        "satellite manufacturers", "rocket makers",
        # sixteenth round: a national agency by its generic head ("the National Aeronautics and Space Administration")
        "space administration",
    ],
    "government": [
        "governments", "ministry", "ministries", "diplomats", "embassies", "embassy", "government agency",
        "government agencies", "foreign ministry", "state agencies", "public officials", "state institutions",
        "government officials", "government official", "national security officials", "lawmakers", "legislators",
        "parliamentarians",
        "public sector", "public agencies", "public institutions", "public-sector organizations",
        # the sector's common news nouns (fourth session), not a text's errors
        "diplomat", "ambassador", "ambassadors", "consulate", "consulates", "local governments", "municipalities",
        "civil servants", "presidential office", "government departments",
        # fifth session: who governs, its aides and its intelligence services
        "presidential aides", "presidential aide", "aides to the president", "aide to the president",
        "intelligence officials",
        "policymakers", "policy makers", "diplomatic missions",
        # eighth session: the UN's staff (intergovernmental)
        "un officials", "u.n. officials", "united nations officials", "un staff", "security council staff",
        "election commission", "electoral commission", "election commissions", "electoral regulator",
        "election authorities", "election officials", "assistant to the president", "presidential assistant",
    ],
    "think-tanks-academia": [
        "think tank", "think tanks", "think-tanks", "thinktank", "thinktanks", "universities", "university",
        "academics", "academia",
        "scholars", "professors", "academe", "north korea experts", "researchers on north korea", "research institutes",
        "research centers", "policy experts", "foreign policy experts", "korea experts", "schools",
        "foreign affairs experts", "foreign affairs expert", "foreign policy expert", "policy analysts",
        "research centres",
        # the sector's common news nouns (fourth session), not a text's errors
        "research institute", "research institution", "research institutions", "colleges", "experts on north korea",
        "north korea specialists", "north korea analysts",
        # tenth round: experts named by their field
        "experts in foreign policy", "experts in national security", "experts in nuclear", "nuclear experts",
        "sanctions experts", "security experts on north korea", "national security experts",
        "nuclear scientists", "nuclear researchers",  # sixteenth round: as "nuclear experts"
        # eleventh round: experts named by the fields they work in
        "experts in the fields of", "experts in the field of", "experts in diplomacy", "diplomacy experts",
        "diplomacy and security experts", "diplomatic and security experts", "security and diplomacy experts",
    ],
    "healthcare": [
        "hospitals", "hospital", "healthcare", "pharmaceutical companies", "clinics", "university hospital",
        "university hospitals",
        # the sector's common news nouns (fourth session), not a text's errors
        "drugmakers", "drugmaker", "medical center", "medical centers", "medical centres",
        "clinic",
    ],
    "energy": [
        "power grid", "power plants", "utilities", "nuclear power plants", "energy providers", "power plant",
        "nuclear power plant", "nuclear plant", "nuclear plants", "nuclear reactors", "reactor operator",
        "nuclear reactor operator", "reactor operators",
        # the sector's common news nouns (fourth session), not a text's errors
        "power stations", "power station", "electric utilities",
        # tenth round: generic organisations of the sector
        "power utility", "power utilities", "electric utility", "power company", "power companies",
        "electric company", "energy companies", "energy firms", "nuclear operator", "grid operator",
        "grid operators",
    ],
    "technology": [
        "software supply chain", "software companies", "software developers", "it companies", "tech companies",
        "technology companies", "it firms", "software vendors",
        "developers", "software engineers", "it service providers", "software makers", "it maintenance contractors",
        "it maintenance companies", "it maintenance firms", "it contractors",
        # the sector's common news nouns (fourth session), not a text's errors
        "software supply chains",
        "software engineer",  # fourteenth round: "spear-phished a software engineer at the company"
        "open-source developers", "open source developers", "managed service providers", "msps",
        "managed service provider", "msp",
        # sixteenth round: game makers
        "game companies", "game company", "gaming companies", "gaming company", "game developers",
        "game developer", "video game companies", "video game company", "online game companies",
    ],
    "telecommunications": [
        "telecommunications", "telecom operators", "telecoms", "mobile carriers", "mobile carrier", "telecom carrier",
        "telecom carriers", "wireless carrier", "wireless carriers",
        # the sector's common news nouns (fourth session), not a text's errors
        "telcos", "telco", "internet service providers", "isps",
        "mobile operators",
        "internet service provider", "broadband providers",
        # sixteenth round: the operator by its network ("an unnamed mobile network operator")
        "mobile network operator", "mobile network operators", "telecom operator", "telecommunications operator",
        "telecommunications operators",
    ],
    "media": [
        "journalists", "journalist", "news outlets", "broadcasters", "news media", "newspapers", "reporters",
        "newspaper", "news outlet", "news site", "news sites", "news agency", "news agencies", "broadcaster",
        "television network", "television networks", "tv station", "north korea watchers",
        # the sector's common news nouns (fourth session), not a text's errors
        "tv stations", "radio station", "radio stations", "newsrooms", "newsroom", "reporter", "media outlet",
        "news website", "news websites", "news portal", "news portals", "television station", "television stations",
        "broadcasting station", "broadcasting stations", "tv networks",
    ],
    "judiciary": [
        "court", "courts", "judiciary", "supreme court", "law firms", "judges", "prosecutors",
        # the sector's common news nouns (fourth session), not a text's errors
        "law firm", "lawyers", "judge", "court systems",
    ],
    "manufacturing": [
        "shipbuilders", "shipyards", "semiconductor companies", "chipmakers", "manufacturers",
        "shipbuilder", "shipyard", "chipmaker",
        # the sector's common news nouns (fourth session), not a text's errors
        "manufacturer", "automakers", "automaker", "carmakers", "carmaker", "factories", "steelmakers",
    ],
}
# fmt: on
