#pragma once

#include "KeyedRows.h"
#include "cache/CacheTypes.h"

#include <QAbstractListModel>
#include <QColor>

class CacheReader;

// The profile's sessions with a status badge: "working" is connected, every other status
// says why it is not (the sentence is the StatusTextRole and the tool tip).
class SessionsModel : public KeyedRowsModel<QAbstractListModel>
{
    Q_OBJECT
public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        StatusRole,
        StatusTextRole,
        BadgeColorRole,
        ConnectedRole,
        PhoneRole
    };

    explicit SessionsModel(CacheReader *reader, QObject *parent = nullptr);

    // Re-reads the sessions and applies the difference by id: no reset, the selection stays.
    void refresh();
    void clear(); // a reset: signed out
    int rowOfSession(const QString &id) const;
    std::optional<CachedSession> sessionAt(int row) const;
    // When the session's last complete sync ended (epoch ms), read now.
    OptInt lastCompleteSyncAt(const QString &id) const;

    static QString statusText(const QString &status);
    static QColor badgeColor(const QString &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    CacheReader *m_reader;
    QList<CachedSession> m_rows;
};
