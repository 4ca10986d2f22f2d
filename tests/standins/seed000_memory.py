"""Stand-in for seed 000 (Cross-Tool Memory)'s encryption code, written from
the facts of its upstream code (keyward issue #18):

- key = scrypt(passphrase UTF-8 from ENCRYPTION_PASSPHRASE, salt = 32 random
  bytes kept by the service, N=2**14, r=8, p=1, 32 bytes), then
  urlsafe-base64 as a Fernet key;
- a stored value is base64.b64encode(fernet_token_bytes): the Fernet
  token's text base64-encoded once more (standard alphabet, padded);
- encrypt_dict stores str(value) encrypted that way in the chosen fields.

Usage (values one per line on stdin, results one per line on stdout):
  python seed000_memory.py encrypt SALT_FILE      # ENCRYPTION_PASSPHRASE in the environment
  python seed000_memory.py decrypt SALT_FILE
  python seed000_memory.py newsalt SALT_FILE      # 32 random bytes, raw
"""
import base64
import os
import sys

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt


def fernet(salt_file):
    salt = open(salt_file, "rb").read()
    passphrase = os.environ["ENCRYPTION_PASSPHRASE"].encode("utf-8")
    key = Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(passphrase)
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(f, text):
    return base64.b64encode(f.encrypt(str(text).encode("utf-8"))).decode("ascii")


def decrypt(f, stored):
    return f.decrypt(base64.b64decode(stored.encode("ascii"))).decode("utf-8")


def encrypt_dict(f, d, fields):
    out = dict(d)
    for k in fields:
        if k in out and out[k] is not None:
            out[k] = encrypt(f, out[k])
    return out


def main():
    cmd = sys.argv[1]
    if cmd == "newsalt":
        with open(sys.argv[2], "wb") as fh:
            fh.write(os.urandom(32))
        os.chmod(sys.argv[2], 0o600)
        return
    f = fernet(sys.argv[2])
    if cmd == "encrypt":
        for line in sys.stdin.read().splitlines():
            print(encrypt(f, line))
    elif cmd == "decrypt":
        for line in sys.stdin.read().splitlines():
            print(decrypt(f, line))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
