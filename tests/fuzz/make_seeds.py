#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) from the gateway
simulator's real answers, plus hand-made inputs where the simulator has nothing to say.

    tests/fuzz/make_seeds.py [--sim build/bin/gateway-sim] [--out tests/fuzz/corpus]

Starts the simulator on a free loopback port with small deterministic data, fetches every
operation the console uses (sessions, contacts pages with their cursors, contact detail,
picture, about, groups, group, members, and the 400/401/403/404/501 envelopes), and writes
each answer behind the decoder-selector byte of fuzz_gateway_json. Tokens: the simulator's
JWT claims re-signed with a throwaway key (no token the simulator accepts is committed);
nothing here prints a token. Run it again after a contract change and commit the result.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# fuzz_gateway_json's first byte (keep in step with its switch and kErrorStatuses).
SEL = {"session": 0, "contact": 1, "identity": 2, "contactGroup": 3, "contactDetail": 4,
       "group": 5, "groupMember": 6, "picture": 7, "about": 8, "sessionPage": 9,
       "contactPage": 10, "groupPage": 11, "memberPage": 12}
ERROR_STATUSES = [400, 401, 403, 404, 409, 429, 500, 501, 503, 502]

# fuzz_local_api_request's fixed token and port, and DemoCache's ids (tests/fuzz/FuzzCache.cpp).
LOCAL_TOKEN = "gcl_fuzzFUZZfuzzFUZZfuzzFUZZfuzzFUZZfuzz0123"
LOCAL_HOST = "127.0.0.1:8765"
DEMO_SESSION = "demo"
DEMO_LID = "205227000000007@lid"
DEMO_GROUP = "120363000000001@g.us"


def b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Corpus:
    def __init__(self, out):
        self.out = out
        self.count = 0

    def add(self, target, name, data):
        if isinstance(data, str):
            data = data.encode()
        folder = os.path.join(self.out, target)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        self.count += 1


