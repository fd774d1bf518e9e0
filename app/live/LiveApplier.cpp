#include "live/LiveApplier.h"

#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "cache/SearchIndexer.h"

#include <QPointer>

namespace {

// A batch larger than this is split: one transaction stays short for readers and syncs.
constexpr int kMaxBatch = 2000;
// Renamed contacts are re-indexed for search after each batch, up to this many.
constexpr int kIndexRows = 5000;

} // namespace

LiveApplier::LiveApplier(BackgroundWriter *writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{
    qRegisterMetaType<LiveChanges>();
}

void LiveApplier::enqueue(const LiveEvent &event)
{
    m_waiting << event;
    if (m_writing == 0)
        flush();
}

void LiveApplier::flush()
{
    if (m_waiting.isEmpty() || m_writing > 0)
        return;
    if (!m_writer) {
        m_waiting.clear();
        Q_EMIT failed(tr("The cache is closed."));
        return;
    }
    const QList<LiveEvent> batch = m_waiting.mid(0, kMaxBatch);
    m_waiting.remove(0, batch.size());
    m_writing = int(batch.size());
    auto result = std::make_shared<std::optional<LiveChanges>>();
    auto error = std::make_shared<QString>();
    auto job = [batch, result, error](CacheDatabase &db, QString *why) {
        LiveEventWriter writer(db);
        *result = writer.apply(batch);
        if (!*result) {
            *why = writer.lastError();
            *error = *why;
            return false;
        }
        // Outside the batch's transaction: a search that sees the new name while the index
        // still has the old one reads the queue (exact, just slower).
        SearchIndexer indexer(db);
        indexer.indexContacts(kIndexRows);
        return true;
    };
    QPointer<LiveApplier> self(this);
    auto after = [self, result, error](bool) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, result, error] {
                if (!self)
                    return;
                self->m_writing = 0;
                if (*result)
                    Q_EMIT self->applied(**result);
                else
                    Q_EMIT self->failed(*error);
                self->flush();
            },
            Qt::QueuedConnection);
    };
    m_writer->post(QStringLiteral("live events"), job, after);
}

void LiveApplier::readResumePoint(std::function<void(const QString &eventId)> done)
{
    if (!m_writer) {
        done(QString());
        return;
    }
    auto id = std::make_shared<QString>();
    auto job = [id](CacheDatabase &db, QString *error) {
        const std::optional<QString> stored = LiveEventWriter::lastEventId(db, error);
        *id = stored.value_or(QString());
        return stored.has_value();
    };
    QPointer<LiveApplier> self(this);
    m_writer->post(QStringLiteral("live resume point"), job, [self, id, done](bool) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, id, done] {
                if (self)
                    done(*id);
            },
            Qt::QueuedConnection);
    });
}
