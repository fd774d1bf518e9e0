#include "DisplayText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace DisplayText {

QString role(const QString &wireRole)
{
    if (wireRole == QLatin1String("superadmin"))
        return QCoreApplication::translate("DisplayText", "Owner");
    if (wireRole == QLatin1String("admin"))
        return QCoreApplication::translate("DisplayText", "Admin");
    return QCoreApplication::translate("DisplayText", "Member");
}

QString source(const QString &wireSource)
{
    return wireSource == QLatin1String("dm")
        ? QCoreApplication::translate("DisplayText", "Direct chat")
        : QCoreApplication::translate("DisplayText", "Group");
}

QString dateTime(qint64 epochMs)
{
    if (epochMs <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime(),
                              QLocale::ShortFormat);
}

QString ago(qint64 epochMs, qint64 nowMs)
{
    if (epochMs <= 0)
        return QCoreApplication::translate("DisplayText", "never");
    const qint64 s = qMax<qint64>(0, (nowMs - epochMs) / 1000);
    if (s < 60)
        return QCoreApplication::translate("DisplayText", "just now");
    if (s < 3600)
        return QCoreApplication::translate("DisplayText", "%n min ago", nullptr, int(s / 60));
    if (s < 86400)
        return QCoreApplication::translate("DisplayText", "%n h ago", nullptr, int(s / 3600));
    return QCoreApplication::translate("DisplayText", "%n day(s) ago", nullptr, int(s / 86400));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace DisplayText