class Sim:
    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--seed", "3", "--sessions", "2", "--disconnected", "1",
             "--contacts", "40", "--groups", "4", "--members", "30"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.url = None
        self.sessions = []  # (id, status)
        self.jwts = {}
        for line in self.proc.stdout:
            words = line.split()
            if line.startswith("listening on "):
                self.url = words[2]
            elif words[:1] == ["session"]:
                self.sessions.append((words[1], words[2]))
            elif words[:1] == ["jwt"]:
                self.jwts[words[1]] = words[2]
            elif line.strip() == "ready":
                break
        if not self.url:
            raise SystemExit("the simulator did not start")

    def get(self, path, token="wa_demo", method="GET"):
        request = urllib.request.Request(self.url + path, method=method)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def gateway_seeds(sim, corpus):
    t = "fuzz_gateway_json"
    seen = {}

    def ok(name, selector, path):
        status, body = sim.get(path)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}")
        corpus.add(t, name, bytes([SEL[selector]]) + body)
        return json.loads(body) if body else None

    def err(name, expected, path, token="wa_demo", method="GET"):
        status, body = sim.get(path, token, method)
        if status != expected:
            raise SystemExit(f"{path}: HTTP {status}, expected {expected}")
        corpus.add(t, name, bytes([13 + ERROR_STATUSES.index(status)]) + body)

    working = [s for s, status in sim.sessions if status == "working"]
    stopped = [s for s, status in sim.sessions if status != "working"]
    s = working[0]
    q = urllib.parse.quote
    ok("sessions", "sessionPage", "/api/v1/sessions")
    ok("session", "session", f"/api/v1/sessions/{s}")
    page1 = ok("contacts_page1", "contactPage", f"/api/v1/sessions/{s}/contacts?limit=3")
    seen["cursor"] = page1.get("nextCursor")
    page2 = ok("contacts_page2", "contactPage",
               f"/api/v1/sessions/{s}/contacts?limit=3&cursor={q(seen['cursor'], safe='')}")
    seen["cursor2"] = page2.get("nextCursor")
    everyone = ok("contacts_all", "contactPage", f"/api/v1/sessions/{s}/contacts?limit=200")
    contacts = everyone["data"]
    seen["contacts"] = contacts
    corpus.add(t, "contact", bytes([SEL["contact"]]) + json.dumps(contacts[0]).encode())
    full = [c for c in contacts if c.get("name") and c.get("phoneNumber") and c.get("businessName")]
    if full:
        corpus.add(t, "contact_full", bytes([SEL["contact"]]) + json.dumps(full[0]).encode())
    lid = contacts[0]["lid"]
    detail = None
    for c in contacts:  # one in groups and with an identity, if there is one
        status, body = sim.get(f"/api/v1/sessions/{s}/contacts/{q(c['lid'], safe='')}")
        if status != 200:
            raise SystemExit(f"getContact: HTTP {status}")
        if detail is None or (json.loads(body).get("groups") and json.loads(body).get("identity")):
            detail, detail_body = json.loads(body), body
        if detail.get("groups") and detail.get("identity"):
            break
    corpus.add(t, "contact_detail", bytes([SEL["contactDetail"]]) + detail_body)
    if detail.get("identity"):
        corpus.add(t, "identity", bytes([SEL["identity"]]) + json.dumps(detail["identity"]).encode())
    if detail.get("groups"):
        corpus.add(t, "contact_group", bytes([SEL["contactGroup"]]) + json.dumps(detail["groups"][0]).encode())
    for c in contacts:  # not every contact shows a picture (404 not_found then)
        status, body = sim.get(f"/api/v1/sessions/{s}/contacts/{q(c['lid'], safe='')}/picture")
        if status == 200:
            corpus.add(t, "picture", bytes([SEL["picture"]]) + body)
            break
        corpus.add(t, "error_404_picture", bytes([13 + ERROR_STATUSES.index(404)]) + body)
    ok("about", "about", f"/api/v1/sessions/{s}/contacts/{q(lid, safe='')}/about")
    groups = ok("groups", "groupPage", f"/api/v1/sessions/{s}/groups")["data"]
    gid = groups[0]["groupJid"]
    ok("group", "group", f"/api/v1/sessions/{s}/groups/{q(gid, safe='')}")
    members = ok("members", "memberPage", f"/api/v1/sessions/{s}/groups/{q(gid, safe='')}/members")["data"]
    corpus.add(t, "member", bytes([SEL["groupMember"]]) + json.dumps(members[0]).encode())

    err("error_400_bad_lid", 400, f"/api/v1/sessions/{s}/contacts/not-a-lid")
    err("error_401", 401, "/api/v1/sessions", token=None)
    err("error_404_session", 404, "/api/v1/sessions/no-such-session")
    err("error_404_contact", 404, f"/api/v1/sessions/{s}/contacts/{q('999999999999999@lid', safe='')}")
    if stopped:  # live calls on a session that is not connected
        status, body = sim.get(f"/api/v1/sessions/{stopped[0]}/contacts?limit=1")
        other = json.loads(body)["data"][0]["lid"]
        err("error_501_disconnected", 501, f"/api/v1/sessions/{stopped[0]}/contacts/{q(other, safe='')}/about")
    # What a proxy in front of the gateway answers: no envelope at all.
    corpus.add(t, "error_502_html", bytes([13 + ERROR_STATUSES.index(502)]) + b"<html><body>Bad Gateway</body></html>")
    return seen


