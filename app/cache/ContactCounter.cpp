#include "cache/ContactCounter.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"

// Lives on the counter's thread; the connection is opened there on first use (Qt SQL: a
// connection belongs to the thread that opened it) and closed there when the thread ends.
class ContactCounter::Worker : public QObject
{
    Q_OBJECT
public:
    Worker(QString path, std::shared_ptr<std::atomic<quint64>> latest)
        : m_path(std::move(path))
        , m_latest(std::move(latest))
    {
    }

    void count(quint64 generation, const ContactFilter &filter, qint64 cap)
    {
        if (generation < m_latest->load())
            return; // the user typed on: nobody waits for this one any more
        QString error;
        if (!open(&error)) {
            Q_EMIT counted(generation, 0, true, error);
            return;
        }
        const std::optional<ContactCount> c = m_reader->countContacts(filter, cap);
        if (!c)
            Q_EMIT counted(generation, 0, true, m_reader->lastError());
        else
            Q_EMIT counted(generation, c->value, c->exact, QString());
    }

    void total(quint64 generation, const QString &sessionId)
    {
        if (m_latest->load() == std::numeric_limits<quint64>::max())
            return; // closing
        QString error;
        if (!open(&error)) {
            Q_EMIT totalCounted(generation, 0, error);
            return;
        }
        ContactFilter all;
        all.sessionId = sessionId;
        const std::optional<ContactCount> c = m_reader->countContacts(all);
        if (!c)
            Q_EMIT totalCounted(generation, 0, m_reader->lastError());
        else
            Q_EMIT totalCounted(generation, c->value, QString());
    }

Q_SIGNALS:
    void counted(quint64 generation, qint64 value, bool exact, const QString &error);
    void totalCounted(quint64 generation, qint64 value, const QString &error);

private:
    bool open(QString *error)
    {
        if (m_reader)
            return true;
        m_db = CacheDatabase::open(m_path, CacheDatabase::Mode::Read, error);
        if (!m_db)
            return false;
        m_reader = std::make_unique<CacheReader>(*m_db);
        return true;
    }

    QString m_path;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheReader> m_reader;
};

ContactCounter::ContactCounter(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_thread.setObjectName(QStringLiteral("contact-counter"));
    m_worker = new Worker(databasePath, m_latest);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::counted, this, &ContactCounter::counted); // queued: other thread
    connect(m_worker, &Worker::totalCounted, this, &ContactCounter::totalCounted);
    m_thread.start(QThread::LowPriority);
}

ContactCounter::~ContactCounter()
{
    m_latest->store(std::numeric_limits<quint64>::max()); // skip whatever is still queued
    m_thread.quit();
    m_thread.wait();
}

void ContactCounter::request(quint64 generation, const ContactFilter &filter, qint64 cap)
{
    m_latest->store(generation);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, filter, cap] {
        worker->count(generation, filter, cap);
    });
}

void ContactCounter::requestTotal(quint64 generation, const QString &sessionId)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, sessionId] {
        worker->total(generation, sessionId);
    });
}

#include "ContactCounter.moc"
