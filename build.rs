//! Build step: the locale tables become static Rust data (see
//! build/locale_gen.rs), so the wasm carries no JSON reader for them; the
//! built-in content pack is written in a packed form (build/pack_gen.rs).

#[path = "build/locale_gen.rs"]
mod locale_gen;
#[path = "build/pack_gen.rs"]
mod pack_gen;

use std::path::PathBuf;

fn main() {
    let tables = [("en", "content/locale.en.json")];
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
    let source = match locale_gen::generate(&tables) {
        Ok(source) => source,
        Err(problems) => panic!("the locale tables have mistakes:\n{}", problems.join("\n")),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("locale_tables.rs"), source).expect("OUT_DIR is writable");

    let file = "content/pack.en.json";
    println!("cargo:rerun-if-changed={file}");
    println!("cargo:rerun-if-changed=build/pack_gen.rs");
    let json =
        std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: cannot be read: {e}"));
    let packed = pack_gen::pack(&json).unwrap_or_else(|problem| panic!("{file}: {problem}"));
    std::fs::write(out.join("pack.en.packed"), packed).expect("OUT_DIR is writable");
}
