#include "localapi/LocalApiBackend.h"

#include "cache/AuditLog.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcLocalApiBackend)
Q_LOGGING_CATEGORY(lcLocalApiBackend, "gc.localapi")

LocalApiBackend::LocalApiBackend(Options options)
    : m_options(std::move(options))
    , m_client(m_options.client)
{
    if (!m_options.gatewayStatus)
        m_options.gatewayStatus = std::make_shared<LocalApiGatewayStatus>();
    m_cursorKey.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_cursorKey.data()), 8);
}

LocalApiBackend::~LocalApiBackend()
{
    closeOnThread();
    // A client never pulled onto a thread (the server did not start) has no affinity left.
    delete m_client;
}

void LocalApiBackend::openOnThread()
{
    m_context = std::make_unique<QObject>();
    if (m_client && !m_client->thread())
        m_client->moveToThread(QThread::currentThread());
    QString error;
    m_readDb = CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::Read, &error);
    if (!m_readDb) {
        // No cache yet (never synced): make one, so the API answers with empty data.
        m_writeDb = CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::ReadWrite, &error);
        if (m_writeDb)
            m_readDb = CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::Read, &error);
    }
    if (!m_readDb) {
        m_openError = error;
        qCWarning(lcLocalApiBackend) << "cannot open the cache:" << error;
        return;
    }
    m_reader = std::make_unique<CacheReader>(*m_readDb);
    if (!m_writeDb)
        m_writeDb = CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::ReadWrite, &error);
    if (m_writeDb)
        m_audit = std::make_unique<AuditLog>(*m_writeDb);
    else
        qCWarning(lcLocalApiBackend) << "audit log unavailable:" << error;
}

void LocalApiBackend::closeOnThread()
{
    m_audit.reset();
    m_reader.reset();
    m_writeDb.reset();
    m_readDb.reset();
    m_context.reset();
    if (m_client && m_client->thread() == QThread::currentThread()) {
        delete m_client;
        m_client = nullptr;
    }
}

void LocalApiGatewayStatus::note(bool reachable)
{
    QMutexLocker lock(&m_mutex);
    m_value.reachable = reachable;
    m_value.at = QDateTime::currentMSecsSinceEpoch();
}

LocalApiGatewayStatus::Reachability LocalApiGatewayStatus::get() const
{
    QMutexLocker lock(&m_mutex);
    return m_value;
}
