//! Files that hold secrets: atomic private writes, dotenv edits that keep
//! every other line, and the ssh-style check that a key file is private.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The most keyward reads from one input file (a certificate, a config, a
/// policy, a plan, an anchor file, a body to sign): 64 MiB. A larger input
/// is bad input, never a silent truncation, and never an unbounded read of
/// a device such as `/dev/zero`.
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// The most keyward reads from a file holding one secret (a key, a
/// passphrase, a salt): 1 MiB.
pub const MAX_SECRET_FILE_BYTES: u64 = 1 << 20;

/// How long keyward waits for a writer on a named FIFO given as an input.
const FIFO_WAIT_MS: i32 = 10_000;

/// Reads a whole input file, at most `cap` bytes, whatever it is: a regular
/// file, a FIFO (process substitution), a character device. Opening never
/// blocks: a named FIFO that no writer opens and writes to (or closes)
/// within 10 s is an error.
pub fn read_bounded(path: &Path, cap: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| Error::io("read", path, &e))?;
    let meta = file.metadata().map_err(|e| Error::io("read", path, &e))?;
    if meta.is_dir() {
        return Err(Error::bad_input(format!(
            "{} is a directory, not a file",
            path.display()
        )));
    }
    if !meta.is_file() {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::FileTypeExt;
        let fd = file.as_raw_fd();
        if meta.file_type().is_fifo() {
            // Wait a bounded time for a writer to connect and write (or
            // close): a FIFO nobody writes to is an error, not a hang.
            let mut pfd = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd for a descriptor this function owns.
            let n = unsafe { libc::poll(&mut pfd, 1, FIFO_WAIT_MS) };
            if n == 0 {
                return Err(Error::environment(format!(
                    "{} is a FIFO that nothing wrote to within {} s",
                    path.display(),
                    FIFO_WAIT_MS / 1000
                )));
            }
        }
        // Blocking reads from here on (a writer may be slow).
        // SAFETY: fcntl on a descriptor this function owns.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    } else if meta.len() > cap {
        return Err(too_large(path, cap));
    }
    let mut buf = Vec::with_capacity(meta.len().min(cap) as usize);
    file.take(cap + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io("read", path, &e))?;
    if buf.len() as u64 > cap {
        return Err(too_large(path, cap));
    }
    Ok(buf)
}

/// [`read_bounded`] for a text file: invalid UTF-8 is bad input naming the
/// offset of the first bad byte.
pub fn read_text_bounded(path: &Path, cap: u64) -> Result<String> {
    String::from_utf8(read_bounded(path, cap)?).map_err(|e| {
        Error::bad_input(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

fn too_large(path: &Path, cap: u64) -> Error {
    let limit = if cap >= 1 << 20 {
        format!("{} MiB", cap >> 20)
    } else {
        format!("{cap} bytes")
    };
    Error::bad_input(format!(
        "{} is larger than {limit}, the most keyward reads from one such file",
        path.display()
    ))
}

/// Creates `dir` and its missing parents, mode 0700, when it does not
/// exist (keyward's own data directory on first use).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::io("create the directory", dir, &e))
}

/// Refuses a file that group or others may access, as ssh refuses a private
/// key: a secret other users can read is no longer a secret.
pub fn ensure_private(path: &Path, what: &str) -> Result<()> {
    let meta = fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Error::environment(format!(
            "{} file {} is accessible by other users (mode {:04o})",
            what,
            path.display(),
            mode
        ))
        .with_hint(format!("chmod 600 {}", path.display())));
    }
    Ok(())
}

/// What to do when the destination already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Fail: the default everywhere a secret is written.
    Refuse,
    /// Replace it (`--force`).
    Replace,
}

/// Writes `data` to `path` atomically: a temporary file in the same
/// directory, created with `mode`, written, fsynced, then moved into place
/// (with a hard link when it must not replace anything, so a file created
/// meanwhile is never clobbered), and the directory fsynced. On any error
/// nothing is left behind and the old file, if any, is untouched.
pub fn write_atomic(path: &Path, data: &[u8], mode: u32, overwrite: Overwrite) -> Result<()> {
    write_atomic_unsynced_dir(path, data, mode, overwrite)?;
    sync_parent_dir(path);
    Ok(())
}

/// [`write_atomic`] without the final fsync of the directory, for several
/// files written together: call [`sync_parent_dir`] once after the last
/// (one directory fsync instead of one per file).
pub fn write_atomic_unsynced_dir(
    path: &Path,
    data: &[u8],
    mode: u32,
    overwrite: Overwrite,
) -> Result<()> {
    if overwrite == Overwrite::Refuse && fs::symlink_metadata(path).is_ok() {
        return Err(exists_error(path));
    }
    stage(path, data, mode)?.place(overwrite)
}

/// Fsyncs the directory holding `path`, so that a rename into it is durable.
pub fn sync_parent_dir(path: &Path) {
    if let Ok(d) = File::open(parent_dir(path)) {
        let _ = d.sync_all();
    }
}

/// A file written and fsynced under a temporary name beside its
/// destination, not yet in place: [`Staged::place`] moves it there;
/// dropping it removes the temporary name (if a hard link put it in place,
/// or if it was never placed, in which case the destination is untouched).
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    /// Renamed into place: the temporary name is gone already.
    placed: bool,
}

