#!/usr/bin/env python3
"""Serves the files of a folder on 127.0.0.1, for tests that take the server away and bring it back.

Usage: dir_server.py FOLDER [PORT] [--forever]. Binds PORT (0: a free one), prints the port on the
first line of stdout, and serves until its standard input closes (with --forever: until it is
killed). Started again with the same PORT, it is the same feed address: a network outage and its
end, seen from Lingkar. Files are served with Last-Modified, and a matching If-Modified-Since gets
304, as a static web server does.
"""
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 0
    server = Server(("127.0.0.1", port), functools.partial(Handler, directory=folder))
    print(server.server_address[1], flush=True)
    if "--forever" in sys.argv:
        server.serve_forever()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
