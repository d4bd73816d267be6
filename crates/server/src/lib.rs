//! casus server: the HTTP JSON API over a store.
//!
//! * `routes.rs`: the routes and their parameters, one table.
//! * `openapi.rs`: the OpenAPI description, made from that table and
//!   served at `/api/openapi.json`.
//! * `params.rs`: parameter checks (unknown names and bad values are 400s
//!   that name the parameter).
//! * `app.rs`: the handlers; queries run on tokio's blocking pool.
//!
//! [`serve`] binds (loopback unless told otherwise) and runs until Ctrl-C.

mod app;
mod openapi;
mod params;
mod routes;

pub use app::{router, Api, ASSETS, DEFAULT_BUDGET};
pub use openapi::document as openapi;
pub use routes::{Param, Route, ROUTES};

use std::net::SocketAddr;

/// Binds `addr` and serves the API until Ctrl-C; `on_bound` is told the
/// address actually bound (port 0 picks a free port).
pub fn serve(api: Api, addr: SocketAddr, on_bound: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        on_bound(listener.local_addr()?);
        axum::serve(listener, router(api))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
