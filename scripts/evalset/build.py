#!/usr/bin/env python3
"""Writes Tests/LingkarRankTests/Fixtures/eval-set.jsonl from the hand-written items in items_*.py.

Each item gets a stable id (e<number>), a link (shared within a duplicate group when the text says
it is the same link), and a `split` (tune/test, alternating within each topic so both halves cover
every topic). Run from the repository top: python3 scripts/evalset/build.py
"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from items_a import ITEMS as A
from items_b import ITEMS as B
from items_c import ITEMS as C

items = A + B + C
out = []
seen_per_label = {}
group_links = {}
group_split = {}
for number, (lang, kind, source, title, text, label, dup) in enumerate(items, 1):
    slug = re.sub(r"[^a-z0-9]+", "-", (title or text[:40]).lower()).strip("-")[:50]
    if source.startswith("@"):
        user, host = source[1:].split("@", 1)
        link = f"https://{host}/@{user}/{110000000 + number}"
    elif source.endswith(".bsky.social"):
        link = f"https://bsky.app/profile/{source}/post/3l{number:05d}"
    else:
        link = f"https://{source}/2025/11/{slug}/"
    if dup == "d07":  # the same article in two feeds: one canonical link
        link = group_links.setdefault(dup, link)
    count = seen_per_label.get(label, 0)
    if dup and dup in group_split:
        split = group_split[dup]
    else:
        split = "tune" if count % 2 == 0 else "test"
        seen_per_label[label] = count + 1
        if dup:
            group_split[dup] = split
    out.append({
        "id": f"e{number:03d}", "lang": lang, "kind": kind, "title": title, "text": text,
        "source": source, "link": link, "labels": label, "dup_group": dup,
        "split": split,
    })
path = os.path.join("Tests", "LingkarRankTests", "Fixtures", "eval-set.jsonl")
with open(path, "w", encoding="utf-8") as f:
    for item in out:
        f.write(json.dumps(item, ensure_ascii=False) + "\n")
print(f"{len(out)} items -> {path}")
from collections import Counter
print(Counter(i["labels"] for i in out))
print(Counter(i["lang"] for i in out), Counter(i["kind"] for i in out))
print("dup groups:", len({i['dup_group'] for i in out if i['dup_group']}))
