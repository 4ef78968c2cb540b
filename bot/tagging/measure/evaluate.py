"""Score the tagger against a labelled corpus (the format of shared/corpus/dev.jsonl).

Rules: dprk_cyber is scored as a binary label (positive = true), actors and sectors as micro-averaged sets.
A record's `unscored` list names labels left out for it. Every miss and false alarm is reported with the
evidence the tagger gave, so a reviewer can see why. Within reach: of the dprk_cyber positives, those whose
view names the DPRK at all (dprk_related in that view: a DPRK signal, actor or family), and the recall on them;
a headline that never names the DPRK ("Orbit Bridge Suffers $81.6M Exploit") is out of any tagger's reach.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.records import Tags
from bot.tagging.measure.views import DESCRIPTIONS, PAGE, check_view, records_in_view, view_of
from bot.tagging.tagger import Tagger
from bot.tagging.undecided import page_may_decide

SCORED = ("dprk_cyber", "dprk_related", "actors", "sectors", "cves")


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    records: int = 0  # records that carried this label in this view; 0 = not scored here

    def add(self, gold: set, got: set) -> None:
        self.records += 1
        self.tp += len(gold & got)
        self.fp += len(got - gold)
        self.fn += len(gold - got)

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "scored": self.records > 0,
        }


@dataclass
class Report:
    counts: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in SCORED})
    errors: list[dict] = field(default_factory=list)
    confuser_false_alarms: int = 0
    items: int = 0
    positives: int = 0  # dprk_cyber positives scored in this view
    named: int = 0  # of them, those whose view names the DPRK at all (dprk_related in the view)
    named_found: int = 0  # of those, the ones tagged dprk_cyber
    pages_read: int | None = None  # a "+page" view: the records read whole because the short view left it undecided
    by_sector: dict[str, Count] = field(default_factory=dict)  # each sector's own tp, fp, fn (which ones to trust)

    def sector_names(self) -> list[str]:
        """The sectors met in labels or tags, most labelled first."""
        return sorted(self.by_sector, key=lambda n: (-(self.by_sector[n].tp + self.by_sector[n].fn), n))

    def within_reach(self) -> dict:
        recall = self.named_found / self.named if self.named else 1.0
        return {"positives": self.positives, "named": self.named, "recall_named": round(recall, 3)}

    def as_dict(self) -> dict:
        pages = {} if self.pages_read is None else {"pages_read": self.pages_read}
        return {
            "items": self.items,
            **pages,
            "confuser_false_alarms": self.confuser_false_alarms,
            "within_reach": self.within_reach(),
            "scores": {k: c.as_dict() for k, c in self.counts.items()},
            "sectors_by_name": {name: self.by_sector[name].as_dict() for name in self.sector_names()},
            "errors": self.errors,
        }


def pooled(reports: list[Report], names: list[str]) -> Report:
    """Several sets' reports of one view as one: their counts summed, each error marked with its set's name (ids of
    different sets may repeat)."""
    total = Report(items=0)
    for report, name in zip(reports, names, strict=True):
        for label, count in report.counts.items():
            _add_count(total.counts[label], count)
        for sector, count in report.by_sector.items():
            _add_count(total.by_sector.setdefault(sector, Count()), count)
        total.errors += [{"corpus": name, **err} for err in report.errors]
        total.confuser_false_alarms += report.confuser_false_alarms
        total.items += report.items
        total.positives += report.positives
        total.named += report.named
        total.named_found += report.named_found
        if report.pages_read is not None:
            total.pages_read = (total.pages_read or 0) + report.pages_read
    return total


def _add_count(total: Count, count: Count) -> None:
    total.tp, total.fp, total.fn = total.tp + count.tp, total.fp + count.fp, total.fn + count.fn
    total.records += count.records


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _as_set(label: str, value) -> set:
    if isinstance(value, bool):
        return {label} if value else set()
    return set(value or ())


def evaluate(records: list[dict], tagger: Tagger) -> Report:
    """Tag every record and compare with its labels."""
    tags = tagger.tag_many([(r.get("title", ""), r.get("text", ""), r.get("language")) for r in records])
    report = Report(items=len(records))
    for record, got in zip(records, tags, strict=True):
        labels, unscored = record.get("labels", {}), set(record.get("unscored", ()))
        if record.get("confuser") and (got.dprk_cyber or got.actors):
            report.confuser_false_alarms += 1
        if labels.get("dprk_cyber") is True and "dprk_cyber" not in unscored:
            report.positives += 1
            report.named += got.dprk_related
            report.named_found += got.dprk_related and got.dprk_cyber
        for label in SCORED:
            if label in unscored or label not in labels:
                continue
            gold, mine = _as_set(label, labels[label]), _as_set(label, getattr(got, label))
            report.counts[label].add(gold, mine)
            if label == "sectors":
                for name in gold | mine:
                    report.by_sector.setdefault(name, Count()).add(gold & {name}, mine & {name})
            for kind, values in (("miss", gold - mine), ("false alarm", mine - gold)):
                for value in sorted(values):
                    report.errors.append(
                        {
                            "id": record.get("id"),
                            "label": label,
                            "kind": kind,
                            "value": value,
                            "evidence": _evidence_for(got, label, value),
                        }
                    )
    return report


def evaluate_views(records: list[dict], tagger: Tagger, views: tuple[str, ...]) -> dict[str, Report]:
    """One Report per view of the same records (see bot.tagging.measure.views)."""
    return {
        view: _with_pages(records, view, tagger)
        if view.endswith(PAGE)
        else evaluate(records_in_view(records, view), tagger)
        for view in views
    }


def _with_pages(records: list[dict], view: str, tagger: Tagger) -> Report:
    """A short view where the tagger is undecided on what it carries is read whole, as `fulltext: auto` reads the
    article page; the scored labels stay the short view's."""
    check_view(view)  # an unknown view fails here, before any tagging
    pairs = [(short, record) for record in records if (short := view_of(record, view)) is not None]
    tags = tagger.tag_many([(s.get("title", ""), s.get("text", ""), s.get("language")) for s, _ in pairs])
    chosen, pages = [], 0
    for (short, record), got in zip(pairs, tags, strict=True):
        if page_may_decide(got, short.get("title", ""), short.get("text", "")):
            pages += 1
            chosen.append({**record, "unscored": short["unscored"]})
        else:
            chosen.append(short)
    report = evaluate(chosen, tagger)
    report.pages_read = pages
    return report


