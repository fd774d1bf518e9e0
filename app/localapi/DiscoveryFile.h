#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Tells local apps where the local API is and which token to present, like Jupyter's
// runtime files: $XDG_RUNTIME_DIR/gateway-console/local-api.json (QStandardPaths::
// RuntimeLocation elsewhere), folder 0700, file 0600, written atomically (QSaveFile):
//   {"url": "http://127.0.0.1:PORT", "port": PORT, "token": "gcl_...", "pid": 1234,
//    "version": "0.1.0", "startedAt": "2024-01-01T00:00:00Z"}
// remove() deletes it only while it is still ours (same pid and token), so a second
// console that took it over keeps its file.
class DiscoveryFile
{
public:
    explicit DiscoveryFile(const QString &path = defaultPath());

    static QString defaultPath();
    QString path() const { return m_path; }

    bool write(const QUrl &url, const QByteArray &token, QString *error = nullptr);
    void remove();

private:
    QString m_path;
    QByteArray m_token;
    bool m_written = false;
};
