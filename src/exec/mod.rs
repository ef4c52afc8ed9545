//! exec stage.