def token_seeds(sim, corpus):
    t = "fuzz_token_inspector"
    key = b"fuzz-seed-not-a-secret"

    def sign(header, claims):
        head = b64url(json.dumps(header, separators=(",", ":")).encode())
        body = b64url(json.dumps(claims, separators=(",", ":")).encode())
        mac = hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest()
        return f"{head}.{body}.{b64url(mac)}"

    for name, jwt in sorted(sim.jwts.items()):
        # The simulator's real header and claims, signed again with a throwaway key.
        head, body, _ = jwt.split(".")
        header = json.loads(b64url_decode(head))
        claims = json.loads(b64url_decode(body))
        corpus.add(t, f"jwt_{name}", sign(header, claims))
    claims = json.loads(b64url_decode(next(iter(sim.jwts.values())).split(".")[1]))
    corpus.add(t, "jwt_bearer_prefix", "Bearer " + sign({"alg": "HS256", "typ": "JWT"}, claims))
    corpus.add(t, "jwt_authorization_header", "Authorization: Bearer " + sign({"alg": "EdDSA"}, claims))
    corpus.add(t, "jwt_alg_none", sign({"alg": "none"}, claims).rsplit(".", 1)[0] + ".")
    corpus.add(t, "jwt_aud_array_no_exp", sign({"alg": "ES256"}, {**{k: v for k, v in claims.items() if k != "exp"},
                                                                   "aud": ["a", "b", 3]}))
    corpus.add(t, "jwt_exp_huge", sign({"alg": "RS256"}, {**claims, "exp": 1e300}))
    corpus.add(t, "jwt_exp_string", sign({"alg": "RS256"}, {**claims, "exp": "tomorrow"}))
    corpus.add(t, "jwt_padded", "  " + sign({"alg": "HS256"}, claims) + "==\n")
    corpus.add(t, "jwt_cut_short", sign({"alg": "HS256"}, claims)[:57])
    corpus.add(t, "api_key", "wa_demo")
    corpus.add(t, "api_key_long", "wa_" + b64url(hashlib.sha256(b"fuzz").digest()))
    corpus.add(t, "api_key_foreign_prefix", "sk_live_0123456789abcdef")
    corpus.add(t, "api_key_space", "wa_demo wa_other")
    corpus.add(t, "api_key_non_ascii", "wa_d\u00e9mo")


def cursor_seeds(seen, corpus):
    t = "fuzz_contact_cursor"
    # ContactCursor::encode: base64url(JSON [version, sort, order, key, lid]), unpadded.
    def ours(sort, order, key, lid):
        text = json.dumps([1, sort, order, key, lid], separators=(",", ":"), ensure_ascii=False)
        return b64url(text.encode())

    contacts = seen["contacts"]
    c = next((c for c in contacts if c.get("name") and c.get("phoneNumber")), contacts[0])
    name, phone, lid = c.get("name", ""), c.get("phoneNumber", ""), c["lid"]
    for order in (0, 1):
        o = order << 2
        corpus.add(t, f"name_{order}", bytes([0 | o]) + ours(0, order, name.lower(), lid).encode())
        corpus.add(t, f"phone_{order}", bytes([1 | o]) + ours(1, order, phone, lid).encode())
        corpus.add(t, f"lid_{order}", bytes([2 | o]) + ours(2, order, lid, lid).encode())
        corpus.add(t, f"updated_{order}", bytes([3 | o]) + ours(3, order, 1767225600000, lid).encode())
    corpus.add(t, "name_search", bytes([0 | (2 << 3)]) + ours(0, 0, "rina", DEMO_LID).encode())
    # The gateway's own cursors, real ones: foreign to the cache, to be refused.
    for i, key in enumerate(("cursor", "cursor2")):
        if seen.get(key):
            corpus.add(t, f"gateway_cursor_{i}", bytes([0]) + seen[key].encode())


