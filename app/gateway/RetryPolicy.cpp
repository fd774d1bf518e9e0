#include "gateway/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

int RetryPolicy::delayMs(int attempt, const QByteArray &retryAfterHeader) const
{
    const int retryAfter = parseRetryAfterMs(retryAfterHeader);
    if (retryAfter >= 0)
        return std::min(retryAfter, maxRetryAfterMs);
    const qint64 ceiling = std::min<qint64>(maxDelayMs,
                                            qint64(baseDelayMs) << std::clamp(attempt - 1, 0, 20));
    // Full jitter: anywhere between half and all of the ceiling.
    return int(ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1));
}

int RetryPolicy::parseRetryAfterMs(const QByteArray &header)
{
    const QByteArray h = header.trimmed();
    if (h.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = h.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(std::min<qint64>(seconds, 24 * 3600) * 1000);
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(h).replace(QLatin1String(" GMT"), QString()),
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid())
        return -1;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return int(
        std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(utc), 0, 24 * 3600 * 1000LL));
}
