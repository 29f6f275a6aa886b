//! Appends COUNT lines to an events file the way the omne runner does: open append + create, take the exclusive
//! lock with fs2 (polling try_lock every 25 ms within 5 s), write the line with one call, unlock.
//! Usage: fs2-writer FILE WRITER COUNT GO_MARKER
use fs2::FileExt;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (file, writer, count, go) = (&args[1], &args[2], args[3].parse::<u64>().unwrap(), &args[4]);
    println!("ready");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !Path::new(go).exists() {
        if Instant::now() > deadline {
            eprintln!("{writer}: no start signal");
            std::process::exit(2);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    for seq in 0..count {
        let line = format!(
            "{{\"type\":\"test.line\",\"id\":\"{writer}-{seq:06}\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\",\"writer\":\"{writer}\",\"seq\":{seq}}}\n"
        );
        let mut f = OpenOptions::new().append(true).create(true).open(file).expect("open");
        let start = Instant::now();
        loop {
            match f.try_lock_exclusive() {
                Ok(()) => break,
                Err(_) if start.elapsed() < Duration::from_secs(5) => std::thread::sleep(Duration::from_millis(25)),
                Err(e) => {
                    eprintln!("{writer}: lock timeout: {e}");
                    std::process::exit(3);
                }
            }
        }
        f.write_all(line.as_bytes()).expect("write");
        f.flush().expect("flush");
        f.unlock().expect("unlock");
    }
}
