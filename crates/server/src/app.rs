//! The handlers: each checks its parameters, runs its query on a blocking
//! thread (SQLite, tantivy and the PostgreSQL client are synchronous)
//! and answers JSON.

use crate::openapi;
use crate::params::Params;
use crate::routes::route;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use casus_store::{ReadStore, StoreError};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

/// The query string, or why it cannot be read (say, bytes that are not
/// UTF-8 once decoded): a JSON 400 like every other bad parameter.
type Q = Result<Query<HashMap<String, String>>, QueryRejection>;
type Id = Result<Path<String>, PathRejection>;

fn query(q: Q) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(m)| m)
        .map_err(|e| StoreError::bad("query", e.body_text()).into())
}

fn id(p: Id) -> Result<String, ApiError> {
    let id = p
        .map(|Path(s)| s)
        .map_err(|e| ApiError(StoreError::bad("id", e.body_text())))?;
    crate::params::no_nul("id", &id)?;
    Ok(id)
}

/// An error as the API answers it: 400 for a bad parameter (named), 404
/// for an unknown id, 500 otherwise.
pub struct ApiError(StoreError);

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match &self.0 {
            StoreError::BadParam { param, .. } => (
                StatusCode::BAD_REQUEST,
                json!({"error": self.0.to_string(), "parameter": param}),
            ),
            StoreError::NotFound { .. } => (StatusCode::NOT_FOUND, json!({"error": self.0.to_string()})),
            StoreError::OverBudget { .. } => (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"error": self.0.to_string()}),
            ),
            _ => (
                StatusCode::INTERNAL_SERVER_ERROR,
                json!({"error": self.0.to_string()}),
            ),
        };
        (status, Json(body)).into_response()
    }
}

/// Queries running at once: about one per core. More would only make
/// them share the cores and the page cache, and all finish later.
fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores + 1)
    })
}

/// What the server is given: the store (SQLite's [`casus_store::Reader`]
/// or PostgreSQL's, behind one interface) and each request's time budget.
pub struct Api {
    pub reader: Box<dyn ReadStore>,
    /// Past it a request's reads are stopped and it gets a 503.
    pub budget: Duration,
}

/// A request's time budget unless the server is told another.
pub const DEFAULT_BUDGET: Duration = Duration::from_secs(10);

/// Runs `f` with the reader on tokio's blocking pool, a few at a time,
/// within the request's budget (the wait for a turn counts).
async fn blocking<T: Serialize + Send + 'static>(
    api: Arc<Api>,
    f: impl FnOnce(&dyn ReadStore) -> Result<T, StoreError> + Send + 'static,
) -> Result<Json<T>, ApiError> {
    let budget = api.budget;
    let over = || ApiError(StoreError::OverBudget { budget });
    let start = std::time::Instant::now();
    let Ok(_permit) = tokio::time::timeout(budget, permits().acquire()).await else {
        return Err(over());
    };
    let left = budget.saturating_sub(start.elapsed());
    let work = tokio::task::spawn_blocking(move || casus_store::deadline::within(left, || f(&*api.reader)));
    // The reads stop themselves at the deadline; the answer does not wait
    // longer than the budget for them.
    let Ok(done) = tokio::time::timeout(left + Duration::from_millis(50), work).await else {
        return Err(over());
    };
    match done {
        Ok(r) => r.map(Json).map_err(ApiError),
        Err(e) => Err(ApiError(StoreError::bad(
            "request",
            format!("the query failed: {e}"),
        ))),
    }
}

macro_rules! handler {
    ($name:ident, $path:literal, |$p:ident| $body:expr) => {
        async fn $name(State(api): State<Arc<Api>>, q: Q) -> Result<Response, ApiError> {
            let $p = Params::new(query(q)?, route($path))?;
            let run = $body;
            Ok(blocking(api, run).await?.into_response())
        }
    };
}

