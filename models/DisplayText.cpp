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
    // Counts go through named ints: lupdate 6.4 never returns from `nullptr, int(x)` here.
    const int minutes = int(s / 60);
    const int hours = int(s / 3600);
    const int days = int(s / 86400);
    if (s < 3600)
        return QCoreApplication::translate("DisplayText", "%n min ago", nullptr, minutes);
    if (s < 86400)
        return QCoreApplication::translate("DisplayText", "%n h ago", nullptr, hours);
    return QCoreApplication::translate("DisplayText", "%n day(s) ago", nullptr, days);
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace DisplayText
