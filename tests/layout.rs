//! The crate's layout rules, checked on the source of every `.rs` file under
//! `src/`, each check listing all its offenders:
//!
//! 1. No file over 400 lines: a reader can hold a whole file in mind.
//! 2. No `fn` (free, method, nested, `#[component]`…) over 80 lines from `fn
//!    name` to its `}`, outside `#[cfg(test)]` modules: each fits on a screen.
//! 3. No cycle among the files' imports: there is an order to read them in.
//!
//! A small lexer drops comments and turns each string or char literal into
//! one `""` token, so that braces and paths inside them are never seen.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::{fs, path::Path};

const MAX_FILE_LINES: usize = 400;
const MAX_FN_LINES: usize = 80;

/// Every `.rs` file under `src/` as (path from the crate root, text), by path.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut found, mut folders) = (Vec::new(), vec![root.join("src")]);
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("a readable folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = fs::read_to_string(&path).expect("a UTF-8 file");
                let path = path.strip_prefix(root).expect("inside the crate");
                found.push((path.to_string_lossy().replace('\\', "/"), text));
            }
        }
    }
    found.sort();
    found
}

// ---- Lexer ------------------------------------------------------------------
/// A word, lifetime, `::` or punctuation character, or `""` for a literal.
struct Token {
    text: String,
    line: usize,
}

/// The tokens of `text`: comments dropped, literals reduced to `""`.
fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let (mut tokens, mut at, mut line) = (Vec::new(), 0, 1);
    while at < chars.len() {
        let end = lexeme_end(&chars, at).clamp(at + 1, chars.len());
        let lexeme: String = chars[at..end].iter().collect();
        let comment = lexeme.starts_with("//") || lexeme.starts_with("/*");
        let literal = lexeme.contains('"') || (lexeme.len() > 2 && lexeme.ends_with('\''));
        if !comment && !lexeme.trim().is_empty() {
            let text = String::from(if literal { "\"\"" } else { &lexeme });
            tokens.push(Token { text, line });
        }
        (at, line) = (end, line + lexeme.matches('\n').count());
    }
    tokens
}

/// Where the lexeme at `at` ends: a comment, literal (`"…"`, `b'…'`, `r#"…"#`…),
/// word, raw identifier (`r#type`), lifetime, `::` or other single character.
fn lexeme_end(chars: &[char], at: usize) -> usize {
    let word = word_end(chars, at);
    let prefix: String = chars[at..word].iter().collect();
    let hashes = chars[word..].iter().take_while(|&&c| c == '#').count();
    let next = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let raw_close = format!("\"{}", "#".repeat(hashes));
    match (prefix.as_str(), next(word)) {
        ("r" | "br" | "cr", '"' | '#') if next(word + hashes) == '"' => {
            past(chars, word + hashes + 1, &raw_close, false)
        }
        ("r", '#') => word_end(chars, word + 1),
        ("" | "b" | "c", '"') => past(chars, word + 1, "\"", true),
        ("" | "b", '\'') if next(word + 1) == '\\' => past(chars, word + 1, "'", true),
        ("" | "b", '\'') if next(word + 2) == '\'' => word + 3,
        ("", '\'') => word_end(chars, at + 1),
        ("", '/') if next(at + 1) == '/' => past(chars, at, "\n", false),
        ("", '/') if next(at + 1) == '*' => block_comment_end(chars, at),
        ("", ':') if next(at + 1) == ':' => at + 2,
        ("", _) => at + 1,
        _ => word,
    }
}

fn word_end(chars: &[char], from: usize) -> usize {
    let is_word = |c: &&char| c.is_alphanumeric() || **c == '_';
    from + chars[from..].iter().take_while(is_word).count()
}

fn starts(chars: &[char], at: usize, text: &str) -> bool {
    let mut expected = text.chars().enumerate();
    expected.all(|(i, c)| chars.get(at + i) == Some(&c))
}

/// Just past the next `close` from `from` on (over `\x` escapes if `escapes`).
fn past(chars: &[char], mut from: usize, close: &str, escapes: bool) -> usize {
    while from < chars.len() && !starts(chars, from, close) {
        from += if escapes && chars[from] == '\\' { 2 } else { 1 };
    }
    from + close.len()
}

