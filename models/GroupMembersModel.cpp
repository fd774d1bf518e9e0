#include "GroupMembersModel.h"

#include "DisplayText.h"
#include "cache/CacheReader.h"

GroupMembersModel::GroupMembersModel(CacheReader *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
}

void GroupMembersModel::setGroup(const QString &sessionId, const QString &groupJid)
{
    m_session = sessionId;
    m_group = groupJid;
    refresh();
}

void GroupMembersModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    if (!m_session.isEmpty() && !m_group.isEmpty()) {
        if (auto members = m_reader->members(m_session, m_group))
            m_rows = *members;
    }
    endResetModel();
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
