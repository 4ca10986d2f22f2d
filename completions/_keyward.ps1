
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Generate fresh secrets in the formats services expect')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Derive keys from passphrases')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt one keyward envelope or Fernet token (the format is detected)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (used to regenerate completions/)')
            [CompletionResult]::new('manpages', 'manpages', [CompletionResultType]::ParameterValue, 'Write one man page per command into DIR (used to regenerate man/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;keygen' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
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
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;keygen;master' {
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the key')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Key length in bytes (16-512; Fernet keys are always 32)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;jwt-secret' {
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Secret length in bytes (at least 32, the minimum for HS256; 64 covers HS512)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the secret')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;password' {
            [CompletionResult]::new('--length', '--length', [CompletionResultType]::ParameterName, 'Number of characters (at least 12)')
            [CompletionResult]::new('--classes', '--classes', [CompletionResultType]::ParameterName, 'Character classes to draw from; each appears at least once')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--no-ambiguous', '--no-ambiguous', [CompletionResultType]::ParameterName, 'Leave out look-alike characters (0 O o 1 l I | and similar)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;keygen;salt' {
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'Salt length in bytes (at least 8, the RFC 8018 minimum)')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the salt')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N secrets, one per line (not with --env-file)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
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
        'keyward;keygen;help;help' {
            break
        }
        'keyward;key' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('derive', 'derive', [CompletionResultType]::ParameterValue, 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;key;derive' {
            [CompletionResult]::new('--kdf', '--kdf', [CompletionResultType]::ParameterName, 'The key-derivation function')
            [CompletionResult]::new('--scrypt-n', '--scrypt-n', [CompletionResultType]::ParameterName, 'scrypt cost N, a power of two (131072 or 2^17)')
            [CompletionResult]::new('--scrypt-r', '--scrypt-r', [CompletionResultType]::ParameterName, 'scrypt block size r')
            [CompletionResult]::new('--scrypt-p', '--scrypt-p', [CompletionResultType]::ParameterName, 'scrypt parallelism p')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iteration count')
            [CompletionResult]::new('--passphrase-env', '--passphrase-env', [CompletionResultType]::ParameterName, 'Read the passphrase from this environment variable')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from this file (one trailing newline is dropped)')
            [CompletionResult]::new('--salt-hex', '--salt-hex', [CompletionResultType]::ParameterName, 'The salt, in hex')
            [CompletionResult]::new('--salt-file', '--salt-file', [CompletionResultType]::ParameterName, 'Read the salt from this file, as raw bytes')
            [CompletionResult]::new('--salt-bytes', '--salt-bytes', [CompletionResultType]::ParameterName, 'Length of the salt generated when none is given')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Text encoding of the derived key')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Add the secret to this dotenv file as --var NAME (atomically; every other line kept)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'The variable to set in --env-file, e.g. ENCRYPTION_MASTER_KEY')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file or --var definition')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;key;help' {
            [CompletionResult]::new('derive', 'derive', [CompletionResultType]::ParameterValue, 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'keyward;key;help;derive' {
            break
        }
        'keyward;key;help;help' {
            break
        }
        'keyward;encrypt' {
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable (hex, base64 or a Fernet key)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Read the key from this file, which must be private (mode 0600)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the value from FILE instead of stdin')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the result to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'The format to produce')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context bound to the envelope as associated data, e.g. users/email/42 (envelope only)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The key id written into the envelope header (envelope only)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;decrypt' {
            [CompletionResult]::new('--key-env', '--key-env', [CompletionResultType]::ParameterName, 'Read the key from this environment variable (hex, base64 or a Fernet key)')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Read the key from this file, which must be private (mode 0600)')
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Read the value from FILE instead of stdin')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the result to FILE (atomically, mode 0600) instead of stdout')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Expect this format instead of detecting it')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The context the envelope was sealed with (envelope only)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Refuse an envelope sealed under another key id')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Refuse a Fernet token older than this many seconds, as Fernet.decrypt(token, ttl)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but warnings and errors')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive actions without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'keyward;completions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (auto: only on a terminal and without NO_COLOR)')
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
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Derive keys from passphrases')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt one value (stdin or --in) into a keyward envelope or a Fernet token')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt one keyward envelope or Fernet token (the format is detected)')
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
        'keyward;help;key' {
            [CompletionResult]::new('derive', 'derive', [CompletionResultType]::ParameterValue, 'Derive a 256-bit key from a passphrase with scrypt or PBKDF2-HMAC-SHA256')
            break
        }
        'keyward;help;key;derive' {
            break
        }
        'keyward;help;encrypt' {
            break
        }
        'keyward;help;decrypt' {
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
