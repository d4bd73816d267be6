//! A cache hint for scoring: a model's rows are scattered over a table of
//! megabytes, one random row per feature, and scoring waits on memory far
//! more than it adds. Asking for every row of a decision before adding
//! any lets the loads overlap instead of queueing behind the adds.
//!
//! Written by hand because it is one intrinsic: no crate is needed for it.

/// Starts loading the cache line that holds `x`; does nothing on targets
/// without a prefetch instruction we use.
#[inline(always)]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch is a hint to the cache; it reads nothing into
        // the program and cannot fault, whatever the address. `x` is a
        // valid reference in any case.
        #[allow(unused_unsafe)]
        unsafe {
            _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>())
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
