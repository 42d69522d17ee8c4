//! Reads an XML error body with quick-xml: `<Error>` with its children in any
//! order, `<ErrorResponse><Error>..</Error><RequestId>..`, a default namespace
//! or prefixes, CDATA, the predefined entities and character references.
//!
//! Nothing is ever expanded or fetched from a DTD: a custom entity (`&lol9;`)
//! stays literal, so entity bombs cost nothing. Malformed or truncated input
//! keeps what arrived; nesting deeper than [`MAX_DEPTH`] is counted, not stored,
//! so a million nested elements take linear time and constant memory.

use super::response::{Response, MAX_VALUE_BYTES};
use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;

/// Elements deeper than this are skipped (an error body is two or three deep).
const MAX_DEPTH: usize = 32;
/// Parse errors tolerated before giving up on the rest of the document.
const MAX_ERRORS: usize = 64;

struct Frame {
    name: String,
    text: String,
    has_child: bool,
    /// Inside an element whose name says it holds an error.
    in_error: bool,
}

/// Whether `xml` ends inside the closing tag of `name`: `</`, `</Host`,
/// `</HostId`.
fn closing_begun(xml: &str, name: &str) -> bool {
    let tail = xml.trim_end();
    let Some(at) = tail.rfind("</") else {
        return false;
    };
    let partial = &tail[at + 2..];
    name.len() >= partial.len()
        && name.is_char_boundary(partial.len())
        && name[..partial.len()].eq_ignore_ascii_case(partial)
}

/// Reads `xml` into `found`. Returns false when it held no error element,
/// code or message.
pub fn read(xml: &str, found: &mut Response) -> bool {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    let mut stack: Vec<Frame> = Vec::new();
    let mut overflow = 0usize;
    let mut errors = 0;
    let mut saw_error_element = false;
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(event) => event,
            Err(_) => {
                errors += 1;
                if errors > MAX_ERRORS || reader.buffer_position() == before {
                    break;
                }
                continue;
            }
        };
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                saw_error_element |= name.as_ref().eq_ignore_ascii_case("error");
                open(&mut stack, &mut overflow, name.as_ref());
            }
            Event::Empty(e) => {
                open(&mut stack, &mut overflow, e.local_name().as_ref());
                close(&mut stack, &mut overflow, found);
            }
            Event::End(_) => close(&mut stack, &mut overflow, found),
            Event::Text(t) => push_text(&mut stack, overflow, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, overflow, &t.xml10_content()),
            // Resolved only while the value still has room.
            Event::GeneralRef(r)
                if stack
                    .last()
                    .is_some_and(|f| f.text.len() <= MAX_VALUE_BYTES) =>
            {
                push_text(&mut stack, overflow, &resolve(&r));
            }
            // Declarations, DTDs, comments and processing instructions carry no
            // error fields; a DTD is deliberately never looked at.
            _ => {}
        }
    }
    if !stack.is_empty() {
        found.truncated = true;
        // What arrived of the innermost open element still counts, but for a
        // cut id: part of an id identifies nothing. An id whose closing tag
        // had begun (`...</HostId` without its `>`) arrived whole.
        if overflow == 0
            && stack.last().is_some_and(|f| {
                !f.has_child
                    && f.name.to_ascii_lowercase().ends_with("id")
                    && !closing_begun(xml, &f.name)
            })
        {
            stack.pop();
        }
        while !stack.is_empty() {
            overflow = 0;
            close(&mut stack, &mut overflow, found);
        }
    }
    saw_error_element || found.code.is_some() || found.message.is_some()
}

fn open(stack: &mut Vec<Frame>, overflow: &mut usize, name: &str) {
    if let Some(parent) = stack.last_mut() {
        parent.has_child = true;
    }
    if stack.len() >= MAX_DEPTH || *overflow > 0 {
        *overflow += 1;
        return;
    }
    // `error` in any ASCII case, without a lower-cased copy of the name.
    let in_error = stack.last().is_some_and(|p| p.in_error)
        || name
            .as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"error"));
    stack.push(Frame {
        name: name.to_string(),
        text: String::new(),
        has_child: false,
        in_error,
    });
}

/// Ends the innermost element: a leaf inside an error element (or a leaf at
/// the top, from a fragment such as `<Code>..</Code><Message>..`) is a field.
fn close(stack: &mut Vec<Frame>, overflow: &mut usize, found: &mut Response) {
    if *overflow > 0 {
        *overflow -= 1;
        return;
    }
    let Some(frame) = stack.pop() else { return };
    let top_level = stack.is_empty();
    if !frame.has_child && (frame.in_error || top_level) {
        found.put(&frame.name, &frame.text);
    }
}

/// Adds text to the innermost element, up to one byte past the longest value
/// kept (so that [`Response::put`] still sees the value was longer).
fn push_text(stack: &mut [Frame], overflow: usize, text: &str) {
    let Some(frame) = stack.last_mut().filter(|_| overflow == 0) else {
        return;
    };
    let room = (MAX_VALUE_BYTES + 1).saturating_sub(frame.text.len());
    if room == 0 {
        return;
    }
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    frame.text.push_str(&text[..end]);
}

