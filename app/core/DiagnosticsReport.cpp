#include "core/DiagnosticsReport.h"

#include "core/AppInfo.h"
#include "core/RecentMessages.h"
#include "core/SecretRedactor.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>

namespace {

QString settingText(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QByteArray)
        return QStringLiteral("<%1 bytes>").arg(value.toByteArray().size()); // geometry blobs
    if (value.metaType().id() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1String(", "));
    return value.toString();
}

} // namespace

void DiagnosticsReport::addFact(const QString &name, const QString &value)
{
    m_facts.append({name, value});
}

bool DiagnosticsReport::looksSecret(const QString &key)
{
    static const char *const words[] = {"token",  "secret",  "password",
                                        "apikey", "api_key", "api-key"};
    const QString lower = key.toLower();
    for (const char *word : words)
        if (lower.contains(QLatin1String(word)))
            return true;
    return false;
}

QString DiagnosticsReport::text() const
{
    QString out;
    QTextStream s(&out);
    s << AppInfo::displayName() << ' ' << AppInfo::version() << '\n';
    s << "Qt " << qVersion() << " (built with " << QT_VERSION_STR << "), " << QLibraryInfo::build()
      << '\n';
    s << "Platform: " << QSysInfo::prettyProductName() << ", kernel " << QSysInfo::kernelType()
      << ' ' << QSysInfo::kernelVersion() << ", " << QSysInfo::currentCpuArchitecture();
    // The core links no GUI module; the platform plugin's name is only known in the window.
    if (QCoreApplication::instance() && QCoreApplication::instance()->inherits("QGuiApplication"))
        s << ", " << QCoreApplication::instance()->property("platformName").toString();
    s << '\n';
    s << "Locale: " << QLocale().name() << " (system " << QLocale::system().name() << ")\n";
    s << "Config: " << QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) << '\n';
    s << "Data: " << QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) << '\n';

    if (!m_facts.isEmpty()) {
        s << "\n[Console]\n";
        for (const auto &fact : m_facts)
            s << fact.first << ": " << SecretRedactor::redact(fact.second) << '\n';
    }

    if (m_settings) {
        s << "\n[Settings] " << m_settings->fileName() << '\n';
        QStringList keys = m_settings->allKeys();
        keys.sort();
        for (const QString &key : keys) {
            const QString value = looksSecret(key)
                ? QStringLiteral("[redacted]")
                : SecretRedactor::redact(settingText(m_settings->value(key)));
            s << key << " = " << value << '\n';
        }
    }

    const QList<RecentMessages::Entry> messages = RecentMessages::entries();
    s << "\n[Recent warnings and errors] " << messages.size() << '\n';
    for (const RecentMessages::Entry &m : messages)
        s << m.when.toString(Qt::ISODateWithMs) << ' ' << RecentMessages::typeName(m.type) << ' '
          << m.category << ": " << m.text << '\n';
    return out;
}