/// The first half of [`write_atomic`]: the data in a temporary file in the
/// destination's directory, created with `mode`, written and fsynced.
pub fn stage(path: &Path, data: &[u8], mode: u32) -> Result<Staged> {
    let tmp = temp_path(&parent_dir(path), path)?;
    let staged = Staged {
        tmp,
        path: path.to_path_buf(),
        placed: false,
    };
    // Errors name the destination: the temporary name means nothing to the reader.
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&staged.tmp)
        .map_err(|e| Error::io("write", path, &e))?;
    // The umask may have narrowed `mode`; never widen it, but make sure it is exact.
    f.set_permissions(fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io("set permissions on", path, &e))?;
    f.write_all(data)
        .map_err(|e| Error::io("write", path, &e))?;
    f.sync_all().map_err(|e| Error::io("sync", path, &e))?;
    Ok(staged)
}

/// One file of a set written together: where, what, and its mode.
#[derive(Debug, Clone, Copy)]
pub struct FileOut<'a> {
    /// The destination.
    pub path: &'a Path,
    /// The whole content.
    pub bytes: &'a [u8],
    /// Its mode from the first byte (0600 for a secret).
    pub mode: u32,
}

/// [`stage`] for several files at once, each on its own thread (the file
/// system can commit their fsyncs in one journal transaction): all of
/// them, or an error and none (the temporary names of those staged are
/// removed). [`Written::place_all`] moves them into place.
pub fn stage_all(files: &[FileOut<'_>]) -> Result<Vec<Staged>> {
    let Some((last, others)) = files.split_last() else {
        return Ok(Vec::new());
    };
    std::thread::scope(|s| {
        let threads: Vec<_> = others
            .iter()
            .map(|f| s.spawn(move || stage(f.path, f.bytes, f.mode)))
            .collect();
        let last = stage(last.path, last.bytes, last.mode);
        // Every thread is joined before the first error is returned, so
        // no temporary file outlives this call unowned.
        let mut staged: Vec<Result<Staged>> = threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|_| Err(Error::internal("writing a file panicked")))
            })
            .collect();
        staged.push(last);
        staged.into_iter().collect()
    })
}

impl Staged {
    /// Where it goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Moves the file into place (replacing what is there only with
    /// [`Overwrite::Replace`]; otherwise with a hard link, so a file created
    /// meanwhile is never clobbered). The directory is not fsynced: call
    /// [`sync_parent_dir`].
    pub fn place(mut self, overwrite: Overwrite) -> Result<()> {
        let (tmp, path) = (&self.tmp, &self.path);
        match overwrite {
            Overwrite::Replace => {
                fs::rename(tmp, path).map_err(|e| Error::io("replace", path, &e))?;
                self.placed = true;
            }
            // The temporary name goes when `self` drops, as for a file never
            // placed: the destination holds the data either way.
            Overwrite::Refuse => fs::hard_link(tmp, path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    exists_error(path)
                } else {
                    Error::io("create", path, &e)
                }
            })?,
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// The path as the audit log records it: canonical when it resolves, as
/// given otherwise.
pub fn canonical_display(path: &Path) -> String {
    fs::canonicalize(path)
        .map(|c| c.display().to_string())
        .unwrap_or_else(|_| path.display().to_string())
}

fn overwrite_if(force: bool) -> Overwrite {
    if force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    }
}

/// Refuses before writing anything if a destination exists (without
/// `force`), is named twice, or has no directory to go in: no
/// half-written sets of files.
pub fn check_destinations(paths: &[&Path], force: bool) -> Result<()> {
    for (i, p) in paths.iter().enumerate() {
        if paths[..i].contains(p) {
            return Err(Error::usage(format!(
                "{} is given for two different outputs",
                p.display()
            )));
        }
        let dir = parent_dir(p);
        if !dir.is_dir() {
            return Err(Error::environment(format!(
                "cannot write {}: no directory {}",
                p.display(),
                dir.display()
            )));
        }
    }
    if force {
        return Ok(());
    }
    for p in paths {
        if fs::symlink_metadata(p).is_ok() {
            return Err(exists_error(p));
        }
    }
    Ok(())
}

/// Files written by one operation, undone if it fails before it is done:
/// a file it created is removed, a file it replaced (`force`) is put back
/// as it was (kept meanwhile under a second, temporary name: the same
/// inode, so content, mode and owner return unchanged; a symlink stays a
/// symlink). Used through [`all_or_nothing`].
#[derive(Debug, Default)]
pub struct Written {
    created: Vec<PathBuf>,
    /// (the destination, the old file's temporary name)
    replaced: Vec<(PathBuf, PathBuf)>,
}

impl Written {
    /// [`write_atomic`], remembered for undoing.
    pub fn write(&mut self, path: &Path, bytes: &[u8], mode: u32, force: bool) -> Result<()> {
        self.putting(path, force, || {
            write_atomic(path, bytes, mode, overwrite_if(force))
        })
    }

    /// Moves a staged file into place ([`sync_parent_dir`] after the
    /// last), remembered for undoing as `write` does.
    pub fn place(&mut self, staged: Staged, force: bool) -> Result<()> {
        let path = staged.path().to_path_buf();
        self.putting(&path, force, || staged.place(overwrite_if(force)))
    }

