"""Stand-in for seed 002 (Tiger MCP)'s encryption code, written from the
facts of its upstream code (keyward issue #18):

- ENCRYPTION_MASTER_KEY is standard base64 of 32 bytes; the service decodes
  it and requires 32 bytes;
- a stored value is JSON {"ciphertext", "nonce" (12 bytes), "tag" (16 bytes),
  "salt" (16 bytes), "key_version": int, "algorithm": "AES-256-GCM"},
  binary fields in standard base64;
- its key = PBKDF2-HMAC-SHA256(password = master key bytes || key_version as
  4 bytes big-endian, salt = the record's salt, iterations =
  PBKDF2_ITERATIONS (default 100000), 32 bytes); AES-256-GCM, no associated
  data.

Usage (values one per line on stdin, results one per line on stdout):
  python seed002_tiger.py encrypt [KEY_VERSION]    # ENCRYPTION_MASTER_KEY, PBKDF2_ITERATIONS
  python seed002_tiger.py decrypt
"""
import base64
import json
import os
import sys

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC


def master_key():
    key = base64.b64decode(os.environ["ENCRYPTION_MASTER_KEY"])
    if len(key) != 32:
        raise ValueError("ENCRYPTION_MASTER_KEY must decode to 32 bytes")
    return key


def iterations():
    return int(os.environ.get("PBKDF2_ITERATIONS", "100000"))


def derive(master, version, salt):
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations())
    return kdf.derive(master + version.to_bytes(4, "big"))


def encrypt(master, text, version=1):
    salt = os.urandom(16)
    nonce = os.urandom(12)
    ct = AESGCM(derive(master, version, salt)).encrypt(nonce, text.encode("utf-8"), None)
    return json.dumps({
        "ciphertext": base64.b64encode(ct[:-16]).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "tag": base64.b64encode(ct[-16:]).decode(),
        "salt": base64.b64encode(salt).decode(),
        "key_version": version,
        "algorithm": "AES-256-GCM",
    })


def decrypt(master, stored):
    rec = json.loads(stored)
    salt = base64.b64decode(rec["salt"])
    key = derive(master, int(rec["key_version"]), salt)
    data = base64.b64decode(rec["ciphertext"]) + base64.b64decode(rec["tag"])
    return AESGCM(key).decrypt(base64.b64decode(rec["nonce"]), data, None).decode("utf-8")


def main():
    cmd = sys.argv[1]
    master = master_key()
    if cmd == "encrypt":
        version = int(sys.argv[2]) if len(sys.argv) > 2 else 1
        for line in sys.stdin.read().splitlines():
            print(encrypt(master, line, version))
    elif cmd == "decrypt":
        for line in sys.stdin.read().splitlines():
            print(decrypt(master, line))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
