//! The progress bar `scan` draws on stderr while it reads.

use obserr::visible;

/// A progress bar on stderr for `scan`, drawn only on a terminal and only
/// once reading has taken longer than [`Bar::DELAY`]: a small log finishes
/// before a bar would be seen. It counts from the start, hidden, so that its
/// rate and estimate are right when it appears.
pub struct Bar {
    enabled: bool,
    started: std::time::Instant,
    bar: indicatif::ProgressBar,
    shown: bool,
}

impl Bar {
    const DELAY: std::time::Duration = std::time::Duration::from_millis(300);

    pub fn new(enabled: bool) -> Bar {
        Bar {
            enabled,
            started: std::time::Instant::now(),
            bar: indicatif::ProgressBar::hidden(),
            shown: false,
        }
    }

    /// Clears the bar, if it was drawn: the report takes its place.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn style(len: Option<u64>) -> indicatif::ProgressStyle {
        let template = match len {
            Some(_) => "{msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            None => "{spinner} {msg} {bytes} {bytes_per_sec}",
        };
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
    }
}

impl obserr::Progress for Bar {
    fn start(&mut self, name: &str, len: Option<u64>) {
        self.bar.reset();
        self.bar.set_style(Bar::style(len));
        self.bar.set_length(len.unwrap_or(0));
        self.bar.set_message(visible(name).into_owned());
    }

    fn advance(&mut self, done: u64) {
        if !self.enabled {
            return;
        }
        self.bar.set_position(done);
        if !self.shown && self.started.elapsed() >= Bar::DELAY {
            self.shown = true;
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}
