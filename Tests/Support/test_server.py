#!/usr/bin/env python3
"""Loopback HTTP server for Lingkar's fetch tests.

Binds 127.0.0.1 on a free port, prints the port on the first line of stdout, and serves until its
standard input closes (the test process ended). Routes are listed in Handler.do_GET.

Virtual sites: a request for host NAME.localhost (curl resolves every *.localhost to the loopback
address itself, without asking DNS) is answered from SITES/NAME/HEX.json, where SITES is the folder
given as the first argument and HEX the request path (with its query) in hexadecimal. Each file is
{"status": 200, "headers": [["Content-Type", "text/html"]], "body": "<base64>"}; tests write them
through LingkarTestSupport's TestSite, so each test sets up its own sites, paths at the root included.
"""
import base64
import gzip
import json
import os
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    import brotli  # optional: the br test is skipped without it
except ImportError:
    brotli = None

LOCK = threading.Lock()
SITES = sys.argv[1] if len(sys.argv) > 1 else None
HEADERS = {}      # path -> headers of the latest request
COUNTS = {}       # path -> requests seen
HOLDS = {}        # token -> (arrived Event, released Event)
GENERATIONS = {}  # name -> generation served by /gen/NAME.xml (1 until /_generation/NAME/N says otherwise)

# Teacher-like texts for /gen/ feeds, so the ranker finds topics in them.
TEXTS = [
    ("Asesmen formatif dengan exit ticket", "Asesmen formatif lima menit: murid menulis jawaban, guru memberi umpan balik dan rubrik sederhana."),
    ("Pojok baca untuk literasi kelas 2", "Literasi membaca tumbuh dari pojok baca dan buku cerita; numerasi lewat soal cerita dari pasar."),
    ("Rapat komite sekolah dengan orang tua", "Orang tua dan komite sekolah membahas kegiatan parenting dan kerja sama dengan wali murid."),
    ("Using retrieval practice in Year 9 science", "Retrieval practice and low-stakes quizzes helped my science students remember the experiment."),
    ("Flipped classroom for fractions", "A flipped classroom lesson on fractions: students watched a short video, then worked in groups."),
    ("Pelatihan guru di komunitas belajar", "Komunitas belajar guru mengadakan lokakarya dan lesson study setiap bulan untuk pengembangan profesional."),
]


def hold(token):
    with LOCK:
        if token not in HOLDS:
            HOLDS[token] = (threading.Event(), threading.Event())
        return HOLDS[token]


def rss(name, count, extra=""):
    items = "".join(
        "<item><title>%s item %d%s</title><link>https://example.org/%s/%d?utm_source=x#top</link>"
        "<guid>%s-%d</guid><description>Post %d of %s.%s</description>"
        "<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate></item>" % (name, i, extra, name, i, name, i, i, name, extra, 1 + i % 9)
        for i in range(count))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title>'
            '<link>https://example.org/%s</link>%s</channel></rss>' % (name, name, items)).encode()


JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "JSON feed",
    "items": [{"id": "j%d" % i, "url": "https://example.org/j/%d" % i, "content_text": "Entry %d" % i,
               "title": "Json %d" % i} for i in range(3)]}).encode()
HTML = b"<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hello</p></body></html>"
BOMB = []  # the gzip bomb, made once: a few hundred KB that decompress to 120 MB


def gzip_bomb():
    with LOCK:
        if not BOMB:
            import zlib
            packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
            parts = [packer.compress(b'<?xml version="1.0"?><rss version="2.0"><channel><title>bomb</title>')]
            block = b" " * (1 << 20)
            for _ in range(120):
                parts.append(packer.compress(block))
            parts.append(packer.compress(b"</channel></rss>"))
            parts.append(packer.flush())
            BOMB.append(b"".join(parts))
        return BOMB[0]

