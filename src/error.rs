//! One error type for every command, each kind mapped to an exit code of
//! DESIGN.md: usage 2, bad input 3, environment 4, internal 70.
//!
//! A failed *check* is not an error: commands return [`Outcome::ChecksFailed`]
//! so their report is still printed (CI wants the JSON) and `main` exits 1.
//!
//! Messages are built by keyward's own code and never carry secret material;
//! the `Debug` impl is derived because no variant holds anything secret.

use std::fmt;
use std::path::Path;

/// What a command reports when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything ran and every check passed: exit 0.
    Success,
    /// A check ran and failed: exit 1.
    ChecksFailed,
    /// A report was printed and the command chose its exit code (`cert
    /// check` with unreadable inputs, or its Nagios convention).
    Code(u8),
}

impl Outcome {
    /// Success when the check passed, `ChecksFailed` (exit 1) when not.
    pub fn passed(passed: bool) -> Self {
        if passed {
            Outcome::Success
        } else {
            Outcome::ChecksFailed
        }
    }
}

/// The class of a failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Flags that do not fit together, a missing secret source without a TTY: exit 2.
    Usage,
    /// Unparseable file, malformed key, authentication failure: exit 3.
    BadInput,
    /// I/O, permissions, an existing file that must not be replaced: exit 4.
    Environment,
    /// stdout was closed by the reader (`keyward ... | head`): exit 0, silently.
    BrokenPipe,
    /// A bug: exit 70, and the message asks for a report.
    Internal,
}

impl ErrorKind {
    /// The process exit code of DESIGN.md for this kind.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Usage => 2,
            ErrorKind::BadInput => 3,
            ErrorKind::Environment => 4,
            ErrorKind::BrokenPipe => 0,
            ErrorKind::Internal => 70,
        }
    }
}

/// A failure: what happened, where, and what to do about it.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    hint: Option<String>,
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }

    /// Bad input (exit 3).
    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadInput, message)
    }

    /// An environment failure (exit 4).
    pub fn environment(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Environment, message)
    }

    /// A bug (exit 70).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    /// An I/O error on `path`, classified by its kind: a missing file or a
    /// permission problem is the environment's; a broken pipe is no error.
    pub fn io(action: &str, path: &Path, err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Self::new(ErrorKind::BrokenPipe, "broken pipe");
        }
        Self::environment(format!(
            "cannot {action} {}: {}",
            path.display(),
            io_reason(err)
        ))
    }

    /// An I/O error on stdout or stdin.
    pub fn stdio(action: &str, err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Self::new(ErrorKind::BrokenPipe, "broken pipe");
        }
        Self::environment(format!("cannot {action}: {}", io_reason(err)))
    }

    /// Puts `what: ` before the message (which input it was about), keeping
    /// the kind and the hint.
    pub fn context(mut self, what: &str) -> Self {
        self.message = format!("{what}: {}", self.message);
        self
    }

    /// Adds a hint line shown under the error.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The one-line message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The hint, if any.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The exit code for this error.
    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `std::io::Error`'s Display adds "(os error 13)"; operators want the words.
fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "no such file or directory".into(),
        K::PermissionDenied => "permission denied".into(),
        K::AlreadyExists => "it already exists".into(),
        K::IsADirectory => "it is a directory".into(),
        _ => {
            let s = err.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_design() {
        assert_eq!(Error::usage("x").exit_code(), 2);
        assert_eq!(Error::bad_input("x").exit_code(), 3);
        assert_eq!(Error::environment("x").exit_code(), 4);
        assert_eq!(Error::internal("x").exit_code(), 70);
    }

    #[test]
    fn io_errors_name_the_file_and_reason() {
        let e = Error::io(
            "read",
            Path::new("/nope/key"),
            &std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(e.exit_code(), 4);
        assert_eq!(
            e.message(),
            "cannot read /nope/key: no such file or directory"
        );
        let pipe = Error::stdio(
            "write",
            &std::io::Error::from(std::io::ErrorKind::BrokenPipe),
        );
        assert_eq!(pipe.kind(), ErrorKind::BrokenPipe);
        assert_eq!(pipe.exit_code(), 0);
    }
}
