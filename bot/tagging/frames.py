"""Cyber context that no single word carries: a theft of cryptocurrency ("North Korea stole $700 million in
crypto", "Lazarus behind $40 million wallet theft", "北, 업비트서 이더리움 580억 털었다"), and the DPRK targeting
or stealing from a sector's organisations ("North Korea targeting South Korean think tanks", "Defense and aerospace
sectors targeted in new wave of North Korean attacks", "北, 국내 싱크탱크 겨냥").

Rules:
- A sentence with a theft word (lexicon.CRYPTO_THEFT, lexicon_cjk.CRYPTO_THEFT) among its target words and a
  cryptocurrency word (sector noun or modifier) is cyber context: the theft word is added to the Context as a
  "cyber" Hit, so signals.py pairs it with a DPRK signal and actors.py with an ambiguous actor name in that
  sentence. Theft of anything else (oil, secrets, identities) adds nothing.
- A sentence with a DPRK signal, a targeting or theft word (lexicon.AIMED, lexicon_cjk.AIMED) and a sector's
  organisations not owned by the DPRK is cyber context too: the DPRK aims at think tanks, banks, hospitals or
  companies with its hackers. Not for what missiles, troops or balloons aim at (military bases, ministries, power
  plants, airports: only their companies and industries count), nor in a sentence about sanctions or weapons
  ("US targets banks that helped North Korea evade sanctions").
- A sentence where the DPRK steals a sum of money ("North Korea stole $81 million", "15億ドル相当窃盗"), or takes
  one from a crypto firm or a bank ("北朝鮮、日本の暗号資産業者から482億円"), is cyber context: what the DPRK steals
  by the million it steals online (not beside missiles, troops or sanctions).
- Mail sent under a false name (사칭 메일, なりすましメール, "기자 사칭해 ... 메일") in a sentence that names the
  DPRK is phishing; accounts taken over ("hijacked the social media accounts of") and deepfakes in job interviews
  (the IT-worker scheme) are cyber context too.
"""

from __future__ import annotations

import re

from bot.tagging import lexicon, lexicon_cjk
from bot.tagging.context import Context
from bot.tagging.nlp import Hit