    /// Moves files staged together ([`stage_all`]) into place in their
    /// order, then fsyncs each of their directories once. On an error the
    /// rest are not placed (their temporary names go), and
    /// [`all_or_nothing`] undoes those that were.
    pub fn place_all(&mut self, staged: Vec<Staged>, force: bool) -> Result<()> {
        let mut dirs: Vec<PathBuf> = Vec::new();
        for f in staged {
            let dir = parent_dir(f.path());
            self.place(f, force)?;
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        for d in dirs {
            if let Ok(d) = File::open(d) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }

    /// Writes a set of files together: [`stage_all`], then [`Self::place_all`].
    pub fn write_all(&mut self, files: &[FileOut<'_>], force: bool) -> Result<()> {
        self.place_all(stage_all(files)?, force)
    }

    /// Runs `put`, which writes `path`, and remembers how to undo it.
    fn putting(
        &mut self,
        path: &Path,
        force: bool,
        put: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        let existed = fs::symlink_metadata(path).is_ok();
        // A hard link keeps the file a forced write replaces (not possible
        // for a directory, which no write replaces anyway).
        let old = (existed && force)
            .then(|| temp_path(&parent_dir(path), path).ok())
            .flatten()
            .filter(|tmp| fs::hard_link(path, tmp).is_ok());
        if let Err(e) = put() {
            if let Some(tmp) = old {
                let _ = fs::remove_file(tmp);
            }
            return Err(e);
        }
        match old {
            Some(tmp) => self.replaced.push((path.to_path_buf(), tmp)),
            None if !existed => self.created.push(path.to_path_buf()),
            None => {}
        }
        Ok(())
    }

    fn undo(&mut self) {
        for p in self.created.drain(..) {
            let _ = fs::remove_file(&p);
            sync_parent_dir(&p);
        }
        for (path, old) in self.replaced.drain(..) {
            if fs::rename(&old, &path).is_ok() {
                sync_parent_dir(&path);
            }
        }
    }
}

impl Drop for Written {
    /// Done (or undone): the second names of replaced files go.
    fn drop(&mut self) {
        for (_, old) in &self.replaced {
            let _ = fs::remove_file(old);
        }
    }
}

/// Runs `f` (the writes and the audit entry); on failure removes the files
/// it created and puts back those it replaced, so a set of files is
/// written whole or not at all.
pub fn all_or_nothing<T>(f: impl FnOnce(&mut Written) -> Result<T>) -> Result<T> {
    let mut w = Written::default();
    let r = f(&mut w);
    if r.is_err() {
        w.undo();
    }
    r
}

/// A file's bytes and mode before an edit, to put back when what must
/// accompany the edit (a store transaction, an audit entry) fails; the
/// file a symlink points at, never the symlink.
#[derive(Debug)]
pub struct FileSnapshot {
    path: PathBuf,
    old: Option<(Zeroizing<Vec<u8>>, u32)>,
}

impl FileSnapshot {
    /// Remembers what `path` holds now (or that it does not exist).
    pub fn take(path: &Path) -> Self {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let old = fs::read(&path).ok().map(|b| {
            let mode = fs::metadata(&path)
                .map(|m| m.permissions().mode() & 0o7777)
                .unwrap_or(0o600);
            (Zeroizing::new(b), mode)
        });
        FileSnapshot { path, old }
    }

    /// Puts the file back as it was (removes it if it did not exist); best effort.
    pub fn restore(&self) {
        match &self.old {
            Some((bytes, mode)) => {
                let _ = write_atomic(&self.path, bytes, *mode, Overwrite::Replace);
            }
            None => {
                let _ = fs::remove_file(&self.path);
            }
        }
    }
}

/// An exclusive advisory lock (`flock`) on a file beside what it guards,
/// released when dropped (or when the process dies, even by `kill -9`).
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

/// Takes the exclusive lock on `lock_path` (created 0600 if absent),
/// waiting up to `wait` for another process to release it: then exit 4,
/// never a hang. `what` names the guarded file in the message.
pub fn lock_exclusive(
    lock_path: &Path,
    what: &Path,
    wait: std::time::Duration,
) -> Result<FileLock> {
    use std::os::fd::AsRawFd;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(lock_path)
        .map_err(|e| Error::io("create the lock file", lock_path, &e))?;
    let deadline = std::time::Instant::now() + wait;
    loop {
        // SAFETY: flock on a descriptor this function owns; no memory is passed.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(FileLock { _file: file });
        }
        let err = std::io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EWOULDBLOCK) | Some(libc::EINTR) => {}
            _ => return Err(Error::io("lock", lock_path, &err)),
        }
        if std::time::Instant::now() >= deadline {
            return Err(Error::environment(format!(
                "{} is being changed by another process (waited {} s for {})",
                what.display(),
                wait.as_secs(),
                lock_path.display()
            ))
            .with_hint("run one keyring change at a time; retry when the other one has finished"));
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn exists_error(path: &Path) -> Error {
    Error::environment(format!("{} already exists", path.display()))
        .with_hint("keyward never replaces a file without --force")
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes the temporary files that [`stage`] made for `path` in processes
/// that are gone (killed between writing and renaming): `.NAME.keyward-PID-
/// RANDOM.tmp` whose PID is not a running process. Best effort; call it
/// under the lock that serialises writers of `path`.
pub fn remove_stale_temps(path: &Path) {
    let (Some(name), Ok(entries)) = (path.file_name(), fs::read_dir(parent_dir(path))) else {
        return;
    };
    let prefix = format!(".{}.keyward-", name.to_string_lossy());
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<libc::pid_t>().ok())
            .filter(|p| *p > 0)
        else {
            continue;
        };
        // SAFETY: kill with signal 0 only asks whether the process exists.
        let gone = unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if gone {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn temp_path(dir: &Path, path: &Path) -> Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::usage(format!("{} is not a file name", path.display())))?;
    let mut rnd = [0u8; 6];
    crate::crypto::random::fill(&mut rnd)?;
    Ok(dir.join(format!(
        ".{}.keyward-{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        hex::encode(rnd)
    )))
}

/// Where a variable is defined in a dotenv file: the lines it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvDefinition {
    /// First line, 1-based.
    pub first_line: usize,
    /// Last line, 1-based (a quoted value may span several lines).
    pub last_line: usize,
}

/// `FILE defines VAR N times (lines ...)`: a file where keyward will not
/// guess which definition the service reads.
fn defined_twice(path: &Path, var: &str, defs: &[EnvDefinition]) -> String {
    format!(
        "{} defines {var} {} times (lines {}); keyward does not guess which one the service reads",
        path.display(),
        defs.len(),
        defs.iter()
            .map(|d| d.first_line.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Finds every definition of `var` in dotenv text: `NAME=...` or
/// `export NAME=...`, multi-line quoted values included; comment lines are
/// not definitions.
pub fn find_env_definitions(text: &str, var: &str) -> Vec<EnvDefinition> {
    let lines: Vec<&str> = split_lines_keep(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end_matches(['\n', '\r']);
        let start = i;
        let mut end = i;
        if let Some((name, value)) = parse_assignment(line) {
            // A quoted value that is not closed on its line runs on.
            if let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'')
                && !closes_quote(&value[1..], q)
            {
                // Runs on to the line that closes it; a quote never closed is
                // taken as a one-line value rather than swallowing the file.
                if let Some(j) = (i + 1..lines.len())
                    .find(|&j| closes_quote(lines[j].trim_end_matches(['\n', '\r']), q))
                {
                    end = j;
                }
            }
            if name == var {
                found.push(EnvDefinition {
                    first_line: start + 1,
                    last_line: end + 1,
                });
            }
        }
        i = end + 1;
    }
    found
}

/// Splits text into lines, each keeping its own terminator.
fn split_lines_keep(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// `NAME=value` or `export NAME=value` (spaces allowed around `=`), giving
/// the name and the value text after `=` with leading blanks removed.
fn parse_assignment(line: &str) -> Option<(&str, &str)> {
    let mut rest = line.trim_start();
    if rest.starts_with('#') {
        return None;
    }
    if let Some(r) = rest.strip_prefix("export")
        && r.starts_with([' ', '\t'])
    {
        rest = r.trim_start();
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'))
        .unwrap_or(rest.len());
    if end == 0 {
        return None;
    }
    let (name, after) = rest.split_at(end);
    let after = after.trim_start_matches([' ', '\t']);
    let value = after.strip_prefix('=')?;
    Some((name, value.trim_start_matches([' ', '\t'])))
}

/// True when `s` contains the closing quote `q` (unescaped for `"`).
fn closes_quote(s: &str, q: char) -> bool {
    let mut escaped = false;
    for c in s.chars() {
        if q == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == q && !escaped {
            return true;
        }
        escaped = false;
    }
    false
}

/// Quotes a value for a dotenv file only when it needs it. Single quotes
/// keep it literal for every common loader (python-dotenv, dotenvy, docker
/// compose); values with a single quote fall back to escaped double quotes.
pub fn dotenv_value(value: &str) -> String {
    let plain = value.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, '_' | '-' | '.' | '+' | '/' | '=' | ':' | '@' | ',')
    });
    if plain {
        value.to_owned()
    } else if can_single_quote(value) {
        format!("'{value}'")
    } else {
        double_quoted(value)
    }
}

/// A value single quotes can hold literally: no `'`, no line break.
fn can_single_quote(value: &str) -> bool {
    !value.contains(['\'', '\n', '\r'])
}

/// `"value"` with `\`, `"`, `$` and line breaks escaped.
fn double_quoted(value: &str) -> String {
    let escaped = value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('$', "\\$")
        .replace('\n', "\\n")
        .replace('\r', "\\r");
    format!("\"{escaped}\"")
}

/// The value in the quoting style the old one had (hardening #16): single
/// quotes stay single when the value allows it (else escaped double
/// quotes), double quotes stay double, an unquoted value is quoted only
/// when it needs it.
fn requote(value: &str, style: Option<char>) -> String {
    match style {
        Some('\'') if can_single_quote(value) => format!("'{value}'"),
        Some(_) => double_quoted(value),
        None => dotenv_value(value),
    }
}

/// One definition taken apart: everything before the value (indent,
/// `export `, the name, `=` with its spaces), the value's quote, its
/// decoded text, and everything after it on its last line (spaces, an
/// inline comment), without the line break.
struct Assignment {
    prefix: String,
    quote: Option<char>,
    value: Zeroizing<String>,
    suffix: String,
}

/// Parses the text of one definition (its lines joined, terminators
/// included; the last terminator removed by the caller).
fn split_assignment(text: &str) -> Option<Assignment> {
    let first = text.lines().next().unwrap_or("");
    // parse_assignment gives the value as the tail of the line.
    let (_, value_text) = parse_assignment(first)?;
    let start = first.len() - value_text.len();
    let prefix = text[..start].to_string();
    let rest = &text[start..];
    let mut value = Zeroizing::new(String::new());
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let mut chars = rest[1..].char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                if c == q {
                    end = Some(1 + i + 1);
                    break;
                }
                if q == '"' && c == '\\' {
                    match chars.next() {
                        Some((_, 'n')) => value.push('\n'),
                        Some((_, 'r')) => value.push('\r'),
                        Some((_, 't')) => value.push('\t'),
                        Some((_, other)) => value.push(other),
                        None => value.push('\\'),
                    }
                    continue;
                }
                value.push(c);
            }
            // A quote never closed: the whole line is the value, kept as is.
            let end = end?;
            Some(Assignment {
                prefix,
                quote: Some(q),
                value,
                suffix: rest[end..].to_string(),
            })
        }
        _ => {
            // Unquoted: up to a ` #` comment, trailing blanks not included.
            let cut = rest
                .match_indices('#')
                .find(|(i, _)| *i > 0 && rest[..*i].ends_with([' ', '\t']))
                .map_or(rest.len(), |(i, _)| i);
            let v = rest[..cut].trim_end_matches([' ', '\t']);
            value.push_str(v);
            Some(Assignment {
                prefix,
                quote: None,
                value,
                suffix: rest[v.len()..].to_string(),
            })
        }
    }
}

