// Tells the program which serde_json it was built with (from Cargo.lock), so the test can allow for a known
// difference between old and current versions.
fn main() {
    println!("cargo:rerun-if-changed=Cargo.lock");
    let lock = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("Cargo.lock");
    if let Ok(text) = std::fs::read_to_string(lock) {
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim() == "name = \"serde_json\"" {
                if let Some(version) = lines.next() {
                    let v = version.trim().trim_start_matches("version = ").trim_matches('"');
                    println!("cargo:rustc-env=SERDE_JSON_VERSION={}", v);
                }
            }
        }
    }
}
