//! The `keyward` binary: everything happens in the library.

fn main() -> std::process::ExitCode {
    keyward::main_entry()
}
