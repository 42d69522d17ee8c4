//! `obserr decode`: each input read in turn (standard input with a prompt on
//! a terminal), decoded and diagnosed ([`obserr::Decoded`]), then
//! every diagnosis on stdout and a message for each input that could not be
//! read or held no response.

use super::output::Output;
use super::read::read_input;
use super::terminal::Terminal;
use crate::cli::DecodeArgs;
use obserr::Outcome;
use obserr::{Decoded, Human, Input, Json, Message, ReadError, Style};
use std::io;

/// `decode`: reads, decodes and diagnoses every input named (standard input
/// when none is), then writes the diagnoses.
pub fn run(
    out: &mut Output,
    args: &DecodeArgs,
    as_json: bool,
    terminal: &Terminal,
) -> io::Result<()> {
    let inputs = Input::from_args(&args.files);
    let decoded = decode_inputs(inputs, |input| read_input(input, terminal));
    write(out, as_json, &terminal.style, decoded, args.verbose)
}

/// `decode`: each input is read (by `read`, in order, so that a prompt for
/// standard input comes when it is its turn), decoded and diagnosed.
fn decode_inputs(
    inputs: Vec<Input>,
    mut read: impl FnMut(&Input) -> Result<Vec<u8>, ReadError>,
) -> Vec<Decoded> {
    inputs
        .into_iter()
        .map(|input| {
            let bytes = read(&input);
            Decoded::new(input, bytes)
        })
        .collect()
}

/// `decode`: the diagnoses of every input, then the messages about those
/// that could not be read or held nothing. The worst outcome wins.
fn write(
    out: &mut Output,
    as_json: bool,
    style: &Style,
    decoded: Vec<Decoded>,
    verbose: bool,
) -> io::Result<()> {
    out.outcome = Outcome::of_all(decoded.iter().map(Decoded::outcome));
    let mut rendered = Vec::new();
    if as_json {
        Json::decoded(&mut rendered, &decoded)?;
    } else {
        Human::new(style).decoded(&mut rendered, &decoded, verbose)?;
    }
    // The messages come before the diagnoses; each takes its input's error.
    let several = decoded.len() > 1;
    for item in decoded {
        match item.result {
            Err(error) => out.say(Message::Unreadable {
                input: item.input,
                error,
            }),
            Ok(diagnoses) if diagnoses.is_empty() => out.say(Message::NoResponse {
                input: several.then_some(item.input),
            }),
            Ok(_) => {}
        }
    }
    out.stdout.extend(rendered);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_input_is_read_in_turn_and_diagnosed() {
        let mut asked = Vec::new();
        let got = decode_inputs(vec![Input::Stdin, Input::File("x".into())], |input| {
            asked.push(input.clone());
            Ok(b"<Error><Code>NoSuchKey</Code></Error>".to_vec())
        });
        assert_eq!(asked, [Input::Stdin, Input::File("x".into())]);
        assert_eq!(
            Outcome::of_all(got.iter().map(Decoded::outcome)),
            Outcome::Found
        );
    }
}
