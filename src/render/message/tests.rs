//! Every message has one shape, shows no raw control character, and says
//! what the binary's runs rely on.

use super::variants::Message;
use crate::decoded::{Input, ReadError};
use std::io;

#[test]
fn every_message_has_one_shape() {
    let nosuchkey = vec![crate::catalogue::lookup("NoSuchKey").unwrap()];
    let input = || Input::File("a\x1bb".into());
    for m in [
        Message::UnknownCode {
            token: "No\x1b[2JKey".into(),
            suggestions: nosuchkey.clone(),
        },
        Message::UnknownStatus(299),
        Message::EmptyList { by_source: true },
        Message::NoSearchHits,
        Message::Unreadable {
            input: input(),
            error: ReadError::Empty,
        },
        Message::NoResponse {
            input: Some(input()),
        },
        Message::CannotOpen {
            url: "https://x",
            opener: "open\x1b".into(),
            error: io::Error::other("gone"),
        },
        Message::NoPageForStatus(403),
        Message::NoCodes,
        Message::TooManyCodes {
            count: 5000,
            limit: 1000,
        },
        Message::Guessed {
            token: "NoSuchKy".into(),
            guess: nosuchkey[0],
        },
        Message::EmptyArgument,
        Message::BinaryCodes,
        Message::EmptyClass(2),
        Message::UnknownStatus(204),
        Message::KeyFileUnreadable {
            path: Some("k\x1b.txt".into()),
            error: io::Error::other("gone"),
        },
        Message::SigcheckUnreadable {
            input: Input::Stdin,
            error: ReadError::Empty,
        },
        Message::Unreadable {
            input: Input::File("logs dir".into()),
            error: ReadError::Io(io::Error::from(io::ErrorKind::IsADirectory)),
        },
    ] {
        let text = m.to_string();
        assert!(text.starts_with("obserr: error: "), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() == 1 || lines[1].starts_with("hint: "), "{text}");
        // The line after the prefix is the message's error, as data.
        assert_eq!(lines[0], format!("obserr: error: {}", m.error()));
    }
    let m = Message::UnknownCode {
        token: "x".into(),
        suggestions: nosuchkey,
    };
    assert!(m.to_string().ends_with("hint: did you mean NoSuchKey?\n"));
    assert!(Message::PastePrompt
        .to_string()
        .starts_with("obserr: paste"));
    // What decode cannot read but scan can is pointed to scan, the path
    // quoted for a shell when it needs it.
    let text = Message::Unreadable {
        input: Input::File("logs dir".into()),
        error: ReadError::Io(io::Error::from(io::ErrorKind::IsADirectory)),
    }
    .to_string();
    assert!(text.contains("run `obserr scan 'logs dir'`"), "{text}");
    let stdin_empty = Message::SigcheckUnreadable {
        input: Input::Stdin,
        error: ReadError::Empty,
    };
    assert!(stdin_empty.to_string().contains("| obserr sigcheck"));
    let note = Message::SharedCode {
        code: "obs.0012".into(),
        entries: crate::catalogue::lookup_all("Obs.0012"),
    }
    .to_string();
    assert!(
        note.starts_with("obserr: note: obs.0012 is a code of 2 tools"),
        "{note}"
    );
}

#[test]
fn write_writes_the_displayed_lines() {
    let mut out = Vec::new();
    Message::NoSearchHits.write(&mut out).unwrap();
    assert_eq!(out, Message::NoSearchHits.to_string().as_bytes());
}
