#include "localapi/DiscoveryFile.h"

#include "core/Logging.h"
#include "localapi/LocalApiToken.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace {
constexpr QFileDevice::Permissions kOwnerOnlyDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner
    | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner
    | QFileDevice::WriteOwner;

bool fail(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    qCWarning(lcLocalApi).noquote() << "discovery file:" << reason;
    return false;
}
} // namespace

DiscoveryFile::DiscoveryFile(const QString &path)
    : m_path(path)
{
}

QString DiscoveryFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
        + QLatin1String("/gateway-console/local-api.json");
}

bool DiscoveryFile::write(const QUrl &url, const QByteArray &token, QString *error)
{
    const QFileInfo info(m_path);
    const QString dir = info.absolutePath();
    if (QFileInfo(dir).isSymLink())
        return fail(error, QStringLiteral("%1 is a symbolic link").arg(dir));
    if (!QDir().mkpath(dir))
        return fail(error, QStringLiteral("cannot create %1").arg(dir));
    // Our own folder only: the runtime directory above it belongs to the session.
    if (!QFile::setPermissions(dir, kOwnerOnlyDir))
        return fail(error, QStringLiteral("cannot restrict %1 to its owner").arg(dir));

    const QJsonObject json{
        {QStringLiteral("url"), url.toString()},
        {QStringLiteral("port"), url.port()},
        {QStringLiteral("token"), QString::fromLatin1(token)},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("version"), QStringLiteral(GC_VERSION)},
        {QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    // Restrict the temporary file before the token is in it; the rename keeps the mode.
    if (!file.setPermissions(kOwnerOnlyFile)) {
        file.cancelWriting();
        return fail(error, QStringLiteral("cannot restrict %1 to its owner").arg(m_path));
    }
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    m_token = token;
    m_written = true;
    return true;
}

void DiscoveryFile::remove()
{
    if (!m_written)
        return;
    m_written = false;
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject json = QJsonDocument::fromJson(file.read(64 * 1024)).object();
        file.close();
        const bool ours = json.value(QStringLiteral("pid")).toInteger()
                == QCoreApplication::applicationPid()
            && LocalApiToken::equals(json.value(QStringLiteral("token")).toString().toLatin1(),
                                     m_token);
        if (ours)
            QFile::remove(m_path);
    }
    QDir().rmdir(QFileInfo(m_path).absolutePath()); // only if empty
    m_token.clear();
}
