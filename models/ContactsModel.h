#pragma once

#include "KeyedRows.h"
#include "cache/CacheTypes.h"
#include "cache/ContactCounter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>
#include <optional>

class CacheReader;

// The contacts of one session as a table, read from the cache page by page with keyset
// cursors: only the pages the view asks for are held (a small LRU of pages), never the whole
// million. rowCount() is the reader's count (capped for 1-2 character searches, then
// corrected once the last page is seen). Rows past the pages already walked are reached by
// walking the cursor chain, keeping only the cursors.
//
// Sorting goes through the reader's sort orders (name, phone, LID, updated); other columns
// are not sortable. refresh() re-reads only the pages the view used last (a few hundred rows)
// and applies the difference by LID in place (ContactsModelRefresh.cpp): no reset, so the
// view keeps its selection and scroll position while the cache changes under it.
class ContactsModel : public KeyedRowsModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Phone,
        Lid,
        Business,
        Source,
        GroupCount,
        FirstSeen,
        Updated,
        ColumnCount
    };
    enum Role {
        LidRole = Qt::UserRole + 1,
        PhoneJidRole,
        PhoneRole
    };

    explicit ContactsModel(CacheReader *reader, QObject *parent = nullptr);
    ~ContactsModel() override;

    // Count through `counter` (a thread and connection of its own; not owned): setFilter()
    // and refresh() then read only the first page and show "n+" rows until the count
    // arrives (rows are inserted then). Without it they count before they return.
    void countInBackground(ContactCounter *counter);

    ContactFilter filter() const { return m_filter; }
    void setFilter(const ContactFilter &filter); // a reset: new rows, new count
    void refresh();                              // same filter, the cache changed

    qint64 count() const { return m_count; }
    // All contacts of the filter's session, whatever the text or source: counted once per
    // session and again after refresh(), never per keystroke (it is a full count). With
    // countInBackground() counted there too (-1 until totalChanged()), or taken from the
    // count of a filter that keeps every contact.
    qint64 totalCount() const;
    bool countExact() const { return m_exact; }
    QString lastError() const { return m_error; }

    std::optional<CachedContact> contactAt(int row) const;
    // The row of a contact among the pages held; -1 when not held.
    int rowOfLid(const QString &lid) const;

    static bool isSortable(int column);
    static std::optional<int> columnOf(ContactSort sort);
    void setPageSize(int rows) { m_pageSize = qBound(10, rows, 500); }
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void countChanged(qint64 count, bool exact);
    void totalChanged(qint64 total);

private:
    static constexpr qint64 kCountCap = 100000; // 1-2 character searches stop counting here
    // The pages refresh() re-reads at most: what a window shows, with room on either side.
    static constexpr int kRefreshPages = 3;

    // The pages refresh() re-reads: [first, first + pages), all held.
    struct Window {
        int first = 0;
        int pages = 0;
    };
    // Those pages and one more read again from the first one's cursor.
    struct WindowRead {
        QList<CachedContact> rows;
        QStringList cursors; // cursors[k]: the cursor of page first + 1 + k
        bool sawEnd = false;
        QHash<QString, int> groupCounts;
    };
    Window heldWindow() const;
    std::optional<WindowRead> readWindow(const Window &w) const;
    void applyWindow(const Window &w, const WindowRead &read);
    void keepWindow(const Window &w, const WindowRead &read);
    void countAfterRefresh(const Window &w, const WindowRead &read);
    bool sameRow(const CachedContact &a, const CachedContact &b,
                 const QHash<QString, int> &oldCounts) const;

    const QList<CachedContact> *page(int index) const;
    bool fetch(int index) const;
    void touch(int index) const;
    void clearPages();
    void recount();
    void correctCount(qint64 rows);
    void requestCount();
    void onCounted(quint64 generation, qint64 value, bool exact, const QString &error);
    void onTotalCounted(quint64 generation, qint64 value, const QString &error);
    bool keepsEveryContact() const; // the filter's count is the total
    void requestTotal();
    void resizeTo(qint64 rows);
    QVariant display(const CachedContact &c, int column) const;

    CacheReader *m_reader;
    ContactFilter m_filter;
    qint64 m_count = 0;
    bool m_exact = true;
    int m_pageSize = 200;
    int m_maxPages = 64;
    mutable QString m_error;
    mutable QHash<int, QList<CachedContact>> m_pages;
    mutable QHash<QString, int> m_groupCounts; // by LID, for the rows of the held pages
    mutable QList<int> m_lru;                  // page indexes, most recent last
    mutable QStringList m_cursors;             // m_cursors[k]: the cursor that reads page k
    mutable bool m_sawEnd = false;             // the last page was read: m_cursors is complete
    mutable bool m_correctionQueued = false;
    mutable std::optional<qint64> m_total; // totalCount() of m_filter.sessionId
    // While refresh() applies its difference: the rows from m_flatStart are m_flat, which
    // held m_flatBase rows before; rows past them are not read until it is done.
    bool m_diffing = false;
    QList<CachedContact> m_flat;
    int m_flatStart = 0;
    int m_flatBase = 0;
    QPointer<ContactCounter> m_counter;
    quint64 m_countRequests = 0;
    quint64 m_countGeneration = 0; // the request whose answer is awaited, 0: none
    quint64 m_totalGeneration = 0; // the total request awaited, 0: none
};
