//! The `casus` binary as a user runs it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const STORY: &str = "Army Retakes Town\n\nGovernment troops retook the town of Vell on Monday after a week of fighting with rebel forces, the defence ministry said.\n";

fn casus(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        // casus may exit (say, on a bad option) before reading its input.
        let _ = child.stdin.take().unwrap().write_all(s.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn examples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/articles")
        .display()
        .to_string()
}

#[test]
fn the_built_in_examples_extract_without_a_problem() {
    let out = casus(&["extract", &examples()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let records = lines(&out);
    assert_eq!(records.len(), 11);
    for r in &records {
        for key in [
            "id",
            "url",
            "source",
            "title",
            "published",
            "language",
            "text",
            "sentences",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        assert_eq!(r["language"], "en");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("6 inputs, 11 articles"), "{stderr}");
}

#[test]
fn one_broken_file_is_named_the_rest_is_processed_and_the_exit_status_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), STORY).unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"text\": \"Talks resumed in Doha on Monday after a pause of two weeks.\"}\n{oops\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("c.html"), "<html><body><p>Rebels shelled the port city overnight, killing three civilians, local officials said on Tuesday.</p></body></html>").unwrap();
    let out = casus(&["extract", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.jsonl:2: expected a JSON object"), "{stderr}");
    assert!(
        stderr.contains("3 articles") && stderr.contains("1 failed"),
        "{stderr}"
    );
}

#[test]
fn stdin_is_read_with_a_dash_and_published_fills_the_date() {
    let out = casus(&["extract", "-", "--published", "2024-03-04"], Some(STORY));
    assert!(out.status.success());
    let r = &lines(&out)[0];
    assert_eq!(r["title"], "Army Retakes Town");
    assert_eq!(r["published"], "2024-03-04");
    assert_eq!(r["origin"]["path"], "-");
}

#[test]
fn output_to_a_file_appears_whole_and_problems_go_to_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"x\", \"text\": \"The army retook the town on Monday.\"}\nnot json\n",
    )
    .unwrap();
    let target = dir.path().join("out.jsonl");
    let report = dir.path().join("problems.jsonl");
    let out = casus(
        &[
            "extract",
            input.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("out.jsonl.partial").exists());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 1);
    let problem: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&report).unwrap().trim()).unwrap();
    assert_eq!(problem["severity"], "error");
    assert_eq!(problem["line"], 2);
    assert!(problem["path"].as_str().unwrap().ends_with("in.jsonl"));
}

