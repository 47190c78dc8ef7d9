/** The crates the New Crate wizard writes: a Cargo.toml and one source file per kind. */

export type CrateKind = 'binary' | 'library' | 'cli' | 'axum';

export interface CrateFile {
  /** Relative to the crate's folder. */
  path: string;
  content: string;
}

export const crateKinds: readonly { kind: CrateKind; label: string; detail: string }[] = [
  { kind: 'binary', label: 'Binary', detail: 'A program: src/main.rs' },
  { kind: 'library', label: 'Library', detail: 'A library with a test: src/lib.rs' },
  { kind: 'cli', label: 'Command-line tool', detail: 'A program whose arguments clap parses' },
  { kind: 'axum', label: 'Web service (axum)', detail: 'An HTTP server on axum and tokio' },
];

/** The file the kind's code lives in, which the AI may write from a description. */
export function entryFile(kind: CrateKind): string {
  return kind === 'library' ? 'src/lib.rs' : 'src/main.rs';
}

const dependencies: Record<CrateKind, string[]> = {
  binary: [],
  library: [],
  cli: ['clap = { version = "4", features = ["derive"] }'],
  axum: ['axum = "0.8"', 'tokio = { version = "1", features = ["macros", "rt-multi-thread", "net"] }'],
};

function cargoToml(kind: CrateKind, name: string): string {
  return ['[package]', `name = "${name}"`, 'version = "0.1.0"', 'edition = "2021"', '', '[dependencies]', ...dependencies[kind], ''].join('\n');
}

const sources: Record<CrateKind, (name: string) => string> = {
  binary: () => `fn main() {
    println!("Hello, world!");
}
`,
  library: (name) => `//! ${name}: what this library is for.

/// Adds two numbers.
pub fn add(left: u64, right: u64) -> u64 {
    left + right
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds() {
        assert_eq!(add(2, 2), 4);
    }
}
`,
  cli: (name) => `use clap::Parser;

/// ${name}: what this command does.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Who to greet.
    #[arg(short, long, default_value = "world")]
    name: String,

    /// How many times to greet.
    #[arg(short, long, default_value_t = 1)]
    count: u8,
}

fn main() {
    let args = Args::parse();
    for _ in 0..args.count {
        println!("Hello, {}!", args.name);
    }
}
`,
  axum: () => `use axum::{routing::get, Router};

#[tokio::main]
async fn main() {
    let app = Router::new().route("/", get(hello));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await.unwrap();
    println!("Listening on http://{}", listener.local_addr().unwrap());
    axum::serve(listener, app).await.unwrap();
}

async fn hello() -> &'static str {
    "Hello, world!"
}
`,
};

/** The files of a new crate of `kind` named `name`. */
export function crateFiles(kind: CrateKind, name: string): CrateFile[] {
  return [
    { path: 'Cargo.toml', content: cargoToml(kind, name) },
    { path: entryFile(kind), content: sources[kind](name) },
  ];
}
