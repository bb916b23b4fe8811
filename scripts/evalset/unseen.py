#!/usr/bin/env python3
"""Writes Tests/LingkarRankTests/Fixtures/unseen-set.jsonl from the hand-written items in
unseen_items_{a,b,c}.py.

The unseen set is kept apart: it is never used to tune the ranker (its examples, stems, related
terms or thresholds). It measures how the ranker does on writing it was not built for.

Each item gets an id (u<number>), a link built from its source, and the fields of the other sets
(id, lang, kind, title, text, source, link, labels, dup_group). `labels` is a topic id or "none",
or a JSON list when an item truly has a second subject (the first is primary), as
EvaluationItem.parseLines reads it. "{L:udNN}" in a text becomes the link of the first item of
group udNN (a post that shares the article it retells).
Run from the repository top: python3 scripts/evalset/unseen.py
"""
import collections, json, os, re, sys

sys.path.insert(0, os.path.dirname(__file__))
from unseen_items_a import ITEMS as A
from unseen_items_b import ITEMS as B
from unseen_items_c import ITEMS as C

OUT = "Tests/LingkarRankTests/Fixtures/unseen-set.jsonl"


def link_for(number, kind, source, title, text):
    slug = re.sub(r"[^a-z0-9]+", "-", (title or text[:40]).lower()).strip("-")[:60]
    if source.startswith("@"):
        user, host = source[1:].split("@", 1)
        return f"https://{host}/@{user}/{115600000000000000 + number * 7919}"
    if source.endswith(".bsky.social"):
        return f"https://bsky.app/profile/{source}/post/3lu{number:04d}k2ab7x"
    if source.startswith("youtube.com/"):
        return f"https://www.youtube.com/watch?v=uNs{number:04d}Qw"
    return f"https://{source}/2026/12/{slug}/"


def main():
    items = A + B + C
    rows, first_link = [], {}
    for number, (lang, kind, source, title, text, labels, dup) in enumerate(items, 1):
        link = link_for(number, kind, source, title, text)
        if dup and dup not in first_link:
            first_link[dup] = link
        rows.append(
            {"id": f"u{number:03d}", "lang": lang, "kind": kind, "title": title, "text": text,
             "source": source, "link": link, "labels": labels, "dup_group": dup})
    for row in rows:
        row["text"] = re.sub(r"\{L:(ud\d+)\}", lambda m: first_link[m.group(1)], row["text"])
        if kind_is_post(row) and not row["text"].startswith(" "):
            row["text"] = " " + row["text"]  # the other sets' social texts start with a space
    check(rows)
    with open(OUT, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} items to {OUT}")


def kind_is_post(row):
    return row["kind"] == "social"


def primary(row):
    return row["labels"][0] if isinstance(row["labels"], list) else row["labels"]


def check(rows):
    topics = [line.strip()[1:-1] for line in open("topics.txt", encoding="utf-8") if re.match(r"^\[[a-z0-9-]+\]\s*$", line)]
    links = collections.Counter(r["link"] for r in rows)
    assert all(n == 1 for n in links.values()), [l for l, n in links.items() if n > 1]
    per_topic = collections.Counter()
    for r in rows:
        labels = r["labels"] if isinstance(r["labels"], list) else [r["labels"]]
        for label in labels:
            assert label == "none" or label in topics, (r["id"], label)
        per_topic[labels[0]] += 1
    groups = collections.Counter(r["dup_group"] for r in rows if r["dup_group"])
    assert all(n >= 2 for n in groups.values()), groups
    langs = collections.Counter(r["lang"] for r in rows)
    cross = sum(1 for g in groups if len({("id" if rows_lang == "mixed" else rows_lang) for rows_lang in
                                          (r["lang"] for r in rows if r["dup_group"] == g)}) > 1)
    print("items", len(rows), "langs", dict(langs), "kinds", dict(collections.Counter(r["kind"] for r in rows)))
    print("primary per topic", dict(per_topic))
    print("pairs", len(groups), "cross-language", cross,
          "second topics", sum(1 for r in rows if isinstance(r["labels"], list)))
    short = [t for t in topics if per_topic[t] < 8]
    assert not short, short
    assert per_topic["none"] >= 45 and len(rows) >= 210 and len(groups) >= 16 and cross >= 4


if __name__ == "__main__":
    main()
