#include "GroupsModel.h"

#include "DisplayText.h"
#include "cache/CacheReader.h"

GroupsModel::GroupsModel(CacheReader *reader, QObject *parent)
    : KeyedRowsModel<QAbstractTableModel>(parent)
    , m_reader(reader)
{
}

void GroupsModel::setSession(const QString &sessionId)
{
    beginResetModel();
    m_session = sessionId;
    m_rows = read().value_or(QList<CachedGroup>());
    endResetModel();
}

std::optional<QList<CachedGroup>> GroupsModel::read() const
{
    if (m_session.isEmpty())
        return QList<CachedGroup>();
    return m_reader->groups(m_session);
}

void GroupsModel::refresh()
{
    const std::optional<QList<CachedGroup>> fresh = read();
    if (!fresh)
        return; // a failed read keeps what is shown
    updateRows(
        m_rows, *fresh, [](const CachedGroup &g) { return g.group.groupJid; },
        [](const CachedGroup &a, const CachedGroup &b) {
            return a.memberCount == b.memberCount && a.group.subject == b.group.subject
                && a.group.participantCount == b.group.participantCount
                && a.group.ownerJid == b.group.ownerJid && a.group.isAnnounce == b.group.isAnnounce
                && a.group.isLocked == b.group.isLocked
                && a.group.createdAtWa == b.group.createdAtWa;
        });
}

int GroupsModel::rowOfGroup(const QString &jid) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).group.groupJid == jid)
            return i;
    return -1;
}

std::optional<CachedGroup> GroupsModel::groupAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int GroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedGroup &g = m_rows.at(index.row());
    if (role == GroupJidRole)
        return g.group.groupJid;
    if (role == Qt::TextAlignmentRole && index.column() == Members)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Subject:
        return g.group.subject.value_or(tr("(no subject)"));
    case Jid:
        return g.group.groupJid;
    case Members:
        return g.group.participantCount ? DisplayText::number(*g.group.participantCount)
                                        : DisplayText::number(g.memberCount);
    case Owner:
        return g.group.ownerJid.value_or(QString());
    case Flags: {
        QStringList flags;
        if (g.group.isAnnounce.value_or(false))
            flags << tr("Announce");
        if (g.group.isLocked.value_or(false))
            flags << tr("Locked");
        return flags.join(QStringLiteral(", "));
    }
    case Created:
        return DisplayText::dateTime(g.group.createdAtWa.value_or(0));
    }
    return {};
}

QVariant GroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Subject:
        return tr("Subject");
    case Jid:
        return tr("JID");
    case Members:
        return tr("Members");
    case Owner:
        return tr("Owner");
    case Flags:
        return tr("Announce / locked");
    case Created:
        return tr("Created");
    }
    return {};
}
