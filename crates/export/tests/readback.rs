//! Every export format, written from a store of our story corpus and read
//! back by a real reader: Python's csv and json modules.

use casus_export::{export, gdelt, Format};
use casus_store::{EventFilter, Page, Reader, Store, StoreOptions};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn store() -> &'static (tempfile::TempDir, Reader) {
    static STORE: OnceLock<(tempfile::TempDir, Reader)> = OnceLock::new();
    STORE.get_or_init(|| store_of(&corpus()))
}

/// Our story corpus's articles.
fn corpus() -> Vec<casus_core::Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/data/stories.jsonl");
    casus_pipeline::articles_of(&[path])
}

/// A fresh store of `arts`, and a reader of it.
fn store_of(arts: &[casus_core::Article]) -> (tempfile::TempDir, Reader) {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path(), StoreOptions::default())
        .unwrap()
        .put_batch(arts)
        .unwrap();
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    (dir, reader)
}

/// Exports with `filter` to a file; returns its path and the count.
fn exported(format: Format, filter: &EventFilter, name: &str) -> (PathBuf, u64) {
    let (dir, reader) = store();
    let path = dir.path().join(name);
    let mut file = std::fs::File::create(&path).unwrap();
    let n = export(&mut &*reader, filter, format, &mut file).unwrap();
    (path, n)
}

/// python3, also finding the packages scripts/readers.sh installs.
fn python3() -> Command {
    let deps = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.cache/python");
    let mut paths = vec![deps];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PYTHONPATH").unwrap_or_default(),
    ));
    let mut cmd = Command::new("python3");
    cmd.env("PYTHONPATH", std::env::join_paths(paths).unwrap());
    cmd
}

