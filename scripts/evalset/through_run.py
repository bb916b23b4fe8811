#!/usr/bin/env python3
"""Scores a labelled set through the command line's real path and beside `lingkar topics eval`.

    python3 scripts/evalset/through_run.py SET.jsonl [--lingkar BIN] [--date YYYY-MM-DD]
                                                     [--topics PATH] [--keep DIR] [--http] [--verbose]

What it does, in a fresh folder (a temporary one unless --keep):
  1. writes one feed file per `source` of the set: Atom for `youtube.com/...` sources (as YouTube
     publishes), RSS 2.0 for the rest, each at the path of the source's real feed under a host folder
     (feeds/guru.social/@bu_ani.rss, feeds/bsky.app/profile/HANDLE/rss, feeds/SITE/feed.xml): the
     ranker reads a person from the feed's address (cross-posts of one teacher), and a bare
     feed001.xml hides it; each entry carries the item's link, its title (left out when empty, as
     Mastodon and Bluesky feeds do), its text (a <p> of HTML for posts, plain text for articles), an
     entry id `lingkar-eval:<item id>` and a published date spread over the five days before the
     fixed date (07:00 UTC of --date, default 2026-12-07); the later items of a duplicate group come
     3 hours apart after its first (--same-story-hours; the run joins rephrasings only within 4 days,
     `topics eval` has no dates);
  2. writes feeds.txt listing those files (absolute local paths, read as file:// by libcurl; with
     --http the same files served by a 127.0.0.1 http.server instead) and a small lingkar.yaml
     (language en, utc_offset +00:00, lookback_days 30);
  3. runs `lingkar run --since <date - 10 days>` under faketime at the fixed date, with its own
     --feeds, --db and --output;
  4. reads output/<date>/digest.json: an item's topics (first = predicted primary topic, empty =
     none) and its `duplicates` (joined into groups);
  5. computes top-1, macro-F1 of the first topic, macro-F1 over every listed topic and duplicate-pair
     recall and precision the way Sources/LingkarRank/Evaluator.swift does, and prints them beside
     the key=value figures of `lingkar topics eval SET.jsonl` run in the same folder.

An item of the set that digest.json does not list is counted as predicted "none" and as a story of
its own, and is named under "missing from digest.json".
"""
import argparse, collections, datetime as dt, email.utils, glob, json, os, re, shutil, socket, subprocess
import sys, tempfile, threading, http.server, functools
from xml.sax.saxutils import escape

# ---------------------------------------------------------------- the set


def load_set(path):
    items = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        raw = obj.get("labels", obj.get("label", "none"))
        if isinstance(raw, list):
            label, labels = (raw[0] if raw else "none"), [x for x in raw if x and x != "none"]
        else:
            label = raw or "none"
            labels = [label] if label != "none" else []
        items.append({
            "id": obj["id"], "title": obj.get("title", ""), "text": obj.get("text", ""),
            "source": obj.get("source", ""), "link": obj.get("link") or "", "kind": obj.get("kind", ""),
            "label": label, "labels": labels, "group": obj.get("dup_group") or None,
        })
    return items


# ---------------------------------------------------------------- feeds


SPREAD_HOURS = 120
SAME_STORY_HOURS = 3
PLAIN_POSTS = False


def published_dates(items, fixed):
    """A deterministic spread over the SPREAD_HOURS (five days) before `fixed` (never after it)."""
    dates = {}
    for index, item in enumerate(items):
        minutes = 60 + (index * 677) % max(1, SPREAD_HOURS * 60 - 120)
        dates[item["id"]] = fixed - dt.timedelta(minutes=minutes)
    # The same story told twice comes out close together: each later member of a duplicate group a
    # few hours after the group's first (the run path joins rephrasings only within 4 days, README).
    first = {}
    for item in items:
        group = item["group"]
        if not group or SAME_STORY_HOURS is None:
            continue
        if group not in first:
            first[group] = [dates[item["id"]], 0]
            continue
        first[group][1] += 1
        later = first[group][0] + dt.timedelta(hours=SAME_STORY_HOURS * first[group][1])
        dates[item["id"]] = min(later, fixed - dt.timedelta(minutes=30))
    return dates


