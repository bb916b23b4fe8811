#!/usr/bin/env python3
"""End-to-end test of `lingkar serve` in a real browser: headless Chromium driven by Selenium, with
Debian's chromium and chromium-driver named explicitly (nothing is downloaded). Everything runs on
127.0.0.1: a loopback blog and an article page (Python's http.server), `lingkar run` to write a
digest from it, then the server (started with `--allow-private-addresses`, the documented way to let
it fetch a site on the school's own network, here the test's loopback site), two teachers and a
facilitator.

What it walks through: a teacher logs in, adds a feed from the blog's home page through the preview,
shares an article (its title read from the page) and votes for a topic; a second teacher shares the
same article (one article, two names) and votes too; the facilitator sees the votes beside the
topics, picks two, opens the agenda and the board; the next `lingkar run` writes a digest listing
the article under its own heading with who shared it. Every page is saved at 390 and 1280 px.

Usage: Tests/Browser/web_e2e.py [path/to/lingkar] [screenshots-folder]
"""
import datetime
import email.utils
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINGKAR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(root, ".build/debug/lingkar")
SHOTS = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(root, ".build/e2e-screenshots")
os.makedirs(SHOTS, exist_ok=True)
work = tempfile.mkdtemp(prefix="lingkar-e2e-")


def rss(title, posts):
    now = time.time()
    items = "".join(
        "<item><title>%s</title><link>http://blog.example/%d</link><guid>%s-%d</guid><pubDate>%s</pubDate>"
        "<description>%s</description></item>"
        % (text, index, title, index, email.utils.formatdate(now - (index + 1) * 86400), text)
        for index, text in enumerate(posts))
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>%s</title>"
            "<link>http://blog.example/</link>%s</channel></rss>" % (title, items)).encode()


PAGES = {
    "/kelas/feed.xml": rss("Kelas Bu Sari", [
        "Literasi membaca nyaring di kelas dua", "Pojok baca dan literasi anak",
        "Asesmen formatif dengan rubrik sederhana", "Umpan balik asesmen untuk siswa",
        "Literasi numerasi lewat permainan", "Penilaian formatif harian"]),
    "/guru/feed.xml": rss("Catatan Guru", [
        "Membaca bersama setiap pagi", "Literasi digital untuk siswa SD",
        "Asesmen diagnostik awal semester", "Rubrik penilaian proyek"]),
    "/blog/": b"<html><head><title>Blog Pak Budi</title>"
              b"<link rel='alternate' type='application/rss+xml' href='/blog/feed.xml'></head><body>Blog</body></html>",
    "/blog/feed.xml": rss("Blog Pak Budi", ["Kurikulum merdeka di kelas lima", "Projek profil pelajar"]),
}


