#include "ContactsModel.h"

#include "DisplayText.h"
#include "cache/CacheReader.h"
#include "cache/ContactCounter.h"
#include "cache/SearchText.h"

#include <QMetaObject>

ContactsModel::ContactsModel(CacheReader *reader, QObject *parent)
    : KeyedRowsModel<QAbstractTableModel>(parent)
    , m_reader(reader)
{
}

ContactsModel::~ContactsModel() = default;

void ContactsModel::countInBackground(ContactCounter *counter)
{
    if (m_counter)
        m_counter->disconnect(this);
    m_counter = counter;
    if (!counter)
        return;
    connect(counter, &ContactCounter::counted, this, &ContactsModel::onCounted);
    connect(counter, &ContactCounter::totalCounted, this, &ContactsModel::onTotalCounted);
}

void ContactsModel::setFilter(const ContactFilter &filter)
{
    beginResetModel();
    if (filter.sessionId != m_filter.sessionId) {
        m_total.reset();
        m_totalGeneration = 0;
    }
    m_filter = filter;
    clearPages();
    if (m_counter) {
        requestCount();
        requestTotal();
    } else {
        recount();
    }
    endResetModel();
    Q_EMIT countChanged(m_count, m_exact);
}

qint64 ContactsModel::totalCount() const
{
    if (m_filter.sessionId.isEmpty())
        return 0;
    if (!m_total && m_counter)
        return -1; // on its way: a full count would hold up the window (~50 ms at 1,000,000)
    if (!m_total) {
        ContactFilter all;
        all.sessionId = m_filter.sessionId;
        const std::optional<ContactCount> c = m_reader->countContacts(all);
        if (!c)
            return 0; // not kept: asked again next time
        m_total = c->value;
    }
    return *m_total;
}

void ContactsModel::clearPages()
{
    m_pages.clear();
    m_groupCounts.clear();
    m_lru.clear();
    m_cursors = QStringList{QString()};
    m_sawEnd = false;
}

void ContactsModel::recount()
{
    m_error.clear();
    if (m_filter.sessionId.isEmpty()) {
        m_count = 0;
        m_exact = true;
        return;
    }
    const std::optional<ContactCount> c = m_reader->countContacts(m_filter, kCountCap);
    if (!c) {
        m_error = m_reader->lastError();
        m_count = 0;
        m_exact = true;
        return;
    }
    m_count = qMin<qint64>(c->value, std::numeric_limits<int>::max());
    m_exact = c->exact;
}

bool ContactsModel::fetch(int index) const
{
    if (index >= m_cursors.size())
        return false;
    const std::optional<ContactPage> p = m_reader->contacts(m_filter, m_cursors.at(index),
                                                            m_pageSize);
    if (!p) {
        m_error = m_reader->lastError();
        return false;
    }
    m_pages.insert(index, p->rows);
    touch(index);
    // The groups column: one indexed lookup per row of the page, never per data() call.
    QStringList lids;
    lids.reserve(p->rows.size());
    for (const CachedContact &c : p->rows)
        lids << c.contact.lid;
    if (const std::optional<QHash<QString, int>> counts = m_reader->groupCounts(m_filter.sessionId,
                                                                                lids)) {
        for (const QString &lid : std::as_const(lids))
            m_groupCounts.insert(lid, counts->value(lid, 0));
    }
    if (index == m_cursors.size() - 1) {
        if (p->hasMore() && !p->rows.isEmpty())
            m_cursors << p->nextCursor;
        else
            m_sawEnd = true;
    }
    while (m_lru.size() > m_maxPages) {
        for (const CachedContact &c : m_pages.take(m_lru.takeFirst()))
            m_groupCounts.remove(c.contact.lid);
    }
    if (!p->hasMore() || p->rows.size() < m_pageSize) {
        const qint64 rows = qint64(index) * m_pageSize + p->rows.size();
        if (rows != m_count && !m_correctionQueued) {
            // The count was capped (or the cache moved): fix rowCount outside data().
            m_correctionQueued = true;
            QMetaObject::invokeMethod(
                const_cast<ContactsModel *>(this),
                [this, rows] { const_cast<ContactsModel *>(this)->correctCount(rows); },
                Qt::QueuedConnection);
        }
    }
    return true;
}

