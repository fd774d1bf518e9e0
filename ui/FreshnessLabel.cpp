#include "FreshnessLabel.h"

#include "console/LiveService.h"
#include "console/ProfileServices.h"

FreshnessLabel::FreshnessLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("freshness"));
    // "3 min ago" must move on by itself; a minute is as fine as the text gets.
    m_tick.setInterval(30 * 1000);
    m_tick.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &FreshnessLabel::refreshText);
}

void FreshnessLabel::setServices(ProfileServices *services)
{
    if (m_services)
        disconnect(m_services, nullptr, this, nullptr);
    m_services = services;
    if (!services) {
        m_tick.stop();
        clear();
        setToolTip(QString());
        return;
    }
    connect(services, &ProfileServices::dataUpdated, this, &FreshnessLabel::refreshText);
    if (LiveService *live = services->live())
        connect(live, &LiveService::stateChanged, this, &FreshnessLabel::refreshText);
    m_tick.start();
    refreshText();
}

QString FreshnessLabel::describe(std::optional<RealtimeFeed::State> feed,
                                 const QDateTime &updatedAt, const QDateTime &now)
{
    if (feed == RealtimeFeed::State::Live)
        return tr("Live");
    if (feed == RealtimeFeed::State::Reconnecting)
        return tr("Reconnecting…");
    if (!updatedAt.isValid())
        return feed == RealtimeFeed::State::Connecting ? tr("Connecting…") : tr("Not synced yet");
    const qint64 minutes = std::max<qint64>(0, updatedAt.secsTo(now) / 60);
    if (minutes < 1)
        return tr("Updated just now");
    if (minutes < 60)
        return tr("Updated %n min ago", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("Updated %n h ago", nullptr, int(minutes / 60));
    return tr("Updated %n days ago", nullptr, int(minutes / (24 * 60)));
}

void FreshnessLabel::refreshText()
{
    if (!m_services)
        return;
    LiveService *live = m_services->live();
    const std::optional<RealtimeFeed::State> feed = live ? std::optional(live->state())
                                                         : std::nullopt;
    setText(describe(feed, m_services->dataUpdatedAt(), QDateTime::currentDateTimeUtc()));
    QString tip = feed == RealtimeFeed::State::Live
        ? tr("Changes on the gateway show here as they happen.")
        : (live ? live->reason() : QString());
    if (m_services->dataUpdatedAt().isValid())
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("Last update: %1")
                  .arg(QLocale().toString(m_services->dataUpdatedAt().toLocalTime(),
                                          QLocale::ShortFormat));
    setToolTip(tip);
}
