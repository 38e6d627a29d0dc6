//! The bottom layer: types and helpers every other module uses, importing nothing else of the
//! crate. A helper two modules need moves here rather than sideways between them.

pub mod clock;
pub mod csv;
pub mod duration;
pub mod elf;
pub mod error;
pub mod fsx;
pub mod net;
pub mod outcome;
pub mod par;
pub mod period;
pub mod process;
pub mod secret;
pub mod target;
pub mod text;
pub mod threshold;
pub mod yaml;
