//! Problems found in configuration and check files, reported all at once with their position.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::core::yaml::{DeError, Pos};

/// One thing wrong with a file the operator wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// Where in the file; `None` for problems with the whole file.
    pub pos: Option<Pos>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem at a position.
    pub fn at(file: &Path, pos: Pos, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            pos: Some(pos),
            message: message.into(),
            hint: None,
        }
    }

    /// A problem with a whole file.
    pub fn file(file: &Path, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            pos: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// Converts an error from reading a node.
    pub fn from_de(file: &Path, e: DeError) -> Problem {
        Problem {
            file: file.to_owned(),
            pos: e.pos,
            message: e.message,
            hint: e.hint,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(p) = self.pos {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        write!(f, ": error: {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n    hint: {h}")?;
        }
        Ok(())
    }
}

/// Every problem found while loading; loading fails when there is at least one.
#[derive(Clone, Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records one.
    pub fn push(&mut self, p: Problem) {
        self.0.push(p);
    }

    /// Adds all of another list.
    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        write!(
            f,
            "{} problem{} found",
            self.0.len(),
            if self.0.len() == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Problems {}

/// Why a command could not do its work. Each kind has its exit code, named once here: all are
/// 3 (UNKNOWN) for now, since monitoring reads 1 and 2 as WARNING and CRITICAL of the checked
/// systems, and a command that could not run has not checked anything.
#[derive(Debug)]
pub enum Error {
    /// Problems in files the operator wrote, each with its position; nothing was run.
    Config(Problems),
    /// The command line asks for something that cannot be done (clap's errors included).
    Usage(String),
    /// The history store could not be opened, migrated, read or written.
    Store(String),
    /// A file or stream could not be read or written.
    Io(std::io::Error),
    /// Anything else, with what to do about it.
    Message(String),
}

impl Error {
    /// The process exit code of this kind of failure.
    pub fn code(&self) -> u8 {
        match self {
            Error::Config(_) | Error::Usage(_) | Error::Store(_) | Error::Io(_) => 3,
            Error::Message(_) => 3,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Config(p) => write!(f, "{p}; nothing was run"),
            Error::Usage(m) | Error::Store(m) | Error::Message(m) => f.write_str(m),
            Error::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Problems> for Error {
    fn from(p: Problems) -> Error {
        Error::Config(p)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

/// Something wrong with a part of the configuration, found before it is placed in a file:
/// what is wrong and how to fix it. The loader turns it into a [`Problem`] at the right line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl Invalid {
    /// A fault and its fix.
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Invalid {
        Invalid {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The problem at `pos` of `file`.
    pub fn at(self, file: &Path, pos: Pos) -> Problem {
        Problem::at(file, pos, self.message).hint(self.hint)
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.hint)
    }
}
