#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QSettings;

// The text behind "Copy diagnostics": what a support ticket needs to reproduce a problem —
// versions, platform, locale, paths, the settings and the last warnings — and nothing
// secret. Tokens never live in settings or logs; keys that name a secret are masked anyway
// and every line goes through SecretRedactor.
class DiagnosticsReport
{
public:
    // Lines about the running console the caller knows (profile, gateway, local API, cache).
    void addFact(const QString &name, const QString &value);
    // All keys of these settings, sorted.
    void setSettings(const QSettings *settings) { m_settings = settings; }

    QString text() const;

    static bool looksSecret(const QString &key);

private:
    QList<QPair<QString, QString>> m_facts;
    const QSettings *m_settings = nullptr;
};