class Blog(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?", 1)[0]  # a shared link may carry tracking parameters
        body = PAGES.get(path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        kind = "application/rss+xml" if path.endswith(".xml") else "text/html"
        self.send_header("Content-Type", kind + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


blog = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Blog)
threading.Thread(target=blog.serve_forever, daemon=True).start()
origin = "http://127.0.0.1:%d" % blog.server_address[1]

# The article a teacher shares: its <title> is the site's ("... | Catatan Guru"), its Open Graph title
# (with an ampersand, which must reach the pages escaped once) is what link previews show and what
# Lingkar reads first; its canonical address lets a link with tracking parameters be the same article.
ARTICLE = origin + "/artikel/pojok-baca-kardus"
ARTICLE_TITLE = "Pojok baca & rak buku dari kardus bekas"
ARTICLE_DESCRIPTION = "Cara murah membuat pojok baca di kelas dua: rak dari kardus, buku sumbangan orang tua."
PAGES["/artikel/pojok-baca-kardus"] = (
    "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
    "<title>Pojok Baca dari Kardus | Catatan Guru</title>"
    "<meta property='og:title' content='Pojok baca &amp; rak buku dari kardus bekas'>"
    "<meta property='og:description' content='%s'>"
    "<meta name='description' content='Artikel di blog Catatan Guru.'>"
    "<link rel='canonical' href='%s'>"
    "</head><body><h1>Pojok baca</h1><p>Isi artikel.</p></body></html>" % (ARTICLE_DESCRIPTION, ARTICLE)).encode()


def lingkar(*args, stdin=None):
    result = subprocess.run([LINGKAR, *args], cwd=work, input=stdin, capture_output=True, text=True,
                            env={"PATH": os.environ.get("PATH", ""), "HOME": work})
    if result.returncode != 0:
        sys.exit("lingkar %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
    return result.stdout


# A meeting schedule, so votes have a meeting: weekly, the first in three days.
meeting = datetime.date.today() + datetime.timedelta(days=3)
with open(os.path.join(work, "lingkar.yaml"), "w") as settings:
    settings.write("language: id\nmeeting:\n  weekday: %s\n  every_weeks: 1\n  first: %s\n"
                   % (meeting.strftime("%A").lower(), meeting.isoformat()))
with open(os.path.join(work, "feeds.txt"), "w") as feeds:
    feeds.write("%s/kelas/feed.xml\n%s/guru/feed.xml\n" % (origin, origin))
lingkar("run", "--since", "14d", "--quiet")
lingkar("passcode", "set", "teacher", stdin="kode-guru-2026\n")
lingkar("passcode", "set", "facilitator", stdin="kode-fasilitator\n")

# The test's blog is on loopback: `--allow-private-addresses` (docs/web.md) lets the server fetch it.
server = subprocess.Popen([LINGKAR, "serve", "--listen", "127.0.0.1:0", "--allow-private-addresses"], cwd=work,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={"PATH": os.environ.get("PATH", ""), "HOME": work})
line = server.stdout.readline().strip()
if not line.startswith("listening on http://"):
    server.kill()
    sys.exit("serve did not start: %r %s" % (line, server.stderr.read()))
base = line[len("listening on "):]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
    options.add_argument(argument)
browser = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def shoot(name):
    for width in (390, 1280):
        browser.set_window_size(width, 900)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(max(height + 140, 600), 4000))
        browser.save_screenshot(os.path.join(SHOTS, "%s-%d.png" % (name, width)))
    browser.set_window_size(390, 900)


def fits_phone(what):
    """At 390 px nothing is wider than the screen (no sideways scrolling on a phone)."""
    browser.set_window_size(390, 900)
    wide = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(wide <= 0, "%s fits a 390 px screen (%d px too wide)" % (what, wide))


def submit(button):
    """Clicks a form's button and waits for the next page (a following get() must not race it)."""
    page = browser.find_element(By.TAG_NAME, "html")
    button.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # stale; Chromium may also say the node left the document
            return True

    WebDriverWait(browser, 30).until(replaced)


def login(passcode, name):
    browser.get(base + "/login")
    browser.find_element(By.NAME, "passcode").send_keys(passcode)
    browser.find_element(By.NAME, "name").send_keys(name)
    submit(browser.find_element(By.CSS_SELECTOR, "form button"))


def logout():
    submit(browser.find_element(By.CSS_SELECTOR, "footer form button"))


def text_of(selector):
    found = browser.find_elements(By.CSS_SELECTOR, selector)
    return found[0].text if found else ""


def share(url, note=""):
    browser.get(base + "/share")
    browser.find_element(By.NAME, "url").send_keys(url)
    if note:
        browser.find_element(By.NAME, "note").send_keys(note)
    submit(browser.find_element(By.CSS_SELECTOR, "main form button"))


def vote(topic):
    """Presses the vote button of `topic` on /topics; returns what the page then says."""
    browser.get(base + "/topics")
    submit(browser.find_element(
        By.XPATH, "//form[@action='/topics/vote'][input[@name='topic' and @value='%s']]//button" % topic))
    return text_of("main p[role=status]")


MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
meeting_day = "%d %s %d" % (meeting.day, MONTHS[meeting.month - 1], meeting.year)  # as an Indonesian page says it

try:
    browser.get(base + "/")
    check(browser.current_url.endswith("/login"), "no session: the login page")
    shoot("login")
    login("salah", "Bu Sari")
    check("Kode salah" in browser.page_source, "a wrong passcode: the form again with a message")
    login("kode-guru-2026", "Bu Sari")
    check("Usulan topik" in browser.page_source, "the teacher sees the suggested topics first")
    check("https://wa.me/?text=" in browser.page_source, "each topic has a WhatsApp link")
    fits_phone("the digest")
    shoot("home")

    # Adding a feed: the blog's home page, a preview, then the line in feeds.txt with her name.
    browser.get(base + "/feeds/new")
    browser.find_element(By.NAME, "url").send_keys(origin + "/blog/")
    submit(browser.find_element(By.CSS_SELECTOR, "main form button"))
    check("Blog Pak Budi" in browser.page_source, "the preview shows the feed found on the blog's home page")
    shoot("feed-preview")
    with open(os.path.join(work, "feeds.txt")) as feeds:
        check("/blog/feed.xml" not in feeds.read(), "nothing written before the confirmation")
    submit(browser.find_element(By.CSS_SELECTOR, "main form button"))
    with open(os.path.join(work, "feeds.txt")) as feeds:
        text = feeds.read()
    check("/blog/feed.xml" in text and "# added by Bu Sari" in text, "confirmed: the line, with her name")
    browser.get(base + "/feeds")
    shoot("feeds")

    # Sharing one article: the title is read from the page, the teacher is told in Indonesian.
    browser.get(base + "/share")
    check(browser.find_element(By.TAG_NAME, "h1").text == "Bagikan tulisan", "the share page, in Indonesian")
    fits_phone("the share form")
    shoot("share")
    share("bukan alamat")
    check("bukan alamat web" in text_of("main p.error"), "something that is not an address: said why, in Indonesian")
    check(browser.find_element(By.NAME, "url").get_attribute("value") == "bukan alamat",
          "what she typed stays in the form")
    shoot("share-error")
    share(ARTICLE, "Cocok untuk kelas 2 & 3")
    said = text_of("main p.ok")
    check(said.startswith("Tulisan disimpan"), "shared: the confirmation (%r)" % said)
    check(ARTICLE_TITLE in said, "the confirmation names the title read from the page's og:title")
    check("Pojok Baca dari Kardus | Catatan Guru" not in said, "the Open Graph title, not the site's <title>")
    check("dibagikan oleh Bu Sari" in said, "the confirmation says it will be shown with her name")
    check("&amp;" not in said and "shared" not in said and "saved" not in said,
          "the confirmation is escaped once and has no English words")
    check(browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", "the page says it is Indonesian")
    check(browser.find_element(By.NAME, "url").get_attribute("value") == "", "the form is empty for the next one")
    fits_phone("the share confirmation")
    shoot("share-done")

    # Voting: the suggested topics, each with a button; the vote is counted for the next meeting.
    browser.get(base + "/topics")
    topics = [field.get_attribute("value") for field in
              browser.find_elements(By.CSS_SELECTOR, "form[action='/topics/vote'] input[name=topic]")]
    labels = [heading.text for heading in browser.find_elements(By.CSS_SELECTOR, "main section.topic h2")]
    check(len(topics) >= 2 and len(labels) == len(topics), "the topics page has a vote button per topic")
    fits_phone("the topics page")
    shoot("topics")
    first, second = (topics + ["", ""])[:2]
    said = vote(first)
    check("dicatat" in said and "Sekarang 1 suara" in said and meeting_day in said,
          "her vote is counted for the meeting of %s, said on the topics page: %r" % (meeting_day, said))
    check(len(browser.find_elements(By.CSS_SELECTOR, "form[action='/topics/vote']")) == len(topics),
          "the answer is the topics page again, every vote button there")
    check(labels[0] in said if labels else False, "the confirmation names the topic in Indonesian")
    shoot("vote")
    browser.get(base + "/topics")
    pressed = browser.find_elements(
        By.XPATH, "//form[input[@name='topic' and @value='%s']]//button[contains(@class, 'voted')]" % first)
    check(len(pressed) == 1, "back on /topics her vote shows as given")
    fits_phone("the topics page after a vote")
    shoot("topics-voted")

    browser.get(base + "/meeting")
    check("fasilitator" in browser.page_source and "name=\"topic\"" not in browser.page_source,
          "a teacher may not open /meeting")
    browser.get(base + "/board")
    check("<svg" not in browser.page_source, "nor the board")
    logout()
    check(browser.current_url.endswith("/login"), "logged out")

    # A second teacher shares the same article (a link with tracking parameters): one article, two names.
    login("kode-guru-2026", "Pak Anton")
    share(ARTICLE + "?utm_source=whatsapp", "")
    said = text_of("main p.ok")
    check("sudah dibagikan oleh Bu Sari" in said and "Pak Anton" in said,
          "the same article again: joined to Bu Sari's share, not a second one (%r)" % said)
    shoot("share-joined")
    said = vote(first)
    check("Sekarang 2 suara" in said, "a second teacher's vote: 2 votes (%r)" % said)
    said = vote(second)
    check("dicatat" in said and "Sekarang 1 suara" in said, "his vote for another topic")
    said = vote(second)
    check("ditarik" in said and "Sekarang 0 suara" in said, "voting again takes it back (%r)" % said)
    logout()

    # The facilitator: the votes beside the topics, two picks, the agenda and the board.
    login("kode-fasilitator", "Pak Budi")
    browser.get(base + "/meeting")
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[name=topic]")
    check(len(boxes) >= 2, "the facilitator sees the topics to pick")

    def votes_beside(topic):
        found = browser.find_elements(By.XPATH, "//label[input[@name='topic' and @value='%s']]" % topic)
        return found[0].text if found else ""

    check("2 suara" in votes_beside(first), "2 votes beside %s (%r)" % (first, votes_beside(first)))
    check("0 suara" in votes_beside(second), "no votes beside %s, the vote taken back (%r)"
          % (second, votes_beside(second)))
    field = browser.find_element(By.NAME, "date")
    check(field.get_attribute("value") == meeting.isoformat(), "the form is for the next meeting, " + meeting.isoformat())
    fits_phone("the meeting form")
    for box in boxes[:2]:
        if not box.is_selected():
            box.click()
    submit(browser.find_element(By.CSS_SELECTOR, "main form button"))
    said = text_of("main p.ok")
    check(meeting_day in said, "the pick is recorded for %s (%r)" % (meeting_day, said))
    shoot("meeting")
    listed = lingkar("topics", "pick", "--list")
    check(meeting.isoformat() in listed and first in listed, "`lingkar topics pick --list` shows the web's pick")
    browser.get(base + "/meeting/agenda")
    check("<h1" in browser.page_source, "the agenda opens")
    shoot("agenda")

    browser.get(base + "/board")
    cards = [card for card in browser.find_elements(By.CSS_SELECTOR, "article.card")
             if ARTICLE_TITLE in card.find_element(By.CSS_SELECTOR, "h2").text]
    check(len(cards) == 1, "the shared article is on the board once (%d)" % len(cards))
    if cards:
        card = cards[0]
        check(len(card.find_elements(By.CSS_SELECTOR, "figure.qr svg")) == 1, "with its QR code, an inline SVG")
        check("Dibagikan oleh Bu Sari, Pak Anton" in card.text, "with both teachers' names")
        check(ARTICLE_DESCRIPTION[:40] in card.text, "with the description read from the page")
        check(card.find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href") == ARTICLE,
              "linked to the article's canonical address")
    shoot("board")

    # The pipeline's next digest: the article under its own heading, with who shared it.
    lingkar("run", "--since", "14d", "--quiet")
    browser.get(base + "/archive")
    newest = browser.find_elements(By.CSS_SELECTOR, "main li a")
    check(len(newest) >= 1, "the archive lists the digests")
    if newest:
        browser.get(newest[0].get_attribute("href"))
    check(text_of("section#shared h2") == "Dibagikan guru", "the new digest has the shared articles' heading")
    entries = browser.find_elements(By.CSS_SELECTOR, "section#shared li")
    check(len(entries) == 1, "one shared article in it, though two teachers shared it (%d)" % len(entries))
    if entries:
        check(ARTICLE_TITLE in entries[0].text, "its title")
        check("dibagikan oleh Bu Sari, Pak Anton" in entries[0].text, "\"dibagikan oleh\" both names")
        check("Cocok untuk kelas 2 & 3" in entries[0].text, "her note")
    shoot("digest")
    # The web's own page of the latest digest shows it too (read again within seconds).
    deadline = time.time() + 20
    while True:
        browser.get(base + "/")
        shared = browser.find_elements(By.CSS_SELECTOR, "main section#shared li")
        if shared or time.time() > deadline:
            break
        time.sleep(1)
    check(len(shared) == 1 and ARTICLE_TITLE in shared[0].text and "Bu Sari, Pak Anton" in shared[0].text,
          "the digest page at / lists it under its heading with both names")
    fits_phone("the digest with a shared article")
    shoot("home-shared")
finally:
    browser.quit()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        failures.append("serve did not stop on SIGTERM")
    blog.shutdown()

check(server.returncode == 0, "serve stopped cleanly on SIGTERM (exit %s)" % server.returncode)
print("screenshots in", SHOTS)
sys.exit(1 if failures else 0)
