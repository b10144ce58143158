//! `read_assessment` on anything: bytes read as UTF-8 with replacement
//! characters, any JSON, any object that says it is ours, and files of
//! nearly the right shape. It must never panic; an error must be an error
//! and a warning a warning; what opens must save and open again unchanged.
#![no_main]

use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use ready_to_share_fuzz::{built_in_pack, check_read, FileInput};

fuzz_target!(|data: &[u8]| {
    let pack = built_in_pack();
    // The raw bytes first, as a user's file would arrive.
    check_read(&String::from_utf8_lossy(data), pack);
    // Then the same bytes as a structured file.
    if let Ok(input) = FileInput::arbitrary_take_rest(Unstructured::new(data)) {
        check_read(&input.to_text(pack), pack);
    }
});
