//! The shared machinery of casus's learned parts, in one place so that no
//! stage keeps its own copy:
//!
//! * [`hash`]: feature strings hashed (FNV-1a) into buckets, so that weights
//!   files hold numbers only, never text.
//! * [`Logistic`]: multinomial logistic regression over hashed binary
//!   features (AdaGrad), with its weights file format.
//! * [`Perceptron`]: an averaged multi-class perceptron over hashed
//!   features, for taggers and greedy transition parsers.
//! * [`groups`]: near-duplicate groups of sentences (templates, republished
//!   copies) and grouped k-fold assignment that keeps each group in one fold.
//! * [`from_builtin`]: the pages of weights compiled into the binary
//!   given back to the kernel as a model copies them into its tables.
//! * [`Rng`]: a small deterministic generator, so that training rebuilds the
//!   same weights byte for byte.

pub mod groups;
pub mod hash;
mod logistic;
mod perceptron;
mod prefetch;
mod release;
mod rng;
mod weights;

pub use groups::{grouped_folds, near_duplicate_groups, Grouping};
pub use hash::{bucket, fnv, mix, mix_bucket};
pub use logistic::{Logistic, Training};
pub use perceptron::{best, Perceptron, PerceptronTrainer};
pub use release::{from_builtin, trim_heap};
pub use rng::Rng;
pub use weights::WeightsError;