def home_of(source):
    if source.startswith("@") and source.count("@") == 2:
        user, host = source[1:].split("@", 1)
        return f"https://{host}/@{user}"
    if source.endswith(".bsky.social"):
        return f"https://bsky.app/profile/{source}"
    if source.startswith("youtube.com/"):
        return f"https://www.{source}"
    return f"https://{source}/"


def rss(source, entries, dates):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0">', "<channel>",
           f"<title>{escape(source)}</title>", f"<link>{escape(home_of(source))}</link>",
           f"<description>{escape(source)}</description>"]
    for item in entries:
        out.append("<item>")
        if item["title"]:
            out.append(f"<title>{escape(item['title'])}</title>")
        if item["link"]:
            out.append(f"<link>{escape(item['link'])}</link>")
        out.append(f'<guid isPermaLink="false">lingkar-eval:{escape(item["id"])}</guid>')
        out.append(f"<pubDate>{email.utils.format_datetime(dates[item['id']], usegmt=True)}</pubDate>")
        text = item["text"].strip()
        body = "<p>" + escape(text) + "</p>" if item["kind"] == "social" and not PLAIN_POSTS else text
        out.append(f"<description>{escape(body)}</description>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def atom(source, entries, dates, fixed):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<id>lingkar-eval-feed:{escape(source)}</id>", f"<title>{escape(source)}</title>",
           f'<link rel="alternate" href="{escape(home_of(source))}"/>',
           f"<updated>{fixed.strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"]
    for item in entries:
        stamp = dates[item["id"]].strftime("%Y-%m-%dT%H:%M:%SZ")
        out += ["<entry>", f"<id>lingkar-eval:{escape(item['id'])}</id>",
                f"<title>{escape(item['title'])}</title>"]
        if item["link"]:
            out.append(f'<link rel="alternate" href="{escape(item["link"])}"/>')
        out += [f"<published>{stamp}</published>", f"<updated>{stamp}</updated>",
                f"<author><name>{escape(source)}</name></author>",
                f'<summary type="text">{escape(item["text"].strip())}</summary>', "</entry>"]
    out += ["</feed>", ""]
    return "\n".join(out)


def feed_path(source, number):
    """Where a real feed of `source` would be, as host/path (e.g. guru.social/@bu_ani.rss)."""
    safe = lambda text: re.sub(r"[^A-Za-z0-9@._-]+", "_", text)
    if source.startswith("@") and source.count("@") == 2:
        user, host = source[1:].split("@", 1)
        return f"{safe(host)}/@{safe(user)}.rss"
    if source.endswith(".bsky.social"):
        return f"bsky.app/profile/{safe(source)}/rss"
    if source.startswith("youtube.com/"):
        return f"www.youtube.com/feeds/{safe(source[len('youtube.com/'):])}.xml"
    if source and "/" not in source:
        return f"{safe(source)}/feed.xml"
    return f"other/feed{number:03d}.xml"


def write_feeds(items, folder, fixed):
    dates = published_dates(items, fixed)
    by_source = collections.OrderedDict()
    for item in items:
        by_source.setdefault(item["source"], []).append(item)
    os.makedirs(os.path.join(folder, "feeds"), exist_ok=True)
    files = []
    for number, (source, entries) in enumerate(by_source.items(), 1):
        # The file sits where the source's real feed would (host folder, then the feed's path), so
        # that the address Lingkar stores names the account or site as a real feed's address does.
        name = feed_path(source, number)
        if source.startswith("youtube.com/"):
            text = atom(source, entries, dates, fixed)
        else:
            text = rss(source, entries, dates)
        os.makedirs(os.path.dirname(os.path.join(folder, "feeds", name)), exist_ok=True)
        with open(os.path.join(folder, "feeds", name), "w", encoding="utf-8") as out:
            out.write(text)
        files.append(name)
    return files


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------- scoring (as Evaluator.swift)


