//! The API over HTTP: a store filled from our story corpus, the server on
//! port 0, requests from a real HTTP client. The same tests run over each
//! backend: `api_sqlite.rs` and `api_pg.rs` include this file and give
//! `super::reader`, the store of the corpus (or `None`, skipped, when the
//! backend is not at hand).

use serde_json::Value;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::OnceLock;

struct Server {
    addr: SocketAddr,
    agent: ureq::Agent,
    _dir: tempfile::TempDir,
}

/// One server for all the tests of this file (`None`: no backend here).
fn maybe_server() -> Option<&'static Server> {
    static SERVER: OnceLock<Option<Server>> = OnceLock::new();
    SERVER
        .get_or_init(|| start(casus_server::DEFAULT_BUDGET))
        .as_ref()
}

fn server() -> &'static Server {
    maybe_server().expect("a backend")
}

/// Whether this backend is not at hand (its tests then pass, said on stderr).
fn skipped() -> bool {
    maybe_server().is_none()
}

/// A server over our story corpus, each request within `budget`.
fn start(budget: std::time::Duration) -> Option<Server> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/data/stories.jsonl");
    let arts = casus_pipeline::articles_of(&[corpus]);
    let (reader, dir) = super::reader(&arts)?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let api = casus_server::Api { reader, budget };
        casus_server::serve(api, "127.0.0.1:0".parse().unwrap(), |a| tx.send(a).unwrap()).unwrap();
    });
    let addr = rx.recv().unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    Some(Server {
        addr,
        agent,
        _dir: dir,
    })
}

fn get(path: &str) -> (u16, Value) {
    let s = server();
    let mut resp = s.agent.get(&format!("http://{}{path}", s.addr)).call().unwrap();
    let status = resp.status().as_u16();
    let body = resp.body_mut().read_to_string().unwrap();
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}")),
    )
}

#[test]
fn the_server_binds_to_loopback_on_the_port_it_was_given() {
    if skipped() {
        return;
    }
    assert!(server().addr.ip().is_loopback());
    assert_ne!(server().addr.port(), 0);
}

#[test]
fn lists_page_with_limit_and_offset_and_carry_the_total() {
    if skipped() {
        return;
    }
    let (status, all) = get("/api/articles?limit=5");
    assert_eq!(status, 200);
    assert_eq!(all["total"], 19, "copies are left out by default");
    assert_eq!(all["items"].as_array().unwrap().len(), 5);
    let (_, next) = get("/api/articles?limit=5&offset=5");
    assert_ne!(all["items"][0]["id"], next["items"][0]["id"]);
    let (_, with_copies) = get("/api/articles?copies=true&limit=1");
    assert_eq!(with_copies["total"], 21);
}

#[test]
fn one_article_comes_with_its_events_spans_story_and_related_articles() {
    if skipped() {
        return;
    }
    let (status, a) = get("/api/articles/usiraq-2");
    assert_eq!(status, 200);
    assert_eq!(a["story"], "usiraq-1");
    let text: Vec<char> = a["text"].as_str().unwrap().chars().collect();
    let events = a["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let [s, t] = [
            e["trigger"]["span"][0].as_u64().unwrap(),
            e["trigger"]["span"][1].as_u64().unwrap(),
        ];
        let words: String = text[s as usize..t as usize].iter().collect();
        assert_eq!(words, e["trigger"]["text"].as_str().unwrap());
    }
    let related = a["related"].as_array().unwrap();
    assert!(related[0]["same_story"].as_bool().unwrap());
    assert!(related[0]["id"].as_str().unwrap().starts_with("usiraq"));
}

#[test]
fn events_filter_by_actor_code_category_date_and_country() {
    if skipped() {
        return;
    }
    let (_, all) = get("/api/events?limit=1000");
    let total = all["total"].as_u64().unwrap();
    assert!(total > 20, "{total}");
    let (_, usa) = get("/api/events?actor=USA&limit=1000");
    assert!(usa["total"].as_u64().unwrap() > 0);
    for e in usa["items"].as_array().unwrap() {
        assert!(e["source"]["code"] == "USA" || e["target"]["code"] == "USA" || e["source"]["id"] == "USA");
    }
    let (_, fight) = get("/api/events?code=19&limit=1000");
    for e in fight["items"].as_array().unwrap() {
        assert!(e["cameo"].as_str().unwrap().starts_with("19"));
    }
    let (_, may) = get("/api/events?from=2024-05-01&to=2024-05-31&limit=1000");
    assert!(may["total"].as_u64().unwrap() > 0 && may["total"].as_u64().unwrap() < total);
    for e in may["items"].as_array().unwrap() {
        assert!(
            e["date"].as_str().unwrap().starts_with("2024-05"),
            "{}",
            e["date"]
        );
    }
    let (_, sdn) = get("/api/events?country=sdn&limit=1000");
    assert!(sdn["total"].as_u64().unwrap() > 0);
    let (status, _) = get("/api/events?category=assault");
    assert_eq!(status, 200);
}

