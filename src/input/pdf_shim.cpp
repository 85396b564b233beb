// A small C shim over poppler-cpp: the text of every page of a PDF in
// poppler's physical layout mode (what `pdftotext -layout` prints).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstddef>
#include <memory>
#include <new>

extern "C" {

// Called once per page with the page's UTF-8 text (not NUL-terminated).
typedef void (*unxref_page_cb)(void *ctx, const char *utf8, size_t len);

enum {
    UNXREF_PDF_OK = 0,
    UNXREF_PDF_DAMAGED = 1,
    UNXREF_PDF_ENCRYPTED = 2,
    UNXREF_PDF_NO_MEMORY = 3,
    UNXREF_PDF_FAILED = 4,
    UNXREF_PDF_TOO_LARGE = 5,
};

static void quiet(const std::string &, void *) {}

// Extracts the text of the PDF held in `data`; calls `cb` once per page in
// order and stores the page count in `*pages`.
int unxref_pdf_text(const char *data, size_t len, unxref_page_cb cb, void *ctx, int *pages) {
    *pages = 0;
    if (len > 0x7fffffff) {
        return UNXREF_PDF_TOO_LARGE;
    }
    try {
        poppler::set_debug_error_function(quiet, nullptr);
        std::unique_ptr<poppler::document> doc(
            poppler::document::load_from_raw_data(data, static_cast<int>(len)));
        if (!doc) {
            return UNXREF_PDF_DAMAGED;
        }
        if (doc->is_locked()) {
            return UNXREF_PDF_ENCRYPTED;
        }
        const int n = doc->pages();
        *pages = n;
        for (int i = 0; i < n; ++i) {
            std::unique_ptr<poppler::page> page(doc->create_page(i));
            if (!page) {
                cb(ctx, "", 0);
                continue;
            }
            poppler::byte_array utf8 =
                page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
            cb(ctx, utf8.data(), utf8.size());
        }
        return UNXREF_PDF_OK;
    } catch (const std::bad_alloc &) {
        return UNXREF_PDF_NO_MEMORY;
    } catch (...) {
        return UNXREF_PDF_FAILED;
    }
}
}