void ContactsModel::correctCount(qint64 rows)
{
    m_correctionQueued = false;
    resizeTo(rows);
    m_exact = true;
    m_countGeneration = 0; // the end was seen: a count still on its way knows no better
    Q_EMIT countChanged(m_count, m_exact);
}

// Row changes at the end only: the view keeps its selection and scroll position.
void ContactsModel::resizeTo(qint64 rows)
{
    rows = qMin<qint64>(rows, std::numeric_limits<int>::max());
    if (rows > m_count) {
        beginInsertRows({}, int(m_count), int(rows - 1));
        m_count = rows;
        endInsertRows();
    } else if (rows < m_count) {
        beginRemoveRows({}, int(rows), int(m_count - 1));
        m_count = rows;
        endRemoveRows();
    }
}

// Reads the first page now (the view paints it at once) and asks the counter for the rest.
// A first page that is also the last one is the whole count: nothing to ask.
void ContactsModel::requestCount()
{
    m_error.clear();
    m_countGeneration = 0;
    m_count = 0;
    m_exact = true;
    if (m_filter.sessionId.isEmpty())
        return;
    if (!fetch(0))
        return;
    const QList<CachedContact> *first = m_pages.contains(0) ? &m_pages[0] : nullptr;
    m_count = first ? first->size() : 0;
    if (m_sawEnd)
        return;
    m_exact = false;
    m_countGeneration = ++m_countRequests;
    m_counter->request(m_countGeneration, m_filter, kCountCap);
}

bool ContactsModel::keepsEveryContact() const
{
    return SearchQuery::fromUserText(m_filter.text).isEmpty()
        && m_filter.source == ContactSource::Any && m_filter.groupJid.isEmpty();
}

// Asks the counter for the total, unless it is known, asked already, or the count of this
// filter will be it.
void ContactsModel::requestTotal()
{
    if (m_total || m_totalGeneration != 0 || m_filter.sessionId.isEmpty())
        return;
    if (keepsEveryContact()) {
        if (m_countGeneration == 0 && m_exact && m_error.isEmpty()) { // the first page was all
            m_total = m_count;
            Q_EMIT totalChanged(m_count);
        }
        return;
    }
    m_totalGeneration = ++m_countRequests;
    m_counter->requestTotal(m_totalGeneration, m_filter.sessionId);
}

void ContactsModel::onTotalCounted(quint64 generation, qint64 value, const QString &error)
{
    if (generation != m_totalGeneration)
        return; // for a session (or a cache state) that is gone
    m_totalGeneration = 0;
    if (!error.isEmpty()) {
        m_error = error;
        return;
    }
    m_total = value;
    Q_EMIT totalChanged(value);
}

void ContactsModel::onCounted(quint64 generation, qint64 value, bool exact, const QString &error)
{
    if (generation != m_countGeneration)
        return; // for a filter (or a cache state) that is gone
    m_countGeneration = 0;
    if (!error.isEmpty()) {
        m_error = error;
        return; // the first page stays; "n+" says the count is unknown
    }
    if (exact && !m_total && keepsEveryContact()) {
        m_total = value;
        m_totalGeneration = 0; // an answer still on its way knows no better
        Q_EMIT totalChanged(value);
    }
    // The pages already walked know better when they reached the end.
    if (m_sawEnd)
        return;
    resizeTo(value);
    m_exact = exact;
    Q_EMIT countChanged(m_count, m_exact);
}

void ContactsModel::touch(int index) const
{
    m_lru.removeOne(index);
    m_lru.append(index);
}

