//! Build step: the built-in language's locale table becomes static Rust
//! data (see build/locale_gen.rs), so the wasm carries no JSON reader for
//! it; the built-in content pack is written in a packed form
//! (build/pack_gen.rs). English is built in, or Welsh with the feature
//! `built-in-welsh` (the Welsh pages' first module).

#[path = "build/locale_gen.rs"]
mod locale_gen;
#[path = "build/pack_gen.rs"]
mod pack_gen;

use std::path::PathBuf;

fn main() {
    // The language built into the app: English, or Welsh with the feature
    // `built-in-welsh`. The other is read from files when chosen.
    let built_in = if std::env::var_os("CARGO_FEATURE_BUILT_IN_WELSH").is_some() {
        "cy"
    } else {
        "en"
    };
    // English first: it defines the keys; every other table is checked
    // here (a missing or empty string fails the build).
    let tables = [
        ("en", "content/locale.en.json"),
        ("cy", "content/locale.cy.json"),
    ];
    let mut texts = Vec::new();
    for (code, file) in tables {
        println!("cargo:rerun-if-changed={file}");
        let json =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: cannot be read: {e}"));
        texts.push((code, file, json));
    }
    println!("cargo:rerun-if-changed=build/locale_gen.rs");
    let tables: Vec<locale_gen::Table> = texts
        .iter()
        .map(|(code, file, json)| locale_gen::Table { code, file, json })
        .collect();
    let source = match locale_gen::generate(&tables, built_in) {
        Ok(source) => source,
        Err(problems) => panic!("the locale tables have mistakes:\n{}", problems.join("\n")),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("locale_tables.rs"), source).expect("OUT_DIR is writable");

    // The mount contract's defaults (src/options.json) as Rust constants.
    let file = "src/options.json";
    println!("cargo:rerun-if-changed={file}");
    let json =
        std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: cannot be read: {e}"));
    let contract: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{file}: {e}"));
    let text = |key: &str| -> String {
        let value = contract[key]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: {key} must be text"));
        format!("{value:?}")
    };
    let number = |key: &str| -> u64 {
        contract[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{file}: {key} must be a whole number"))
    };
    let constants = format!(
        "pub const DEFAULT_STORAGE_KEY: &str = {};\n\
         pub const PROGRESS_KEY_SUFFIX: &str = {};\n\
         pub const WORKSHOP_KEY_SUFFIX: &str = {};\n\
         pub const LANGUAGE_KEY_SUFFIX: &str = {};\n\
         pub const OFFLINE_FILE: &str = {};\n\
         pub const SAVE_DELAY_MS: u32 = {};\n\
         pub const PAGE_HEADING_LEVEL: u8 = {};\n\
         pub const ELEMENT_HEADING_LEVEL: u8 = {};\n",
        text("storageKey"),
        text("progressKeySuffix"),
        text("workshopKeySuffix"),
        text("languageKeySuffix"),
        text("offlineFile"),
        number("saveDelayMs"),
        number("pageHeadingLevel"),
        number("elementHeadingLevel"),
    );
    std::fs::write(out.join("mount_contract.rs"), constants).expect("OUT_DIR is writable");

    // Whether the Welsh translation is fully reviewed: every record in the
    // review file says "reviewed" or "same" (the same as English on purpose).
    let file = "content/translation-review.csv";
    println!("cargo:rerun-if-changed={file}");
    let review =
        std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: cannot be read: {e}"));
    let records: Vec<&str> = review
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let reviewed = !records.is_empty()
        && records
            .iter()
            .all(|line| line.contains(",\"reviewed\",") || line.contains(",\"same\","));
    std::fs::write(
        out.join("translation_status.rs"),
        format!("pub const WELSH_REVIEWED: bool = {reviewed};\n"),
    )
    .expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed=build/pack_gen.rs");
    let read_pack = |code: &str| -> (String, serde_json::Value) {
        let file = format!("content/pack.{code}.json");
        println!("cargo:rerun-if-changed={file}");
        let json = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{file}: cannot be read: {e}"));
        let value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{file}: {e}"));
        (file, value)
    };
    let (mut file, mut pack) = read_pack("en");
    if built_in != "en" {
        // The wording of earlier versions was only ever asked in English:
        // it comes from the English pack whatever the language.
        let earlier = pack["earlier_questions"].take();
        (file, pack) = read_pack(built_in);
        pack["earlier_questions"] = earlier;
    }
    let packed =
        pack_gen::pack(&pack.to_string()).unwrap_or_else(|problem| panic!("{file}: {problem}"));
    std::fs::write(out.join("pack.packed"), packed).expect("OUT_DIR is writable");
}
