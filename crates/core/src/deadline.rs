//! A time budget for the work one thread does for one document or one
//! request.
//!
//! [`within`] sets a deadline for everything the closure does on this
//! thread; long loops look at [`passed`] and stop early, and their caller
//! reports the work as over budget. A thread-local rather than a parameter
//! because the loops that check it sit several stages down, and a document
//! or a request is worked on by one thread from start to end.

use std::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    static DEADLINE: Cell<Option<(Instant, Duration)>> = const { Cell::new(None) };
}

/// Runs `f` with a deadline `budget` from now on this thread (the outer
/// deadline is put back after, also when `f` panics).
pub fn within<T>(budget: Duration, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<(Instant, Duration)>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.set(self.0);
        }
    }
    let at = Instant::now().checked_add(budget);
    let _restore = Restore(DEADLINE.replace(at.map(|at| (at, budget))));
    f()
}

/// The deadline in force on this thread and the budget it came from.
pub fn current() -> Option<(Instant, Duration)> {
    DEADLINE.get()
}

/// Has this thread's deadline passed? (False when there is none.)
pub fn passed() -> bool {
    current().is_some_and(|(at, _)| Instant::now() >= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_holds_inside_within_and_is_lifted_after() {
        assert!(!passed());
        within(Duration::ZERO, || {
            assert!(passed());
            within(Duration::from_secs(60), || assert!(!passed()));
            assert!(passed(), "the outer deadline is back");
        });
        assert!(current().is_none());
    }

    #[test]
    fn a_deadline_is_lifted_when_the_work_panics() {
        let r = std::panic::catch_unwind(|| within(Duration::ZERO, || panic!("bug")));
        assert!(r.is_err());
        assert!(current().is_none());
    }
}
