#!/usr/bin/env python3
"""Two `lingkar run`s, the web server and the command line working on one school folder at once.

Everything is real and on 127.0.0.1: a feed server (Python's http.server) whose 40 feeds answer
slowly (so a run lasts about ten seconds and the others overlap it), `lingkar serve`, and these at
the same time:
  - run A: `lingkar run`, started first;
  - run B: `lingkar run --lock-wait 120`, started while A holds the lock: it waits, then runs;
  - C and D: `lingkar fetch` and `lingkar run` with the default `--lock-wait` (5 s), started while A
    holds the lock: each gives up after the wait and exits 3 with the plain message (docs/cli.md);
  - two teachers in the web (plain HTTP with their session cookies, no browser), each in a loop:
    `/`, a feed added through the preview and the confirmation (with the form's csrf), an article
    shared, a vote;
  - `lingkar feeds add` from the command line, in a loop, adding other feeds.

Then, with every process ended: every feed added (web and command line) and every feed of the start
is in feeds.txt exactly once; every share and vote is stored; every item the feed server served is
in the database exactly once; the exit codes are the contract's; no web response was a 5xx, none
was an error page, and none said "locked", "SQLite" or the store's own error words.

Usage: Tests/concurrent-use.py [path/to/lingkar] (default: .build/debug/lingkar); KEEP=1 keeps the
folder. .ci/run runs it after the outage simulation.
"""
import email.utils
import http.client
import http.server
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINGKAR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(root, ".build/debug/lingkar")
if not os.access(LINGKAR, os.X_OK):
    sys.exit("concurrent use: no binary at %s (swift build first)" % LINGKAR)
work = tempfile.mkdtemp(prefix="lingkar-concurrent-")
school = os.path.join(work, "school")
os.makedirs(school)
ENV = {"PATH": os.environ.get("PATH", ""), "HOME": work}

RUN_FEEDS = 40          # the slow feeds every run fetches
RUN_DELAY = 1.0         # seconds each of their answers takes (4 at once per host: ~10 s a run)
TEACHERS = ["Bu Sari", "Pak Budi"]
MIN_ROUNDS = 6          # each teacher and the command line do at least this many rounds,
MAX_ROUNDS = 30         # and keep going while a run is still working, up to this many

failures = []
lock = threading.Lock()


def fail(what):
    with lock:
        failures.append(what)
    print("FAIL  " + what, flush=True)


# ---------------------------------------------------------------------------------------------
# The feed server. Every answer is logged: which items (guids) each feed served.

served = {}             # path -> set of guids served
GUID = "tag:sekolah.example,2026:%s-%s-%d"  # absolute, so stored as written
answers = {}            # path -> answers given
TEXTS = [
    "Asesmen formatif dengan rubrik sederhana dan umpan balik",
    "Literasi membaca nyaring di pojok baca kelas dua",
    "Komunitas belajar guru dan lesson study bulanan",
    "Numerasi lewat permainan pasar di kelas rendah",
    "Kurikulum merdeka dan projek profil pelajar Pancasila",
]


def rss(title, guids):
    now = time.time()
    items = "".join(
        "<item><title>%s %d</title><link>http://sekolah.example/%s</link><guid isPermaLink='false'>%s</guid>"
        "<pubDate>%s</pubDate><description>%s (%s).</description></item>"
        % (TEXTS[index % len(TEXTS)], index, guid.split(":")[-1], guid,
           email.utils.formatdate(now - (index + 1) * 3600), TEXTS[(index + 1) % len(TEXTS)], guid)
        for index, guid in enumerate(guids))
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>%s</title>"
            "<link>http://sekolah.example/</link>%s</channel></rss>" % (title, items)).encode()