/// Just past the `*/` closing the comment opened at `at`, nested ones too.
fn block_comment_end(chars: &[char], at: usize) -> usize {
    let (mut depth, mut at) = (1, at + 2);
    while depth > 0 && at < chars.len() {
        let (opens, closes) = (starts(chars, at, "/*"), starts(chars, at, "*/"));
        depth = depth + usize::from(opens) - usize::from(closes);
        at += if opens || closes { 2 } else { 1 };
    }
    at
}

/// The text of the token at `at`, or `""` outside `tokens`.
fn text_at(tokens: &[Token], at: usize) -> &str {
    tokens.get(at).map_or("", |token| token.text.as_str())
}

fn is_ident(text: &str) -> bool {
    text.starts_with(|c: char| c.is_alphabetic() || c == '_')
}

/// The index of the bracket closing the one opened at `open`.
fn matching(tokens: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0;
    (open..tokens.len()).find(|&at| {
        match text_at(tokens, at) {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => depth -= 1,
            _ => {}
        }
        depth == 0
    })
}

/// If `#[cfg(test)]`, attributes, `pub`, `mod name {` start at `at`, its `}`.
fn test_module_end(tokens: &[Token], at: usize) -> Option<usize> {
    let cfg_test = ["#", "[", "cfg", "(", "test", ")", "]"];
    let is_cfg_test = (at..).zip(cfg_test).all(|(i, t)| text_at(tokens, i) == t);
    let mut next = at + cfg_test.len();
    while is_cfg_test && text_at(tokens, next) == "#" {
        next = matching(tokens, next + 1)? + 1;
    }
    next += usize::from(text_at(tokens, next) == "pub");
    let module = is_cfg_test && text_at(tokens, next) == "mod" && text_at(tokens, next + 2) == "{";
    module.then(|| matching(tokens, next + 2)).flatten()
}

/// The tokens of `text` outside `#[cfg(test)]` modules.
fn code_tokens(text: &str) -> Vec<Token> {
    let (mut tokens, mut at) = (tokenize(text), 0);
    while at < tokens.len() {
        match test_module_end(&tokens, at) {
            Some(end) => drop(tokens.drain(at..=end)),
            None => at += 1,
        }
    }
    tokens
}

// ---- Functions --------------------------------------------------------------
/// Each `fn name … { … }` in `text` as (line of `fn`, name, lines); no `;` ones.
fn function_spans(text: &str) -> Vec<(usize, String, usize)> {
    let (tokens, mut spans) = (code_tokens(text), Vec::new());
    for (at, token) in tokens.iter().enumerate() {
        let name = text_at(&tokens, at + 1);
        if token.text != "fn" || !is_ident(name) {
            continue;
        }
        if let Some(open) = body_start(&tokens, at + 2) {
            let close = matching(&tokens, open).expect("balanced braces");
            let lines = tokens[close].line - token.line + 1;
            spans.push((token.line, name.to_string(), lines));
        }
    }
    spans
}

/// The `{` opening the body from `at` on; `None` if a `;` (not in `[u8; 4]`) is first.
fn body_start(tokens: &[Token], mut at: usize) -> Option<usize> {
    loop {
        match text_at(tokens, at) {
            "{" => return Some(at),
            ";" | "" => return None,
            "(" | "[" => at = matching(tokens, at)? + 1,
            _ => at += 1,
        }
    }
}

// ---- Import graph -----------------------------------------------------------
/// A module: its crate (`""`: the library; `bin/episode-viewer`) and path in it.
type Module = (String, Vec<String>);
/// Which file each module is.
type Files = BTreeMap<Module, String>;
/// Paths written in a file, each with the line it ends on.
type Paths = Vec<(usize, Vec<String>)>;
/// Each file's imports: the files it names, each with the first line naming it.
type Graph = BTreeMap<String, BTreeMap<String, usize>>;

/// The module of a file: `src/core/mod.rs` is `("", ["core"])`.
fn module_of(path: &str) -> Module {
    let inside = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut segments: Vec<String> = inside.split('/').map(Into::into).collect();
    let bin = if segments[0] == "bin" { 2 } else { 0 };
    let krate = segments.drain(..bin).collect::<Vec<_>>().join("/");
    let root = matches!(segments.as_slice(), [only] if only == "lib" || only == "main");
    if root || segments.last().is_some_and(|last| last == "mod") {
        segments.pop();
    }
    (krate, segments)
}

