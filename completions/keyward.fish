# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_keyward_global_optspecs
    string join \n format= color= q/quiet yes store= busy-timeout= actor= h/help V/version
end

function __fish_keyward_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_keyward_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_keyward_using_subcommand
    set -l cmd (__fish_keyward_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c keyward -n "__fish_keyward_needs_command" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_needs_command" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_needs_command" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_needs_command" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_needs_command" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_needs_command" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_needs_command" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_needs_command" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "keygen" -d 'Generate fresh secrets in the formats services expect'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "key" -d 'The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "encrypt" -d 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "decrypt" -d 'Decrypt one keyward envelope or Fernet token (the format is detected)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "apikey" -d 'Issue, list, verify, revoke, rotate and export API keys (stored as hashes)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "jwt" -d 'Mint, verify and inspect JSON Web Tokens'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "audit" -d 'Query, follow, export, verify and prune the tamper-evident audit log (and the services\' own logs)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "cert" -d 'Create self-signed certificates and a dev CA, inspect certificates, check expiry'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "rotate" -d 'Re-encrypt a database\'s encrypted columns under a new key'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "hash" -d 'Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "hmac" -d 'Sign and verify request bodies with HMAC, as webhook senders do'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "format" -d 'The value formats keyward reads and writes: list them, test values against one'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "config" -d 'Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "completions" -d 'Print a shell completion script (used to regenerate completions/)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "manpages" -d 'Write one man page per command into DIR (used to regenerate man/)'
complete -c keyward -n "__fish_keyward_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "master" -d 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "jwt-secret" -d 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "password" -d 'A random password from chosen character classes'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "salt" -d 'A random salt for a key-derivation function'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "keypair" -d 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "hmac-secret" -d 'A secret for HMAC request signing (32 random bytes or more, hex by default)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and not __fish_seen_subcommand_from master jwt-secret password salt keypair hmac-secret help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l encoding -d 'Text encoding of the key' -r -f -a "hex\t'Lower-case hex: 64 digits for 256 bits'
base64\t'Standard base64 with padding (seed 002\'s ENCRYPTION_MASTER_KEY)'
base64url\t'URL-safe base64 without padding (as JWT secrets usually are)'
fernet\t'A Fernet key: URL-safe base64 of exactly 32 bytes, padded, as Python\'s Fernet.generate_key()'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l bytes -d 'Key length in bytes (16-512; Fernet keys are always 32)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l count -d 'Generate N secrets, one per line (not with --env-file)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l env-file -d 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l var -d 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -l force -d 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from master" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l bytes -d 'Secret length in bytes (at least 32, the minimum for HS256; 64 covers HS512)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l encoding -d 'Text encoding of the secret' -r -f -a "hex\t'Lower-case hex'
base64\t'Standard base64 with padding'
base64url\t'URL-safe base64 without padding'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l count -d 'Generate N secrets, one per line (not with --env-file)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l env-file -d 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l var -d 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -l force -d 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from jwt-secret" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l length -d 'Number of characters (at least 12)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l classes -d 'Character classes to draw from; each appears at least once' -r -f -a "lower\t'a-z'
upper\t'A-Z'
digits\t'0-9'
symbols\t'Punctuation that needs no escaping in shells\' single quotes or dotenv files'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l count -d 'Generate N secrets, one per line (not with --env-file)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l env-file -d 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l var -d 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l no-ambiguous -d 'Leave out look-alike characters (0 O o 1 l I | and similar)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -l force -d 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from password" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l bytes -d 'Salt length in bytes (at least 8, the RFC 8018 minimum)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l encoding -d 'Encoding of the salt: text, or the raw bytes a service keeps in a file' -r -f -a "hex\t'Lower-case hex'
base64\t'Standard base64 with padding'
base64url\t'URL-safe base64 without padding'
raw\t'The bytes themselves, no line end (seed 000 keeps 32 in a file): to --out FILE or a pipe, never a terminal or a dotenv file'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l count -d 'Generate N secrets, one per line (not with --env-file)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l env-file -d 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l var -d 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -l force -d 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from salt" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l type -d 'The key type' -r -f -a "ed25519\t'Ed25519 signing key (RFC 8032)'
x25519\t'X25519 key-agreement key (RFC 7748)'
ecdsa-p256\t'ECDSA on P-256'
ecdsa-p384\t'ECDSA on P-384'
rsa-2048\t'RSA 2048'
rsa-3072\t'RSA 3072'
rsa-4096\t'RSA 4096 (seed 004\'s production size)'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l out -d 'The private key file (PKCS#8, written atomically with mode 0600)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l pub-out -d 'The public key file (SPKI) [default: the --out path with .pub appended]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l passphrase-env -d 'Encrypt the private key with the passphrase in this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l passphrase-file -d 'Encrypt the private key with the passphrase in this private file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l kdf -d 'How the passphrase becomes the key-encryption key (PKCS#5 PBES2 with AES-256-CBC) [default: scrypt]' -r -f -a "scrypt\t'scrypt N=2^14, r=8, p=1: the most OpenSSL 3 will read by default (32 MiB)'
pbkdf2\t'PBKDF2-HMAC-SHA256, 600,000 iterations (OWASP)'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l der -d 'Write DER instead of PEM (both files)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l force -d 'Replace existing files'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -l passphrase-prompt -d 'Encrypt the private key with a passphrase asked for (twice) on the terminal'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from keypair" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l bytes -d 'Random bytes (at least 32)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l encoding -d 'Text encoding of the secret (the text\'s bytes are the HMAC key)' -r -f -a "hex\t'Lower-case hex'
base64\t'Standard base64 with padding'
base64url\t'URL-safe base64 without padding'"
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l count -d 'Generate N secrets, one per line (not with --env-file)' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l env-file -d 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l var -d 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY' -r
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -l force -d 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from hmac-secret" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "master" -d 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "jwt-secret" -d 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "password" -d 'A random password from chosen character classes'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "salt" -d 'A random salt for a key-derivation function'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "keypair" -d 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "hmac-secret" -d 'A secret for HMAC request signing (32 random bytes or more, hex by default)'
complete -c keyward -n "__fish_keyward_using_subcommand keygen; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "derive" -d 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "new" -d 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "promote" -d 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "list" -d 'List the keyring\'s keys (never their material)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "show" -d 'Show one key\'s details'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "retire" -d 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "restore" -d 'Bring a retired key back as active (decrypt-only until promoted)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "import" -d 'Add existing key material (a service\'s current key) to the keyring'
complete -c keyward -n "__fish_keyward_using_subcommand key; and not __fish_seen_subcommand_from derive new promote list show retire restore import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l kdf -d 'The key-derivation function' -r -f -a "scrypt\t'scrypt (RFC 7914); default N=2^17, r=8, p=1'
pbkdf2\t'PBKDF2 with HMAC-SHA256; default 600,000 iterations'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l scrypt-n -d 'scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l scrypt-r -d 'scrypt block size r (at most 32)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l scrypt-p -d 'scrypt parallelism p (at most 16)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l iterations -d 'PBKDF2 iteration count (at most 10,000,000)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l passphrase-env -d 'Read the passphrase from this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l passphrase-file -d 'Read the passphrase from this file (one trailing newline is dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l salt-hex -d 'The salt, in hex' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l salt-file -d 'Read the salt from this file, as raw bytes' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l salt-bytes -d 'Length of the salt generated when none is given' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l encoding -d 'Text encoding of the derived key' -r -f -a "hex\t'Lower-case hex: 64 digits for 256 bits'
base64\t'Standard base64 with padding (seed 002\'s ENCRYPTION_MASTER_KEY)'
base64url\t'URL-safe base64 without padding (as JWT secrets usually are)'
fernet\t'A Fernet key: URL-safe base64 of exactly 32 bytes, padded, as Python\'s Fernet.generate_key()'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l env-file -d 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l var -d 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -l force -d 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from derive" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l note -d 'A note kept with the key' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -l primary -d 'Make it the primary key at once (skipping the decrypt-only phase)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from promote" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l db -d 'A database whose values use the keys: a SQLite file or a PostgreSQL URL' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l db-env -d 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l table -d 'The table' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l column -d 'An encrypted column (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l json-field -d 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l plan -d 'A TOML plan naming several tables, columns and JSON fields (as for rotate)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l pk -d 'The key column, or columns comma-separated [default: the primary key, else rowid]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l where -d 'Only rows matching this SQL condition' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l from -d 'A format the values are in besides envelope and fernet (repeatable): fernet-b64, tiger[:iterations=N] (the keyring\'s keys as the format\'s keys)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -l context-from-row -d 'The values are bound to table/column/primary-key (as rotate --context-from-row)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l db -d 'A database whose values use the keys: a SQLite file or a PostgreSQL URL' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l db-env -d 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l table -d 'The table' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l column -d 'An encrypted column (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l json-field -d 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l plan -d 'A TOML plan naming several tables, columns and JSON fields (as for rotate)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l pk -d 'The key column, or columns comma-separated [default: the primary key, else rowid]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l where -d 'Only rows matching this SQL condition' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l from -d 'A format the values are in besides envelope and fernet (repeatable): fernet-b64, tiger[:iterations=N] (the keyring\'s keys as the format\'s keys)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l force -d 'Retire without naming the tables that use the keys, or although rows still use it (asks for confirmation; --yes without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -l context-from-row -d 'The values are bound to table/column/primary-key (as rotate --context-from-row)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from retire" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l key-env -d 'Read the key (hex, base64 or a Fernet key) from this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l key-file -d 'Read the key from this private file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l derive-passphrase-env -d 'Derive the key from the passphrase in this environment variable (as seed 000 does)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l derive-passphrase-file -d 'Derive the key from the passphrase in this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l salt-hex -d 'The derivation salt, hex' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l derive -d 'Derive the key from the text of --key-env/--key-file, as rotate\'s --from-derive does: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l kdf -d 'The key-derivation function' -r -f -a "scrypt\t'scrypt (RFC 7914); default N=2^17, r=8, p=1'
pbkdf2\t'PBKDF2 with HMAC-SHA256; default 600,000 iterations'"
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l scrypt-n -d 'scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l scrypt-r -d 'scrypt block size r (at most 32)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l scrypt-p -d 'scrypt parallelism p (at most 16)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l iterations -d 'PBKDF2 iteration count (at most 10,000,000)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l id -d 'The key id to give it (to match the id in existing envelopes) [default: the next free]' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l note -d 'A note kept with the key' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -l primary -d 'Make it the primary key'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "derive" -d 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "new" -d 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "promote" -d 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the keyring\'s keys (never their material)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one key\'s details'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "retire" -d 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Bring a retired key back as active (decrypt-only until promoted)'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "import" -d 'Add existing key material (a service\'s current key) to the keyring'
complete -c keyward -n "__fish_keyward_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l key-env -d 'Read the key from this environment variable (hex, base64 or a Fernet key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l key-file -d 'Read the key from this file, which must be private (mode 0600)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l in -d 'Read the value from FILE instead of stdin' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l out -d 'Write the result to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l scheme -d 'The format to produce: envelope, fernet, or a service\'s (fernet-b64, tiger[:iterations=N,version=V], spec:PATH; see `keyward format list`)' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l derive -d 'Derive the key from the key\'s text (a service\'s formats): sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l context -d 'Context bound to the envelope as associated data, e.g. users/email/42 (envelope only)' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l key-id -d 'The key id written into the envelope header (envelope only)' -r
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -l force -d 'Replace an existing --out file'
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand encrypt" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l key-env -d 'Read the key from this environment variable (hex, base64 or a Fernet key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l key-file -d 'Read the key from this file, which must be private (mode 0600)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l in -d 'Read the value from FILE instead of stdin' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l out -d 'Write the result to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l scheme -d 'Expect this format instead of detecting envelope or fernet: also a service\'s (fernet-b64, tiger[:iterations=N], spec:PATH; see `keyward format list`)' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l derive -d 'Derive the key from the key\'s text (as `encrypt --derive`)' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l context -d 'The context the envelope was sealed with (envelope only)' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l key-id -d 'Refuse an envelope sealed under another key id' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l ttl -d 'Refuse a Fernet token older than this many seconds, as Fernet.decrypt(token, ttl)' -r
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -l force -d 'Replace an existing --out file'
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand decrypt" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "issue" -d 'Issue a key; it is shown once and only its hash is stored'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "list" -d 'List keys (never the keys or their hashes)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "show" -d 'Show one key\'s details'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "verify" -d 'Check a key: exit 0 when valid, 1 with the reason when not'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "revoke" -d 'Revoke keys now (asks first on a terminal; --yes otherwise)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "rotate" -d 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "export" -d 'Export the active keys\' hashes and scopes for a service to load (never the keys)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and not __fish_seen_subcommand_from issue list show verify revoke rotate export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l name -d 'A name for the key: 1-64 letters, digits, \'_\', \'-\', \'.\'' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l scopes -d 'Comma-separated scopes, e.g. memories:read,memories:write' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l expires -d 'Expiry: a duration (90d, 12h), a date (2027-01-01) or an RFC 3339 time' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l prefix -d 'The key\'s prefix (seed 002 uses tk)' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l note -d 'A note kept with the key' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l env-file -d 'Write the new key into this dotenv file as --var NAME instead of showing it (atomically; every other line kept)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l var -d 'The variable to set in --env-file, e.g. API_KEYS' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l append -d 'Add the key to the comma-separated list in --var (created if absent), keeping the keys already there'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -l force -d 'Replace an existing --var definition (without --append); write through a symlink into another directory, or into a file other users can read (with a warning)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from issue" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l state -d 'Only keys in this state' -r -f -a "active\t'Usable'
expired\t'Past its expiry'
revoked\t'Revoked'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l scope -d 'Only keys granted this scope' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l key-env -d 'Read the key from this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l require-scope -d 'Fail unless the key holds this scope (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l at -d 'Judge expiry, revocation and a rotated key\'s grace period at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now; a success still records the key\'s last use as now' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -l offline -d 'Check format and checksum only, without the store'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l grace -d 'How long the old key keeps working (0s for a leaked key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l expires -d 'Expiry of the new key [default: the old key\'s lifetime, from now]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from rotate" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l as -d 'env: one dotenv variable of comma-separated hashes; json: a document per key' -r -f -a "env\t'A dotenv line'
json\t'A JSON document'"
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l var -d 'The variable name for --as env' -r
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "issue" -d 'Issue a key; it is shown once and only its hash is stored'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "list" -d 'List keys (never the keys or their hashes)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one key\'s details'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a key: exit 0 when valid, 1 with the reason when not'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke keys now (asks first on a terminal; --yes otherwise)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export the active keys\' hashes and scopes for a service to load (never the keys)'
complete -c keyward -n "__fish_keyward_using_subcommand apikey; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -f -a "mint" -d 'Mint a signed token (always with iat, nbf, exp and a random jti)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -f -a "verify" -d 'Verify a token\'s signature and claims: exit 0 valid, 1 invalid'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -f -a "inspect" -d 'Decode a token WITHOUT verifying it, with warnings'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and not __fish_seen_subcommand_from mint verify inspect help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l secret-env -d 'Read the HS secret from this environment variable (its text\'s bytes are the key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l secret-file -d 'Read the HS secret from this file (one trailing newline dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l key-file -d 'A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l secret-encoding -d 'How the HS secret\'s text gives the key: its bytes (text), or decoded from base64, base64url (a JWK\'s `k`) or hex' -r -f -a "text\t'The text\'s UTF-8 bytes (as PyJWT and most services use a secret)'
base64\t'Standard base64, padded or not'
base64url\t'URL-safe base64, padded or not (a JWK\'s `k`)'
hex\t'Hexadecimal'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l alg -d 'Signing algorithm [default: HS256 with a secret; the key\'s own with a PEM]' -r -f -a "HS256\t'HMAC-SHA256 with a shared secret'
HS384\t'HMAC-SHA384'
HS512\t'HMAC-SHA512'
RS256\t'RSASSA-PKCS1-v1_5 with SHA-256'
RS384\t'RSASSA-PKCS1-v1_5 with SHA-384'
RS512\t'RSASSA-PKCS1-v1_5 with SHA-512'
PS256\t'RSASSA-PSS with SHA-256'
ES256\t'ECDSA P-256 with SHA-256'
ES384\t'ECDSA P-384 with SHA-384'
EdDSA\t'Ed25519'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l sub -d 'Subject (sub)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l aud -d 'Audience (aud)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l iss -d 'Issuer (iss)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l scope -d 'Scopes, comma-separated; written as the space-separated `scope` claim (RFC 9068) unless --scopes-claim / --scopes-as say otherwise' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l scopes-claim -d 'The claim the scopes go in (e.g. `scopes` for a service that reads that)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l scopes-as -d 'How the scopes are written: one space-separated string (RFC 8693 section 4.2) or a JSON list' -r -f -a "string\t'One string, the scopes separated by spaces: "a b"'
list\t'A JSON list of strings: ["a", "b"]'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l ttl -d 'Lifetime: 30s, 15m, 1h, 7d' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l claim -d 'An extra claim, k=v; v is JSON when it parses as JSON, else a string (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l kid -d 'The key id (kid) header' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -l allow-weak -d 'Allow an HS secret shorter than the hash (RFC 7518 section 3.2 forbids it) or a known placeholder (as `config check` lists them)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from mint" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l secret-env -d 'Read the HS secret from this environment variable (its text\'s bytes are the key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l secret-file -d 'Read the HS secret from this file (one trailing newline dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l key-file -d 'A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l secret-encoding -d 'How the HS secret\'s text gives the key: its bytes (text), or decoded from base64, base64url (a JWK\'s `k`) or hex' -r -f -a "text\t'The text\'s UTF-8 bytes (as PyJWT and most services use a secret)'
base64\t'Standard base64, padded or not'
base64url\t'URL-safe base64, padded or not (a JWK\'s `k`)'
hex\t'Hexadecimal'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l jwks -d 'A JWKS file; the key is chosen by the token\'s kid' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l alg -d 'Accepted algorithms (repeatable) [default: those the key fits]' -r -f -a "HS256\t'HMAC-SHA256 with a shared secret'
HS384\t'HMAC-SHA384'
HS512\t'HMAC-SHA512'
RS256\t'RSASSA-PKCS1-v1_5 with SHA-256'
RS384\t'RSASSA-PKCS1-v1_5 with SHA-384'
RS512\t'RSASSA-PKCS1-v1_5 with SHA-512'
PS256\t'RSASSA-PSS with SHA-256'
ES256\t'ECDSA P-256 with SHA-256'
ES384\t'ECDSA P-384 with SHA-384'
EdDSA\t'Ed25519'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l aud -d 'Required audience: the token must have an aud claim that names it' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l iss -d 'Required issuer: the token must have an iss claim equal to it' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l leeway -d 'Clock skew allowed for exp and nbf' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l at -d 'Judge exp and nbf at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -l allow-no-exp -d 'Accept a token without exp'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from help" -f -a "mint" -d 'Mint a signed token (always with iat, nbf, exp and a random jti)'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a token\'s signature and claims: exit 0 valid, 1 invalid'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Decode a token WITHOUT verifying it, with warnings'
complete -c keyward -n "__fish_keyward_using_subcommand jwt; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "verify" -d 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "query" -d 'Find entries: filters, counts and groupings over keyward\'s log or a service\'s'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "tail" -d 'Show the newest entries, and with --follow those that arrive'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "export" -d 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "checkpoint" -d 'Print an anchor (last id, hash, count, time) for `verify --anchor`'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "prune" -d 'Delete entries older than a cutoff, leaving a chained record of it (keyward\'s log, or a service\'s PostgreSQL table with --source)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and not __fish_seen_subcommand_from verify query tail export checkpoint prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l anchor -d 'Prove the log still reaches an anchor: a file written by `audit checkpoint --append-to`, or ID:HASH (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l since -d 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l until -d 'Before (same forms as --since)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l actor -d 'Who acted (globs: \'svc-*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l action -d 'What was done (globs: \'apikey.*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l resource -d 'On what: TYPE or TYPE:ID (api_key:12)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l outcome -d 'success, failure or denied (comma-separated for several)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l risk -d 'This risk or above: low, medium, high, critical' -r -f -a "low\t'Everything'
medium\t'Medium and above'
high\t'High and critical'
critical\t'Critical only'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l host -d 'Where (globs: \'web-*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l grep -d 'Text inside the details (ASCII case-insensitive)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l where -d 'A condition on a field or a details path: \'details.tier = "short_term"\', \'details.score >= 75\', \'actor ~ "svc-*"\' (repeatable; all must hold)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l source -d 'The log: keyward\'s store (default), sqlite:PATH (a service\'s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service\'s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l source-env -d 'Read --source from this environment variable: keeps a PostgreSQL password off the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l table -d 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l map -d 'Read a source\'s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l tz -d 'The zone of a sqlite:, jsonl: or PostgreSQL source\'s times written without one (Python\'s datetime.now().isoformat(), \'2026-11-20 10:00:00\', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system\'s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l limit -d 'Show at most N entries (1 or more), or all [default: 50 in a table, all otherwise]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l order -d 'Newest (desc, the default) or oldest (asc) first' -r -f -a "asc\t'Oldest first'
desc\t'Newest first'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l group-by -d 'Count matching entries per actor, action, risk, outcome, host, resource, day or hour' -r -f -a "actor\t'Who acted'
action\t'What was done'
risk\t'Risk level'
outcome\t'Outcome'
host\t'Host'
resource\t'Resource type'
day\t'UTC day'
hour\t'UTC hour'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l count -d 'Print how many entries match, not the entries'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l utc -d 'Show times in UTC (default: local time) in tables'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l fail-if-empty -d 'Exit 1 when nothing matches (otherwise no match is exit 0)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l since -d 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l until -d 'Before (same forms as --since)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l actor -d 'Who acted (globs: \'svc-*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l action -d 'What was done (globs: \'apikey.*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l resource -d 'On what: TYPE or TYPE:ID (api_key:12)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l outcome -d 'success, failure or denied (comma-separated for several)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l risk -d 'This risk or above: low, medium, high, critical' -r -f -a "low\t'Everything'
medium\t'Medium and above'
high\t'High and critical'
critical\t'Critical only'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l host -d 'Where (globs: \'web-*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l grep -d 'Text inside the details (ASCII case-insensitive)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l where -d 'A condition on a field or a details path: \'details.tier = "short_term"\', \'details.score >= 75\', \'actor ~ "svc-*"\' (repeatable; all must hold)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l source -d 'The log: keyward\'s store (default), sqlite:PATH (a service\'s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service\'s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l source-env -d 'Read --source from this environment variable: keeps a PostgreSQL password off the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l table -d 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l map -d 'Read a source\'s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l tz -d 'The zone of a sqlite:, jsonl: or PostgreSQL source\'s times written without one (Python\'s datetime.now().isoformat(), \'2026-11-20 10:00:00\', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system\'s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -s n -l lines -d 'How many of the newest entries to show first' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l interval -d 'How often --follow looks for new entries' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -s f -l follow -d 'Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l utc -d 'Show times in UTC (default: local time)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l since -d 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l until -d 'Before (same forms as --since)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l actor -d 'Who acted (globs: \'svc-*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l action -d 'What was done (globs: \'apikey.*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l resource -d 'On what: TYPE or TYPE:ID (api_key:12)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l outcome -d 'success, failure or denied (comma-separated for several)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l risk -d 'This risk or above: low, medium, high, critical' -r -f -a "low\t'Everything'
medium\t'Medium and above'
high\t'High and critical'
critical\t'Critical only'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l host -d 'Where (globs: \'web-*\')' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l grep -d 'Text inside the details (ASCII case-insensitive)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l where -d 'A condition on a field or a details path: \'details.tier = "short_term"\', \'details.score >= 75\', \'actor ~ "svc-*"\' (repeatable; all must hold)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l source -d 'The log: keyward\'s store (default), sqlite:PATH (a service\'s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service\'s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l source-env -d 'Read --source from this environment variable: keeps a PostgreSQL password off the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l table -d 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l map -d 'Read a source\'s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l tz -d 'The zone of a sqlite:, jsonl: or PostgreSQL source\'s times written without one (Python\'s datetime.now().isoformat(), \'2026-11-20 10:00:00\', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system\'s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l order -d 'Oldest (asc, the default) or newest (desc) first' -r -f -a "asc\t'Oldest first'
desc\t'Newest first'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l limit -d 'At most N entries (1 or more) [default: all]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l append-to -d 'Also append the anchor line to FILE (kept elsewhere: another host, a WORM bucket)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l source -d 'The log: keyward\'s store (default), sqlite:PATH (a service\'s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service\'s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l source-env -d 'Read --source from this environment variable: keeps a PostgreSQL password off the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l table -d 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l map -d 'Read a source\'s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l tz -d 'The zone of a sqlite:, jsonl: or PostgreSQL source\'s times written without one (Python\'s datetime.now().isoformat(), \'2026-11-20 10:00:00\', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system\'s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete entries older than this: 365d, 52w, or a date/time' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l dry-run -d 'Say what would be deleted; change nothing'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l force -d 'Prune keyward\'s log even when the chain does not verify (the broken rows may be deleted with it)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "query" -d 'Find entries: filters, counts and groupings over keyward\'s log or a service\'s'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Show the newest entries, and with --follow those that arrive'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "export" -d 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "checkpoint" -d 'Print an anchor (last id, hash, count, time) for `verify --anchor`'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete entries older than a cutoff, leaving a chained record of it (keyward\'s log, or a service\'s PostgreSQL table with --source)'
complete -c keyward -n "__fish_keyward_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -f -a "create" -d 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -f -a "ca" -d 'A development certificate authority'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -f -a "inspect" -d 'Show what certificates say: names, key, validity, fingerprints, usages'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -f -a "check" -d 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and not __fish_seen_subcommand_from create ca inspect check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l cn -d 'Subject common name [default: the first --san]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l san -d 'A subject alternative name: DNS name, wildcard (*.example.test), IPv4 or IPv6 (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l days -d 'Days of validity (warns above 398, the browsers\' limit, and 825, Apple\'s)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l not-before -d 'Start of validity: an RFC 3339 time or a date [default: now]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l not-after -d 'End of validity: an RFC 3339 time or a date (a past one makes a deliberately expired certificate)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l key-type -d 'Key type of a new key [default: ecdsa-p256]; with --key-in, the type that key must be' -r -f -a "ecdsa-p256\t'ECDSA on P-256 (fast, small, universally supported)'
ecdsa-p384\t'ECDSA on P-384'
ed25519\t'Ed25519 (not accepted by every TLS client yet)'
rsa-2048\t'RSA 2048'
rsa-3072\t'RSA 3072'
rsa-4096\t'RSA 4096 (seed 004\'s production size)'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l key-in -d 'Reuse this private key (renewal) instead of generating one' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l ca -d 'Sign with this CA certificate instead of self-signing' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l ca-key -d 'The CA\'s private key' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l chain-out -d 'Also write the chain (leaf then CA) to this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l out -d 'The certificate file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l key-out -d 'The private key file (written 0600)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l server -d 'Server authentication usage (the default when neither is given)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l client -d 'Client authentication usage'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l der -d 'Write DER instead of PEM (certificate; key as PKCS#8 DER)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -l force -d 'Replace existing files'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -f -a "create" -d 'Create a dev CA certificate and key, as mkcert does'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from ca" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l glob -d 'File name patterns in directories (repeatable) [default: *.pem *.crt *.cer *.cert *.der]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l connect -d 'A live endpoint: host:port, [v6]:port, postgres://host:port (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l sni -d 'Server name to send (SNI) and to verify against [default: the host]' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l starttls -d 'Negotiate TLS inside this protocol first' -r -f -a "postgres\t'PostgreSQL\'s SSLRequest before the handshake'"
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l ca-file -d 'Trust anchors for --verify instead of the system roots' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l warn -d 'Warn at this much time left (30d) or share of lifetime used (66%)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l critical -d 'Critical at this much time left (7d) or share of lifetime used (90%)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l at -d 'Evaluate at this moment (RFC 3339 or a date) instead of now' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l expect-name -d 'The leaf must cover this name, wildcards included (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l timeout -d 'Time limit for each --connect endpoint as a whole: name lookup, TCP connect, STARTTLS and TLS handshake' -r
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l verify -d 'Also verify served chains against the system roots or --ca-file'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l leaf-only -d 'Check only the first certificate of each file or chain'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l nagios -d 'Nagios plugin output: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -l summary -d 'Add counts per status'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "ca" -d 'A development certificate authority'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show what certificates say: names, key, validity, fingerprints, usages'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints'
complete -c keyward -n "__fish_keyward_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -f -a "run" -d 'Cooperating workers on PostgreSQL'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -f -a "status" -d 'Count values per key version and format, plaintext and undecryptable'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -f -a "verify" -d 'Decrypt every value; exit 1 naming the first rows that fail'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and not __fish_seen_subcommand_from run status verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l db -d 'The service\'s database: a SQLite file, or a PostgreSQL URL or libpq connection string' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l db-env -d 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l table -d 'The table' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l column -d 'An encrypted column (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l json-field -d 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l plan -d 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l pk -d 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l where -d 'Only rows matching this SQL condition' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l from-key-env -d 'An old key, from this environment variable (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l from-key-file -d 'An old key, from this private file (repeatable)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l to-key-env -d 'The new key, from this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l to-key-file -d 'The new key, from this private file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l to-key-id -d 'The id the new key\'s envelopes carry' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l from-derive -d 'Derive the old keys from their text: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l to-derive -d 'Derive the new key from its text (as --from-derive)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l to -d 'The format to write: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l from -d 'A format the values are in (repeatable) [default: detect envelope and fernet]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l batch -d 'Rows per transaction' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l on-error -d 'What to do with a value that cannot be decrypted' -r -f -a "abort\t'Stop (committed batches stay committed and readable)'
skip\t'Leave it, list its key, and go on'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l throttle -d 'At most this many rows per second, to spare a live service (per worker with --workers)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l threads -d 'Crypto threads (per worker) for formats with a per-value key derivation or RSA [default: every core]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l workers -d 'PostgreSQL: run N cooperating workers here; they share the table, through leases in schema keyward, with every `rotate run --workers` started against it with the same flags, on any host' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l worker-id -d 'This process\'s worker name in leases, reports and the audit log [default: HOST:PID]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l lease -d 'Seconds a worker\'s claim on a range holds unless renewed; a dead worker\'s range is taken over after it' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l range-rows -d 'Rows per range claimed [default: 8 batches, or 1/256 of the table when larger]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l update-env -d 'The service\'s dotenv file: mint the new key, rotate every value to it, verify them, then write it to --var (the old key is read from there)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l var -d 'The variable of --update-env that holds the service\'s key or passphrase' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l var-salt -d 'The variable of --update-env that holds the derivation\'s salt, in hex: a new salt is minted with the key (salt=env in --from-derive/--to-derive)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l context-from-row -d 'Bind envelopes to table/column/primary-key as associated data'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l allow-unrecognized -d 'Exit 0 even when values that look encrypted are in no format given (they are left untouched either way)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l dry-run -d 'Count what would change; write nothing'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l keep-progress -d 'Keep the rotation\'s ranges in keyward.rotation_range after it finished (for `rotate status`)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -l encrypt-plaintext -d 'Encrypt plaintext values as well'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l db -d 'The service\'s database: a SQLite file, or a PostgreSQL URL or libpq connection string' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l db-env -d 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l table -d 'The table' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l column -d 'An encrypted column (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l json-field -d 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l plan -d 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l pk -d 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l where -d 'Only rows matching this SQL condition' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l key-env -d 'A key to decrypt with, from this environment variable (repeatable) [default: the keyring]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l key-file -d 'A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l from -d 'A format the values are in (repeatable) [default: detect envelope and fernet]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l derive -d 'Derive the keys from their text (as `rotate run --from-derive`)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -l context-from-row -d 'Bind envelopes to table/column/primary-key as associated data'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l db -d 'The service\'s database: a SQLite file, or a PostgreSQL URL or libpq connection string' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l db-env -d 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l table -d 'The table' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l column -d 'An encrypted column (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l json-field -d 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l plan -d 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l pk -d 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l where -d 'Only rows matching this SQL condition' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l keyring -d 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l passphrase-env -d 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l passphrase-file -d 'Read the keyring passphrase from this file' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l key-env -d 'A key to decrypt with, from this environment variable (repeatable) [default: the keyring]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l key-file -d 'A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l from -d 'A format the values are in (repeatable) [default: detect envelope and fernet]' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l derive -d 'Derive the keys from their text (as `rotate run --from-derive`)' -r
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -l context-from-row -d 'Bind envelopes to table/column/primary-key as associated data'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from help" -f -a "run" -d 'Re-encrypt every value under the target key: batched, resumable, crash-safe'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from help" -f -a "status" -d 'Count values per key version and format, plaintext and undecryptable'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Decrypt every value; exit 1 naming the first rows that fail'
complete -c keyward -n "__fish_keyward_using_subcommand rotate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -f -a "password" -d 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -f -a "verify" -d 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and not __fish_seen_subcommand_from password verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l algo -d 'The algorithm' -r -f -a "argon2id\t'argon2id (RFC 9106): m=64 MiB, t=3, p=4 (RFC 9106 low-memory) by default; --preset owasp for m=19 MiB, t=2, p=1'
bcrypt\t'bcrypt ($2b$), cost 12 by default; passwords of at most 72 bytes'
scrypt\t'scrypt in its PHC form ($scrypt$ln=17,r=8,p=1$...)'
pbkdf2-sha256\t'PBKDF2-HMAC-SHA256 in its PHC form ($pbkdf2-sha256$i=600000,l=32$...)'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l preset -d 'argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106\'s low-memory choice and argon2-cffi\'s default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP\'s minimum) [default: rfc9106-low-memory]' -r -f -a "rfc9106-low-memory\t'RFC 9106\'s low-memory choice, argon2id m=64 MiB, t=3, p=4: argon2-cffi\'s default (keyward\'s default)'
owasp\t'OWASP\'s minimum, argon2id m=19 MiB, t=2, p=1: less memory per login, but argon2-cffi\'s check_needs_rehash flags it'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l memory -d 'argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l iterations -d 'argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l parallelism -d 'argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l cost -d 'bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l block-size -d 'scrypt block size r [default: 8; at most 32]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l password-env -d 'Read the password from this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l password-file -d 'Read the password from this private file (one trailing newline dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -l password-stdin -d 'Read the password from stdin (one trailing newline dropped)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from password" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l password-env -d 'Read the password from this environment variable' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l password-file -d 'Read the password from this private file (one trailing newline dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l algo -d 'With --needs-rehash: the current algorithm; a hash of another one needs rehashing [default: the hash\'s own]' -r -f -a "argon2id\t'argon2id (RFC 9106): m=64 MiB, t=3, p=4 (RFC 9106 low-memory) by default; --preset owasp for m=19 MiB, t=2, p=1'
bcrypt\t'bcrypt ($2b$), cost 12 by default; passwords of at most 72 bytes'
scrypt\t'scrypt in its PHC form ($scrypt$ln=17,r=8,p=1$...)'
pbkdf2-sha256\t'PBKDF2-HMAC-SHA256 in its PHC form ($pbkdf2-sha256$i=600000,l=32$...)'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l preset -d 'argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106\'s low-memory choice and argon2-cffi\'s default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP\'s minimum) [default: rfc9106-low-memory]' -r -f -a "rfc9106-low-memory\t'RFC 9106\'s low-memory choice, argon2id m=64 MiB, t=3, p=4: argon2-cffi\'s default (keyward\'s default)'
owasp\t'OWASP\'s minimum, argon2id m=19 MiB, t=2, p=1: less memory per login, but argon2-cffi\'s check_needs_rehash flags it'"
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l memory -d 'argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l iterations -d 'argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l parallelism -d 'argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l cost -d 'bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l block-size -d 'scrypt block size r [default: 8; at most 32]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l password-stdin -d 'Read the password from stdin (one trailing newline dropped)'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -l needs-rehash -d 'Also exit 1 when the hash\'s parameters are below the current ones (the check services run at login): the --preset\'s, adjusted by the parameter flags'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from help" -f -a "password" -d 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch'
complete -c keyward -n "__fish_keyward_using_subcommand hash; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -f -a "sign" -d 'Sign a request body (stdin or --in): print the HMAC'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -f -a "verify" -d 'Check a request body\'s signature in constant time: exit 0 valid, 1 invalid'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and not __fish_seen_subcommand_from sign verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l secret-env -d 'Read the secret from this environment variable (its text\'s bytes are the key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l secret-file -d 'Read the secret from this private file (one trailing newline dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l in -d 'Read the body from FILE instead of stdin' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l algo -d 'The hash under the HMAC' -r -f -a "sha256\t'HMAC-SHA256 (32-byte signatures)'
sha512\t'HMAC-SHA512 (64-byte signatures)'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l encoding -d 'Signature encoding' -r -f -a "hex\t'Lower-case hex (verify accepts either case and a sha256= prefix)'
base64\t'Standard base64 with padding (verify also accepts URL-safe and unpadded)'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l secret-env -d 'Read the secret from this environment variable (its text\'s bytes are the key)' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l secret-file -d 'Read the secret from this private file (one trailing newline dropped)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l in -d 'Read the body from FILE instead of stdin' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l algo -d 'The hash under the HMAC' -r -f -a "sha256\t'HMAC-SHA256 (32-byte signatures)'
sha512\t'HMAC-SHA512 (64-byte signatures)'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l encoding -d 'Signature encoding' -r -f -a "hex\t'Lower-case hex (verify accepts either case and a sha256= prefix)'
base64\t'Standard base64 with padding (verify also accepts URL-safe and unpadded)'"
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l signature -d 'The signature to check (hex or base64, per --encoding; a url-safe base64 signature may start with `-`)' -r
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a request body (stdin or --in): print the HMAC'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a request body\'s signature in constant time: exit 0 valid, 1 invalid'
complete -c keyward -n "__fish_keyward_using_subcommand hmac; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -f -a "list" -d 'Print the built-in value formats with their exact layouts'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -f -a "test" -d 'Check that values (one per line, stdin or --in) parse and decrypt in a format'
complete -c keyward -n "__fish_keyward_using_subcommand format; and not __fish_seen_subcommand_from list test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l from -d 'The format: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l key-env -d 'Read the key from this environment variable (its text: a key, a passphrase with --derive, a spec\'s secret)' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l key-file -d 'Read the key from this private file (an RSA private key in PEM for RSA-wrapped specs)' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l derive -d 'Derive the key from the secret\'s text: none, sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table)' -r
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l in -d 'Read the values from FILE instead of stdin, one per line' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -l show -d 'Print each value\'s plaintext (it is never printed otherwise)'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from help" -f -a "list" -d 'Print the built-in value formats with their exact layouts'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from help" -f -a "test" -d 'Check that values (one per line, stdin or --in) parse and decrypt in a format'
complete -c keyward -n "__fish_keyward_using_subcommand format; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -f -a "validate" -d 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -f -a "rules" -d 'List the rules config validate checks; with ids, each in full (why and fix)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -f -a "template" -d 'Write a .env with fresh secrets and secure defaults that config validate passes'
complete -c keyward -n "__fish_keyward_using_subcommand config; and not __fish_seen_subcommand_from validate rules template help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l type -d 'Parse every input as this type instead of going by its name' -r -f -a "dotenv\t'`.env` files: `KEY=value`, `export`, quotes, comments'
yaml\t'YAML (Compose files and Kubernetes manifests included)'
toml\t'TOML'
json\t'JSON'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l glob -d 'In directories, read only files whose name matches PATTERN (repeatable) [default: known config names]' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l profile -d 'Which rules apply [default: the config\'s own ENVIRONMENT, else production]' -r -f -a "production\t'Strict: every rule runs'
development\t'Rules marked production-only are skipped'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l fail-on -d 'Exit 1 when a finding is at least this severe' -r -f -a "info\t'Worth knowing'
warning\t'Weakens the service'
error\t'Breaks its security'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l policy -d 'A TOML policy that disables or re-grades rules and adds key aliases' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -l env -d 'Also read the process environment, after the files (what a container receives)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from rules" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l profile -d 'The deployment the defaults are for' -r -f -a "production\t'Strict: every rule runs'
development\t'Rules marked production-only are skipped'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l service -d 'Whose setting names to use' -r -f -a "generic\t'Common names (JWT_SECRET, ENCRYPTION_MASTER_KEY, DATABASE_URL, ...)'
memoric\t'The AI memory server of seed 001 (MEMORIC_*, a Fernet key)'
tiger\t'The MCP server of seed 002 (a base64 master key, PBKDF2)'
mem0\t'The mem0 integration of seed 003 (MEM0AI_*)'"
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l out -d 'Write to FILE (atomically, mode 0600) instead of stdout' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -l force -d 'Replace an existing --out file'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from template" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "rules" -d 'List the rules config validate checks; with ids, each in full (why and fix)'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "template" -d 'Write a .env with fresh secrets and secure defaults that config validate passes'
complete -c keyward -n "__fish_keyward_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand completions" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand completions" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand completions" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand completions" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand completions" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand completions" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand completions" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -l format -d 'Output format: text for people, json for scripts' -r -f -a "text\t'Human-readable text; a bare value (key, token) alone on one line'
json\t'One JSON document on stdout'
ndjson\t'One JSON object per line, for lists of records'
csv\t'Comma-separated values, for lists of records'
sarif\t'SARIF 2.1.0, for `config validate`'"
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -l color -d 'When to use colour (auto: only on a terminal and without NO_COLOR)' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -l store -d 'keyward\'s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]' -r -F
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -l busy-timeout -d 'How long to wait for the store\'s lock held by another process, in milliseconds [default: 5000]' -r
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -l actor -d 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`' -r
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -s q -l quiet -d 'Print nothing on stderr but warnings and errors'
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -l yes -d 'Answer yes to confirmations (needed for destructive actions without a terminal)'
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c keyward -n "__fish_keyward_using_subcommand manpages" -s V -l version -d 'Print version'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "keygen" -d 'Generate fresh secrets in the formats services expect'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "key" -d 'The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "encrypt" -d 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "decrypt" -d 'Decrypt one keyward envelope or Fernet token (the format is detected)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "apikey" -d 'Issue, list, verify, revoke, rotate and export API keys (stored as hashes)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "jwt" -d 'Mint, verify and inspect JSON Web Tokens'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "audit" -d 'Query, follow, export, verify and prune the tamper-evident audit log (and the services\' own logs)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "cert" -d 'Create self-signed certificates and a dev CA, inspect certificates, check expiry'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "rotate" -d 'Re-encrypt a database\'s encrypted columns under a new key'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "hash" -d 'Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "hmac" -d 'Sign and verify request bodies with HMAC, as webhook senders do'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "format" -d 'The value formats keyward reads and writes: list them, test values against one'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "config" -d 'Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "completions" -d 'Print a shell completion script (used to regenerate completions/)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "manpages" -d 'Write one man page per command into DIR (used to regenerate man/)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and not __fish_seen_subcommand_from keygen key encrypt decrypt apikey jwt audit cert rotate hash hmac format config completions manpages help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from keygen" -f -a "master" -d 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from keygen" -f -a "jwt-secret" -d 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from keygen" -f -a "password" -d 'A random password from chosen character classes'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from keygen" -f -a "salt" -d 'A random salt for a key-derivation function'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from keygen" -f -a "keypair" -d 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from keygen" -f -a "hmac-secret" -d 'A secret for HMAC request signing (32 random bytes or more, hex by default)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "derive" -d 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "new" -d 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "promote" -d 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List the keyring\'s keys (never their material)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "show" -d 'Show one key\'s details'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "retire" -d 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "restore" -d 'Bring a retired key back as active (decrypt-only until promoted)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "import" -d 'Add existing key material (a service\'s current key) to the keyring'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "issue" -d 'Issue a key; it is shown once and only its hash is stored'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "list" -d 'List keys (never the keys or their hashes)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "show" -d 'Show one key\'s details'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "verify" -d 'Check a key: exit 0 when valid, 1 with the reason when not'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "revoke" -d 'Revoke keys now (asks first on a terminal; --yes otherwise)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "rotate" -d 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from apikey" -f -a "export" -d 'Export the active keys\' hashes and scopes for a service to load (never the keys)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from jwt" -f -a "mint" -d 'Mint a signed token (always with iat, nbf, exp and a random jti)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from jwt" -f -a "verify" -d 'Verify a token\'s signature and claims: exit 0 valid, 1 invalid'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from jwt" -f -a "inspect" -d 'Decode a token WITHOUT verifying it, with warnings'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "query" -d 'Find entries: filters, counts and groupings over keyward\'s log or a service\'s'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "tail" -d 'Show the newest entries, and with --follow those that arrive'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "export" -d 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "checkpoint" -d 'Print an anchor (last id, hash, count, time) for `verify --anchor`'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "prune" -d 'Delete entries older than a cutoff, leaving a chained record of it (keyward\'s log, or a service\'s PostgreSQL table with --source)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "create" -d 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "ca" -d 'A development certificate authority'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "inspect" -d 'Show what certificates say: names, key, validity, fingerprints, usages'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "check" -d 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from rotate" -f -a "run" -d 'Re-encrypt every value under the target key: batched, resumable, crash-safe'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from rotate" -f -a "status" -d 'Count values per key version and format, plaintext and undecryptable'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from rotate" -f -a "verify" -d 'Decrypt every value; exit 1 naming the first rows that fail'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from hash" -f -a "password" -d 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from hash" -f -a "verify" -d 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from hmac" -f -a "sign" -d 'Sign a request body (stdin or --in): print the HMAC'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from hmac" -f -a "verify" -d 'Check a request body\'s signature in constant time: exit 0 valid, 1 invalid'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from format" -f -a "list" -d 'Print the built-in value formats with their exact layouts'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from format" -f -a "test" -d 'Check that values (one per line, stdin or --in) parse and decrypt in a format'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "validate" -d 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "rules" -d 'List the rules config validate checks; with ids, each in full (why and fix)'
complete -c keyward -n "__fish_keyward_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "template" -d 'Write a .env with fresh secrets and secure defaults that config validate passes'
