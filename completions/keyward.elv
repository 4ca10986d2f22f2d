
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
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keygen 'Generate fresh secrets in the formats services expect'
            cand key 'Derive keys from passphrases'
            cand encrypt 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token'
            cand decrypt 'Decrypt one keyward envelope or Fernet token (the format is detected)'
            cand completions 'Print a shell completion script (used to regenerate completions/)'
            cand manpages 'Write one man page per command into DIR (used to regenerate man/)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;keygen'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;keygen;master'= {
            cand --encoding 'Text encoding of the key'
            cand --bytes 'Key length in bytes (16-512; Fernet keys are always 32)'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --force 'Replace an existing --out file or --var definition'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;jwt-secret'= {
            cand --bytes 'Secret length in bytes (at least 32, the minimum for HS256; 64 covers HS512)'
            cand --encoding 'Text encoding of the secret'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --force 'Replace an existing --out file or --var definition'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;password'= {
            cand --length 'Number of characters (at least 12)'
            cand --classes 'Character classes to draw from; each appears at least once'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --no-ambiguous 'Leave out look-alike characters (0 O o 1 l I | and similar)'
            cand --force 'Replace an existing --out file or --var definition'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;keygen;salt'= {
            cand --bytes 'Salt length in bytes (at least 8, the RFC 8018 minimum)'
            cand --encoding 'Text encoding of the salt'
            cand --count 'Generate N secrets, one per line (not with --env-file)'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --force 'Replace an existing --out file or --var definition'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
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
        &'keyward;keygen;help;help'= {
        }
        &'keyward;key'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand derive 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;key;derive'= {
            cand --kdf 'The key-derivation function'
            cand --scrypt-n 'scrypt cost N, a power of two (131072 or 2^17)'
            cand --scrypt-r 'scrypt block size r'
            cand --scrypt-p 'scrypt parallelism p'
            cand --iterations 'PBKDF2 iteration count'
            cand --passphrase-env 'Read the passphrase from this environment variable'
            cand --passphrase-file 'Read the passphrase from this file (one trailing newline is dropped)'
            cand --salt-hex 'The salt, in hex'
            cand --salt-file 'Read the salt from this file, as raw bytes'
            cand --salt-bytes 'Length of the salt generated when none is given'
            cand --encoding 'Text encoding of the derived key'
            cand --out 'Write to FILE (atomically, mode 0600) instead of stdout'
            cand --env-file 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)'
            cand --var 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --force 'Replace an existing --out file or --var definition'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;key;help'= {
            cand derive 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;key;help;derive'= {
        }
        &'keyward;key;help;help'= {
        }
        &'keyward;encrypt'= {
            cand --key-env 'Read the key from this environment variable (hex, base64 or a Fernet key)'
            cand --key-file 'Read the key from this file, which must be private (mode 0600)'
            cand --in 'Read the value from FILE instead of stdin'
            cand --out 'Write the result to FILE (atomically, mode 0600) instead of stdout'
            cand --scheme 'The format to produce'
            cand --context 'Context bound to the envelope as associated data, e.g. users/email/42 (envelope only)'
            cand --key-id 'The key id written into the envelope header (envelope only)'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --force 'Replace an existing --out file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;decrypt'= {
            cand --key-env 'Read the key from this environment variable (hex, base64 or a Fernet key)'
            cand --key-file 'Read the key from this file, which must be private (mode 0600)'
            cand --in 'Read the value from FILE instead of stdin'
            cand --out 'Write the result to FILE (atomically, mode 0600) instead of stdout'
            cand --scheme 'Expect this format instead of detecting it'
            cand --context 'The context the envelope was sealed with (envelope only)'
            cand --key-id 'Refuse an envelope sealed under another key id'
            cand --ttl 'Refuse a Fernet token older than this many seconds, as Fernet.decrypt(token, ttl)'
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
            cand --force 'Replace an existing --out file'
            cand -q 'Print nothing on stderr but warnings and errors'
            cand --quiet 'Print nothing on stderr but warnings and errors'
            cand --yes 'Answer yes to confirmations (needed for destructive actions without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'keyward;completions'= {
            cand --format 'Output format: text for people, json for scripts'
            cand --color 'When to use colour (auto: only on a terminal and without NO_COLOR)'
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
            cand key 'Derive keys from passphrases'
            cand encrypt 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token'
            cand decrypt 'Decrypt one keyward envelope or Fernet token (the format is detected)'
            cand completions 'Print a shell completion script (used to regenerate completions/)'
            cand manpages 'Write one man page per command into DIR (used to regenerate man/)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'keyward;help;keygen'= {
            cand master 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)'
            cand jwt-secret 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)'
            cand password 'A random password from chosen character classes'
            cand salt 'A random salt for a key-derivation function'
        }
        &'keyward;help;keygen;master'= {
        }
        &'keyward;help;keygen;jwt-secret'= {
        }
        &'keyward;help;keygen;password'= {
        }
        &'keyward;help;keygen;salt'= {
        }
        &'keyward;help;key'= {
            cand derive 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256'
        }
        &'keyward;help;key;derive'= {
        }
        &'keyward;help;encrypt'= {
        }
        &'keyward;help;decrypt'= {
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
