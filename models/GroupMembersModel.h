#pragma once

#include "cache/CacheTypes.h"

#include <QAbstractTableModel>

class CacheReader;

// One group's members: name, phone, LID, tag (the per-group nickname), role (Owner/Admin/Member).
class GroupMembersModel : public QAbstractTableModel
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

    void setGroup(const QString &sessionId, const QString &groupJid); // reset
    void refresh();
    QString groupJid() const { return m_group; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    CacheReader *m_reader;
    QString m_session;
    QString m_group;
    QList<CachedMember> m_rows;
};
