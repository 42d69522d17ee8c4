//! The library's modules form layers, and no module imports one above it:
//! the graph of `crate::` and `super::` paths between modules (read with syn,
//! so comments, strings and doc links are not taken for imports) has no
//! cycle, each top-level module imports only its own layer or lower ones, and
//! CONTRIBUTING's module graph is this graph. A parent module depends on the
//! children it declares, so a child that reaches back into its parent's
//! `mod.rs` is a cycle: what children share lives in a child of its own.
//! Test code (`#[cfg(test)]`) is left out: a test may look anywhere.
//!
//! `OBSERR_UPDATE_GUIDE=1 cargo test --test it layers::` rewrites the graph
//! in CONTRIBUTING.md.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// The library's layers, bottom first. A top-level module may import from
/// its own layer or a lower one; the crate root (`lib.rs`), which only
/// declares and re-exports, sits above them all, beside `internals` (the
/// hidden hooks of obserr's own tests and fuzz targets).
const LAYERS: &[&[&str]] = &[
    &["text", "sanitize", "timestamp", "outcome"],
    &["decode"],
    &["catalogue", "sigcheck"],
    &["query", "search", "diagnose", "scan", "decoded"],
    &["render"],
    &["internals"],
];

/// A module path from the crate root (`[]` is the root itself).
pub type Module = Vec<String>;

/// The modules of one crate (the library from `lib.rs`, the binary from
/// `main.rs`), each with the file that holds it, found by following `mod`
/// declarations as rustc does.
pub fn modules(root: &Path) -> BTreeMap<Module, PathBuf> {
    let mut found = BTreeMap::new();
    let mut todo = vec![(Vec::new(), root.to_path_buf())];
    while let Some((module, file)) = todo.pop() {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // Children of `lib.rs`, `main.rs` and `mod.rs` sit beside them;
        // those of `x.rs` in `x/`.
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("lib.rs" | "main.rs" | "mod.rs") => file.parent().unwrap().to_path_buf(),
            _ => file.with_extension(""),
        };
        for item in &ast.items {
            let syn::Item::Mod(m) = item else { continue };
            if m.content.is_some() || is_test(&m.attrs) {
                continue;
            }
            let name = m.ident.to_string();
            let path = m
                .attrs
                .iter()
                .find(|a| a.path().is_ident("path"))
                .map(|a| match &a.meta {
                    syn::Meta::NameValue(nv) => match &nv.value {
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) => dir.join(s.value()),
                        _ => panic!("#[path] is a string"),
                    },
                    _ => panic!("#[path] is a string"),
                });
            let file = path.unwrap_or_else(|| {
                let flat = dir.join(format!("{name}.rs"));
                if flat.exists() {
                    flat
                } else {
                    dir.join(&name).join("mod.rs")
                }
            });
            let mut child = module.clone();
            child.push(name);
            todo.push((child, file));
        }
        found.insert(module, file);
    }
    found
}

/// Whether attributes put an item under `#[cfg(test)]`.
pub fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// Every path a file names (in `use` trees, types, expressions, patterns),
/// as written, outside test code.
#[derive(Default)]
struct Paths(Vec<Vec<String>>);

impl Paths {
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut path = prefix.clone();
                if n.ident != "self" {
                    path.push(n.ident.to_string());
                }
                self.0.push(path);
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                if r.ident != "self" {
                    path.push(r.ident.to_string());
                }
                self.0.push(path);
            }
            syn::UseTree::Glob(_) => self.0.push(prefix.clone()),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(prefix, t)),
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    /// `pub(crate)`, `pub(super)`: a visibility, not an import.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.0
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }
}

/// The module a path written in `from` leads to: the deepest module its
/// leading segments name. `None` for paths outside the crate (std, other
/// crates, local names).
fn target(from: &Module, path: &[String], all: &BTreeMap<Module, PathBuf>) -> Option<Module> {
    let mut at: Module;
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at = Vec::new();
            rest = &rest[1..];
        }
        Some("super") => {
            at = from.clone();
            while rest.first().is_some_and(|s| s == "super") {
                at.pop();
                rest = &rest[1..];
            }
        }
        Some("self") => {
            at = from.clone();
            rest = &rest[1..];
        }
        Some(first) => {
            // A child module named relative to this one.
            let mut child = from.clone();
            child.push(first.to_string());
            if !all.contains_key(&child) {
                return None;
            }
            at = from.clone();
        }
        None => return None,
    }
    for segment in rest {
        let mut deeper = at.clone();
        deeper.push(segment.clone());
        if all.contains_key(&deeper) {
            at = deeper;
        } else {
            break;
        }
    }
    (at != *from).then_some(at)
}

/// The module graph of one crate: each module's edges to the modules its
/// paths lead to, plus each parent's edges to the children it declares.
fn graph(root: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let all = modules(root);
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, file) in &all {
        let text = fs::read_to_string(file).unwrap();
        let ast = syn::parse_file(&text).unwrap();
        let mut paths = Paths::default();
        paths.visit_file(&ast);
        let out = edges.entry(module.clone()).or_default();
        for path in &paths.0 {
            if let Some(to) = target(module, path, &all) {
                out.insert(to);
            }
        }
        if let Some((_, parent)) = module.split_last() {
            edges
                .entry(parent.to_vec())
                .or_default()
                .insert(module.clone());
        }
    }
    edges
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "crate".to_string()
    } else {
        m.join("::")
    }
}

