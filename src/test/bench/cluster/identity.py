#!/usr/bin/env python3
"""An identity provider for the cluster benchmark: an RSA key, its JWKS in DIR/jwks.json (served
by `python3 -m http.server`), and on stdout an RS256 token for client `bench` with SCOPE (default
api-read), issuer ISSUER, audience raccord, valid for two hours. Uses the `cryptography` package.
Usage: identity.py DIR ISSUER [SCOPE]"""
import base64, json, os, sys, time
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

directory, issuer = sys.argv[1], sys.argv[2]
scope = sys.argv[3] if len(sys.argv) > 3 else "api-read"
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
number = lambda n: b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))
key_file = os.path.join(directory, "key.pem")
if os.path.exists(key_file):
    key = serialization.load_pem_private_key(open(key_file, "rb").read(), password=None)
else:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    open(key_file, "wb").write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
public = key.public_key().public_numbers()
json.dump({"keys": [{"kty": "RSA", "kid": "bench", "use": "sig", "alg": "RS256", "n": number(public.n), "e": number(public.e)}]},
          open(os.path.join(directory, "jwks.json"), "w"))
now = int(time.time())
header = b64(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "bench"}).encode())
claims = b64(json.dumps({"iss": issuer, "sub": "bench", "aud": "raccord", "groups": [scope], "iat": now,
                         "exp": now + 7200, "jti": str(now)}).encode())
signature = key.sign(f"{header}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
print(f"{header}.{claims}.{b64(signature)}")
