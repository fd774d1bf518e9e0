#include "ContactsModel.h"

#include "DisplayText.h"
#include "cache/CacheReader.h"

#include <QMetaObject>

namespace {
constexpr qint64 CountCap = 100000; // 1-2 character searches stop counting here
}

ContactsModel::ContactsModel(CacheReader *reader, QObject *parent)
    : QAbstractTableModel(parent), m_reader(reader)
{
}

void ContactsModel::setFilter(const ContactFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    clearPages();
    recount();
    endResetModel();
    emit countChanged(m_count, m_exact);
}

void ContactsModel::refresh()
{
    const qint64 before = m_count;
    clearPages();
    recount();
    // Row changes at the end, the rest reported changed: the view keeps selection and scroll.
    if (m_count > before) {
        const qint64 after = m_count;
        m_count = before;
        beginInsertRows({}, int(before), int(after - 1));
        m_count = after;
        endInsertRows();
    } else if (m_count < before) {
        const qint64 after = m_count;
        m_count = before;
        beginRemoveRows({}, int(after), int(before - 1));
        m_count = after;
        endRemoveRows();
    }
    if (m_count > 0)
        emit dataChanged(index(0, 0), index(int(m_count - 1), ColumnCount - 1));
    emit countChanged(m_count, m_exact);
}

void ContactsModel::clearPages()
{
    m_pages.clear();
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
    const std::optional<ContactCount> c = m_reader->countContacts(m_filter, CountCap);
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
    const std::optional<ContactPage> p = m_reader->contacts(m_filter, m_cursors.at(index), m_pageSize);
    if (!p) {
        m_error = m_reader->lastError();
        return false;
    }
    m_pages.insert(index, p->rows);
    touch(index);
    if (index == m_cursors.size() - 1) {
        if (p->hasMore() && !p->rows.isEmpty())
            m_cursors << p->nextCursor;
        else
            m_sawEnd = true;
    }
    while (m_lru.size() > m_maxPages)
        m_pages.remove(m_lru.takeFirst());
    if (!p->hasMore() || p->rows.size() < m_pageSize) {
        const qint64 rows = qint64(index) * m_pageSize + p->rows.size();
        if (rows != m_count && !m_correctionQueued) {
            // The count was capped (or the cache moved): fix rowCount outside data().
            m_correctionQueued = true;
            QMetaObject::invokeMethod(const_cast<ContactsModel *>(this),
                                      [this, rows] { const_cast<ContactsModel *>(this)->correctCount(rows); },
                                      Qt::QueuedConnection);
        }
    }
    return true;
}

void ContactsModel::correctCount(qint64 rows)
{
    m_correctionQueued = false;
    if (rows > m_count) {
        beginInsertRows({}, int(m_count), int(rows - 1));
        m_count = rows;
        endInsertRows();
    } else if (rows < m_count) {
        beginRemoveRows({}, int(rows), int(m_count - 1));
        m_count = rows;
        endRemoveRows();
    }
    m_exact = true;
    emit countChanged(m_count, m_exact);
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
    if (row < 0 || row >= m_count)
        return std::nullopt;
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
    return parent.isValid() ? 0 : int(m_count);
}

int ContactsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactsModel::display(const CachedContact &c, int column) const
{
    switch (column) {
    case Name: return c.contact.name.value_or(QString());
    case Phone: return c.contact.phoneNumber.value_or(QString());
    case Lid: return c.contact.lid;
    case Business: return c.contact.businessName.value_or(QString());
    case Source: return DisplayText::source(c.contact.source);
    case GroupCount: return QVariant(); // not in the cache's contact rows (see report)
    case FirstSeen: return DisplayText::dateTime(c.firstSeenAt.value_or(0));
    case Updated: return DisplayText::dateTime(c.updatedAt.value_or(0));
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
    case LidRole: return c->contact.lid;
    case PhoneJidRole: return c->phoneJid.value_or(QString());
    case PhoneRole: return c->contact.phoneNumber.value_or(QString());
    default: return display(*c, index.column());
    }
}

QVariant ContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Phone: return tr("Phone");
    case Lid: return tr("LID");
    case Business: return tr("Business name");
    case Source: return tr("Found in");
    case GroupCount: return tr("Groups");
    case FirstSeen: return tr("First seen");
    case Updated: return tr("Updated");
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
    case ContactSort::Name: return Name;
    case ContactSort::Phone: return Phone;
    case ContactSort::Lid: return Lid;
    case ContactSort::Updated: return Updated;
    }
    return std::nullopt;
}

void ContactsModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    ContactFilter f = m_filter;
    f.sort = column == Phone ? ContactSort::Phone
           : column == Lid   ? ContactSort::Lid
           : column == Updated ? ContactSort::Updated
                               : ContactSort::Name;
    f.order = order;
    if (f.sort == m_filter.sort && f.order == m_filter.order)
        return;
    // A re-sort is a layout change in spirit, but every row moves: reset is honest and cheap.
    setFilter(f);
}
