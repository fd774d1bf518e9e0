#include "auth/CredentialStore.h"

#include "core/AppInfo.h"
#include "core/Logging.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

// Only profile names and error kinds are ever logged here (category gc.auth), never a
// token. Failures are logged at info level: callers report them to the user already.

namespace {

// Every job is created here so that the plain-text fallback can never be switched on.
template <typename JobT>
JobT *newJob(const QString &service, const QString &profile)
{
    auto *job = new JobT(service); // no parent: qtkeychain deletes it once finished
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile);
    return job;
}

bool isTransient(const CredentialError &e)
{
    return e.kind == CredentialError::Kind::NoBackend || e.kind == CredentialError::Kind::Other;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

QString CredentialStore::serviceName() const
{
    return AppInfo::applicationName();
}

void CredentialStore::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (mode == Mode::Keychain)
        m_memory.clear();
    qCInfo(lcAuth) << "credential mode:" << (mode == Mode::MemoryOnly ? "memory-only" : "keychain");
    Q_EMIT modeChanged(mode);
}

void CredentialStore::deliverLater(QPointer<QObject> context, std::function<void()> call)
{
    // Queued even in memory mode, so callers see the same ordering in both modes.
    QMetaObject::invokeMethod(
        this,
        [context, call = std::move(call)] {
            if (context)
                call();
        },
        Qt::QueuedConnection);
}

void CredentialStore::readToken(const QString &profile, QObject *context, ReadCallback done)
{
    if (m_mode == Mode::MemoryOnly) {
        const bool found = m_memory.contains(profile);
        const QString token = m_memory.value(profile);
        deliverLater(context, [profile, token, found, done] {
            done(token,
                 found ? CredentialError::ok()
                       : CredentialError::make(CredentialError::Kind::NotFound, profile));
        });
        return;
    }
    startRead(profile, 0, context, std::move(done));
}

void CredentialStore::startRead(const QString &profile, int attempt, QPointer<QObject> context,
                                ReadCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(serviceName(), profile);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, profile, attempt, context, done](QKeychain::Job *) {
                const CredentialError error = CredentialError::fromKeychain(
                    job->error(), job->errorString(), profile);
                if (!error.isOk() && isTransient(error) && attempt == 0) {
                    qCInfo(lcAuth) << "keychain read for profile" << profile << "failed ("
                                   << credentialErrorKindName(error.kind) << "); retrying once";
                    QTimer::singleShot(m_retryDelayMs, this, [this, profile, context, done] {
                        if (m_mode == Mode::MemoryOnly) // the user gave up on the keychain
                            readToken(profile, context, done);
                        else
                            startRead(profile, 1, context, done);
                    });
                    return;
                }
                if (!error.isOk() && error.kind != CredentialError::Kind::NotFound)
                    qCInfo(lcAuth)
                        << "keychain read for profile" << profile << "failed:" << error.detail;
                if (context)
                    done(error.isOk() ? job->textData() : QString(), error);
            });
    job->start();
}

void CredentialStore::writeToken(const QString &profile, const QString &token, QObject *context,
                                 Callback done)
{
    if (m_mode == Mode::MemoryOnly) {
        m_memory.set(profile, token);
        deliverLater(context, [done] { done(CredentialError::ok()); });
        return;
    }
    auto *job = newJob<QKeychain::WritePasswordJob>(serviceName(), profile);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this,
            [job, profile, context = QPointer<QObject>(context), done](QKeychain::Job *) {
                const CredentialError error = CredentialError::fromKeychain(
                    job->error(), job->errorString(), profile);
                if (!error.isOk())
                    qCInfo(lcAuth)
                        << "keychain write for profile" << profile << "failed:" << error.detail;
                if (context)
                    done(error);
            });
    job->start();
}

void CredentialStore::removeToken(const QString &profile, QObject *context, Callback done)
{
    if (m_mode == Mode::MemoryOnly) {
        m_memory.remove(profile);
        deliverLater(context, [done] { done(CredentialError::ok()); });
        return;
    }
    auto *job = newJob<QKeychain::DeletePasswordJob>(serviceName(), profile);
    connect(job, &QKeychain::Job::finished, this,
            [job, profile, context = QPointer<QObject>(context), done](QKeychain::Job *) {
                CredentialError error = CredentialError::fromKeychain(job->error(),
                                                                      job->errorString(), profile);
                if (error.kind == CredentialError::Kind::NotFound)
                    error = CredentialError::ok();
                if (!error.isOk())
                    qCInfo(lcAuth)
                        << "keychain delete for profile" << profile << "failed:" << error.detail;
                if (context)
                    done(error);
            });
    job->start();
}

void CredentialStore::moveToken(const QString &from, const QString &to, QObject *context,
                                Callback done)
{
    if (from == to || m_mode == Mode::MemoryOnly) {
        const bool moved = m_mode == Mode::Keychain || m_memory.rename(from, to);
        deliverLater(context, [from, moved, done] {
            done(moved ? CredentialError::ok()
                       : CredentialError::make(CredentialError::Kind::NotFound, from));
        });
        return;
    }
    QPointer<QObject> guard(context);
    readToken(
        from, this,
        [this, from, to, guard, done](const QString &token, const CredentialError &readError) {
            if (!readError.isOk()) {
                if (guard)
                    done(readError);
                return;
            }
            writeToken(
                to, token, this, [this, from, to, guard, done](const CredentialError &writeError) {
                    if (!writeError.isOk()) {
                        if (guard)
                            done(writeError);
                        return;
                    }
                    removeToken(from, this,
                                [from, to, guard, done](const CredentialError &removeError) {
                                    // The token is safe under its new name; a stale old entry is
                                    // worth a warning, not a failed rename.
                                    if (!removeError.isOk())
                                        qCWarning(lcAuth)
                                            << "token moved from profile" << from << "to" << to
                                            << "but the old entry stayed:" << removeError.detail;
                                    if (guard)
                                        done(CredentialError::ok());
                                });
                });
        });
}