LAST_MODIFIED = "Mon, 01 Jan 2024 10:00:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def feed(self, body, etag=None, last_modified=LAST_MODIFIED, content_type="application/rss+xml"):
        if etag and self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", [("ETag", etag)])
        headers = [("Content-Type", content_type), ("Last-Modified", last_modified)]
        if etag:
            headers.append(("ETag", etag))
        self.send(200, body, headers)

    def site(self):
        """Answers a request for NAME.localhost from the sites folder; False when it is not one."""
        host = self.headers.get("Host", "").split(":")[0].lower()
        if not SITES or not host.endswith(".localhost"):
            return False
        name = host[: -len(".localhost")]
        file = os.path.join(SITES, name, self.path.encode().hex() + ".json")
        if "/" in name or not os.path.isfile(file):
            self.send(404, b"not found")
            return True
        with open(file) as handle:
            spec = json.load(handle)
        self.send(spec.get("status", 200), base64.b64decode(spec.get("body", "")), [tuple(h) for h in spec.get("headers", [])])
        return True

    def generation_feed(self, name, first, second):
        """Generation 1: three items dated before `first`; generation 2 adds two dated before `second`."""
        with LOCK:
            generation = GENERATIONS.get(name, 1)
        dated = [(i, first - (i + 1) * 3600) for i in range(3)]
        if generation >= 2:
            dated += [(i, second - (i - 2) * 3600) for i in range(3, 5)]
        items = ""
        for i, stamp in dated:
            title, text = TEXTS[(i + len(name)) % len(TEXTS)]
            items += ("<item><title>%s (%s %d)</title><link>https://example.org/%s/%d</link><guid>%s-%d</guid>"
                      "<description>%s</description><pubDate>%s</pubDate></item>" % (
                          title, name, i, name, i, name, i, text,
                          time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(stamp))))
        body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gen %s</title>'
                '<link>https://example.org/%s</link>%s</channel></rss>' % (name, name, items)).encode()
        self.feed(body, etag='"%s-g%d"' % (name, generation))

    def do_GET(self):
        if self.site():
            return
        path = self.path.split("?")[0]
        with LOCK:
            HEADERS[path] = dict((k.lower(), v) for k, v in self.headers.items())
            COUNTS[path] = COUNTS.get(path, 0) + 1
        parts = path.strip("/").split("/")
        head = parts[0]
        if head == "_headers":
            with LOCK:
                return self.send(200, json.dumps(HEADERS.get("/" + "/".join(parts[1:]), {})).encode())
        if head == "_count":
            with LOCK:
                return self.send(200, str(COUNTS.get("/" + "/".join(parts[1:]), 0)).encode())
        if head == "_caps":
            return self.send(200, json.dumps({"brotli": brotli is not None}).encode())
        if head == "_arrived":  # waits until the hold request for this token has arrived
            arrived, _ = hold(parts[1])
            return self.send(200, b"yes" if arrived.wait(120) else b"no")
        if head == "_release":
            hold(parts[1])[1].set()
            return self.send(200, b"released")
        if head == "_generation":  # /_generation/NAME/N: /gen/NAME.xml serves generation N from now on
            with LOCK:
                GENERATIONS[parts[1]] = int(parts[2])
            return self.send(200, b"ok")
        if head == "gen":  # /gen/NAME.xml?first=UNIX&second=UNIX: see generation_feed
            query = dict(pair.split("=", 1) for pair in self.path.split("?", 1)[1].split("&"))
            return self.generation_feed(parts[1].rsplit(".", 1)[0], int(query["first"]), int(query["second"]))
        if head == "feed":  # /feed/NAME.xml[?items=N]: an RSS feed with ETag and Last-Modified
            name = parts[1].rsplit(".", 1)[0]
            count = int(self.path.split("items=")[1]) if "items=" in self.path else 5
            return self.feed(rss(name, count), etag='"%s-v1"' % name)
        if head == "edited":  # the same items with changed text
            return self.feed(rss(parts[1].rsplit(".", 1)[0], 5, " (edited)"), etag='"edited"')
        if head == "future":
            return self.feed(rss("future", 2), last_modified="Fri, 01 Jan 2100 00:00:00 GMT")
        if head in ("r301", "r302", "r308"):
            return self.send(int(head[1:]), b"", [("Location", "/" + "/".join(parts[1:]))])
        if head == "status":
            code = int(parts[1])
            extra = [("Retry-After", "3600")] if code in (429, 503) else []
            return self.send(code, b"error page", extra)
        if head == "gzip.xml":
            body = rss("gzip", 5)
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send(200, gzip.compress(body), [("Content-Encoding", "gzip")])
            return self.send(200, body)
        if head == "br.xml":
            if brotli is None or "br" not in self.headers.get("Accept-Encoding", ""):
                return self.send(501, b"no brotli here")
            return self.send(200, brotli.compress(rss("brotli", 5)), [("Content-Encoding", "br")])
        if head == "big.xml":  # an endless chunked body
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65536 + b" -->"
            try:
                self.wfile.write(b"%x\r\n<rss version=\"2.0\"><channel>\r\n" % 29)
                for _ in range(2000):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
            self.close_connection = True
            return
        if head == "drip.xml":  # promises a body, sends 10 bytes, then nothing
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                self.wfile.write(b"<rss versi")
                self.wfile.flush()
                for _ in range(600):
                    time.sleep(0.1)
                    self.wfile.write(b" ")
                    self.wfile.flush()
            except OSError:
                pass
            self.close_connection = True
            return
        if head == "reset.xml":  # breaks the connection in the middle of the body
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(rss("reset", 3)[:300])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if head == "tofile":
            return self.send(302, b"", [("Location", "file:///etc/passwd")])
        if head == "loop":
            return self.send(302, b"", [("Location", "/loop")])
        if head == "page.html":
            return self.send(200, HTML, [("Content-Type", "text/html; charset=utf-8")])
        if head == "feed.json":
            return self.feed(JSON_FEED, etag='"json-v1"', content_type="application/feed+json")
        if head == "hold":  # /hold/TOKEN.xml: answers once /_release/TOKEN was asked
            token = parts[1].rsplit(".", 1)[0]
            arrived, released = hold(token)
            arrived.set()
            released.wait(120)
            return self.feed(rss("hold-" + token, 5), etag='"hold"')
        if self.hostile(head, parts):
            return
        return self.send(404, b"not found")

    def hostile(self, head, parts):
        """The hostile-server routes (issue 12): each answers as a broken or malicious feed would."""
        if head == "bomb.xml":  # a gzip bomb: 120 MB of spaces inside a feed, a few hundred KB on the wire
            self.send(200, gzip_bomb(), [("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip")])
        elif head == "etag-inject.xml":  # an ETag with a raw CR: sent back unchecked, it starts a header of its own
            self.send(200, rss("inject", 2), [("Content-Type", "application/rss+xml"),
                                               ("ETag", '"abc"\rX-Injected: yes'),
                                               ("Last-Modified", LAST_MODIFIED + "\rX-Injected-Date: yes")])
        elif head == "toscheme":  # /toscheme/SCHEME: a redirect to SCHEME://127.0.0.1/feed.xml
            self.send(302, b"", [("Location", "%s://127.0.0.1/feed.xml" % parts[1])])
        elif head == "xxe.xml":  # /xxe.xml?file=PATH: an external entity naming a local file
            target = self.path.split("file=", 1)[1]
            body = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://%s">]>'
                    '<rss version="2.0"><channel><title>xxe &xxe;</title><item><title>leak &xxe;</title>'
                    '<guid>xxe-1</guid><description>&xxe;</description></item></channel></rss>' % target)
            self.send(200, body.encode(), [("Content-Type", "application/rss+xml")])
        elif head == "laughs.xml":  # billion laughs
            entities = '<!ENTITY l0 "lol">' + "".join(
                '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
            body = ('<?xml version="1.0"?><!DOCTYPE rss [%s]><rss version="2.0"><channel><title>laughs</title>'
                    '<item><title>&l9;</title><guid>laughs-1</guid></item></channel></rss>' % entities)
            self.send(200, body.encode(), [("Content-Type", "application/rss+xml")])
        elif head == "huge.xml":  # /huge.xml?mb=N: a body of N MB with its length announced
            size = int(self.path.split("mb=", 1)[1]) << 20 if "mb=" in self.path else 60 << 20
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            block = b" " * (1 << 16)
            try:
                self.wfile.write(b'<rss version="2.0"><channel>')
                for _ in range(size >> 16):
                    self.wfile.write(block)
            except OSError:
                pass
            self.close_connection = True
        elif head == "endless.xml":  # a chunked body that never ends (until the client hangs up)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<!-- " + b"y" * 16384 + b" -->"
            try:
                self.wfile.write(b"%x\r\n%s\r\n" % (28, b'<rss version="2.0"><channel>'))
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
            self.close_connection = True
        elif head == "tarpit.xml":  # a byte every two seconds, for up to two minutes
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(2)
            except OSError:
                pass
            self.close_connection = True
        elif head == "badutf8.xml":  # declares UTF-8, holds bytes that are not
            body = (b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bad \xff\xfe utf8</title>'
                    b'<item><title>caf\xe9 \xc3\x28 \xed\xa0\x80</title><guid>bad-1</guid></item></channel></rss>')
            self.send(200, body, [("Content-Type", "application/rss+xml; charset=utf-8")])
        elif head == "items.xml":  # /items.xml?n=N: N small items (a flood of entries, not of bytes)
            count = int(self.path.split("n=", 1)[1])
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>flood</title>%s</channel></rss>' % "".join(
                "<item><title>i%d</title><guid>g%d</guid></item>" % (i, i) for i in range(count))).encode()
            self.send(200, body, [("Content-Type", "application/rss+xml")])
        elif head == "empty.xml":  # 200 with nothing in it
            self.send(200, b"", [("Content-Type", "application/rss+xml")])
        elif head == "script.xml":  # script and markup in titles
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>&lt;script&gt;alert(1)&lt;/script&gt;</title>'
                    '<item><title>&lt;script&gt;alert("t")&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</title>'
                    '<link>javascript:alert(3)</link><guid>script-1</guid>'
                    '<description><![CDATA[<script>alert(4)</script><p>text</p>]]></description></item></channel></rss>')
            self.send(200, body.encode(), [("Content-Type", "application/rss+xml")])
        else:
            return False
        return True


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # The gzip bomb takes a second or more to pack on a loaded machine: made now, in the background,
    # so the first request for it is not slowed by the packing (the run's deadline is short in tests).
    threading.Thread(target=gzip_bomb, daemon=True).start()
    sys.stdin.read()  # returns when the test process closes our stdin or exits


if __name__ == "__main__":
    main()
