//! The API's routes and their parameters: one table, from which both the
//! parameter checks and the OpenAPI description are made.

/// A query parameter.
#[derive(Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    /// OpenAPI type: string, integer or boolean.
    pub kind: &'static str,
    pub about: &'static str,
}

/// A GET route.
pub struct Route {
    pub path: &'static str,
    pub summary: &'static str,
    /// The path parameter, if the path has one (`{id}`).
    pub path_param: Option<&'static str>,
    /// Whether it takes the event filters ([`EVENT_FILTERS`]) before its
    /// own parameters.
    pub event_filters: bool,
    /// Its own parameters.
    pub params: &'static [Param],
}

impl Route {
    /// Every query parameter it takes: the event filters, if it takes
    /// them, then its own.
    pub fn all_params(&self) -> impl Iterator<Item = &'static Param> {
        let filters: &'static [Param] = if self.event_filters { &EVENT_FILTERS } else { &[] };
        filters.iter().chain(self.params)
    }
}

const fn p(name: &'static str, kind: &'static str, about: &'static str) -> Param {
    Param { name, kind, about }
}

const LIMIT: Param = p("limit", "integer", "Items per page, 1 to 1000 (default 50).");
const OFFSET: Param = p("offset", "integer", "Items to skip (default 0).");
const FROM: Param = p("from", "string", "First day, YYYY-MM-DD (inclusive).");
const TO: Param = p("to", "string", "Last day, YYYY-MM-DD (inclusive).");
const COPIES: Param = p(
    "copies",
    "boolean",
    "Include near-duplicate copies (default false: each story counted once).",
);

/// The event filters, shared by /api/events, /api/series and /api/places.
pub const EVENT_FILTERS: [Param; 12] = [
    p(
        "actor",
        "string",
        "Source or target, by actor id (lloyd-austin) or code (USAGOV).",
    ),
    p("source", "string", "The source actor, by id or code."),
    p("target", "string", "The target actor, by id or code."),
    p(
        "country",
        "string",
        "Source's or target's country, ISO 3166 alpha-3 (IRQ).",
    ),
    p("code", "string", "A CAMEO code or prefix (19 is every 19x)."),
    p(
        "category",
        "string",
        "A PLOVER event category (ASSAULT), any case.",
    ),
    FROM,
    TO,
    p(
        "place",
        "string",
        "A place: GeoNames id, place name, or country code of the event's location.",
    ),
    p("article", "string", "Only the events of this article id."),
    p(
        "story",
        "string",
        "Only the events of this story's articles: a story id, or one of its articles' ids.",
    ),
    COPIES,
];

pub const ROUTES: &[Route] = &[
    Route {
        path: "/api/articles",
        summary: "Articles, newest first.",
        path_param: None,
        event_filters: false,
        params: &[
            FROM,
            TO,
            p("story", "string", "Only articles of this story id."),
            p("source", "string", "Only articles of this source (site name)."),
            COPIES,
            LIMIT,
            OFFSET,
        ],
    },
    Route {
        path: "/api/articles/{id}",
        summary: "One article: its text, mentions, events, quotes, claims, times and places with their spans, its story, and related articles (same story first).",
        path_param: Some("The article id."),
        event_filters: false,
        params: &[p("related", "integer", "Related articles to list, 0 to 100 (default 10).")],
    },
    Route {
        path: "/api/articles/{id}/related",
        summary: "Articles related to one article, same story first, each with a score and reasons (copy, same_event, same_actors, same_place, similar_text).",
        path_param: Some("The article id."),
        event_filters: false,
        params: &[LIMIT],
    },
    Route {
        path: "/api/events",
        summary: "Coded events, newest first, each with its article and the words it came from.",
        path_param: None,
        event_filters: true,
        params: &[LIMIT, OFFSET],
    },
    Route {
        path: "/api/series",
        summary: "A time series of the selected events (for a dyad: source and target): per interval, event count, Goldstein sum and mean, and PentaClass counts.",
        path_param: None,
        event_filters: true,
        params: &[p("interval", "string", "day, week (from Monday) or month (default day).")],
    },
    Route {
        path: "/api/dyads",
        summary: "The busiest pairs of actors (codes) in a period: events, Goldstein sum and mean, PentaClass counts. The actor network.",
        path_param: None,
        event_filters: false,
        params: &[FROM, TO, p("limit", "integer", "Pairs to list, 1 to 1000 (default 50).")],
    },
    Route {
        path: "/api/places",
        summary: "Places of the selected events, busiest first, with coordinates: the event map.",
        path_param: None,
        event_filters: true,
        params: &[p("limit", "integer", "Places to list, 1 to 1000 (default 200).")],
    },
    Route {
        path: "/api/actors",
        summary: "Actors by number of mentions.",
        path_param: None,
        event_filters: false,
        params: &[p("q", "string", "Keep actors whose id, name or code contains this."), LIMIT, OFFSET],
    },
    Route {
        path: "/api/stories",
        summary: "Stories (articles that report the same event or thread), largest first.",
        path_param: None,
        event_filters: false,
        params: &[FROM, TO, LIMIT, OFFSET],
    },
    Route {
        path: "/api/stories/{id}",
        summary: "One story and its articles, oldest first (`articles` counts them all; `members` is one page).",
        path_param: Some("The story id, or the id of any article in it."),
        event_filters: false,
        params: &[
            p("limit", "integer", "Articles per page, 1 to 1000 (default 100)."),
            OFFSET,
        ],
    },
    Route {
        path: "/api/search",
        summary: "Full-text search over titles and texts, best first, with highlighted snippets.",
        path_param: None,
        event_filters: false,
        params: &[
            p("q", "string", "Words, \"phrases\", AND, OR, -excluded, title:word."),
            LIMIT,
            OFFSET,
        ],
    },
    Route {
        path: "/api/stats",
        summary: "How much the store holds.",
        path_param: None,
        event_filters: false,
        params: &[],
    },
];

/// The route whose path is `path`.
pub fn route(path: &str) -> &'static Route {
    ROUTES
        .iter()
        .find(|r| r.path == path)
        .expect("every handler's path is in ROUTES")
}
