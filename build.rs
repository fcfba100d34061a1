//! Writes the widget's stylesheet without its comments and spare
//! whitespace into `OUT_DIR`, for `src/embed.rs` to compile into the wasm:
//! the source keeps its comments, the widget ships none of them.

use std::{env, fs, path::Path};

const STYLESHEET: &str = "style/episode-viewer.css";

fn main() {
    println!("cargo:rerun-if-changed={STYLESHEET}");
    let css = fs::read_to_string(STYLESHEET).expect("the widget's stylesheet is readable");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(
        Path::new(&out_dir).join("episode-viewer.min.css"),
        minify_css(&css),
    )
    .expect("OUT_DIR is writable");
}

/// `css` without comments, each run of whitespace one space, and no space
/// next to `{`, `}`, `;` or `,`, nor a `;` before `}`. Strings are copied
/// as they are.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for inner in chars.by_ref() {
                    out.push(inner);
                    if escaped {
                        escaped = false;
                    } else if inner == '\\' {
                        escaped = true;
                    } else if inner == c {
                        break;
                    }
                }
            }
            c => {
                push_space(&mut out, &mut pending_space, c);
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

/// Writes the space a whitespace run left before `next`, unless either
/// side is punctuation that needs none.
fn push_space(out: &mut String, pending_space: &mut bool, next: char) {
    let needs_none = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if std::mem::take(pending_space)
        && !out.is_empty()
        && !needs_none(next)
        && !out.ends_with(needs_none)
    {
        out.push(' ');
    }
}
