//! noise stage.
