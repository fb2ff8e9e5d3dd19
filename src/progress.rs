//! Progress reporting on long work, on standard error, with indicatif. It
//! draws nothing when standard error is not a terminal or when quiet.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Duration;

/// A spinner with a phase message and a record counter.
pub struct Progress {
    bar: ProgressBar,
}

impl Default for Progress {
    /// A hidden progress reporter.
    fn default() -> Self {
        Self::new(false)
    }
}

impl Progress {
    /// Draws on standard error if `visible` and it is a terminal.
    pub fn new(visible: bool) -> Self {
        let bar = if visible {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {human_pos}/{human_len} [{elapsed}]")
                .expect("valid template"),
        );
        Self { bar }
    }

    /// Starts a phase of the work.
    pub fn phase(&self, message: &'static str) {
        self.bar.set_message(message);
        self.bar.set_position(0);
        self.bar.enable_steady_tick(Duration::from_millis(120));
    }

    /// Sets the expected number of steps of the phase.
    pub fn set_length(&self, len: u64) {
        self.bar.set_length(len);
    }

    /// One more step done.
    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// Clears the display.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
