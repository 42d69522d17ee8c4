//! A seeded generator of realistic OBS bucket access logs, shared by the
//! `gen-access-log` example (benchmarks) and `tests/scan.rs` (which checks
//! scan's counts against a reference count of what this writes).
//!
//! The log covers a working day scaled to its size (30 to 480 minutes) with a
//! known mix: mostly successful GET/PUT/HEAD, a steady trickle of 404
//! NoSuchKey and 304, 403 AccessDenied concentrated on one requester, 403
//! SignatureDoesNotMatch on keys that need encoding, scattered 500s, a
//! SlowDown burst on the `logs/` prefix (from 25% to 35% of the day), a
//! RequestTimeTooSkewed burst from one client (60% to 62%), and lines with
//! missing or extra trailing fields. The same seed and size give the same
//! bytes on every machine (its own SplitMix64: rand's generators do not
//! promise stable output across versions).

#![allow(dead_code)]

use std::io::{self, Write};

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast, and fixed forever.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
    /// True with probability `per_million` / 1,000,000.
    pub fn chance(&mut self, per_million: u64) -> bool {
        self.below(1_000_000) < per_million
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// 2026-11-26T08:00:00Z.
pub const START_MS: i64 = 1_795_680_000_000;
/// Bytes a line takes on average (measured on the output), to size the day.
const MEAN_LINE: u64 = 330;

const OWNER: &str = "787f2f92b20943998a4fe2ab75eb09b8";
const BUCKETS: [&str; 3] = ["media-prod", "backup-eu", "analytics"];
const PREFIXES: [&str; 5] = ["photos/", "logs/", "backup/", "tmp/", "data/"];
const REQUESTERS: [&str; 4] = [
    "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    "1f2e3d4c5b6a79881726354453627181",
    "aa11bb22cc33dd44ee55ff6677889900",
    OWNER,
];
/// The requester whose PUTs are refused (a revoked policy).
pub const DENIED_REQUESTER: &str = "deadbeefdeadbeefdeadbeefdeadbeef";
/// The client whose clock is wrong during the skew burst.
pub const SKEWED_IP: &str = "203.0.113.7";
const AGENTS: [&str; 4] = [
    "obsutil/5.5.12",
    "aws-sdk-java/1.12.600 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.9",
    "eSDK-OBS-Python/3.23.12",
    "rclone/v1.66.0",
];

/// Writes about `bytes` bytes of access log for `seed` into `out`.
pub fn write(seed: u64, bytes: u64, out: &mut impl Write) -> io::Result<u64> {
    let mut rng = Rng::new(seed);
    let lines = (bytes / MEAN_LINE).max(1);
    let minutes = (lines / 3000).clamp(30, 480);
    let step_ms = (minutes * 60_000 / lines).max(1);
    let mut written = 0u64;
    let mut time = START_MS;
    let mut buf = Vec::with_capacity(512);
    while written < bytes {
        let progress = ((time - START_MS) as u64 * 1000) / (minutes * 60_000);
        buf.clear();
        line(&mut rng, time, progress, &mut buf);
        out.write_all(&buf)?;
        written += buf.len() as u64;
        time += (rng.below(2 * step_ms + 1)) as i64;
    }
    Ok(written)
}

fn hex(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(n);
    while s.len() < n {
        s.push_str(&format!("{:016X}", rng.next()));
    }
    s.truncate(n);
    s
}

/// `[13/Aug/2015:01:43:42 +0000]`'s inside for `ms`.
fn log_time(ms: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let iso = obserr::internals::utc(ms); // 2026-11-26T08:00:00Z
    let (y, m, d) = (&iso[..4], &iso[5..7], &iso[8..10]);
    let month = MONTHS[m.parse::<usize>().expect("month") - 1];
    format!("{d}/{month}/{y}:{} +0000", &iso[11..19])
}

/// One line, `progress` per mille through the day.
fn line(rng: &mut Rng, time: i64, progress: u64, out: &mut Vec<u8>) {
    let bucket = *rng.pick(&BUCKETS);
    let mut requester = *rng.pick(&REQUESTERS);
    let mut ip = format!(
        "10.{}.{}.{}",
        rng.below(4),
        rng.below(256),
        1 + rng.below(254)
    );
    let (mut op, method) = *rng.pick(&[
        ("REST.GET.OBJECT", "GET"),
        ("REST.GET.OBJECT", "GET"),
        ("REST.GET.OBJECT", "GET"),
        ("REST.PUT.OBJECT", "PUT"),
        ("REST.PUT.OBJECT", "PUT"),
        ("REST.HEAD.OBJECT", "HEAD"),
        ("REST.DELETE.OBJECT", "DELETE"),
    ]);
    let mut method = method;
    let prefix = *rng.pick(&PREFIXES);
    let mut key = format!(
        "{prefix}{}/{}.bin",
        2020 + rng.below(7),
        hex(rng, 12).to_lowercase()
    );
    let (mut status, mut code): (u16, Option<&str>) = (200, None);
    // The day's events, most specific first.
    let burst = (250..350).contains(&progress);
    let skew = (600..620).contains(&progress);
    if skew && rng.chance(100_000) {
        ip = SKEWED_IP.to_string();
        (status, code) = (403, Some("RequestTimeTooSkewed"));
    } else if burst && prefix == "logs/" && rng.chance(400_000) {
        (status, code) = (503, Some("SlowDown"));
    } else if rng.chance(15_000) && method != "PUT" {
        (status, code) = (404, Some("NoSuchKey"));
    } else if rng.chance(3_000) {
        requester = DENIED_REQUESTER;
        (op, method) = ("REST.PUT.OBJECT", "PUT");
        (status, code) = (403, Some("AccessDenied"));
    } else if rng.chance(1_000) {
        key = format!(
            "{prefix}reports/Q{} summary+final (v{}).pdf",
            1 + rng.below(4),
            rng.below(9)
        )
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29");
        (status, code) = (403, Some("SignatureDoesNotMatch"));
    } else if rng.chance(1_500) {
        (status, code) = (500, Some("InternalError"));
    } else if rng.chance(20_000) && method == "GET" {
        status = 304;
    } else if rng.chance(1_000) && method == "GET" {
        status = 206;
    } else if rng.chance(300) {
        // A status the log gives without a code.
        status = 400;
    }
    let size = 1 + rng.below(5_000_000);
    let sent = if method == "GET" && status < 300 {
        size
    } else {
        200 + rng.below(300)
    };
    let total = 2 + rng.below(200);
    let _ = write!(
        out,
        "{OWNER} {bucket} [{}] {ip} {requester} {} {op} {key} \"{method} /{bucket}/{key} HTTP/1.1\" {status} {} {sent} {} {total} {} \"-\" \"{}\" -",
        log_time(time),
        hex(rng, 32),
        code.unwrap_or("-"),
        if method == "PUT" || method == "GET" { size.to_string() } else { "-".into() },
        total + rng.below(5),
        rng.pick(&AGENTS),
    );
    // Newer logs add STSLogUrn, StorageClass, TargetStorageClass and more; a
    // tenth of the lines stop at the version id, a tenth carry extra fields.
    match rng.below(10) {
        0 => {}
        1 => out.extend_from_slice(b" - STANDARD - 1 \"x-extra\" -"),
        _ => out.extend_from_slice(b" - STANDARD -"),
    }
    out.push(b'\n');
}

/// The straightforward reference count: whitespace-separated fields, as
/// `awk` sees them ($13 the status, $14 the code), no knowledge of scan.
pub fn reference_count(text: &str) -> std::collections::BTreeMap<(String, String), u64> {
    let mut counts = std::collections::BTreeMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let status = fields[12];
        let code = fields[13];
        if status >= "400" || code != "-" {
            *counts
                .entry((code.to_string(), status.to_string()))
                .or_insert(0) += 1;
        }
    }
    counts
}
