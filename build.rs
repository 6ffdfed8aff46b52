// The built-in theme is embedded with include_dir: rebuild when any of its files changes.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