def format_sets(per_set: dict[str, dict[str, Report]]) -> str:
    """One line per set: its dprk_cyber F1 in each view, and its actors and sectors F1 on the whole text."""
    views = list(next(iter(per_set.values())))
    width = max(len(name) for name in per_set) + 2
    head = f"{'set':<{width}}{'items':>6}" + "".join(f"{v:>15}" for v in views)
    whole = "whole" in views
    lines = [
        "== each set: dprk_cyber F1 in each view" + (", actors and sectors F1 on the whole text ==" if whole else " ==")
    ]
    lines.append(head + (f"{'actors':>8}{'sectors':>9}" if whole else ""))
    for name, reports in per_set.items():
        row = f"{name:<{width}}{reports[views[0]].items:>6}"
        row += "".join(f"{reports[v].counts['dprk_cyber'].as_dict()['f1']:>15.3f}" for v in views)
        if whole:
            scores = reports["whole"].counts
            row += f"{scores['actors'].as_dict()['f1']:>8.3f}{scores['sectors'].as_dict()['f1']:>9.3f}"
        lines.append(row)
    return "\n".join(lines)


def format_views(reports: dict[str, Report]) -> str:
    """Each view's block under a heading naming it."""
    blocks = []
    for view, report in reports.items():
        blocks.append(f"== view: {view} ({DESCRIPTIONS[view]}) ==\n{format_report(report)}")
    return "\n\n".join(blocks)


def _evidence_for(tags: Tags, label: str, value: str) -> list[dict]:
    wanted = {"actors": "actor", "sectors": "sector", "cves": "cve"}.get(label)
    if wanted is None:  # dprk_cyber / dprk_related: what decided the verdict
        return [e.to_dict() for e in tags.evidence if e.label in ("actor", "dprk", "cyber", "malware")][:6]
    return [e.to_dict() for e in tags.evidence if e.label == wanted and e.value == value]


def format_report(report: Report) -> str:
    """The human summary block, then every error."""
    reach = report.within_reach()
    lines = [
        f"items: {report.items}   confuser false alarms: {report.confuser_false_alarms}",
        f"within reach: {reach['named']} of {reach['positives']} dprk_cyber positives name the DPRK in this view;"
        f" recall on them {reach['recall_named']:.3f}",
        f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}",
    ]
    if report.pages_read is not None:
        lines.insert(2, f"pages read: {report.pages_read} of {report.items} (the short view left the tagger undecided)")
    for label, count in report.counts.items():
        d = count.as_dict()
        if not d["scored"]:  # a partial view leaves actors, sectors and CVEs out: no score, not a perfect one
            lines.append(f"{label:<14}{'not scored in this view':>36}")
            continue
        lines.append(
            f"{label:<14}{d['precision']:>7.3f}{d['recall']:>7.3f}{d['f1']:>7.3f}{d['tp']:>5}{d['fp']:>5}{d['fn']:>5}"
        )
    if report.by_sector:
        lines.append("sectors by name (most labelled first):")
        for name in report.sector_names():
            d = report.by_sector[name].as_dict()
            scores = f"{d['precision']:>7.3f}{d['recall']:>7.3f}{d['f1']:>7.3f}"
            lines.append(f"  {name:<22}{scores}{d['tp']:>5}{d['fp']:>5}{d['fn']:>5}")
    for err in report.errors:
        where = f"{err['corpus']}:{err['id']}" if "corpus" in err else err["id"]
        lines.append(f"{where}  {err['label']}  {err['kind']}: {err['value']}")
        for e in err["evidence"]:
            lines.append(f"    {e['label']}={e['value']!r} {e['text']!r} @{e['start']}-{e['end']}")
    return "\n".join(lines)