/// Reads the path at `at` (`a::b`, `a::*`, `a::{b, c::d}`) under `prefix` into
/// `out`, each with its line; returns the index just after it.
fn path_at(tokens: &[Token], mut at: usize, prefix: &[String], out: &mut Paths) -> usize {
    let mut path = prefix.to_vec();
    while is_ident(text_at(tokens, at)) {
        path.push(tokens[at].text.clone());
        at += 1;
        if text_at(tokens, at) != "::" {
            out.push((tokens[at - 1].line, path));
            return at;
        }
        at += 1;
    }
    if text_at(tokens, at) != "{" {
        out.extend((path.len() > prefix.len()).then(|| (tokens[at - 1].line, path)));
        return at; // after `a::` comes `*` or `<T>`
    }
    while matches!(text_at(tokens, at), "{" | ",") {
        at = path_at(tokens, at + 1, &path, out);
        while !matches!(text_at(tokens, at), "," | "}" | "") {
            at += 1; // past `as name` or `*`
        }
    }
    at + 1
}

/// Every path in `tokens`: `use` trees, and `a::b` (not `x.a::<T>`, `pub(in a::b)`).
fn written_paths(tokens: &[Token]) -> Paths {
    let (mut paths, mut at) = (Vec::new(), 0);
    while at < tokens.len() {
        let (one, two) = (at.wrapping_sub(1), at.wrapping_sub(2));
        let before = (text_at(tokens, two), text_at(tokens, one));
        let starts_path = is_ident(text_at(tokens, at)) && text_at(tokens, at + 1) == "::";
        if text_at(tokens, at) == "use" {
            at = path_at(tokens, at + 1, &[], &mut paths);
        } else if starts_path && !matches!(before, (_, "::" | ".") | ("(", "in")) {
            at = path_at(tokens, at, &[], &mut paths);
        } else {
            at += 1;
        }
    }
    paths
}

/// The file `path` written in module `here` leads to: the deepest module on it
/// that is a file. It starts at `crate`, `self`, `super`, `episode_viewer` (the
/// library) or a child module of `here`; others (`std::`, `Self::`) lead nowhere.
fn resolve<'a>(here: &Module, path: &[String], files: &'a Files) -> Option<&'a String> {
    let (mut krate, mut module) = here.clone();
    for (at, segment) in path.iter().enumerate() {
        let deeper = [&module[..], std::slice::from_ref(segment)].concat();
        match segment.as_str() {
            "crate" if at == 0 => module.clear(),
            "episode_viewer" if at == 0 => (krate, module) = (String::new(), Vec::new()),
            "super" => _ = module.pop()?,
            "self" => {}
            _ if files.contains_key(&(krate.clone(), deeper.clone())) => module = deeper,
            _ if at == 0 => return None,
            _ => break,
        }
    }
    files.get(&(krate, module))
}

/// The import graph of files given as (path, text).
fn import_graph(sources: &[(String, String)]) -> Graph {
    let module_file = |(path, _): &(String, String)| (module_of(path), path.clone());
    let (files, mut graph): (Files, _) = (sources.iter().map(module_file).collect(), Graph::new());
    for (file, text) in sources {
        let targets = graph.entry(file.clone()).or_default();
        let here = module_of(file);
        for (line, path) in written_paths(&code_tokens(text)) {
            if let Some(target) = resolve(&here, &path, &files).filter(|&t| t != file) {
                targets.entry(target.clone()).or_insert(line);
            }
        }
    }
    graph
}

/// A shortest cycle through the import `from` → `to`, if there is one.
fn cycle_via(graph: &Graph, from: &str, to: &str) -> Option<Vec<String>> {
    let (mut seen, mut queue) = (BTreeSet::from([to]), VecDeque::from([vec![from, to]]));
    while let Some(chain) = queue.pop_front() {
        for next in graph[chain[chain.len() - 1]].keys() {
            if next == from {
                return Some(chain.iter().map(|file| file.to_string()).collect());
            } else if seen.insert(next.as_str()) {
                queue.push_back([&chain[..], &[next.as_str()]].concat());
            }
        }
    }
    None
}

/// A shortest cycle through each import on one, from its first file by name.
fn import_cycles(graph: &Graph) -> Vec<Vec<String>> {
    let mut cycles = BTreeSet::new();
    for (from, targets) in graph {
        for mut cycle in targets.keys().filter_map(|to| cycle_via(graph, from, to)) {
            let first = (0..cycle.len()).min_by_key(|&at| &cycle[at]);
            cycle.rotate_left(first.expect("a file"));
            cycles.insert(cycle);
        }
    }
    cycles.into_iter().collect()
}

