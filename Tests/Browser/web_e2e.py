#!/usr/bin/env python3
"""End-to-end test of `lingkar serve` in a real browser: headless Chromium driven by Selenium, with
Debian's chromium and chromium-driver named explicitly (nothing is downloaded). Everything runs on
127.0.0.1: a loopback blog (Python's http.server), `lingkar run` to write a digest from it, then the
server, a teacher and a facilitator.

Usage: Tests/Browser/web_e2e.py [path/to/lingkar] [screenshots-folder]
"""
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
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
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
        body = PAGES.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        kind = "text/html" if self.path.endswith("/") else "application/rss+xml"
        self.send_header("Content-Type", kind + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


blog = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Blog)
threading.Thread(target=blog.serve_forever, daemon=True).start()
origin = "http://127.0.0.1:%d" % blog.server_address[1]


def lingkar(*args, stdin=None):
    result = subprocess.run([LINGKAR, *args], cwd=work, input=stdin, capture_output=True, text=True,
                            env={"PATH": os.environ.get("PATH", ""), "HOME": work})
    if result.returncode != 0:
        sys.exit("lingkar %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
    return result.stdout


with open(os.path.join(work, "feeds.txt"), "w") as feeds:
    feeds.write("%s/kelas/feed.xml\n%s/guru/feed.xml\n" % (origin, origin))
lingkar("run", "--since", "14d", "--quiet")
lingkar("passcode", "set", "teacher", stdin="kode-guru-2026\n")
lingkar("passcode", "set", "facilitator", stdin="kode-fasilitator\n")

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


def submit(button):
    """Clicks a form's button and waits for the next page (a following get() must not race it)."""
    page = browser.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(browser, 15).until(expected_conditions.staleness_of(page))


def login(passcode, name):
    browser.get(base + "/login")
    browser.find_element(By.NAME, "passcode").send_keys(passcode)
    browser.find_element(By.NAME, "name").send_keys(name)
    submit(browser.find_element(By.CSS_SELECTOR, "form button"))


try:
    browser.get(base + "/")
    check(browser.current_url.endswith("/login"), "no session: the login page")
    shoot("login")
    login("salah", "Bu Sari")
    check("Kode salah" in browser.page_source, "a wrong passcode: the form again with a message")
    login("kode-guru-2026", "Bu Sari")
    check("Usulan topik" in browser.page_source, "the teacher sees the suggested topics first")
    check("https://wa.me/?text=" in browser.page_source, "each topic has a WhatsApp link")
    shoot("home")

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
    browser.get(base + "/share")
    check(browser.find_element(By.TAG_NAME, "h1").text != "", "the share page answers")
    browser.get(base + "/topics")
    votes = browser.find_elements(By.CSS_SELECTOR, "form[action='/topics/vote'] button")
    check(len(votes) > 0, "the topics page has vote buttons")
    if votes:
        submit(votes[0])
    browser.get(base + "/meeting")
    check("fasilitator" in browser.page_source and "name=\"topic\"" not in browser.page_source,
          "a teacher may not open /meeting")
    submit(browser.find_element(By.CSS_SELECTOR, "footer form button"))
    check(browser.current_url.endswith("/login"), "logged out")

    login("kode-fasilitator", "Pak Budi")
    browser.get(base + "/meeting")
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[name=topic]")
    check(len(boxes) >= 2, "the facilitator sees the topics to pick")
    for box in boxes[:2]:
        box.click()
    date = time.strftime("%Y-%m-%d", time.localtime(time.time() + 7 * 86400))
    field = browser.find_element(By.NAME, "date")
    browser.execute_script("arguments[0].value = arguments[1]", field, date)
    submit(browser.find_element(By.CSS_SELECTOR, "main form button"))
    check(date in browser.page_source, "the pick is recorded for " + date)
    shoot("meeting")
    listed = lingkar("topics", "pick", "--list")
    check(date in listed, "`lingkar topics pick --list` shows the web's pick")
    browser.get(base + "/meeting/agenda")
    check("<h1" in browser.page_source, "the agenda opens")
    shoot("agenda")
    browser.get(base + "/board")
    shoot("board")
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