/// The cycles of a graph: each strongly connected component of more than
/// one module (Tarjan's algorithm, small enough to write out here), as the
/// edges within it other than a parent's declaring a child.
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct State<'g> {
        edges: &'g BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'g Module, usize>,
        low: BTreeMap<&'g Module, usize>,
        stack: Vec<&'g Module>,
        on_stack: BTreeSet<&'g Module>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g Module) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(name(w));
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                // The edges that close the cycle, to say where to cut it.
                let mut inside = Vec::new();
                for a in s.edges.keys().filter(|a| component.contains(&name(a))) {
                    for b in &s.edges[a] {
                        if component.contains(&name(b))
                            && !(a.len() + 1 == b.len() && b.starts_with(a))
                        {
                            inside.push(format!("{} -> {}", name(a), name(b)));
                        }
                    }
                }
                s.found.push(inside);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

fn layer(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

/// The library's graph between top-level modules, an edge per line
/// (`decode -> text`), for CONTRIBUTING.
fn top_level_edges(edges: &BTreeMap<Module, BTreeSet<Module>>) -> BTreeSet<(String, String)> {
    let mut top = BTreeSet::new();
    for (from, tos) in edges {
        let Some(a) = from.first() else { continue };
        for to in tos {
            match to.first() {
                Some(b) if a != b => {
                    top.insert((a.clone(), b.clone()));
                }
                _ => {}
            }
        }
    }
    top
}

#[test]
fn the_library_has_no_import_cycle() {
    let edges = graph(Path::new("src/lib.rs"));
    let found = cycles(&edges);
    assert!(found.is_empty(), "import cycles: {found:#?}");
}

#[test]
fn the_binary_has_no_import_cycle() {
    let edges = graph(Path::new("src/main.rs"));
    let found = cycles(&edges);
    assert!(found.is_empty(), "import cycles: {found:#?}");
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let edges = graph(Path::new("src/lib.rs"));
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        let Some(a) = from.first() else { continue };
        let la = layer(a).unwrap_or_else(|| panic!("module {a} is in no layer of LAYERS"));
        for to in tos {
            let Some(b) = to.first() else {
                wrong.push(format!("{} -> crate root", name(from)));
                continue;
            };
            let lb = layer(b).unwrap_or_else(|| panic!("module {b} is in no layer of LAYERS"));
            if lb > la {
                wrong.push(format!(
                    "{} (layer {la}) -> {} (layer {lb})",
                    name(from),
                    name(to)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports up a layer: {wrong:#?}");
}

/// CONTRIBUTING's module graph is the one the code has: the block between
/// the two markers lists each top-level edge once.
#[test]
fn contributing_shows_the_module_graph() {
    let edges = graph(Path::new("src/lib.rs"));
    let top = top_level_edges(&edges);
    let mut block = String::from("```text\n");
    for (i, layer) in LAYERS.iter().enumerate().rev() {
        for module in *layer {
            let to: Vec<&str> = top
                .iter()
                .filter(|(a, _)| a == module)
                .map(|(_, b)| b.as_str())
                .collect();
            let to = if to.is_empty() {
                "-".to_string()
            } else {
                to.join(", ")
            };
            block.push_str(&format!("{i}  {module:<10} -> {to}\n"));
        }
    }
    block.push_str("```\n");
    const START: &str = "<!-- module graph: tests/it/layers.rs -->\n";
    const END: &str = "<!-- end of module graph -->";
    let doc = fs::read_to_string("CONTRIBUTING.md").unwrap();
    let (Some(start), Some(end)) = (doc.find(START), doc.find(END)) else {
        panic!("CONTRIBUTING.md has no module graph markers");
    };
    let shown = &doc[start + START.len()..end];
    if shown != block && std::env::var_os("OBSERR_UPDATE_GUIDE").is_some() {
        let updated = format!("{}{block}{}", &doc[..start + START.len()], &doc[end..]);
        fs::write("CONTRIBUTING.md", updated).unwrap();
        return;
    }
    assert_eq!(
        shown, block,
        "CONTRIBUTING's module graph is stale: OBSERR_UPDATE_GUIDE=1 cargo test --test it layers::"
    );
}

/// A file a newcomer can read through: none in `src/` is over 600 lines,
/// tests included (a module that grows splits by what it does).
#[test]
fn no_source_file_is_over_600_lines() {
    fn walk(dir: &Path, long: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, long);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = fs::read_to_string(&path).unwrap().lines().count();
                if lines > 600 {
                    long.push(format!("{}: {lines} lines", path.display()));
                }
            }
        }
    }
    let mut long = Vec::new();
    walk(Path::new("src"), &mut long);
    assert!(long.is_empty(), "{long:#?}");
}
