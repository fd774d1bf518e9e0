#include "DataVersionWatcher.h"

#include "cache/CacheDatabase.h"

DataVersionWatcher::DataVersionWatcher(CacheDatabase *db, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_version = m_db->dataVersion();
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DataVersionWatcher::check);
    m_timer.start();
}

void DataVersionWatcher::check()
{
    const qint64 v = m_db->dataVersion();
    if (v != m_version) {
        m_version = v;
        Q_EMIT changed();
    }
}