const QList<CachedContact> *ContactsModel::page(int index) const
{
    auto it = m_pages.constFind(index);
    if (it != m_pages.constEnd()) {
        if (m_lru.isEmpty() || m_lru.last() != index)
            touch(index);
        return &it.value();
    }
    // Walk the cursor chain up to the page; the pages read on the way stay in the LRU.
    while (m_cursors.size() <= index) {
        if (m_sawEnd || !fetch(m_cursors.size() - 1))
            return nullptr;
    }
    if (!m_pages.contains(index) && !fetch(index))
        return nullptr;
    auto found = m_pages.constFind(index);
    return found == m_pages.constEnd() ? nullptr : &found.value();
}

std::optional<CachedContact> ContactsModel::contactAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    if (m_diffing) {
        if (row >= m_flatStart) { // past m_flat nothing is read now
            if (row - m_flatStart < m_flat.size())
                return m_flat.at(row - m_flatStart);
            return std::nullopt;
        }
        const auto it = m_pages.constFind(row / m_pageSize);
        if (it == m_pages.constEnd() || row % m_pageSize >= it->size())
            return std::nullopt;
        return it->at(row % m_pageSize);
    }
    const QList<CachedContact> *p = page(row / m_pageSize);
    const int offset = row % m_pageSize;
    if (!p || offset >= p->size())
        return std::nullopt;
    return p->at(offset);
}

int ContactsModel::rowOfLid(const QString &lid) const
{
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        for (int i = 0; i < it.value().size(); ++i) {
            if (it.value().at(i).contact.lid == lid)
                return it.key() * m_pageSize + i;
        }
    }
    return -1;
}

int ContactsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_count) + (m_diffing ? int(m_flat.size()) - m_flatBase : 0);
}

int ContactsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactsModel::display(const CachedContact &c, int column) const
{
    switch (column) {
    case Name:
        return c.contact.name.value_or(QString());
    case Phone:
        return c.contact.phoneNumber.value_or(QString());
    case Lid:
        return c.contact.lid;
    case Business:
        return c.contact.businessName.value_or(QString());
    case Source:
        return DisplayText::source(c.contact.source);
    case GroupCount: {
        const auto it = m_groupCounts.constFind(c.contact.lid);
        return it == m_groupCounts.constEnd() ? QVariant() : QVariant(it.value());
    }
    case FirstSeen:
        return DisplayText::dateTime(c.firstSeenAt.value_or(0));
    case Updated:
        return DisplayText::dateTime(c.updatedAt.value_or(0));
    }
    return {};
}

QVariant ContactsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != LidRole
        && role != PhoneJidRole && role != PhoneRole)
        return {};
    const std::optional<CachedContact> c = contactAt(index.row());
    if (!c)
        return {};
    switch (role) {
    case LidRole:
        return c->contact.lid;
    case PhoneJidRole:
        return c->phoneJid.value_or(QString());
    case PhoneRole:
        return c->contact.phoneNumber.value_or(QString());
    default:
        return display(*c, index.column());
    }
}

QVariant ContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Lid:
        return tr("LID");
    case Business:
        return tr("Business name");
    case Source:
        return tr("Found in");
    case GroupCount:
        return tr("Groups");
    case FirstSeen:
        return tr("First seen");
    case Updated:
        return tr("Updated");
    }
    return {};
}

bool ContactsModel::isSortable(int column)
{
    return column == Name || column == Phone || column == Lid || column == Updated;
}

std::optional<int> ContactsModel::columnOf(ContactSort sort)
{
    switch (sort) {
    case ContactSort::Name:
        return Name;
    case ContactSort::Phone:
        return Phone;
    case ContactSort::Lid:
        return Lid;
    case ContactSort::Updated:
        return Updated;
    }
    return std::nullopt;
}

void ContactsModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    ContactFilter f = m_filter;
    f.sort = column == Phone ? ContactSort::Phone
        : column == Lid      ? ContactSort::Lid
        : column == Updated  ? ContactSort::Updated
                             : ContactSort::Name;
    f.order = order;
    if (f.sort == m_filter.sort && f.order == m_filter.order)
        return;
    // A re-sort is a layout change in spirit, but every row moves: reset is honest and cheap.
    setFilter(f);
}
