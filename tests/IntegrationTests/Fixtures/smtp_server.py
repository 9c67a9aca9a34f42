"""A real SMTP server on loopback for the tests (aiosmtpd over TCP), with failures a test can ask for.

    python3 smtp_server.py PORT MAILDIR [--reject ADDRESS]... [--busy ADDRESS:N]... [--stall ADDRESS:N:SECONDS]...
                                        [--drop-after N]

Every message is stored byte for byte as the client sent it (headers unfolded by nobody) in the Maildir MAILDIR.
Events go to MAILDIR/events, one a line, so a test can count connections and attempts:
    connect
    rcpt ADDRESS CODE
    data MESSAGE-ID

--reject ADDRESS        RCPT TO:<ADDRESS> is always answered 550 (a permanent failure).
--busy ADDRESS:N        the first N RCPT TO:<ADDRESS> are answered 451 (a transient failure), later ones 250.
--stall ADDRESS:N:S     the first N RCPT TO:<ADDRESS> get no answer for S seconds (a server that stops answering).
--drop-after N          the first connection is dropped, without a reply, at the MAIL FROM after its Nth message.

Prints "ready" on standard output once it listens.
"""

import argparse
import asyncio
import email.parser
import email.policy
import mailbox
import os
import sys

from aiosmtpd.smtp import SMTP


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("maildir")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--busy", action="append", default=[])
    parser.add_argument("--stall", action="append", default=[])
    parser.add_argument("--drop-after", type=int, default=0)
    return parser.parse_args()


class Handler:
    def __init__(self, args):
        # Maildir(create=True) leaves an existing empty folder without its subfolders.
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(args.maildir, sub), exist_ok=True)
        self.maildir = mailbox.Maildir(args.maildir)
        self.events = open(os.path.join(args.maildir, "events"), "a", buffering=1, encoding="utf-8")
        self.reject = {a.lower() for a in args.reject}
        self.busy = {a.lower(): int(n) for a, n in (b.rsplit(":", 1) for b in args.busy)}
        self.stall = {a.lower(): (int(n), float(s)) for a, n, s in (x.rsplit(":", 2) for x in args.stall)}
        self.drop_after = args.drop_after
        self.connections = 0

    def log(self, line):
        self.events.write(line + "\n")

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.drop_after and session.connection == 1 and session.delivered == self.drop_after:
            # A connection lost between two messages: no reply, the socket just closes.
            server.transport.abort()
            return "421 dropped"
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        key = address.lower()
        if key in self.stall and self.stall[key][0] > 0:
            count, seconds = self.stall[key]
            self.stall[key] = (count - 1, seconds)
            self.log(f"rcpt {address} stall")
            await asyncio.sleep(seconds)
        if key in self.reject:
            code = "550 5.1.1 No such user"
        elif self.busy.get(key, 0) > 0:
            self.busy[key] -= 1
            code = "451 4.3.0 Try again later"
        else:
            envelope.rcpt_tos.append(address)
            code = "250 OK"
        self.log(f"rcpt {address} {code[:3]}")
        return code

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content
        self.maildir.add(content)
        headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(content)
        session.delivered += 1
        self.log(f"data {headers.get('Message-ID', '').strip()}")
        return "250 OK"


class Server(SMTP):
    def connection_made(self, transport):
        super().connection_made(transport)
        self.event_handler.connections += 1
        self.session.connection = self.event_handler.connections
        self.session.delivered = 0
        self.event_handler.log("connect")


async def main():
    args = parse_args()
    handler = Handler(args)
    loop = asyncio.get_running_loop()
    # A fixed host name: aiosmtpd would otherwise ask DNS for this machine's name on every connection.
    server = await loop.create_server(lambda: Server(handler, hostname="localhost"), "127.0.0.1", args.port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
