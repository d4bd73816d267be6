//! Giving back the pages of weights compiled into the binary.
//!
//! The shipped weights are `include_bytes!` data: pages of the executable
//! that the kernel maps in as a model reads them. Each model copies its
//! weights into its own tables on loading and never reads those bytes
//! again, yet the pages it touched stay resident, so every built-in
//! model would count twice in a run's memory (about 28 MB for all of
//! them), and more at the peak, when two loading threads each hold a
//! model's file and its tables.
//!
//! [`from_builtin`] marks a `'static` slice while a model loads from it;
//! the weights reader then gives its pages back every megabyte as it
//! goes, so that only about a megabyte of each file is resident at once.
//!
//! The advice is `MADV_DONTNEED`, and only for pages of a read-only
//! mapping of a file (the executable, as `/proc/self/maps` says): such
//! pages were never written, so the kernel drops them from this process
//! and reads them again from the page cache if anything touches them.
//! They stay in the page cache, so the next run starts as fast.
//! (`MADV_PAGEOUT` would also evict them from the cache: measured, it
//! made a one-article run 18 ms slower.) Memory that is not such a
//! mapping is never advised; on other systems nothing is given back.

use std::cell::RefCell;

thread_local! {
    /// The address ranges of the `'static` slices being loaded on this
    /// thread (a parser loads two at once).
    static BUILTIN: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Gives the heap's free memory back to the system: the loading threads
/// free their parse buffers when they end, and glibc keeps what each
/// thread's arena freed unless asked, while the run allocates from other
/// arenas. Called on a thread of its own after loading (it takes about
/// 3 ms), it took a one-article run's peak RSS from 65 to 59 MB with the
/// same wall time. Nothing on other allocators or systems.
pub fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the kernel; it
    // touches no memory that is in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Runs `load` on `bytes`, giving their pages back as the weights
/// reader passes them, and all of them when `load` returns.
///
/// ```
/// static WEIGHTS: [u8; 4] = *b"junk";
/// let size = casus_learn::from_builtin(&WEIGHTS, |b| b.len());
/// assert_eq!(size, 4);
/// ```
pub fn from_builtin<T>(bytes: &'static [u8], load: impl FnOnce(&'static [u8]) -> T) -> T {
    let range = (bytes.as_ptr() as usize, bytes.as_ptr() as usize + bytes.len());
    BUILTIN.with(|b| b.borrow_mut().push(range));
    // Popped even when `load` panics, so no stale range stays marked.
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            BUILTIN.with(|b| b.borrow_mut().pop());
        }
    }
    let pop = Pop;
    let out = load(bytes);
    drop(pop);
    give_back(range.0, range.1);
    out
}

/// Gives back the pages of `b[..upto]` when `b` lies inside a slice
/// marked by [`from_builtin`] on this thread; otherwise does nothing.
pub(crate) fn passed(b: &[u8], upto: usize) {
    let start = b.as_ptr() as usize;
    let marked = BUILTIN.with(|m| {
        m.borrow()
            .iter()
            .any(|&(s, e)| s <= start && start + b.len() <= e)
    });
    if marked {
        give_back(start, start + upto.min(b.len()));
    }
}

/// The whole pages inside `[start, end)`.
fn give_back(start: usize, end: usize) {
    #[cfg(target_os = "linux")]
    linux::give_back(start, end);
    #[cfg(not(target_os = "linux"))]
    let _ = (start, end);
}

#[cfg(target_os = "linux")]
mod linux {
    use std::sync::OnceLock;

    /// The page size; 4 KiB when the system does not say.
    fn page() -> usize {
        // SAFETY: sysconf only reads a system constant.
        let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        if p > 0 {
            p as usize
        } else {
            4096
        }
    }

    /// This process's read-only mappings of files, from
    /// `/proc/self/maps` (read once; empty when it cannot be read).
    fn read_only_files() -> &'static [(usize, usize)] {
        static MAPS: OnceLock<Vec<(usize, usize)>> = OnceLock::new();
        MAPS.get_or_init(|| {
            std::fs::read_to_string("/proc/self/maps")
                .map(|m| m.lines().filter_map(read_only_file).collect())
                .unwrap_or_default()
        })
    }

    /// A maps line's range when it maps a file without write access:
    /// `start-end perms offset dev inode path`.
    fn read_only_file(line: &str) -> Option<(usize, usize)> {
        let mut f = line.split_whitespace();
        let (range, perms) = (f.next()?, f.next()?);
        let inode = f.nth(2)?;
        if perms.as_bytes().get(1) != Some(&b'-') || inode == "0" {
            return None;
        }
        let (s, e) = range.split_once('-')?;
        Some((
            usize::from_str_radix(s, 16).ok()?,
            usize::from_str_radix(e, 16).ok()?,
        ))
    }

    pub(super) fn give_back(start: usize, end: usize) {
        let page = page();
        let (start, end) = (start.div_ceil(page) * page, end / page * page);
        if end <= start || !read_only_files().iter().any(|&(s, e)| s <= start && end <= e) {
            return;
        }
        // SAFETY: [start, end) is page-aligned, inside a live 'static
        // slice (marked by `from_builtin`) and inside a read-only private
        // mapping of a file. Its pages were never written, so after
        // MADV_DONTNEED they read again the same bytes from the file: no
        // reference into them sees a change. A refusal leaves the pages
        // as they were, which is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn only_read_only_file_mappings_are_candidates() {
            let exe = "55d0c000-55d0d000 r--p 00021000 fd:01 1234 /usr/bin/casus";
            assert_eq!(read_only_file(exe), Some((0x55d0c000, 0x55d0d000)));
            let data = "55d0d000-55d0e000 rw-p 00022000 fd:01 1234 /usr/bin/casus";
            assert_eq!(read_only_file(data), None);
            let heap = "55d0e000-55d2f000 r--p 00000000 00:00 0 [heap]";
            assert_eq!(read_only_file(heap), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static DATA: [u8; 256 * 1024] = {
        let mut d = [0u8; 256 * 1024];
        let mut i = 0;
        while i < d.len() {
            d[i] = (i % 251) as u8;
            i += 1;
        }
        d
    };

    fn intact() -> bool {
        DATA.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8)
    }

    #[test]
    fn bytes_given_back_read_back_the_same() {
        let sum = from_builtin(&DATA, |b| {
            passed(b, b.len() / 2);
            b.iter().map(|&x| u64::from(x)).sum::<u64>()
        });
        assert_eq!(sum, DATA.iter().map(|&x| u64::from(x)).sum::<u64>());
        assert!(intact());
    }

    #[test]
    fn only_slices_inside_a_marked_one_are_given_back() {
        let heap = vec![9u8; 64 * 1024];
        from_builtin(&DATA, |_| passed(&heap, heap.len()));
        assert!(heap.iter().all(|&x| x == 9));
        assert!(BUILTIN.with(|b| b.borrow().is_empty()));
        assert!(intact());
    }

    #[test]
    fn a_panicking_load_leaves_nothing_marked() {
        let r = std::panic::catch_unwind(|| from_builtin(&DATA, |_| panic!("bad weights")));
        assert!(r.is_err());
        assert!(BUILTIN.with(|b| b.borrow().is_empty()));
    }
}
