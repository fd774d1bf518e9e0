#pragma once

#include "KeyedRows.h"
#include "cache/CacheTypes.h"

#include <QAbstractTableModel>
#include <QList>

class AuditLog;
class QIODevice;

// The audit log as a table, newest first (the last 1,000 entries): when, profile, session,
// contact, action, result, request id, origin. Reads through an AuditLog over a Read
// connection; reload() after entries were written inserts the new ones at the top (and drops
// the oldest past 1,000) in place, without a reset.
class AuditModel : public KeyedRowsModel<QAbstractTableModel>
{
    Q_OBJECT
public:
    enum Column {
        When,
        Profile,
        Session,
        Contact,
        Action,
        Result,
        RequestId,
        Origin,
        ColumnCount
    };
    static constexpr int kMaxRows = 1000;

    explicit AuditModel(AuditLog *log, QObject *parent = nullptr);

    // False (and the model keeps its rows) when the log cannot be read. Asks for the newest
    // entry first: the log only grows, so an unchanged newest id means nothing to re-read.
    bool reload();
    // The whole log as CSV, or JSON Lines. False and *error on failure.
    bool exportTo(QIODevice *out, bool jsonLines, QString *error = nullptr);
    AuditEntry entryAt(int row) const { return m_entries.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    AuditLog *m_log;
    QList<AuditEntry> m_entries;
};
