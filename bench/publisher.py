"""Publishes reports through the site while bench/load.sh runs, as people do: an author signs in and writes a report
through the form, submits it for review, and an administrator publishes it, over HTTPS through nginx. Each
publication is a save on whichever node nginx picked, so that node's page cache is evicted at once and the other
node's when its index applies the outbox row: what publishing costs a site under load. (The load test used to start
a whole `import` process a second, about 3 s of CPU each on the same two cores: a cost of the benchmark, not of
publishing.)

    python3 bench/publisher.py BASE MAILDIR ADMIN_EMAIL ADMIN_PASSWORD INTERVAL_SECONDS RESULT_FILE

Signed in, it creates RESULT_FILE.ready; then writes "ok SECONDS" or "failed WHY" per publication to RESULT_FILE, until
killed."""
import email
import glob
import html.parser
import http.cookiejar
import os
import re
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE, MAILDIR, ADMIN, ADMIN_PASSWORD, INTERVAL, RESULTS = sys.argv[1:7]
PASSWORD = "en lång lösenfras för lasttestet"
CONTEXT = ssl.create_default_context()
CONTEXT.check_hostname = False
CONTEXT.verify_mode = ssl.CERT_NONE      # nginx's throw-away certificate


class Forms(html.parser.HTMLParser):
    """The page's forms: action, method, the values a browser would send, and each submit button's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.button, self.textarea, self.select, self.links, self.link = [], None, None, None, None, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower(), "fields": [], "buttons": []}
            self.forms.append(self.form)
        elif tag == "a" and "href" in a:
            self.link = [a["href"], ""]
            self.links.append(self.link)
        if self.form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.form["fields"].append((name, a.get("value", "on")))
            elif kind != "submit":
                self.form["fields"].append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = [name, None, None]
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.select[2] is None:
                self.select[2] = value
            if "selected" in a:
                self.select[1] = value
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self.button = {"text": "", "name": name, "value": a.get("value", ""), "formaction": a.get("formaction")}

    def handle_endtag(self, tag):
        if tag == "a":
            self.link = None
        if self.form is None:
            return
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea:
            self.form["fields"].append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select:
            self.form["fields"].append((self.select[0], self.select[1] if self.select[1] is not None else self.select[2] or ""))
            self.select = None
        elif tag == "button" and self.button:
            self.button["text"] = self.button["text"].strip()
            self.form["buttons"].append(self.button)
            self.button = None

    def handle_data(self, data):
        if self.button is not None:
            self.button["text"] += data
        if self.textarea is not None:
            self.textarea[1] += data
        if self.link is not None:
            self.link[1] += data


class Browser:
    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  urllib.request.HTTPSHandler(context=CONTEXT))

    def open(self, url, data=None):
        request = urllib.request.Request(urllib.parse.urljoin(BASE, url), data=data)
        with self.opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode("utf-8")

    def page(self, url):
        final, text = self.open(url)
        parser = Forms()
        parser.feed(text)
        return final, parser

    def submit(self, url, button, values=()):
        """Fills the form holding the button of that text (or the first form in <main> with a submit button) and sends it."""
        final, parser = self.page(url)
        for form in parser.forms:
            for b in form["buttons"]:
                if button is None or b["text"] == button:
                    given = dict(values)
                    fields = [f for f in form["fields"] if f[0] not in given] + list(values)
                    if b["name"]:
                        fields.append((b["name"], b["value"]))
                    action = urllib.parse.urljoin(final, b["formaction"] or form["action"] or final)
                    return self.open(action, urllib.parse.urlencode(fields).encode())
        raise RuntimeError(f"no button {button!r} on {url}")


def confirmation_link(address):
    for path in sorted(glob.glob(os.path.join(MAILDIR, "*.eml")), key=os.path.getmtime, reverse=True):
        message = email.message_from_binary_file(open(path, "rb"))
        if address not in (message.get("To") or ""):
            continue
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
                for link in re.findall(r"https?://\S+", text):
                    if urllib.parse.urlparse(link).path.startswith("/konto/bekrafta"):
                        return urllib.parse.urlparse(link)._replace(scheme="", netloc="").geturl()
    return None


def main():
    admin = Browser()
    admin.submit("/konto/logga-in", "Logga in", [("Email", ADMIN), ("Password", ADMIN_PASSWORD)])
    _, organisations = admin.page("/organisationer?namn=" + urllib.parse.quote("Umeå kommun"))
    organisation = next(href for href, text in organisations.links if text.strip() == "Umeå kommun" and href.startswith("/organisationer/"))
    admin.submit(organisation, "Lägg till", [("Domain", "umea.se")])

    author, address = Browser(), f"lasttest.{int(time.time())}@umea.se"
    author.submit("/konto/registrera", "Skapa konto", [("DisplayName", "Lasse Lasttest"), ("Email", address), ("Password", PASSWORD)])
    link = None
    for _ in range(100):
        link = confirmation_link(address)
        if link:
            break
        time.sleep(0.1)
    author.submit(link, "Bekräfta", [("Password", PASSWORD)])
    author.submit("/konto/logga-in", "Logga in", [("Email", address), ("Password", PASSWORD)])
    open(RESULTS + ".ready", "w").close()

    n = 0
    while True:
        n += 1
        started = time.monotonic()
        try:
            path, _ = author.submit("/rapporter/ny", "Spara utkast", [
                ("Input.Title", f"Lasttest {n}: nattkameror i hemtjänsten"),
                ("Input.Summary", "En sammanfattning om nattkameror i hemtjänsten, publicerad under lasttestet."),
                ("Input.YearStarted", "2024"), ("Input.Outcome", "delvis"), ("Input.Stage", "test"),
                ("Input.Principles", "testa-och-lara"), ("Input.Lessons", "- Fråga brukarna först.")])
            path = urllib.parse.urlparse(path).path
            if not re.fullmatch(r"/rapporter/[0-9a-f-]{36}", path):
                raise RuntimeError(f"the draft was not saved (ended at {path})")
            author.submit(path, "Skicka för granskning")
            _, text = admin.submit(path, "Publicera")
            if "Rapporten är publicerad." not in text:
                raise RuntimeError("no 'Rapporten är publicerad.' after Publicera")
            line = f"ok {time.monotonic() - started:.3f}"
        except (urllib.error.URLError, RuntimeError, StopIteration, TimeoutError) as e:
            line = f"failed {e}"
        with open(RESULTS, "a", encoding="utf-8") as out:
            out.write(line + "\n")
        time.sleep(max(0.0, float(INTERVAL) - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
