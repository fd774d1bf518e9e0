// ContactsModel::refresh(): the pages the view used last are read again and the difference
// applied by LID, in place. Rows outside them are read again when next painted.
#include "ContactsModel.h"

#include "cache/CacheReader.h"
#include "cache/ContactCounter.h"

#include <QSet>

namespace {
QString lidOf(const CachedContact &c)
{
    return c.contact.lid;
}
} // namespace

void ContactsModel::refresh()
{
    m_total.reset();
    m_totalGeneration = 0;
    m_error.clear();
    if (m_filter.sessionId.isEmpty()) {
        Q_EMIT countChanged(m_count, m_exact);
        return;
    }
    const Window w = heldWindow();
    if (const std::optional<WindowRead> read = readWindow(w)) {
        applyWindow(w, *read);
        keepWindow(w, *read);
        countAfterRefresh(w, *read);
    }
    if (m_counter)
        requestTotal();
    Q_EMIT countChanged(m_count, m_exact);
}

// The page used last and the pages used just before it next to it: what the view shows.
ContactsModel::Window ContactsModel::heldWindow() const
{
    if (m_lru.isEmpty())
        return {0, 0};
    int first = m_lru.last();
    int last = first;
    for (int k = int(m_lru.size()) - 2; k >= 0 && last - first + 1 < kRefreshPages; --k) {
        const int p = m_lru.at(k);
        if (p == first - 1)
            first = p;
        else if (p == last + 1)
            last = p;
        else if (p < first || p > last)
            break;
    }
    return {first, last - first + 1};
}

// The window's pages and one more, from the cursor of its first page.
std::optional<ContactsModel::WindowRead> ContactsModel::readWindow(const Window &w) const
{
    WindowRead out;
    QString cursor = m_cursors.value(w.first);
    for (int k = 0; k <= w.pages; ++k) {
        const std::optional<ContactPage> p = m_reader->contacts(m_filter, cursor, m_pageSize);
        if (!p) {
            m_error = m_reader->lastError();
            return std::nullopt;
        }
        out.rows += p->rows;
        if (!p->hasMore() || p->rows.size() < m_pageSize) {
            out.sawEnd = true;
            break;
        }
        out.cursors << p->nextCursor;
        cursor = p->nextCursor;
    }
    QStringList lids;
    lids.reserve(out.rows.size());
    for (const CachedContact &c : std::as_const(out.rows))
        lids << c.contact.lid;
    const std::optional<QHash<QString, int>> counts = m_reader->groupCounts(m_filter.sessionId,
                                                                            lids);
    for (const QString &lid : std::as_const(lids))
        out.groupCounts.insert(lid, counts ? counts->value(lid, 0) : 0);
    return out;
}

bool ContactsModel::sameRow(const CachedContact &a, const CachedContact &b,
                            const QHash<QString, int> &oldCounts) const
{
    return a.contact.name == b.contact.name && a.contact.phoneNumber == b.contact.phoneNumber
        && a.contact.businessName == b.contact.businessName && a.contact.source == b.contact.source
        && a.phoneJid == b.phoneJid && a.firstSeenAt == b.firstSeenAt && a.updatedAt == b.updatedAt
        && oldCounts.value(a.contact.lid, -1) == m_groupCounts.value(b.contact.lid, 0);
}

// The window's rows become the fresh ones up to the last row it already showed: rows past
// that came from the rows below it (not held), which need no insertion.
void ContactsModel::applyWindow(const Window &w, const WindowRead &read)
{
    QList<CachedContact> old;
    QSet<QString> shown;
    for (int k = w.first; k < w.first + w.pages; ++k) {
        for (const CachedContact &c : m_pages.value(k)) {
            old << c;
            shown.insert(c.contact.lid);
        }
    }
    qsizetype keep = read.rows.size();
    while (keep > 0 && !shown.contains(read.rows.at(keep - 1).contact.lid))
        --keep;
    const QHash<QString, int> oldCounts = m_groupCounts;
    for (auto it = read.groupCounts.constBegin(); it != read.groupCounts.constEnd(); ++it)
        m_groupCounts.insert(it.key(), it.value());
    m_flat = old;
    m_flatStart = w.first * m_pageSize;
    m_flatBase = int(old.size());
    m_diffing = true;
    updateRows(
        m_flat, read.rows.mid(0, keep), lidOf,
        [this, &oldCounts](const CachedContact &a, const CachedContact &b) {
            return sameRow(a, b, oldCounts);
        },
        m_flatStart);
    m_count += m_flat.size() - m_flatBase;
    m_diffing = false;
    m_flat.clear();
}

// Holds the pages just read; the others are dropped and their rows repainted, which reads
// them again.
void ContactsModel::keepWindow(const Window &w, const WindowRead &read)
{
    QList<int> dropped;
    const int pagesRead = int(read.cursors.size()) + (read.sawEnd ? 1 : 0);
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        if (it.key() < w.first || it.key() >= w.first + pagesRead)
            dropped << it.key();
    }
    m_pages.clear();
    m_lru.clear();
    m_groupCounts = read.groupCounts;
    m_cursors = m_cursors.mid(0, w.first + 1);
    for (int k = 0; k < pagesRead; ++k) {
        m_pages.insert(w.first + k, read.rows.mid(qsizetype(k) * m_pageSize, m_pageSize));
        m_lru << w.first + k;
    }
    m_cursors += read.cursors;
    m_sawEnd = read.sawEnd;
    // With no page held nothing was diffed, yet the pages read took fresh rows: repaint them,
    // or a view showing them keeps the old text. (The page read past a held window is not
    // shown: the view never asked for it.)
    if (w.pages == 0)
        for (int k = 0; k < pagesRead; ++k)
            dropped << w.first + k;
    for (int p : std::as_const(dropped)) {
        const int first = p * m_pageSize;
        const int last = qMin<qint64>(m_count, qint64(first) + m_pageSize) - 1;
        if (first <= last)
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

// The rows read are there for sure; the count of the rest is asked for again.
void ContactsModel::countAfterRefresh(const Window &w, const WindowRead &read)
{
    const qint64 known = qint64(w.first) * m_pageSize + read.rows.size();
    if (read.sawEnd) {
        resizeTo(known);
        m_exact = true;
        m_countGeneration = 0;
        return;
    }
    if (m_count < known)
        resizeTo(known);
    if (m_counter) {
        m_countGeneration = ++m_countRequests;
        m_counter->request(m_countGeneration, m_filter, kCountCap);
        return;
    }
    const qint64 before = m_count;
    recount();
    const qint64 after = qMax(m_count, known);
    m_count = before;
    resizeTo(after);
}
