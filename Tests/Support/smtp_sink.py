"""A local SMTP sink for the mail tests: aiosmtpd on 127.0.0.1, a free port, every message kept.

Usage: python3 smtp_sink.py DIRECTORY [--auth] [--starttls-refused]
Prints the port on its first line, then serves until its standard input closes. Each message is
written as DIRECTORY/N.eml (the bytes as received, after the server removed dot-stuffing) and
DIRECTORY/N.json: the envelope and the message decoded by Python's email package (RFC 2047 words,
quoted-printable bodies), so the tests check what a mail program would show.

--auth offers AUTH PLAIN/LOGIN without TLS (as a careless or hostile server does) and writes every
AUTH attempt to DIRECTORY/auth.log; --starttls-refused offers STARTTLS and answers it with 454 (as
a man in the middle who strips it would leave a client).
"""
import json
import os
import socket
import sys
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult


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


class RefusingSMTP(SMTP):
    """Offers STARTTLS (it has a TLS context) but refuses it."""

    async def smtp_STARTTLS(self, arg):
        await self.push("454 4.7.0 TLS not available due to temporary reason")


class HostileController(Controller):
    def __init__(self, handler, refuse_starttls, **kwargs):
        self.refuse_starttls = refuse_starttls
        super().__init__(handler, **kwargs)

    def factory(self):
        if self.refuse_starttls:
            return RefusingSMTP(self.handler, **self.SMTP_kwargs)
        return SMTP(self.handler, **self.SMTP_kwargs)


def main():
    directory = sys.argv[1]
    options = sys.argv[2:]
    kwargs = {}
    if "--auth" in options:
        def authenticator(server, session, envelope, mechanism, auth_data):
            with open(os.path.join(directory, "auth.log"), "a", encoding="utf-8") as log:
                log.write(f"AUTH {mechanism}\n")
            return AuthResult(success=True)
        kwargs.update(authenticator=authenticator, auth_require_tls=False)
    refuse = "--starttls-refused" in options
    if refuse:
        import ssl
        kwargs["tls_context"] = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    controller = HostileController(
        Keeper(directory), refuse, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    print(controller.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