/// `a.rs:3 -> b.rs:9 -> a.rs`: each file with the line that names the next.
fn describe_cycle(graph: &Graph, cycle: &[String]) -> String {
    let next = |at: usize| &cycle[(at + 1) % cycle.len()];
    let step = |(at, file): (usize, &String)| format!("{file}:{} -> ", graph[file][next(at)]);
    cycle.iter().enumerate().map(step).collect::<String>() + &cycle[0]
}

// ---- The checks -------------------------------------------------------------
fn fail_listing(rule: &str, offenders: &[String]) {
    let (count, list) = (offenders.len(), offenders.join("\n  "));
    assert!(offenders.is_empty(), "{count} {rule}:\n  {list}\n");
}

#[test]
fn no_source_file_is_over_400_lines() {
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        let lines = text.lines().count();
        offenders.extend((lines > MAX_FILE_LINES).then(|| format!("{path}: {lines} lines")));
    }
    fail_listing("files over 400 lines", &offenders);
}

#[test]
fn no_function_is_over_80_lines() {
    let mut offenders = Vec::new();
    for (path, text) in sources() {
        for (line, name, lines) in function_spans(&text) {
            let too_long = lines > MAX_FN_LINES;
            offenders.extend(too_long.then(|| format!("{path}:{line} fn {name}: {lines} lines")));
        }
    }
    fail_listing("functions over 80 lines", &offenders);
}

#[test]
fn no_import_cycle_among_source_files() {
    let graph = import_graph(&sources());
    let describe = |cycle: &Vec<String>| describe_cycle(&graph, cycle);
    let offenders: Vec<String> = import_cycles(&graph).iter().map(describe).collect();
    fail_listing("import cycles (file:line naming the next file)", &offenders);
}

#[test]
fn the_checks_catch_what_they_should() {
    let function = |lines: usize| format!("fn long() {{\n{}}}", "    step();\n".repeat(lines - 2));
    let too_long = |text: &str| function_spans(text).iter().any(|s| s.2 > MAX_FN_LINES);
    assert!(too_long(&function(81)) && !too_long(&function(80)));
    let spans = |text: &str| function_spans(text).into_iter().map(|s| (s.1, s.2));
    let tricky = r####"fn a<'a>(s: &'a str) -> [u8; 2] { ("{", '{', '\'', b'{', "\"{");
        r#"{"}"#; r"{\"; } // fn commented() {
        /* /* } */ fn ghost() { */
        trait T { fn signature(&self); fn takes(f: fn(&str) -> u8, g: impl Fn(&str)) {} }
        #[cfg(test)]
        mod tests { fn hidden() {} }"####;
    assert!(spans(tricky).eq([("a".to_string(), 2), ("takes".to_string(), 1)]));
    let files = r#"src/lib.rs: pub mod core; mod ui;
        src/core/mod.rs: pub mod formats; mod episode; pub use episode::E;
        src/core/episode.rs: pub struct E; const S: &str = "crate::ui::x";
        src/core/formats/mod.rs: mod srt; pub use srt::parse; use super::episode::E;
        src/core/formats/srt.rs: use super::{Reader, super::E}; use std::fmt;
        src/ui/mod.rs: fn f() { crate::core::formats::parse() }"#;
    let pairs = files.lines().filter_map(|l| l.trim().split_once(": "));
    let graph = import_graph(&pairs.map(|(p, t)| (p.into(), t.into())).collect::<Vec<_>>());
    let targets = |file: &str| graph[file].keys().cloned().collect::<Vec<_>>();
    let from_srt = targets("src/core/formats/srt.rs");
    assert_eq!(from_srt, ["src/core/formats/mod.rs", "src/core/mod.rs"]);
    assert_eq!(targets("src/ui/mod.rs"), ["src/core/formats/mod.rs"]);
    assert!(targets("src/core/episode.rs").is_empty());
    let cycles = import_cycles(&graph);
    let cycle = "src/core/formats/mod.rs:1 -> src/core/formats/srt.rs:1 -> src/core/formats/mod.rs";
    assert_eq!(cycles.len(), 1);
    assert_eq!(describe_cycle(&graph, &cycles[0]), cycle);
}
