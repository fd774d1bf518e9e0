#pragma once

#include "KeyedRows.h"
#include "cache/CacheTypes.h"

#include <QAbstractTableModel>

class CacheReader;

// One group's members: name, phone, LID, tag (the per-group nickname), role (Owner/Admin/Member).
class GroupMembersModel : public KeyedRowsModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Phone,
        Lid,
        Tag,
        Role,
        ColumnCount
    };
    enum Roles {
        LidRole = Qt::UserRole + 1
    };

    explicit GroupMembersModel(CacheReader *reader, QObject *parent = nullptr);

    void setGroup(const QString &sessionId, const QString &groupJid); // a reset
    void refresh(); // re-reads and applies the difference by LID: no reset
    QString groupJid() const { return m_group; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::optional<QList<CachedMember>> read() const;

    CacheReader *m_reader;
    QString m_session;
    QString m_group;
    QList<CachedMember> m_rows;
};
