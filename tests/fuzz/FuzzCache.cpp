#include "FuzzCache.h"

#include "DemoCache.h"

#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

QString FuzzCache::path()
{
    static const QString built = [] {
        static QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cache.sqlite"));
        DemoCache::Spec spec;
        spec.sessionId = SessionId;
        spec.contacts = 300;
        spec.groups = 6;
        spec.membersPerGroup = 12;
        const QString error = dir.isValid() ? DemoCache::build(file, spec)
                                            : QStringLiteral("no temporary directory");
        if (!error.isEmpty()) {
            std::fprintf(stderr, "cannot build the fuzz cache: %s\n", qPrintable(error));
            std::abort();
        }
        return file;
    }();
    return built;
}