class Feeds(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        match = re.fullmatch(r"/(run|web|cli)/([a-z0-9-]+)\.xml", path)
        article = re.fullmatch(r"/article/([a-z0-9-]+)\.html", path)
        if match:
            kind, name = match.groups()
            with lock:
                count = answers.get(path, 0)
                answers[path] = count + 1
            if kind == "run":
                # One more post at each answer: run B finds what A did not.
                guids = [GUID % (kind, name, index) for index in range(3 + count)]
                if count == 0:
                    time.sleep(RUN_DELAY)  # run A's answers are slow, so the others overlap it
            else:
                guids = [GUID % (kind, name, index) for index in range(2)]
            body = rss("Feed %s %s" % (kind, name), guids)
            kind_header = "application/rss+xml"
        elif article:
            slug = article.group(1)
            body = ("<!doctype html><html><head><meta charset='utf-8'><title>Artikel %s</title>"
                    "<meta name='description' content='Asesmen formatif di kelas %s'></head>"
                    "<body><p>Isi artikel.</p></body></html>" % (slug, slug)).encode()
            kind_header = "text/html"
            guids = None
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", kind_header + "; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            return  # the client went away: nothing was served
        if guids is not None:
            with lock:
                served.setdefault(path, set()).update(guids)

    def log_message(self, *args):
        pass


feed_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
feed_server.daemon_threads = True
threading.Thread(target=feed_server.serve_forever, daemon=True).start()
origin = "http://127.0.0.1:%d" % feed_server.server_address[1]

# ---------------------------------------------------------------------------------------------
# The school's folder.

with open(os.path.join(school, "lingkar.yaml"), "w") as settings:
    settings.write("school: SD Contoh\nlanguage: id\nutc_offset: WIB\nfacilitator: Bu Sari\n"
                   "meeting:\n  weekday: kamis\n  every_weeks: 1\n  first: 2026-11-05\n")
shutil.copy(os.path.join(root, "topics.txt"), os.path.join(school, "topics.txt"))
topic_ids = re.findall(r"^\[([a-z0-9-]+)\]", open(os.path.join(school, "topics.txt")).read(), re.M)
start_feeds = ["%s/run/%02d.xml" % (origin, index) for index in range(RUN_FEEDS)]
with open(os.path.join(school, "feeds.txt"), "w") as feeds:
    feeds.write("# feeds of the concurrency test\n" + "".join(url + "\n" for url in start_feeds))


def lingkar(*args, stdin=None):
    return subprocess.run([LINGKAR, *args], cwd=school, input=stdin, capture_output=True, text=True, env=ENV)


for role, passcode in (("teacher", "kode-guru-2026\n"), ("facilitator", "kode-fasilitator\n")):
    result = lingkar("passcode", "set", role, stdin=passcode)
    if result.returncode != 0:
        sys.exit("concurrent use: passcode set %s failed: %s" % (role, result.stderr))


def catalogue(key):
    """The fixed words of a message (up to its first placeholder) in both languages."""
    words = []
    for language in ("id", "en"):
        path = os.path.join(root, "Sources/LingkarModel/Resources/messages/errors.%s.txt" % language)
        for line in open(path, encoding="utf-8"):
            if line.startswith(key + " = "):
                words.append(line.split(" = ", 1)[1].split("{")[0].strip())
    return words


# What no teacher may ever see: SQLite's words, a lock, the store's own error messages.
FORBIDDEN = ["database is locked", "locked", "sqlite", "busy"] + [
    words.lower() for key in ("errors.store.locked", "errors.store.sqlite") for words in catalogue(key) if words]
LOCK_MESSAGE = catalogue("errors.store.locked")[0]   # Indonesian: the school's language

def start_server():
    process = subprocess.Popen([LINGKAR, "serve", "--listen", "127.0.0.1:0", "--allow-private-addresses"],
                               cwd=school, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    line = process.stdout.readline().strip()
    if not line.startswith("listening on http://"):
        process.kill()
        sys.exit("concurrent use: serve did not start: %r %s" % (line, process.stderr.read()))
    return process, urllib.parse.urlsplit(line[len("listening on "):])


def stop_server(process):
    process.terminate()
    try:
        return process.communicate(timeout=15)[1]
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()[1]


server, web = start_server()

# ---------------------------------------------------------------------------------------------
# A teacher: plain HTTP/1.1 with her session cookie.

timings = []
slow = []               # requests that took over 2 s


class Teacher:
    def __init__(self, name):
        self.name = name
        self.cookie = None
        self.csrf = None
        self.connection = http.client.HTTPConnection(web.hostname, web.port, timeout=60)

    def request(self, method, path, form=None):
        body = urllib.parse.urlencode(form) if form is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        began = time.monotonic()
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed: once more on a new one.
                self.connection.close()
                self.connection = http.client.HTTPConnection(web.hostname, web.port, timeout=60)
                if attempt == 1:
                    raise
        took = time.monotonic() - began
        with lock:
            timings.append(took)
            if took > 2:
                slow.append("%s %s %s at %.1f s: %.1f s" % (self.name, method, path, began - began_all, took))
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("lingkar_session="):
                self.cookie = value.split(";", 1)[0]
        what = "%s %s %s" % (self.name, method, path)
        if response.status >= 500:
            fail("%s: %d %s" % (what, response.status, strip(text)[:300]))
        lowered = text.lower()
        for word in FORBIDDEN:
            if word in lowered:
                fail("%s: the page says %r: %s" % (what, word, strip(text)[:300]))
        found = re.search(r'name="csrf" value="([^"]+)"', text)
        if found:
            self.csrf = found.group(1)
        return response.status, text

    def expect(self, status, text, wanted, what):
        if status != wanted:
            fail("%s: %s answered %d, not %d: %s" % (self.name, what, status, wanted, strip(text)[:300]))
            return False
        return True


def strip(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


web_added = []          # feed addresses the web confirmed
shared = []             # (teacher, article address)
voted = []              # (teacher, topic id)
cli_added = []          # feed addresses `feeds add` added
rounds = {}
returning_cookie = None  # a teacher's session, used again after the server restarts
runs = {}               # name -> Popen


def runs_working():
    return any(process.poll() is None for process in runs.values())


def teacher_loop(name):
    try:
        teacher_rounds(name)
    except Exception as error:  # a connection the server dropped, a timeout: a failure, not a hang
        fail("%s: %r" % (name, error))


def teacher_rounds(name):
    teacher = Teacher(name)
    status, text = teacher.request("POST", "/login", {"passcode": "kode-guru-2026", "name": name})
    if not 300 <= status < 400 or not teacher.cookie:
        fail("%s: the login answered %d%s: %s" % (name, status, "" if teacher.cookie else " without a session",
                                                   strip(text)[:300]))
        return
    done = 0
    while done < MAX_ROUNDS and (done < MIN_ROUNDS or runs_working()):
        status, text = teacher.request("GET", "/")
        teacher.expect(status, text, 200, "/")
        # The language switched and back: each a write of her session (the web's own connection)
        # between other processes' writes.
        for language in ("en", "id"):
            status, text = teacher.request("GET", "/topics?lang=" + language)
            teacher.expect(status, text, 200, "/topics?lang=" + language)
        feed = "%s/web/%s-%d.xml" % (origin, slug(name), done)
        status, text = teacher.request("POST", "/feeds/new", {"csrf": teacher.csrf, "url": feed})
        if teacher.expect(status, text, 200, "the preview of " + feed):
            written = re.search(r'action="/feeds/confirm">.*?name="url" value="([^"]+)"', text, re.S)
            if not written:
                fail("%s: the preview of %s has no confirmation form" % (name, feed))
            else:
                address = written.group(1).replace("&amp;", "&")
                status, text = teacher.request("POST", "/feeds/confirm", {"csrf": teacher.csrf, "url": address})
                if teacher.expect(status, text, 200, "the confirmation of " + feed):
                    web_added.append(address)
        article = "%s/article/%s-%d.html" % (origin, slug(name), done)
        status, text = teacher.request("POST", "/share", {"csrf": teacher.csrf, "url": article,
                                                            "note": "Bagus untuk rapat %d" % done})
        if teacher.expect(status, text, 200, "sharing " + article):
            shared.append((name, article))
        if done < len(topic_ids):
            topic = topic_ids[done]
            status, text = teacher.request("POST", "/topics/vote", {"csrf": teacher.csrf, "topic": topic})
            if teacher.expect(status, text, 200, "the vote for " + topic):
                voted.append((name, topic))
        done += 1
    rounds[name] = done
    global returning_cookie
    returning_cookie = returning_cookie or teacher.cookie


def command_line_loop():
    done = 0
    while done < MAX_ROUNDS and (done < MIN_ROUNDS or runs_working()):
        feed = "%s/cli/%d.xml" % (origin, done)
        result = lingkar("feeds", "add", feed, "--by", "Pak Admin")
        said = (result.stdout + result.stderr).lower()
        if result.returncode != 0:
            fail("feeds add %s: exit %d: %s" % (feed, result.returncode, result.stderr.strip()))
        else:
            cli_added.append(feed)
        for word in ("locked", "sqlite"):
            if word in said:
                fail("feeds add %s says %r: %s" % (feed, word, (result.stdout + result.stderr).strip()))
        done += 1
    rounds["command line"] = done


outputs = {}            # name -> (exit code, stdout, stderr, seconds, ended)
began_all = time.monotonic()


def start(name, *args):
    process = subprocess.Popen([LINGKAR, *args], cwd=school, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=ENV)
    runs[name] = process
    process.began = time.monotonic()

    def wait():
        out, err = process.communicate(timeout=300)
        ended = time.monotonic()
        outputs[name] = (process.returncode, out, err, ended - process.began, ended)

    process.waiter = threading.Thread(target=wait)
    process.waiter.start()


start("A", "run", "--quiet")
time.sleep(1.0)
start("B", "run", "--quiet", "--lock-wait", "120")
workers = [threading.Thread(target=teacher_loop, args=(name,)) for name in TEACHERS]
workers.append(threading.Thread(target=command_line_loop))
for worker in workers:
    worker.start()
time.sleep(1.0)
start("C", "fetch")
time.sleep(0.5)
start("D", "run", "--quiet")

for process in runs.values():
    process.waiter.join(timeout=300)
for worker in workers:
    worker.join(timeout=300)
server_err = stop_server(server)
# cron's case, made certain: the server restarts (sessions are read back from the database), a
# teacher who logged in before reads a page (the web's connection reads her session), another process
# writes (a `feeds add`), then a new teacher logs in (a write on the web's connection). A read left
# open on that connection made this login fail at once with SQLite's code 5 (SQLITE_BUSY_SNAPSHOT).
server, web = start_server()
reader = Teacher(TEACHERS[0])
reader.cookie = returning_cookie
status, text = reader.request("GET", "/feeds")
reader.expect(status, text, 200, "/feeds after the restart, with the session of before")
result = lingkar("feeds", "add", origin + "/cli/late.xml", "--by", "Pak Admin")
if result.returncode == 0:
    cli_added.append(origin + "/cli/late.xml")
late = Teacher("Bu Rina")
status, text = late.request("POST", "/login", {"passcode": "kode-guru-2026", "name": late.name})
if not 300 <= status < 400 or not late.cookie:
    fail("a login after another process's write answered %d: %s" % (status, strip(text)[:300]))
else:
    status, text = late.request("GET", "/feeds")
    late.expect(status, text, 200, "/feeds after logging in")
server_err += stop_server(server)
elapsed = time.monotonic() - began_all

# ---------------------------------------------------------------------------------------------
# The checks, with every process ended.

for name in ("A", "B"):
    code, out, err, took, ended = outputs[name]
    if code != 0:
        fail("run %s: exit %d, expected 0: %s" % (name, code, err.strip()[:500]))
    if "locked" in (out + err).lower() or "sqlite" in (out + err).lower():
        fail("run %s speaks of the lock or SQLite: %s" % (name, (out + err).strip()[:500]))
for name in ("C", "D"):
    code, out, err, took, ended = outputs[name]
    if code != 3:
        fail("%s: exit %d, expected 3 (run A held the lock): %s" % (name, code, err.strip()[:500]))
    elif LOCK_MESSAGE not in err:
        fail("%s: exit 3 without the plain message %r: %s" % (name, LOCK_MESSAGE, err.strip()[:500]))
    elif not 4.5 <= took < 15:
        fail("%s: gave up after %.1f s, not after the 5 s --lock-wait" % (name, took))
    elif ended > outputs["A"][4]:
        fail("%s: gave up after run A ended: the lock was free" % name)
# B waited for A: it ended after A.
if outputs["B"][4] < outputs["A"][4]:
    fail("run B ended before run A: it did not wait for the lock")
for word in ("locked", "sqlite", "busy"):
    if word in server_err.lower():
        fail("lingkar serve's log says %r: %s" % (word, server_err.strip()[:500]))

lines = [line.split()[0] for line in open(os.path.join(school, "feeds.txt")) if line.strip()
         and not line.startswith("#")]
for address in start_feeds + web_added + cli_added:
    count = lines.count(address)
    if count != 1:
        fail("feeds.txt holds %s %d times, not once" % (address, count))
if len(lines) != len(start_feeds) + len(web_added) + len(cli_added):
    fail("feeds.txt has %d feeds, expected %d" % (len(lines), len(start_feeds) + len(web_added) + len(cli_added)))
expected_web = sum(rounds.get(name, 0) for name in TEACHERS)
if len(web_added) != expected_web:
    fail("%d of %d web additions were confirmed" % (len(web_added), expected_web))

db = sqlite3.connect("file:%s?mode=ro" % os.path.join(school, "lingkar.db"), uri=True)
stored = {}
for (entry_id,) in db.execute("SELECT entry_id FROM items WHERE entry_id IS NOT NULL"):
    stored[entry_id] = stored.get(entry_id, 0) + 1
items_served = 0
for path, guids in sorted(served.items()):
    for guid in sorted(guids):
        items_served += 1
        if stored.get(guid, 0) != 1:
            fail("item %s (served by %s) is in the database %d times, not once" % (guid, path, stored.get(guid, 0)))
shares = {(sharer, key) for sharer, key in db.execute("SELECT sharer, item_key FROM shares")}
for teacher, article in shared:
    if not any(sharer == teacher and key.endswith(urllib.parse.urlsplit(article).path) for sharer, key in shares):
        fail("the share of %s by %s is not stored" % (article, teacher))
if len(shares) != len(shared):
    fail("%d shares stored, %d made" % (len(shares), len(shared)))
votes = {(voter, topic) for voter, topic in db.execute("SELECT voter, topic_id FROM votes")}
if votes != set(voted):
    fail("the votes stored differ from those made: missing %s, extra %s"
         % (sorted(set(voted) - votes), sorted(votes - set(voted))))
db.close()

timings.sort()
print("concurrent use: run A ended at %.1f s, B at %.1f s" % (outputs["A"][4] - began_all, outputs["B"][4] - began_all))
print("concurrent use: %.1f s; runs A %.1f s (exit %d), B %.1f s (exit %d, waited for A), C fetch %.1f s (exit %d), "
      "D run %.1f s (exit %d)" % (elapsed, outputs["A"][3], outputs["A"][0], outputs["B"][3], outputs["B"][0],
                                 outputs["C"][3], outputs["C"][0], outputs["D"][3], outputs["D"][0]))
if timings:
    print("concurrent use: %d web requests, median %.0f ms, p95 %.0f ms, slowest %.0f ms; %d feeds added on the web, "
          "%d on the command line, %d shares, %d votes, %d items served and stored"
          % (len(timings), 1000 * timings[len(timings) // 2], 1000 * timings[int(len(timings) * 0.95)],
             1000 * timings[-1], len(web_added), len(cli_added), len(shared), len(voted), items_served))
for line in slow:
    print("concurrent use: slow: " + line)
if os.environ.get("KEEP"):
    print("concurrent use: the folder is kept: %s" % work)
else:
    shutil.rmtree(work, ignore_errors=True)
if failures:
    sys.exit("concurrent use: %d problem(s); the first: %s" % (len(failures), failures[0]))
print("concurrent use: nothing lost, no lock or SQLite words shown, exit codes as the contract says")
