//! The OpenAPI 3.1 description, made from the route table.

use crate::routes::ROUTES;
use serde_json::{json, Map, Value};

pub fn document() -> Value {
    let mut paths = Map::new();
    for r in ROUTES {
        let mut params: Vec<Value> = Vec::new();
        if let Some(about) = r.path_param {
            params.push(json!({
                "name": "id", "in": "path", "required": true,
                "description": about, "schema": {"type": "string"},
            }));
        }
        for p in r.all_params() {
            params.push(json!({
                "name": p.name, "in": "query", "required": p.name == "q" && r.path == "/api/search",
                "description": p.about, "schema": {"type": p.kind},
            }));
        }
        let list = r.all_params().any(|p| p.name == "offset");
        let ok = if list {
            json!({"description": "One page of the list, and the size of the whole list.",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/List"}}}})
        } else {
            json!({"description": "OK", "content": {"application/json": {"schema": {"type": ["object", "array"]}}}})
        };
        let name = r
            .path
            .trim_start_matches("/api/")
            .replace(['/', '{', '}'], "_")
            .trim_end_matches('_')
            .to_string();
        paths.insert(
            r.path.to_string(),
            json!({"get": {
                "operationId": name,
                "summary": r.summary,
                "parameters": params,
                "responses": {
                    "200": ok,
                    "400": {"description": "A parameter is wrong; the message names it.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "404": {"description": "No such article or story.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "503": {"description": "The request took longer than the server's time budget (casus serve --budget) and its reads were stopped.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                },
            }}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "casus",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Articles, coded events (CAMEO and PLOVER), actors, stories and \
    full-text search over a casus store. Every event carries the span of the words it came from. \
    Lists page with limit and offset and carry the total; date ranges are from and to \
    (YYYY-MM-DD); unknown or malformed parameters get a 400 that names the parameter.",
        },
        "paths": paths,
        "components": {"schemas": {
            "List": {"type": "object", "required": ["total", "limit", "offset", "items"], "properties": {
                "total": {"type": "integer"}, "limit": {"type": "integer"},
                "offset": {"type": "integer"}, "items": {"type": "array", "items": {"type": "object"}},
            }},
            "Error": {"type": "object", "required": ["error"], "properties": {
                "error": {"type": "string"}, "parameter": {"type": "string"},
            }},
        }},
    })
}
