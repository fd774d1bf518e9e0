#include "ContactGroupsModel.h"

#include "DisplayText.h"

ContactGroupsModel::ContactGroupsModel(QObject *parent)
    : KeyedRowsModel<QAbstractTableModel>(parent)
{
}

void ContactGroupsModel::setGroups(const QList<ContactGroup> &groups)
{
    beginResetModel();
    m_rows = groups;
    endResetModel();
}

void ContactGroupsModel::updateGroups(const QList<ContactGroup> &groups)
{
    updateRows(
        m_rows, groups, [](const ContactGroup &g) { return g.jid; },
        [](const ContactGroup &a, const ContactGroup &b) {
            return a.name == b.name && a.tag == b.tag && a.role == b.role
                && a.lastSeen == b.lastSeen;
        });
}

int ContactGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContactGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContactGroup &g = m_rows.at(index.row());
    if (role == GroupJidRole)
        return g.jid;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return g.name.value_or(tr("(no subject)"));
    case Jid:
        return g.jid;
    case Tag:
        return g.tag.value_or(QString());
    case Role:
        return DisplayText::role(g.role);
    case LastSeen:
        return DisplayText::dateTime(g.lastSeen);
    }
    return {};
}

QVariant ContactGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Group");
    case Jid:
        return tr("JID");
    case Tag:
        return tr("Tag");
    case Role:
        return tr("Role");
    case LastSeen:
        return tr("Last seen");
    }
    return {};
}
