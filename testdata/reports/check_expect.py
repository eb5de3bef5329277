#!/usr/bin/env python3
"""Consistency check for the hand-written NAME.expect.json files in this folder.

  python3 check_expect.py [NAME.txt ...]     (default: every *.txt here)
  python3 check_expect.py --gold DIR [NAME.txt ...]
      also write DIR/NAME.txt.gold.json in the format of eval/gold (findings
      become "sentences"; not_metrics is dropped), for eval/score.py:
      score.py run --docs testdata/reports --gold DIR --bin ./findings

It does not label anything; it only checks that what was written by hand fits
the document:
  - every finding text occurs in the document, in order, after collapsing
    whitespace (form feeds and line breaks included);
  - the findings together cover the document: what is left over may only be
    whitespace and bullet glyphs;
  - every judgement anchor, metric anchor and not_metrics span occurs in the
    document, and judgement and metric anchors lie inside a finding that is
    not boilerplate;
  - labels, grades, scopes, units, directions and the inspection type use the
    values of ANNOTATION.md.
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"strength", "weakness", "mixed", "neutral", "boilerplate"}
GRADES = {"outstanding", "good", "requires_improvement", "adequate", "inadequate", "not_graded"}
SCOPES = {"overall", "help_and_protection", "children_in_care", "care_leavers", "adoption",
          "leadership", "lscb", "other", "visit"}
UNITS = {"percent", "count", "money", "factor", "rate", "duration"}
TYPES = {"full_inspection", "focused_visit", "monitoring_visit", "joint_targeted_area_inspection", None}
BULLETS = "•◼\uf0b7\uf0a7\uf06e\uf02d-–"


TRANS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2022": " ", "\u00a0": " ",
})


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def norm(s):
    """The scorer's normalisation (eval/score.py): NFKC, plain quotes, lower case."""
    s = unicodedata.normalize("NFKC", s).translate(TRANS).lower()
    return re.sub(r"\s+", " ", s).strip()


def check(path):
    errs = []
    name = os.path.basename(path)
    text = collapse(open(path, encoding="utf-8").read())
    exp_path = path[:-4] + ".expect.json"
    if not os.path.exists(exp_path):
        return [f"{name}: no expectations file"]
    exp = json.load(open(exp_path, encoding="utf-8"))
    for k in ("report", "judgements", "metrics", "not_metrics", "findings"):
        if k not in exp:
            errs.append(f"{name}: missing key {k}")
    if exp["report"].get("inspection_type") not in TYPES:
        errs.append(f"{name}: bad inspection_type")
    spans = []
    pos = 0
    for i, f in enumerate(exp["findings"]):
        if f["label"] not in LABELS:
            errs.append(f"{name}: bad label {f['label']!r} at finding {i}")
        t = collapse(f["text"])
        at = text.find(t, pos)
        if at < 0:
            errs.append(f"{name}: finding {i} not found in order: {t[:70]!r}")
            continue
        spans.append((at, at + len(t), f["label"]))
        pos = at + len(t)
    # coverage: what no finding covers
    covered = [False] * len(text)
    for a, b, _ in spans:
        for j in range(a, b):
            covered[j] = True
    left = "".join(c if not covered[j] else "\0" for j, c in enumerate(text))
    for piece in left.split("\0"):
        rest = piece.strip().strip(BULLETS).strip()
        if rest:
            errs.append(f"{name}: text not covered by any finding: {rest[:70]!r}")

    ntext = norm(open(path, encoding="utf-8").read())

    def inside(anchor, what):
        t = collapse(anchor)
        at = text.find(t)
        n = ntext.count(norm(anchor))
        if n > 1:
            # a scorer places an anchor at its first case-insensitive occurrence:
            # make sure that one is meant (listed as a note, not an error)
            print(f"note: {name}: {what} anchor occurs {n} times: {anchor!r}")
        if at < 0:
            errs.append(f"{name}: {what} anchor not found: {anchor!r}")
            return
        for a, b, lab in spans:
            if a <= at < b:
                if lab == "boilerplate":
                    errs.append(f"{name}: {what} anchor in boilerplate: {anchor!r}")
                return
        errs.append(f"{name}: {what} anchor outside every finding: {anchor!r}")

    for j in exp["judgements"]:
        inside(j["anchor"], "judgement")
        if j["grade"] not in GRADES or j["scope"] not in SCOPES:
            errs.append(f"{name}: bad grade/scope {j}")
        if not isinstance(j.get("previous"), bool):
            errs.append(f"{name}: previous must be true/false: {j}")
    for m in exp["metrics"]:
        inside(m["anchor"], "metric")
        if m["unit"] not in UNITS:
            errs.append(f"{name}: bad unit {m}")
        if m.get("direction") not in ("increase", "decrease", None):
            errs.append(f"{name}: bad direction {m}")
        if m["unit"] == "money" and "currency" not in m:
            errs.append(f"{name}: money without currency {m}")
        if m["unit"] == "rate" and "per" not in m:
            errs.append(f"{name}: rate without per {m}")
        if m["unit"] == "duration" and "time_unit" not in m:
            errs.append(f"{name}: duration without time_unit {m}")
        if not m.get("subject") or any(s != s.lower() for s in m["subject"]):
            errs.append(f"{name}: subject must be lowercase key words {m}")
    for s in exp["not_metrics"]:
        if collapse(s) not in text:
            errs.append(f"{name}: not_metrics span not found: {s!r}")
    return errs


def write_gold(path, gold_dir):
    exp = json.load(open(path[:-4] + ".expect.json", encoding="utf-8"))
    gold = {"doc": os.path.basename(path), "report": exp["report"],
            "sentences": exp["findings"], "metrics": exp["metrics"],
            "judgements": exp["judgements"]}
    os.makedirs(gold_dir, exist_ok=True)
    out = os.path.join(gold_dir, os.path.basename(path) + ".gold.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    args = sys.argv[1:]
    gold_dir = None
    if args[:1] == ["--gold"]:
        gold_dir, args = args[1], args[2:]
    paths = args or sorted(glob.glob(os.path.join(HERE, "*.txt")))
    bad = 0
    for p in paths:
        errs = check(p)
        for e in errs:
            print(e)
        bad += len(errs)
        if not errs and gold_dir:
            write_gold(p, gold_dir)
        if not errs:
            exp = json.load(open(p[:-4] + ".expect.json", encoding="utf-8"))
            print(f"{os.path.basename(p)}: ok ({len(exp['findings'])} findings, "
                  f"{len(exp['metrics'])} metrics, {len(exp['judgements'])} judgements)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
