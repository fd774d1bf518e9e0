#pragma once

#include <QObject>
#include <QTimer>

class CacheDatabase;

// Polls the GUI connection's dataVersion() (a cheap PRAGMA) and says when another
// connection (a sync) committed, so the models re-read.
class DataVersionWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DataVersionWatcher(CacheDatabase *db, int intervalMs = 1000,
                                QObject *parent = nullptr);
    void check(); // now, without waiting for the timer

Q_SIGNALS:
    void changed();

private:
    CacheDatabase *m_db;
    QTimer m_timer;
    qint64 m_version = 0;
};