#[test]
fn a_time_series_counts_events_goldstein_and_pentaclass_per_interval() {
    if skipped() {
        return;
    }
    let (status, days) = get("/api/series?interval=day");
    assert_eq!(status, 200);
    let days = days.as_array().unwrap();
    let (_, all) = get("/api/events?limit=1");
    let sum: u64 = days.iter().map(|p| p["events"].as_u64().unwrap()).sum();
    assert_eq!(sum, all["total"].as_u64().unwrap());
    for p in days {
        let penta: u64 = p["penta"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(penta, p["events"].as_u64().unwrap());
    }
    let (_, months) = get("/api/series?interval=month&from=2024-02-01&to=2024-02-29");
    assert_eq!(months.as_array().unwrap().len(), 1);
    assert_eq!(months[0]["period"], "2024-02-01");
}

#[test]
fn stories_actors_search_and_stats_answer() {
    if skipped() {
        return;
    }
    let (_, stories) = get("/api/stories");
    assert_eq!(
        stories["items"][0]["articles"], 5,
        "the largest story first: four tellings and a copy"
    );
    let (status, story) = get("/api/stories/usiraq-3");
    assert_eq!(status, 200);
    assert_eq!(story["members"].as_array().unwrap().len(), 5);
    let (_, actors) = get("/api/actors?q=RSF");
    assert!(actors["total"].as_u64().unwrap() >= 1);
    let (_, hits) = get("/api/search?q=%22El%20Fasher%22");
    assert!(hits["total"].as_u64().unwrap() >= 3);
    assert!(hits["items"][0]["snippet"].as_str().unwrap().contains("<b>"));
    let (_, stats) = get("/api/stats");
    assert_eq!(stats["articles"], 21);
    assert_eq!(stats["indexed"], 21);
}

#[test]
fn bad_parameters_get_a_400_that_names_them() {
    if skipped() {
        return;
    }
    for (path, param) in [
        ("/api/events?from=yesterday", "from"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=abc", "limit"),
        ("/api/events?code=1x", "code"),
        ("/api/events?form=2024-01-01", "form"),
        ("/api/series?interval=hour", "interval"),
        ("/api/articles?copies=maybe", "copies"),
        ("/api/search?q=", "q"),
        ("/api/search?q=%22unclosed", "q"),
        ("/api/stats?x=1", "x"),
    ] {
        let (status, body) = get(path);
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["parameter"], param, "{path}: {body}");
        assert!(body["error"].as_str().unwrap().contains(param), "{path}: {body}");
    }
    let (status, body) = get("/api/articles/no-such-article");
    assert_eq!(status, 404);
    assert!(body["error"].as_str().unwrap().contains("no-such-article"));
    assert_eq!(get("/api/nothing-here").0, 404);
}

#[test]
fn the_openapi_description_covers_every_route_and_parameter() {
    if skipped() {
        return;
    }
    let (status, doc) = get("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    assert_eq!(paths.len(), casus_server::ROUTES.len());
    for r in casus_server::ROUTES {
        let params = paths[r.path]["get"]["parameters"].as_array().unwrap();
        for p in r.all_params() {
            assert!(
                params.iter().any(|x| x["name"] == p.name),
                "{} {}",
                r.path,
                p.name
            );
        }
        // Every described route answers (not the 404 fallback).
        let url = r.path.replace("{id}", "usiraq-1");
        assert_ne!(get(&url).0, 404, "{url}");
    }
}

#[test]
fn odd_parameters_never_crash_the_server() {
    if skipped() {
        return;
    }
    // A small deterministic generator: the same requests every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let values = [
        "",
        "0",
        "-1",
        "99999999999999999999",
        "1e9",
        "abc",
        "2024-02-30",
        "2024-13-01",
        "0000-00-00",
        "%00",
        "%FF%FE",
        "'; DROP TABLE events; --",
        "%22",
        "(",
        "title:",
        "*",
        "AND",
        "日本",
        "USA",
        "19",
        "lloyd-austin",
        "true",
        "%25",
        "a%20b",
        "..%2F..%2Fetc",
    ];
    // Percent-encode what a URL cannot carry, keeping `%` sequences raw.
    let enc = |v: &str| -> String {
        v.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'%' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    for _ in 0..400 {
        let r = &casus_server::ROUTES[next(casus_server::ROUTES.len())];
        let mut url = r.path.replace("{id}", &enc(values[next(values.len())]));
        url.push('?');
        for _ in 0..next(4) {
            let all: Vec<_> = r.all_params().collect();
            let name = match all.get(next(all.len() + 1)) {
                Some(p) => p.name,
                None => "bogus",
            };
            url.push_str(&format!("{name}={}&", enc(values[next(values.len())])));
        }
        let (status, _) = get(&url);
        assert!([200, 400, 404].contains(&status), "{url}: {status}");
    }
    assert_eq!(get("/api/stats").0, 200, "still up");
}

#[test]
fn an_actors_events_page_through_in_date_order_without_gaps() {
    if skipped() {
        return;
    }
    let (_, all) = get("/api/events?actor=USA&limit=1000");
    let ids: Vec<&Value> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["id"])
        .collect();
    assert_eq!(ids.len() as u64, all["total"].as_u64().unwrap());
    // Ordered by the day each event is counted on (a week's event on its
    // article's day).
    let days: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["day"].as_str().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "newest first: {days:?}");
    let mut paged = Vec::new();
    for offset in (0..ids.len()).step_by(3) {
        let (_, page) = get(&format!("/api/events?actor=USA&limit=3&offset={offset}"));
        paged.extend(page["items"].as_array().unwrap().iter().map(|e| e["id"].clone()));
    }
    let paged: Vec<&Value> = paged.iter().collect();
    assert_eq!(paged, ids);
}

