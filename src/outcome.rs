//! How a run ended, as one value: what decides obserr's exit status.

/// The result of a command, worst last: when a run does several things (one
/// per argument or input), the worst outcome wins ([`Outcome::worst`]).
/// Explanations, diagnoses, scan reports and signature verdicts each say
/// theirs; [`Outcome::exit_status`] is the process's.
///
/// ```
/// use obserr::{explain, Outcome};
///
/// let run = Outcome::of_all(explain(&["NoSuchKey", "NoSuchKy"]).iter().map(|e| e.outcome()));
/// assert_eq!(run, Outcome::NothingFound);
/// assert_eq!(run.exit_status(), 1);
/// assert_eq!(run.worst(Outcome::InputError).exit_status(), 2);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Something catalogued was found (exit status 0).
    #[default]
    Found,
    /// The input was read but named nothing catalogued (exit status 1).
    NothingFound,
    /// A usage or input error: a file that cannot be read, an empty input
    /// (exit status 2).
    InputError,
}

impl Outcome {
    /// The worse of two outcomes.
    #[must_use]
    pub fn worst(self, other: Outcome) -> Outcome {
        self.max(other)
    }

    /// The worst outcome of many; [`Outcome::Found`] for none.
    pub fn of_all(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        outcomes.into_iter().max().unwrap_or_default()
    }

    /// The process exit status: 0, 1 or 2.
    #[must_use]
    pub fn exit_status(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NothingFound => 1,
            Outcome::InputError => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Outcome::{self, *};

    #[test]
    fn the_worst_outcome_wins() {
        assert_eq!(Found.worst(NothingFound), NothingFound);
        assert_eq!(InputError.worst(NothingFound), InputError);
        assert_eq!(
            Outcome::of_all([Found, InputError, NothingFound]),
            InputError
        );
        assert_eq!(Outcome::of_all([]), Found);
        let codes: Vec<u8> = [Found, NothingFound, InputError]
            .map(Outcome::exit_status)
            .into();
        assert_eq!(codes, [0, 1, 2]);
    }
}
