#include "GroupMembersModel.h"

#include "DisplayText.h"
#include "cache/CacheReader.h"

GroupMembersModel::GroupMembersModel(CacheReader *reader, QObject *parent)
    : KeyedRowsModel<QAbstractTableModel>(parent)
    , m_reader(reader)
{
}

void GroupMembersModel::setGroup(const QString &sessionId, const QString &groupJid)
{
    beginResetModel();
    m_session = sessionId;
    m_group = groupJid;
    m_rows = read().value_or(QList<CachedMember>());
    endResetModel();
}

std::optional<QList<CachedMember>> GroupMembersModel::read() const
{
    if (m_session.isEmpty() || m_group.isEmpty())
        return QList<CachedMember>();
    return m_reader->members(m_session, m_group);
}

void GroupMembersModel::refresh()
{
    const std::optional<QList<CachedMember>> fresh = read();
    if (!fresh)
        return; // a failed read keeps what is shown
    updateRows(
        m_rows, *fresh, [](const CachedMember &m) { return m.member.lid; },
        [](const CachedMember &a, const CachedMember &b) {
            return a.name == b.name && a.phoneNumber == b.phoneNumber
                && a.member.tag == b.member.tag && a.member.role == b.member.role;
        });
}

int GroupMembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupMembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupMembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedMember &m = m_rows.at(index.row());
    if (role == LidRole)
        return m.member.lid;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return m.name.value_or(QString());
    case Phone:
        return m.phoneNumber.value_or(QString());
    case Lid:
        return m.member.lid;
    case Tag:
        return m.member.tag.value_or(QString());
    case Role:
        return DisplayText::role(m.member.role);
    }
    return {};
}

QVariant GroupMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case Tag:
        return tr("Tag");
    case Role:
        return tr("Role");
    }
    return {};
}
