#pragma once

#include "cache/CacheTypes.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

// Counts the contacts of a filter on a thread of its own, with its own read connection to the
// cache, so that typing in the search box never waits for a count: at a million contacts a
// prefix like "205" matches 100,000 rows and counting them costs far longer than a keystroke.
// Only the newest request matters: older ones still queued are skipped, and an answer says
// which request it belongs to so a late one can be told apart.
class ContactCounter : public QObject
{
    Q_OBJECT
public:
    explicit ContactCounter(const QString &databasePath, QObject *parent = nullptr);
    ~ContactCounter() override; // waits for a count in progress

    // Answers with counted(generation, ...) unless a newer request came first.
    void request(quint64 generation, const ContactFilter &filter, qint64 cap);
    // All contacts of a session: always answered, with totalCounted(generation, ...), before
    // the counts requested after it.
    void requestTotal(quint64 generation, const QString &sessionId);

Q_SIGNALS:
    // error is empty on success; value/exact as ContactCount.
    void counted(quint64 generation, qint64 value, bool exact, const QString &error);
    void totalCounted(quint64 generation, qint64 value, const QString &error);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latest;
};
