#!/usr/bin/env python3
"""Signs a demo supervisor in (enrolling TOTP on first use, as the platform requires) and prints the cookie header
for wrk. Usage: supervisor-cookie.py BASE_URL EMAIL PASSWORD. Standard library only."""
import base64, hashlib, hmac, http.cookiejar, re, struct, sys, time, urllib.parse, urllib.request

base, email, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def get(path):
    with opener.open(base + path) as r:
        return r.geturl(), r.read().decode()

def post(path, fields):
    with opener.open(base + path, urllib.parse.urlencode(fields).encode()) as r:
        return r.geturl(), r.read().decode()

def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)

def totp(secret):
    key = base64.b32decode(secret.replace(" ", "").upper() + "=" * (-len(secret.replace(" ", "")) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

_, html = get("/account/sign-in")
url, html = post("/account/sign-in", {"Email": email, "Password": password, "__RequestVerificationToken": token(html)})
if "/account/security" in url:
    key = re.search(r'data-testid="shared-key">([^<]+)<', html).group(1)
    post("/account/security?handler=Enable", {"Code": totp(key), "__RequestVerificationToken": token(html)})
print("; ".join(f"{c.name}={c.value}" for c in jar))
