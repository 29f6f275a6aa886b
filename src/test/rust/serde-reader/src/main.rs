//! A model of how the omne runner reads `events.jsonl`: `BufRead::lines()`, lines that are blank after `trim()`
//! skipped, every other line given to `serde_json::from_str` (default features) as the typed `Event` below.
//!
//! Prints one verdict per line of the file named by the first argument, in order:
//!   `B`                 blank: skipped, not an event
//!   `E`                 read as an event
//!   `X<TAB>message`     refused (the runner stops at such a line; this model goes on to judge the rest)
//! and, as its last line, `# serde_json VERSION` when the build script could tell the version.
//!
//! How the event is modelled: `Event` is internally tagged by `type`. `node.started` is the struct the runner
//! deserializes (`id`, `ts`, `run_id`, `node_id`, `kind` required strings, `kind` one of the node kinds, `name` and
//! `model` optional strings or null). Every other type, known to the runner or not, falls to `Other`, a
//! `#[serde(other)]` unit variant that takes any object: the runner's shapes of those types are not part of the
//! contract, and "any object with a string type is an event" holds. The node kinds have a `#[serde(other)]`
//! variant too, because the runner's enum may know kinds this model does not (the inspector warns about them).

use serde::Deserialize;
use std::io::{BufRead, BufReader, Write};

#[derive(Deserialize)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum Event {
    #[serde(rename = "node.started")]
    NodeStarted(NodeStarted),
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct NodeStarted {
    id: String,
    ts: String,
    run_id: String,
    node_id: String,
    kind: NodeKind,
    name: Option<String>,
    model: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum NodeKind {
    Bash,
    Command,
    Prompt,
    Loop,
    #[serde(other)]
    Unknown,
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: omne-serde-reader FILE");
    let file = std::fs::File::open(&path).expect("cannot open the file");
    let reader = BufReader::with_capacity(1 << 20, file);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in reader.lines() {
        let verdict = match line {
            Err(e) => format!("X\t{}", e),
            Ok(text) if text.trim().is_empty() => "B".to_string(),
            Ok(text) => match serde_json::from_str::<Event>(&text) {
                Ok(_) => "E".to_string(),
                Err(e) => format!("X\t{}", e.to_string().replace('\n', " ")),
            },
        };
        writeln!(out, "{}", verdict).expect("cannot write");
    }
    if let Some(version) = option_env!("SERDE_JSON_VERSION") {
        writeln!(out, "# serde_json {}", version).expect("cannot write");
    }
}