handler!(articles, "/api/articles", |p| {
    let (f, page) = (p.article_filter()?, p.page()?);
    move |r: &dyn ReadStore| r.articles(&f, page)
});
handler!(events, "/api/events", |p| {
    let (f, page) = (p.event_filter()?, p.page()?);
    move |r: &dyn ReadStore| r.events(&f, page)
});
handler!(series, "/api/series", |p| {
    let f = p.event_filter()?;
    let interval = p.text("interval").unwrap_or_else(|| "day".into());
    let interval = interval.parse()?;
    move |r: &dyn ReadStore| r.series(&f, interval)
});
handler!(dyads, "/api/dyads", |p| {
    let (from, to) = (p.text("from"), p.text("to"));
    let limit = p.number("limit", 50, casus_store::MAX_LIMIT)?.max(1);
    move |r: &dyn ReadStore| r.dyads(&from, &to, limit)
});
handler!(places, "/api/places", |p| {
    let f = p.event_filter()?;
    let limit = p.number("limit", 200, casus_store::MAX_LIMIT)?.max(1);
    move |r: &dyn ReadStore| r.places(&f, limit)
});
handler!(actors, "/api/actors", |p| {
    let (q, page) = (p.text("q"), p.page()?);
    move |r: &dyn ReadStore| r.actors(q.as_deref(), page)
});
handler!(stories, "/api/stories", |p| {
    let (from, to, page) = (p.text("from"), p.text("to"), p.page()?);
    move |r: &dyn ReadStore| r.stories(&from, &to, page)
});
handler!(search, "/api/search", |p| {
    let (q, page) = (p.text("q").unwrap_or_default(), p.page()?);
    move |r: &dyn ReadStore| r.search(&q, page)
});
handler!(stats, "/api/stats", |p| {
    drop(p);
    move |r: &dyn ReadStore| r.stats()
});

async fn article(State(api): State<Arc<Api>>, path: Id, q: Q) -> Result<Response, ApiError> {
    let id = id(path)?;
    let p = Params::new(query(q)?, route("/api/articles/{id}"))?;
    let n = p.number("related", 10, 100)?;
    Ok(blocking(api, move |r| r.article(&id, n)).await?.into_response())
}

async fn related(State(api): State<Arc<Api>>, path: Id, q: Q) -> Result<Response, ApiError> {
    let id = id(path)?;
    let p = Params::new(query(q)?, route("/api/articles/{id}/related"))?;
    let limit = p.page()?.limit;
    Ok(blocking(api, move |r| r.related(&id, limit))
        .await?
        .into_response())
}

async fn story(State(api): State<Arc<Api>>, path: Id, q: Q) -> Result<Response, ApiError> {
    let id = id(path)?;
    let page = Params::new(query(q)?, route("/api/stories/{id}"))?.page_of(100)?;
    Ok(blocking(api, move |r| r.story(&id, Some(page)))
        .await?
        .into_response())
}

/// The dashboard's files, built into the binary: plain ES modules, a
/// stylesheet, and the world-atlas country outlines from the npm registry
/// (`assets/vendor/`). No outside requests.
pub const ASSETS: [(&str, &str, &str); 9] = [
    (
        "/",
        include_str!("../assets/index.html"),
        "text/html; charset=utf-8",
    ),
    (
        "/index.html",
        include_str!("../assets/index.html"),
        "text/html; charset=utf-8",
    ),
    ("/app.js", include_str!("../assets/app.js"), JS),
    ("/util.js", include_str!("../assets/util.js"), JS),
    ("/charts.js", include_str!("../assets/charts.js"), JS),
    ("/views.js", include_str!("../assets/views.js"), JS),
    ("/world.js", include_str!("../assets/world.js"), JS),
    (
        "/style.css",
        include_str!("../assets/style.css"),
        "text/css; charset=utf-8",
    ),
    (
        "/vendor/countries-110m.json",
        include_str!("../assets/vendor/countries-110m.json"),
        "application/json",
    ),
];
const JS: &str = "text/javascript; charset=utf-8";

async fn asset(path: axum::http::Uri) -> Response {
    match ASSETS.iter().find(|(p, _, _)| *p == path.path()) {
        Some((_, body, kind)) => (
            [
                (axum::http::header::CONTENT_TYPE, *kind),
                (axum::http::header::CACHE_CONTROL, "no-cache"),
            ],
            *body,
        )
            .into_response(),
        None => not_found().await,
    }
}

async fn spec() -> Json<serde_json::Value> {
    Json(openapi::document())
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error": "no such route; the API is described at /api/openapi.json"})),
    )
        .into_response()
}

/// The API's router.
pub fn router(api: Api) -> Router {
    let mut router = Router::new();
    for (path, _, _) in ASSETS {
        router = router.route(path, get(asset));
    }
    router
        .route("/api/openapi.json", get(spec))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/articles/{id}/related", get(related))
        .route("/api/events", get(events))
        .route("/api/series", get(series))
        .route("/api/dyads", get(dyads))
        .route("/api/places", get(places))
        .route("/api/actors", get(actors))
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/search", get(search))
        .route("/api/stats", get(stats))
        .fallback(not_found)
        .with_state(Arc::new(api))
}