#[test]
fn a_missing_path_is_an_error_that_names_it() {
    let out = casus(&["extract", "/no/such/dir"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/dir"));
}

#[test]
fn a_bad_option_value_says_what_was_expected() {
    let out = casus(&["extract", "-", "--published", "soon"], Some(STORY));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected an ISO 8601 date"));
    let out = casus(&["extract", "-", "--format", "pdf"], Some(STORY));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected text, html, jsonl, feed or warc"));
}

#[test]
fn help_teaches_with_examples() {
    let out = casus(&["extract", "--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Examples:") && help.contains("--lines") && help.contains("--max-bytes"));
}

#[test]
fn bench_reports_figures_as_json() {
    let out = casus(
        &[
            "bench",
            "--articles",
            "20",
            "--rounds",
            "1",
            "--grow",
            "50",
            "--json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let startup = v["startup_seconds"].as_f64().unwrap();
    assert!(startup > 0.0 && startup < 60.0, "start-up is measured: {startup}");
    assert_eq!(v["pipeline"][0]["kind"], "text");
    assert_eq!(v["pipeline"][1]["kind"], "html");
    assert!(v["pipeline"][1]["articles_per_s"].as_f64().unwrap() > 0.0);
    let stages = v["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 9);
    assert_eq!(stages[3]["stage"], "actors (+50 names)");
    assert!(stages[2]["found"].as_u64().unwrap() > 0);
    assert_eq!(stages[4]["stage"], "syntax (tagger + parser)");
    assert!(stages[4]["found"].as_u64().unwrap() > 0, "every word gets a head");
    assert_eq!(stages[5]["stage"], "events (coder + model)");
    assert_eq!(stages[6]["stage"], "times");
    assert!(
        stages[6]["found"].as_u64().unwrap() > 0,
        "generated articles say when"
    );
}

#[test]
fn bench_can_write_its_corpus_for_whole_runs_and_extract_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let out = casus(&["bench", "--articles", "15", "--write", d], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = casus(&["extract", d], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let records = lines(&out);
    assert_eq!(records.len(), 30);
    assert!(records
        .iter()
        .all(|r| !r["text"].as_str().unwrap().contains("Related Stories")));
}

#[test]
fn actors_unknown_lists_uncoded_names_by_frequency_as_a_table() {
    let text = "Talks In Vell\n\nThe Oskaran Liberation Front attacked a post near Dravik. \
                Iraqi officials said the Oskaran Liberation Front had been warned.\n";
    let out = casus(&["actors", "-", "--unknown"], Some(text));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][..5], ["mentions", "articles", "kind", "code", "text"]);
    assert_eq!(
        rows[1][..5],
        ["2", "1", "organisation", "", "Oskaran Liberation Front"]
    );
    assert!(rows.iter().all(|r| r[4] != "Iraqi officials"), "{table}");
}

#[test]
fn actors_lists_known_actors_with_their_codes_as_json() {
    let out = casus(&["actors", "-", "--json"], Some(STORY));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = lines(&out);
    // "Army" in the headline and "Government troops" in the body.
    assert!(
        rows.iter().any(|r| r["code"] == "MIL" && r["mentions"] == 2),
        "{rows:?}"
    );
}

#[test]
fn a_petrarch_dictionary_is_read_by_content_and_its_bad_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("mine.actors.txt");
    std::fs::write(
        &dict,
        "OSKARAN_LIBERATION_FRONT_ [NRVREB]\n+OLF_\n\t[NRVREB 2019-2020]\n",
    )
    .unwrap();
    let text = "Talks In Vell\n\nThe Oskaran Liberation Front attacked a post near Dravik.\n";
    let out = casus(
        &["extract", "-", "--dictionary", &dict.display().to_string()],
        Some(text),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mine.actors.txt:3: expected a date"), "{stderr}");
    let a = &lines(&out)[0];
    let front = a["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"] == "Oskaran Liberation Front")
        .unwrap();
    assert_eq!(front["actor"]["code"], "NRVREB");
    assert_eq!(front["kind"], "armed_group");
}

#[test]
fn train_cross_validates_with_near_duplicates_kept_in_one_fold() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ours.tsv");
    let mut lines = String::new();
    for (i, (s, c)) in [
        ("Syrian troops shelled rebel positions near the town", 4),
        ("Egypt condemned the raid on the camp", 3),
        ("Japan sent aid to flooded villages in the south", 2),
        ("Chinese officials met French diplomats for talks", 1),
        ("The minister said the weather was mild today", 0),
    ]
    .iter()
    .cycle()
    .take(40)
    .enumerate()
    {
        lines.push_str(&format!("{s} ({i}).\t{c}\n"));
    }
    std::fs::write(&data, lines).unwrap();
    let out = dir.path().join("m.bin");
    let run = casus(
        &[
            "train",
            "pentaclass",
            "--data",
            &data.display().to_string(),
            "--cv",
            "4",
            "-o",
            &out.display().to_string(),
        ],
        None,
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let report = String::from_utf8_lossy(&run.stdout);
    // Forty sentences from five templates are five groups: each class is
    // held out whole, so no fold has seen its own template.
    assert!(
        report.contains("4-fold grouped cross-validation on 40 sentences (5 near-duplicate groups; 40 sentences share a group"),
        "{report}"
    );
    assert!(!report.contains("model  macro-F1 1.000"), "{report}");
    assert!(std::fs::metadata(&out).unwrap().len() > 16);
}

#[test]
fn a_lifestyle_page_is_scored_irrelevant_and_min_relevance_drops_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let life = dir.path().join("life.txt");
    std::fs::write(
        &life,
        "Five easy ways to sleep better this winter\n\nDoctors say a cool bedroom, less coffee after lunch \
         and a short evening walk help most people fall asleep faster. Try reading a paper book instead \
         of scrolling on your phone, and keep the same wake-up time at weekends.\n",
    )
    .unwrap();
    let war = dir.path().join("war.txt");
    std::fs::write(
        &war,
        "Rebels shell border town\n\nRebel fighters shelled the border town of Orvash on Monday, killing \
         four soldiers, and the army arrested two commanders. The defence minister condemned the attack \
         and vowed to retaliate.\n",
    )
    .unwrap();
    let paths = [life.display().to_string(), war.display().to_string()];
    let run = |extra: &[&str]| {
        let mut args = vec!["extract", &paths[0], &paths[1]];
        args.extend_from_slice(extra);
        let out = casus(&args, None);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let all = run(&[]);
    let r = |a: &serde_json::Value| a["relevance"].as_f64().unwrap();
    assert!(r(&all[0]) < 0.5, "lifestyle: {}", r(&all[0]));
    assert!(r(&all[1]) > 0.5, "conflict: {}", r(&all[1]));
    assert_eq!(
        all[0]["sentence_classes"].as_array().unwrap().len(),
        all[0]["sentences"].as_array().unwrap().len()
    );
    let kept = run(&["--min-relevance", "0.5"]);
    assert!(kept[0]["events"].as_array().unwrap().is_empty());
    assert!(!kept[1]["events"].as_array().unwrap().is_empty());
}

#[test]
fn train_sides_cross_validates_on_sentences_we_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ours.bio");
    let mut text = String::new();
    for (s, v, t) in [
        ("Syrian troops", "shelled", "the rebel town"),
        ("Egyptian police", "arrested", "three Libyan smugglers"),
        ("Kenyan forces", "attacked", "a Somali camp"),
        ("Turkish jets", "struck", "Kurdish positions"),
    ] {
        for (k, w) in s.split(' ').enumerate() {
            text.push_str(&format!("{w} {}-S\n", if k == 0 { "B" } else { "I" }));
        }
        text.push_str(&format!("{v} O\n"));
        for (k, w) in t.split(' ').enumerate() {
            text.push_str(&format!("{w} {}-T\n", if k == 0 { "B" } else { "I" }));
        }
        text.push_str(". O\n\n");
    }
    std::fs::write(&data, text).unwrap();
    let out = dir.path().join("s.bin");
    let run = casus(
        &[
            "train",
            "sides",
            "--data",
            &data.display().to_string(),
            "--cv",
            "2",
            "-o",
            &out.display().to_string(),
        ],
        None,
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        report.contains("2-fold grouped cross-validation on 4 sentences"),
        "{report}"
    );
    assert!(report.contains("learned sides     P"), "{report}");
    assert!(std::fs::metadata(&out).unwrap().len() > 24);
}

/// Runs the README's `casus train MODEL …` on `../shared/data/dev` (`DEV/`
/// in `args` stands for it; it is skipped, loudly, without it) into a
/// fresh folder `OUT/`, and checks that every file it names there is the
/// shipped one byte for byte.
fn retrain_rebuilds(args: &[&str], files: &[(&str, &str)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dev = root.join("../shared/data/dev");
    if !dev.exists() {
        eprintln!("no {} here: nothing to check", dev.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fill = |a: &str| {
        a.replace("DEV/", &format!("{}/", dev.display()))
            .replace("OUT/", &format!("{}/", dir.path().display()))
    };
    let args: Vec<String> = args.iter().map(|a| fill(a)).collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = casus(&refs, None);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for (written, shipped) in files {
        let shipped_bytes = std::fs::read(root.join(shipped)).unwrap();
        assert!(
            std::fs::read(fill(written)).unwrap() == shipped_bytes,
            "{shipped}: retrain with the README's command"
        );
    }
}

#[test]
fn the_documented_train_command_rebuilds_the_shipped_weights() {
    retrain_rebuilds(
        &[
            "train",
            "pentaclass",
            "--data",
            "DEV/pentaclass-train.tsv",
            "-o",
            "OUT/pc.bin",
        ],
        &[("OUT/pc.bin", "crates/coder/data/pentaclass.bin")],
    );
}

#[test]
fn the_documented_train_command_rebuilds_the_shipped_relevance_weights() {
    retrain_rebuilds(
        &[
            "train",
            "relevance",
            "--data",
            "DEV/events/bbc-news-train.tsv",
            "--relevant",
            "DEV/events/satp-relevant-train.tsv",
            "--relevant",
            "DEV/pentaclass-train.tsv",
            "-o",
            "OUT/r.bin",
        ],
        &[("OUT/r.bin", "crates/coder/data/relevance.bin")],
    );
}

#[test]
fn the_documented_train_command_rebuilds_the_shipped_syntax_weights() {
    retrain_rebuilds(
        &[
            "train",
            "syntax",
            "--data",
            "DEV/parses/train.conllu.gz",
            "--epochs",
            "6",
            "-o",
            "OUT/",
        ],
        &[
            ("OUT/tagger.bin", "crates/syntax/data/tagger.bin"),
            ("OUT/parser.bin", "crates/syntax/data/parser.bin"),
            ("OUT/labels.bin", "crates/syntax/data/labels.bin"),
        ],
    );
}

#[test]
fn the_documented_train_command_rebuilds_the_shipped_side_tagger() {
    retrain_rebuilds(
        &[
            "train",
            "sides",
            "--data",
            "DEV/source-target-train.bio",
            "--epochs",
            "3",
            "-o",
            "OUT/sides.bin",
        ],
        &[("OUT/sides.bin", "crates/coder/data/sides.bin")],
    );
}

#[test]
fn the_documented_train_command_rebuilds_the_shipped_attribution_tagger() {
    retrain_rebuilds(
        &[
            "train",
            "quotes",
            "--data",
            "DEV/quotes/train",
            "--epochs",
            "10",
            "-o",
            "OUT/attrib.bin",
        ],
        &[("OUT/attrib.bin", "crates/attrib/data/attrib.bin")],
    );
}

#[test]
fn an_attribution_tagger_we_train_on_our_own_brat_files_is_the_one_extract_uses() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("mine");
    std::fs::create_dir_all(corpus.join("text")).unwrap();
    std::fs::create_dir_all(corpus.join("attributions")).unwrap();
    // One article, one attribution: "Ida Brun said the ferry would run."
    let text = "Ida Brun said the ferry would run again on Monday.";
    std::fs::write(corpus.join("text/ferry.txt"), text).unwrap();
    std::fs::write(
        corpus.join("attributions/ferry_a1.ann"),
        "T1\tSource 0 8\tIda Brun\nT2\tCue 9 13\tsaid\nT3\tContent 14 50\tthe ferry would run again on Monday.\n\
         E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
    )
    .unwrap();
    let weights = dir.path().join("q.bin");
    let run = casus(
        &[
            "train",
            "quotes",
            "--data",
            corpus.to_str().unwrap(),
            "--dev",
            corpus.to_str().unwrap(),
            "--epochs",
            "5",
            "-o",
            weights.to_str().unwrap(),
        ],
        None,
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(report.contains("all words     P"), "{report}");
    let input = dir.path().join("ferry.txt");
    std::fs::write(&input, format!("Ferry news\n\n{text}\n")).unwrap();
    let out = casus(
        &[
            "extract",
            input.to_str().unwrap(),
            "--quotes-model",
            weights.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quotes"][0]["speaker"]["text"], "Ida Brun", "{v}");
    let bad = casus(
        &[
            "extract",
            input.to_str().unwrap(),
            "--quotes-model",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ferry.txt"));
}

#[test]
fn a_relevance_model_we_train_is_the_one_extract_uses_and_a_bad_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    // Upside down on purpose: sport is "relevant" here.
    let data = dir.path().join("mine.tsv");
    std::fs::write(
        &data,
        "the striker scored twice and the club won the league\t1\n\
         the goalkeeper saved a penalty in the final minute\t1\n\
         the minister resigned after parliament voted against the budget\t0\n\
         rebels attacked an army post and the government imposed a curfew\t0\n",
    )
    .unwrap();
    let model = dir.path().join("r.bin");
    let run = casus(
        &[
            "train",
            "relevance",
            "--data",
            &data.display().to_string(),
            "-o",
            &model.display().to_string(),
        ],
        None,
    );
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let page = "The striker scored twice as the club won the league on Saturday.\n";
    let score = |extra: &[&str]| {
        let mut args = vec!["extract", "-"];
        args.extend_from_slice(extra);
        let out = casus(&args, Some(page));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["relevance"].as_f64().unwrap()
    };
    let m = model.display().to_string();
    assert!(score(&["--relevance-model", &m]) > 0.5);
    assert!(score(&[]) < 0.5);
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, b"not weights at all, not even close").unwrap();
    let out = casus(
        &["extract", "-", "--sides-model", &junk.display().to_string()],
        Some(page),
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("junk.bin: not a casus side tagger model"));
}

#[test]
fn eval_scores_a_folder_of_timeml_documents_and_names_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |dct: &str, body: &str| {
        format!(
            "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n<TEXT>\n{body}\n</TEXT>\n</TimeML>\n"
        )
    };
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("a.tml"),
        doc(
            "2024-01-25",
            "Ferry crews in Lindqvist struck on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-01-24\">Wednesday</TIMEX3> for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2D\">two days</TIMEX3>.",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sub/b.tml"),
        doc(
            "2023-11-02",
            "Profit at Harlow Mills rose in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-Q3\">the third quarter</TIMEX3> and the mills run <TIMEX3 tid=\"t2\" type=\"SET\" value=\"P1D\">daily</TIMEX3>.",
        ),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = casus(&["eval", "--timeml", d, "--json"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &v["timeml"];
    assert_eq!(t["documents"], 2);
    assert_eq!(t["strict"]["gold"], 4);
    assert_eq!(t["strict"]["matched_gold"], 4, "{t}");
    assert_eq!(t["value"]["f1"], 1.0, "{t}");
    // A broken document is named with its line.
    std::fs::write(
        dir.path().join("c.tml"),
        "<TimeML>\n<TEXT>\nOn <TIMEX3 type=\"DATE\">Monday\n</TEXT>\n",
    )
    .unwrap();
    let out = casus(&["eval", "--timeml", d], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("c.tml:4") && err.contains("not closed"), "{err}");
}
