//! Builds the poppler-cpp shim that reads PDF text (`src/input/pdf_shim.cpp`).
//!
//! poppler-cpp is a system library: `apt-get install libpoppler-cpp-dev
//! pkg-config` (Debian/Ubuntu), `dnf install poppler-cpp-devel`, `brew install
//! poppler pkg-config`. The build stops with that advice when pkg-config
//! cannot find it.

fn main() {
    println!("cargo:rerun-if-changed=src/input/pdf_shim.cpp");
    println!("cargo:rerun-if-changed=build.rs");
    let lib = match pkg_config::Config::new()
        .atleast_version("0.88")
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
    let mut build = cc::Build::new();
    build.cpp(true).std("c++17").file("src/input/pdf_shim.cpp");
    for p in &lib.include_paths {
        build.include(p);
    }
    build.warnings(true).compile("unxref_pdf_shim");
}