def _is_theft(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.CRYPTO_THEFT or (hit.tok_start < 0 and text.startswith(lexicon_cjk.CRYPTO_THEFT))


def _add_cyber(ctx: Context, added: list[Hit]) -> None:
    """Merge frame hits into the Context's cyber hits, in text order."""
    if added:
        ctx.by_kind["cyber"] = sorted([*ctx.hits("cyber"), *added], key=lambda h: (h.start, -h.end))


def add_money_theft(ctx: Context) -> None:
    """Add a cyber Hit for each sentence where the DPRK steals a sum of money ("North Korea stole $81 million",
    "北朝鮮関与の15億ドル相当窃盗", "북한, 1조원 탈취"): what the DPRK steals by the million is stolen online."""
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    seen: set[int] = set()
    added = []
    for hit in ctx.hits("target"):
        s = ctx.sent(hit.start)
        if s not in dprk_sents or s in seen or not _is_money_theft(hit):
            continue
        text = ctx.sent_text(s)
        if _SUM.search(text) and not _ARMS.search(text) and not _DEFECTOR.search(text):
            seen.add(s)
            added.append(Hit("cyber", "money theft", hit.start, hit.end, hit.text, hit.tok_start, hit.tok_end))
    for hit in ctx.hits("noun"):  # 北朝鮮、日本の暗号資産業者から482億円: a sum taken from a crypto firm or a bank
        s = ctx.sent(hit.start)
        if hit.value not in ("cryptocurrency", "finance") or s not in dprk_sents or s in seen:
            continue
        if ctx.text[max(0, hit.start - 8) : hit.start].rstrip().endswith(lexicon_cjk.OWN_BEFORE):
            continue  # 北朝鮮の銀行から: the DPRK's own bank
        taken = _TAKEN_FROM.match(ctx.text, hit.end, hit.end + 40)
        if taken and not _ARMS.search(ctx.sent_text(s)):
            seen.add(s)
            added.append(Hit("cyber", "money theft", hit.start, taken.end(), ctx.text[hit.start : taken.end()]))
    _add_cyber(ctx, added)


# A sum right after "from" the organisation: "業者から482億円", "거래소에서 580억", "銀行から13億ドル".
_TAKEN_FROM = re.compile(
    r"[^\s。、.,]{0,6}?(?:から|에서|서)\s?(?:約|計|약|총)?\s?\d[\d,.]*\s?"
    r"(?:(?:억|조|億|万)\s?(?:원|달러|円|ドル)?|ドル|달러|円|원)"
)


def _is_money_theft(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.THEFT or text in _ROBBERY or (hit.tok_start < 0 and text.startswith(_CJK_THEFT))


# "North Korea behind $534 million heist": robberies and thefts by the million, as well as THEFT's verbs
_ROBBERY = {"heist", "heists", "robbery", "robberies", "looted", "theft", "thefts"}
# 털었다, 強奪 too; not 流出 (資金流出 is money flowing out, sanctions news)
_CJK_THEFT = tuple(w for w in lexicon_cjk.CRYPTO_THEFT if w != "流出")


# A sum of money by the million: "$81 million", "$30m", "15億ドル", "1조원", "580억 원" (not "$5,000").
_SUM = re.compile(
    r"\$\s?\d[\d,.]*\s?(?:million|billion|mn|m|bn)\b|\d[\d,.]*\s?(?:million|billion)\b|"
    r"\d[\d,.]*\s?(?:억|조)\s?(?:원|달러)?|\d[\d,.]*\s?(?:億|万)\s?(?:円|ドル)?",
    re.IGNORECASE,
)
# Defectors are North Koreans, not the state: what one steals is no DPRK operation.
_DEFECTOR = re.compile(r"defector|탈북|脱北", re.IGNORECASE)


def add_crypto_theft(ctx: Context) -> None:
    """Add a cyber Hit for each sentence where cryptocurrency is stolen (once per sentence)."""
    crypto = [h for h in ctx.hits("noun") + ctx.hits("mod") if h.value == "cryptocurrency"]
    if not crypto:
        return
    crypto_sents = ctx.sents_of(crypto)
    seen: set[int] = set()
    added = []
    for hit in ctx.hits("target"):
        s = ctx.sent(hit.start)
        if s in crypto_sents and s not in seen and _is_theft(hit):
            seen.add(s)
            added.append(Hit("cyber", "crypto theft", hit.start, hit.end, hit.text, hit.tok_start, hit.tok_end))
    _add_cyber(ctx, added)


def add_organisations_aimed_at(ctx: Context) -> None:
    """Add a cyber Hit for each sentence where the DPRK targets or steals from a sector's organisations."""
    nouns = ctx.hits("noun") + ctx.hits("mod")
    # the DPRK as an actor, not inside a noun ("North Korea experts", 北朝鮮専門家: the topic of their work)
    dprk = [d for d in ctx.hits("dprk") if not any(n.start <= d.start < n.end for n in nouns)]
    dprk_sents = ctx.sents_of(dprk) - ctx.sents_of(ctx.hits("other"))  # not beside another state's hackers
    if not dprk_sents:
        return
    orgs = ctx.sents_of([h for h in nouns if _organisations(ctx, h)])
    seen: set[int] = set()
    added = []
    for hit in ctx.hits("target"):
        s = ctx.sent(hit.start)
        if s in dprk_sents and s in orgs and s not in seen and _aimed(hit) and not _ARMS.search(ctx.sent_text(s)):
            seen.add(s)
            added.append(
                Hit("cyber", "organisations aimed at", hit.start, hit.end, hit.text, hit.tok_start, hit.tok_end)
            )
    _add_cyber(ctx, added)


def _aimed(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.AIMED or (hit.tok_start < 0 and text.startswith(lexicon_cjk.AIMED))


def _organisations(ctx: Context, hit: Hit) -> bool:
    """A sector's organisations, not the DPRK's own: any civilian sector's nouns; for the military, the government,
    energy, space and aviation only their companies and industries ("defense contractors", "방산업체")."""
    before = ctx.text[max(0, hit.start - 24) : hit.start].lower().rstrip()
    if before.endswith(OWNERS) or before.endswith(lexicon_cjk.OWN_BEFORE):
        return False
    if hit.kind == "mod":  # "defense and aerospace sectors": a modifier counts with its head right after
        nxt = ctx.text[hit.end : hit.end + 40].lower()
        return bool(_MOD_THEN_HEAD.match(nxt))
    if hit.value not in STATE_SECTORS:
        return True
    text = hit.text.lower()
    return text.endswith(lexicon.COMPANY_HEADS) or text.endswith(lexicon_cjk.COMPANY_HEADS)


STATE_SECTORS = {"defense", "government", "energy", "space", "aerospace"}
OWNERS = (*lexicon.DPRK_OWN, "its", "북한")  # and lexicon_cjk.OWN_BEFORE
_MOD_THEN_HEAD = re.compile(
    r"^(?:\s*(?:,|and|or|&)\s*[a-z-]+)*\s+(?:sectors?|industry|industries|compan(?:y|ies)|firms?|contractors?|"
    r"manufacturers?|makers?|organi[sz]ations?|institutions?|institutes?|business(?:es)?|exchanges?|platforms?|"
    r"providers?|developers?)\b"
)
# Weapons, troops, sanctions, threats: what the DPRK aims at with these is no cyber matter ("North Korea threatens
# to attack South Korean media outlets").
_ARMS = re.compile(
    r"missile|rocket|artillery|balloon|nuclear test|troops|sanction|threat|strike|\bvow|\bwarn|pledge|retaliat|"
    r"\bwill\b|\bwould\b|미사일|포격|풍선|병력|제재|위협|경고|보복|ミサイル|風船|砲撃|制裁|威嚇|脅|警告|報復",
    re.IGNORECASE,
)


def add_gapped_phrases(ctx: Context) -> None:
    """Add a cyber Hit for each sentence naming the DPRK with a phrase whose words may stand apart: mail sent under
    a false name, accounts taken over, deepfakes in job interviews."""
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    if not dprk_sents:
        return
    lower = ctx.text.lower()
    gapped = [(value, pattern) for value, words, pattern in _GAPPED if any(w in lower for w in words)]
    added = []
    for s in sorted(dprk_sents):
        for value, pattern in gapped:
            m = pattern.search(ctx.sent_text(s))
            if m and value == "network breach" and _ARMS.search(ctx.sent_text(s)):
                continue  # "missiles that could penetrate defense systems"
            if m and value == "communications stolen" and _HUMAN_SPY.search(ctx.sent_text(s)):
                continue  # "a North Korean spy stole data on troop movements": a human agent's theft
            if m:
                start = ctx.starts[s] + m.start()
                added.append(Hit("cyber", value, start, start + len(m.group()), m.group(), -1, -1))
                break
    _add_cyber(ctx, added)


_HUMAN_SPY = re.compile(r"\b(?:spy|spies|agent|agents)\b|간첩|공작원|スパイ|工作員", re.IGNORECASE)
# (value, words one of which the text holds when the pattern can match (lower case), pattern)
_GAPPED = (
    # 사칭 메일, なりすましメール, "기자 사칭해 ... 메일"
    (
        "impersonation mail",
        ("사칭", "위장", "なりすま", "成り済ま", "を装", "名乗"),
        re.compile(
            r"(?:사칭|위장|なりすま|成り済ま|を装|名乗)[^.!?。\n]{0,30}?(?:메일|이메일|전자우편|문자|メール)"
            r"|(?:메일|이메일|メール)[^.!?。\n]{0,6}?(?:사칭|なりすま)"
        ),
    ),
    # "hijacked the social media accounts of", "took over email accounts", "hijacked South Korean PCs"
    (
        "account takeover",
        ("hijack", "took over", "take over", "takes over", "taking over"),
        re.compile(
            r"\b(?:hijack\w*|took over|take over|takes over|taking over)\b[^.!?\n]{0,40}?"
            r"\b(?:accounts?|PCs|computers|servers)\b",
            re.I,
        ),
    ),
    # PC 100여대 장악, PCを遠隔操作, 서버 경유, "used South Korean servers as relays": machines taken over or used
    (
        "machines taken over",
        ("pc", "컴퓨터", "서버", "サーバ", "パソコン", "端末", "server"),
        re.compile(
            r"(?:PC|컴퓨터|서버|サーバー|サーバ|パソコン|端末)[^.!?。\n]{0,10}?(?:장악|원격\s?조종|경유|乗っ取|遠隔操作|踏み台)"
            r"|\bservers?\b[^.!?\n]{0,10}?\bas\s+(?:relays?|proxies|proxy|launch\s?pads?|stepping stones?)\b",
            re.I,
        ),
    ),
    # "breached the networks of defense firms" (not "a network of defectors")
    (
        "network breach",
        ("breach", "infiltrat", "penetrat", "broke into", "break into", "breaks into", "compromis"),
        re.compile(
            r"\b(?:breach\w*|infiltrat\w*|penetrat\w*|broke into|break into|breaks into|compromis\w*)\b"
            r"[^.!?\n]{0,40}?\b(?:networks?|systems|servers?|computers)\b(?!\s+of\s+(?:defectors|spies|agents))",
            re.I,
        ),
    ),
    # "stole the messages of diplomats", 통화내역·문자메시지 빼내, 高官のメール盗み出す: communications stolen
    (
        "communications stolen",
        ("stole", "steal", "theft of", "intercept", "빼내", "빼돌", "탈취", "훔", "盗", "窃取", "抜き取"),
        re.compile(
            r"\b(?:stole|steal\w*|theft of|intercept\w*)\b[^.!?\n]{0,20}?\b(?:messages|e-?mails|communications|"
            r"call records|text messages|data)\b"
            r"|(?:통화\s?(?:내역|내용)|문자\s?메시지|메시지|이메일|메일|通話内訳|通話記録|メッセージ|メール|データ|ファイル)"
            r"[^.!?。\n]{0,12}?(?:빼내|빼돌|탈취|훔|盗み出|盗ん|盗ま|窃取|抜き取)",
            re.I,
        ),
    ),
    # "operatives infiltrate Western companies", 日本企業に潜り込む北朝鮮工作員: the IT-worker scheme
    (
        "operatives in companies",
        ("operatives", "工作員"),
        re.compile(
            r"\boperatives\b[^.!?\n]{0,30}?\binfiltrat\w*[^.!?\n]{0,30}?\b(?:compan\w+|firms|businesses|employers)\b"
            r"|(?:企業|会社|外注)[^。\n]{0,8}?(?:潜り込|入り込|潜む|潜入|送りこ|送り込)[^。\n]{0,8}?工作員"
            r"|工作員[^。\n]{0,12}?(?:企業|会社|外注)[^。\n]{0,6}?(?:潜り込|潜む|潜入|に送)"
            r"|(?:開発者|エンジニア|プログラマー)[^。\n]{0,20}?工作員|工作員[^。\n]{0,12}?(?:開発者|エンジニア|プログラマー)",
            re.I,
        ),
    ),
    # 個人情報流出、背後に北朝鮮か; 고객정보 유출 배후는 북한: a breach of personal or a company's data blamed on the
    # DPRK (not secrets leaked by spies: 機密, 군사기밀 are no such data)
    (
        "data breach blamed",
        ("背後", "배후", "関与", "소행", "犯行", "仕業", "blamed", "behind"),
        re.compile(
            r"(?:(?:個人|顧客|会員|グループ|企業|会社|社)情報(?:が|の)?流出|(?:개인|고객|회원)\s?정보\s?유출|"
            r"data (?:breach|leak))[^.!?。\n]{0,30}?(?:背後|배후|関与|소행|犯行|仕業|blamed|behind)"
            r"|(?:背後|배후|関与|소행|犯行|仕業)[^.!?。\n]{0,30}?(?:(?:個人|顧客|会員)情報(?:が|の)?流出|"
            r"(?:개인|고객|회원)\s?정보\s?유출)",
            re.I,
        ),
    ),
    # "uses generative AI in scams" (not AI in weapons: a scam, a job or a hack must follow)
    (
        "ai misuse",
        (" ai", "artificial intelligence", "llm"),
        re.compile(
            r"\b(?:us(?:e|es|ed|ing)|leverag\w*|exploit\w*|abus\w*|misus\w*|weaponi\w*)\s+(?:generative\s+)?"
            r"(?:AI|artificial intelligence|LLMs?)\b[^.!?\n]{0,40}?\b(?:scams?|fraud\w*|phishing|jobs?|hack\w*|"
            r"interviews?|résumés?|resumes?|malware|crypto\w*)\b",
            re.I,
        ),
    ),
    # "U.S. seizes crypto tied to North Korea": the proceeds of the DPRK's thefts, forfeited
    (
        "crypto seized",
        ("seiz", "forfeit"),
        re.compile(
            r"\b(?:seiz\w*|forfeit\w*)\b[^.!?\n]{0,30}?\b(?:crypto\w*|bitcoin|ether|tether|usdt|stablecoins?|tokens)\b",
            re.I,
        ),
    ),
    # "deepfakes in job interviews", 딥페이크로 화상 면접, ディープフェイクで採用面接 (the IT-worker scheme)
    (
        "deepfake applicant",
        ("deepfake", "deep-fake", "딥페이크", "ディープフェイク"),
        re.compile(
            r"(?:deep-?fakes?|딥페이크|ディープフェイク)[^.!?。\n]{0,30}?(?:interview|job|hiring|recruit|applicant|"
            r"면접|채용|취업|구직|面接|採用|就職|求人|応募)"
            r"|(?:interview|job|hiring|applicant|면접|채용|취업|面接|採用|就職|応募)[^.!?。\n]{0,30}?"
            r"(?:deep-?fakes?|딥페이크|ディープフェイク)",
            re.I,
        ),
    ),
)
