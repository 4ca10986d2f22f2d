
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'keyward' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'keyward'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'keyward' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate fresh secrets in the formats services expect')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt one keyward envelope or Fernet token (the format is detected)')
            [CompletionResult]::new('apikey', 'apikey', [CompletionResultType]::ParameterValue, 'Issue, list, verify, revoke, rotate and export API keys (stored as hashes)')
            [CompletionResult]::new('jwt', 'jwt', [CompletionResultType]::ParameterValue, 'Mint, verify and inspect JSON Web Tokens')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Query, follow, export, verify and prune the tamper-evident audit log (and the services'' own logs)')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'Create self-signed certificates and a dev CA, inspect certificates, check expiry')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Re-encrypt a database''s encrypted columns under a new key')
            [CompletionResult]::new('hash', 'hash', [CompletionResultType]::ParameterValue, 'Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes')
            [CompletionResult]::new('hmac', 'hmac', [CompletionResultType]::ParameterValue, 'Sign and verify request bodies with HMAC, as webhook senders do')
            [CompletionResult]::new('format', 'format', [CompletionResultType]::ParameterValue, 'The value formats keyward reads and writes: list them, test values against one')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (used to regenerate completions/)')
            [CompletionResult]::new('manpages', 'manpages', [CompletionResultType]::ParameterValue, 'Write one man page per command into DIR (used to regenerate man/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;keygen' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('master', 'master', [CompletionResultType]::ParameterValue, 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)')
            [CompletionResult]::new('jwt-secret', 'jwt-secret', [CompletionResultType]::ParameterValue, 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'A random password from chosen character classes')
            [CompletionResult]::new('salt', 'salt', [CompletionResultType]::ParameterValue, 'A random salt for a key-derivation function')
            [CompletionResult]::new('keypair', 'keypair', [CompletionResultType]::ParameterValue, 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA')
            [CompletionResult]::new('hmac-secret', 'hmac-secret', [CompletionResultType]::ParameterValue, 'A secret for HMAC request signing (32 random bytes or more, hex by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;keygen;master' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the key')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Key length in bytes (16-512; Fernet keys are always 32)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;jwt-secret' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Secret length in bytes (at least 32, the minimum for HS256; 64 covers HS512)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the secret')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;password' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--length', '--length', [CompletionResultType]::ParameterName, 'Number of characters (at least 12)')
            [CompletionResult]::new('--classes', '--classes', [CompletionResultType]::ParameterName, 'Character classes to draw from; each appears at least once')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--no-ambiguous', '--no-ambiguous', [CompletionResultType]::ParameterName, 'Leave out look-alike characters (0 O o 1 l I | and similar)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;salt' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Salt length in bytes (at least 8, the RFC 8018 minimum)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Encoding of the salt: text, or the raw bytes a service keeps in a file')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;keypair' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The key type')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The private key file (PKCS#8, written atomically with mode 0600)')
            [CompletionResult]::new('--pub-out', '--pub-out', [CompletionResultType]::ParameterName, 'The public key file (SPKI) [default: the --out path with .pub appended]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Encrypt the private key with the passphrase in this environment variable')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Encrypt the private key with the passphrase in this private file')
            [CompletionResult]::new('--kdf', '--kdf', [CompletionResultType]::ParameterName, 'How the passphrase becomes the key-encryption key (PKCS#5 PBES2 with AES-256-CBC) [default: scrypt]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--der', '--der', [CompletionResultType]::ParameterName, 'Write DER instead of PEM (both files)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing files')
            [CompletionResult]::new('--passphrase-prompt', '--passphrase-prompt', [CompletionResultType]::ParameterName, 'Encrypt the private key with a passphrase asked for (twice) on the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;hmac-secret' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Random bytes (at least 32)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the secret (the text''s bytes are the HMAC key)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;help' {
            [CompletionResult]::new('master', 'master', [CompletionResultType]::ParameterValue, 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)')
            [CompletionResult]::new('jwt-secret', 'jwt-secret', [CompletionResultType]::ParameterValue, 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'A random password from chosen character classes')
            [CompletionResult]::new('salt', 'salt', [CompletionResultType]::ParameterValue, 'A random salt for a key-derivation function')
            [CompletionResult]::new('keypair', 'keypair', [CompletionResultType]::ParameterValue, 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA')
            [CompletionResult]::new('hmac-secret', 'hmac-secret', [CompletionResultType]::ParameterValue, 'A secret for HMAC request signing (32 random bytes or more, hex by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;keygen;help;master' {
            break
        }
        'keyward;keygen;help;jwt-secret' {
            break
        }
        'keyward;keygen;help;password' {
            break
        }
        'keyward;keygen;help;salt' {
            break
        }
        'keyward;keygen;help;keypair' {
            break
        }
        'keyward;keygen;help;hmac-secret' {
            break
        }
        'keyward;keygen;help;help' {
            break
        }
        'keyward;key' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('derive', 'derive', [CompletionResultType]::ParameterValue, 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keyring''s keys (never their material)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key''s details')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring a retired key back as active (decrypt-only until promoted)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add existing key material (a service''s current key) to the keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;key;derive' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--kdf', '--kdf', [CompletionResultType]::ParameterName, 'The key-derivation function')
            [CompletionResult]::new('--scrypt-n', '--scrypt-n', [CompletionResultType]::ParameterName, 'scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB)')
            [CompletionResult]::new('--scrypt-r', '--scrypt-r', [CompletionResultType]::ParameterName, 'scrypt block size r (at most 32)')
            [CompletionResult]::new('--scrypt-p', '--scrypt-p', [CompletionResultType]::ParameterName, 'scrypt parallelism p (at most 16)')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iteration count (at most 10,000,000)')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the passphrase from this environment variable')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from this file (one trailing newline is dropped)')
            [CompletionResult]::new('--salt-hex', '--salt-hex', [CompletionResultType]::ParameterName, 'The salt, in hex')
            [CompletionResult]::new('--salt-file', '--salt-file', [CompletionResultType]::ParameterName, 'Read the salt from this file, as raw bytes')
            [CompletionResult]::new('--salt-bytes', '--salt-bytes', [CompletionResultType]::ParameterName, 'Length of the salt generated when none is given')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the derived key')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition; with --env-file also write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;new' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the key')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--primary', '--primary', [CompletionResultType]::ParameterName, 'Make it the primary key at once (skipping the decrypt-only phase)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;promote' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'A database whose values use the keys: a SQLite file or a PostgreSQL URL')
            [CompletionResult]::new('--db-env', '--db-env', [CompletionResultType]::ParameterName, 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'An encrypted column (repeatable)')
            [CompletionResult]::new('--json-field', '--json-field', [CompletionResultType]::ParameterName, 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'A TOML plan naming several tables, columns and JSON fields (as for rotate)')
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'The key column, or columns comma-separated [default: the primary key, else rowid]')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only rows matching this SQL condition')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'A format the values are in besides envelope and fernet (repeatable): fernet-b64, tiger[:iterations=N] (the keyring''s keys as the format''s keys)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--context-from-row', '--context-from-row', [CompletionResultType]::ParameterName, 'The values are bound to table/column/primary-key (as rotate --context-from-row)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;retire' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'A database whose values use the keys: a SQLite file or a PostgreSQL URL')
            [CompletionResult]::new('--db-env', '--db-env', [CompletionResultType]::ParameterName, 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'An encrypted column (repeatable)')
            [CompletionResult]::new('--json-field', '--json-field', [CompletionResultType]::ParameterName, 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'A TOML plan naming several tables, columns and JSON fields (as for rotate)')
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'The key column, or columns comma-separated [default: the primary key, else rowid]')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only rows matching this SQL condition')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'A format the values are in besides envelope and fernet (repeatable): fernet-b64, tiger[:iterations=N] (the keyring''s keys as the format''s keys)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Retire without naming the tables that use the keys, or although rows still use it (asks for confirmation; --yes without a terminal)')
            [CompletionResult]::new('--context-from-row', '--context-from-row', [CompletionResultType]::ParameterName, 'The values are bound to table/column/primary-key (as rotate --context-from-row)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;restore' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key (hex, base64 or a Fernet key) from this environment variable')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Read the key from this private file')
            [CompletionResult]::new('--derive-passphrase-env', '--derive-passphrase-env', [CompletionResultType]::ParameterName, 'Derive the key from the passphrase in this environment variable (as seed 000 does)')
            [CompletionResult]::new('--derive-passphrase-file', '--derive-passphrase-file', [CompletionResultType]::ParameterName, 'Derive the key from the passphrase in this file')
            [CompletionResult]::new('--salt-hex', '--salt-hex', [CompletionResultType]::ParameterName, 'The derivation salt, hex')
            [CompletionResult]::new('--derive', '--derive', [CompletionResultType]::ParameterName, 'Derive the key from the text of --key-env/--key-file, as rotate''s --from-derive does: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256')
            [CompletionResult]::new('--kdf', '--kdf', [CompletionResultType]::ParameterName, 'The key-derivation function')
            [CompletionResult]::new('--scrypt-n', '--scrypt-n', [CompletionResultType]::ParameterName, 'scrypt cost N, a power of two (131072 or 2^17; at most 2^20, and 128*N*r*p at most 1 GiB)')
            [CompletionResult]::new('--scrypt-r', '--scrypt-r', [CompletionResultType]::ParameterName, 'scrypt block size r (at most 32)')
            [CompletionResult]::new('--scrypt-p', '--scrypt-p', [CompletionResultType]::ParameterName, 'scrypt parallelism p (at most 16)')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iteration count (at most 10,000,000)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The key id to give it (to match the id in existing envelopes) [default: the next free]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the key')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--primary', '--primary', [CompletionResultType]::ParameterName, 'Make it the primary key')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;help' {
            [CompletionResult]::new('derive', 'derive', [CompletionResultType]::ParameterValue, 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keyring''s keys (never their material)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key''s details')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring a retired key back as active (decrypt-only until promoted)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add existing key material (a service''s current key) to the keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;key;help;derive' {
            break
        }
        'keyward;key;help;new' {
            break
        }
        'keyward;key;help;promote' {
            break
        }
        'keyward;key;help;list' {
            break
        }
        'keyward;key;help;show' {
            break
        }
        'keyward;key;help;retire' {
            break
        }
        'keyward;key;help;restore' {
            break
        }
        'keyward;key;help;import' {
            break
        }
        'keyward;key;help;help' {
            break
        }
        'keyward;encrypt' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable (hex, base64 or a Fernet key)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Read the key from this file, which must be private (mode 0600)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the value from FILE instead of stdin')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the result to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'The format to produce: envelope, fernet, or a service''s (fernet-b64, tiger[:iterations=N,version=V], spec:PATH; see `keyward format list`)')
            [CompletionResult]::new('--derive', '--derive', [CompletionResultType]::ParameterName, 'Derive the key from the key''s text (a service''s formats): sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context bound to the envelope as associated data, e.g. users/email/42 (envelope only)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The key id written into the envelope header (envelope only)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;decrypt' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable (hex, base64 or a Fernet key)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Read the key from this file, which must be private (mode 0600)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the value from FILE instead of stdin')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the result to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Expect this format instead of detecting envelope or fernet: also a service''s (fernet-b64, tiger[:iterations=N], spec:PATH; see `keyward format list`)')
            [CompletionResult]::new('--derive', '--derive', [CompletionResultType]::ParameterName, 'Derive the key from the key''s text (as `encrypt --derive`)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The context the envelope was sealed with (envelope only)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Refuse an envelope sealed under another key id')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Refuse a Fernet token older than this many seconds, as Fernet.decrypt(token, ttl)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a key; it is shown once and only its hash is stored')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (never the keys or their hashes)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key''s details')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a key: exit 0 when valid, 1 with the reason when not')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke keys now (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the active keys'' hashes and scopes for a service to load (never the keys)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;apikey;issue' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the key: 1-64 letters, digits, ''_'', ''-'', ''.''')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Comma-separated scopes, e.g. memories:read,memories:write')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiry: a duration (90d, 12h), a date (2027-01-01) or an RFC 3339 time')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The key''s prefix (seed 002 uses tk)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the key')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Write the new key into this dotenv file as --var NAME instead of showing it (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. API_KEYS')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--append', '--append', [CompletionResultType]::ParameterName, 'Add the key to the comma-separated list in --var (created if absent), keeping the keys already there')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --var definition (without --append); write through a symlink into another directory, or into a file other users can read (with a warning)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only keys in this state')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Only keys granted this scope')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;verify' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable')
            [CompletionResult]::new('--require-scope', '--require-scope', [CompletionResultType]::ParameterName, 'Fail unless the key holds this scope (repeatable)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge expiry, revocation and a rotated key''s grace period at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now; a success still records the key''s last use as now')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Check format and checksum only, without the store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;revoke' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;rotate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How long the old key keeps working (0s for a leaked key)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiry of the new key [default: the old key''s lifetime, from now]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'env: one dotenv variable of comma-separated hashes; json: a document per key')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable name for --as env')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;apikey;help' {
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a key; it is shown once and only its hash is stored')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (never the keys or their hashes)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key''s details')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a key: exit 0 when valid, 1 with the reason when not')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke keys now (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the active keys'' hashes and scopes for a service to load (never the keys)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;apikey;help;issue' {
            break
        }
        'keyward;apikey;help;list' {
            break
        }
        'keyward;apikey;help;show' {
            break
        }
        'keyward;apikey;help;verify' {
            break
        }
        'keyward;apikey;help;revoke' {
            break
        }
        'keyward;apikey;help;rotate' {
            break
        }
        'keyward;apikey;help;export' {
            break
        }
        'keyward;apikey;help;help' {
            break
        }
        'keyward;jwt' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('mint', 'mint', [CompletionResultType]::ParameterValue, 'Mint a signed token (always with iat, nbf, exp and a random jti)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token''s signature and claims: exit 0 valid, 1 invalid')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token WITHOUT verifying it, with warnings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;jwt;mint' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the HS secret from this environment variable (its text''s bytes are the key)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the HS secret from this file (one trailing newline dropped)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify')
            [CompletionResult]::new('--secret-encoding', '--secret-encoding', [CompletionResultType]::ParameterName, 'How the HS secret''s text gives the key: its bytes (text), or decoded from base64, base64url (a JWK''s `k`) or hex')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'Signing algorithm [default: HS256 with a secret; the key''s own with a PEM]')
            [CompletionResult]::new('--sub', '--sub', [CompletionResultType]::ParameterName, 'Subject (sub)')
            [CompletionResult]::new('--aud', '--aud', [CompletionResultType]::ParameterName, 'Audience (aud)')
            [CompletionResult]::new('--iss', '--iss', [CompletionResultType]::ParameterName, 'Issuer (iss)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scopes, comma-separated; written as the space-separated `scope` claim (RFC 9068) unless --scopes-claim / --scopes-as say otherwise')
            [CompletionResult]::new('--scopes-claim', '--scopes-claim', [CompletionResultType]::ParameterName, 'The claim the scopes go in (e.g. `scopes` for a service that reads that)')
            [CompletionResult]::new('--scopes-as', '--scopes-as', [CompletionResultType]::ParameterName, 'How the scopes are written: one space-separated string (RFC 8693 section 4.2) or a JSON list')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime: 30s, 15m, 1h, 7d')
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'An extra claim, k=v; v is JSON when it parses as JSON, else a string (repeatable)')
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'The key id (kid) header')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--allow-weak', '--allow-weak', [CompletionResultType]::ParameterName, 'Allow an HS secret shorter than the hash (RFC 7518 section 3.2 forbids it) or a known placeholder (as `config check` lists them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;jwt;verify' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the HS secret from this environment variable (its text''s bytes are the key)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the HS secret from this file (one trailing newline dropped)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'A PEM key: private to mint (RS*, PS*, ES*, EdDSA), public or private to verify')
            [CompletionResult]::new('--secret-encoding', '--secret-encoding', [CompletionResultType]::ParameterName, 'How the HS secret''s text gives the key: its bytes (text), or decoded from base64, base64url (a JWK''s `k`) or hex')
            [CompletionResult]::new('--jwks', '--jwks', [CompletionResultType]::ParameterName, 'A JWKS file; the key is chosen by the token''s kid')
            [CompletionResult]::new('--alg', '--alg', [CompletionResultType]::ParameterName, 'Accepted algorithms (repeatable) [default: those the key fits]')
            [CompletionResult]::new('--aud', '--aud', [CompletionResultType]::ParameterName, 'Required audience: the token must have an aud claim that names it')
            [CompletionResult]::new('--iss', '--iss', [CompletionResultType]::ParameterName, 'Required issuer: the token must have an iss claim equal to it')
            [CompletionResult]::new('--leeway', '--leeway', [CompletionResultType]::ParameterName, 'Clock skew allowed for exp and nbf')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge exp and nbf at this moment (RFC 3339, a date, or a duration from now such as 2h) instead of now')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--allow-no-exp', '--allow-no-exp', [CompletionResultType]::ParameterName, 'Accept a token without exp')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;jwt;inspect' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;jwt;help' {
            [CompletionResult]::new('mint', 'mint', [CompletionResultType]::ParameterValue, 'Mint a signed token (always with iat, nbf, exp and a random jti)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token''s signature and claims: exit 0 valid, 1 invalid')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token WITHOUT verifying it, with warnings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;jwt;help;mint' {
            break
        }
        'keyward;jwt;help;verify' {
            break
        }
        'keyward;jwt;help;inspect' {
            break
        }
        'keyward;jwt;help;help' {
            break
        }
        'keyward;audit' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find entries: filters, counts and groupings over keyward''s log or a service''s')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Show the newest entries, and with --follow those that arrive')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print an anchor (last id, hash, count, time) for `verify --anchor`')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete entries older than a cutoff, leaving a chained record of it (keyward''s log, or a service''s PostgreSQL table with --source)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;audit;verify' {
            [CompletionResult]::new('--anchor', '--anchor', [CompletionResultType]::ParameterName, 'Prove the log still reaches an anchor: a file written by `audit checkpoint --append-to`, or ID:HASH (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;query' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before (same forms as --since)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who acted (globs: ''svc-*'')')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What was done (globs: ''apikey.*'')')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'On what: TYPE or TYPE:ID (api_key:12)')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'success, failure or denied (comma-separated for several)')
            [CompletionResult]::new('--risk', '--risk', [CompletionResultType]::ParameterName, 'This risk or above: low, medium, high, critical')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Where (globs: ''web-*'')')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Text inside the details (ASCII case-insensitive)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on a field or a details path: ''details.tier = "short_term"'', ''details.score >= 75'', ''actor ~ "svc-*"'' (repeatable; all must hold)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)')
            [CompletionResult]::new('--source-env', '--source-env', [CompletionResultType]::ParameterName, 'Read --source from this environment variable: keeps a PostgreSQL password off the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N entries (1 or more), or all [default: 50 in a table, all otherwise]')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Newest (desc, the default) or oldest (asc) first')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Count matching entries per actor, action, risk, outcome, host, resource, day or hour')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print how many entries match, not the entries')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC (default: local time) in tables')
            [CompletionResult]::new('--fail-if-empty', '--fail-if-empty', [CompletionResultType]::ParameterName, 'Exit 1 when nothing matches (otherwise no match is exit 0)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;tail' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before (same forms as --since)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who acted (globs: ''svc-*'')')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What was done (globs: ''apikey.*'')')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'On what: TYPE or TYPE:ID (api_key:12)')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'success, failure or denied (comma-separated for several)')
            [CompletionResult]::new('--risk', '--risk', [CompletionResultType]::ParameterName, 'This risk or above: low, medium, high, critical')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Where (globs: ''web-*'')')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Text inside the details (ASCII case-insensitive)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on a field or a details path: ''details.tier = "short_term"'', ''details.score >= 75'', ''actor ~ "svc-*"'' (repeatable; all must hold)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)')
            [CompletionResult]::new('--source-env', '--source-env', [CompletionResultType]::ParameterName, 'Read --source from this environment variable: keeps a PostgreSQL password off the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many of the newest entries to show first')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'How many of the newest entries to show first')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often --follow looks for new entries')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing entries as they arrive (Ctrl-C stops); a followed log file is reopened when it is rotated')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC (default: local time)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;export' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'At or after: 24h, 7d (ago), today, yesterday, 2026-11-01, or RFC 3339')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before (same forms as --since)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who acted (globs: ''svc-*'')')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What was done (globs: ''apikey.*'')')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'On what: TYPE or TYPE:ID (api_key:12)')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'success, failure or denied (comma-separated for several)')
            [CompletionResult]::new('--risk', '--risk', [CompletionResultType]::ParameterName, 'This risk or above: low, medium, high, critical')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Where (globs: ''web-*'')')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Text inside the details (ASCII case-insensitive)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on a field or a details path: ''details.tier = "short_term"'', ''details.score >= 75'', ''actor ~ "svc-*"'' (repeatable; all must hold)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)')
            [CompletionResult]::new('--source-env', '--source-env', [CompletionResultType]::ParameterName, 'Read --source from this environment variable: keeps a PostgreSQL password off the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Oldest (asc, the default) or newest (desc) first')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N entries (1 or more) [default: all]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;checkpoint' {
            [CompletionResult]::new('--append-to', '--append-to', [CompletionResultType]::ParameterName, 'Also append the anchor line to FILE (kept elsewhere: another host, a WORM bucket)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;prune' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The log: keyward''s store (default), sqlite:PATH (a service''s table, with --table), jsonl:PATH (a file or a quoted glob; .gz files are read too), or a service''s PostgreSQL table: postgres://USER@HOST/DB (or a libpq key=value string; sslmode, PGPASSWORD and .pgpass as for rotate)')
            [CompletionResult]::new('--source-env', '--source-env', [CompletionResultType]::ParameterName, 'Read --source from this environment variable: keeps a PostgreSQL password off the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table of a sqlite: or PostgreSQL source (SCHEMA.TABLE in PostgreSQL)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Read a source''s column (or JSON key, dotted for nested keys) as a field: ip_address=host (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone of a sqlite:, jsonl: or PostgreSQL source''s times written without one (Python''s datetime.now().isoformat(), ''2026-11-20 10:00:00'', a PostgreSQL timestamp without time zone): UTC (the default), local (the zone of TZ or /etc/localtime, as tables show it), an IANA zone name from the system''s zone database (Europe/Berlin), or an offset: +02:00, -0530. Times with Z or an offset, and epoch numbers, are read as written; --since and --until without an offset stay UTC')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete entries older than this: 365d, 52w, or a date/time')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be deleted; change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Prune keyward''s log even when the chain does not verify (the broken rows may be deleted with it)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;audit;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find entries: filters, counts and groupings over keyward''s log or a service''s')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Show the newest entries, and with --follow those that arrive')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print an anchor (last id, hash, count, time) for `verify --anchor`')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete entries older than a cutoff, leaving a chained record of it (keyward''s log, or a service''s PostgreSQL table with --source)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;audit;help;verify' {
            break
        }
        'keyward;audit;help;query' {
            break
        }
        'keyward;audit;help;tail' {
            break
        }
        'keyward;audit;help;export' {
            break
        }
        'keyward;audit;help;checkpoint' {
            break
        }
        'keyward;audit;help;prune' {
            break
        }
        'keyward;audit;help;help' {
            break
        }
        'keyward;cert' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'A development certificate authority')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what certificates say: names, key, validity, fingerprints, usages')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;cert;create' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--cn', '--cn', [CompletionResultType]::ParameterName, 'Subject common name [default: the first --san]')
            [CompletionResult]::new('--san', '--san', [CompletionResultType]::ParameterName, 'A subject alternative name: DNS name, wildcard (*.example.test), IPv4 or IPv6 (repeatable)')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Days of validity (warns above 398, the browsers'' limit, and 825, Apple''s)')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Start of validity: an RFC 3339 time or a date [default: now]')
            [CompletionResult]::new('--not-after', '--not-after', [CompletionResultType]::ParameterName, 'End of validity: an RFC 3339 time or a date (a past one makes a deliberately expired certificate)')
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'Key type of a new key [default: ecdsa-p256]; with --key-in, the type that key must be')
            [CompletionResult]::new('--key-in', '--key-in', [CompletionResultType]::ParameterName, 'Reuse this private key (renewal) instead of generating one')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Sign with this CA certificate instead of self-signing')
            [CompletionResult]::new('--ca-key', '--ca-key', [CompletionResultType]::ParameterName, 'The CA''s private key')
            [CompletionResult]::new('--chain-out', '--chain-out', [CompletionResultType]::ParameterName, 'Also write the chain (leaf then CA) to this file')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The certificate file')
            [CompletionResult]::new('--key-out', '--key-out', [CompletionResultType]::ParameterName, 'The private key file (written 0600)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server authentication usage (the default when neither is given)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Client authentication usage')
            [CompletionResult]::new('--der', '--der', [CompletionResultType]::ParameterName, 'Write DER instead of PEM (certificate; key as PKCS#8 DER)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing files')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;cert;ca' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dev CA certificate and key, as mkcert does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;cert;ca;create' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--cn', '--cn', [CompletionResultType]::ParameterName, 'The CA''s common name')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Days of validity')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Start of validity: an RFC 3339 time or a date [default: now]')
            [CompletionResult]::new('--not-after', '--not-after', [CompletionResultType]::ParameterName, 'End of validity: an RFC 3339 time or a date (a past one makes a deliberately expired certificate)')
            [CompletionResult]::new('--path-len', '--path-len', [CompletionResultType]::ParameterName, 'Path length constraint: 0 signs leaves only')
            [CompletionResult]::new('--name-constraint', '--name-constraint', [CompletionResultType]::ParameterName, 'Only names under this DNS domain may be signed (repeatable)')
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'Key type of the CA key')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The certificate file')
            [CompletionResult]::new('--key-out', '--key-out', [CompletionResultType]::ParameterName, 'The private key file (written 0600)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--der', '--der', [CompletionResultType]::ParameterName, 'Write DER instead of PEM (certificate; key as PKCS#8 DER)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing files')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;cert;ca;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dev CA certificate and key, as mkcert does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;cert;ca;help;create' {
            break
        }
        'keyward;cert;ca;help;help' {
            break
        }
        'keyward;cert;inspect' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;cert;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'File name patterns in directories (repeatable) [default: *.pem *.crt *.cer *.cert *.der]')
            [CompletionResult]::new('--connect', '--connect', [CompletionResultType]::ParameterName, 'A live endpoint: host:port, [v6]:port, postgres://host:port (repeatable)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and to verify against [default: the host]')
            [CompletionResult]::new('--starttls', '--starttls', [CompletionResultType]::ParameterName, 'Negotiate TLS inside this protocol first')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust anchors for --verify instead of the system roots')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'Warn at this much time left (30d) or share of lifetime used (66%)')
            [CompletionResult]::new('--critical', '--critical', [CompletionResultType]::ParameterName, 'Critical at this much time left (7d) or share of lifetime used (90%)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Evaluate at this moment (RFC 3339 or a date) instead of now')
            [CompletionResult]::new('--expect-name', '--expect-name', [CompletionResultType]::ParameterName, 'The leaf must cover this name, wildcards included (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit for each --connect endpoint as a whole: name lookup, TCP connect, STARTTLS and TLS handshake')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Also verify served chains against the system roots or --ca-file')
            [CompletionResult]::new('--leaf-only', '--leaf-only', [CompletionResultType]::ParameterName, 'Check only the first certificate of each file or chain')
            [CompletionResult]::new('--nagios', '--nagios', [CompletionResultType]::ParameterName, 'Nagios plugin output: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Add counts per status')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;cert;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'A development certificate authority')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what certificates say: names, key, validity, fingerprints, usages')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;cert;help;create' {
            break
        }
        'keyward;cert;help;ca' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dev CA certificate and key, as mkcert does')
            break
        }
        'keyward;cert;help;ca;create' {
            break
        }
        'keyward;cert;help;inspect' {
            break
        }
        'keyward;cert;help;check' {
            break
        }
        'keyward;cert;help;help' {
            break
        }
        'keyward;rotate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Cooperating workers on PostgreSQL')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Count values per key version and format, plaintext and undecryptable')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Decrypt every value; exit 1 naming the first rows that fail')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;rotate;run' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The service''s database: a SQLite file, or a PostgreSQL URL or libpq connection string')
            [CompletionResult]::new('--db-env', '--db-env', [CompletionResultType]::ParameterName, 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'An encrypted column (repeatable)')
            [CompletionResult]::new('--json-field', '--json-field', [CompletionResultType]::ParameterName, 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)')
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only rows matching this SQL condition')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('--from-key-env', '--from-key-env', [CompletionResultType]::ParameterName, 'An old key, from this environment variable (repeatable)')
            [CompletionResult]::new('--from-key-file', '--from-key-file', [CompletionResultType]::ParameterName, 'An old key, from this private file (repeatable)')
            [CompletionResult]::new('--to-key-env', '--to-key-env', [CompletionResultType]::ParameterName, 'The new key, from this environment variable')
            [CompletionResult]::new('--to-key-file', '--to-key-file', [CompletionResultType]::ParameterName, 'The new key, from this private file')
            [CompletionResult]::new('--to-key-id', '--to-key-id', [CompletionResultType]::ParameterName, 'The id the new key''s envelopes carry')
            [CompletionResult]::new('--from-derive', '--from-derive', [CompletionResultType]::ParameterName, 'Derive the old keys from their text: sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table)')
            [CompletionResult]::new('--to-derive', '--to-derive', [CompletionResultType]::ParameterName, 'Derive the new key from its text (as --from-derive)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The format to write: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'A format the values are in (repeatable) [default: detect envelope and fernet]')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Rows per transaction')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'What to do with a value that cannot be decrypted')
            [CompletionResult]::new('--throttle', '--throttle', [CompletionResultType]::ParameterName, 'At most this many rows per second, to spare a live service (per worker with --workers)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Crypto threads (per worker) for formats with a per-value key derivation or RSA [default: every core]')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'PostgreSQL: run N cooperating workers here; they share the table, through leases in schema keyward, with every `rotate run --workers` started against it with the same flags, on any host')
            [CompletionResult]::new('--worker-id', '--worker-id', [CompletionResultType]::ParameterName, 'This process''s worker name in leases, reports and the audit log [default: HOST:PID]')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'Seconds a worker''s claim on a range holds unless renewed; a dead worker''s range is taken over after it')
            [CompletionResult]::new('--range-rows', '--range-rows', [CompletionResultType]::ParameterName, 'Rows per range claimed [default: 8 batches, or 1/256 of the table when larger]')
            [CompletionResult]::new('--update-env', '--update-env', [CompletionResultType]::ParameterName, 'The service''s dotenv file: mint the new key, rotate every value to it, verify them, then write it to --var (the old key is read from there)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable of --update-env that holds the service''s key or passphrase')
            [CompletionResult]::new('--var-salt', '--var-salt', [CompletionResultType]::ParameterName, 'The variable of --update-env that holds the derivation''s salt, in hex: a new salt is minted with the key (salt=env in --from-derive/--to-derive)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--context-from-row', '--context-from-row', [CompletionResultType]::ParameterName, 'Bind envelopes to table/column/primary-key as associated data')
            [CompletionResult]::new('--allow-unrecognized', '--allow-unrecognized', [CompletionResultType]::ParameterName, 'Exit 0 even when values that look encrypted are in no format given (they are left untouched either way)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would change; write nothing')
            [CompletionResult]::new('--keep-progress', '--keep-progress', [CompletionResultType]::ParameterName, 'Keep the rotation''s ranges in keyward.rotation_range after it finished (for `rotate status`)')
            [CompletionResult]::new('--encrypt-plaintext', '--encrypt-plaintext', [CompletionResultType]::ParameterName, 'Encrypt plaintext values as well')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;rotate;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The service''s database: a SQLite file, or a PostgreSQL URL or libpq connection string')
            [CompletionResult]::new('--db-env', '--db-env', [CompletionResultType]::ParameterName, 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'An encrypted column (repeatable)')
            [CompletionResult]::new('--json-field', '--json-field', [CompletionResultType]::ParameterName, 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)')
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only rows matching this SQL condition')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'A key to decrypt with, from this environment variable (repeatable) [default: the keyring]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'A format the values are in (repeatable) [default: detect envelope and fernet]')
            [CompletionResult]::new('--derive', '--derive', [CompletionResultType]::ParameterName, 'Derive the keys from their text (as `rotate run --from-derive`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--context-from-row', '--context-from-row', [CompletionResultType]::ParameterName, 'Bind envelopes to table/column/primary-key as associated data')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;rotate;verify' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The service''s database: a SQLite file, or a PostgreSQL URL or libpq connection string')
            [CompletionResult]::new('--db-env', '--db-env', [CompletionResultType]::ParameterName, 'Read the database (as --db takes it) from this environment variable: keeps a PostgreSQL password out of the command line')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'The table')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'An encrypted column (repeatable)')
            [CompletionResult]::new('--json-field', '--json-field', [CompletionResultType]::ParameterName, 'An encrypted field inside a JSON column, COLUMN:field or COLUMN:a.b (repeatable)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'A TOML plan naming several tables, columns and JSON fields (see docs/rotation.md)')
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'The key column, or columns comma-separated (unique together, no NULL) [default: the primary key, else rowid]')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only rows matching this SQL condition')
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: $KEYWARD_KEYRING, else keyring.json beside the store]')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this environment variable (when KEYWARD_KEK is not set)')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the keyring passphrase from this file')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'A key to decrypt with, from this environment variable (repeatable) [default: the keyring]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'A key to decrypt with, from this private file (repeatable; an RSA private key in PEM for RSA-wrapped specs)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'A format the values are in (repeatable) [default: detect envelope and fernet]')
            [CompletionResult]::new('--derive', '--derive', [CompletionResultType]::ParameterName, 'Derive the keys from their text (as `rotate run --from-derive`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--context-from-row', '--context-from-row', [CompletionResultType]::ParameterName, 'Bind envelopes to table/column/primary-key as associated data')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;rotate;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Re-encrypt every value under the target key: batched, resumable, crash-safe')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Count values per key version and format, plaintext and undecryptable')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Decrypt every value; exit 1 naming the first rows that fail')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;rotate;help;run' {
            break
        }
        'keyward;rotate;help;status' {
            break
        }
        'keyward;rotate;help;verify' {
            break
        }
        'keyward;rotate;help;help' {
            break
        }
        'keyward;hash' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;hash;password' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--algo', '--algo', [CompletionResultType]::ParameterName, 'The algorithm')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106''s low-memory choice and argon2-cffi''s default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP''s minimum) [default: rfc9106-low-memory]')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB]')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000]')
            [CompletionResult]::new('--parallelism', '--parallelism', [CompletionResultType]::ParameterName, 'argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16')
            [CompletionResult]::new('--cost', '--cost', [CompletionResultType]::ParameterName, 'bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20]')
            [CompletionResult]::new('--block-size', '--block-size', [CompletionResultType]::ParameterName, 'scrypt block size r [default: 8; at most 32]')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from this environment variable')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from this private file (one trailing newline dropped)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin (one trailing newline dropped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;hash;verify' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from this environment variable')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from this private file (one trailing newline dropped)')
            [CompletionResult]::new('--algo', '--algo', [CompletionResultType]::ParameterName, 'With --needs-rehash: the current algorithm; a hash of another one needs rehashing [default: the hash''s own]')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'argon2id parameter set, which the flags below adjust: rfc9106-low-memory (m=64 MiB, t=3, p=4: RFC 9106''s low-memory choice and argon2-cffi''s default, so its check_needs_rehash accepts the hash) or owasp (m=19 MiB, t=2, p=1: OWASP''s minimum) [default: rfc9106-low-memory]')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'argon2 memory: KiB, or with a unit (19MiB, 1GiB; at most 1GiB) [default: 64MiB; owasp: 19MiB]')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'argon2 passes [default: 3; owasp: 2; at most 64] or PBKDF2 iterations [default: 600000; at most 10000000]')
            [CompletionResult]::new('--parallelism', '--parallelism', [CompletionResultType]::ParameterName, 'argon2 lanes [default: 4; owasp: 1] or scrypt p [default: 1]; at most 16')
            [CompletionResult]::new('--cost', '--cost', [CompletionResultType]::ParameterName, 'bcrypt cost [default: 12, at least 10] or scrypt log2(N) [default: 17; at most 20]')
            [CompletionResult]::new('--block-size', '--block-size', [CompletionResultType]::ParameterName, 'scrypt block size r [default: 8; at most 32]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin (one trailing newline dropped)')
            [CompletionResult]::new('--needs-rehash', '--needs-rehash', [CompletionResultType]::ParameterName, 'Also exit 1 when the hash''s parameters are below the current ones (the check services run at login): the --preset''s, adjusted by the parameter flags')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;hash;help' {
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;hash;help;password' {
            break
        }
        'keyward;hash;help;verify' {
            break
        }
        'keyward;hash;help;help' {
            break
        }
        'keyward;hmac' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a request body (stdin or --in): print the HMAC')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a request body''s signature in constant time: exit 0 valid, 1 invalid')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;hmac;sign' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret from this environment variable (its text''s bytes are the key)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the secret from this private file (one trailing newline dropped)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the body from FILE instead of stdin')
            [CompletionResult]::new('--algo', '--algo', [CompletionResultType]::ParameterName, 'The hash under the HMAC')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;hmac;verify' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret from this environment variable (its text''s bytes are the key)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'Read the secret from this private file (one trailing newline dropped)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the body from FILE instead of stdin')
            [CompletionResult]::new('--algo', '--algo', [CompletionResultType]::ParameterName, 'The hash under the HMAC')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Signature encoding')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature to check (hex or base64, per --encoding; a url-safe base64 signature may start with `-`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;hmac;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a request body (stdin or --in): print the HMAC')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a request body''s signature in constant time: exit 0 valid, 1 invalid')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;hmac;help;sign' {
            break
        }
        'keyward;hmac;help;verify' {
            break
        }
        'keyward;hmac;help;help' {
            break
        }
        'keyward;format' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the built-in value formats with their exact layouts')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check that values (one per line, stdin or --in) parse and decrypt in a format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;format;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;format;test' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The format: envelope, fernet, fernet-b64, tiger[:iterations=N,version=V] or spec:PATH')
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable (its text: a key, a passphrase with --derive, a spec''s secret)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Read the key from this private file (an RSA private key in PEM for RSA-wrapped specs)')
            [CompletionResult]::new('--derive', '--derive', [CompletionResultType]::ParameterName, 'Derive the key from the secret''s text: none, sha256, pbkdf2-sha256:iterations=N,salt-hex=HEX, scrypt:n=N,r=R,p=P,salt-file=PATH, hkdf-sha256 (spec formats derive per their [key] table)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the values from FILE instead of stdin, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--show', '--show', [CompletionResultType]::ParameterName, 'Print each value''s plaintext (it is never printed otherwise)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;format;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the built-in value formats with their exact layouts')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check that values (one per line, stdin or --in) parse and decrypt in a format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;format;help;list' {
            break
        }
        'keyward;format;help;test' {
            break
        }
        'keyward;format;help;help' {
            break
        }
        'keyward;config' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules config validate checks; with ids, each in full (why and fix)')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Write a .env with fresh secrets and secure defaults that config validate passes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;config;validate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Parse every input as this type instead of going by its name')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'In directories, read only files whose name matches PATTERN (repeatable) [default: known config names]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Which rules apply [default: the config''s own ENVIRONMENT, else production]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when a finding is at least this severe')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'A TOML policy that disables or re-grades rules and adds key aliases')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Also read the process environment, after the files (what a container receives)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;config;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;config;template' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The deployment the defaults are for')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Whose setting names to use')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;config;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules config validate checks; with ids, each in full (why and fix)')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Write a .env with fresh secrets and secure defaults that config validate passes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;config;help;validate' {
            break
        }
        'keyward;config;help;rules' {
            break
        }
        'keyward;config;help;template' {
            break
        }
        'keyward;config;help;help' {
            break
        }
        'keyward;completions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;manpages' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'keyward''s own database [default: $KEYWARD_STORE, else $XDG_DATA_HOME/keyward/keyward.db]')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the store''s lock held by another process, in milliseconds [default: 5000]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $KEYWARD_ACTOR, else the login name]; never a filter of `audit query`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;help' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate fresh secrets in the formats services expect')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'The keyring of versioned data-encryption keys (new, promote, list, retire, restore, import), and keys derived from passphrases')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt one keyward envelope or Fernet token (the format is detected)')
            [CompletionResult]::new('apikey', 'apikey', [CompletionResultType]::ParameterValue, 'Issue, list, verify, revoke, rotate and export API keys (stored as hashes)')
            [CompletionResult]::new('jwt', 'jwt', [CompletionResultType]::ParameterValue, 'Mint, verify and inspect JSON Web Tokens')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Query, follow, export, verify and prune the tamper-evident audit log (and the services'' own logs)')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'Create self-signed certificates and a dev CA, inspect certificates, check expiry')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Re-encrypt a database''s encrypted columns under a new key')
            [CompletionResult]::new('hash', 'hash', [CompletionResultType]::ParameterValue, 'Hash passwords (argon2id, bcrypt, scrypt, PBKDF2) and verify stored hashes')
            [CompletionResult]::new('hmac', 'hmac', [CompletionResultType]::ParameterValue, 'Sign and verify request bodies with HMAC, as webhook senders do')
            [CompletionResult]::new('format', 'format', [CompletionResultType]::ParameterValue, 'The value formats keyward reads and writes: list them, test values against one')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Lint service configurations (.env, YAML, TOML, JSON, Compose, Kubernetes) for security weaknesses')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (used to regenerate completions/)')
            [CompletionResult]::new('manpages', 'manpages', [CompletionResultType]::ParameterValue, 'Write one man page per command into DIR (used to regenerate man/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;help;keygen' {
            [CompletionResult]::new('master', 'master', [CompletionResultType]::ParameterValue, 'A 256-bit master or data-encryption key (64 hex digits by default, or a Fernet key)')
            [CompletionResult]::new('jwt-secret', 'jwt-secret', [CompletionResultType]::ParameterValue, 'A JWT signing secret for HS256/384/512 (64 random bytes, base64url by default)')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'A random password from chosen character classes')
            [CompletionResult]::new('salt', 'salt', [CompletionResultType]::ParameterValue, 'A random salt for a key-derivation function')
            [CompletionResult]::new('keypair', 'keypair', [CompletionResultType]::ParameterValue, 'A private key (PKCS#8, 0600) and its public key (SPKI): Ed25519, X25519, ECDSA or RSA')
            [CompletionResult]::new('hmac-secret', 'hmac-secret', [CompletionResultType]::ParameterValue, 'A secret for HMAC request signing (32 random bytes or more, hex by default)')
            break
        }
        'keyward;help;keygen;master' {
            break
        }
        'keyward;help;keygen;jwt-secret' {
            break
        }
        'keyward;help;keygen;password' {
            break
        }
        'keyward;help;keygen;salt' {
            break
        }
        'keyward;help;keygen;keypair' {
            break
        }
        'keyward;help;keygen;hmac-secret' {
            break
        }
        'keyward;help;key' {
            [CompletionResult]::new('derive', 'derive', [CompletionResultType]::ParameterValue, 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Add a fresh key to the keyring, decrypt-only until promoted (or --primary)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a key the primary (the one that encrypts); the old primary turns decrypt-only')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keyring''s keys (never their material)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key''s details')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Retire a key: nobody may use it any more (refused while rows still use it; `key restore` undoes it)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring a retired key back as active (decrypt-only until promoted)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add existing key material (a service''s current key) to the keyring')
            break
        }
        'keyward;help;key;derive' {
            break
        }
        'keyward;help;key;new' {
            break
        }
        'keyward;help;key;promote' {
            break
        }
        'keyward;help;key;list' {
            break
        }
        'keyward;help;key;show' {
            break
        }
        'keyward;help;key;retire' {
            break
        }
        'keyward;help;key;restore' {
            break
        }
        'keyward;help;key;import' {
            break
        }
        'keyward;help;encrypt' {
            break
        }
        'keyward;help;decrypt' {
            break
        }
        'keyward;help;apikey' {
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a key; it is shown once and only its hash is stored')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (never the keys or their hashes)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key''s details')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a key: exit 0 when valid, 1 with the reason when not')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke keys now (asks first on a terminal; --yes otherwise)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace a key with a new one of the same name and scopes; the old one keeps working for the grace period')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the active keys'' hashes and scopes for a service to load (never the keys)')
            break
        }
        'keyward;help;apikey;issue' {
            break
        }
        'keyward;help;apikey;list' {
            break
        }
        'keyward;help;apikey;show' {
            break
        }
        'keyward;help;apikey;verify' {
            break
        }
        'keyward;help;apikey;revoke' {
            break
        }
        'keyward;help;apikey;rotate' {
            break
        }
        'keyward;help;apikey;export' {
            break
        }
        'keyward;help;jwt' {
            [CompletionResult]::new('mint', 'mint', [CompletionResultType]::ParameterValue, 'Mint a signed token (always with iat, nbf, exp and a random jti)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a token''s signature and claims: exit 0 valid, 1 invalid')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a token WITHOUT verifying it, with warnings')
            break
        }
        'keyward;help;jwt;mint' {
            break
        }
        'keyward;help;jwt;verify' {
            break
        }
        'keyward;help;jwt;inspect' {
            break
        }
        'keyward;help;audit' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the hash chain (and anchors): exit 0 intact, 1 broken, naming the first bad row')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Find entries: filters, counts and groupings over keyward''s log or a service''s')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Show the newest entries, and with --follow those that arrive')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream entries as NDJSON or CSV (oldest first), for archives and SIEMs')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print an anchor (last id, hash, count, time) for `verify --anchor`')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete entries older than a cutoff, leaving a chained record of it (keyward''s log, or a service''s PostgreSQL table with --source)')
            break
        }
        'keyward;help;audit;verify' {
            break
        }
        'keyward;help;audit;query' {
            break
        }
        'keyward;help;audit;tail' {
            break
        }
        'keyward;help;audit;export' {
            break
        }
        'keyward;help;audit;checkpoint' {
            break
        }
        'keyward;help;audit;prune' {
            break
        }
        'keyward;help;cert' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate and its key: self-signed, or signed by a dev CA (--ca)')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'A development certificate authority')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what certificates say: names, key, validity, fingerprints, usages')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check expiry (and names, and trust) of certificates in files, directories and live endpoints')
            break
        }
        'keyward;help;cert;create' {
            break
        }
        'keyward;help;cert;ca' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dev CA certificate and key, as mkcert does')
            break
        }
        'keyward;help;cert;ca;create' {
            break
        }
        'keyward;help;cert;inspect' {
            break
        }
        'keyward;help;cert;check' {
            break
        }
        'keyward;help;rotate' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Re-encrypt every value under the target key: batched, resumable, crash-safe')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Count values per key version and format, plaintext and undecryptable')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Decrypt every value; exit 1 naming the first rows that fail')
            break
        }
        'keyward;help;rotate;run' {
            break
        }
        'keyward;help;rotate;status' {
            break
        }
        'keyward;help;rotate;verify' {
            break
        }
        'keyward;help;hash' {
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Hash a password: print its PHC string (bcrypt: $2b$), nothing else')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a password against a stored hash: exit 0 on a match, 1 on a mismatch')
            break
        }
        'keyward;help;hash;password' {
            break
        }
        'keyward;help;hash;verify' {
            break
        }
        'keyward;help;hmac' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a request body (stdin or --in): print the HMAC')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a request body''s signature in constant time: exit 0 valid, 1 invalid')
            break
        }
        'keyward;help;hmac;sign' {
            break
        }
        'keyward;help;hmac;verify' {
            break
        }
        'keyward;help;format' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the built-in value formats with their exact layouts')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check that values (one per line, stdin or --in) parse and decrypt in a format')
            break
        }
        'keyward;help;format;list' {
            break
        }
        'keyward;help;format;test' {
            break
        }
        'keyward;help;config' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check configurations against the rule catalog; exit 1 when a finding reaches --fail-on')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules config validate checks; with ids, each in full (why and fix)')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Write a .env with fresh secrets and secure defaults that config validate passes')
            break
        }
        'keyward;help;config;validate' {
            break
        }
        'keyward;help;config;rules' {
            break
        }
        'keyward;help;config;template' {
            break
        }
        'keyward;help;completions' {
            break
        }
        'keyward;help;manpages' {
            break
        }
        'keyward;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