def f1(tp, fp, fn):
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def score(items, predicted, groups):
    """items: the set; predicted: id -> list of topic ids (first = primary); groups: id -> group key."""
    correct = 0
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    errors = []
    for item in items:
        guess = predicted[item["id"]][0] if predicted[item["id"]] else "none"
        if guess == item["label"]:
            correct += 1
            tp[item["label"]] += 1
        else:
            fp[guess] += 1
            fn[item["label"]] += 1
            errors.append((item["id"], item["label"], guess, predicted[item["id"]]))
    labels = (set(tp) | set(fp) | set(fn)) - {"none"}
    per_topic = {label: f1(tp[label], fp[label], fn[label]) for label in labels}
    macro = sum(per_topic.values()) / len(per_topic) if per_topic else 0.0

    tpa, fpa, fna = collections.Counter(), collections.Counter(), collections.Counter()
    for item in items:
        listed, given = set(item["labels"]), set(predicted[item["id"]])
        for topic in listed & given:
            tpa[topic] += 1
        for topic in given - listed:
            fpa[topic] += 1
        for topic in listed - given:
            fna[topic] += 1
    topics = set(tpa) | set(fpa) | set(fna)
    macro_all = sum(f1(tpa[t], fpa[t], fna[t]) for t in topics) / len(topics) if topics else 0.0

    gold, found = set(), set()
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            pair = "|".join(sorted((a["id"], b["id"])))
            if a["group"] and a["group"] == b["group"]:
                gold.add(pair)
            if groups[a["id"]] == groups[b["id"]]:
                found.add(pair)
    hits = len(gold & found)
    return {
        "items": len(items), "top1": correct / max(1, len(items)), "macroF1": macro, "macroF1_all": macro_all,
        "pairs": len(gold), "dupPrecision": hits / len(found) if found else 1.0,
        "dupRecall": hits / len(gold) if gold else 1.0, "missedPairs": sorted(gold - found),
        "wrongPairs": sorted(found - gold), "errors": errors, "perTopic": per_topic,
    }


# ---------------------------------------------------------------- digest.json


def read_digest(path, items):
    digest = json.load(open(path, encoding="utf-8"))
    by_entry = {item["id"]: item for item in items}
    by_link = collections.defaultdict(list)
    for item in items:
        by_link[item["link"]].append(item["id"])
    key_to_id, notes = {}, []
    for entry in digest.get("items", []):
        entry_id = entry.get("id") or ""
        if entry_id.startswith("lingkar-eval:") and entry_id[13:] in by_entry:
            key_to_id[entry["key"]] = entry_id[13:]
        elif len(by_link.get(entry.get("link") or "", [])) == 1:
            key_to_id[entry["key"]] = by_link[entry["link"]][0]
            notes.append(f"{entry['key']}: matched by link (entry id {entry_id!r})")
        else:
            notes.append(f"{entry['key']}: not an item of the set (id {entry_id!r}, link {entry.get('link')!r})")
    predicted = {item["id"]: [] for item in items}
    parent = {item["id"]: item["id"] for item in items}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    listed = set()
    asymmetric = 0
    duplicates_of = {}
    for entry in digest.get("items", []):
        own = key_to_id.get(entry["key"])
        if own is None:
            continue
        listed.add(own)
        predicted[own] = [t["id"] for t in entry.get("topics", [])]
        duplicates_of[own] = {key_to_id.get(k) for k in entry.get("duplicates", [])} - {None}
        for other in duplicates_of[own]:
            parent[find(own)] = find(other)
    for own, others in duplicates_of.items():
        for other in others:
            if own not in duplicates_of.get(other, set()):
                asymmetric += 1
    # The top-level topics' item lists, compared with the items' own topic lists.
    per_topic_lists = collections.defaultdict(set)
    for topic in digest.get("topics", []):
        for key in topic.get("items", []):
            if key in key_to_id:
                per_topic_lists[topic["id"]].add(key_to_id[key])
    capped, unexplained = [], []
    for topic in {t for ts in predicted.values() for t in ts}:
        from_items = {i for i, ts in predicted.items() if topic in ts}
        if from_items != per_topic_lists.get(topic, set()):
            capped.append((topic, len(from_items), len(per_topic_lists.get(topic, set()))))
        # An item left out of its topic's list is explained when another item of its story is listed.
        for left_out in from_items - per_topic_lists.get(topic, set()):
            if not duplicates_of.get(left_out, set()) & per_topic_lists.get(topic, set()):
                unexplained.append((topic, left_out))
    groups = {item["id"]: find(item["id"]) for item in items}
    missing = [item["id"] for item in items if item["id"] not in listed]
    return predicted, groups, {"missing": missing, "notes": notes, "asymmetric": asymmetric, "capped": capped,
                                "unexplained": unexplained, "digest": digest}