/// The text a reference stands for: predefined entities and character
/// references are decoded; anything else (a custom entity) stays literal.
fn resolve(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name: &str = r;
    match quick_xml::escape::resolve_predefined_entity(name) {
        Some(s) => s.to_string(),
        None => format!("&{name};"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_cut_in_its_closing_tag_arrived_whole() {
        let mut r = Response::default();
        assert!(read(
            "<Error><Code>AccessDenied</Code><RequestId>R1</RequestId><HostId>abc/def=</HostId",
            &mut r
        ));
        assert_eq!(r.host_id.as_deref(), Some("abc/def="));
        let mut r = Response::default();
        assert!(read(
            "<Error><Code>AccessDenied</Code><RequestId>R1</RequestId><HostId>abc/d",
            &mut r
        ));
        assert_eq!(r.host_id, None);
    }

    fn read_str(xml: &str) -> (bool, Response) {
        let mut found = Response::default();
        let ok = read(xml, &mut found);
        (ok, found)
    }

    #[test]
    fn the_documented_example() {
        let (ok, f) = read_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n <Error>\n <Code>NoSuchKey</Code>\n <Message>The resource you requested does not exist</Message>\n <Resource>/example-bucket/object</Resource>\n <RequestId>001B21A61C6C0000013402C4616D5285</RequestId>\n <HostId>RkRCRDJENDc5MzdGQkQ4OUY3MTI4NTQ3NDk2Mjg0M0FB\n QUFBQUFBYmJiYmJiYmJD</HostId>\n </Error>",
        );
        assert!(ok);
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.message.as_deref(),
            Some("The resource you requested does not exist")
        );
        assert_eq!(f.resource.as_deref(), Some("/example-bucket/object"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("001B21A61C6C0000013402C4616D5285")
        );
        assert_eq!(
            f.host_id.as_deref(),
            Some("RkRCRDJENDc5MzdGQkQ4OUY3MTI4NTQ3NDk2Mjg0M0FBQUFBQUFBYmJiYmJiYmJD")
        );
        assert!(f.details.is_empty() && !f.truncated);
    }

    #[test]
    fn namespaces_cdata_entities_and_any_order() {
        let (_, f) = read_str(
            "\u{feff}<?xml version=\"1.0\" standalone=\"yes\"?><Error xmlns=\"http://obs.example/doc/2015-06-30/\"><RequestId>R</RequestId><Key>a&amp;b &lt;c&gt; &#x41;&#66;&apos;&quot;</Key><Code><![CDATA[NoSuchKey]]></Code><o:Bucket xmlns:o=\"urn:x\">bk</o:Bucket></Error>",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.request_id.as_deref(), Some("R"));
        assert_eq!(
            f.details,
            [
                ("Key".to_string(), "a&b <c> AB'\"".to_string()),
                ("Bucket".to_string(), "bk".to_string())
            ]
        );
    }

    #[test]
    fn entities_from_a_dtd_are_never_expanded() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY ext SYSTEM \"file:///etc/passwd\">]><Error><Code>&lol2;</Code><Message>&ext;</Message></Error>";
        let (_, f) = read_str(bomb);
        assert_eq!(f.code.as_deref(), Some("&lol2;"));
        assert_eq!(f.message.as_deref(), Some("&ext;"));
    }

    #[test]
    fn error_response_wrappers_and_fragments() {
        let (_, f) = read_str(
            "<ErrorResponse><Error><Code>A</Code></Error><RequestId>R</RequestId></ErrorResponse>",
        );
        assert_eq!(
            (f.code.as_deref(), f.request_id.as_deref()),
            (Some("A"), Some("R"))
        );
        let (ok, f) = read_str("<Code>NoSuchBucket</Code><Message>The spec");
        assert!(ok && f.truncated);
        assert_eq!(f.code.as_deref(), Some("NoSuchBucket"));
        assert_eq!(f.message.as_deref(), Some("The spec"));
    }

    #[test]
    fn success_bodies_are_not_errors() {
        let (ok, f) =
            read_str("<ListAllMyBucketsResult><Owner><ID>x</ID></Owner></ListAllMyBucketsResult>");
        assert!(!ok);
        assert!(f.details.is_empty());
    }

    #[test]
    fn malformed_and_deep_input_is_bounded() {
        let (_, f) = read_str("<Error><Code>X</Cod><Message>a & b</Message></Error>");
        assert_eq!(f.code.as_deref(), Some("X"));
        assert_eq!(f.message.as_deref(), Some("a & b"));
        let deep = format!("{}<Code>Z</Code>", "<a>".repeat(200_000));
        let (_, f) = read_str(&deep);
        assert!(f.truncated);
        for garbage in [
            "<",
            "<<<>>>",
            "<!--",
            "<![CDATA[",
            "</a></b>",
            "<a b=\"",
            "&",
            "<?",
        ] {
            let _ = read_str(garbage);
        }
    }
}