def local_api_seeds(corpus):
    t = "fuzz_local_api_request"
    auth = f"Authorization: Bearer {LOCAL_TOKEN}\r\n"

    def get(path, extra=""):
        return f"GET {path} HTTP/1.1\r\nHost: {LOCAL_HOST}\r\n{auth}{extra}\r\n"

    s = f"/api/v1/sessions/{DEMO_SESSION}"
    lid = urllib.parse.quote(DEMO_LID, safe="")
    gid = urllib.parse.quote(DEMO_GROUP, safe="")
    seeds = {
        "sessions": get("/api/v1/sessions"),
        "session": get(s),
        "contacts": get(f"{s}/contacts?limit=5&q=santoso"),
        "contacts_dm_group": get(f"{s}/contacts?source=dm&group={gid}&limit=abc"),
        "contacts_bad_cursor": get(f"{s}/contacts?cursor=eyJhIjoxfQ.AAAAAAAAAAAAAAAAAAAAAA"),
        "contact": get(f"{s}/contacts/{lid}"),
        "groups": get(f"{s}/groups"),
        "group": get(f"{s}/groups/{gid}"),
        "members": get(f"{s}/groups/{gid}/members"),
        "health": get("/api/v1/console/health"),
        "audit": get("/api/v1/console/audit?limit=5&before=10&session=demo"),
        "openapi_public": f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: localhost:8765\r\n\r\n",
        "head": get(s).replace("GET ", "HEAD ", 1),
        "x_api_key": f"GET {s}/groups HTTP/1.1\r\nHost: [::1]:8765\r\nx-api-key: {LOCAL_TOKEN}\r\n\r\n",
        "http10_keepalive": f"GET /api/v1/sessions HTTP/1.0\r\nHost: {LOCAL_HOST}\r\n{auth}Connection: keep-alive\r\n\r\n",
        "block": f"POST {s}/contacts/{lid}/block HTTP/1.1\r\nHost: {LOCAL_HOST}\r\n{auth}Content-Length: 0\r\n\r\n",
        "sync": f"POST /api/v1/console/sessions/demo/sync HTTP/1.1\r\nHost: {LOCAL_HOST}\r\n{auth}"
                "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
        "pipelined": get("/api/v1/sessions") + get(f"{s}/contacts?limit=2") + get(s, "Connection: close\r\n"),
        "wrong_token": get(s).replace(LOCAL_TOKEN, LOCAL_TOKEN[:-1] + "x"),
        "no_token": f"GET {s} HTTP/1.1\r\nHost: {LOCAL_HOST}\r\n\r\n",
        "foreign_host": get(s).replace(LOCAL_HOST, "evil.example:8765"),
        "browser": get(s, "Origin: http://localhost:8765\r\nSec-Fetch-Site: cross-site\r\n"),
        "method_not_allowed": get(s).replace("GET ", "DELETE ", 1),
        "dot_segments": get("/api/v1/sessions/%2e%2e/contacts/%C0%AE"),
        "no_host": f"GET {s} HTTP/1.1\r\n{auth}\r\n",
        "http2": f"GET {s} HTTP/2.0\r\nHost: {LOCAL_HOST}\r\n\r\n",
        "chunked": f"POST {s}/contacts/{lid}/block HTTP/1.1\r\nHost: {LOCAL_HOST}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "too_large_body": f"POST /x HTTP/1.1\r\nHost: {LOCAL_HOST}\r\nContent-Length: 99999999999\r\n\r\n",
        "both_framings": f"POST /x HTTP/1.1\r\nHost: {LOCAL_HOST}\r\nContent-Length: 3\r\nTransfer-Encoding: gzip\r\n\r\nabc",
        "folded_header": f"GET / HTTP/1.1\r\nHost: {LOCAL_HOST}\r\n x: folded\r\n\r\n",
        "bare_lf": f"\r\n\nGET /api/v1/sessions HTTP/1.1\nHost: {LOCAL_HOST}\n{auth[:-2]}\n\n",
        "tls_hello": b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
        "incomplete": f"GET {s} HTTP/1.1\r\nHost: {LOCAL_HOST}\r\n",
    }
    for name, data in seeds.items():
        corpus.add(t, name, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sim", default=os.path.join(ROOT, "build", "bin", "gateway-sim"))
    parser.add_argument("--out", default=os.path.join(ROOT, "tests", "fuzz", "corpus"))
    args = parser.parse_args()
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    corpus = Corpus(args.out)
    sim = Sim(args.sim)
    try:
        seen = gateway_seeds(sim, corpus)
        token_seeds(sim, corpus)
    finally:
        sim.stop()
    cursor_seeds(seen, corpus)
    local_api_seeds(corpus)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.out) for f in fs)
    print(f"{corpus.count} seed files, {total} bytes, in {os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
