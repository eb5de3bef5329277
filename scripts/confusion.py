#!/usr/bin/env python3
"""Confusion matrix of the sentence labels: gold rows, predicted columns.

  scripts/confusion.py SCORE.py --docs DIR --gold DIR PRED.json ...

It scores with the shared scorer's own matching (score.py's score_findings),
so that its counts add up to the per-class figures score.py prints.
Plain Python 3.
"""
import argparse
import importlib.util
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scorer")
    ap.add_argument("--docs", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("pred", nargs="+")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", a.scorer)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    golds = sc.load_gold(a.gold, a.docs)
    preds = {}
    for p in a.pred:
        with open(p, encoding="utf-8") as f:
            for r in sc.parse_reports(f.read()):
                preds[r["source"].rsplit("/", 1)[-1]] = r
    t = sc.Tally()
    for name, doc in golds.items():
        if not doc.partial:
            sc.score_findings(doc, preds.get(name) or {}, t)
    labels = sc.LABELS
    print("confusion (rows gold, columns predicted):")
    print("  " + " " * 9 + "".join(f"{p:>10s}" for p in labels))
    for g in labels:
        print(f"  {g:9s}" + "".join(f"{t.conf[g][p]:10d}" for p in labels))


if __name__ == "__main__":
    sys.exit(main())
