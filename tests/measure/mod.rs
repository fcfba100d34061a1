//! Time and memory of one read, for the tests that feed the readers hostile
//! input: a counting allocator (per thread, so tests running beside each
//! other do not count each other's memory) and a scaling check that tells
//! linear from quadratic by a ratio, not by absolute times.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes each thread has live and the
/// most it had at once.
pub struct CountingAllocator;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(change: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + change;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counting touches only const-initialised thread locals, which never
// allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = System.alloc(layout);
        if !pointer.is_null() {
            count(layout.size() as isize);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        System.dealloc(pointer, layout);
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = System.realloc(pointer, layout, new_size);
        if !moved.is_null() {
            // Both blocks may be live while the bytes are copied.
            count(new_size as isize);
            count(-(layout.size() as isize));
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// How long `run` took and the most memory it held at once beyond what was
/// live before it (its result included, as it is dropped inside).
pub fn measure<T>(run: impl FnOnce() -> T) -> (Duration, usize) {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let started = Instant::now();
    drop(run());
    let took = started.elapsed();
    let peak = PEAK.with(Cell::get) - before;
    (took, peak.max(0) as usize)
}

/// The memory bound of issue 16: 8 times the input plus 16 MB.
pub fn memory_bound(input_bytes: usize) -> usize {
    8 * input_bytes + 16 * 1024 * 1024
}

/// One timed run at a time in this process, so the ratios compare like
/// with like.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// How many times the two inputs are timed before a reader counts as not
/// linear.
const ROUNDS: usize = 3;

/// The largest first input tried when looking for one slow enough to time.
const LARGEST_FIRST_INPUT: usize = 4 * 1024 * 1024;

/// A first run shorter than this is timed as this long, so a fast reader's
/// noise is not read as growth.
const SHORTEST_TIMED: Duration = Duration::from_millis(50);

/// Checks that `read` is linear in time and bounded in memory on the
/// input shape `make(n)` (n repetitions of a pattern): n is doubled until a
/// read takes at least 50 ms, then the input four times as long may take
/// at most 6 times as long (a quadratic reader takes 16 times) in one of
/// [`ROUNDS`] rounds, and no read may hold more than [`memory_bound`] of
/// its input.
pub fn assert_scales<T>(what: &str, make: impl Fn(usize) -> String, read: impl Fn(&str) -> T) {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut n = 64;
    let (small_input, mut small_time) = loop {
        let input = make(n);
        let (time, peak) = best_of_three(&input, &read);
        assert_memory(what, &input, peak);
        if time >= SHORTEST_TIMED || input.len() >= LARGEST_FIRST_INPUT {
            break (input, time);
        }
        n *= 2;
    };
    let large_input = make(4 * n);
    let (mut large_time, peak) = best_of_three(&large_input, &read);
    assert_memory(what, &large_input, peak);
    let linear = |small: Duration, large: Duration| large <= small.max(SHORTEST_TIMED) * 6;
    // Another process on the machine can slow one round; a quadratic reader
    // is slow in every round.
    for _ in 1..ROUNDS {
        if linear(small_time, large_time) {
            break;
        }
        small_time = best_of_three(&small_input, &read).0;
        large_time = best_of_three(&large_input, &read).0;
    }
    println!(
        "{what}: {} bytes in {small_time:?}, {} bytes in {large_time:?}, peak {peak} bytes",
        small_input.len(),
        large_input.len()
    );
    assert!(
        linear(small_time, large_time),
        "{what}: {} bytes took {small_time:?}, {} bytes {large_time:?}: not linear",
        small_input.len(),
        large_input.len()
    );
}

/// The shortest of three runs (a busy machine only ever slows a run), and
/// the peak memory of the first.
fn best_of_three<T>(input: &str, read: &impl Fn(&str) -> T) -> (Duration, usize) {
    let (first, peak) = measure(|| read(input));
    let (second, _) = measure(|| read(input));
    let (third, _) = measure(|| read(input));
    (first.min(second).min(third), peak)
}

fn assert_memory(what: &str, input: &str, peak: usize) {
    assert!(
        peak <= memory_bound(input.len()),
        "{what}: reading {} bytes held {peak} bytes at once, over 8 times the input plus 16 MB",
        input.len()
    );
}
