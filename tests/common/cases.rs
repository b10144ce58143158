//! How many cases a property test runs. A test's own number, unless
//! `PROPTEST_CASES` says otherwise, so a longer run is one command:
//!
//! ```sh
//! PROPTEST_CASES=100000 cargo test --release --test properties
//! ```
//!
//! (proptest's default config reads `PROPTEST_CASES` itself, but
//! `ProptestConfig::with_cases(n)` overrides it; this puts it back on top.)

/// `PROPTEST_CASES` when it is set to a number above 0, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}
