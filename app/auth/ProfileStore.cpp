#include "auth/ProfileStore.h"

#include "core/AppInfo.h"

#include <QHostAddress>
#include <QSettings>

#include <algorithm>

namespace {

const QString kProfilesKey = QStringLiteral("profiles");
const QString kCurrentKey = QStringLiteral("currentProfile");

bool isUnsafeChar(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format: // zero-width and bidi overrides hide what a name really is
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

bool isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
    , m_settings(
          std::make_unique<QSettings>(AppInfo::organizationName(), AppInfo::applicationName()))
{
}

ProfileStore::ProfileStore(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::settingsFile() const
{
    return m_settings->fileName();
}

QString ProfileStore::checkSessionId(const QString &id)
{
    if (id.isEmpty())
        return tr("No session id was given.");
    if (id.size() > 128)
        return tr("The session id is too long.");
    for (QChar c : id)
        if (c.isSpace() || isUnsafeChar(c) || c == QLatin1Char('/'))
            return tr("The session id contains a space, a slash or a control character.");
    return {};
}

QString ProfileStore::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("The profile needs a name.");
    if (name.trimmed() != name)
        return tr("The profile name must not start or end with a space.");
    if (name.size() > kMaxNameLength)
        return tr("The profile name is too long (at most %1 characters).").arg(kMaxNameLength);
    // The name is a command-line argument too: a leading '-' would read as an option.
    if (name.startsWith(QLatin1Char('-')))
        return tr("The profile name must not start with '-'.");
    for (QChar c : name) {
        // Slashes would split the settings key; the name is also the keychain key.
        if (c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return tr("The profile name must not contain '/' or '\\'.");
        if (isUnsafeChar(c))
            return tr("The profile name must not contain control or invisible characters.");
    }
    return {};
}

GatewayUrlCheck ProfileStore::checkUrl(const QString &text)
{
    GatewayUrlCheck check;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        check.problem = tr("No gateway URL was given.");
        return check;
    }
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()) {
        check.problem = tr("The gateway URL is not valid: %1").arg(url.errorString());
        return check;
    }
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        check.problem = tr("The gateway URL must start with https:// (or http://).");
        return check;
    }
    if (url.host().isEmpty()) {
        check.problem = tr("The gateway URL has no host name.");
        return check;
    }
    if (!url.userInfo().isEmpty()) {
        check.problem = tr("The gateway URL must not contain a user name or password; the "
                           "token goes in its own field.");
        return check;
    }
    if (url.hasQuery() || url.hasFragment()) {
        check.problem = tr("The gateway URL must not contain '?' or '#'.");
        return check;
    }
    // Keep only the gateway's base: people paste the API URL they see in the docs.
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    for (const QLatin1String suffix :
         {QLatin1String("/api/v1/sessions"), QLatin1String("/api/v1")}) {
        if (path.endsWith(suffix, Qt::CaseInsensitive)) {
            path.chop(suffix.size());
            break;
        }
    }
    url.setScheme(scheme);
    url.setPath(path);
    check.url = url;
    check.insecure = scheme == QLatin1String("http") && !isLoopbackHost(url.host());
    return check;
}

