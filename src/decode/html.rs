//! Reads HTML error pages: the S3-website style page OBS serves for static
//! websites (`<li>Code: NoSuchKey</li>`, `<li>RequestId: ...</li>`), and a
//! proxy's own page (nginx's `502 Bad Gateway`), which did not come from OBS.
//!
//! A small scan rather than an HTML parser: the pages are flat and generated,
//! and only list items, the title and the signature line are read.

use super::response::{Response, MAX_DETAILS};

/// What an HTML page says about who answered.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// Status and reason from `<title>` or `<h1>` (`502 Bad Gateway`).
    pub status: Option<(u16, String)>,
    /// The signature at the bottom of a proxy page (`nginx/1.25.3`).
    pub server: Option<String>,
}

/// True when `body` looks like an HTML document rather than XML.
/// Reads the first 512 bytes only, lower-cased on the stack: decode and
/// sigcheck ask this of every body that starts with `<`.
pub fn is_html(body: &str) -> bool {
    let body = body.trim_start().as_bytes();
    let mut head = [0u8; 512];
    let len = body.len().min(head.len());
    head[..len].copy_from_slice(&body[..len]);
    let head = &mut head[..len];
    head.make_ascii_lowercase();
    let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || has(b"<head>")
        || has(b"<body")
        || has(b"<li>code:")
}

/// Reads the list items of `html` into `found` and returns what the page says
/// about its origin.
pub fn read(html: &str, found: &mut Response) -> Page {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower`
    // index `html` too.
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    let mut items = 0;
    while let Some(start) = lower[at..].find("<li>").map(|i| at + i + 4) {
        let end = lower[start..].find('<').map_or(html.len(), |i| start + i);
        if let Some((name, value)) = html[start..end].split_once(':') {
            let name = name.trim();
            if !name.is_empty() && !name.contains(char::is_whitespace) {
                found.put(name, &unescape(value));
            }
        }
        at = end;
        items += 1;
        if items > MAX_DETAILS * 4 {
            break;
        }
    }
    let status = tag_text(html, &lower, "title")
        .or_else(|| tag_text(html, &lower, "h1"))
        .and_then(|t| {
            let t = unescape(&t);
            let code = t.get(..3)?.parse::<u16>().ok()?;
            (100..=599)
                .contains(&code)
                .then(|| (code, t[3..].trim().to_string()))
        });
    let server = last_tag_text(html, &lower, "center")
        .map(|t| unescape(&t))
        .filter(|t| !t.is_empty() && !t.starts_with(|c: char| c.is_ascii_digit()));
    Page { status, server }
}

fn tag_text(html: &str, lower: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = lower.find(&open)? + open.len();
    let end = lower[start..].find('<').map_or(html.len(), |i| start + i);
    Some(html[start..end].trim().to_string())
}

fn last_tag_text(html: &str, lower: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = lower.rfind(&open)? + open.len();
    let end = lower[start..].find('<').map_or(html.len(), |i| start + i);
    Some(html[start..end].trim().to_string())
}

/// Decodes the character references an error page uses.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.trim().to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(n)?
                }
            };
            Some((c, end + 1))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn website_error_pages_give_their_code() {
        let page = "<html>\n<head><title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n<ul>\n<li>Code: NoSuchKey</li>\n<li>Message: The specified key does not exist.</li>\n<li>Key: docs/a&amp;b.html</li>\n<li>RequestId: 0000018E4A</li>\n<li>HostId: abc=</li>\n</ul>\n<hr/>\n</body>\n</html>\n";
        assert!(is_html(page));
        let mut f = Response::default();
        let p = read(page, &mut f);
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.request_id.as_deref(), Some("0000018E4A"));
        assert_eq!(
            f.details,
            [("Key".to_string(), "docs/a&b.html".to_string())]
        );
        assert_eq!(p.status, Some((404, "Not Found".to_string())));
    }

    #[test]
    fn proxy_pages_name_the_proxy() {
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";
        let mut f = Response::default();
        let p = read(page, &mut f);
        assert_eq!(f.code, None);
        assert_eq!(p.status, Some((502, "Bad Gateway".to_string())));
        assert_eq!(p.server.as_deref(), Some("nginx/1.25.3"));
    }

    #[test]
    fn entities_and_odd_text() {
        assert_eq!(unescape("a&lt;b&#x41;&#66;&bogus;&"), "a<bAB&bogus;&");
        assert_eq!(unescape("&#xFFFFFFFF;"), "&#xFFFFFFFF;");
        let mut f = Response::default();
        let _ = read("<li><li>:<li>x:<title>", &mut f);
    }
}