/// Runs a Python snippet with the file's path as `p` and returns stdout.
fn python(code: &str, path: &Path) -> String {
    let out = python3()
        .arg("-c")
        .arg(format!("import csv, json, sys\np = sys.argv[1]\n{code}"))
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn total(filter: &EventFilter) -> u64 {
    store().1.events(filter, Page::new(1, 0).unwrap()).unwrap().total
}

#[test]
fn csv_has_one_row_per_event_with_the_named_columns() {
    let all = EventFilter::default();
    let (path, n) = exported(Format::Csv, &all, "events.csv");
    assert_eq!(n, total(&all));
    let rows = python(
        "r = list(csv.DictReader(open(p, newline='')))\nprint(len(r), r[0]['cameo'], len(r[0]))",
        &path,
    );
    let parts: Vec<&str> = rows.split(' ').collect();
    assert_eq!(parts[0], n.to_string());
    assert!(parts[1].chars().all(|c| c.is_ascii_digit()), "{rows}");
    assert_eq!(parts[2], casus_export::csv::COLUMNS.len().to_string());
}

#[test]
fn jsonl_lines_are_the_events_of_the_api() {
    let usa = EventFilter {
        actor: Some("USA".into()),
        ..Default::default()
    };
    let (path, n) = exported(Format::Jsonl, &usa, "usa.jsonl");
    assert_eq!(n, total(&usa));
    assert!(n > 0);
    let check = python(
        "ok = all('USA' in (e['source']['code'], e['target']['code']) for e in map(json.loads, open(p)))\n\
         print(sum(1 for _ in open(p)), ok)",
        &path,
    );
    assert_eq!(check, format!("{n} True"));
}

#[test]
fn gdelt_rows_have_the_61_codebook_fields() {
    let all = EventFilter::default();
    let (path, n) = exported(Format::Gdelt, &all, "events.tsv");
    let check = python(
        "r = list(csv.reader(open(p, newline=''), delimiter='\\t'))\n\
         print(len(r), set(len(x) for x in r), all(len(x[1]) == 8 and x[1].isdigit() and x[1][:4] == x[3] and x[26].startswith(x[28]) for x in r))",
        &path,
    );
    assert_eq!(check, format!("{n} {{{}}} True", gdelt::FIELDS));
}

#[test]
fn plover_records_carry_the_category_and_the_words_they_came_from() {
    let all = EventFilter::default();
    let (path, n) = exported(Format::Plover, &all, "plover.json");
    let check = python(
        "d = json.load(open(p))\n\
         print(len(d), all(set(['id', 'date', 'source', 'target', 'event', 'casus']) <= set(x) for x in d), \
         all(len(x['casus']['trigger']) == 2 for x in d))",
        &path,
    );
    assert_eq!(check, format!("{n} True True"));
}

#[test]
fn copies_are_left_out_unless_asked_for() {
    let plain = exported(Format::Jsonl, &EventFilter::default(), "a.jsonl").1;
    let with = EventFilter {
        copies: true,
        ..Default::default()
    };
    let all = exported(Format::Jsonl, &with, "b.jsonl").1;
    assert!(all > plain, "{all} > {plain}");
}

/// The CSV export's rows as maps from column name to cell.
fn csv_rows() -> Vec<std::collections::HashMap<String, String>> {
    let (path, _) = exported(Format::Csv, &EventFilter::default(), "compare.csv");
    let mut r = ::csv::Reader::from_path(path).unwrap();
    let names: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|row| {
            names
                .iter()
                .cloned()
                .zip(row.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn parquet_read_back_by_the_rust_reader_holds_the_csv_values_typed() {
    use ::parquet::file::reader::{FileReader, SerializedFileReader};
    use ::parquet::record::{Field, RowAccessor};
    let (path, n) = exported(Format::Parquet, &EventFilter::default(), "events.parquet");
    let file = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(file.metadata().file_metadata().num_rows() as u64, n);
    let rows: Vec<_> = file.into_iter().map(Result::unwrap).collect();
    let csv = csv_rows();
    assert_eq!(rows.len(), csv.len());
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let mut nulls = 0;
    for (row, want) in rows.iter().zip(&csv) {
        assert_eq!(row.get_long(0).unwrap().to_string(), want["id"]);
        assert_eq!(row.get_string(5).unwrap(), &want["date"]);
        let (_, Field::Date(days)) = row.get_column_iter().nth(6).unwrap() else {
            panic!("day is a DATE column: {row:?}");
        };
        assert_eq!((epoch + chrono::Days::new(*days as u64)).to_string(), want["day"]);
        assert_eq!(row.get_string(15).unwrap(), &want["cameo"]);
        assert_eq!(row.get_int(17).unwrap().to_string(), want["quad_class"]);
        assert_eq!(row.get_double(19).unwrap().to_string(), want["goldstein"]);
        assert_eq!(u8::from(row.get_bool(35).unwrap()).to_string(), want["copy"]);
        let added = chrono::DateTime::parse_from_rfc3339(&want["added"]).unwrap();
        assert_eq!(row.get_timestamp_millis(36).unwrap(), added.timestamp_millis());
        for (name, field) in row.get_column_iter() {
            assert_eq!(
                matches!(field, Field::Null),
                want[name.as_str()].is_empty(),
                "{name} in {want:?}"
            );
            nulls += usize::from(matches!(field, Field::Null));
        }
    }
    assert!(nulls > 0, "absent values are nulls, not empty strings");
}

#[test]
fn parquet_read_back_by_pyarrow_has_typed_columns() {
    let has_pyarrow = python3()
        .args(["-c", "import pyarrow"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_pyarrow {
        eprintln!(
            "pyarrow is not installed (scripts/readers.sh installs it); the Rust reader's test stands alone"
        );
        return;
    }
    let (path, n) = exported(Format::Parquet, &EventFilter::default(), "py.parquet");
    let check = python(
        "import pyarrow.parquet as pq\nt = pq.read_table(p)\n\
         print(t.num_rows, t.schema.field('day').type, t.schema.field('added').type, \
         t.schema.field('goldstein').type, t.schema.field('copy').type, t.column('cameo').null_count)",
        &path,
    );
    assert_eq!(
        check,
        format!("{n} date32[day] timestamp[ms, tz=UTC] double bool 0")
    );
}

#[test]
fn acled_csv_has_acleds_columns_in_acleds_order_and_only_typed_events() {
    let (path, n) = exported(Format::Acled, &EventFilter::default(), "acled.csv");
    assert!(n > 0, "the story corpus reports violence ACLED types");
    assert!(
        n < total(&EventFilter::default()),
        "statements have no ACLED type"
    );
    let check = python(
        "r = csv.reader(open(p, newline=''))\nhead = next(r)\nrows = list(r)\n\
         print(','.join(head[:20]))\n\
         print(len(rows), all(x[1] and x[2] for x in rows), \
         all(x[19] == '' or x[19].isdigit() for x in rows), \
         all(x[5] == '' or x[5] in '12345678' for x in rows))",
        &path,
    );
    let mut lines = check.lines();
    assert_eq!(
        lines.next().unwrap(),
        "event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,\
         interaction,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities"
    );
    assert_eq!(lines.next().unwrap(), format!("{n} True True True"));
}

#[test]
fn acled_rows_carry_the_admin_areas_of_the_events_place() {
    let mut arts = corpus();
    arts.truncate(6);
    for a in &mut arts {
        for e in &mut a.events {
            if let Some(l) = e.location.as_mut() {
                l.admin1 = Some("Ninawa".into());
                l.admin2 = Some("Mosul District".into());
            }
        }
    }
    let (dir, reader) = store_of(&arts);
    let path = dir.path().join("acled.csv");
    let n = export(
        &mut &reader,
        &EventFilter::default(),
        Format::Acled,
        &mut std::fs::File::create(&path).unwrap(),
    )
    .unwrap();
    assert!(n > 0);
    let check = python(
        "r = csv.DictReader(open(p, newline=''))\nrows = [x for x in r if x['location']]\n\
         print(len(rows) > 0, all(x['admin1'] == 'Ninawa' and x['admin2'] == 'Mosul District' for x in rows))",
        &path,
    );
    assert_eq!(check, "True True");
}
