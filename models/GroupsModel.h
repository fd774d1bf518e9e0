#pragma once

#include "KeyedRows.h"
#include "cache/CacheTypes.h"

#include <QAbstractTableModel>

class CacheReader;

// The session's groups: subject, JID, members, owner, announce/locked, created.
class GroupsModel : public KeyedRowsModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        Subject,
        Jid,
        Members,
        Owner,
        Flags,
        Created,
        ColumnCount
    };
    enum Role {
        GroupJidRole = Qt::UserRole + 1
    };

    explicit GroupsModel(CacheReader *reader, QObject *parent = nullptr);

    void setSession(const QString &sessionId); // a reset: another session's groups
    void refresh(); // re-reads and applies the difference by JID: no reset
    QString sessionId() const { return m_session; }
    int rowOfGroup(const QString &jid) const;
    std::optional<CachedGroup> groupAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::optional<QList<CachedGroup>> read() const;

    CacheReader *m_reader;
    QString m_session;
    QList<CachedGroup> m_rows;
};
