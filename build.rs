//! Builds the poppler-cpp shim that reads PDF text (`src/input/pdf_shim.cpp`).
//!
//! poppler-cpp is a system library: `apt-get install libpoppler-cpp-dev
//! pkg-config` (Debian/Ubuntu), `dnf install poppler-cpp-devel`, `brew install
//! poppler pkg-config`. The build stops with that advice when pkg-config
//! cannot find it.

fn main() {
    println!("cargo:rerun-if-changed=src/input/pdf_shim.cpp");
    println!("cargo:rerun-if-changed=build.rs");
    // (no link flags for the binary: the shim is loaded by the processes
    // that read PDFs, see below)
    let lib = match pkg_config::Config::new()
        .atleast_version("0.88")
        .cargo_metadata(false)
        .probe("poppler-cpp")
    {
        Ok(lib) => lib,
        Err(e) => {
            eprintln!(
                "\nerror: unxref reads PDF files with poppler's C++ library, which pkg-config \
                 cannot find ({e}).\nInstall it, then build again:\n  Debian/Ubuntu: \
                 apt-get install libpoppler-cpp-dev pkg-config\n  Fedora: dnf install \
                 poppler-cpp-devel pkgconf\n  macOS: brew install poppler pkg-config\n"
            );
            std::process::exit(1);
        }
    };
    // The shim is a shared object linked to poppler, carried in the binary
    // (`input::pdf`) and loaded only by the processes that read PDFs: linked
    // into the binary, poppler and the 25 libraries it needs were loaded at
    // every start of every command, 7 ms of an 8 ms `unxref --version`.
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"))
        .join("libunxref_pdf_shim.so");
    let mut build = cc::Build::new();
    build.cpp(true).std("c++17").pic(true).warnings(true);
    let mut cmd = build.get_compiler().to_command();
    cmd.args(["-std=c++17", "-shared", "-fPIC", "-O2"]);
    for p in &lib.include_paths {
        cmd.arg("-I").arg(p);
    }
    cmd.arg("src/input/pdf_shim.cpp").arg("-o").arg(&out);
    for p in &lib.link_paths {
        cmd.arg("-L").arg(p);
    }
    for l in &lib.libs {
        cmd.arg(format!("-l{l}"));
    }
    match cmd.status() {
        Ok(st) if st.success() => {}
        other => {
            eprintln!("\nerror: building the PDF shim failed: {cmd:?}: {other:?}\n");
            std::process::exit(1);
        }
    }
    println!("cargo:rustc-env=UNXREF_PDF_SHIM={}", out.display());
}
