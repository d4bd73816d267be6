//! casus's pipeline: the stages, put together.
//!
//! * [`Resources`]: every data file the stages load, loaded once.
//! * [`Pipeline`]: one raw document in, one [`casus_core::Article`] out
//!   (clean, segment, identify the language, give it an id).
//! * [`run`]: a batch of inputs, read on one thread and processed on all
//!   cores in batches, handed to a sink in input order, with exact
//!   duplicates marked ([`Dedup`]) and a [`Summary`] of what happened.

mod acled;
mod annotate;
mod coherence;
mod datelines;
mod dedup;
mod discourse;
mod embedded;
mod features;
mod local;
mod peoples;
mod pipeline;
mod quotes;
mod readings;
mod resources;
mod run;
mod states;
mod tally;
mod toponyms;

pub use annotate::{annotate, Annotations};
pub use dedup::{body_hash, Dedup};
pub use pipeline::{Known, Pipeline, PipelineOptions, Processed};
pub use resources::{default_gazetteer_path, AcledFiles, Models, ResourceError, Resources, UserData};
pub use run::{articles_of, run, Item, RunOptions, Summary};
pub use tally::{Example, Tally, TallyMode, TallyRow};
