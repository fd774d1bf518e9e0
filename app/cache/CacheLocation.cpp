#include "cache/CacheLocation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace CacheLocation {

namespace {
// Shown to the person who signs out or renames a profile.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CacheLocation)
};
} // namespace

QString directoryName(const QString &profile)
{
    QString slug;
    for (QChar c : profile) {
        const char16_t u = c.unicode();
        const bool safe = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '-' || u == '_';
        if (safe && slug.size() < 32)
            slug.append(c);
    }
    const QByteArray hash =
        QCryptographicHash::hash(profile.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    if (slug.isEmpty())
        slug = QStringLiteral("profile");
    return slug + QLatin1Char('-') + QString::fromLatin1(hash);
}

QString profilesRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/profiles");
}

static QString profileDir(const QString &profile, const QString &root)
{
    return (root.isEmpty() ? profilesRoot() : root) + QLatin1Char('/') + directoryName(profile);
}

QString databasePath(const QString &profile, const QString &root)
{
    return profileDir(profile, root) + QStringLiteral("/cache.sqlite");
}

bool purge(const QString &profile, QString *error, const QString &root)
{
    QDir dir(profileDir(profile, root));
    if (!dir.exists())
        return true;
    if (dir.removeRecursively())
        return true;
    if (error)
        *error = Text::tr("Could not delete the cache in %1.").arg(dir.path());
    return false;
}

bool rename(const QString &from, const QString &to, QString *error, const QString &root)
{
    const QString source = profileDir(from, root);
    const QString target = profileDir(to, root);
    if (!QFileInfo::exists(source) || source == target)
        return true;
    if (QFileInfo::exists(target)) {
        if (error)
            *error = Text::tr("A cache already exists in %1.").arg(target);
        return false;
    }
    if (QDir().rename(source, target))
        return true;
    if (error)
        *error = Text::tr("Could not move the cache from %1 to %2.").arg(source, target);
    return false;
}

} // namespace CacheLocation
