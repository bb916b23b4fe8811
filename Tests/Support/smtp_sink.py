"""A local SMTP sink for the mail tests: aiosmtpd on 127.0.0.1, a free port, every message kept.

Usage: python3 smtp_sink.py DIRECTORY
Prints the port on its first line, then serves until its standard input closes. Each message is
written as DIRECTORY/N.eml (the bytes as received, after the server removed dot-stuffing) and
DIRECTORY/N.json: the envelope and the message decoded by Python's email package (RFC 2047 words,
quoted-printable bodies), so the tests check what a mail program would show.
"""
import json
import os
import socket
import sys
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Keeper:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        raw = envelope.original_content or envelope.content
        message = message_from_bytes(raw, policy=policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                "type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "encoding": part.get("Content-Transfer-Encoding"),
                "body": part.get_content(),
            })
        lines = raw.split(b"\r\n")
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "ehlo": session.host_name,
            "subject": str(message["subject"]),
            "from_name": message["from"].addresses[0].display_name,
            "from_address": message["from"].addresses[0].addr_spec,
            "to": [{"name": a.display_name, "address": a.addr_spec} for a in message["to"].addresses],
            "date": message["date"] is not None and message["date"].datetime is not None,
            "message_id": str(message["message-id"] or ""),
            "mime_version": str(message["mime-version"] or ""),
            "content_type": message.get_content_type(),
            "parts": parts,
            "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
            "longest_line": max(len(line) for line in lines),
            "ascii_only": all(byte < 128 for byte in raw),
        }
        with open(base + ".eml", "wb") as handle:
            handle.write(raw)
        with open(base + ".json.tmp", "w", encoding="utf-8") as handle:
            json.dump(summary, handle)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 OK"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    directory = sys.argv[1]
    controller = Controller(Keeper(directory), hostname="127.0.0.1", port=free_port())
    controller.start()
    print(controller.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
