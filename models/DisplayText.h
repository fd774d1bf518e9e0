#pragma once

#include <QString>
#include <QtGlobal>

// How the models show the gateway's values to a person; one place so every table agrees.
namespace DisplayText {

QString role(const QString &wireRole);     // superadmin -> Owner, admin -> Admin, ...
QString source(const QString &wireSource); // dm -> Direct chat, group -> Group
QString dateTime(qint64 epochMs);          // local time, empty for 0
QString ago(qint64 epochMs, qint64 nowMs); // "3 min ago"
QString number(qint64 value);              // 1,000,000 in the user's locale

} // namespace DisplayText
