//! Several workers on one store: the work queue splits the inputs, a dead
//! worker's lease is taken over, and concurrent writers store each
//! article once. Needs a server: see `common::fresh_db`.

mod common;

use casus_pg::{Finished, PgStore, WorkQueue};
use casus_store::StoreOptions;
use common::{corpus, fresh_db};
use std::time::Duration;

fn inputs(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("news/{i:03}.jsonl")).collect()
}

#[test]
fn two_workers_claim_disjoint_inputs_and_each_is_done_once() {
    let Some(url) = fresh_db("claims") else { return };
    let lease = Duration::from_secs(60);
    let mut a = WorkQueue::open(&url, "run1", "worker-a", lease).unwrap();
    let mut b = WorkQueue::open(&url, "run1", "worker-b", lease).unwrap();
    assert_eq!(a.add(&inputs(5)).unwrap(), 5);
    // The second worker, given the same inputs, adds none.
    assert_eq!(b.add(&inputs(5)).unwrap(), 0);
    let got_a = a.claim(2).unwrap();
    let got_b = b.claim(10).unwrap();
    assert_eq!(got_a.len(), 2);
    assert_eq!(got_b.len(), 3);
    assert!(got_a.iter().all(|x| !got_b.contains(x)));
    assert!(a.claim(10).unwrap().is_empty());
    a.finish(&got_a).unwrap();
    // A worker cannot finish what it does not hold.
    b.finish(&got_a[..1]).unwrap();
    assert_eq!(a.left().unwrap(), 3);
    b.finish(&got_b).unwrap();
    assert_eq!(a.left().unwrap(), 0);
    // Another run of the same store has its own queue.
    let mut c = WorkQueue::open(&url, "run2", "worker-c", lease).unwrap();
    c.add(&inputs(5)).unwrap();
    assert_eq!(c.claim(10).unwrap().len(), 5);
}

#[test]
fn a_dead_workers_inputs_are_taken_over_when_its_lease_runs_out() {
    let Some(url) = fresh_db("leases") else { return };
    let mut dead = WorkQueue::open(&url, "run", "dead", Duration::from_millis(300)).unwrap();
    dead.add(&inputs(2)).unwrap();
    let held = dead.claim(2).unwrap();
    drop(dead);
    let mut alive = WorkQueue::open(&url, "run", "alive", Duration::from_secs(60)).unwrap();
    assert!(alive.claim(2).unwrap().is_empty(), "taken while the lease holds");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(alive.claim(2).unwrap(), held);
    // Renewing keeps them: a third worker finds nothing.
    assert_eq!(alive.renew(&held).unwrap(), 2);
    let mut third = WorkQueue::open(&url, "run", "third", Duration::from_secs(60)).unwrap();
    assert!(third.claim(2).unwrap().is_empty());
}

#[test]
fn an_input_is_done_in_the_transaction_that_stores_its_articles() {
    let Some(url) = fresh_db("finish") else { return };
    let mut q = WorkQueue::open(&url, "run", "w", Duration::from_secs(60)).unwrap();
    q.add(&inputs(1)).unwrap();
    let held = q.claim(1).unwrap();
    let mut store = PgStore::open(&url, StoreOptions::default()).unwrap();
    let done = Finished {
        run: "run".into(),
        owner: "w".into(),
        inputs: held,
    };
    store.put_batch_finishing(&corpus()[..3], &done).unwrap();
    assert_eq!(q.left().unwrap(), 0);
    assert_eq!(store.counts().unwrap().0, 3);
}

#[test]
fn concurrent_writers_store_each_article_once() {
    let Some(url) = fresh_db("concurrent") else { return };
    let articles = corpus();
    // Open once first, so that the schema exists before the race.
    drop(PgStore::open(&url, StoreOptions::default()).unwrap());
    std::thread::scope(|s| {
        for w in 0..3 {
            let (url, articles) = (&url, &articles);
            s.spawn(move || {
                let mut store = PgStore::open(url, StoreOptions::default()).unwrap();
                // Each writer stores all of them, in its own order.
                let mut mine = articles.clone();
                mine.rotate_left(w * 7);
                for chunk in mine.chunks(3) {
                    store.put_batch(chunk).unwrap();
                }
            });
        }
    });
    let mut store = PgStore::open(&url, StoreOptions::default()).unwrap();
    let (n_articles, n_events) = store.counts().unwrap();
    assert_eq!(n_articles, 21);
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    let dup: i64 = c
        .query_one(
            "SELECT count(*) FROM (SELECT article, n FROM events GROUP BY 1, 2 HAVING count(*) > 1) d",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(dup, 0, "duplicate events among {n_events}");
    let stories: i64 = c
        .query_one("SELECT sum(articles)::bigint FROM stories", &[])
        .unwrap()
        .get(0);
    assert_eq!(stories, 21);
}
