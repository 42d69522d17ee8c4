//! `obserr sigcheck`: reads the exchange and the SDK's log, then the secret
//! key ([`super::secret`]), and reports why a signature does not match
//! ([`obserr::check_signature`]). Neither the key nor a file name that
//! looks like one is ever shown.

use super::output::{usage_error_about, Output};
use super::read::read_input;
use super::secret::secret_key;
use super::terminal::Terminal;
use crate::cli::SigcheckArgs;
use obserr::{Human, Input, Json, Message, SecretKey, Verdict};
use std::io;

/// `sigcheck`: reads every input, then the key (environment, key file or a
/// prompt), and reports the verdict (a key given as an option was refused
/// before, by [`super::run`], and never echoed); an unreadable input whose
/// name looks like a key is reported without its name.
pub fn run(
    out: &mut Output,
    args: &SigcheckArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    let key_file = args.secret_key_file.as_deref();
    let inputs = Input::from_args(&args.files);
    let mut read = Vec::new();
    for input in &inputs {
        match read_input(input, terminal) {
            Ok(bytes) => read.push(bytes),
            Err(error) => {
                let keylike = matches!(input, Input::File(p) if SecretKey::looks_like_a_key(&p.to_string_lossy()));
                // JSON names the input, as decode's error objects do.
                let name = (!keylike).then(|| input.name());
                let message = if keylike {
                    Message::UnreadableKeyLike(error)
                } else {
                    Message::SigcheckUnreadable {
                        input: input.clone(),
                        error,
                    }
                };
                return usage_error_about(out, as_json, message, name);
            }
        }
    }
    let key = match secret_key(key_file, &inputs, terminal) {
        Ok(key) => key,
        Err(message) => {
            let name = key_file
                .map(|p| p.to_string_lossy().into_owned())
                .filter(|name| !SecretKey::looks_like_a_key(name));
            return usage_error_about(out, as_json, message, name);
        }
    };
    let slices: Vec<&[u8]> = read.iter().map(Vec::as_slice).collect();
    let check = obserr::check_signature(&slices, key.as_ref());
    drop(key);
    out.outcome = check.verdict.outcome();
    if check.verdict == Verdict::NotASignatureError {
        out.say(Message::NoSignatureError);
    }
    if as_json {
        Json::signature_check(&mut out.stdout, &check)
    } else {
        Human::new(&terminal.style).signature_check(&mut out.stdout, &check)
    }
}
