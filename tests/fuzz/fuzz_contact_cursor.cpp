// Fuzz target: contact cursor decoding, from the opaque text a caller hands back to where
// it lands in SQL. The first byte picks the sort (bits 0-1), the order (bit 2) and a search
// text (bits 3-4); the rest, as UTF-8, is the cursor. It goes through ContactCursor::decode,
// the local API's sealed-cursor opening (fixed key), and CacheReader::contacts over a small
// real cache. Oracles: no crash or UB; a cursor that decodes re-encodes to the same
// position, and the reader then answers a page (never an SQL error), whose own next
// cursor decodes again; a cursor that does not decode is refused by the reader too.
#include "FuzzCache.h"
#include "FuzzCheck.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/ContactCursor.h"
#include "localapi/LocalApiRoutesCommon.h"

#include <cstdint>
#include <cstdlib>

namespace {

struct Reader {
    std::unique_ptr<CacheDatabase> db;
    std::unique_ptr<CacheReader> reader;
};
Reader *g_reader = nullptr; // for the whole process; closed at exit before Qt SQL's statics go

const QByteArray kSealKey(32, 'k');
const char *const kTexts[] = {"", "a", "santoso", "812"};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceLogs();
    QString error;
    auto db = CacheDatabase::open(FuzzCache::path(), CacheDatabase::Mode::Read, &error);
    if (!db) {
        std::fprintf(stderr, "cannot open the fuzz cache: %s\n", qPrintable(error));
        std::abort();
    }
    g_reader = new Reader;
    g_reader->reader = std::make_unique<CacheReader>(*db);
    g_reader->db = std::move(db);
    std::atexit([] {
        g_reader->reader.reset();
        g_reader->db.reset();
        delete g_reader;
        g_reader = nullptr;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ContactFilter filter;
    filter.sessionId = FuzzCache::SessionId;
    filter.sort = ContactSort(data[0] & 3);
    filter.order = (data[0] & 4) ? Qt::DescendingOrder : Qt::AscendingOrder;
    filter.text = QString::fromLatin1(kTexts[(data[0] >> 3) & 3]);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data) + 1,
                                           qsizetype(size - 1));

    const std::optional<ContactCursor> cursor = ContactCursor::decode(text, filter.sort,
                                                                      filter.order);
    if (cursor) {
        FUZZ_CHECK(cursor->sort == filter.sort && cursor->order == filter.order);
        const std::optional<ContactCursor> again = ContactCursor::decode(cursor->encode(),
                                                                         filter.sort, filter.order);
        FUZZ_CHECK(again.has_value());
        FUZZ_CHECK(again->key == cursor->key && again->lid == cursor->lid);
    }

    if (text.isEmpty())
        return 0; // "first page": never decoded, never sealed

    // The local API seals the reader's cursor to the query it belongs to.
    const QString scope = filter.sessionId + u'\n' + filter.text;
    (void)LocalApiRoutesCommon::openCursor(kSealKey, scope, text);
    const std::optional<QString> opened = LocalApiRoutesCommon::openCursor(
        kSealKey, scope, LocalApiRoutesCommon::sealCursor(kSealKey, scope, text));
    FUZZ_CHECK(opened && *opened == text);

    const std::optional<ContactPage> page = g_reader->reader->contacts(filter, text, 3);
    FUZZ_CHECK(page.has_value() == cursor.has_value());
    if (page && page->hasMore())
        FUZZ_CHECK(ContactCursor::decode(page->nextCursor, filter.sort, filter.order).has_value());
    return 0;
}
