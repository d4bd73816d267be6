//! `casus load`: a steady request rate against a running `casus serve`,
//! with latency percentiles. Requests are scheduled at fixed times (open
//! loop) and latency is counted from the scheduled time, so a server that
//! falls behind is charged for the wait (no coordinated omission).

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Put a steady load on a running `casus serve` and report latency
/// (p50, p90, p99, max) per kind of request.
///
/// Without --path, it first reads some article ids, actors and title words
/// from the server, then cycles through a mix of the API: article lists,
/// single articles with related articles, events by actor, weekly series
/// for an actor, stories, full-text search and stats.
///
/// Examples:
///   casus serve --db newsdb &
///   casus load --url http://127.0.0.1:8080 --rate 200 --seconds 30
///   casus load --path '/api/events?actor=USA' --rate 500 --json
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The server's address.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Requests per second.
    #[arg(long, default_value_t = 200.0)]
    rate: f64,
    /// How long to keep it up.
    #[arg(long, default_value_t = 30.0)]
    seconds: f64,
    /// Connections (each a thread sending its share of the requests).
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Paths to request in turn instead of the built-in mix.
    #[arg(long = "path", value_name = "PATH")]
    paths: Vec<String>,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

fn get_json(agent: &ureq::Agent, url: &str) -> Result<Value> {
    let mut r = agent.get(url).call().with_context(|| format!("GET {url}"))?;
    let body = r.body_mut().read_to_string()?;
    serde_json::from_str(&body).with_context(|| format!("GET {url}: not JSON"))
}

/// (kind, path) pairs: a mix of the API built from what the store holds.
fn mix(agent: &ureq::Agent, base: &str) -> Result<Vec<(String, String)>> {
    let arts = get_json(agent, &format!("{base}/api/articles?limit=200"))?;
    let actors = get_json(agent, &format!("{base}/api/actors?limit=50"))?;
    let items = |v: &Value| v["items"].as_array().cloned().unwrap_or_default();
    let (arts, actors) = (items(&arts), items(&actors));
    if arts.is_empty() {
        bail!("the store at {base} has no articles; ingest some first");
    }
    let mut out = Vec::new();
    for (i, a) in arts.iter().enumerate() {
        let id = a["id"].as_str().unwrap_or_default();
        let actor = actors
            .get(i % actors.len().max(1))
            .and_then(|x| x["code"].as_str())
            .unwrap_or("USA");
        let search = search_query(a["title"].as_str().unwrap_or_default(), i);
        let enc = |s: &str| s.replace(' ', "%20");
        out.extend([
            (
                "articles".into(),
                format!("/api/articles?limit=20&offset={}", i % 50),
            ),
            ("article".into(), format!("/api/articles/{}", enc(id))),
            ("events".into(), format!("/api/events?actor={actor}&limit=50")),
            (
                "series".into(),
                format!("/api/series?actor={actor}&interval=week"),
            ),
            (
                "search".into(),
                format!("/api/search?q={}&limit=20", enc(&search)),
            ),
            ("stories".into(), "/api/stories?limit=20".into()),
            ("related".into(), format!("/api/articles/{}/related", enc(id))),
            ("stats".into(), "/api/stats".into()),
        ]);
    }
    Ok(out)
}