# ---------------------------------------------------------------- running lingkar


def run(command, cwd, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def topics_eval(binary, set_path, folder, topics):
    command = [binary, "--lang", "en", "topics", "eval", os.path.abspath(set_path)]
    if topics:
        command += ["--topics", topics]
    code, out, err = run(command, folder)
    figures = {}
    for line in out.splitlines():
        if line.startswith("all") or "=" in line:
            fields = dict(re.findall(r"([A-Za-z0-9_]+)=([^\s]+)", line))
            name = line.split()[0].rstrip(":")
            if fields:
                figures.setdefault(name, {}).update(fields)
    return code, out, err, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set")
    parser.add_argument("--lingkar", default=os.environ.get("LINGKAR", "/tmp/lingkar-evalset"))
    parser.add_argument("--date", default="2026-12-07", help="the fixed day the run happens (07:00 UTC)")
    parser.add_argument("--topics", help="a topics file for both paths (default: the built-in topics)")
    parser.add_argument("--keep", help="work in this folder and keep it")
    parser.add_argument("--http", action="store_true", help="serve the feeds from a 127.0.0.1 http.server")
    parser.add_argument("--verbose", action="store_true", help="list the run path's wrong topics and pairs")
    parser.add_argument("--spread-hours", type=int, default=120,
                        help="published dates spread over this many hours before the fixed date")
    parser.add_argument("--same-story-hours", type=float, default=3,
                        help="a duplicate group's later members this many hours apart (-1: no special dates)")
    parser.add_argument("--plain-posts", action="store_true", help="posts as plain text, not a <p> of HTML")
    args = parser.parse_args()
    global SPREAD_HOURS, PLAIN_POSTS, SAME_STORY_HOURS
    SPREAD_HOURS, PLAIN_POSTS = args.spread_hours, args.plain_posts
    SAME_STORY_HOURS = None if args.same_story_hours < 0 else args.same_story_hours

    binary = os.path.abspath(args.lingkar)
    topics = os.path.abspath(args.topics) if args.topics else None
    items = load_set(args.set)
    fixed = dt.datetime.fromisoformat(args.date + "T07:00:00+00:00")
    folder = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="lingkar-through-run-")
    if args.keep and os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder, exist_ok=True)
    files = write_feeds(items, folder, fixed)
    server = serve(os.path.join(folder, "feeds")) if args.http else None
    with open(os.path.join(folder, "feeds.txt"), "w", encoding="utf-8") as out:
        for name in files:
            if server:
                out.write(f"http://127.0.0.1:{server.server_address[1]}/{name}\n")
            else:
                out.write(os.path.join(folder, "feeds", name) + "\n")
    with open(os.path.join(folder, "lingkar.yaml"), "w", encoding="utf-8") as out:
        out.write("language: en\nutc_offset: \"+00:00\"\nlookback_days: 30\n")

    since = (fixed - dt.timedelta(days=10)).strftime("%Y-%m-%d")
    command = ["faketime", fixed.strftime("%Y-%m-%d %H:%M:%S"), binary, "run", "--since", since, "--lang", "en",
               "--feeds", "feeds.txt", "--db", "lingkar.db", "--output", "output"]
    if topics:
        command += ["--topics", topics]
    env = dict(os.environ, TZ="UTC")
    code, out, err = run(command, folder, env)
    if server:
        server.shutdown()
    if code != 0:
        sys.exit(f"lingkar run failed (exit {code}):\n{out}\n{err}")
    found = sorted(glob.glob(os.path.join(folder, "output", "*", "digest.json")))
    if not found:
        sys.exit(f"no digest.json under {folder}/output:\n{out}\n{err}")
    predicted, groups, info = read_digest(found[-1], items)
    through = score(items, predicted, groups)
    code_eval, out_eval, err_eval, figures = topics_eval(binary, args.set, folder, topics)

    digest = info["digest"]
    print(f"set {os.path.basename(args.set)}: {len(items)} items, {len(files)} feeds; "
          f"run: {out.strip().splitlines()[-1] if out.strip() else '(no output)'}")
    print(f"digest {os.path.relpath(found[-1], folder)}: generated {digest.get('generated')}, "
          f"period {digest.get('period', {}).get('from')} .. {digest.get('period', {}).get('to')}, "
          f"{len(digest.get('items', []))} items")
    failed = [f for f in digest.get("feeds", []) if f.get("status") == "failed"]
    if failed:
        print(f"feeds failed: {len(failed)} (first: {failed[0].get('url')} {failed[0].get('error')})")
    evaluation = figures.get("all") or (list(figures.values())[-1] if figures else {})
    print()
    print(f"{'figure':<22}{'lingkar run + digest.json':>28}{'lingkar topics eval':>22}")
    rows = [("top-1", "top1", ["top1"]), ("macro-F1 (first)", "macroF1", ["macroF1", "macro_f1"]),
            ("macro-F1 (all listed)", "macroF1_all", ["macroF1_all", "macro_f1_all"]),
            ("dup pairs (gold)", "pairs", ["pairs", "duplicatePairs", "dup_pairs"]),
            ("dup recall", "dupRecall", ["dupRecall", "duplicateRecall", "dup_recall", "pairsFound"]),
            ("dup precision", "dupPrecision", ["dupPrecision", "duplicatePrecision", "dup_precision"])]
    for name, key, eval_keys in rows:
        mine = through[key]
        theirs = next((evaluation[k] for k in eval_keys if k in evaluation), "?")
        shown = f"{mine:.3f}" if isinstance(mine, float) else str(mine)
        print(f"{name:<22}{shown:>28}{theirs:>22}")
    if code_eval != 0 or not figures:
        print(f"\n(topics eval exit {code_eval}; its output follows)\n{out_eval}{err_eval}")
    print()
    print(f"missing from digest.json: {len(info['missing'])}" +
          (f" ({', '.join(info['missing'][:20])}{' ...' if len(info['missing']) > 20 else ''})" if info["missing"] else ""))
    if info["notes"]:
        print(f"digest entries not matched by entry id: {len(info['notes'])}; first: {info['notes'][0]}")
    if info["asymmetric"]:
        print(f"duplicates lists that are not symmetric: {info['asymmetric']} (joined into groups anyway)")
    if info["capped"]:
        print("top-level topics[].items differ from the items' own topic lists (topic, items listing it, "
              "topic's list): " + ", ".join(f"{t} {a}/{b}" for t, a, b in sorted(info["capped"])))
        print("  left out of a topic's list with no other item of their story in it: "
              + (", ".join(f"{i} ({t})" for t, i in sorted(info["unexplained"])) or "none (one item a story)"))
    if args.verbose:
        print("\nrun path, wrong first topic (id gold -> predicted [all]):")
        for id_, gold, guess, all_ in through["errors"]:
            print(f"  {id_} {gold} -> {guess} {all_}")
        print("run path, missed pairs: " + " ".join(through["missedPairs"]))
        print("run path, wrong pairs: " + " ".join(through["wrongPairs"]))
        print("\ntopics eval output:\n" + out_eval)
    if args.keep:
        print(f"\nkept: {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
