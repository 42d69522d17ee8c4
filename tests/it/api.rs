//! The library's API is what `src/lib.rs` states: its modules are private
//! (but the hidden `internals` hooks), its `pub use` lines name at most 60
//! items, and each of them is documented with an example in its own doc.
//! Read with syn, as `layers` reads the module graph.

use crate::layers::{is_test, modules, Module};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The most items the crate root may export (issue #21: "about ten entry
/// points" a user needs, and the types they return).
const MAX_ITEMS: usize = 60;

fn is_hidden(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("doc") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "hidden")
    })
}

/// The doc comment of attributes, joined.
fn doc(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each exported item: (the module path it is re-exported from, its name
/// there, the name it is exported as).
fn exports() -> Vec<(Vec<String>, String, String)> {
    fn walk(
        prefix: &mut Vec<String>,
        tree: &syn::UseTree,
        out: &mut Vec<(Vec<String>, String, String)>,
    ) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(prefix, &p.tree, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                out.push((prefix.clone(), n.ident.to_string(), n.ident.to_string()));
            }
            syn::UseTree::Rename(r) => {
                out.push((prefix.clone(), r.ident.to_string(), r.rename.to_string()));
            }
            syn::UseTree::Glob(_) => panic!("lib.rs exports a glob: state each item"),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| walk(prefix, t, out)),
        }
    }
    let ast = syn::parse_file(&fs::read_to_string("src/lib.rs").unwrap()).unwrap();
    let mut out = Vec::new();
    for item in &ast.items {
        if let syn::Item::Use(u) = item
            && matches!(u.vis, syn::Visibility::Public(_))
            && !is_hidden(&u.attrs)
        {
            walk(&mut Vec::new(), &u.tree, &mut out);
        }
    }
    out
}

#[test]
fn modules_are_private_but_the_hidden_hooks() {
    let ast = syn::parse_file(&fs::read_to_string("src/lib.rs").unwrap()).unwrap();
    for item in &ast.items {
        match item {
            syn::Item::Mod(m) if !matches!(m.vis, syn::Visibility::Inherited) => {
                assert!(is_hidden(&m.attrs), "module {} is public", m.ident);
            }
            syn::Item::Fn(_) | syn::Item::Struct(_) | syn::Item::Enum(_) | syn::Item::Const(_) => {
                panic!("lib.rs declares and re-exports only: move the item to a module");
            }
            _ => {}
        }
    }
}

#[test]
fn the_api_has_at_most_60_items() {
    let names: Vec<String> = exports().into_iter().map(|(_, _, n)| n).collect();
    assert!(
        names.len() <= MAX_ITEMS,
        "{} items exported, at most {MAX_ITEMS}: {names:?}",
        names.len()
    );
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "an item exported twice");
}

/// Every exported item's own doc says something and shows it in use: a
/// paragraph of words and a code block (a doctest).
#[test]
fn every_exported_item_has_a_doc_and_an_example() {
    let all = modules(Path::new("src/lib.rs"));
    let mut wrong = Vec::new();
    for (path, name, exported) in exports() {
        let docs = definitions(&all, &path, &name);
        match docs.as_slice() {
            [] => wrong.push(format!(
                "{exported}: no definition found under {}",
                path.join("::")
            )),
            [doc] => {
                let words = doc
                    .lines()
                    .take_while(|l| !l.trim_start().starts_with("```"))
                    .flat_map(str::split_whitespace)
                    .count();
                if words < 6 {
                    wrong.push(format!("{exported}: its doc says too little"));
                }
                if !doc.contains("```") {
                    wrong.push(format!("{exported}: no example"));
                }
            }
            _ => wrong.push(format!(
                "{exported}: defined more than once under {}",
                path.join("::")
            )),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The docs of the public, non-test items called `name` in the files of the
/// module at `path` and its children.
fn definitions(all: &BTreeMap<Module, PathBuf>, path: &[String], name: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (module, file) in all {
        if !module.starts_with(path) {
            continue;
        }
        let ast = syn::parse_file(&fs::read_to_string(file).unwrap()).unwrap();
        for item in &ast.items {
            let (ident, vis, attrs) = match item {
                syn::Item::Fn(f) => (&f.sig.ident, &f.vis, &f.attrs),
                syn::Item::Struct(s) => (&s.ident, &s.vis, &s.attrs),
                syn::Item::Enum(e) => (&e.ident, &e.vis, &e.attrs),
                syn::Item::Trait(t) => (&t.ident, &t.vis, &t.attrs),
                syn::Item::Const(c) => (&c.ident, &c.vis, &c.attrs),
                _ => continue,
            };
            if ident == name && matches!(vis, syn::Visibility::Public(_)) && !is_test(attrs) {
                found.push(doc(attrs));
            }
        }
    }
    found
}