/// GETs `path` and returns the status, content type and body text.
fn get_text(path: &str) -> (u16, String, String) {
    let s = server();
    let mut resp = s.agent.get(&format!("http://{}{path}", s.addr)).call().unwrap();
    let kind = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (
        resp.status().as_u16(),
        kind,
        resp.body_mut().read_to_string().unwrap(),
    )
}

#[test]
fn the_dashboard_is_served_by_the_binary_without_outside_requests() {
    if skipped() {
        return;
    }
    let (status, kind, html) = get_text("/");
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"));
    assert!(html.contains(r#"<script type="module" src="/app.js">"#));
    for (path, body, want) in casus_server::ASSETS {
        let (status, kind, text) = get_text(path);
        assert_eq!((status, kind.as_str()), (200, want), "{path}");
        assert_eq!(text, body, "{path}");
        assert!(
            !text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"),
            "{path} names no outside address"
        );
        // Every module it imports and every file it fetches is served too.
        for quote in ["from \"./", "fetch(\"/"] {
            for rest in text.split(quote).skip(1) {
                let name = rest.split('"').next().unwrap();
                let (status, _, _) = get_text(&format!("/{name}"));
                assert_eq!(status, 200, "{path} needs /{name}");
            }
        }
    }
}

#[test]
fn dyads_and_places_summarise_the_events() {
    if skipped() {
        return;
    }
    let (status, dyads) = get("/api/dyads?limit=5");
    assert_eq!(status, 200);
    let dyads = dyads.as_array().unwrap();
    assert!(!dyads.is_empty() && dyads.len() <= 5);
    let d = &dyads[0];
    let (_, events) = get(&format!(
        "/api/events?source={}&target={}&limit=1",
        d["source"].as_str().unwrap(),
        d["target"].as_str().unwrap()
    ));
    assert_eq!(
        events["total"], d["events"],
        "the edge's number is the count of its events"
    );
    let (status, places) = get("/api/places");
    assert_eq!(status, 200);
    assert!(places.is_array());
}

#[test]
fn a_storys_events_are_those_of_its_articles_copies_left_out() {
    if skipped() {
        return;
    }
    let (_, story) = get("/api/stories/usiraq-3");
    let mut expected = 0;
    for m in story["members"].as_array().unwrap() {
        if m["copy_of"].is_null() {
            let (_, a) = get(&format!(
                "/api/events?article={}&limit=1",
                m["id"].as_str().unwrap()
            ));
            expected += a["total"].as_u64().unwrap();
        }
    }
    assert!(expected > 0);
    let (status, events) = get("/api/events?story=usiraq-3&limit=1000");
    assert_eq!(status, 200);
    assert_eq!(
        events["total"].as_u64().unwrap(),
        expected,
        "by one of its articles' ids"
    );
    let by_id = format!("/api/events?story={}&limit=1", story["id"].as_str().unwrap());
    assert_eq!(
        get(&by_id).1["total"].as_u64().unwrap(),
        expected,
        "by the story's id"
    );
    let (_, series) = get("/api/series?story=usiraq-3&interval=month");
    let sum: u64 = series
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["events"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, expected);
    let (_, none) = get("/api/events?story=no-such-story");
    assert_eq!(none["total"], 0);
}

#[test]
fn a_storys_articles_come_a_page_at_a_time_with_the_count_of_all() {
    if skipped() {
        return;
    }
    let (_, all) = get("/api/stories/usiraq-3");
    let (status, page) = get("/api/stories/usiraq-3?limit=2&offset=1");
    assert_eq!(status, 200);
    assert_eq!(page["articles"], all["articles"]);
    let ids = |v: &Value| -> Vec<String> {
        v["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&page), ids(&all)[1..3].to_vec());
    assert_eq!(get("/api/stories/usiraq-3?limit=0").0, 400);
}

/// `%28` and `%29` are `(` and `)` in a URL.
fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "%28".repeat(depth), "%29".repeat(depth))
}

#[test]
fn thousands_of_nested_parentheses_get_a_400_and_the_server_answers_the_next_request() {
    if skipped() {
        return;
    }
    let (status, body) = get(&format!("/api/search?q={}", nested(5000, "ferry")));
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["parameter"], "q");
    assert!(body["error"].as_str().unwrap().contains("limit"), "{body}");
    assert_eq!(get("/api/stats").0, 200, "still up");
}

#[test]
fn nesting_within_the_limit_is_answered_like_the_plain_word() {
    if skipped() {
        return;
    }
    let (status, deep) = get(&format!("/api/search?q={}", nested(8, "paramilitary")));
    assert_eq!(status, 200, "{deep}");
    let (_, plain) = get("/api/search?q=paramilitary");
    assert_eq!(deep["total"], plain["total"]);
    assert!(
        plain["total"].as_u64().unwrap() > 0,
        "the corpus mentions a paramilitary force"
    );
    // Eighteen levels, which took seconds in tantivy's own parser, is a
    // quick 400 here.
    assert_eq!(
        get(&format!("/api/search?q={}", nested(18, "paramilitary"))).0,
        400
    );
}

#[test]
fn random_query_syntax_always_gets_a_200_or_a_400() {
    if skipped() {
        return;
    }
    let bits = [
        "%28",
        "%29",
        "%22",
        "AND",
        "OR",
        "-",
        "%2B",
        "title:",
        "text:",
        "paramilitary",
        "+",
        "NOT",
        "army",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        let mut q = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for k in 0..(seed % 24) {
            q.push_str(bits[((seed >> (k % 48)) as usize + k as usize) % bits.len()]);
        }
        let (status, body) = get(&format!("/api/search?q={q}"));
        assert!(status == 200 || status == 400, "{q}: {status} {body}");
    }
    assert_eq!(get("/api/stats").0, 200, "still up");
}

#[test]
fn a_request_over_its_budget_is_stopped_with_a_503_that_says_so() {
    if skipped() {
        return;
    }
    let s = start(std::time::Duration::from_nanos(1)).unwrap();
    for path in [
        "/api/events?limit=1000",
        "/api/search?q=paramilitary",
        "/api/series?interval=week",
    ] {
        let mut resp = s.agent.get(&format!("http://{}{path}", s.addr)).call().unwrap();
        let body: Value = serde_json::from_str(&resp.body_mut().read_to_string().unwrap()).unwrap();
        assert_eq!(resp.status().as_u16(), 503, "{path}: {body}");
        assert!(body["error"].as_str().unwrap().contains("budget"), "{body}");
    }
}
