//! `labourgraph serve` tested as its users use it: the real binary, started
//! in a temporary project on a free loopback port, and HTTP requests as
//! SPARQL clients, browsers and `curl` send them.

#[path = "../common/mod.rs"]
mod common;
mod operations;
mod pages;
mod protocol;
mod resources;
mod server;