/// The `i`th search of the mix, in turn a word, a phrase, an OR and a NOT
/// of two neighbouring words of `title` (of common news bigrams where the
/// title has none).
fn search_query(title: &str, i: usize) -> String {
    const COMMON: [(&str, &str); 6] = [
        ("rebel", "fighters"),
        ("prime", "minister"),
        ("aid", "agencies"),
        ("foreign", "minister"),
        ("opposition", "leaders"),
        ("the", "army"),
    ];
    let words: Vec<&str> = title.split_whitespace().collect();
    let pair = words
        .windows(2)
        .find(|w| {
            w.iter()
                .all(|w| w.len() > 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
        })
        .map(|w| (w[0], w[1]));
    let (a, b) = pair.unwrap_or(COMMON[i % COMMON.len()]);
    match i % 4 {
        0 => a.to_string(),
        1 => format!("%22{a} {b}%22"),
        2 => format!("{a} OR {b}"),
        _ => format!("{a} -{b}"),
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

pub fn main(args: Args) -> Result<ExitCode> {
    if args.rate <= 0.0 || args.seconds <= 0.0 {
        bail!("--rate and --seconds must be positive");
    }
    let base = args.url.trim_end_matches('/').to_string();
    let a = agent();
    let requests: Vec<(String, String)> = if args.paths.is_empty() {
        mix(&a, &base)?
    } else {
        args.paths
            .iter()
            .map(|p| ("path".to_string(), p.clone()))
            .collect()
    };
    let total = (args.rate * args.seconds).round() as usize;
    let conns = args.connections.max(1);
    let start = Instant::now() + Duration::from_millis(100);
    let results: Vec<(String, f64, u16)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..conns)
            .map(|c| {
                let (requests, base) = (&requests, &base);
                s.spawn(move || {
                    let agent = agent();
                    let mut out = Vec::new();
                    for j in (c..total).step_by(conns) {
                        let at = start + Duration::from_secs_f64(j as f64 / args.rate);
                        if let Some(wait) = at.checked_duration_since(Instant::now()) {
                            std::thread::sleep(wait);
                        }
                        // Spread the kinds over the connections: with
                        // `j % len`, a connection would always send the
                        // same kind and a slow kind would queue behind
                        // itself.
                        let pick = (j as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 17;
                        let (kind, path) = &requests[pick as usize % requests.len()];
                        let status = match agent.get(&format!("{base}{path}")).call() {
                            Ok(mut r) => {
                                let _ = r.body_mut().read_to_vec();
                                r.status().as_u16()
                            }
                            Err(_) => 0,
                        };
                        out.push((kind.clone(), at.elapsed().as_secs_f64() * 1e3, status));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = start.elapsed().as_secs_f64();
    report(&args, &results, elapsed)
}

fn report(args: &Args, results: &[(String, f64, u16)], elapsed: f64) -> Result<ExitCode> {
    let mut kinds: Vec<String> = results.iter().map(|r| r.0.clone()).collect();
    kinds.sort();
    kinds.dedup();
    kinds.insert(0, "all".into());
    let errors = results.iter().filter(|r| !(200..300).contains(&r.2)).count();
    let mut rows = Vec::new();
    for k in &kinds {
        let mut ms: Vec<f64> = results
            .iter()
            .filter(|r| k == "all" || &r.0 == k)
            .map(|r| r.1)
            .collect();
        ms.sort_by(f64::total_cmp);
        rows.push(serde_json::json!({
            "kind": k, "requests": ms.len(),
            "p50_ms": percentile(&ms, 0.5), "p90_ms": percentile(&ms, 0.9),
            "p99_ms": percentile(&ms, 0.99), "max_ms": ms.last().copied().unwrap_or(f64::NAN),
        }));
    }
    if args.json {
        let v = serde_json::json!({
            "url": args.url, "target_rate": args.rate, "achieved_rate": results.len() as f64 / elapsed,
            "seconds": elapsed, "requests": results.len(), "errors": errors, "by_kind": rows,
        });
        println!("{v}");
    } else {
        println!(
            "casus load: {} requests in {:.1} s ({:.0}/s, target {:.0}/s), {} errors (non-2xx or failed)",
            results.len(),
            elapsed,
            results.len() as f64 / elapsed,
            args.rate,
            errors
        );
        println!(
            "{:<10} {:>8} {:>9} {:>9} {:>9} {:>9}",
            "kind", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms"
        );
        for r in &rows {
            println!(
                "{:<10} {:>8} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
                r["kind"].as_str().unwrap_or(""),
                r["requests"],
                r["p50_ms"].as_f64().unwrap_or(f64::NAN),
                r["p90_ms"].as_f64().unwrap_or(f64::NAN),
                r["p99_ms"].as_f64().unwrap_or(f64::NAN),
                r["max_ms"].as_f64().unwrap_or(f64::NAN),
            );
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::search_query;

    #[test]
    fn the_search_mix_takes_turns_with_a_word_a_phrase_an_or_and_a_not() {
        let title = "Ferry strike halts river crossings";
        let shapes: Vec<String> = (0..4).map(|i| search_query(title, i)).collect();
        assert_eq!(
            shapes,
            ["Ferry", "%22Ferry strike%22", "Ferry OR strike", "Ferry -strike"]
        );
    }

    #[test]
    fn a_title_without_two_plain_words_in_a_row_falls_back_on_common_bigrams() {
        assert_eq!(search_query("", 1), "%22prime minister%22");
        assert_eq!(search_query("A 3-0 win", 0), "rebel");
    }
}
