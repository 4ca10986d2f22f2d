
use builtin;
use str;

set edit:completion:arg-completer[keyward] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'keyward'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'keyward'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keygen 'Generate fresh secrets in the formats services expect'
            cand key 'The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases'
            cand encrypt 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token'
            cand decrypt 'Decrypt one keyward envelope or Fernet token (the format is detected)'
            cand apikey 'Issue, list, verify, revoke, rotate and export API keys (stored as hashes)'
            cand jwt 'Mint, verify and inspect JSON Web Tokens'
            cand audit 'Query, follow, export, verify and prune the tamper-evident audit log (and the services'' own logs)'
            cand cert 'Create self-signed certificates and a dev CA, inspect certificates, check expiry'
            cand rotate 'Re-encrypt a database''s encrypted columns under a new key'
            cand hash 'Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes'
            cand hmac 'Sign and verify request bodies with HMAC, as webhook senders do'
            cand format 'The value formats keyward reads and writes: list them, test values against one'
            cand config 'Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses'
            cand completions 'Print a shell completion script (used to regenerate completions/)'
            cand manpages 'Write one man page per command into DIR (used to regenerate man/)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;keygen'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand master 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
            cand jwt-secret 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
            cand password 'A random password from chosen character classes'
            cand salt 'A random salt for a key-derivation function'
            cand keypair 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA'
            cand hmac-secret 'A secret for HMAC request signing (32 random bytes or more, hex by default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;keygen;master'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --encoding 'Text encoding of the key'
            cand --bytes 'Key length in bytes (16-512; Fernet keys are always 32)'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;jwt-secret'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --bytes 'Secret length in bytes (at least 32, the minimum for HS256; 64 covers HS512)'
            cand --encoding 'Text encoding of the secret'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;password'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --length 'Number of characters (at least 12)'
            cand --classes 'Character classes to draw from; each appears at least once'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --no-ambiguous 'Leave out look-alike characters (0 O o 1 l I | and similar)'
            cand --force 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;salt'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --bytes 'Salt length in bytes (at least 8, the RFC 8018 minimum)'
            cand --encoding 'Encoding of the salt: text, or the raw bytes a service keeps in a file'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;keypair'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --type 'The key type'
            cand --out 'The private key file (PKCS#8, written atomically with mode 0600)'
            cand --pub-out 'The public key file (SPKI) [default: the --out path with .pub appended]'
            cand --passphrase-env 'Encrypt the private key with the passphrase in this environment variable'
            cand --passphrase-file 'Encrypt the private key with the passphrase in this private file'
            cand --kdf 'How the passphrase becomes the key-encryption key (PKCS#5 PBES2 with AES-256-CBC) [default: scrypt]'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --der 'Write DER instead of PEM (both files)'
            cand --force 'Replace existing files'
            cand --passphrase-prompt 'Encrypt the private key with a passphrase asked for (twice) on the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;hmac-secret'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --bytes 'Random bytes (at least 32)'
            cand --encoding 'Text encoding of the secret (the text''s bytes are the HMAC key)'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;help'= {
            cand master 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
            cand jwt-secret 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
            cand password 'A random password from chosen character classes'
            cand salt 'A random salt for a key-derivation function'
            cand keypair 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA'
            cand hmac-secret 'A secret for HMAC request signing (32 random bytes or more, hex by default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;keygen;help;master'= {
        }
        &'keyward;keygen;help;jwt-secret'= {
        }
        &'keyward;keygen;help;password'= {
        }
        &'keyward;keygen;help;salt'= {
        }
        &'keyward;keygen;help;keypair'= {
        }
        &'keyward;keygen;help;hmac-secret'= {
        }
        &'keyward;keygen;help;help'= {
        }
        &'keyward;key'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand derive 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
            cand new 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)'
            cand promote 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only'
            cand list 'List the keyring''s keys (never their material)'
            cand show 'Show one key''s details'
            cand retire 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)'
            cand restore 'Bring a retired key back as active (decrypt-only until promoted)'
            cand import 'Add existing key material (a service''s current key) to the keyring'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;key;derive'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --kdf 'The key-derivation function'
            cand --scrypt-n 'scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB)'
            cand --scrypt-r 'scrypt block size r (at most 32)'
            cand --scrypt-p 'scrypt parallelism p (at most 16)'
            cand --iterations 'PBKDF2 iteration count (at most 10,000,000)'
            cand --passphrase-env 'Read the passphrase from this environment variable'
            cand --passphrase-file 'Read the passphrase from this file (one trailing newline is dropped)'
            cand --salt-hex 'The salt, in hex'
            cand --salt-file 'Read the salt from this file, as raw bytes'
            cand --salt-bytes 'Length of the salt generated when none is given'
            cand --encoding 'Text encoding of the derived key'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;new'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --note 'A note kept with the key'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --primary 'Make it the primary key at once (skipping the decrypt-only phase)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;promote'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;list'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand --db 'A database whose values use the keys: a SQLite file or a PostgreSQL URL'
            cand --db-env 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line'
            cand --table 'The table'
            cand --column 'An encrypted column (repeatable)'
            cand --json-field 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)'
            cand --plan 'A TOML plan naming several tables, columns and JSON fields (as for rotate)'
            cand --pk 'The key column, or columns comma-separated [default: the primary key, else rowid]'
            cand --where 'Only rows matching this SQL condition'
            cand --from 'A format the values are in besides envelope and fernet (repeatable): fernet-b64, tiger[:iterations=N] (the keyring''s keys as the format''s keys)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --context-from-row 'The values are bound to table/column/primary-key (as rotate --context-from-row)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;show'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;retire'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand --db 'A database whose values use the keys: a SQLite file or a PostgreSQL URL'
            cand --db-env 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line'
            cand --table 'The table'
            cand --column 'An encrypted column (repeatable)'
            cand --json-field 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)'
            cand --plan 'A TOML plan naming several tables, columns and JSON fields (as for rotate)'
            cand --pk 'The key column, or columns comma-separated [default: the primary key, else rowid]'
            cand --where 'Only rows matching this SQL condition'
            cand --from 'A format the values are in besides envelope and fernet (repeatable): fernet-b64, tiger[:iterations=N] (the keyring''s keys as the format''s keys)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Retire without naming the tables that use the keys, or although rows still use it (asks for confirmation; --yes without a terminal)'
            cand --context-from-row 'The values are bound to table/column/primary-key (as rotate --context-from-row)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;restore'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;import'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --key-env 'Read the key (hex, base64 or a Fernet key) from this environment variable'
            cand --key-file 'Read the key from this private file'
            cand --derive-passphrase-env 'Derive the key from the passphrase in this environment variable (as seed 000 does)'
            cand --derive-passphrase-file 'Derive the key from the passphrase in this file'
            cand --salt-hex 'The derivation salt, hex'
            cand --derive 'Derive the key from the text of --key-env/--key-file, as rotate''s --from-derive does: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256'
            cand --kdf 'The key-derivation function'
            cand --scrypt-n 'scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB)'
            cand --scrypt-r 'scrypt block size r (at most 32)'
            cand --scrypt-p 'scrypt parallelism p (at most 16)'
            cand --iterations 'PBKDF2 iteration count (at most 10,000,000)'
            cand --id 'The key id to give it (to match the id in existing envelopes) [default: the next free]'
            cand --note 'A note kept with the key'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --primary 'Make it the primary key'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;help'= {
            cand derive 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
            cand new 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)'
            cand promote 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only'
            cand list 'List the keyring''s keys (never their material)'
            cand show 'Show one key''s details'
            cand retire 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)'
            cand restore 'Bring a retired key back as active (decrypt-only until promoted)'
            cand import 'Add existing key material (a service''s current key) to the keyring'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;key;help;derive'= {
        }
        &'keyward;key;help;new'= {
        }
        &'keyward;key;help;promote'= {
        }
        &'keyward;key;help;list'= {
        }
        &'keyward;key;help;show'= {
        }
        &'keyward;key;help;retire'= {
        }
        &'keyward;key;help;restore'= {
        }
        &'keyward;key;help;import'= {
        }
        &'keyward;key;help;help'= {
        }
        &'keyward;encrypt'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --key-env 'Read the key from this environment variable (hex, base64 or a Fernet key)'
            cand --key-file 'Read the key from this file, which must be private (mode 0600)'
            cand --in 'Read the value from FILE instead of stdin'
            cand --out 'Write the result to FILE (atomically, mode 0600) instead of stdout'
            cand --scheme 'The format to produce: envelope, fernet, or a service''s (fernet-b64, tiger[:iterations=N,version=V], spec:PATH; see `keyward format list`)'
            cand --derive 'Derive the key from the key''s text (a service''s formats): sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256'
            cand --context 'Context bound to the envelope as associated data, e.g. users/email/42 (envelope only)'
            cand --key-id 'The key id written into the envelope header (envelope only)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;decrypt'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --key-env 'Read the key from this environment variable (hex, base64 or a Fernet key)'
            cand --key-file 'Read the key from this file, which must be private (mode 0600)'
            cand --in 'Read the value from FILE instead of stdin'
            cand --out 'Write the result to FILE (atomically, mode 0600) instead of stdout'
            cand --scheme 'Expect this format instead of detecting envelope or fernet: also a service''s (fernet-b64, tiger[:iterations=N], spec:PATH; see `keyward format list`)'
            cand --derive 'Derive the key from the key''s text (as `encrypt --derive`)'
            cand --context 'The context the envelope was sealed with (envelope only)'
            cand --key-id 'Refuse an envelope sealed under another key id'
            cand --ttl 'Refuse a Fernet token older than this many seconds, as Fernet.decrypt(token, ttl)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand issue 'Issue a key; it is shown once and only its hash is stored'
            cand list 'List keys (never the keys or their hashes)'
            cand show 'Show one key''s details'
            cand verify 'Check a key: exit 0 when valid, 1 with the reason when not'
            cand revoke 'Revoke keys now (asks first on a terminal; --yes otherwise)'
            cand rotate 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period'
            cand export 'Export the active keys'' hashes and scopes for a service to load (never the keys)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;apikey;issue'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --name 'A name for the key: 1-64 letters, digits, ''_'', ''-'', ''.'''
            cand --scopes 'Comma-separated scopes, e.g. memories:read,memories:write'
            cand --expires 'Expiry: a duration (90d, 12h), a date (2027-01-01) or an RFC 3339 time'
            cand --prefix 'The key''s prefix (seed 002 uses tk)'
            cand --note 'A note kept with the key'
            cand --env-file 'Write the new key into this dotenv file as --var NAME instead of showing it (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. API_KEYS'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --append 'Add the key to the comma-separated list in --var (created if absent), keeping the keys already there'
            cand --force 'Replace an existing --var definition (without --append); write through a symlink into another directory, or into a file other users can read (with a warning)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;list'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --state 'Only keys in this state'
            cand --scope 'Only keys granted this scope'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;show'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;verify'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --key-env 'Read the key from this environment variable'
            cand --require-scope 'Fail unless the key holds this scope (repeatable)'
            cand --at 'Judge expiry, revocation and a rotated key''s grace period at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now; a success still records the key''s last use as now'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --offline 'Check format and checksum only, without the store'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;revoke'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;rotate'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --grace 'How long the old key keeps working (0s for a leaked key)'
            cand --expires 'Expiry of the new key [default: the old key''s lifetime, from now]'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;export'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --as 'env: one dotenv variable of comma-separated hashes; json: a document per key'
            cand --var 'The variable name for --as env'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;apikey;help'= {
            cand issue 'Issue a key; it is shown once and only its hash is stored'
            cand list 'List keys (never the keys or their hashes)'
            cand show 'Show one key''s details'
            cand verify 'Check a key: exit 0 when valid, 1 with the reason when not'
            cand revoke 'Revoke keys now (asks first on a terminal; --yes otherwise)'
            cand rotate 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period'
            cand export 'Export the active keys'' hashes and scopes for a service to load (never the keys)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;apikey;help;issue'= {
        }
        &'keyward;apikey;help;list'= {
        }
        &'keyward;apikey;help;show'= {
        }
        &'keyward;apikey;help;verify'= {
        }
        &'keyward;apikey;help;revoke'= {
        }
        &'keyward;apikey;help;rotate'= {
        }
        &'keyward;apikey;help;export'= {
        }
        &'keyward;apikey;help;help'= {
        }
        &'keyward;jwt'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand mint 'Mint a signed token (always with iat, nbf, exp and a random jti)'
            cand verify 'Verify a token''s signature and claims: exit 0 valid, 1 invalid'
            cand inspect 'Decode a token WITHOUT verifying it, with warnings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;jwt;mint'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --secret-env 'Read the HS secret from this environment variable (its text''s bytes are the key)'
            cand --secret-file 'Read the HS secret from this file (one trailing newline dropped)'
            cand --key-file 'A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify'
            cand --secret-encoding 'How the HS secret''s text gives the key: its bytes (text), or decoded from base64, base64url (a JWK''s `k`) or hex'
            cand --alg 'Signing algorithm [default: HS256 with a secret; the key''s own with a PEM]'
            cand --sub 'Subject (sub)'
            cand --aud 'Audience (aud)'
            cand --iss 'Issuer (iss)'
            cand --scope 'Scopes, comma-separated; written as the space-separated `scope` claim (RFC 9068) unless --scopes-claim / --scopes-as say otherwise'
            cand --scopes-claim 'The claim the scopes go in (e.g. `scopes` for a service that reads that)'
            cand --scopes-as 'How the scopes are written: one space-separated string (RFC 8693 section 4.2) or a JSON list'
            cand --ttl 'Lifetime: 30s, 15m, 1h, 7d'
            cand --claim 'An extra claim, k=v; v is JSON when it parses as JSON, else a string (repeatable)'
            cand --kid 'The key id (kid) header'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --allow-weak 'Allow an HS secret shorter than the hash (RFC 7518 section 3.2 forbids it) or a known placeholder (as `config check` lists them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;jwt;verify'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --secret-env 'Read the HS secret from this environment variable (its text''s bytes are the key)'
            cand --secret-file 'Read the HS secret from this file (one trailing newline dropped)'
            cand --key-file 'A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify'
            cand --secret-encoding 'How the HS secret''s text gives the key: its bytes (text), or decoded from base64, base64url (a JWK''s `k`) or hex'
            cand --jwks 'A JWKS file; the key is chosen by the token''s kid'
            cand --alg 'Accepted algorithms (repeatable) [default: those the key fits]'
            cand --aud 'Required audience: the token must have an aud claim that names it'
            cand --iss 'Required issuer: the token must have an iss claim equal to it'
            cand --leeway 'Clock skew allowed for exp and nbf'
            cand --at 'Judge exp and nbf at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --allow-no-exp 'Accept a token without exp'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;jwt;inspect'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;jwt;help'= {
            cand mint 'Mint a signed token (always with iat, nbf, exp and a random jti)'
            cand verify 'Verify a token''s signature and claims: exit 0 valid, 1 invalid'
            cand inspect 'Decode a token WITHOUT verifying it, with warnings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;jwt;help;mint'= {
        }
        &'keyward;jwt;help;verify'= {
        }
        &'keyward;jwt;help;inspect'= {
        }
        &'keyward;jwt;help;help'= {
        }
        &'keyward;audit'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand verify 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row'
            cand query 'Find entries: filters, counts and groupings over keyward''s log or a service''s'
            cand tail 'Show the newest entries, and with --follow those that arrive'
            cand export 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs'
            cand checkpoint 'Print an anchor (last id, hash, count, time) for `verify --anchor`'
            cand prune 'Delete entries older than a cutoff, leaving a chained record of it (keyward''s log, or a service''s PostgreSQL table with --source)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;audit;verify'= {
            cand --anchor 'Prove the log still reaches an anchor: a file written by `audit checkpoint --append-to`, or ID:HASH (repeatable)'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;query'= {
            cand --since 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339'
            cand --until 'Before (same forms as --since)'
            cand --actor 'Who acted (globs: ''svc-*'')'
            cand --action 'What was done (globs: ''apikey.*'')'
            cand --resource 'On what: TYPE or TYPE:ID (api_key:12)'
            cand --outcome 'success, failure or denied (comma-separated for several)'
            cand --risk 'This risk or above: low, medium, high, critical'
            cand --host 'Where (globs: ''web-*'')'
            cand --grep 'Text inside the details (ASCII case-insensitive)'
            cand --where 'A condition on a field or a details path: ''details.tier = "short_term"'', ''details.score >= 75'', ''actor ~ "svc-*"'' (repeatable; all must hold)'
            cand --source 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)'
            cand --source-env 'Read --source from this environment variable: keeps a PostgreSQL password off the command line'
            cand --table 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)'
            cand --map 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)'
            cand --tz 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC'
            cand --limit 'Show at most N entries (1 or more), or all [default: 50 in a table, all otherwise]'
            cand --order 'Newest (desc, the default) or oldest (asc) first'
            cand --group-by 'Count matching entries per actor, action, risk, outcome, host, resource, day or hour'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --count 'Print how many entries match, not the entries'
            cand --utc 'Show times in UTC (default: local time) in tables'
            cand --fail-if-empty 'Exit 1 when nothing matches (otherwise no match is exit 0)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;tail'= {
            cand --since 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339'
            cand --until 'Before (same forms as --since)'
            cand --actor 'Who acted (globs: ''svc-*'')'
            cand --action 'What was done (globs: ''apikey.*'')'
            cand --resource 'On what: TYPE or TYPE:ID (api_key:12)'
            cand --outcome 'success, failure or denied (comma-separated for several)'
            cand --risk 'This risk or above: low, medium, high, critical'
            cand --host 'Where (globs: ''web-*'')'
            cand --grep 'Text inside the details (ASCII case-insensitive)'
            cand --where 'A condition on a field or a details path: ''details.tier = "short_term"'', ''details.score >= 75'', ''actor ~ "svc-*"'' (repeatable; all must hold)'
            cand --source 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)'
            cand --source-env 'Read --source from this environment variable: keeps a PostgreSQL password off the command line'
            cand --table 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)'
            cand --map 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)'
            cand --tz 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC'
            cand -n 'How many of the newest entries to show first'
            cand --lines 'How many of the newest entries to show first'
            cand --interval 'How often --follow looks for new entries'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand -f 'Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated'
            cand --follow 'Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated'
            cand --utc 'Show times in UTC (default: local time)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;export'= {
            cand --since 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339'
            cand --until 'Before (same forms as --since)'
            cand --actor 'Who acted (globs: ''svc-*'')'
            cand --action 'What was done (globs: ''apikey.*'')'
            cand --resource 'On what: TYPE or TYPE:ID (api_key:12)'
            cand --outcome 'success, failure or denied (comma-separated for several)'
            cand --risk 'This risk or above: low, medium, high, critical'
            cand --host 'Where (globs: ''web-*'')'
            cand --grep 'Text inside the details (ASCII case-insensitive)'
            cand --where 'A condition on a field or a details path: ''details.tier = "short_term"'', ''details.score >= 75'', ''actor ~ "svc-*"'' (repeatable; all must hold)'
            cand --source 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)'
            cand --source-env 'Read --source from this environment variable: keeps a PostgreSQL password off the command line'
            cand --table 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)'
            cand --map 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)'
            cand --tz 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC'
            cand --order 'Oldest (asc, the default) or newest (desc) first'
            cand --limit 'At most N entries (1 or more) [default: all]'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;checkpoint'= {
            cand --append-to 'Also append the anchor line to FILE (kept elsewhere: another host, a WORM bucket)'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;prune'= {
            cand --source 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)'
            cand --source-env 'Read --source from this environment variable: keeps a PostgreSQL password off the command line'
            cand --table 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)'
            cand --map 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)'
            cand --tz 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC'
            cand --older-than 'Delete entries older than this: 365d, 52w, or a date/time'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --dry-run 'Say what would be deleted; change nothing'
            cand --force 'Prune keyward''s log even when the chain does not verify (the broken rows may be deleted with it)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;audit;help'= {
            cand verify 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row'
            cand query 'Find entries: filters, counts and groupings over keyward''s log or a service''s'
            cand tail 'Show the newest entries, and with --follow those that arrive'
            cand export 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs'
            cand checkpoint 'Print an anchor (last id, hash, count, time) for `verify --anchor`'
            cand prune 'Delete entries older than a cutoff, leaving a chained record of it (keyward''s log, or a service''s PostgreSQL table with --source)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;audit;help;verify'= {
        }
        &'keyward;audit;help;query'= {
        }
        &'keyward;audit;help;tail'= {
        }
        &'keyward;audit;help;export'= {
        }
        &'keyward;audit;help;checkpoint'= {
        }
        &'keyward;audit;help;prune'= {
        }
        &'keyward;audit;help;help'= {
        }
        &'keyward;cert'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)'
            cand ca 'A development certificate authority'
            cand inspect 'Show what certificates say: names, key, validity, fingerprints, usages'
            cand check 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;cert;create'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --cn 'Subject common name [default: the first --san]'
            cand --san 'A subject alternative name: DNS name, wildcard (*.example.test), IPv4 or IPv6 (repeatable)'
            cand --days 'Days of validity (warns above 398, the browsers'' limit, and 825, Apple''s)'
            cand --not-before 'Start of validity: an RFC 3339 time or a date [default: now]'
            cand --not-after 'End of validity: an RFC 3339 time or a date (a past one makes a deliberately expired certificate)'
            cand --key-type 'Key type of a new key [default: ecdsa-p256]; with --key-in, the type that key must be'
            cand --key-in 'Reuse this private key (renewal) instead of generating one'
            cand --ca 'Sign with this CA certificate instead of self-signing'
            cand --ca-key 'The CA''s private key'
            cand --chain-out 'Also write the chain (leaf then CA) to this file'
            cand --out 'The certificate file'
            cand --key-out 'The private key file (written 0600)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --server 'Server authentication usage (the default when neither is given)'
            cand --client 'Client authentication usage'
            cand --der 'Write DER instead of PEM (certificate; key as PKCS#8 DER)'
            cand --force 'Replace existing files'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;cert;ca'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a dev CA certificate and key, as mkcert does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;cert;ca;create'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --cn 'The CA''s common name'
            cand --days 'Days of validity'
            cand --not-before 'Start of validity: an RFC 3339 time or a date [default: now]'
            cand --not-after 'End of validity: an RFC 3339 time or a date (a past one makes a deliberately expired certificate)'
            cand --path-len 'Path length constraint: 0 signs leaves only'
            cand --name-constraint 'Only names under this DNS domain may be signed (repeatable)'
            cand --key-type 'Key type of the CA key'
            cand --out 'The certificate file'
            cand --key-out 'The private key file (written 0600)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --der 'Write DER instead of PEM (certificate; key as PKCS#8 DER)'
            cand --force 'Replace existing files'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;cert;ca;help'= {
            cand create 'Create a dev CA certificate and key, as mkcert does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;cert;ca;help;create'= {
        }
        &'keyward;cert;ca;help;help'= {
        }
        &'keyward;cert;inspect'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;cert;check'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --glob 'File name patterns in directories (repeatable) [default: *.pem *.crt *.cer *.cert *.der]'
            cand --connect 'A live endpoint: host:port, [v6]:port, postgres://host:port (repeatable)'
            cand --sni 'Server name to send (SNI) and to verify against [default: the host]'
            cand --starttls 'Negotiate TLS inside this protocol first'
            cand --ca-file 'Trust anchors for --verify instead of the system roots'
            cand --warn 'Warn at this much time left (30d) or share of lifetime used (66%)'
            cand --critical 'Critical at this much time left (7d) or share of lifetime used (90%)'
            cand --at 'Evaluate at this moment (RFC 3339 or a date) instead of now'
            cand --expect-name 'The leaf must cover this name, wildcards included (repeatable)'
            cand --timeout 'Time limit for each --connect endpoint as a whole: name lookup, TCP connect, STARTTLS and TLS handshake'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --verify 'Also verify served chains against the system roots or --ca-file'
            cand --leaf-only 'Check only the first certificate of each file or chain'
            cand --nagios 'Nagios plugin output: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand --summary 'Add counts per status'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;cert;help'= {
            cand create 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)'
            cand ca 'A development certificate authority'
            cand inspect 'Show what certificates say: names, key, validity, fingerprints, usages'
            cand check 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;cert;help;create'= {
        }
        &'keyward;cert;help;ca'= {
            cand create 'Create a dev CA certificate and key, as mkcert does'
        }
        &'keyward;cert;help;ca;create'= {
        }
        &'keyward;cert;help;inspect'= {
        }
        &'keyward;cert;help;check'= {
        }
        &'keyward;cert;help;help'= {
        }
        &'keyward;rotate'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Cooperating workers on PostgreSQL'
            cand status 'Count values per key version and format, plaintext and undecryptable'
            cand verify 'Decrypt every value; exit 1 naming the first rows that fail'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;rotate;run'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --db 'The service''s database: a SQLite file, or a PostgreSQL URL or libpq connection string'
            cand --db-env 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line'
            cand --table 'The table'
            cand --column 'An encrypted column (repeatable)'
            cand --json-field 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)'
            cand --plan 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)'
            cand --pk 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]'
            cand --where 'Only rows matching this SQL condition'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand --from-key-env 'An old key, from this environment variable (repeatable)'
            cand --from-key-file 'An old key, from this private file (repeatable)'
            cand --to-key-env 'The new key, from this environment variable'
            cand --to-key-file 'The new key, from this private file'
            cand --to-key-id 'The id the new key''s envelopes carry'
            cand --from-derive 'Derive the old keys from their text: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table)'
            cand --to-derive 'Derive the new key from its text (as --from-derive)'
            cand --to 'The format to write: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH'
            cand --from 'A format the values are in (repeatable) [default: detect envelope and fernet]'
            cand --batch 'Rows per transaction'
            cand --on-error 'What to do with a value that cannot be decrypted'
            cand --throttle 'At most this many rows per second, to spare a live service (per worker with --workers)'
            cand --threads 'Crypto threads (per worker) for formats with a per-value key derivation or RSA [default: every core]'
            cand --workers 'PostgreSQL: run N cooperating workers here; they share the table, through leases in schema keyward, with every `rotate run --workers` started against it with the same flags, on any host'
            cand --worker-id 'This process''s worker name in leases, reports and the audit log [default: HOST:PID]'
            cand --lease 'Seconds a worker''s claim on a range holds unless renewed; a dead worker''s range is taken over after it'
            cand --range-rows 'Rows per range claimed [default: 8 batches, or 1/256 of the table when larger]'
            cand --update-env 'The service''s dotenv file: mint the new key, rotate every value to it, verify them, then write it to --var (the old key is read from there)'
            cand --var 'The variable of --update-env that holds the service''s key or passphrase'
            cand --var-salt 'The variable of --update-env that holds the derivation''s salt, in hex: a new salt is minted with the key (salt=env in --from-derive/--to-derive)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --context-from-row 'Bind envelopes to table/column/primary-key as associated data'
            cand --allow-unrecognized 'Exit 0 even when values that look encrypted are in no format given (they are left untouched either way)'
            cand --dry-run 'Count what would change; write nothing'
            cand --keep-progress 'Keep the rotation''s ranges in keyward.rotation_range after it finished (for `rotate status`)'
            cand --encrypt-plaintext 'Encrypt plaintext values as well'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;rotate;status'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --db 'The service''s database: a SQLite file, or a PostgreSQL URL or libpq connection string'
            cand --db-env 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line'
            cand --table 'The table'
            cand --column 'An encrypted column (repeatable)'
            cand --json-field 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)'
            cand --plan 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)'
            cand --pk 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]'
            cand --where 'Only rows matching this SQL condition'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand --key-env 'A key to decrypt with, from this environment variable (repeatable) [default: the keyring]'
            cand --key-file 'A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs)'
            cand --from 'A format the values are in (repeatable) [default: detect envelope and fernet]'
            cand --derive 'Derive the keys from their text (as `rotate run --from-derive`)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --context-from-row 'Bind envelopes to table/column/primary-key as associated data'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;rotate;verify'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --db 'The service''s database: a SQLite file, or a PostgreSQL URL or libpq connection string'
            cand --db-env 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line'
            cand --table 'The table'
            cand --column 'An encrypted column (repeatable)'
            cand --json-field 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)'
            cand --plan 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)'
            cand --pk 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]'
            cand --where 'Only rows matching this SQL condition'
            cand --keyring 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]'
            cand --passphrase-env 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)'
            cand --passphrase-file 'Read the keyring passphrase from this file'
            cand --key-env 'A key to decrypt with, from this environment variable (repeatable) [default: the keyring]'
            cand --key-file 'A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs)'
            cand --from 'A format the values are in (repeatable) [default: detect envelope and fernet]'
            cand --derive 'Derive the keys from their text (as `rotate run --from-derive`)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --context-from-row 'Bind envelopes to table/column/primary-key as associated data'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;rotate;help'= {
            cand run 'Re-encrypt every value under the target key: batched, resumable, crash-safe'
            cand status 'Count values per key version and format, plaintext and undecryptable'
            cand verify 'Decrypt every value; exit 1 naming the first rows that fail'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;rotate;help;run'= {
        }
        &'keyward;rotate;help;status'= {
        }
        &'keyward;rotate;help;verify'= {
        }
        &'keyward;rotate;help;help'= {
        }
        &'keyward;hash'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand password 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else'
            cand verify 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;hash;password'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --algo 'The algorithm'
            cand --preset 'argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106''s low-memory choice and argon2-cffi''s default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP''s minimum) [default: rfc9106-low-memory]'
            cand --memory 'argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB]'
            cand --iterations 'argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000]'
            cand --parallelism 'argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16'
            cand --cost 'bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20]'
            cand --block-size 'scrypt block size r [default: 8; at most 32]'
            cand --password-env 'Read the password from this environment variable'
            cand --password-file 'Read the password from this private file (one trailing newline dropped)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --password-stdin 'Read the password from stdin (one trailing newline dropped)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;hash;verify'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --password-env 'Read the password from this environment variable'
            cand --password-file 'Read the password from this private file (one trailing newline dropped)'
            cand --algo 'With --needs-rehash: the current algorithm; a hash of another one needs rehashing [default: the hash''s own]'
            cand --preset 'argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106''s low-memory choice and argon2-cffi''s default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP''s minimum) [default: rfc9106-low-memory]'
            cand --memory 'argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB]'
            cand --iterations 'argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000]'
            cand --parallelism 'argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16'
            cand --cost 'bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20]'
            cand --block-size 'scrypt block size r [default: 8; at most 32]'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --password-stdin 'Read the password from stdin (one trailing newline dropped)'
            cand --needs-rehash 'Also exit 1 when the hash''s parameters are below the current ones (the check services run at login): the --preset''s, adjusted by the parameter flags'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;hash;help'= {
            cand password 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else'
            cand verify 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;hash;help;password'= {
        }
        &'keyward;hash;help;verify'= {
        }
        &'keyward;hash;help;help'= {
        }
        &'keyward;hmac'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sign 'Sign a request body (stdin or --in): print the HMAC'
            cand verify 'Check a request body''s signature in constant time: exit 0 valid, 1 invalid'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;hmac;sign'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --secret-env 'Read the secret from this environment variable (its text''s bytes are the key)'
            cand --secret-file 'Read the secret from this private file (one trailing newline dropped)'
            cand --in 'Read the body from FILE instead of stdin'
            cand --algo 'The hash under the HMAC'
            cand --encoding 'Signature encoding'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;hmac;verify'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --secret-env 'Read the secret from this environment variable (its text''s bytes are the key)'
            cand --secret-file 'Read the secret from this private file (one trailing newline dropped)'
            cand --in 'Read the body from FILE instead of stdin'
            cand --algo 'The hash under the HMAC'
            cand --encoding 'Signature encoding'
            cand --signature 'The signature to check (hex or base64, per --encoding; a url-safe base64 signature may start with `-`)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;hmac;help'= {
            cand sign 'Sign a request body (stdin or --in): print the HMAC'
            cand verify 'Check a request body''s signature in constant time: exit 0 valid, 1 invalid'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;hmac;help;sign'= {
        }
        &'keyward;hmac;help;verify'= {
        }
        &'keyward;hmac;help;help'= {
        }
        &'keyward;format'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Print the built-in value formats with their exact layouts'
            cand test 'Check that values (one per line, stdin or --in) parse and decrypt in a format'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;format;list'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;format;test'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --from 'The format: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH'
            cand --key-env 'Read the key from this environment variable (its text: a key, a passphrase with --derive, a spec''s secret)'
            cand --key-file 'Read the key from this private file (an RSA private key in PEM for RSA-wrapped specs)'
            cand --derive 'Derive the key from the secret''s text: none, sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table)'
            cand --in 'Read the values from FILE instead of stdin, one per line'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --show 'Print each value''s plaintext (it is never printed otherwise)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;format;help'= {
            cand list 'Print the built-in value formats with their exact layouts'
            cand test 'Check that values (one per line, stdin or --in) parse and decrypt in a format'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;format;help;list'= {
        }
        &'keyward;format;help;test'= {
        }
        &'keyward;format;help;help'= {
        }
        &'keyward;config'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand validate 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on'
            cand rules 'List the rules config validate checks; with ids, each in full (why and fix)'
            cand template 'Write a .env with fresh secrets and secure defaults that config validate passes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;config;validate'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --type 'Parse every input as this type instead of going by its name'
            cand --glob 'In directories, read only files whose name matches PATTERN (repeatable) [default: known config names]'
            cand --profile 'Which rules apply [default: the config''s own ENVIRONMENT, else production]'
            cand --fail-on 'Exit 1 when a finding is at least this severe'
            cand --policy 'A TOML policy that disables or re-grades rules and adds key aliases'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --env 'Also read the process environment, after the files (what a container receives)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;config;rules'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;config;template'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand --profile 'The deployment the defaults are for'
            cand --service 'Whose setting names to use'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand --force 'Replace an existing --out file'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;config;help'= {
            cand validate 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on'
            cand rules 'List the rules config validate checks; with ids, each in full (why and fix)'
            cand template 'Write a .env with fresh secrets and secure defaults that config validate passes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;config;help;validate'= {
        }
        &'keyward;config;help;rules'= {
        }
        &'keyward;config;help;template'= {
        }
        &'keyward;config;help;help'= {
        }
        &'keyward;completions'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;manpages'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --store 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]'
            cand --busy-timeout 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]'
            cand --actor 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;help'= {
            cand keygen 'Generate fresh secrets in the formats services expect'
            cand key 'The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases'
            cand encrypt 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token'
            cand decrypt 'Decrypt one keyward envelope or Fernet token (the format is detected)'
            cand apikey 'Issue, list, verify, revoke, rotate and export API keys (stored as hashes)'
            cand jwt 'Mint, verify and inspect JSON Web Tokens'
            cand audit 'Query, follow, export, verify and prune the tamper-evident audit log (and the services'' own logs)'
            cand cert 'Create self-signed certificates and a dev CA, inspect certificates, check expiry'
            cand rotate 'Re-encrypt a database''s encrypted columns under a new key'
            cand hash 'Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes'
            cand hmac 'Sign and verify request bodies with HMAC, as webhook senders do'
            cand format 'The value formats keyward reads and writes: list them, test values against one'
            cand config 'Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses'
            cand completions 'Print a shell completion script (used to regenerate completions/)'
            cand manpages 'Write one man page per command into DIR (used to regenerate man/)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;help;keygen'= {
            cand master 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
            cand jwt-secret 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
            cand password 'A random password from chosen character classes'
            cand salt 'A random salt for a key-derivation function'
            cand keypair 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA'
            cand hmac-secret 'A secret for HMAC request signing (32 random bytes or more, hex by default)'
        }
        &'keyward;help;keygen;master'= {
        }
        &'keyward;help;keygen;jwt-secret'= {
        }
        &'keyward;help;keygen;password'= {
        }
        &'keyward;help;keygen;salt'= {
        }
        &'keyward;help;keygen;keypair'= {
        }
        &'keyward;help;keygen;hmac-secret'= {
        }
        &'keyward;help;key'= {
            cand derive 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
            cand new 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)'
            cand promote 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only'
            cand list 'List the keyring''s keys (never their material)'
            cand show 'Show one key''s details'
            cand retire 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)'
            cand restore 'Bring a retired key back as active (decrypt-only until promoted)'
            cand import 'Add existing key material (a service''s current key) to the keyring'
        }
        &'keyward;help;key;derive'= {
        }
        &'keyward;help;key;new'= {
        }
        &'keyward;help;key;promote'= {
        }
        &'keyward;help;key;list'= {
        }
        &'keyward;help;key;show'= {
        }
        &'keyward;help;key;retire'= {
        }
        &'keyward;help;key;restore'= {
        }
        &'keyward;help;key;import'= {
        }
        &'keyward;help;encrypt'= {
        }
        &'keyward;help;decrypt'= {
        }
        &'keyward;help;apikey'= {
            cand issue 'Issue a key; it is shown once and only its hash is stored'
            cand list 'List keys (never the keys or their hashes)'
            cand show 'Show one key''s details'
            cand verify 'Check a key: exit 0 when valid, 1 with the reason when not'
            cand revoke 'Revoke keys now (asks first on a terminal; --yes otherwise)'
            cand rotate 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period'
            cand export 'Export the active keys'' hashes and scopes for a service to load (never the keys)'
        }
        &'keyward;help;apikey;issue'= {
        }
        &'keyward;help;apikey;list'= {
        }
        &'keyward;help;apikey;show'= {
        }
        &'keyward;help;apikey;verify'= {
        }
        &'keyward;help;apikey;revoke'= {
        }
        &'keyward;help;apikey;rotate'= {
        }
        &'keyward;help;apikey;export'= {
        }
        &'keyward;help;jwt'= {
            cand mint 'Mint a signed token (always with iat, nbf, exp and a random jti)'
            cand verify 'Verify a token''s signature and claims: exit 0 valid, 1 invalid'
            cand inspect 'Decode a token WITHOUT verifying it, with warnings'
        }
        &'keyward;help;jwt;mint'= {
        }
        &'keyward;help;jwt;verify'= {
        }
        &'keyward;help;jwt;inspect'= {
        }
        &'keyward;help;audit'= {
            cand verify 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row'
            cand query 'Find entries: filters, counts and groupings over keyward''s log or a service''s'
            cand tail 'Show the newest entries, and with --follow those that arrive'
            cand export 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs'
            cand checkpoint 'Print an anchor (last id, hash, count, time) for `verify --anchor`'
            cand prune 'Delete entries older than a cutoff, leaving a chained record of it (keyward''s log, or a service''s PostgreSQL table with --source)'
        }
        &'keyward;help;audit;verify'= {
        }
        &'keyward;help;audit;query'= {
        }
        &'keyward;help;audit;tail'= {
        }
        &'keyward;help;audit;export'= {
        }
        &'keyward;help;audit;checkpoint'= {
        }
        &'keyward;help;audit;prune'= {
        }
        &'keyward;help;cert'= {
            cand create 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)'
            cand ca 'A development certificate authority'
            cand inspect 'Show what certificates say: names, key, validity, fingerprints, usages'
            cand check 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints'
        }
        &'keyward;help;cert;create'= {
        }
        &'keyward;help;cert;ca'= {
            cand create 'Create a dev CA certificate and key, as mkcert does'
        }
        &'keyward;help;cert;ca;create'= {
        }
        &'keyward;help;cert;inspect'= {
        }
        &'keyward;help;cert;check'= {
        }
        &'keyward;help;rotate'= {
            cand run 'Re-encrypt every value under the target key: batched, resumable, crash-safe'
            cand status 'Count values per key version and format, plaintext and undecryptable'
            cand verify 'Decrypt every value; exit 1 naming the first rows that fail'
        }
        &'keyward;help;rotate;run'= {
        }
        &'keyward;help;rotate;status'= {
        }
        &'keyward;help;rotate;verify'= {
        }
        &'keyward;help;hash'= {
            cand password 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else'
            cand verify 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch'
        }
        &'keyward;help;hash;password'= {
        }
        &'keyward;help;hash;verify'= {
        }
        &'keyward;help;hmac'= {
            cand sign 'Sign a request body (stdin or --in): print the HMAC'
            cand verify 'Check a request body''s signature in constant time: exit 0 valid, 1 invalid'
        }
        &'keyward;help;hmac;sign'= {
        }
        &'keyward;help;hmac;verify'= {
        }
        &'keyward;help;format'= {
            cand list 'Print the built-in value formats with their exact layouts'
            cand test 'Check that values (one per line, stdin or --in) parse and decrypt in a format'
        }
        &'keyward;help;format;list'= {
        }
        &'keyward;help;format;test'= {
        }
        &'keyward;help;config'= {
            cand validate 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on'
            cand rules 'List the rules config validate checks; with ids, each in full (why and fix)'
            cand template 'Write a .env with fresh secrets and secure defaults that config validate passes'
        }
        &'keyward;help;config;validate'= {
        }
        &'keyward;help;config;rules'= {
        }
        &'keyward;help;config;template'= {
        }
        &'keyward;help;completions'= {
        }
        &'keyward;help;manpages'= {
        }
        &'keyward;help;help'= {
        }
    ]
    $completions[$command]
}