/// What a dotenv edit did, for the caller's notes and warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvEdit {
    /// The 1-based line where the variable now stands.
    pub line: usize,
    /// The file written: the target when the path is a symlink.
    pub written: PathBuf,
    /// Set when the path was a symlink into another directory (written
    /// through under `--force`).
    pub symlink_to: Option<PathBuf>,
    /// Set when the file allows group or other access (kept under `--force`).
    pub loose_mode: Option<u32>,
    /// How many items the variable holds after an append.
    pub items: usize,
}

/// How [`edit_env_var`] changes the variable.
#[derive(Debug, Clone, Copy)]
pub enum EnvChange<'a> {
    /// Set it to this value; an existing definition needs `--force`.
    Set(&'a str),
    /// Add this item to its comma-separated list (creating it if absent).
    Append(&'a str),
}

/// Sets `var` in the dotenv file at `path`, atomically: [`edit_env_var`]
/// with [`EnvChange::Set`].
pub fn set_env_var(path: &Path, var: &str, value: &str, force: bool) -> Result<EnvEdit> {
    edit_env_var(path, var, EnvChange::Set(value), force)
}

/// Refuses (exit 4) a dotenv path that is a symlink into another directory,
/// or an existing file that group or others may access, unless `force`.
/// Returns the file to write, whether it is reached through such a
/// symlink, and its loose mode if any.
fn check_env_target(path: &Path, force: bool) -> Result<(PathBuf, Option<PathBuf>, Option<u32>)> {
    let link = fs::symlink_metadata(path).map(|m| m.file_type().is_symlink());
    let mut target = path.to_path_buf();
    let mut foreign = None;
    if let Ok(true) = link {
        let resolved = fs::canonicalize(path).map_err(|e| {
            Error::io("follow the symlink", path, &e).with_hint(
                "the symlink points at nothing; create its target or name the file itself",
            )
        })?;
        let link_dir = fs::canonicalize(parent_dir(path)).unwrap_or_else(|_| parent_dir(path));
        if resolved.parent() != Some(link_dir.as_path()) {
            if !force {
                return Err(Error::environment(format!(
                    "{} is a symlink to {} in another directory; keyward does not write a secret through it",
                    path.display(),
                    resolved.display()
                ))
                .with_hint("name the target file, or add --force to write through the symlink"));
            }
            foreign = Some(resolved.clone());
        }
        target = resolved;
    }
    let loose = match fs::metadata(&target) {
        Ok(m) if m.permissions().mode() & 0o077 != 0 => Some(m.permissions().mode() & 0o777),
        _ => None,
    };
    if let Some(mode) = loose
        && !force
    {
        return Err(Error::environment(format!(
            "{} is accessible by other users (mode {mode:04o}); keyward does not write a secret into it",
            target.display()
        ))
        .with_hint(format!(
            "chmod 600 {} first, or add --force to write anyway",
            target.display()
        )));
    }
    Ok((target, foreign, loose))
}

/// Changes `var` in the dotenv file at `path`, atomically. A file that does
/// not exist is created with mode 0600. A symlink into another directory
/// and a file others may access are refused unless `force` (hardening #16).
/// An existing definition is replaced only with `force` ([`EnvChange::Set`])
/// or extended ([`EnvChange::Append`]); its `export `, quoting style and
/// inline comment are kept, and with `Set` later duplicates are dropped so
/// no loader sees the old value. Every other byte of the file is kept, its
/// mode and (where allowed) its owner too.
pub fn edit_env_var(path: &Path, var: &str, change: EnvChange<'_>, force: bool) -> Result<EnvEdit> {
    edit_env_vars(path, &[(var, change)], force, force)
}

/// Sets several variables in the dotenv file at `path` in one atomic
/// write (a reader sees all of them changed or none: a key and its salt
/// belong together). An existing definition is replaced only with
/// `replace`; a symlink into another directory and a file others may
/// access are written only with `force`. Otherwise as [`edit_env_var`].
/// The returned line is the first variable's.
pub fn set_env_vars(
    path: &Path,
    vars: &[(&str, &str)],
    replace: bool,
    force: bool,
) -> Result<EnvEdit> {
    let changes: Vec<(&str, EnvChange<'_>)> =
        vars.iter().map(|(k, v)| (*k, EnvChange::Set(v))).collect();
    edit_env_vars(path, &changes, replace, force)
}

/// Refuses, as a dotenv edit would without `--force` (exit 4), a dotenv
/// path that is a symlink into another directory or a file that group or
/// others may access; returns the file an edit writes (a symlink's target).
pub fn check_env_file(path: &Path) -> Result<PathBuf> {
    check_env_target(path, false).map(|(target, _, _)| target)
}

/// The value of `var` in dotenv `text` (quotes removed, escapes decoded,
/// an inline comment left out) and its 1-based line; `None` when it is not
/// defined. A variable defined twice, or a quote never closed, is bad
/// input naming `path` and the lines: keyward does not guess which value
/// the service reads.
pub fn env_value(text: &str, var: &str, path: &Path) -> Result<Option<(usize, Zeroizing<String>)>> {
    let defs = find_env_definitions(text, var);
    let Some(first) = defs.first() else {
        return Ok(None);
    };
    if defs.len() > 1 {
        return Err(Error::bad_input(defined_twice(path, var, &defs))
            .with_hint("keep one definition, then run the command again"));
    }
    let lines = split_lines_keep(text);
    let body = Zeroizing::new(lines[first.first_line - 1..first.last_line].concat());
    let body = body.trim_end_matches(['\n', '\r']);
    match split_assignment(body) {
        Some(a) => Ok(Some((first.first_line, a.value))),
        None => Err(Error::bad_input(format!(
            "{}:{}: the value of {var} has an unclosed quote; keyward does not guess where it ends",
            path.display(),
            first.first_line
        ))),
    }
}

/// Applies `changes` in order to the dotenv file at `path` and writes it
/// once, atomically (see [`edit_env_var`]; `replace`: an existing
/// definition may be set, `force`: a foreign symlink or a loose mode is
/// written through).
fn edit_env_vars(
    path: &Path,
    changes: &[(&str, EnvChange<'_>)],
    replace: bool,
    force: bool,
) -> Result<EnvEdit> {
    let (target, symlink_to, loose_mode) = check_env_target(path, force)?;
    let path = target.as_path();
    let existing = match fs::read(path) {
        Ok(bytes) => Some(Zeroizing::new(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io("read", path, &e)),
    };
    let edit = |line: usize, items: usize| EnvEdit {
        line,
        written: path.to_path_buf(),
        symlink_to: symlink_to.clone(),
        loose_mode,
        items,
    };
    let Some(bytes) = existing else {
        let mut text = Zeroizing::new(String::new());
        let mut items = 1;
        for (var, change) in changes {
            let (next, _, n) = edit_env_text(path, &text, var, *change, replace)?;
            text = next;
            items = n;
        }
        write_atomic(path, text.as_bytes(), 0o600, Overwrite::Refuse)?;
        return Ok(edit(1, items));
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::bad_input(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.valid_up_to()
        ))
    })?;
    let meta = fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    let mut out = Zeroizing::new(text.to_string());
    let (mut first_line, mut items) = (None, 1);
    for (var, change) in changes {
        let (next, line, n) = edit_env_text(path, &out, var, *change, replace)?;
        out = next;
        first_line.get_or_insert(line);
        items = n;
    }
    let mode = meta.permissions().mode() & 0o7777;
    write_atomic(path, out.as_bytes(), mode, Overwrite::Replace)?;
    // Keep the owner, so a service reading its .env as another user still can.
    let _ = std::os::unix::fs::chown(path, Some(meta.uid()), Some(meta.gid()));
    Ok(edit(first_line.unwrap_or(1), items))
}

/// Dotenv `text` with one variable changed: the new text, the variable's
/// line and (for an append) how many items its list holds.
fn edit_env_text(
    path: &Path,
    text: &str,
    var: &str,
    change: EnvChange<'_>,
    force: bool,
) -> Result<(Zeroizing<String>, usize, usize)> {
    let new_item = match change {
        EnvChange::Set(v) | EnvChange::Append(v) => v,
    };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let defs = find_env_definitions(text, var);
    let lines = split_lines_keep(text);
    let mut out = Zeroizing::new(String::with_capacity(text.len() + new_item.len() + 64));
    let line_no;
    let mut items = 1;
    if let Some(first) = defs.first() {
        let append = matches!(change, EnvChange::Append(_));
        if append && defs.len() > 1 {
            return Err(Error::environment(defined_twice(path, var, &defs))
                .with_hint("keep one definition, then run the command again"));
        }
        if !append && !force {
            return Err(Error::environment(format!(
                "{} already defines {var} (line {})",
                path.display(),
                first.first_line
            ))
            .with_hint("keyward never replaces a variable without --force"));
        }
        // The old definition's text, its last line break set apart.
        let old: String = lines[first.first_line - 1..first.last_line].concat();
        let (old_body, old_end) = match old.strip_suffix("\r\n") {
            Some(b) => (b.to_string(), "\r\n"),
            None => match old.strip_suffix('\n') {
                Some(b) => (b.to_string(), "\n"),
                None => (old.clone(), ""),
            },
        };
        let old = Zeroizing::new(old);
        let old_body = Zeroizing::new(old_body);
        let parsed = split_assignment(&old_body);
        let replacement = Zeroizing::new(match (&parsed, change) {
            (Some(a), EnvChange::Set(v)) => {
                format!("{}{}{}{old_end}", a.prefix, requote(v, a.quote), a.suffix)
            }
            (Some(a), EnvChange::Append(v)) => {
                let kept = a.value.trim_end_matches([',', ' ', '\t']);
                let list = Zeroizing::new(if kept.trim().is_empty() {
                    v.to_string()
                } else {
                    format!("{kept},{v}")
                });
                items = list.split(',').filter(|s| !s.trim().is_empty()).count();
                format!(
                    "{}{}{}{old_end}",
                    a.prefix,
                    requote(&list, a.quote),
                    a.suffix
                )
            }
            (None, EnvChange::Set(v)) => {
                format!("{var}={}{old_end}", dotenv_value(v))
            }
            (None, EnvChange::Append(_)) => {
                return Err(Error::bad_input(format!(
                    "{}:{}: the value of {var} has an unclosed quote; keyward does not guess where it ends",
                    path.display(),
                    first.first_line
                )));
            }
        });
        drop(old);
        // Replace the first definition in place; with Set, drop any later
        // duplicates so that no loader, first-wins or last-wins, sees the
        // old value.
        line_no = first.first_line;
        let mut n = 1;
        let mut it = lines.iter().peekable();
        while let Some(l) = it.next() {
            if let Some(d) = defs.iter().find(|d| d.first_line == n) {
                if d.first_line == first.first_line {
                    out.push_str(&replacement);
                }
                let span = d.last_line - d.first_line;
                for _ in 0..span {
                    it.next();
                }
                n += span + 1;
                continue;
            }
            out.push_str(l);
            n += 1;
        }
    } else {
        out.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            out.push_str(newline);
        }
        line_no = lines.len() + 1;
        out.push_str(&Zeroizing::new(format!(
            "{var}={}{newline}",
            dotenv_value(new_item)
        )));
    }
    Ok((out, line_no, items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_plain_export_and_multiline_definitions() {
        let text = "# A=commented\nA=1\nexport B = 2\nC=\"line one\nline two\"\nA='x'\nAB=3\n";
        assert_eq!(
            find_env_definitions(text, "A"),
            vec![
                EnvDefinition {
                    first_line: 2,
                    last_line: 2
                },
                EnvDefinition {
                    first_line: 6,
                    last_line: 6
                }
            ]
        );
        assert_eq!(
            find_env_definitions(text, "B"),
            vec![EnvDefinition {
                first_line: 3,
                last_line: 3
            }]
        );
        assert_eq!(
            find_env_definitions(text, "C"),
            vec![EnvDefinition {
                first_line: 4,
                last_line: 5
            }]
        );
        assert!(find_env_definitions(text, "line").is_empty());
    }

    #[test]
    fn values_are_quoted_only_when_needed() {
        assert_eq!(dotenv_value("abc+/=="), "abc+/==");
        assert_eq!(dotenv_value("a#b$c d"), "'a#b$c d'");
        assert_eq!(dotenv_value("it's $x"), "\"it's \\$x\"");
    }

    #[test]
    fn set_env_var_appends_and_replaces_keeping_other_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        let original =
            "# comment\r\nOTHER=keep me  \r\nMULTI=\"a\r\nb\"\r\nJWT_SECRET=old\r\nlast=1";
        fs::write(&p, original).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o400)).unwrap();
        let err = set_env_var(&p, "JWT_SECRET", "new", false).unwrap_err();
        assert!(err.message().contains("line 5"), "{}", err.message());
        assert_eq!(fs::read_to_string(&p).unwrap(), original);
        // Group-writable: refused first (hardening #16), kept under --force.
        fs::set_permissions(&p, fs::Permissions::from_mode(0o620)).unwrap();
        let err = set_env_var(&p, "JWT_SECRET", "new", false).unwrap_err();
        assert!(err.message().contains("mode 0620"), "{}", err.message());
        assert_eq!(err.exit_code(), 4);
        assert_eq!(fs::read_to_string(&p).unwrap(), original);

        assert_eq!(set_env_var(&p, "JWT_SECRET", "new", true).unwrap().line, 5);
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "# comment\r\nOTHER=keep me  \r\nMULTI=\"a\r\nb\"\r\nJWT_SECRET=new\r\nlast=1"
        );
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o620
        );
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();

        assert_eq!(set_env_var(&p, "NEW", "v", false).unwrap().line, 7);
        assert!(
            fs::read_to_string(&p)
                .unwrap()
                .ends_with("last=1\r\nNEW=v\r\n")
        );

        assert_eq!(set_env_var(&p, "MULTI", "z", true).unwrap().line, 3);
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "# comment\r\nOTHER=keep me  \r\nMULTI=\"z\"\r\nJWT_SECRET=new\r\nlast=1\r\nNEW=v\r\n"
        );
    }

    #[test]
    fn hardening_16_replacing_keeps_export_quotes_and_comment() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        let cases = [
            (
                "export NAME=\"old\" # rotated 2024\n",
                "n3w$",
                "export NAME=\"n3w\\$\" # rotated 2024\n",
            ),
            ("  NAME = 'old'  # c\r\n", "a b", "  NAME = 'a b'  # c\r\n"),
            ("NAME='old'\n", "it's", "NAME=\"it's\"\n"),
            ("NAME=old # keep\n", "x#y", "NAME='x#y' # keep\n"),
            ("export NAME=old\n", "plain", "export NAME=plain\n"),
            (
                "NAME=\"multi\nline\" # c\nB=1\n",
                "v",
                "NAME=\"v\" # c\nB=1\n",
            ),
            ("NAME=\"a \\\" b\"\n", "q\"x", "NAME=\"q\\\"x\"\n"),
        ];
        for (before, value, after) in cases {
            fs::write(&p, format!("A=1\n{before}Z=2")).unwrap();
            fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
            set_env_var(&p, "NAME", value, true).unwrap();
            assert_eq!(
                fs::read_to_string(&p).unwrap(),
                format!("A=1\n{after}Z=2"),
                "{before:?}"
            );
        }
    }

    #[test]
    fn set_env_vars_writes_several_at_once_and_env_value_reads_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        let original = "# keep\nexport KEY=\"old\" # c\nOTHER='x y'\n\nSALT=00\n";
        fs::write(&p, original).unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        // A loose mode is refused without force, the file untouched.
        let err = set_env_vars(&p, &[("KEY", "new")], true, false).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(check_env_file(&p).is_err());
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(check_env_file(&p).unwrap(), p);
        // An existing definition needs `replace`.
        assert!(set_env_vars(&p, &[("KEY", "new")], false, false).is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), original);
        let text = fs::read_to_string(&p).unwrap();
        let (line, v) = env_value(&text, "OTHER", &p).unwrap().unwrap();
        assert_eq!((line, v.as_str()), (3, "x y"));
        assert_eq!(
            env_value(&text, "KEY", &p).unwrap().unwrap().1.as_str(),
            "old"
        );
        assert!(env_value(&text, "NONE", &p).unwrap().is_none());
        let e = set_env_vars(
            &p,
            &[("KEY", "n3w+/="), ("SALT", "ff"), ("ADDED", "1")],
            true,
            false,
        )
        .unwrap();
        assert_eq!(e.line, 2);
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "# keep\nexport KEY=\"n3w+/=\" # c\nOTHER='x y'\n\nSALT=ff\nADDED=1\n"
        );
        assert_eq!(mode_of(&p), 0o600);
        fs::write(&p, "K=1\nK=2\nQ=\"open\n").unwrap();
        let text = fs::read_to_string(&p).unwrap();
        let err = env_value(&text, "K", &p).unwrap_err();
        assert!(
            err.message().contains("defines K 2 times (lines 1, 2)"),
            "{}",
            err.message()
        );
        assert_eq!(err.exit_code(), 3);
        assert!(
            env_value(&text, "Q", &p)
                .unwrap_err()
                .message()
                .contains("unclosed quote")
        );
    }

    fn mode_of(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn hardening_18_append_extends_the_list_in_its_style() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".env");
        fs::write(&p, "A=1\nexport API_KEYS=\"k1,k2\" # keys\nZ=2\n").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        let e = edit_env_var(&p, "API_KEYS", EnvChange::Append("k3"), false).unwrap();
        assert_eq!((e.line, e.items), (2, 3));
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "A=1\nexport API_KEYS=\"k1,k2,k3\" # keys\nZ=2\n"
        );
        // Absent: created at the end; empty: the key alone.
        let e = edit_env_var(&p, "OTHER", EnvChange::Append("k9"), false).unwrap();
        assert_eq!((e.line, e.items), (4, 1));
        fs::write(&p, "API_KEYS=\nB=2\n").unwrap();
        edit_env_var(&p, "API_KEYS", EnvChange::Append("k1"), false).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "API_KEYS=k1\nB=2\n");
        // Two definitions: refused, the file untouched.
        fs::write(&p, "API_KEYS=a\nAPI_KEYS=b\n").unwrap();
        let err = edit_env_var(&p, "API_KEYS", EnvChange::Append("k"), true).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert_eq!(fs::read_to_string(&p).unwrap(), "API_KEYS=a\nAPI_KEYS=b\n");
    }

    #[test]
    fn write_atomic_refuses_to_clobber_and_sets_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        write_atomic(&p, b"one", 0o600, Overwrite::Refuse).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert!(write_atomic(&p, b"two", 0o600, Overwrite::Refuse).is_err());
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", 0o600, Overwrite::Replace).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_set_of_writes_leaves_what_was_there() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, link) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("link"),
        );
        fs::write(&a, b"old a").unwrap();
        fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink("a", &link).unwrap();
        let subdir = dir.path().join("d");
        fs::create_dir(&subdir).unwrap();
        // a replaced, b created, the symlink replaced, then a failure.
        let r = all_or_nothing(|w| {
            w.write(&a, b"new a", 0o600, true)?;
            w.write_all(
                &[
                    FileOut {
                        path: &b,
                        bytes: b"b",
                        mode: 0o600,
                    },
                    FileOut {
                        path: &link,
                        bytes: b"l",
                        mode: 0o600,
                    },
                ],
                true,
            )?;
            w.write(&subdir, b"x", 0o600, true)
        });
        assert!(r.is_err());
        assert_eq!(fs::read(&a).unwrap(), b"old a");
        assert_eq!(
            fs::metadata(&a).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert!(!b.exists());
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("a"));
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["a", "d", "link"], "no temporary names left");
        // Done: the new files stay, and no second names either.
        all_or_nothing(|w| w.write(&a, b"newer", 0o600, true)).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"newer");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn staging_a_set_is_all_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok");
        let bad = dir.path().join("missing").join("x");
        let r = stage_all(&[
            FileOut {
                path: &ok,
                bytes: b"1",
                mode: 0o600,
            },
            FileOut {
                path: &bad,
                bytes: b"2",
                mode: 0o600,
            },
        ]);
        let e = r.unwrap_err();
        assert!(
            e.message()
                .starts_with(&format!("cannot write {}", bad.display())),
            "{e}"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