QList<GatewayProfile> ProfileStore::load() const
{
    m_settings->sync(); // pick up what another instance (the CLI, say) wrote meanwhile
    QList<GatewayProfile> out;
    const int n = m_settings->beginReadArray(kProfilesKey);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        GatewayProfile p;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.baseUrl = QUrl(m_settings->value(QStringLiteral("url")).toString());
        p.tokenKind = tokenKindFromName(m_settings->value(QStringLiteral("tokenKind")).toString());
        p.sessionIds = m_settings->value(QStringLiteral("sessions")).toStringList();
        p.lastUsed = QDateTime::fromString(m_settings->value(QStringLiteral("lastUsed")).toString(),
                                           Qt::ISODate);
        // A hand-edited or damaged entry is skipped rather than trusted.
        if (checkName(p.name).isEmpty() && indexOf(out, p.name) < 0)
            out << p;
    }
    m_settings->endArray();
    std::sort(out.begin(), out.end(), [](const GatewayProfile &a, const GatewayProfile &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

void ProfileStore::save(const QList<GatewayProfile> &profiles)
{
    m_settings->remove(kProfilesKey);
    m_settings->beginWriteArray(kProfilesKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const GatewayProfile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("url"), p.baseUrl.toString());
        m_settings->setValue(QStringLiteral("tokenKind"), tokenKindName(p.tokenKind));
        // Left out when empty: QSettings would write an empty list as "@Invalid()".
        if (!p.sessionIds.isEmpty())
            m_settings->setValue(QStringLiteral("sessions"), p.sessionIds);
        if (p.lastUsed.isValid())
            m_settings->setValue(QStringLiteral("lastUsed"),
                                 p.lastUsed.toUTC().toString(Qt::ISODateWithMs));
    }
    m_settings->endArray();
    m_settings->sync();
    Q_EMIT profilesChanged();
}

int ProfileStore::indexOf(const QList<GatewayProfile> &profiles, const QString &name)
{
    // Case-insensitive: "Prod" and "prod" side by side would only confuse people.
    for (int i = 0; i < profiles.size(); ++i)
        if (profiles.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QString ProfileStore::validate(const GatewayProfile &profile) const
{
    QString problem = checkName(profile.name);
    if (!problem.isEmpty())
        return problem;
    const GatewayUrlCheck url = checkUrl(profile.baseUrl.toString());
    if (!url.isValid())
        return url.problem;
    if (profile.tokenKind == TokenKind::Invalid)
        return tr("The profile needs a token kind (JWT or api-key).");
    for (const QString &id : profile.sessionIds) {
        problem = checkSessionId(id);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QList<GatewayProfile> ProfileStore::profiles() const
{
    return load();
}

QStringList ProfileStore::names() const
{
    QStringList out;
    for (const GatewayProfile &p : load())
        out << p.name;
    return out;
}

std::optional<GatewayProfile> ProfileStore::profile(const QString &name) const
{
    const QList<GatewayProfile> all = load();
    const int i = indexOf(all, name);
    if (i < 0 || all.at(i).name != name)
        return std::nullopt;
    return all.at(i);
}

bool ProfileStore::add(const GatewayProfile &profile, QString *error)
{
    const QString problem = validate(profile);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    QList<GatewayProfile> all = load();
    if (indexOf(all, profile.name) >= 0) {
        setError(error, tr("A profile named \"%1\" already exists.").arg(profile.name));
        return false;
    }
    GatewayProfile p = profile;
    p.baseUrl = checkUrl(profile.baseUrl.toString()).url;
    p.sessionIds.removeDuplicates();
    all << p;
    save(all);
    return true;
}

bool ProfileStore::update(const GatewayProfile &profile, QString *error)
{
    const QString problem = validate(profile);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    QList<GatewayProfile> all = load();
    const int i = indexOf(all, profile.name);
    if (i < 0 || all.at(i).name != profile.name) {
        setError(error, tr("There is no profile named \"%1\".").arg(profile.name));
        return false;
    }
    GatewayProfile p = profile;
    p.baseUrl = checkUrl(profile.baseUrl.toString()).url;
    p.sessionIds.removeDuplicates();
    all[i] = p;
    save(all);
    return true;
}

bool ProfileStore::rename(const QString &from, const QString &to, QString *error)
{
    const QString problem = checkName(to);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    QList<GatewayProfile> all = load();
    const int i = indexOf(all, from);
    if (i < 0 || all.at(i).name != from) {
        setError(error, tr("There is no profile named \"%1\".").arg(from));
        return false;
    }
    const int clash = indexOf(all, to);
    if (clash >= 0 && clash != i) {
        setError(error, tr("A profile named \"%1\" already exists.").arg(to));
        return false;
    }
    all[i].name = to;
    const bool wasCurrent = currentName() == from;
    save(all);
    if (wasCurrent)
        setCurrent(to);
    return true;
}

bool ProfileStore::remove(const QString &name)
{
    QList<GatewayProfile> all = load();
    const int i = indexOf(all, name);
    if (i < 0 || all.at(i).name != name)
        return false;
    all.removeAt(i);
    const bool wasCurrent = currentName() == name;
    save(all);
    if (wasCurrent)
        setCurrent(QString());
    return true;
}

QString ProfileStore::currentName() const
{
    m_settings->sync();
    const QString name = m_settings->value(kCurrentKey).toString();
    // Only a profile that still exists can be current.
    return contains(name) ? name : QString();
}

bool ProfileStore::setCurrent(const QString &name)
{
    if (!name.isEmpty() && !contains(name))
        return false;
    const bool changed = m_settings->value(kCurrentKey).toString() != name;
    if (name.isEmpty())
        m_settings->remove(kCurrentKey);
    else
        m_settings->setValue(kCurrentKey, name);
    m_settings->sync();
    if (changed)
        Q_EMIT currentChanged(name);
    return true;
}

bool ProfileStore::markUsed(const QString &name, const QDateTime &when)
{
    QList<GatewayProfile> all = load();
    const int i = indexOf(all, name);
    if (i < 0 || all.at(i).name != name)
        return false;
    all[i].lastUsed = when.toUTC();
    save(all);
    return true;
}

bool ProfileStore::addSessionId(const QString &name, const QString &sessionId, QString *error)
{
    const QString id = sessionId.trimmed();
    const QString problem = checkSessionId(id);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    QList<GatewayProfile> all = load();
    const int i = indexOf(all, name);
    if (i < 0 || all.at(i).name != name) {
        setError(error, tr("There is no profile named \"%1\".").arg(name));
        return false;
    }
    if (!all[i].sessionIds.contains(id)) {
        all[i].sessionIds << id;
        save(all);
    }
    return true;
}

bool ProfileStore::removeSessionId(const QString &name, const QString &sessionId)
{
    QList<GatewayProfile> all = load();
    const int i = indexOf(all, name);
    if (i < 0 || all.at(i).name != name || all[i].sessionIds.removeAll(sessionId) == 0)
        return false;
    save(all);
    return true;
}
