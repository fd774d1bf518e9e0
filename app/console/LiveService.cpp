#include "console/LiveService.h"

#include "cache/BackgroundWriter.h"
#include "cache/CacheWriter.h"
#include "gateway/GatewayClient.h"
#include "live/LiveApplier.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcLiveService)
Q_LOGGING_CATEGORY(lcLiveService, "gc.live.service")

LiveService::LiveService(std::unique_ptr<GatewayClient> client, BackgroundWriter *writer,
                         QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_feed(std::make_unique<RealtimeFeed>(m_client.get()))
    , m_applier(std::make_unique<LiveApplier>(writer))
    , m_writer(writer)
{
    m_fallbackDelay.setSingleShot(true);
    m_fallbackDelay.setInterval(kFallbackAfterMs);
    connect(&m_fallbackDelay, &QTimer::timeout, this, [this] { setFallback(true); });
    connect(m_feed.get(), &RealtimeFeed::eventReceived, this, [this](const LiveEvent &e) {
        Q_EMIT eventReceived(e);
        m_applier->enqueue(e);
    });
    connect(m_feed.get(), &RealtimeFeed::stateChanged, this, &LiveService::onState);
    connect(m_feed.get(), &RealtimeFeed::gapDetected, this, [this](const QStringList &sessions) {
        qCWarning(lcLiveService) << "the replay was cut at its limit: events may be lost (it named"
                                 << sessions.size() << "sessions)";
        Q_EMIT eventsMissed();
    });
    connect(m_applier.get(), &LiveApplier::applied, this, &LiveService::onApplied);
    connect(m_applier.get(), &LiveApplier::failed, this, [this](const QString &error) {
        // Nothing was marked applied: the events come again after the last stored one.
        qCWarning(lcLiveService).noquote() << "storing realtime events failed:" << error;
        m_feed->reconnect();
    });
}

LiveService::~LiveService()
{
    stop();
}

void LiveService::start()
{
    m_started = true;
    const QPointer<LiveService> self(this);
    m_applier->readResumePoint([self](const QString &since) {
        if (self && self->m_started)
            self->m_feed->start(since);
    });
}

void LiveService::stop()
{
    m_started = false;
    m_feed->stop();
    m_fallbackDelay.stop();
}

void LiveService::onApplied(const LiveChanges &changes)
{
    if (changes.isEmpty())
        return;
    m_feed->markApplied(changes.lastEventId);
    m_lastAppliedAt = QDateTime::currentDateTimeUtc();
    if (!changes.contactsToFetch.isEmpty())
        fetchNewContacts(changes.contactsToFetch);
    QStringList resync;
    for (const SessionItem &g : changes.groupsToResync)
        if (!resync.contains(g.first))
            resync << g.first;
    if (!resync.isEmpty())
        Q_EMIT resyncNeeded(resync);
    Q_EMIT changesApplied(changes);
}

void LiveService::fetchNewContacts(const QList<SessionItem> &contacts)
{
    for (const SessionItem &item : contacts) {
        const QString session = item.first;
        const QString lid = item.second;
        m_client->getContact(
            session, lid, this, [this, session, lid](const GatewayResult<ContactDetail> &r) {
                if (!r.ok()) {
                    qCInfo(lcLiveService).noquote() << "a contact seen joining could "
                                                       "not be read:"
                                                    << r.error.describe();
                    return;
                }
                const ContactDetail detail = *r.value;
                m_writer->post(QStringLiteral("live contact"),
                               [session, lid, detail](CacheDatabase &db, QString *error) {
                                   CacheWriter writer(db);
                                   if (writer.storeContactDetail(session, lid, detail))
                                       return true;
                                   *error = writer.lastError();
                                   return false;
                               });
            });
    }
}

void LiveService::onState(RealtimeFeed::State state, const QString &reason)
{
    if (state == RealtimeFeed::State::Live) {
        m_fallbackDelay.stop();
        setFallback(false);
    } else if (state == RealtimeFeed::State::Refused || state == RealtimeFeed::State::Off) {
        m_fallbackDelay.stop();
        setFallback(true);
    } else if (!m_fallbackDelay.isActive() && !m_fallback) {
        m_fallbackDelay.start(); // a minute of reconnecting before the schedule stands in
    }
    Q_EMIT stateChanged(state, reason);
}

void LiveService::setFallback(bool needed)
{
    if (needed == m_fallback)
        return;
    m_fallback = needed;
    qCInfo(lcLiveService) << (needed ? "no live feed: the scheduled sync stands in"
                                     : "live: the scheduled sync pauses");
    Q_EMIT fallbackNeeded(needed);
}
